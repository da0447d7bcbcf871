package com.carepoint.kernel;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Small text helpers for what Carepoint shows. */
public final class Text {

    /** Unicode directional overrides, embeddings, isolates and the invisible direction marks. */
    private static final Pattern DIRECTIONAL_CONTROLS = Pattern.compile("[\\u202A-\\u202E\\u2066-\\u2069\\u200E\\u200F\\u061C]");

    private Text() {
    }

    /**
     * The text as written, without Unicode directional formatting characters: text from outside Carepoint (a GP
     * system, the demographics service, what a user typed) cannot reorder what is shown after it.
     */
    public static String withoutDirectionalControls(String text) {
        return text == null ? null : DIRECTIONAL_CONTROLS.matcher(text).replaceAll("");
    }

    /** What a user is told when what they typed holds invisible formatting characters. */
    public static final String INVISIBLE_FORMATTING_PROBLEM = "Remove the invisible formatting characters (they may "
            + "have come with pasted text)";

    /**
     * Whether the text holds characters that are not seen but change what is shown or sent: Unicode format
     * characters (zero-width spaces and joiners, direction marks and overrides, the byte order mark, soft hyphens)
     * and control characters other than line feed, carriage return and tab. They usually arrive with pasted text.
     */
    public static boolean hasInvisibleFormatting(String text) {
        return text != null && text.codePoints().anyMatch(c -> Character.getType(c) == Character.FORMAT
                || Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
    }

    /** {@link #INVISIBLE_FORMATTING_PROBLEM} when the text holds invisible formatting characters, else empty. */
    public static Optional<String> invisibleFormattingProblem(String text) {
        return hasInvisibleFormatting(text) ? Optional.of(INVISIBLE_FORMATTING_PROBLEM) : Optional.empty();
    }

    /** The text with its first letter in capitals ("major" → "Major"); empty for null or empty text. */
    public static String capitalise(String s) {
        return s == null || s.isEmpty() ? "" : s.substring(0, 1).toUpperCase(Locale.UK) + s.substring(1);
    }

    /** Escapes text for XHTML (documents rendered to PDF); control characters, not allowed in XML, become spaces. */
    public static String xml(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        b.append(' ');
                    } else {
                        b.appendCodePoint(c);
                    }
                }
            }
        });
        return b.toString();
    }
}
