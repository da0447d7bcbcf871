package com.carepoint.spine;

import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Stream;

/** A demographic search: family name and date of birth are required, the rest narrows the match. */
public record DemographicQuery(String familyName, Optional<String> givenName, LocalDate birthDate,
        Optional<String> gender, Optional<String> postcode) {

    /** Why this search is too vague to be safe, or empty when it can be made. */
    /** The longest name or postcode searched for; checked on the server, whatever the browser allowed. */
    public static final int MAX_LENGTH = 100;

    public Optional<String> tooVague() {
        if (Stream.of(Optional.ofNullable(familyName), givenName, postcode).flatMap(Optional::stream)
                .anyMatch(v -> v.length() > MAX_LENGTH)) {
            return Optional.of("Names and postcodes are searched for up to " + MAX_LENGTH + " characters: shorten "
                    + "what you typed");
        }
        if (familyName == null || familyName.trim().length() < 2) {
            return Optional.of("Enter the patient's family name (at least 2 letters)");
        }
        if (birthDate == null) {
            return Optional.of("Enter the patient's date of birth");
        }
        if (birthDate.isAfter(LocalDate.now())) {
            return Optional.of("The date of birth cannot be in the future");
        }
        if (givenName.isEmpty() && gender.isEmpty() && postcode.isEmpty()) {
            return Optional.of("Add the given name, gender or postcode as well, so that the right patient is found");
        }
        return Optional.empty();
    }
}
