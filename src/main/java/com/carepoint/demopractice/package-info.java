/**
 * Demo practices: strict GP Connect providers, PDS and SDS stand-ins with synthetic patients, served under /demo/ and reached by Carepoint only over HTTP. No module depends on it.
 */
@ApplicationModule(displayName = "Demo practices", allowedDependencies = {"kernel", "platform"})
package com.carepoint.demopractice;

import org.springframework.modulith.ApplicationModule;
