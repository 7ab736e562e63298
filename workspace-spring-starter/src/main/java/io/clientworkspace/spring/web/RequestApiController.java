package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.FieldError;
import io.clientworkspace.FileId;
import io.clientworkspace.FormId;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.RequestId;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.member.Permission;
import io.clientworkspace.request.ClientRequest;
import io.clientworkspace.request.FormAnswers;
import io.clientworkspace.request.FormDefinition;
import io.clientworkspace.request.FormRef;
import io.clientworkspace.request.InboxFilter;
import io.clientworkspace.request.NewRequest;
import io.clientworkspace.request.Priority;
import io.clientworkspace.request.RequestStatus;
import io.clientworkspace.spring.web.ApiDtos.PageDto;
import io.clientworkspace.spring.web.RequestDtos.AssignRequest;
import io.clientworkspace.spring.web.RequestDtos.ChangeStatusRequest;
import io.clientworkspace.spring.web.RequestDtos.DueRequest;
import io.clientworkspace.spring.web.RequestDtos.RequestDto;
import io.clientworkspace.spring.web.RequestDtos.SubmitRequestRequest;
import io.clientworkspace.spring.web.RequestDtos.VersionRequest;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Client requests: a workspace's requests (newest first, keyset pages), submitting one (free-form or through a
 * form version), reading one, and the team's changes (status along the workflow, assignee, due date, reopen), plus
 * the team inbox across every workspace the caller serves. A client sees its workspace's requests without the
 * team-only fields ({@code firstResponseAt}); anything it may not see is 404, like an unknown id.
 */
@RestController
@RequestMapping("${client-workspace.rest.base-path:/api}")
public class RequestApiController implements KitController {

    /** Most attachments of one request (the core's bound). */
    private static final int MAX_ATTACHMENTS = 20;

    private final WorkspaceKit kit;

    public RequestApiController(WorkspaceKit kit) {
        this.kit = requireNonNull(kit, "kit must not be null");
    }

    /** The workspace's requests, newest first; only those with one of {@code status} (comma-separated) when given. */
    @Operation(summary = "A workspace's requests, newest first (?status=A,B; members)")
    @GetMapping("/workspaces/{workspaceId}/requests")
    public PageDto<RequestDto> list(Actor actor, @PathVariable String workspaceId,
                                    @RequestParam(required = false) @Nullable List<String> status,
                                    @RequestParam(required = false) @Nullable String cursor,
                                    @RequestParam(defaultValue = "50") int limit) {
        Set<RequestStatus> statuses = statuses(status).orElse(Set.of());
        return PageDto.of(kit.requests().list(actor, WorkspaceId.of(workspaceId), statuses,
                WorkspaceApiController.page(cursor, limit)), r -> RequestDto.of(r, actor));
    }

