package com.carepoint.audit;

import java.util.List;

/** The audit trail no longer matches its last checkpoint or its own chain: nothing is checkpointed or purged. */
public class AuditChainBrokenException extends RuntimeException {

    private final List<String> problems;

    public AuditChainBrokenException(List<String> problems) {
        super("Audit trail broken: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
