package com.carepoint.kernel;

import java.util.Optional;

/** A valid NHS number: 10 digits whose modulus 11 check digit holds. Shown as 3-3-4 ({@code 943 476 5919}). */
public record NhsNumber(String value) {

    public NhsNumber {
        if (!isValid(value)) {
            throw new IllegalArgumentException("Not a valid NHS number");
        }
    }

    /** What is wrong with what the user typed, in plain English; empty when it is a valid NHS number. */
    public static Optional<String> problemWith(String typed) {
        String digits = normalise(typed);
        if (digits.isEmpty()) {
            return Optional.of("Enter the patient's NHS number");
        }
        if (!digits.matches("\\d+")) {
            return Optional.of("An NHS number has only digits (spaces and hyphens are fine)");
        }
        if (digits.length() != 10) {
            return Optional.of("An NHS number has 10 digits; this has " + digits.length());
        }
        if (!isValid(digits)) {
            return Optional.of("This is not a valid NHS number: check each digit with the patient or their documents");
        }
        return Optional.empty();
    }

    public static Optional<NhsNumber> parse(String typed) {
        String digits = normalise(typed);
        return isValid(digits) ? Optional.of(new NhsNumber(digits)) : Optional.empty();
    }

    static String normalise(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "");
    }

    public static boolean isValid(String digits) {
        if (digits == null || !digits.matches("\\d{10}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(9) - '0';
    }

    /** 3-3-4 with spaces, as NHS staff and patients read it. */
    public String formatted() {
        return value.substring(0, 3) + " " + value.substring(3, 6) + " " + value.substring(6);
    }

    @Override
    public String toString() {
        // Never let an NHS number slip into a log line through string concatenation.
        return "NhsNumber[redacted]";
    }
}
