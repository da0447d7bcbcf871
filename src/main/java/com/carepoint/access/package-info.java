/**
 * Access: who the user is (role, organisation, SDS ids), the data-sharing policy per role and organisation type, and the reasons for access.
 */
@ApplicationModule(displayName = "Access", allowedDependencies = {"kernel"})
package com.carepoint.access;

import org.springframework.modulith.ApplicationModule;
