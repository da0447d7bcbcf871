/**
 * Platform: the technical frame — embedded database, trace ids, security headers, FHIR HTTP clients with their limits. No business logic; depends on no module.
 */
@ApplicationModule(displayName = "Platform", allowedDependencies = {})
package com.carepoint.platform;

import org.springframework.modulith.ApplicationModule;
