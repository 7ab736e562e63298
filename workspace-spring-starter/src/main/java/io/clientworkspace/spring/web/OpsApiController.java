package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.FieldError;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.audit.AuditFilter;
import io.clientworkspace.spring.web.ApiDtos.PageDto;
import io.clientworkspace.spring.web.OpsDtos.AuditEntryDto;
import io.clientworkspace.spring.web.OpsDtos.HandoffPlanDto;
import io.clientworkspace.spring.web.OpsDtos.HandoffRequest;
import io.clientworkspace.spring.web.OpsDtos.HandoffResultDto;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The operator's tools, for tenant admins (everyone else gets 403): handoffs (preview, then execute the previewed
 * plan by its fingerprint; 409 when it changed) and the audit view (the tenant's activity across workspaces, JSON
 * keyset pages or streamed CSV with each entry's chain hash).
 */
@RestController
@RequestMapping("${client-workspace.rest.base-path:/api}")
public class OpsApiController implements KitController {

    /** The CSV media type of the audit export. */
    public static final String TEXT_CSV = "text/csv;charset=UTF-8";

    private final WorkspaceKit kit;

    public OpsApiController(WorkspaceKit kit) {
        this.kit = requireNonNull(kit, "kit must not be null");
    }

    /** What a handoff from one team member to another would move; changes nothing. */
    @Operation(summary = "Preview a handoff: every lead role, open task, open request and project that would move")
    @GetMapping("/handoffs/preview")
    public HandoffPlanDto preview(Actor actor, @RequestParam(required = false) @Nullable String from,
                                  @RequestParam(required = false) @Nullable String to) {
        List<FieldError> errors = new ArrayList<>();
        UserId fromUser = user(from, "from", errors);
        UserId toUser = user(to, "to", errors);
        throwIfAny(errors);
        return HandoffPlanDto.of(kit.handoffs().preview(actor, fromUser, toUser));
    }

    /** Executes the previewed plan in one unit of work; 409 when the plan changed since (preview again). */
    @Operation(summary = "Execute a previewed handoff (body: from, to, fingerprint), all or nothing")
    @PostMapping("/handoffs")
    public HandoffResultDto execute(Actor actor, @RequestBody HandoffRequest body) {
        List<FieldError> errors = new ArrayList<>();
        UserId fromUser = user(body.from(), "from", errors);
        UserId toUser = user(body.to(), "to", errors);
        if (body.fingerprint() == null || body.fingerprint().isBlank()) {
            errors.add(FieldError.of("fingerprint", "must be the fingerprint of a preview"));
        }
        throwIfAny(errors);
        return HandoffResultDto.of(kit.handoffs().execute(actor, fromUser, toUser, requireNonNull(body.fingerprint())));
    }

    /** One page of the tenant's activity that matches the filters, newest first. */
    @Operation(summary = "Audit view: the tenant's activity across workspaces, newest first"
            + " (?person=&action=&workspace=&from=&to=&cursor=&limit=)")
    @GetMapping("/audit")
    public PageDto<AuditEntryDto> audit(Actor actor, @RequestParam(required = false) @Nullable String person,
                                        @RequestParam(required = false) @Nullable String action,
                                        @RequestParam(required = false) @Nullable String workspace,
                                        @RequestParam(required = false) @Nullable String from,
                                        @RequestParam(required = false) @Nullable String to,
                                        @RequestParam(required = false) @Nullable String cursor,
                                        @RequestParam(defaultValue = "50") int limit) {
        AuditFilter filter = filter(person, action, workspace, from, to);
        return PageDto.of(kit.audit().search(actor, filter, WorkspaceApiController.page(cursor, limit)),
                AuditEntryDto::of);
    }

    /** Every matching entry as CSV, streamed (header line, then newest first). */
    @Operation(summary = "Audit export: the matching activity as CSV with each entry's chain hash, streamed")
    @GetMapping(value = "/audit.csv")
    public void auditCsv(Actor actor, @RequestParam(required = false) @Nullable String person,
                         @RequestParam(required = false) @Nullable String action,
                         @RequestParam(required = false) @Nullable String workspace,
                         @RequestParam(required = false) @Nullable String from,
                         @RequestParam(required = false) @Nullable String to,
                         HttpServletResponse response) {
        AuditFilter filter = filter(person, action, workspace, from, to);
        try (Writer out = new LazyCsvWriter(response)) {
            kit.audit().export(actor, filter, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AuditFilter filter(@Nullable String person, @Nullable String action, @Nullable String workspace,
                                      @Nullable String from, @Nullable String to) {
        List<FieldError> errors = new ArrayList<>();
        Optional<Instant> fromAt = instant(from, "from", errors);
        Optional<Instant> toAt = instant(to, "to", errors);
        Optional<UserId> personId = id(person, "person", "is not a user id", UserId::of, errors);
        Optional<WorkspaceId> workspaceId = id(workspace, "workspace", "is not a workspace id", WorkspaceId::of,
                errors);
        throwIfAny(errors);
        return new AuditFilter(personId, blank(action), workspaceId, fromAt, toAt);
    }

    /**
     * Parses an optional id parameter, reporting a malformed one under the request's own field name (the id types
     * report {@code userId}/{@code workspaceId}, which the caller never sent).
     */
    private static <T> Optional<T> id(@Nullable String value, String field, String message,
                                      java.util.function.Function<String, T> parse, List<FieldError> errors) {
        Optional<String> text = blank(value);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse.apply(text.get()));
        } catch (ValidationException e) {
            errors.add(FieldError.of(field, message));
            return Optional.empty();
        }
    }

    private static Optional<String> blank(@Nullable String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static Optional<Instant> instant(@Nullable String value, String field, List<FieldError> errors) {
        Optional<String> text = blank(value);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text.get()));
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(field, "must be an ISO-8601 instant such as 2026-03-01T00:00:00Z"));
            return Optional.empty();
        }
    }

    private static UserId user(@Nullable String value, String field, List<FieldError> errors) {
        Optional<String> text = blank(value);
        if (text.isEmpty()) {
            errors.add(FieldError.of(field, "is required"));
            return UserId.of("-");
        }
        try {
            return UserId.of(text.get());
        } catch (ValidationException e) {
            errors.add(FieldError.of(field, "is not a user id"));
            return UserId.of("-");
        }
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /**
     * Starts the response (status, CSV headers) only at the first write, so that a refusal before it (403, 400) is
     * still answered as problem details.
     */
    private static final class LazyCsvWriter extends Writer {

        private final HttpServletResponse response;
        private @Nullable Writer out;

        LazyCsvWriter(HttpServletResponse response) {
            this.response = response;
        }

        private Writer started() throws IOException {
            if (out == null) {
                response.setContentType(TEXT_CSV);
                response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit.csv\"");
                response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
            }
            return out;
        }

        @Override
        public void write(char[] buffer, int off, int len) throws IOException {
            started().write(buffer, off, len);
        }

        @Override
        public void flush() throws IOException {
            if (out != null) {
                out.flush();
            }
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
