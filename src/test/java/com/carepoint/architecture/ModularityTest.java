package com.carepoint.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.Application;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The module structure, verified: no cycles, modules use each other only through their published API (the types in
 * a module's base package) and only the modules they declare ({@code package-info.java}), and nothing depends on
 * the demo practices (reachable only over HTTP).
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(Application.class);

    @Test
    void modulesHaveNoCyclesAndRespectTheirDeclaredDependencies() {
        System.out.println(MODULES);
        MODULES.verify();
    }

    @Test
    void nothingDependsOnTheDemoPractices() {
        var demo = MODULES.getModuleByName("demopractice").orElseThrow();
        MODULES.stream().filter(m -> !m.equals(demo)).forEach(m -> assertThat(
                m.getDirectDependencies(MODULES).contains(demo)).as(m.getDisplayName()).isFalse());
    }
}
