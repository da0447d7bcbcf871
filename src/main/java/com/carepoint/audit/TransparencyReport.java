package com.carepoint.audit;

import com.carepoint.access.AccessReason;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The patient transparency report: for an NHS number, which organisations opened the patient's GP record through
 * Carepoint over the last 12 months, when, why and what they saw — what a practice or patient needs for a subject
 * access request. Built from the audit trail; staff are named by role, not by name.
 */
@Service
public class TransparencyReport {

    static final ZoneId UK = ZoneId.of("Europe/London");
    public static final int MONTHS = 12;

    /** One opening of the record, with the sections that were then retrieved and shown. */
    public record Access(Instant at, String orgOds, String orgName, String orgType, String role, String reason,
            boolean emergency, List<String> sectionsShown, String outcome) {
    }

    /** One organisation's accesses over the period. */
    public record Organisation(String orgOds, String orgName, String orgType, int accesses, Instant first,
            Instant last, boolean anyEmergency) {
    }

    /** One appointment or encounter-note action about the patient: what was done, by which organisation, and what came of it. */
    public record Action(Instant at, String orgOds, String orgName, String role, String what,
            String outcome) {
    }

    public record Report(String nhsNumber, LocalDate from, LocalDate to, Instant generatedAt,
            List<Organisation> organisations, List<Access> accesses, List<Action> appointments,
            List<Action> notes) {
    }

    /** How each appointment action reads in the report. */
    static String appointmentWhat(String action, String detail) {
        return switch (action) {
            case "SLOT_SEARCH" -> "Searched for free appointments (" + detail.replaceFirst("^Free slots ", "") + ")";
            case "BOOKING" -> "Booked an appointment (" + detail.replaceFirst("^Appointment ", "") + ")";
            case "APPOINTMENTS_VIEW" -> "Looked at the patient's appointments";
            case "APPOINTMENT_AMEND" -> "Changed the reason or comment of an appointment ("
                    + detail.replaceFirst("^Appointment ", "") + ")";
            case "APPOINTMENT_CANCEL" -> "Cancelled an appointment (" + detail.replaceFirst("^Appointment ", "") + ")";
            default -> detail;
        };
    }

    private final JdbcClient jdbc;

    public TransparencyReport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(String userId, String action, Instant at, String orgOds, String orgName, String orgType,
            String role, String detail, String reason, String outcome) {
    }

    public Report forPatient(String nhsNumber) {
        Instant now = Instant.now();
        LocalDate to = LocalDate.ofInstant(now, UK);
        LocalDate from = to.minusMonths(MONTHS);
        List<Row> rows = jdbc.sql("""
                select * from audit_event where patient_nhs = ? and action in ('RECORD_VIEW', 'SECTION_VIEW')
                and occurred_at >= ? order by id
                """).params(nhsNumber, Timestamp.from(from.atStartOfDay(UK).toInstant()))
                .query((rs, n) -> new Row(rs.getString("user_id"), rs.getString("action"),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getString("org_ods"), rs.getString("org_name"),
                        rs.getString("org_type"), rs.getString("user_role"), rs.getString("detail"),
                        rs.getString("reason"), rs.getString("outcome"))).list();

        // Section views belong to the same user's latest record opening.
        List<Row> openings = new ArrayList<>();
        Map<Row, Set<String>> shown = new HashMap<>();
        Map<String, Row> currentByUser = new HashMap<>();
        for (Row r : rows) {
            if ("RECORD_VIEW".equals(r.action())) {
                openings.add(r);
                shown.put(r, new LinkedHashSet<>());
                currentByUser.put(r.userId(), r);
            } else {
                Row opening = currentByUser.get(r.userId());
                if (opening != null && r.outcome().startsWith(AccessAudit.RETRIEVED)) {
                    shown.get(opening).add(r.detail().replaceFirst("\\s*\\((first screen|full)\\)$", ""));
                }
            }
        }
        List<Access> accesses = openings.stream().map(o -> {
            List<String> sections = List.copyOf(shown.get(o));
            boolean emergency = o.reason() != null && o.reason().startsWith(AccessReason.EMERGENCY_PREFIX);
            String outcome = o.outcome().startsWith(AccessAudit.NOT_REQUESTED)
                    ? "No GP record information shown (" + o.outcome().substring(AccessAudit.NOT_REQUESTED.length())
                            + ")"
                    : sections.isEmpty() ? "No GP record information shown" : "GP record information shown";
            // For emergency access the reason shown is the justification; the access is marked as emergency.
            String reason = o.reason() == null ? "Not given"
                    : emergency ? o.reason().substring(AccessReason.EMERGENCY_PREFIX.length()) : o.reason();
            return new Access(o.at(), o.orgOds(), o.orgName(), o.orgType(), o.role(), reason, emergency, sections,
                    outcome);
        }).sorted(Comparator.comparing(Access::at).reversed()).toList();

        Map<String, List<Access>> byOrg = new LinkedHashMap<>();
        accesses.forEach(a -> byOrg.computeIfAbsent(a.orgOds(), k -> new ArrayList<>()).add(a));
        List<Organisation> organisations = byOrg.values().stream().map(list -> new Organisation(list.getFirst().orgOds(),
                list.getFirst().orgName(), list.getFirst().orgType(), list.size(),
                list.stream().map(Access::at).min(Comparator.naturalOrder()).orElseThrow(),
                list.stream().map(Access::at).max(Comparator.naturalOrder()).orElseThrow(),
                list.stream().anyMatch(Access::emergency)))
                .sorted(Comparator.comparing(Organisation::last).reversed()).toList();
        List<Action> appointments = jdbc.sql("""
                select * from audit_event where patient_nhs = ? and action in ('SLOT_SEARCH', 'BOOKING',
                'APPOINTMENTS_VIEW', 'APPOINTMENT_AMEND', 'APPOINTMENT_CANCEL') and occurred_at >= ? order by id desc
                """).params(nhsNumber, Timestamp.from(from.atStartOfDay(UK).toInstant()))
                .query((rs, n) -> new Action(rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("org_ods"), rs.getString("org_name"), rs.getString("user_role"),
                        appointmentWhat(rs.getString("action"), rs.getString("detail")), rs.getString("outcome")))
                .list();
        // Encounter notes sent to the patient's GP: each signing and what became of it.
        List<Action> notes = jdbc.sql("""
                select * from audit_event where patient_nhs = ? and action in ('NOTE_SIGNED', 'DOCUMENT_SENT',
                'NOTE_DELIVERY') and occurred_at >= ? order by id desc
                """).params(nhsNumber, Timestamp.from(from.atStartOfDay(UK).toInstant()))
                .query((rs, n) -> new Action(rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("org_ods"), rs.getString("org_name"), rs.getString("user_role"),
                        rs.getString("detail"), rs.getString("outcome"))).list();
        return new Report(nhsNumber, from, to, now, organisations, accesses, appointments, notes);
    }
}
