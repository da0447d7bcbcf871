package com.carepoint.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * {@code GET /actuator/auditchain}: verifies the audit trail (its keyed chain, and against the latest checkpoint
 * outside the database) and reports what is broken. {@code POST /actuator/auditchain} writes a checkpoint now. Only
 * the privacy officer role may call it.
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
        result.put("problems", v.problems());
        v.checkpoint().ifPresent(cp -> result.put("checkpoint", summary(cp)));
        return result;
    }

    @WriteOperation
    public Map<String, Object> checkpoint() {
        Map<String, Object> result = new LinkedHashMap<>();
        try {
            result.put("written", true);
            result.put("checkpoint", summary(audit.checkpoint()));
        } catch (AuditChainBrokenException e) {
            result.put("written", false);
            result.put("problems", e.problems());
        }
        return result;
    }

    private static Map<String, Object> summary(AuditCheckpoint cp) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", cp.seq());
        m.put("kind", cp.kind());
        m.put("at", cp.at());
        m.put("firstId", cp.firstId());
        m.put("headId", cp.headId());
        m.put("count", cp.count());
        return m;
    }
}
