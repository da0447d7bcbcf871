package com.carepoint.audit;

import com.carepoint.access.OrganisationType;
import com.carepoint.access.Role;
import com.carepoint.kernel.AccessiblePdf;
import com.carepoint.kernel.NhsNumber;
import com.carepoint.kernel.Text;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The transparency report as a PDF: XHTML rendered as a tagged PDF (PDF/UA-1) by {@link AccessiblePdf}. */
final class TransparencyReportPdf {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.ENGLISH);

    private TransparencyReportPdf() {
    }

    static byte[] render(TransparencyReport.Report report) {
        return AccessiblePdf.render(xhtml(report));
    }

    static String xhtml(TransparencyReport.Report r) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"/><title>GP record access report</title><style>")
                .append("@page { size: A4; margin: 18mm 15mm; @bottom-right { content: 'Page ' counter(page) ' of ' ")
                .append("counter(pages); ").append(AccessiblePdf.CSS_FONT).append(" font-size: 8pt; } }")
                .append("body { ").append(AccessiblePdf.CSS_FONT).append(" font-size: 9.5pt; color: #212b32; }")
                .append("h1 { font-size: 16pt; color: #005eb8; margin: 0 0 4pt 0; } h2 { font-size: 12pt; margin: 14pt 0 4pt 0; }")
                .append("table { width: 100%; border-collapse: collapse; -fs-table-paginate: paginate; ")
                .append("table-layout: fixed; }")
                // A long unbroken string (a typed justification, a name) wraps inside its cell, not off the page.
                .append("th, td { border: 0.5pt solid #aeb7bd; padding: 3pt 4pt; text-align: left; vertical-align: top; ")
                .append("word-wrap: break-word; overflow-wrap: anywhere; }")
                .append("th { background: #f0f4f5; } .emergency { font-weight: bold; color: #d5281b; }")
                .append("td.when { white-space: nowrap; } p { margin: 3pt 0; }</style></head><body>");
        h.append("<h1>Who has accessed this patient's GP record through Carepoint</h1>");
        h.append("<p><b>NHS number:</b> ").append(esc(formatted(r.nhsNumber()))).append("</p>");
        h.append("<p><b>Period:</b> ").append(esc(DAY.format(r.from()))).append(" to ").append(esc(DAY.format(r.to())))
                .append(" (the last ").append(TransparencyReport.MONTHS).append(" months)</p>");
        h.append("<p><b>Produced:</b> ").append(esc(AuditView.WHEN.format(r.generatedAt()))).append(" (UK time), from ")
                .append("Carepoint's tamper-evident audit trail.</p>");
        h.append("<p>Every opening of the record is listed with the organisation, the role of the person, the reason ")
                .append("they gave and what they saw. Staff are identified by role; their names are held in the audit ")
                .append("trail and can be provided on request. Emergency access means the record was opened without the ")
                .append("patient's permission because they could not give it; each is reviewed.</p>");
        h.append("<h2>Organisations</h2>");
        if (r.organisations().isEmpty()) {
            h.append("<p>No organisation opened this patient's GP record through Carepoint in this period.</p>");
        } else {
            h.append("<table><thead><tr><th>Organisation</th><th>Type</th><th>Accesses</th><th>First</th><th>Last</th>")
                    .append("</tr></thead><tbody>");
            for (TransparencyReport.Organisation o : r.organisations()) {
                h.append("<tr><td>").append(esc(o.orgName() + " (" + o.orgOds() + ")")).append("</td><td>")
                        .append(esc(orgType(o.orgType()))).append("</td><td>").append(o.accesses())
                        .append(o.anyEmergency() ? " <span class=\"emergency\">(incl. emergency access)</span>" : "")
                        .append("</td><td class=\"when\">").append(esc(AuditView.WHEN.format(o.first())))
                        .append("</td><td class=\"when\">").append(esc(AuditView.WHEN.format(o.last())))
                        .append("</td></tr>");
            }
            h.append("</tbody></table>");
            h.append("<h2>Each access</h2><table><thead><tr><th>When</th><th>Organisation</th><th>Role</th>")
                    .append("<th>Reason given</th><th>What was seen</th></tr></thead><tbody>");
            for (TransparencyReport.Access a : r.accesses()) {
                h.append("<tr><td class=\"when\">").append(esc(AuditView.WHEN.format(a.at()))).append("</td><td>")
                        .append(esc(a.orgName() + " (" + a.orgOds() + ")")).append("</td><td>")
                        .append(esc(role(a.role()))).append("</td><td>")
                        .append(a.emergency() ? "<span class=\"emergency\">Emergency access.</span> " : "")
                        .append(esc(a.reason())).append("</td><td>").append(esc(a.outcome()))
                        .append(a.sectionsShown().isEmpty() ? "" : ": " + esc(String.join(", ", a.sectionsShown())))
                        .append("</td></tr>");
            }
            h.append("</tbody></table>");
        }
        actions(h, "Appointments", "What was done", r.appointments());
        actions(h, "Encounter notes sent to the GP", "Encounter note", r.notes());
        h.append("</body></html>");
        return h.toString();
    }

    private static void actions(StringBuilder h, String title, String what,
            java.util.List<TransparencyReport.Action> list) {
        if (!list.isEmpty()) {
            h.append("<h2>").append(esc(title)).append("</h2><table><thead><tr><th>When</th><th>Organisation</th>")
                    .append("<th>Role</th><th>").append(esc(what)).append("</th><th>Outcome</th></tr></thead><tbody>");
            for (TransparencyReport.Action a : list) {
                h.append("<tr><td class=\"when\">").append(esc(AuditView.WHEN.format(a.at()))).append("</td><td>")
                        .append(esc(a.orgName() + " (" + a.orgOds() + ")")).append("</td><td>")
                        .append(esc(role(a.role()))).append("</td><td>").append(esc(a.what())).append("</td><td>")
                        .append(esc(a.outcome())).append("</td></tr>");
            }
            h.append("</tbody></table>");
        }
    }

    static String formatted(String nhs) {
        return NhsNumber.parse(nhs).map(NhsNumber::formatted).orElse(nhs);
    }

    static String role(String role) {
        return Role.fromClaim(role).map(Role::displayName).orElse(role);
    }

    static String orgType(String type) {
        return OrganisationType.fromClaim(type).map(OrganisationType::displayName).orElse(type);
    }

    static String esc(String s) {
        return Text.xml(s);
    }
}
