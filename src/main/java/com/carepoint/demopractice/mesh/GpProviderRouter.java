package com.carepoint.demopractice.mesh;

import com.carepoint.demopractice.data.DemoData;
import com.carepoint.demopractice.data.NhsNumbers;
import com.carepoint.demopractice.data.PatientRecord;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * MESH's automated routing to the patient's registered practice, as the demo's stand-in for the MESH endpoint
 * lookup and its PDS cross-check, using the demographics stand-in's data (the patient's registered practice in
 * {@link DemoData}).
 * <ul>
 * <li>Address form, nhsconnect/gpconnect-messaging pages/integration/integration_mesh.md: "the Mex-To HTTP header is
 * populated according to following syntactic conventions. `&lt;GPPROVIDER&gt;[delimiter]&lt;Nhs No&gt;[delimiter]&lt;d.o.b&gt;[delimiter]&lt;Surname&gt;`
 * The underscore `_` character is used as the delimiter. Date of birth is specified in `yyyyMMdd` format", example
 * {@code GPPROVIDER_12345678_20010214_Smith}. ⚠ An older stored version of that page (@d6024b54) and the CTL example
 * on pages/senddocument/senddocument_fedcon_mesh.md use {@code DDMMYYYY} ({@code GPPROVIDER_1234567890_09011955_Smith});
 * the current page and NHS England's MESH guidance ("endpoint-lookup-service-and-workflowids": "19670126 = is the
 * patient's date of birth format (YYYYMMDD)") agree on yyyyMMdd, so this server takes yyyyMMdd only and treats a
 * DDMMYYYY date as demographics that do not match (EPL-154).</li>
 * <li>The same guidance: the GPPROVIDER tag "must be all upper case"; the lookup applies to the workflows listed
 * below; "Where a single mailbox is successfully identified for GP practice, the MESH server will use the
 * identified MESH Mailbox ID for delivery of the message" and "will substitute the identified MESH Mailbox ID for
 * the provided patient details such that these patient details are not visible in message reporting".</li>
 * <li>The surname's case is not specified (the examples write {@code Smith}); it is compared ignoring case.</li>
 * <li>Failures are error reports, never the send's answer (pages/senddocument/senddocument_fedcon_errors.md:
 * "errors encountered when using the automated registered practice routing will not be returned in the API
 * response header or payload, but via a MESH error report"), with the codes EPL-150..154 of the sandbox
 * (NHSDigital/mesh-sandbox src/mesh_sandbox/common/constants.py) and the guidance.</li>
 * </ul>
 */
final class GpProviderRouter {

    static final String PREFIX = "GPPROVIDER_";

    /** Workflows for which MESH resolves the GPPROVIDER tag (NHS England's endpoint-lookup guidance). */
    static final Set<String> WORKFLOWS = Set.of("TOC_FHIR_IP_DISCH", "TOC_FHIR_MH_DISCH", "TOC_FHIR_EC_DISCH",
            "TOC_FHIR_OP_ATTEN", "TOC_OUTP_ATT_DMS", "GPFED_CONSULT_REPORT", "GPFED_CONSULT_REPORT_ACK",
            "GPCONNECT_UPDATE_RECORD", "GPCONNECT_UPDATE_RECORD_ACK", "GPCONNECT_SEND_DOCUMENT");

    private static final DateTimeFormatter DOB = DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    /** The routing's outcome: a mailbox, or the error report's code and description. */
    record Route(MeshMailbox mailbox, String code, String description) {
        static Route to(MeshMailbox m) {
            return new Route(m, null, null);
        }

        static Route error(String code, String description) {
            return new Route(null, code, description);
        }
    }

    private final DemoData data;
    private final MeshMailboxes mailboxes;
    private final MeshFaults faults;

    GpProviderRouter(DemoData data, MeshMailboxes mailboxes, MeshFaults faults) {
        this.data = data;
        this.mailboxes = mailboxes;
        this.faults = faults;
    }

    static boolean isGpProviderAddress(String mexTo, String workflowId) {
        return mexTo.startsWith(PREFIX) && WORKFLOWS.contains(workflowId);
    }

    Route route(String mexTo, String workflowId) {
        String[] parts = mexTo.substring(PREFIX.length()).split("_", -1);
        if (parts.length != 3 || !NhsNumbers.valid(parts[0])) {
            return Route.error("EPL-152", "Invalid NHS Number");
        }
        Optional<PatientRecord> patient = data.patient(parts[0]);
        if (patient.isEmpty()) {
            return Route.error("EPL-153", "NHS Number not found");
        }
        PatientRecord p = patient.get();
        LocalDate dob;
        try {
            dob = LocalDate.parse(parts[1], DOB);
        } catch (DateTimeParseException e) {
            dob = null;
        }
        if (dob == null || !dob.equals(p.birthDate()) || p.family() == null
                || !p.family().equalsIgnoreCase(parts[2].trim())) {
            return Route.error("EPL-154", "NHS Number supplied does not match the demographics");
        }
        if (faults.refusesNhsNumber(p.nhsNumber()) || p.practice() == null) {
            return Route.error("EPL-151", "No mailbox matched");
        }
        List<MeshMailbox> found = mailboxes.receiving(p.practice(), workflowId);
        if (found.isEmpty()) {
            return Route.error("EPL-151", "No mailbox matched");
        }
        if (found.size() > 1) {
            return Route.error("EPL-150", "Multiple mailboxes matches");
        }
        return Route.to(found.getFirst());
    }
}
