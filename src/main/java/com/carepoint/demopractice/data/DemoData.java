package com.carepoint.demopractice.data;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The demo practices' data, loaded once from the configured location: practices, patients (with their
 * registrations) and endpoint directory entries.
 */
public final class DemoData {

    private final Map<String, Practice> practices = new LinkedHashMap<>();
    private final Map<String, PatientRecord> patientsByNhsNumber = new LinkedHashMap<>();
    private final Map<String, String> supersededToCurrent = new LinkedHashMap<>();
    private final List<PatientRecord> patients;
    private final List<DirectoryEntry> directory;
    private final Map<String, ConsumerOrganisation> organisations = new LinkedHashMap<>();

    public DemoData(List<Practice> practices, List<PatientRecord> patients, List<DirectoryEntry> directory,
            List<ConsumerOrganisation> organisations) {
        organisations.forEach(o -> this.organisations.put(o.odsCode().toUpperCase(Locale.UK), o));
        practices.forEach(p -> this.practices.put(p.odsCode(), p));
        this.patients = List.copyOf(patients);
        for (PatientRecord p : patients) {
            if (patientsByNhsNumber.put(p.nhsNumber(), p) != null) {
                throw new IllegalStateException("Demo data lists NHS number " + p.nhsNumber() + " twice");
            }
            p.supersededNhsNumbers().forEach(old -> supersededToCurrent.put(old, p.nhsNumber()));
        }
        this.directory = List.copyOf(directory);
    }

    public static DemoData load(ResourceLoader loader, String location) {
        String base = location.endsWith("/") ? location : location + "/";
        ObjectMapper yaml = YAMLMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
        return new DemoData(
                read(yaml, loader.getResource(base + "practices.yaml"), PracticesFile.class).practices(),
                read(yaml, loader.getResource(base + "patients.yaml"), PatientsFile.class).patients(),
                read(yaml, loader.getResource(base + "directory.yaml"), DirectoryFile.class).entries(),
                loader.getResource(base + "organisations.yaml").exists()
                        ? read(yaml, loader.getResource(base + "organisations.yaml"), OrganisationsFile.class)
                                .organisations()
                        : List.of());
    }

    /** The organisation register's entry for an ODS code, if it has one. */
    public Optional<ConsumerOrganisation> organisation(String odsCode) {
        return Optional.ofNullable(odsCode).map(o -> organisations.get(o.toUpperCase(Locale.UK)));
    }

    private static <T> T read(ObjectMapper yaml, Resource resource, Class<T> type) {
        try (InputStream in = resource.getInputStream()) {
            return yaml.readValue(in, type);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read demo data file " + resource.getDescription(), e);
        }
    }

    public Optional<Practice> practice(String odsCode) {
        return Optional.ofNullable(practices.get(odsCode));
    }

    public List<Practice> practices() {
        return List.copyOf(practices.values());
    }

    /** The patient whose current NHS number this is (superseded numbers are not matched here). */
    public Optional<PatientRecord> patient(String nhsNumber) {
        return Optional.ofNullable(patientsByNhsNumber.get(nhsNumber));
    }

    /** The current NHS number that a superseded one was replaced by. */
    public Optional<String> currentNhsNumberFor(String superseded) {
        return Optional.ofNullable(supersededToCurrent.get(superseded));
    }

    public List<PatientRecord> patients() {
        return patients;
    }

    public List<DirectoryEntry> directory() {
        return directory;
    }

    record PracticesFile(List<Practice> practices) {
    }

    record PatientsFile(List<PatientRecord> patients) {
    }

    record DirectoryFile(List<DirectoryEntry> entries) {
    }

    record OrganisationsFile(List<ConsumerOrganisation> organisations) {
    }
}
