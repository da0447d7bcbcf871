/**
 * Shell: the application frame — layout, navigation, sign-in (embedded OpenID Connect provider or an external one), security configuration, home and account pages.
 */
@ApplicationModule(displayName = "Shell", allowedDependencies = {"access", "appointments", "audit", "encounter", "patient", "platform"})
package com.carepoint.shell;

import org.springframework.modulith.ApplicationModule;
