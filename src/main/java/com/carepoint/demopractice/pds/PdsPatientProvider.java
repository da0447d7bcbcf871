package com.carepoint.demopractice.pds;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.NumberParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import com.carepoint.demopractice.data.NhsNumbers;
import com.carepoint.demopractice.data.PatientRecord;
import com.carepoint.demopractice.provider.DemoRecords;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

/** PDS-shaped Patient retrieve and search over the demo patients. */
final class PdsPatientProvider implements IResourceProvider {

    static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";
    static final String ODS = "https://fhir.nhs.uk/Id/ods-organization-code";
    static final String CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DoubleMetaphone PHONETIC = new DoubleMetaphone();

    private final DemoRecords records;

    PdsPatientProvider(DemoRecords records) {
        this.records = records;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return Patient.class;
    }

    /** Retrieve by NHS number. A superseded number returns the current record, whose id is the current number. */
    @Read
    public Patient read(@IdParam IdType id) {
        String nhs = id.getIdPart();
        if (!validNhsNumber(nhs)) {
            throw PdsErrors.error(400, "INVALID_RESOURCE_ID", "Invalid resource ID");
        }
        String current = records.data().currentNhsNumberFor(nhs).orElse(nhs);
        return records.data().patient(current).map(PdsPatientProvider::toFhir)
                .orElseThrow(() -> PdsErrors.error(404, "RESOURCE_NOT_FOUND", "Patient record not found"));
    }

    /**
     * Demographic search. Family name and birth date (or a birth date range) are required. With
     * {@code _fuzzy-match=true} family and given names match phonetically (Smith finds Smyth).
     */
    @Search
    public Bundle search(
            @OptionalParam(name = "family") StringParam family,
            @OptionalParam(name = "given") StringParam given,
            @OptionalParam(name = "gender") TokenParam gender,
            @OptionalParam(name = "birthdate") DateRangeParam birthdate,
            @OptionalParam(name = "address-postalcode") StringParam postcode,
            @OptionalParam(name = "_fuzzy-match") TokenParam fuzzyParam,
            @OptionalParam(name = "_max-results") NumberParam maxResults) {
        if (family == null || family.getValue().isBlank() || birthdate == null) {
            throw PdsErrors.error(400, "MISSING_VALUE", "Family name and birth date are required for a search");
        }
        boolean fuzzy = fuzzyParam != null && "true".equalsIgnoreCase(fuzzyParam.getValue());
        int max = maxResults == null ? 1 : maxResults.getValue().intValue();
        if (max < 1 || max > 50) {
            throw PdsErrors.error(400, "INVALID_SEARCH_DATA", "_max-results must be between 1 and 50");
        }
        List<Scored> matches = new ArrayList<>();
        for (PatientRecord p : records.data().patients()) {
            double score = score(p, family.getValue(), given, gender, birthdate, postcode, fuzzy);
            if (score > 0) {
                matches.add(new Scored(p, score));
            }
        }
        matches.sort(Comparator.comparingDouble(Scored::score).reversed());
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        if (matches.size() > max) {
            bundle.setTotal(0);
            OperationOutcome tooMany = PdsErrors.outcome("TOO_MANY_MATCHES", "Too many matches: refine the search");
            bundle.addEntry().setResource(tooMany).getSearch().setMode(Bundle.SearchEntryMode.OUTCOME);
            return bundle;
        }
        bundle.setTotal(matches.size());
        for (Scored s : matches) {
            Patient patient = toFhir(s.patient());
            bundle.addEntry().setFullUrl("Patient/" + patient.getIdElement().getIdPart()).setResource(patient)
                    .getSearch().setMode(Bundle.SearchEntryMode.MATCH).setScore(s.score());
        }
        return bundle;
    }

    private record Scored(PatientRecord patient, double score) {
    }

