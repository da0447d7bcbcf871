package com.carepoint.gpconnect;

import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.Application;
import com.carepoint.access.CurrentUser;
import com.carepoint.access.DemoUsers;
import com.carepoint.kernel.NhsNumber;
import com.carepoint.kernel.SectionKind;
import com.carepoint.record.PatientContext;
import com.carepoint.record.RecordProblem;
import com.carepoint.record.Section;
import com.carepoint.record.SectionRequest;
import com.carepoint.spine.Demographics;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * An expected refusal by a GP practice (the patient's dissent, the practice not sharing with the user's organisation)
 * is one log line each side, consumer and demo practice, with the trace id: never a stack trace (an ACCESS DENIED
 * answer once wrote 819 lines).
 */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ExpectedRefusalLogTest {

    @Autowired
    Demographics demographics;
    @Autowired
    GpConnectRecords records;

    @ParameterizedTest(name = "{0} for {1}")
    @CsvSource({"9990000433,PARAMEDIC,PATIENT_DISSENT", "9990001138,SOCIAL_CARE,ORGANISATION_REFUSED"})
    void anExpectedRefusalIsOneLineNotAStackTrace(String nhs, String who, RecordProblem.Kind kind,
            CapturedOutput output) {
        CurrentUser user = who.equals("PARAMEDIC") ? DemoUsers.PARAMEDIC : DemoUsers.SOCIAL_CARE;
        String startOut = output.getOut();
        String startErr = output.getErr();
        Section<?> s = records.fetch(PatientContext.open(user, demographics.trace(NhsNumber.parse(nhs).orElseThrow())
                .orElseThrow()), SectionKind.ALLERGIES, SectionRequest.FIRST_SCREEN).section();
        assertThat(s.problem()).hasValueSatisfying(p -> assertThat(p.kind()).isEqualTo(kind));

        String logged = output.getOut().substring(startOut.length()) + output.getErr().substring(startErr.length());
        List<String> lines = logged.lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).as("what was logged:\n%s", logged)
                .noneMatch(l -> l.matches("\\s+at .*") || l.startsWith("Caused by:") || l.matches("\\s*\\.\\.\\. \\d+ more"));
        assertThat(lines).as("what was logged:\n%s", logged).filteredOn(l -> l.contains("GP Connect") && l.contains("failed: " + kind))
                .hasSize(1);
    }
}