    /**
     * Submits a request: free-form, or through a form version ({@code formId}, {@code formVersion},
     * {@code answers}); 201 with it. Every invalid answer is reported at once as {@code answers.<fieldId>}.
     */
    @Operation(summary = "Submit a request, free-form or through a form version (SUBMIT_REQUESTS)")
    @PostMapping("/workspaces/{workspaceId}/requests")
    public ResponseEntity<RequestDto> submit(Actor actor, @PathVariable String workspaceId,
                                             @RequestBody SubmitRequestRequest body) {
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        kit.access().require(actor, ws, Permission.SUBMIT_REQUESTS, "submit requests");
        List<FieldError> errors = new ArrayList<>();
        if (body.title() == null) {
            errors.add(FieldError.of("title", "is required"));
        }
        Priority priority = Priority.NORMAL;
        if (body.priority() != null) {
            try {
                priority = Inputs.enumValue(body.priority(), Priority.class, "priority");
            } catch (ValidationException e) {
                errors.addAll(e.fieldErrors());
            }
        }
        List<FileId> attachments = new ArrayList<>();
        List<String> ids = body.attachments() == null ? List.of() : body.attachments();
        if (ids.size() > MAX_ATTACHMENTS) {
            errors.add(FieldError.of("attachments", "must hold at most 20 files"));
        } else {
            for (int i = 0; i < ids.size(); i++) {
                try {
                    attachments.add(FileId.of(Inputs.required(ids.get(i), "attachments[" + i + "]")));
                } catch (ValidationException e) {
                    errors.add(FieldError.of("attachments[" + i + "]", "no such file in this workspace"));
                }
            }
        }
        Optional<FormRef> form = Optional.empty();
        FormAnswers answers = FormAnswers.empty();
        if ((body.formId() == null) != (body.formVersion() == null)) {
            errors.add(FieldError.of(body.formId() == null ? "formId" : "formVersion",
                    "give formId and formVersion together"));
        } else if (body.formId() != null) {
            if (body.formVersion() < 1) {
                errors.add(FieldError.of("formVersion", "must be at least 1"));
            } else {
                FormRef ref = new FormRef(FormId.of(body.formId()), body.formVersion());
                form = Optional.of(ref);
                try {
                    answers = Answers.read(body.answers(), usable(actor, ws, ref), false);
                } catch (ValidationException e) {
                    errors.addAll(e.fieldErrors());
                }
            }
        }
        if (form.isEmpty() && body.answers() != null && !body.answers().isEmpty()) {
            errors.add(FieldError.of("answers", "are only for a request through a form (formId and formVersion)"));
        }
        if (!errors.isEmpty()) {
            errors.sort((a, b) -> a.field().compareTo(b.field()));
            throw new ValidationException(errors);
        }
        ClientRequest created = kit.requests().submit(actor, ws, new NewRequest(Inputs.required(body.title(), "title"),
                body.description() == null ? "" : body.description(), priority, form, answers, attachments));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                        .buildAndExpand(created.id().value()).toUri())
                .eTag(Inputs.etag(created.version())).body(RequestDto.of(created, actor));
    }

    /** One request, with its version as ETag. */
    @Operation(summary = "One request (members; ETag)")
    @GetMapping("/workspaces/{workspaceId}/requests/{requestId}")
    public ResponseEntity<RequestDto> get(Actor actor, @PathVariable String workspaceId, @PathVariable String requestId) {
        return withETag(kit.requests().get(actor, WorkspaceId.of(workspaceId), RequestId.of(requestId)), actor);
    }

    /**
     * Moves the request along the workflow ({@code SUBMITTED → IN_PROGRESS → WAITING_ON_CLIENT → DONE | DECLINED});
     * DECLINED needs a {@code reason}. A client may only answer a request waiting on it (to IN_PROGRESS).
     */
    @Operation(summary = "Change a request's status (team; a client answers WAITING_ON_CLIENT; expectedVersion)")
    @PostMapping("/workspaces/{workspaceId}/requests/{requestId}/status")
    public ResponseEntity<RequestDto> changeStatus(Actor actor, @PathVariable String workspaceId,
                                                   @PathVariable String requestId,
                                                   @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                                   @RequestBody ChangeStatusRequest body) {
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        RequestId id = RequestId.of(requestId);
        kit.requests().get(actor, ws, id);
        RequestStatus to = Inputs.enumValue(body.status(), RequestStatus.class, "status");
        long expected = RequestDtos.expected(body.expectedVersion(), ifMatch);
        return withETag(kit.requests().changeStatus(actor, ws, id, to, Optional.ofNullable(body.reason()), expected),
                actor);
    }

    /** Assigns the request to a team member of the workspace, or unassigns it ({@code assignee: null}). */
    @Operation(summary = "Assign a request to a team member, or unassign (team; expectedVersion)")
    @PostMapping("/workspaces/{workspaceId}/requests/{requestId}/assignee")
    public ResponseEntity<RequestDto> assign(Actor actor, @PathVariable String workspaceId,
                                             @PathVariable String requestId,
                                             @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                             @RequestBody AssignRequest body) {
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        RequestId id = RequestId.of(requestId);
        kit.requests().get(actor, ws, id);
        long expected = RequestDtos.expected(body.expectedVersion(), ifMatch);
        Optional<UserId> assignee;
        try {
            assignee = Optional.ofNullable(body.assignee()).map(UserId::of);
        } catch (ValidationException e) {
            throw new ValidationException(FieldError.of("assignee", "is not a team member of this workspace"));
        }
        return withETag(kit.requests().assign(actor, ws, id, assignee, expected), actor);
    }

    /** Sets the due date ({@code due}: an ISO date) or clears it ({@code due: null}). */
    @Operation(summary = "Set or clear a request's due date (team; expectedVersion)")
    @PutMapping("/workspaces/{workspaceId}/requests/{requestId}/due")
    public ResponseEntity<RequestDto> setDue(Actor actor, @PathVariable String workspaceId,
                                             @PathVariable String requestId,
                                             @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                             @RequestBody DueRequest body) {
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        RequestId id = RequestId.of(requestId);
        kit.requests().get(actor, ws, id);
        long expected = RequestDtos.expected(body.expectedVersion(), ifMatch);
        return withETag(kit.requests().setDue(actor, ws, id, RequestDtos.date(body.due(), "due"), expected), actor);
    }

    /** Reopens a DONE or DECLINED request within the reopen window (the team, or its submitter's side). */
    @Operation(summary = "Reopen a resolved request within the reopen window (expectedVersion)")
    @PostMapping("/workspaces/{workspaceId}/requests/{requestId}/reopen")
    public ResponseEntity<RequestDto> reopen(Actor actor, @PathVariable String workspaceId,
                                             @PathVariable String requestId,
                                             @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                             @RequestBody(required = false) @Nullable VersionRequest body) {
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        RequestId id = RequestId.of(requestId);
        kit.requests().get(actor, ws, id);
        long expected = RequestDtos.expected(body == null ? null : body.expectedVersion(), ifMatch);
        return withETag(kit.requests().reopen(actor, ws, id, expected), actor);
    }

    /**
     * The team inbox: open requests (or those with {@code status}) across every workspace where the caller manages
     * requests, newest first, keyset paged; {@code assignee} a user id or {@code none} for unassigned;
     * {@code olderThan} an ISO instant ({@code 2026-12-01T00:00:00Z}) or an ISO duration of age ({@code P3D}).
     * Clients get an empty page.
     */
    @Operation(summary = "The team inbox across workspaces (?assignee=&status=&olderThan=)")
    @GetMapping("/requests/inbox")
    public PageDto<RequestDto> inbox(Actor actor, @RequestParam(required = false) @Nullable String assignee,
                                     @RequestParam(required = false) @Nullable List<String> status,
                                     @RequestParam(required = false) @Nullable String olderThan,
                                     @RequestParam(required = false) @Nullable String cursor,
                                     @RequestParam(defaultValue = "50") int limit) {
        InboxFilter open = InboxFilter.open();
        Set<RequestStatus> statuses = statuses(status).filter(s -> !s.isEmpty()).orElse(open.statuses());
        Optional<UserId> who = Optional.empty();
        boolean unassigned = false;
        if (assignee != null && !assignee.isEmpty()) {
            if (assignee.equals("none")) {
                unassigned = true;
            } else {
                try {
                    who = Optional.of(UserId.of(assignee));
                } catch (ValidationException e) {
                    throw new ValidationException(FieldError.of("assignee", "must be a user id or none"));
                }
            }
        }
        InboxFilter filter = new InboxFilter(who, unassigned, statuses, olderThan(olderThan));
        return PageDto.of(kit.requests().inbox(actor, filter, WorkspaceApiController.page(cursor, limit)),
                r -> RequestDto.of(r, actor));
    }

    /** The form version if the caller may use it in the workspace; empty lets the core answer in its words. */
    private Optional<FormDefinition> usable(Actor actor, WorkspaceId ws, FormRef ref) {
        try {
            return Optional.of(kit.forms().get(actor, ws, ref.formId(), ref.version()));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private static Optional<Set<RequestStatus>> statuses(@Nullable List<String> values) {
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        Set<RequestStatus> statuses = EnumSet.noneOf(RequestStatus.class);
        for (String value : values) {
            for (String part : value.split(",", 10)) {
                if (!part.isBlank()) {
                    statuses.add(Inputs.enumValue(part, RequestStatus.class, "status"));
                }
            }
        }
        return Optional.of(statuses);
    }

    private static Optional<Instant> olderThan(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (value.length() <= 40) {
            try {
                return Optional.of(value.startsWith("P") ? Instant.now().minus(Duration.parse(value))
                        : Instant.parse(value));
            } catch (java.time.DateTimeException | ArithmeticException e) {
                // reported below
            }
        }
        throw new ValidationException(FieldError.of("olderThan",
                "must be an ISO instant (2026-12-01T00:00:00Z) or an ISO duration (P3D)"));
    }

    private static ResponseEntity<RequestDto> withETag(ClientRequest request, Actor actor) {
        return ResponseEntity.ok().eTag(Inputs.etag(request.version())).body(RequestDto.of(request, actor));
    }
}
