package com.carepoint.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.stereotype.Component;

/**
 * {@code GET /actuator/auditchain}: verifies the audit trail's hash chain and reports the first broken row. Only the
 * privacy officer role may call it.
 */
@Component
@Endpoint(id = "auditchain")
public class AuditChainEndpoint {

    private final AuditTrail audit;

    public AuditChainEndpoint(AuditTrail audit) {
        this.audit = audit;
    }

    @ReadOperation
    public Map<String, Object> verify() {
        AuditTrail.Verification v = audit.verify();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("intact", v.intact());
        result.put("rowsChecked", v.rowsChecked());
        v.firstBrokenRowId().ifPresent(id -> result.put("firstBrokenRowId", id));
        return result;
    }
}
