package com.carepoint.gpconnect.senddocument;

import com.carepoint.kernel.NhsNumber;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * MESH's registered-practice routing address and the ASCII form of the text that goes into MESH headers.
 *
 * <p>The address, nhsconnect/gpconnect-messaging pages/integration/integration_mesh.md ("MESH API"): "the Mex-To HTTP
 * header is populated according to following syntactic conventions. {@code <GPPROVIDER>[delimiter]<Nhs
 * No>[delimiter]<d.o.b>[delimiter]<Surname>} The underscore {@code _} character is used as the delimiter. Date of
 * birth is specified in {@code yyyyMMdd} format. For example, ... Mr Brian Smith, born 14 February 2001, with NHS
 * Number 12345678, the Mex_To field will have the following value: {@code GPPROVIDER_12345678_20010214_Smith}". The
 * current page, the GP Connect Send Document guide on Simplifier ("Date of birth is specified in YYYYMMDD format") and
 * NHS England's MESH endpoint-lookup guidance ({@code GPPROVIDER_1234567890_19670126_Smith}, "YYYYMMDD") agree; only an
 * older draft of the page and the MESH client CTL example ({@code 09011955}) show {@code DDMMYYYY}.
 *
 * <p>The surname: no source normalises it (every example is {@code Smith}), and GPCM-SD-CS-042 says the Patient's
 * surname, date of birth and NHS number "MUST match those specified in ... Mex_To". Carepoint keeps the surname as
 * the demographics service holds it — case, hyphens, apostrophes and single spaces unchanged — and makes it safe for
 * an HTTP header: accents are dropped (NFD, combining marks removed: {@code Zoë} → {@code Zoe}), the few Latin letters
 * that do not decompose are spelled out ({@code Ø} → {@code O}, {@code ß} → {@code ss}), a typographic apostrophe
 * becomes {@code '}. A surname that still has a character outside printable ASCII, or an underscore (the delimiter),
 * cannot be addressed and is refused.
 */
public final class GpProviderAddress {

    /** "GPPROVIDER" ... "must be all upper case" (NHS England, MESH endpoint lookup guidance). */
    public static final String PREFIX = "GPPROVIDER";
    static final DateTimeFormatter DATE_OF_BIRTH = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);

    private static final Map<Character, String> SPELLED = Map.ofEntries(
            Map.entry('Ø', "O"), Map.entry('ø', "o"), Map.entry('Ł', "L"), Map.entry('ł', "l"),
            Map.entry('Đ', "D"), Map.entry('đ', "d"), Map.entry('Ħ', "H"), Map.entry('ħ', "h"),
            Map.entry('ß', "ss"), Map.entry('Æ', "AE"), Map.entry('æ', "ae"), Map.entry('Œ', "OE"),
            Map.entry('œ', "oe"), Map.entry('Þ', "Th"), Map.entry('þ', "th"), Map.entry('ı', "i"),
            Map.entry('\u2018', "'"), Map.entry('\u2019', "'"), Map.entry('\u02BC', "'"), Map.entry('\u2010', "-"),
            Map.entry('\u2011', "-"), Map.entry('\u2013', "-"));

    private GpProviderAddress() {
    }

    /** {@code GPPROVIDER_<NHS number>_<yyyyMMdd>_<surname>}. */
    public static String of(NhsNumber nhsNumber, LocalDate birthDate, String surname) {
        String name = surnameForAddress(surname);
        return PREFIX + "_" + nhsNumber.value() + "_" + DATE_OF_BIRTH.format(birthDate) + "_" + name;
    }

    /** The surname as it goes into {@code Mex-To}; refused when it cannot be carried as it is meant. */
    public static String surnameForAddress(String surname) {
        if (surname != null && surname.chars().anyMatch(Character::isISOControl)) {
            throw new UnaddressableException("The patient's surname has control characters");
        }
        String ascii = ascii(surname == null ? "" : surname);
        if (ascii.isEmpty()) {
            throw new UnaddressableException("The patient has no surname to address the message with");
        }
        if (ascii.contains("_")) {
            throw new UnaddressableException("The patient's surname contains '_', the MESH address delimiter");
        }
        if (!ascii.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            throw new UnaddressableException("The patient's surname has characters a MESH address cannot carry");
        }
        return ascii;
    }

    /**
     * The text with accents dropped, undecomposable Latin letters spelled out, runs of white space made one space, and
     * anything else outside printable ASCII left as it is (for the caller to refuse or replace).
     */
    static String ascii(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        StringBuilder b = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            b.append(SPELLED.getOrDefault(c, String.valueOf(c)));
        }
        return b.toString().replaceAll("\\s+", " ").strip();
    }

    /** Text for a MESH header that only shows it (the subject): what cannot be carried becomes '?'. */
    static String displayAscii(String text) {
        return ascii(text).replaceAll("[^\\x20-\\x7e]", "?");
    }

    /** The message cannot be addressed to the patient's registered practice. */
    public static final class UnaddressableException extends IllegalArgumentException {
        UnaddressableException(String message) {
            super(message);
        }
    }
}
