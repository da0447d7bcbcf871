package com.carepoint.demopractice.data;

import java.util.List;

/**
 * A demo GP practice (or hub / out-of-hours service) as its data file describes it.
 *
 * @param supplier          which GP system supplier's style the practice answers in
 * @param gpConnectVersion  the GP Connect version the practice implements (1.5.x rejects {@code conf/} scopes)
 * @param capabilities      which GP Connect capabilities are switched on at this practice
 * @param refusedOrganisations ODS codes of consumer organisations this practice refuses ({@code NO_ORGANISATION_CONSENT})
 * @param refusedOrganisationTypes types of consumer organisation this practice refuses (e.g. {@code local-authority}),
 *                          looked up in the organisation register by the requesting organisation's ODS code
 * @param reportedVersion   the version its CapabilityStatement states, when that differs from what it implements
 *                          (real systems have been seen reporting 1.5.0 while serving 1.6-shaped answers)
 * @param unsupportedSections structured record parameters (e.g. {@code includeDiaryEntries}) the practice's GP system
 *                          does not implement: answered with an OperationOutcome in the Bundle and no List
 * @param servesPatientsOf  for a hub or out-of-hours service sharing its practices' clinical system: the ODS codes of
 *                          the practices whose patients it finds by NHS number ({@code "*"}: every demo patient);
 *                          a practice finds only the patients registered with it
 */
public record Practice(
        String odsCode,
        String name,
        String type,
        Supplier supplier,
        String gpConnectVersion,
        String asid,
        Address address,
        String telephone,
        Capabilities capabilities,
        List<String> refusedOrganisations,
        List<String> refusedOrganisationTypes,
        List<Clinician> practitioners,
        List<Site> locations,
        String reportedVersion,
        List<String> unsupportedSections,
        List<String> servesPatientsOf) {

    public Practice {
        refusedOrganisations = refusedOrganisations == null ? List.of() : List.copyOf(refusedOrganisations);
        refusedOrganisationTypes = refusedOrganisationTypes == null ? List.of() : List.copyOf(refusedOrganisationTypes);
        practitioners = practitioners == null ? List.of() : List.copyOf(practitioners);
        locations = locations == null ? List.of() : List.copyOf(locations);
        capabilities = capabilities == null ? new Capabilities(true, true, true, null) : capabilities;
        supplier = supplier == null ? Supplier.OPTIMUM : supplier;
        reportedVersion = reportedVersion == null ? gpConnectVersion : reportedVersion;
        unsupportedSections = unsupportedSections == null ? List.of() : List.copyOf(unsupportedSections);
        servesPatientsOf = servesPatientsOf == null ? List.of() : List.copyOf(servesPatientsOf);
    }

    /** Whether a patient registered at {@code registeredPractice} is found here by a Patient search. */
    public boolean serves(String registeredPractice) {
        return odsCode.equals(registeredPractice) || servesPatientsOf.contains("*")
                || servesPatientsOf.contains(registeredPractice);
    }

    /** The clinician with exactly this id, or null (no fallback, unlike {@link #practitioner(String)}). */
    public Clinician clinician(String id) {
        return practitioners.stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
    }

    public Site location(String id) {
        return locations.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
    }

    public boolean isVersion15() {
        return gpConnectVersion != null && gpConnectVersion.startsWith("1.5");
    }

    public Clinician practitioner(String id) {
        return practitioners.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElse(practitioners.isEmpty() ? null : practitioners.getFirst());
    }

    /** The two supplier styles: same data, different practitioner/location layout and wording. */
    public enum Supplier {
        /** "Optimum GP": one Location for the main surgery, headings History / Examination / Plan. */
        OPTIMUM,
        /** "Meridian Clinical": every site a Location, practitioner role in PractitionerRole, headings S/O/A/P. */
        MERIDIAN
    }

    /**
     * @param documents Access Document switched on (null, as in a data file that does not mention it: on)
     */
    public record Capabilities(boolean foundations, boolean structured, boolean appointments, Boolean documents) {

        public boolean documentsEnabled() {
            return documents == null || documents;
        }
    }

    public record Clinician(String id, String sdsUserId, String sdsRoleProfileId, String prefix, String given,
            String family, String gender, String role) {
    }

    public record Site(String id, String name, Address address) {
    }

    public record Address(List<String> lines, String city, String district, String postcode) {
        public Address {
            lines = lines == null ? List.of() : List.copyOf(lines);
        }
    }
}
