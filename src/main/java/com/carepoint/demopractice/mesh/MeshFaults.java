package com.carepoint.demopractice.mesh;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The faults the demo MESH server injects, keyed by mailbox id or {@link #ALL} for the whole server: configured
 * like the practices' faults ({@code carepoint.demo.mesh.faults.CAREPOINT01.down=true}, or by environment variable
 * {@code CAREPOINT_DEMO_MESH_FAULTS_ALL_DOWN=true}) and switchable at run time ({@link #set}, {@link #clear}, or
 * {@code PUT /demo/mesh/admin/faults/{key}}).
 */
public final class MeshFaults {

    public static final String ALL = "ALL";

    private final Map<String, DemoMeshProperties.Faults> faults = new ConcurrentHashMap<>();

    public MeshFaults(Map<String, DemoMeshProperties.Faults> configured) {
        // Relaxed binding lower-cases a key that arrives by environment variable ("carepoint01", "all").
        configured.forEach((k, v) -> faults.put(k.toUpperCase(Locale.ROOT), v));
    }

    public void set(String key, DemoMeshProperties.Faults f) {
        faults.put(key.toUpperCase(Locale.ROOT), f);
    }

    public void clear(String key) {
        faults.remove(key.toUpperCase(Locale.ROOT));
    }

    public void clearAll() {
        faults.clear();
    }

    public DemoMeshProperties.Faults get(String key) {
        return key == null ? DemoMeshProperties.Faults.NONE
                : faults.getOrDefault(key.toUpperCase(Locale.ROOT), DemoMeshProperties.Faults.NONE);
    }

    public Map<String, DemoMeshProperties.Faults> snapshot() {
        return Map.copyOf(faults);
    }

    /**
     * Whether the demo GP system behind this mailbox is to treat the patient as no longer registered (fault
     * {@code notRegisteredNhsNumbers}, for that mailbox or for all).
     */
    public boolean notRegistered(String mailboxId, String nhsNumber) {
        return get(mailboxId).notRegisteredNhsNumbers().contains(nhsNumber)
                || get(ALL).notRegisteredNhsNumbers().contains(nhsNumber);
    }

    boolean refusesNhsNumber(String nhsNumber) {
        return faults.values().stream().anyMatch(f -> f.refuseNhsNumbers().contains(nhsNumber));
    }
}
