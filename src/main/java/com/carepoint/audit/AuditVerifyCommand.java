package com.carepoint.audit;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code --audit-verify}: verifies the audit trail (its keyed chain, and against the latest checkpoint), prints the
 * result and exits (0 intact, 1 broken). Used by {@code ./carepoint audit-verify}, which also keeps the background
 * tasks off, so verifying writes nothing.
 */
@Component
class AuditVerifyCommand implements ApplicationRunner {

    private final AuditTrail audit;
    private final ConfigurableApplicationContext context;

    AuditVerifyCommand(AuditTrail audit, ConfigurableApplicationContext context) {
        this.audit = audit;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption("audit-verify")) {
            return;
        }
        AuditTrail.Verification v = audit.verify();
        String against = v.checkpoint().map(cp -> ", compared with " + cp.label() + ": " + cp.count() + " rows up to row "
                + cp.headId()).orElse("");
        if (v.intact()) {
            System.out.println("Audit trail intact: " + v.rowsChecked() + " rows verified" + against + ".");
        } else {
            System.out.println("Audit trail BROKEN (" + v.rowsChecked() + " rows checked" + against + "):");
            v.problems().forEach(p -> System.out.println("  - " + p));
        }
        int code = v.intact() ? 0 : 1;
        System.exit(SpringApplication.exit(context, () -> code));
    }
}
