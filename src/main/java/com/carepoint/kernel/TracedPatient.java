package com.carepoint.kernel;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A patient as the national demographics service traced them: the source of truth for who the patient is and which
 * practice they are registered with. For a sensitive (restricted) patient the address and contacts are withheld.
 *
 * @param nhsNumber           the current NHS number (it differs from the one asked for when that was superseded)
 * @param requestedNhsNumber  the NHS number that was looked up
 */
public record TracedPatient(
        NhsNumber nhsNumber,
        NhsNumber requestedNhsNumber,
        String title,
        List<String> givenNames,
        String familyName,
        String gender,
        LocalDate birthDate,
        Optional<LocalDate> deceased,
        boolean sensitive,
        List<String> addressLines,
        String postcode,
        Optional<String> telephone,
        Optional<String> registeredPracticeOds) {

    public boolean superseded() {
        return !nhsNumber.equals(requestedNhsNumber);
    }

    public boolean isDeceased() {
        return deceased.isPresent();
    }

    /** {@code SMITH, Jane (Mrs)}: family name in capitals, given names, title — NHS CUI patient name style. */
    public String bannerName() {
        String given = String.join(" ", givenNames);
        return familyName.toUpperCase(Locale.UK) + (given.isBlank() ? "" : ", " + given)
                + (title == null || title.isBlank() ? "" : " (" + title + ")");
    }
}
