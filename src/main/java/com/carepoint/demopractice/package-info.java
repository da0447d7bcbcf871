/**
 * Demo practices: strict GP Connect providers (with Access Document), PDS and SDS stand-ins with synthetic patients, a demo MESH server and each practice's GP system inbox for Send Document, served under /demo/ and reached by Carepoint only over HTTP. No module depends on it.
 */
@ApplicationModule(displayName = "Demo practices", allowedDependencies = {"kernel", "platform"})
package com.carepoint.demopractice;

import org.springframework.modulith.ApplicationModule;
