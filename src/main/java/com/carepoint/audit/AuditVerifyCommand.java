package com.carepoint.audit;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code --audit-verify}: verifies the audit trail's hash chain, prints the result and exits (0 intact, 1 broken).
 * Used by {@code ./carepoint audit-verify}.
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
        System.out.println(v.intact()
                ? "Audit trail intact: " + v.rowsChecked() + " rows verified."
                : "Audit trail BROKEN at row " + v.firstBrokenRowId().orElseThrow() + " (" + v.rowsChecked()
                        + " rows checked): that row or the one before it was changed, inserted or removed.");
        int code = v.intact() ? 0 : 1;
        System.exit(SpringApplication.exit(context, () -> code));
    }
}
