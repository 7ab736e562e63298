package io.clientworkspace.audit;

import io.clientworkspace.ActivityId;
import io.clientworkspace.ActorKind;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.activity.Visibility;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuditCsvTest {

    @Test
    void cellsThatASpreadsheetWouldTakeForAFormulaGetALeadingQuote() {
        assertThat(AuditCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(AuditCsv.cell("+1")).isEqualTo("'+1");
        assertThat(AuditCsv.cell("-1")).isEqualTo("'-1");
        assertThat(AuditCsv.cell("@sum")).isEqualTo("'@sum");
        assertThat(AuditCsv.cell("plain")).isEqualTo("plain");
    }

    @Test
    void cellsWithCommasQuotesOrLineBreaksAreQuoted() {
        assertThat(AuditCsv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(AuditCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(AuditCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    @Test
    void aRowHasEveryColumnInOrderEndingWithTheChainHashes() {
        ActivityEntry entry = new ActivityEntry(ActivityId.of("a-1"), TenantId.of("t-1"), WorkspaceId.of("w-1"), 7,
                UserId.of("bob"), ActorKind.TEAM, "file.uploaded", "file", "f-1",
                Instant.parse("2026-12-06T10:00:00Z"), Visibility.TEAM, Map.of("name", "Brief.pdf"), "p".repeat(64),
                "h".repeat(64));
        StringWriter out = new StringWriter();

        AuditCsv.header(out);
        AuditCsv.row(out, entry, "acme");

        assertThat(out.toString()).isEqualTo(String.join(",", AuditCsv.COLUMNS) + "\r\n"
                + "2026-12-06T10:00:00Z,w-1,acme,7,bob,TEAM,file.uploaded,file,f-1,TEAM,\"{\"\"name\"\":\"\"Brief.pdf\"\"}\","
                + "p".repeat(64) + "," + "h".repeat(64) + "\r\n");
    }
}