    static double score(PatientRecord p, String family, StringParam given, TokenParam gender,
            DateRangeParam birthdate, StringParam postcode, boolean fuzzy) {
        int born = p.birthDate().getYear() * 10000 + p.birthDate().getMonthValue() * 100 + p.birthDate().getDayOfMonth();
        Integer lower = birthdate.getLowerBoundAsDateInteger();
        Integer upper = birthdate.getUpperBoundAsDateInteger();
        if (lower != null && born < lower || upper != null && born > upper) {
            return 0;
        }
        double score = 1.0;
        if (!nameMatches(p.family(), family)) {
            if (!fuzzy || !phonetic(p.family(), family)) {
                return 0;
            }
            score -= 0.1;
        }
        if (given != null && !given.getValue().isBlank()) {
            boolean any = p.given().stream().anyMatch(g -> nameMatches(g, given.getValue()));
            if (!any) {
                if (!fuzzy || p.given().stream().noneMatch(g -> phonetic(g, given.getValue()))) {
                    return 0;
                }
                score -= 0.1;
            }
        }
        if (gender != null && !gender.getValue().equalsIgnoreCase(p.gender())) {
            return 0;
        }
        if (postcode != null && !postcode.getValue().isBlank()) {
            String wanted = normalisePostcode(postcode.getValue());
            String actual = p.address() == null ? "" : normalisePostcode(p.address().postcode());
            if (!actual.equals(wanted)) {
                if (!fuzzy || !actual.startsWith(wanted.substring(0, Math.min(3, wanted.length())))) {
                    return 0;
                }
                score -= 0.05;
            }
        }
        return Math.round(score * 100) / 100.0;
    }

    private static boolean nameMatches(String actual, String wanted) {
        return actual != null && actual.toLowerCase(Locale.UK).startsWith(wanted.trim().toLowerCase(Locale.UK));
    }

    private static boolean phonetic(String a, String b) {
        return a != null && b != null && PHONETIC.isDoubleMetaphoneEqual(a.trim(), b.trim());
    }

    private static String normalisePostcode(String p) {
        return p == null ? "" : p.replaceAll("\\s+", "").toUpperCase(Locale.UK);
    }

    static Patient toFhir(PatientRecord r) {
        Patient p = new Patient();
        p.setId(r.nhsNumber());
        boolean restricted = r.flags().sensitive();
        p.setMeta(new Meta().addSecurity(new Coding(CONFIDENTIALITY, restricted ? "R" : "U",
                restricted ? "restricted" : "unrestricted")));
        p.addIdentifier(new Identifier().setSystem(NHS_NUMBER).setValue(r.nhsNumber()));
        HumanName name = new HumanName().setUse(HumanName.NameUse.USUAL).setFamily(r.family());
        r.given().forEach(name::addGiven);
        if (r.title() != null) {
            name.addPrefix(r.title());
        }
        p.addName(name);
        p.setGender(switch (String.valueOf(r.gender()).toLowerCase(Locale.UK)) {
            case "male" -> AdministrativeGender.MALE;
            case "female" -> AdministrativeGender.FEMALE;
            case "other" -> AdministrativeGender.OTHER;
            default -> AdministrativeGender.UNKNOWN;
        });
        p.setBirthDateElement(new DateType(r.birthDate().toString()));
        if (r.flags().deceased() != null) {
            p.setDeceased(new DateTimeType(r.flags().deceased().toString()));
        }
        if (!restricted) {
            if (r.address() != null) {
                Address a = new Address().setUse(Address.AddressUse.HOME);
                r.address().lines().forEach(a::addLine);
                a.setCity(r.address().city()).setPostalCode(r.address().postcode());
                p.addAddress(a);
            }
            if (r.telephone() != null) {
                p.addTelecom(new ContactPoint().setSystem(ContactPoint.ContactPointSystem.PHONE)
                        .setUse(ContactPoint.ContactPointUse.MOBILE).setValue(r.telephone()));
            }
        }
        if (r.practice() != null) {
            Reference gp = new Reference().setType("Organization")
                    .setIdentifier(new Identifier().setSystem(ODS).setValue(r.practice()));
            if (r.registeredSince() != null) {
                gp.getIdentifier().setPeriod(new Period().setStart(
                        Date.from(r.registeredSince().atTime(12, 0).atZone(UK).toInstant())));
            }
            p.addGeneralPractitioner(gp);
        }
        return p;
    }

    static boolean validNhsNumber(String value) {
        return NhsNumbers.valid(value);
    }

}
