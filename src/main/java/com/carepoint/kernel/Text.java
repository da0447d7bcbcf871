package com.carepoint.kernel;

import java.util.Locale;

/** Small text helpers for what Carepoint shows. */
public final class Text {

    private Text() {
    }

    /** The text with its first letter in capitals ("major" → "Major"); empty for null or empty text. */
    public static String capitalise(String s) {
        return s == null || s.isEmpty() ? "" : s.substring(0, 1).toUpperCase(Locale.UK) + s.substring(1);
    }
}
