/**
 * National services: the demographics service (PDS) and the endpoint directory (SDS) clients. Knows FHIR R4 wire details of those services only.
 */
@ApplicationModule(displayName = "National services", allowedDependencies = {"kernel", "platform"})
package com.carepoint.spine;

import org.springframework.modulith.ApplicationModule;
