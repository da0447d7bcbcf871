package com.carepoint.encounter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The National Early Warning Score 2 (Royal College of Physicians, 2017; chart 1 "The NEWS scoring system" and
 * chart 2 "NEWS thresholds and triggers"), from the observations as typed. A score is only given when every one of
 * the seven parameters is recorded: a partial score would read as reassuring when it is not known.
 */
public final class News2 {

    /** Level of consciousness, ACVPU: Alert, new Confusion, responds to Voice, to Pain, Unresponsive. */
    public enum Consciousness {
        ALERT("A — Alert"),
        CONFUSION("C — New confusion"),
        VOICE("V — Responds to voice"),
        PAIN("P — Responds to pain"),
        UNRESPONSIVE("U — Unresponsive");

        private final String label;

        Consciousness(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The clinical response the aggregate (or a single red score) triggers. */
    public enum Risk {
        LOW("Low"),
        LOW_MEDIUM("Low-medium (a score of 3 in one parameter): urgent review"),
        MEDIUM("Medium: key threshold for urgent response"),
        HIGH("High: emergency response");

        private final String label;

        Risk(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A whole score: the aggregate, its risk, and each parameter's part. */
    public record Score(int total, Risk risk, List<String> parts) {
    }

    private News2() {
    }

    /**
     * The score, or empty with what is missing.
     *
     * @param scale2 SpO2 scale 2 (for patients with hypercapnic respiratory failure, as a clinician decides)
     */
    public static Optional<Score> score(Integer respiratoryRate, Integer spo2, boolean scale2, Boolean onOxygen,
            Integer systolic, Integer pulse, Consciousness consciousness, Double temperature) {
        if (respiratoryRate == null || spo2 == null || onOxygen == null || systolic == null || pulse == null
                || consciousness == null || temperature == null) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        int rr = respiration(respiratoryRate);
        int sat = scale2 ? spo2Scale2(spo2, onOxygen) : spo2Scale1(spo2);
        int air = onOxygen ? 2 : 0;
        int bp = systolic(systolic);
        int hr = pulse(pulse);
        int cns = consciousness == Consciousness.ALERT ? 0 : 3;
        int temp = temperature(temperature);
        parts.add("respiration " + rr);
        parts.add("SpO2 (scale " + (scale2 ? 2 : 1) + ") " + sat);
        parts.add((onOxygen ? "oxygen " : "air ") + air);
        parts.add("systolic BP " + bp);
        parts.add("pulse " + hr);
        parts.add("consciousness " + cns);
        parts.add("temperature " + temp);
        int total = rr + sat + air + bp + hr + cns + temp;
        boolean singleRed = rr == 3 || sat == 3 || bp == 3 || hr == 3 || cns == 3 || temp == 3;
        Risk risk = total >= 7 ? Risk.HIGH : total >= 5 ? Risk.MEDIUM : singleRed ? Risk.LOW_MEDIUM : Risk.LOW;
        return Optional.of(new Score(total, risk, List.copyOf(parts)));
    }

    static int respiration(int rate) {
        if (rate <= 8) {
            return 3;
        }
        if (rate <= 11) {
            return 1;
        }
        if (rate <= 20) {
            return 0;
        }
        if (rate <= 24) {
            return 2;
        }
        return 3;
    }

    static int spo2Scale1(int spo2) {
        if (spo2 <= 91) {
            return 3;
        }
        if (spo2 <= 93) {
            return 2;
        }
        if (spo2 <= 95) {
            return 1;
        }
        return 0;
    }

    /** Scale 2: 88–92 scores 0 on air or oxygen, and ≥ 93 scores 0 on air but 1–3 on oxygen (93–94, 95–96, ≥ 97). */
    static int spo2Scale2(int spo2, boolean onOxygen) {
        if (spo2 <= 83) {
            return 3;
        }
        if (spo2 <= 85) {
            return 2;
        }
        if (spo2 <= 87) {
            return 1;
        }
        if (spo2 <= 92 || !onOxygen) {
            return 0;
        }
        if (spo2 <= 94) {
            return 1;
        }
        if (spo2 <= 96) {
            return 2;
        }
        return 3;
    }

    static int systolic(int bp) {
        if (bp <= 90) {
            return 3;
        }
        if (bp <= 100) {
            return 2;
        }
        if (bp <= 110) {
            return 1;
        }
        if (bp <= 219) {
            return 0;
        }
        return 3;
    }

    static int pulse(int rate) {
        if (rate <= 40) {
            return 3;
        }
        if (rate <= 50) {
            return 1;
        }
        if (rate <= 90) {
            return 0;
        }
        if (rate <= 110) {
            return 1;
        }
        if (rate <= 130) {
            return 2;
        }
        return 3;
    }

    /** Temperature to one decimal place, as charted: ≤ 35.0, 35.1–36.0, 36.1–38.0, 38.1–39.0, ≥ 39.1. */
    static int temperature(double celsius) {
        double t = Math.round(celsius * 10) / 10.0;
        if (t <= 35.0) {
            return 3;
        }
        if (t <= 36.0) {
            return 1;
        }
        if (t <= 38.0) {
            return 0;
        }
        if (t <= 39.0) {
            return 1;
        }
        return 2;
    }
}
