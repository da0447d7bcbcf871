package com.carepoint.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The MESH API specification (OAS, "Check an inbox"): "Client systems MUST poll their assigned inbox a minimum of once
 * a day and a maximum of once every five minutes". Whatever is configured, a real MESH server's inbox is read at most
 * every five minutes; only the embedded demo server (a path on Carepoint's own address) is read more often.
 */
class MeshPropertiesTest {

    static MeshProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("carepoint.mesh",
                MeshProperties.class);
    }

    @Test
    void aRealMeshServerIsPolledAtMostEveryFiveMinutesWhateverIsConfigured() {
        MeshProperties p = bind(Map.of("carepoint.mesh.base-url", "https://msg.intspineservices.nhs.uk",
                "carepoint.mesh.inbox-poll-interval", "10s"));
        assertThat(p.embeddedServer()).isFalse();
        assertThat(p.inboxPollEvery()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aLongerIntervalForARealServerIsKeptAndTheDefaultIsFiveMinutes() {
        assertThat(bind(Map.of("carepoint.mesh.base-url", "https://mesh-sync.spineservices.nhs.uk",
                "carepoint.mesh.inbox-poll-interval", "15m")).inboxPollEvery()).isEqualTo(Duration.ofMinutes(15));
        assertThat(bind(Map.of("carepoint.mesh.base-url", "https://mesh-sync.spineservices.nhs.uk")).inboxPollEvery())
                .isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void theEmbeddedDemoServerIsPolledAsOftenAsConfigured() {
        MeshProperties p = bind(Map.of("carepoint.mesh.base-url", "/demo/mesh",
                "carepoint.mesh.inbox-poll-interval", "10s"));
        assertThat(p.embeddedServer()).isTrue();
        assertThat(p.inboxPollEvery()).isEqualTo(Duration.ofSeconds(10));
    }
}
