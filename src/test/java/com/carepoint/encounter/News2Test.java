package com.carepoint.encounter;

import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.encounter.News2.Consciousness;
import com.carepoint.encounter.News2.Risk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * NEWS2 against the Royal College of Physicians' chart 1 ("The NEWS scoring system", 2017), band by band at every
 * boundary, and chart 2's thresholds.
 */
class News2Test {

    @ParameterizedTest
    @CsvSource({"8,3", "9,1", "11,1", "12,0", "20,0", "21,2", "24,2", "25,3"})
    void respiration(int rate, int score) {
        assertThat(News2.respiration(rate)).isEqualTo(score);
    }

    @ParameterizedTest
    @CsvSource({"91,3", "92,2", "93,2", "94,1", "95,1", "96,0", "100,0"})
    void spo2Scale1(int spo2, int score) {
        assertThat(News2.spo2Scale1(spo2)).isEqualTo(score);
    }

    @ParameterizedTest
    @CsvSource({"83,false,3", "84,false,2", "85,true,2", "86,false,1", "87,true,1", "88,true,0", "92,true,0",
            "93,false,0", "99,false,0", "93,true,1", "94,true,1", "95,true,2", "96,true,2", "97,true,3"})
    void spo2Scale2(int spo2, boolean oxygen, int score) {
        assertThat(News2.spo2Scale2(spo2, oxygen)).isEqualTo(score);
    }

    @ParameterizedTest
    @CsvSource({"90,3", "91,2", "100,2", "101,1", "110,1", "111,0", "219,0", "220,3"})
    void systolic(int bp, int score) {
        assertThat(News2.systolic(bp)).isEqualTo(score);
    }

    @ParameterizedTest
    @CsvSource({"40,3", "41,1", "50,1", "51,0", "90,0", "91,1", "110,1", "111,2", "130,2", "131,3"})
    void pulse(int rate, int score) {
        assertThat(News2.pulse(rate)).isEqualTo(score);
    }

    @ParameterizedTest
    @CsvSource({"35.0,3", "35.1,1", "36.0,1", "36.1,0", "38.0,0", "38.1,1", "39.0,1", "39.1,2", "36.04,1"})
    void temperature(double t, int score) {
        assertThat(News2.temperature(t)).isEqualTo(score);
    }

    @Test
    void aWellAdultScoresZeroAndLowRisk() {
        News2.Score s = News2.score(16, 98, false, false, 125, 72, Consciousness.ALERT, 36.8).orElseThrow();
        assertThat(s.total()).isZero();
        assertThat(s.risk()).isEqualTo(Risk.LOW);
    }

    @Test
    void aSingleRedScoreIsLowMediumAndFiveIsMediumAndSevenIsHigh() {
        // New confusion alone: 3 in one parameter.
        assertThat(News2.score(16, 98, false, false, 125, 72, Consciousness.CONFUSION, 36.8).orElseThrow().risk())
                .isEqualTo(Risk.LOW_MEDIUM);
        // RR 22 (2) + SpO2 95 (1) + pulse 105 (1) + temp 38.5 (1) = 5.
        News2.Score five = News2.score(22, 95, false, false, 125, 105, Consciousness.ALERT, 38.5).orElseThrow();
        assertThat(five.total()).isEqualTo(5);
        assertThat(five.risk()).isEqualTo(Risk.MEDIUM);
        // Sepsis picture: RR 26 (3) + SpO2 92 (2) + oxygen (2) + BP 95 (2) + pulse 125 (2) + V (3) + 39.5 (2) = 16.
        News2.Score high = News2.score(26, 92, false, true, 95, 125, Consciousness.VOICE, 39.5).orElseThrow();
        assertThat(high.total()).isEqualTo(16);
        assertThat(high.risk()).isEqualTo(Risk.HIGH);
    }

    @Test
    void noScoreUntilEveryParameterIsRecorded() {
        assertThat(News2.score(16, 98, false, null, 125, 72, Consciousness.ALERT, 36.8)).isEmpty();
        assertThat(News2.score(16, 98, false, false, 125, 72, null, 36.8)).isEmpty();
        NoteContent c = new NoteContent();
        c.setRespiratoryRate("16");
        c.setSpo2("98");
        c.setOnOxygen(false);
        c.setSystolic("125");
        c.setPulse("72");
        c.setConsciousness(Consciousness.ALERT);
        assertThat(c.news2()).isEmpty();
        c.setTemperature("36.8");
        assertThat(c.news2()).get().extracting(News2.Score::total).isEqualTo(0);
        // A value outside what is possible is not scored (more likely mistyped).
        c.setSpo2("150");
        assertThat(c.news2()).isEmpty();
    }

    @Test
    void theRulesSayWhatIsWrongInPlainEnglish() {
        assertThat(NoteRules.spo2("abc")).contains("Type a whole number (%)");
        assertThat(NoteRules.spo2("101")).contains("Check this: 101 is outside 0 to 100 %");
        // Extreme but real values are recorded and scored, not refused (an SpO2 of 45%, a temperature of 28.5).
        assertThat(NoteRules.spo2("45")).isEmpty();
        assertThat(NoteRules.temperature("28.5")).isEmpty();
        assertThat(NoteRules.diastolic("130", "120")).contains("The diastolic pressure must be lower than the "
                + "systolic (120)");
        assertThat(NoteRules.temperature("37.55")).contains("Type a number with at most one decimal place (°C)");
        assertThat(NoteRules.time("25:00")).contains("Type the time as 24-hour hh:mm, for example 14:05");
        assertThat(NoteRules.time("1405")).isEmpty();
        assertThat(NoteRules.text("x".repeat(201), NoteRules.SHORT)).contains("At most 200 characters (this has 201)");
        NoteContent c = new NoteContent();
        c.setOutcome(NoteContent.Outcome.LEFT_AT_HOME);
        assertThat(NoteRules.signingProblems(NoteKind.AMBULANCE_ATTENDANCE, c)).containsExactly(
                "Enter the presenting complaint", "Enter your impression",
                "Record the safety-netting advice given to a patient left at home");
        assertThat(NoteRules.signingProblems(NoteKind.NHS_111_CALL, c)).containsExactly("Enter the call summary",
                "Enter the disposition");
    }
}
