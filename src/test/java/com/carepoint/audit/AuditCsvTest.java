package com.carepoint.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CSV cells are quoted, and formula-like values cannot run in a spreadsheet. */
class AuditCsvTest {

    @Test
    void cellsAreQuotedAndFormulasDefused() {
        assertThat(AuditView.csv("plain")).isEqualTo("\"plain\"");
        assertThat(AuditView.csv("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(AuditView.csv("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(AuditView.csv(null)).isEmpty();
    }
}
