package com.carepoint.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.access.Role;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class NavigationTest {

    @Test
    void thePrivacyOfficerIsOfferedNoClinicalFeature() {
        assertThat(Navigation.forRole(Role.PRIVACY_OFFICER)).extracting(Navigation.Destination::label)
                .doesNotContain("Find a patient", "Appointments", "Encounter notes");
    }

    @Test
    void socialCareIsNotOfferedBookingOrNotes() {
        assertThat(Navigation.forRole(Role.SOCIAL_CARE)).extracting(Navigation.Destination::label)
                .contains("Find a patient").doesNotContain("Appointments", "Encounter notes", "Audit trail");
    }

    @Test
    void idleDurationsReadNaturally() {
        assertThat(IdleSessionGuard.minutes(Duration.ofMinutes(15))).isEqualTo("15 minutes");
        assertThat(IdleSessionGuard.minutes(Duration.ofMinutes(1))).isEqualTo("1 minute");
        assertThat(IdleSessionGuard.minutes(Duration.ofSeconds(90))).isEqualTo("90 seconds");
    }
}
