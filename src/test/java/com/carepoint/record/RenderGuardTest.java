package com.carepoint.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A late answer is never shown under another patient's banner, nor after a refresh. */
class RenderGuardTest {

    @Test
    void anAnswerForThePreviousPatientIsDropped() {
        RenderGuard guard = new RenderGuard();
        RenderGuard.Ticket forA = guard.start("9990000018");
        guard.start("9990000085");
        assertThat(guard.isCurrent(forA)).isFalse();
    }

    @Test
    void anAnswerFromBeforeARefreshIsDropped() {
        RenderGuard guard = new RenderGuard();
        RenderGuard.Ticket before = guard.start("9990000018");
        RenderGuard.Ticket after = guard.start("9990000018");
        assertThat(guard.isCurrent(before)).isFalse();
        assertThat(guard.isCurrent(after)).isTrue();
        assertThat(guard.isCurrent(guard.current())).isTrue();
    }
}
