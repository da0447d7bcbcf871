package com.carepoint.demopractice.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Faults configured by environment variable take effect: CAREPOINT_DEMO_MESH_FAULTS_ALL_DOWN=true and
 * CAREPOINT_DEMO_MESH_FAULTS_MESHA20047_ERROR_RATE=1 reach the application with the keys lower-cased by relaxed
 * binding ("all", "mesha20047").
 */
class MeshFaultsKeysTest {

    static final DemoMeshProperties.Faults DOWN = new DemoMeshProperties.Faults(true, Duration.ZERO, 0, false,
            List.of(), List.of());
    static final DemoMeshProperties.Faults FAILING = new DemoMeshProperties.Faults(false, Duration.ZERO, 1, false,
            List.of(), List.of());

    @Test
    void keysLowerCasedByAnEnvironmentVariableStillMatch() {
        MeshFaults faults = new MeshFaults(Map.of("all", DOWN, "mesha20047", FAILING));
        assertThat(faults.get(MeshFaults.ALL).down()).isTrue();
        assertThat(faults.get("MESHA20047").errorRate()).isEqualTo(1);
        assertThat(faults.get("MESHB82033").any()).isFalse();
    }

    @Test
    void switchedAtRunTime() {
        MeshFaults faults = new MeshFaults(Map.of());
        faults.set("MESHA20047", DOWN);
        assertThat(faults.get("mesha20047").down()).isTrue();
        faults.clear("MESHA20047");
        assertThat(faults.get("MESHA20047").any()).isFalse();
        faults.set("all", new DemoMeshProperties.Faults(false, Duration.ZERO, 0, false, List.of("9990000018"), List.of()));
        assertThat(faults.refusesNhsNumber("9990000018")).isTrue();
        faults.clearAll();
        assertThat(faults.refusesNhsNumber("9990000018")).isFalse();
    }
}
