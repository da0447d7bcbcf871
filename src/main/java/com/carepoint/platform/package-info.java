/**
 * Platform: the technical frame — embedded database, cluster-safe background tasks, trace ids, security headers, FHIR HTTP clients with their limits. No business logic; uses only the shared kernel.
 */
@ApplicationModule(displayName = "Platform", allowedDependencies = {"kernel"})
package com.carepoint.platform;

import org.springframework.modulith.ApplicationModule;
