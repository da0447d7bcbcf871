package com.carepoint.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.access.CurrentUser;
import com.carepoint.access.DemoUsers;
import com.carepoint.audit.AccessAudit;
import com.carepoint.audit.PracticeNotifications;
import com.carepoint.kernel.SectionKind;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Hazard H-050: the first screen's calls start before the opening is audited, and a section is handed to the view
 * before its own audit row is written — but the opening, with its reason, is audited before {@code open} returns
 * (the view draws nothing of the record before that), and every section is audited before {@code section} returns.
 */
class RecordServiceAuditOrderTest {

    final List<String> events = new CopyOnWriteArrayList<>();
    final AccessAudit audit = new AccessAudit(null) {
        @Override
        public void recordViewed(CurrentUser user, String nhsNumber, Optional<String> reason, String outcome) {
            events.add("record audited: " + nhsNumber + " | " + reason.orElse(""));
        }

        @Override
        public void sectionViewed(CurrentUser user, String nhsNumber, String section, Optional<String> reason,
                int items, Optional<String> problem, String traceId) {
            events.add("section audited: " + section + " | " + reason.orElse("") + " | " + problem.orElse("shown"));
        }
    };
    final PracticeNotifications notifications = new PracticeNotifications(null) {
        @Override
        public boolean accessed(CurrentUser user, String practiceOds, String practiceName, String traceId) {
            return true;
        }
    };
    final RecordService service = new RecordService(new RecordAccess(RecordAccessTest.POLICY, (c, kind, request) -> {
        events.add("asked the practice: " + kind);
        return new FetchedSection(Section.loaded(kind, List.of(), List.of(), List.of()), Optional.empty(), "t1");
    }, new RecordServiceDocumentsTest.Documents()), audit, notifications);

    @Test
    void theOpeningIsAuditedWithItsReasonBeforeOpenReturns() {
        service.open(DemoUsers.PARAMEDIC, RecordServiceDocumentsTest.patient(), RecordServiceDocumentsTest.REASON,
                context -> events.add("first-screen calls started"));
        assertThat(events).containsExactly("first-screen calls started",
                "record audited: 9990000018 | Ambulance attendance");
    }

    @Test
    void aSectionIsAuditedBeforeSectionReturnsEvenThoughTheViewHasItFirst() {
        PatientContext context = service.open(DemoUsers.PARAMEDIC, RecordServiceDocumentsTest.patient(),
                RecordServiceDocumentsTest.REASON);
        events.clear();
        service.section(context, SectionKind.ALLERGIES, SectionRequest.FIRST_SCREEN,
                RecordServiceDocumentsTest.REASON, fetched -> events.add("handed to the view"));
        assertThat(events).hasSize(3);
        assertThat(events.get(0)).isEqualTo("asked the practice: ALLERGIES");
        assertThat(events.get(1)).isEqualTo("handed to the view");
        assertThat(events.get(2)).startsWith("section audited: ").contains("Ambulance attendance");
    }
}
