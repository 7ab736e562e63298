package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.AssignmentId;
import io.clientworkspace.FieldError;
import io.clientworkspace.FormId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.member.Permission;
import io.clientworkspace.request.AssignmentStatus;
import io.clientworkspace.request.FormAnswers;
import io.clientworkspace.request.FormAssignment;
import io.clientworkspace.request.FormDefinition;
import io.clientworkspace.spring.web.ApiDtos.PageDto;
import io.clientworkspace.spring.web.RequestDtos.AnswersRequest;
import io.clientworkspace.spring.web.RequestDtos.AssignFormRequest;
import io.clientworkspace.spring.web.RequestDtos.AssignmentDto;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Form assignments (intake): the team asks a workspace's clients to fill the latest version of a form (pinned when
 * assigned); the clients save drafts as they type (each save names the version it was made on) and submit once,
 * which creates the request. Of two submissions from the same version exactly one succeeds; the other is 409.
 */
@RestController
@RequestMapping("${client-workspace.rest.base-path:/api}/workspaces/{workspaceId}/form-assignments")
public class FormAssignmentApiController implements KitController {

    private final WorkspaceKit kit;

    public FormAssignmentApiController(WorkspaceKit kit) {
        this.kit = requireNonNull(kit, "kit must not be null");
    }

    /** The workspace's assignments, newest first; only those with {@code status} (OPEN, SUBMITTED, CANCELLED). */
    @Operation(summary = "A workspace's form assignments, newest first (?status=; members)")
    @GetMapping
    public PageDto<AssignmentDto> list(Actor actor, @PathVariable String workspaceId,
                                       @RequestParam(required = false) @Nullable String status,
                                       @RequestParam(required = false) @Nullable String cursor,
                                       @RequestParam(defaultValue = "50") int limit) {
        Optional<AssignmentStatus> wanted = status == null || status.isEmpty() ? Optional.empty()
                : Optional.of(Inputs.enumValue(status, AssignmentStatus.class, "status"));
        return PageDto.of(kit.forms().assignments(actor, WorkspaceId.of(workspaceId), wanted,
                WorkspaceApiController.page(cursor, limit)), AssignmentDto::of);
    }

    /** Asks the workspace's clients to fill a form (its latest version is pinned); 201 with the assignment. */
    @Operation(summary = "Assign a form to the workspace's clients (MANAGE_REQUESTS)")
    @PostMapping
    public ResponseEntity<AssignmentDto> assign(Actor actor, @PathVariable String workspaceId,
                                                @RequestBody AssignFormRequest body) {
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        kit.access().require(actor, ws, Permission.MANAGE_REQUESTS, "assign forms");
        List<FieldError> errors = new ArrayList<>();
        if (body.formId() == null) {
            errors.add(FieldError.of("formId", "is required"));
        }
        if (body.title() == null) {
            errors.add(FieldError.of("title", "is required"));
        }
        Optional<java.time.LocalDate> due = Optional.empty();
        try {
            due = RequestDtos.date(body.due(), "due");
        } catch (ValidationException e) {
            errors.addAll(e.fieldErrors());
        }
        @Nullable FormId formId = null;
        if (body.formId() != null) {
            try {
                formId = FormId.of(body.formId());
            } catch (ValidationException e) {
                errors.add(FieldError.of("formId", "no such form in this workspace"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        FormAssignment created = kit.forms().assign(actor, ws, Inputs.required(formId, "formId"),
                Inputs.required(body.title(), "title"), due);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                        .buildAndExpand(created.id().value()).toUri())
                .eTag(Inputs.etag(created.version())).body(AssignmentDto.of(created));
    }

    /** One assignment, with its version as ETag. */
    @Operation(summary = "One form assignment with its draft (members; ETag)")
    @GetMapping("/{assignmentId}")
    public ResponseEntity<AssignmentDto> get(Actor actor, @PathVariable String workspaceId,
                                             @PathVariable String assignmentId) {
        return withETag(kit.forms().getAssignment(actor, WorkspaceId.of(workspaceId), AssignmentId.of(assignmentId)));
    }

    /**
     * Saves the answers typed so far (checked as a draft: no required answers or formats yet, but no forged fields,
     * foreign options, oversized values or unreachable files).
     */
    @Operation(summary = "Save draft answers of an assignment (SUBMIT_REQUESTS; expectedVersion)")
    @PutMapping("/{assignmentId}/draft")
    public ResponseEntity<AssignmentDto> saveDraft(Actor actor, @PathVariable String workspaceId,
                                                   @PathVariable String assignmentId,
                                                   @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                                   @RequestBody AnswersRequest body) {
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        AssignmentId id = AssignmentId.of(assignmentId);
        FormAnswers answers = answers(actor, ws, id, body, true);
        long expected = RequestDtos.expected(body.expectedVersion(), ifMatch);
        return withETag(kit.forms().saveDraft(actor, ws, id, answers, expected));
    }

    /**
     * Submits the assignment with these answers, checked in full against the pinned version, and creates its
     * request; 200 with the assignment (its {@code requestId} names the request). A second or concurrent
     * submission is 409 and creates nothing.
     */
    @Operation(summary = "Submit an assignment: creates its request exactly once (SUBMIT_REQUESTS; expectedVersion)")
    @PostMapping("/{assignmentId}/submit")
    public ResponseEntity<AssignmentDto> submit(Actor actor, @PathVariable String workspaceId,
                                                @PathVariable String assignmentId,
                                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                                @RequestBody AnswersRequest body) {
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        AssignmentId id = AssignmentId.of(assignmentId);
        FormAnswers answers = answers(actor, ws, id, body, false);
        long expected = RequestDtos.expected(body.expectedVersion(), ifMatch);
        return withETag(kit.forms().submitAssignment(actor, ws, id, answers, expected));
    }

    /** Withdraws an open assignment. */
    @Operation(summary = "Cancel an open form assignment (MANAGE_REQUESTS; expectedVersion)")
    @PostMapping("/{assignmentId}/cancel")
    public ResponseEntity<AssignmentDto> cancel(Actor actor, @PathVariable String workspaceId,
                                                @PathVariable String assignmentId,
                                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                                @RequestBody(required = false) @Nullable VersionRequest body) {
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        AssignmentId id = AssignmentId.of(assignmentId);
        kit.access().require(actor, ws, Permission.MANAGE_REQUESTS, "cancel form assignments");
        kit.forms().getAssignment(actor, ws, id);
        long expected = RequestDtos.expected(body == null ? null : body.expectedVersion(), ifMatch);
        return withETag(kit.forms().cancelAssignment(actor, ws, id, expected));
    }

    /** The caller checked first (workspace, permission, assignment), then the answers typed by the pinned form. */
    private FormAnswers answers(Actor actor, WorkspaceId ws, AssignmentId id, AnswersRequest body, boolean draft) {
        kit.access().require(actor, ws, Permission.SUBMIT_REQUESTS, draft ? "fill forms" : "submit forms");
        FormAssignment assignment = kit.forms().getAssignment(actor, ws, id);
        FormDefinition form = kit.forms().get(actor, ws, assignment.form().formId(), assignment.form().version());
        return Answers.read(body.answers(), Optional.of(form), draft);
    }

    private static ResponseEntity<AssignmentDto> withETag(FormAssignment assignment) {
        return ResponseEntity.ok().eTag(Inputs.etag(assignment.version())).body(AssignmentDto.of(assignment));
    }
}
