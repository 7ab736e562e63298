package io.clientworkspace.audit;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import io.clientworkspace.ActivityId;
import io.clientworkspace.FieldError;
import io.clientworkspace.Page;
import io.clientworkspace.PageRequest;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.internal.Cursors;
import io.clientworkspace.internal.Kernel;
import io.clientworkspace.member.Authorizer;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.Workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The operator's audit view: a tenant admin searches the activity of every workspace of the tenant (entries of every
 * visibility, with their chain: sequence and hashes) and exports it as CSV. Everyone else, clients included, gets an
 * {@link AccessDeniedException}: it is a tenant-level operation, like the tenant's form library.
 *
 * <p>Results are newest first by (occurred at, workspace id, sequence), keyset-paged: a cursor names the last entry
 * of a page, so a page costs one store query however much history there is, and entries appended while a reader
 * pages (they are newer) never shift the pages after the first.
 */
public final class AuditService {

    /** Entries per store query while exporting. */
    public static final int EXPORT_PAGE = 500;

    private static final String CURSOR_KIND = "audit";

    private final Kernel kernel;
    private final Authorizer authorizer;

    AuditService(Kernel kernel, Authorizer authorizer) {
        this.kernel = requireNonNull(kernel, "kernel must not be null");
        this.authorizer = requireNonNull(authorizer, "authorizer must not be null");
    }

    /**
     * One page of the entries that match {@code filter}, newest first.
     *
     * @throws AccessDeniedException unless the actor is a tenant admin
     * @throws ValidationException   on the filter (see {@link AuditFilter#validate()}) or on {@code cursor} when it is
     *                               not a cursor of this view (or names an entry that does not exist)
     */
    public Page<ActivityEntry> search(Actor actor, AuditFilter filter, PageRequest page) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(filter, "filter must not be null");
        requireNonNull(page, "page must not be null");
        requireAdmin(actor, "search the audit log");
        filter.validate();
        Optional<ActivityEntry> after = after(actor, page.cursor());
        List<ActivityEntry> rows = kernel.stores().activity().search(actor.tenantId(), filter, after, page.limit() + 1);
        return Cursors.page(rows, page.limit(), AuditService::cursorOf);
    }

    /**
     * Writes every entry that matches {@code filter} to {@code out} as CSV ({@link AuditCsv}: a header line, then
     * newest first), reading {@value #EXPORT_PAGE} entries at a time so that the export never holds the log in
     * memory. The caller owns {@code out} (it is flushed, not closed).
     *
     * @return how many entries were written
     * @throws AccessDeniedException unless the actor is a tenant admin (nothing is written then)
     * @throws ValidationException   on the filter (nothing is written then)
     * @throws UncheckedIOException  when writing fails
     */
    public long export(Actor actor, AuditFilter filter, Writer out) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(filter, "filter must not be null");
        requireNonNull(out, "out must not be null");
        requireAdmin(actor, "export the audit log");
        filter.validate();
        Map<WorkspaceId, String> slugs = new HashMap<>();
        AuditCsv.header(out);
        long written = 0;
        Optional<ActivityEntry> after = Optional.empty();
        while (true) {
            List<ActivityEntry> rows = kernel.stores().activity().search(actor.tenantId(), filter, after, EXPORT_PAGE);
            for (ActivityEntry entry : rows) {
                if (slugs.size() > 10_000) {
                    slugs.clear(); // bounded memory on a tenant with very many workspaces
                }
                String slug = slugs.computeIfAbsent(entry.workspaceId(), ws -> kernel.stores().workspaces()
                        .find(actor.tenantId(), ws).map(Workspace::slug).orElse(""));
                AuditCsv.row(out, entry, slug);
                written++;
            }
            if (rows.size() < EXPORT_PAGE) {
                break;
            }
            after = Optional.of(rows.get(rows.size() - 1));
        }
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
    }

    private void requireAdmin(Actor actor, String action) {
        if (authorizer.tenantRole(actor).filter(r -> r == TenantRole.TENANT_ADMIN).isEmpty()) {
            throw new AccessDeniedException(actor, TenantRole.TENANT_ADMIN.name(), action);
        }
    }

    private Optional<ActivityEntry> after(Actor actor, Optional<String> cursor) {
        return Cursors.decode(CURSOR_KIND, cursor).map(key -> {
            int bar = key.indexOf('|');
            if (bar <= 0 || bar == key.length() - 1) {
                throw invalidCursor();
            }
            try {
                return kernel.stores().activity().find(actor.tenantId(), WorkspaceId.of(key.substring(0, bar)),
                        ActivityId.of(key.substring(bar + 1))).orElseThrow(AuditService::invalidCursor);
            } catch (IllegalArgumentException e) {
                throw invalidCursor();
            }
        });
    }

    private static String cursorOf(ActivityEntry entry) {
        return Cursors.encode(CURSOR_KIND, entry.workspaceId().value() + "|" + entry.id().value());
    }

    private static ValidationException invalidCursor() {
        return new ValidationException(FieldError.of("cursor", "is not a cursor returned by this list"));
    }
}
