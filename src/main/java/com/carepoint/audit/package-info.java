/**
 * Audit: the append-only audit trail (HMAC-chained, anchored by signed checkpoints outside the database), emergency access reviews, transparency reports and practice notifications, with the privacy officer's pages.
 */
@ApplicationModule(displayName = "Audit", allowedDependencies = {"access", "kernel"})
package com.carepoint.audit;

import org.springframework.modulith.ApplicationModule;
