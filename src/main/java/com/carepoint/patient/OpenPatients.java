package com.carepoint.patient;

import com.carepoint.access.AccessReason;
import com.carepoint.kernel.TracedPatient;
import com.vaadin.flow.spring.annotation.VaadinSessionScope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The patients the signed-in user has traced in this session, in memory only. Record URLs carry an opaque token, so
 * NHS numbers never appear in addresses, browser history or server logs. Recent patients are the last few traced.
 */
@Component
@VaadinSessionScope
public class OpenPatients {

    static final int RECENT = 10;

    /** A recently opened patient. */
    public record Recent(String token, TracedPatient patient, Instant openedAt) {
    }

    private final Map<String, TracedPatient> byToken = new LinkedHashMap<>();
    private final Map<String, AccessReason> reasons = new LinkedHashMap<>();
    private final List<Recent> recent = new ArrayList<>();

    public synchronized String open(TracedPatient patient) {
        String token = byToken.entrySet().stream()
                .filter(e -> e.getValue().nhsNumber().equals(patient.nhsNumber()))
                .map(Map.Entry::getKey).findFirst()
                .orElseGet(() -> UUID.randomUUID().toString());
        byToken.put(token, patient);
        recent.removeIf(r -> r.token().equals(token));
        recent.addFirst(new Recent(token, patient, Instant.now()));
        while (recent.size() > RECENT) {
            String dropped = recent.removeLast().token();
            byToken.remove(dropped);
            reasons.remove(dropped);
        }
        return token;
    }

    public synchronized Optional<TracedPatient> get(String token) {
        return Optional.ofNullable(byToken.get(token));
    }

    /** The reason the user gave for opening this patient's record in this session, if any. */
    public synchronized Optional<AccessReason> reason(String token) {
        return Optional.ofNullable(reasons.get(token));
    }

    public synchronized void setReason(String token, AccessReason reason) {
        if (byToken.containsKey(token)) {
            reasons.put(token, reason);
        }
    }

    public synchronized List<Recent> recent() {
        return List.copyOf(recent);
    }
}
