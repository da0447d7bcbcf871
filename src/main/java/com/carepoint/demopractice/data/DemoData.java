package com.carepoint.demopractice.data;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    private final List<ScheduleTemplate> schedules;
    private final List<SeededAppointment> seededAppointments;

    public DemoData(List<Practice> practices, List<PatientRecord> patients, List<DirectoryEntry> directory,
            List<ConsumerOrganisation> organisations) {
        this(practices, patients, directory, organisations, List.of(), List.of());
    }

    public DemoData(List<Practice> practices, List<PatientRecord> patients, List<DirectoryEntry> directory,
            List<ConsumerOrganisation> organisations, List<ScheduleTemplate> schedules,
            List<SeededAppointment> seededAppointments) {
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
        this.schedules = List.copyOf(schedules);
        this.seededAppointments = List.copyOf(seededAppointments);
        checkSchedules();
    }

    /** A schedule that names a service, practitioner or location the practices file does not have is a start-up error. */
    private void checkSchedules() {
        Set<String> ids = new HashSet<>();
        for (ScheduleTemplate t : schedules) {
            Practice p = practices.get(t.service());
            String where = "Schedule " + t.id() + " in appointments.yaml";
            if (t.id() == null || !t.id().matches("[A-Za-z0-9.\\-]{1,40}") || !ids.add(t.id())) {
                throw new IllegalStateException(where + ": the id must be unique, letters, digits, '-' or '.'");
            }
            if (p == null) {
                throw new IllegalStateException(where + " names no demo service " + t.service());
            }
            if (t.practitioner() != null && p.clinician(t.practitioner()) == null) {
                throw new IllegalStateException(where + " names no practitioner " + t.practitioner() + " of " + p.odsCode());
            }
            if (p.location(t.location()) == null) {
                throw new IllegalStateException(where + " names no location " + t.location() + " of " + p.odsCode());
            }
            if (t.sessions().isEmpty() || t.slots().isEmpty() || t.slots().stream().anyMatch(s -> s.minutes() <= 0
                    || s.count() <= 0 || !List.of("In-person", "Telephone", "Video").contains(s.channel()))) {
                throw new IllegalStateException(where + " needs sessions and slots of positive minutes, each with a "
                        + "delivery channel In-person, Telephone or Video");
            }
            t.sessions().forEach(s -> {
                s.startTime();
                s.endTime();
            });
        }
        for (SeededAppointment a : seededAppointments) {
            if (a.inDays() < 0 || schedules.stream()
                    .noneMatch(t -> t.id().equals(a.schedule()) && t.service().equals(a.service()))) {
                throw new IllegalStateException("Seeded appointment for " + a.nhsNumber() + " needs inDays of 0 or "
                        + "more and a schedule of " + a.service() + " (" + a.schedule() + ")");
            }
        }
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
                        : List.of(),
                appointments(yaml, loader, base).schedules(),
                appointments(yaml, loader, base).seeded());
    }

    /** {@code appointments.yaml} is optional: without it no service offers slots. */
    private static AppointmentsFile appointments(ObjectMapper yaml, ResourceLoader loader, String base) {
        Resource file = loader.getResource(base + "appointments.yaml");
        return file.exists() ? read(yaml, file, AppointmentsFile.class) : new AppointmentsFile(List.of(), List.of());
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

    /** The appointment schedules of one service (practice, hub or out-of-hours service). */
    public List<ScheduleTemplate> schedules(String odsCode) {
        return schedules.stream().filter(s -> s.service().equals(odsCode)).toList();
    }

    public List<SeededAppointment> seededAppointments(String odsCode) {
        return seededAppointments.stream().filter(a -> a.service().equals(odsCode)).toList();
    }

    record PracticesFile(List<Practice> practices) {
    }

    record PatientsFile(List<PatientRecord> patients) {
    }

    record DirectoryFile(List<DirectoryEntry> entries) {
    }

    record OrganisationsFile(List<ConsumerOrganisation> organisations) {
    }

    record AppointmentsFile(List<ScheduleTemplate> schedules, List<SeededAppointment> seeded) {
        AppointmentsFile {
            schedules = schedules == null ? List.of() : schedules;
            seeded = seeded == null ? List.of() : seeded;
        }
    }
}
