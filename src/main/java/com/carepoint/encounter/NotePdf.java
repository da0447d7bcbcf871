package com.carepoint.encounter;

import com.carepoint.access.Role;
import com.carepoint.kernel.AccessiblePdf;
import com.carepoint.kernel.NhsNumber;
import com.carepoint.kernel.Text;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The encounter note as the PDF the practice files, laid out as GP Connect Messaging's "PDF layout" page
 * (nhsconnect/gpconnect-messaging, pages/senddocument/senddocument_fedcon_busreq_pdf.md) describes: version and page
 * numbers; the patient as "Surname, Forename(s)", D.O.B. {@code dd-Mmm-yyyy}, NHS no. {@code ### ### ####}, gender,
 * registered address; the clinical notes; the date seen, the date sent ({@code dd-Mmm-yyyy hh:mm}), the clinician's
 * full name and role, the organisation's telephone and the place of consultation. XHTML rendered as a tagged PDF (PDF/UA-1) by {@link AccessiblePdf}.
 */
public final class NotePdf {

    static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm", Locale.ENGLISH);

    private static final String CSS_FONT = AccessiblePdf.CSS_FONT;

    private NotePdf() {
    }

    /**
     * @param version        1 for a first note, n for the (n-1)th correction
     * @param organisationTelephone the author's organisation's telephone, if known
     */
    public static byte[] render(EncounterNote note, int version, Optional<String> organisationTelephone) {
        return AccessiblePdf.render(xhtml(note, version, organisationTelephone));
    }

    static String xhtml(EncounterNote n, int version, Optional<String> telephone) {
        PatientSnapshot p = n.patient();
        NoteContent c = n.content();
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"/><title>").append(esc(n.kind().title()))
                .append("</title><style>")
                .append("@page { size: A4; margin: 18mm 15mm; @top-right { content: 'Version ").append(version)
                .append("'; ").append(CSS_FONT).append(" font-size: 8pt; } @bottom-right { content: "
                        + "'Page ' counter(page) ' of ' counter(pages); ").append(CSS_FONT).append(" font-size: 8pt; } }")
                .append("body { ").append(CSS_FONT).append(" font-size: 10pt; color: #212b32; }")
                .append("h1 { font-size: 15pt; color: #005eb8; margin: 0 0 6pt 0; }")
                .append("h2 { font-size: 11.5pt; margin: 12pt 0 3pt 0; border-bottom: 1px solid #d8dde0; }")
                .append("table { border-collapse: collapse; width: 100%; table-layout: fixed; }")
                .append("td, th { text-align: left; vertical-align: top; padding: 2pt 4pt; overflow-wrap: anywhere;"
                        + " word-wrap: break-word; }")
                .append("th { width: 32%; color: #4c6272; font-weight: normal; }")
                .append("p { margin: 2pt 0; white-space: pre-wrap; overflow-wrap: anywhere; word-wrap: break-word; }")
                .append(".banner { border: 1px solid #005eb8; padding: 4pt; }")
                .append(".correction { border-left: 4pt solid #d5281b; padding-left: 6pt; }")
                .append("</style></head><body>");
        h.append("<h1>").append(esc(n.kind().title())).append("</h1>");
        h.append("<p>Number of related documents: 0</p>");
        n.corrects().ifPresent(x -> h.append("<p class=\"correction\"><b>This version corrects an earlier version of ")
                .append("this report, sent ").append("before it. Use this version.</b></p>"));
        h.append("<div class=\"banner\"><table>")
                .append(row("Surname, Forename(s)", p.familyName().toUpperCase(Locale.UK) + ", "
                        + String.join(" ", p.givenNames()) + (p.title() == null || p.title().isBlank() ? ""
                        : " (" + p.title() + ")")))
                .append(row("D.O.B.", DAY.format(p.birthDate())))
                .append(row("NHS no.", NhsNumber.parse(p.nhsNumber()).map(NhsNumber::formatted).orElse(p.nhsNumber())))
                .append(row("Gender", p.gender() == null ? "" : Text.capitalise(p.gender())))
                .append(row("Registered Address", p.sensitive() ? "Withheld (restricted record)"
                        : String.join(", ", p.addressLines()) + (p.postcode().isBlank() ? "" : ", " + p.postcode())))
                .append(row("Registered GP practice", p.registeredPracticeOds()))
                .append("</table></div>");
        h.append("<h2>Clinical notes</h2>");
        if (n.kind() == NoteKind.AMBULANCE_ATTENDANCE) {
            section(h, "Presenting complaint", c.getPresentingComplaint());
            section(h, "History", c.getHistory());
            h.append("<h2>Observations</h2><table>")
                    .append(row("Respiratory rate", unit(c.getRespiratoryRate(), "/min")))
                    .append(row("SpO2", unit(c.getSpo2(), "%") + (c.getSpo2().isBlank() ? "" : " (scale "
                            + (c.isSpo2Scale2() ? 2 : 1) + ")")))
                    .append(row("Air or oxygen", c.getOnOxygen() == null ? "" : c.getOnOxygen() ? "Oxygen" : "Air"))
                    .append(row("Blood pressure", c.getSystolic().isBlank() ? "" : c.getSystolic() + "/"
                            + c.getDiastolic() + " mmHg"))
                    .append(row("Pulse", unit(c.getPulse(), "/min")))
                    .append(row("Temperature", unit(c.getTemperature(), " °C")))
                    .append(row("Consciousness (ACVPU)", c.getConsciousness() == null ? ""
                            : c.getConsciousness().label()))
                    .append(row("Blood glucose", unit(c.getBloodGlucose(), " mmol/L")))
                    .append(row("NEWS2", c.news2().map(s -> s.total() + " (" + s.risk().label() + ")")
                            .orElse("Not calculated: not every observation was recorded")))
                    .append("</table>");
            section(h, "Impression", c.getImpression());
            section(h, "Treatment", c.getTreatment());
            List<MedicineGiven> meds = c.getMedicines().stream().filter(m -> !m.blank()).toList();
            if (!meds.isEmpty()) {
                h.append("<h2>Medicines given</h2><table><tr><th>Medicine</th><th>Dose</th><th>Route</th>")
                        .append("<th>Time</th></tr>");
                meds.forEach(m -> h.append("<tr><td>").append(esc(m.getName())).append("</td><td>")
                        .append(esc(m.getDose())).append("</td><td>").append(esc(m.getRoute())).append("</td><td>")
                        .append(esc(m.getTime())).append("</td></tr>"));
                h.append("</table>");
            }
            section(h, "Outcome", c.getOutcome() == null ? "" : c.getOutcome().label()
                    + (c.getOutcomeDetail().isBlank() ? "" : ": " + c.getOutcomeDetail()));
            section(h, "Safety-netting advice", c.getSafetyNetting());
        } else {
            section(h, "Call summary", c.getCallSummary());
            section(h, "Disposition", c.getDisposition());
            section(h, "Advice given", c.getAdvice());
            section(h, "Appointment booked", c.getAppointment());
        }
        Instant seen = n.createdAt();
        h.append("<h2>Details</h2><table>")
                .append(row("Date seen", DAY.format(seen.atZone(UK))))
                .append(row("Date consultation sent", n.signedAt().map(s -> WHEN.format(s.atZone(UK))).orElse(
                        "Not signed")))
                .append(row("Clinician", n.author().name() + ", " + Role.fromClaim(n.author().role())
                        .map(Role::displayName).orElse(n.author().role())))
                .append(row("Organisation Tel No.", telephone.orElse("")))
                .append(row("Place of consultation", n.author().orgName() + " (" + n.author().orgOds() + ")"))
                .append("</table>");
        h.append("</body></html>");
        return h.toString();
    }

    private static String unit(String value, String unit) {
        return value == null || value.isBlank() ? "" : value.strip() + unit;
    }

    private static void section(StringBuilder h, String title, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        h.append("<h2>").append(esc(title)).append("</h2><p>").append(esc(text.strip())).append("</p>");
    }

    private static String row(String label, String value) {
        return "<tr><th>" + esc(label) + "</th><td>" + esc(value) + "</td></tr>";
    }

    private static String esc(String s) {
        return Text.xml(Text.withoutDirectionalControls(s));
    }
}
