package com.carepoint.encounter;

import com.carepoint.kernel.NhsNumber;
import com.carepoint.kernel.TracedPatient;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The patient a note is about, as traced when the note was started: what the banner showed, kept with the note so
 * a draft reopened after a sign-out or a crash still shows whose it is, and what the practice receives.
 */
public record PatientSnapshot(String nhsNumber, String title, List<String> givenNames, String familyName,
        String gender, LocalDate birthDate, boolean sensitive, List<String> addressLines, String postcode,
        String registeredPracticeOds) {

    public PatientSnapshot {
        givenNames = givenNames == null ? List.of() : List.copyOf(givenNames);
        addressLines = addressLines == null ? List.of() : List.copyOf(addressLines);
    }

    public static PatientSnapshot of(TracedPatient p) {
        return new PatientSnapshot(p.nhsNumber().value(), p.title(), p.givenNames(), p.familyName(), p.gender(),
                p.birthDate(), p.sensitive(), p.sensitive() ? List.of() : p.addressLines(),
                p.sensitive() ? "" : p.postcode(), p.registeredPracticeOds().orElse(""));
    }

    /** The patient as the banner shows them. */
    public TracedPatient traced() {
        NhsNumber nhs = NhsNumber.parse(nhsNumber).orElseThrow();
        return new TracedPatient(nhs, nhs, title, givenNames, familyName, gender, birthDate, Optional.empty(),
                sensitive, addressLines, postcode, Optional.empty(),
                registeredPracticeOds.isBlank() ? Optional.empty() : Optional.of(registeredPracticeOds));
    }
}
