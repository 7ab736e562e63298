package io.clientworkspace.audit;

import io.clientworkspace.activity.ActivityChain;
import io.clientworkspace.activity.ActivityEntry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The audit export's CSV: RFC 4180 (comma separated, CRLF line ends, a cell with a comma, quote, CR or LF is quoted
 * and its quotes doubled) and safe to open in a spreadsheet: a cell that begins with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return is prefixed with a single quote so that it is never taken for a
 * formula. One header line, then one line per entry.
 */
public final class AuditCsv {

    /** The header line's column names, in order. */
    public static final List<String> COLUMNS = List.of("occurred_at", "workspace_id", "workspace_slug", "sequence",
            "actor_id", "actor_kind", "action", "target_type", "target_id", "visibility", "details", "previous_hash",
            "hash");

    private AuditCsv() {
    }

    /** Writes the header line. */
    public static void header(Writer out) {
        line(out, COLUMNS);
    }

    /** Writes one entry's line; {@code workspaceSlug} is empty when the workspace is gone. */
    public static void row(Writer out, ActivityEntry entry, String workspaceSlug) {
        requireNonNull(entry, "entry must not be null");
        requireNonNull(workspaceSlug, "workspaceSlug must not be null");
        line(out, List.of(entry.occurredAt().toString(), entry.workspaceId().value(), workspaceSlug,
                Long.toString(entry.sequence()), entry.actorId().value(), entry.actorKind().name(), entry.action(),
                entry.targetType(), entry.targetId(), entry.visibility().name(),
                ActivityChain.detailsToJson(entry.details()), entry.previousHash(), entry.hash()));
    }

    /** One cell, formula-neutralised and quoted as RFC 4180 needs. */
    public static String cell(String value) {
        return io.clientworkspace.internal.Csv.cell(value);
    }

    private static void line(Writer out, List<String> cells) {
        requireNonNull(out, "out must not be null");
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(cells.get(i)));
        }
        line.append("\r\n");
        try {
            out.write(line.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
