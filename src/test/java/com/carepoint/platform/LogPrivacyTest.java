package com.carepoint.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.Application;
import com.carepoint.access.CurrentUser;
import com.carepoint.access.Organisation;
import com.carepoint.access.OrganisationType;
import com.carepoint.access.Role;
import com.carepoint.gpconnect.GpConnectDocuments;
import com.carepoint.gpconnect.GpConnectRecords;
import com.carepoint.kernel.NhsNumber;
import com.carepoint.kernel.SectionKind;
import com.carepoint.kernel.TracedPatient;
import com.carepoint.record.PatientContext;
import com.carepoint.record.SectionRequest;
import com.carepoint.spine.Demographics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Tracing a patient and fetching their record logs trace ids and ODS codes, never NHS numbers or names. */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class LogPrivacyTest {

    @Autowired
    Demographics demographics;
    @Autowired
    GpConnectRecords records;
    @Autowired
    GpConnectDocuments documents;

    @Test
    void noPatientIdentifiersInTheLogs(CapturedOutput output) {
        CurrentUser user = new CurrentUser("nhs111", "Priya Shah", Role.CLINICIAN_111,
                new Organisation("NL311", "Northshire NHS 111", OrganisationType.NHS_111), "555021935109", "555021936110");
        for (String nhs : new String[] {"9990000018", "9990000433", "9990000786"}) {
            TracedPatient p = demographics.trace(NhsNumber.parse(nhs).orElseThrow()).orElseThrow();
            for (SectionKind kind : SectionKind.STRUCTURED) {
                records.fetch(PatientContext.open(user, p), kind, SectionRequest.FULL);
            }
            documents.list(PatientContext.open(user, p));
        }
        assertThat(output.getAll()).contains("GP Connect ALLERGIES ods=A20047 trace=")
                .doesNotContain("9990000018", "999 000 0018", "9990000433", "9990000786")
                .doesNotContainIgnoringCase("Hargreaves").doesNotContainIgnoringCase("Thornton");
    }
}
