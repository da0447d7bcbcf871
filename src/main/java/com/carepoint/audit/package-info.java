/**
 * Audit: the append-only, hash-chained audit trail, emergency access reviews, transparency reports and practice notifications, with the privacy officer's pages.
 */
@ApplicationModule(displayName = "Audit", allowedDependencies = {"access", "kernel"})
package com.carepoint.audit;

import org.springframework.modulith.ApplicationModule;
