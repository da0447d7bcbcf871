package com.carepoint.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The shared rule on invisible formatting characters (encounter notes and appointment bookings use it). */
class TextTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "zero\u200Bwidth space", "zero\u200Cwidth non-joiner", "zero\u200Dwidth joiner", "word\u2060joiner",
            "left-to-right \u200E mark", "right-to-left \u200F mark", "override \u202E here", "isolate \u2066 here",
            "\uFEFFbyte order mark", "soft\u00ADhyphen", "arabic letter mark \u061C", "null \u0000 char",
            "bell \u0007", "escape \u001B[31m", "delete \u007F", "next line \u0085"})
    void invisibleFormattingIsFound(String text) {
        assertThat(Text.hasInvisibleFormatting(text)).isTrue();
        assertThat(Text.invisibleFormattingProblem(text)).contains(
                "Remove the invisible formatting characters (they may have come with pasted text)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Plain text.", "Line one\nline two\r\nthree\ttabbed", "Café, naïve, Ørsted, Łódź",
            "Temperature 38.4 °C — SpO2 94%", "العربية", "中文", "emoji 🙂", "non\u00A0breaking space"})
    void visibleTextLineBreaksAndTabsAreAllowed(String text) {
        assertThat(Text.hasInvisibleFormatting(text)).isFalse();
        assertThat(Text.invisibleFormattingProblem(text)).isEmpty();
    }

    @Test
    void nullIsNoProblem() {
        assertThat(Text.hasInvisibleFormatting(null)).isFalse();
        assertThat(Text.invisibleFormattingProblem(null)).isEmpty();
    }
}
