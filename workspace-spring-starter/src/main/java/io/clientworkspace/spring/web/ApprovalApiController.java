package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.ApprovalId;
import io.clientworkspace.FieldError;
import io.clientworkspace.FileId;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.approval.ApprovalPolicy;
import io.clientworkspace.approval.ApprovalRequest;
import io.clientworkspace.approval.ApprovalStatus;
import io.clientworkspace.approval.DecisionKind;
import io.clientworkspace.approval.NewApproval;
import io.clientworkspace.spring.web.ApprovalDtos.ApprovalDto;
import io.clientworkspace.spring.web.ApprovalDtos.ApprovalRecordDto;
import io.clientworkspace.spring.web.ApprovalDtos.DecideRequest;
import io.clientworkspace.spring.web.ApiDtos.PageDto;
import io.clientworkspace.spring.web.ApprovalDtos.RequestApprovalRequest;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Approvals of a workspace: request one (of an exact file version, bound to its SHA-256, or of a
 * deliverable), list them (by status), read the record (the request and every decision in order),
 * decide, cancel. Requests about internal files are invisible to clients (404, like unknown ids);
 * deciding without the permission is 403, as is deciding when not one of the approvers.
 */
@RestController
@RequestMapping("${client-workspace.rest.base-path:/api}/workspaces/{workspaceId}/approvals")
public class ApprovalApiController implements KitController {

    private final WorkspaceKit kit;

    public ApprovalApiController(WorkspaceKit kit) {
        this.kit = requireNonNull(kit, "kit must not be null");
    }

    /** Requests the caller may see, newest first; only those with {@code status} when given. */
    @Operation(summary = "Approval requests the caller may see, newest first (?status=)")
    @GetMapping
    public PageDto<ApprovalDto> list(Actor actor, @PathVariable String workspaceId,
                                     @RequestParam(required = false) @Nullable String status,
                                     @RequestParam(required = false) @Nullable String cursor,
                                     @RequestParam(defaultValue = "50") int limit) {
        Optional<ApprovalStatus> wanted = status == null || status.isEmpty() ? Optional.empty()
                : Optional.of(Inputs.enumValue(status, ApprovalStatus.class, "status"));
        return PageDto.of(kit.approvals().list(actor, WorkspaceId.of(workspaceId), wanted,
                WorkspaceApiController.page(cursor, limit)), ApprovalDto::of);
    }

    /** Asks for an approval; 201 with the request. */
    @Operation(summary = "Request an approval of a file version or a deliverable")
    @PostMapping
    public ResponseEntity<ApprovalDto> request(Actor actor, @PathVariable String workspaceId,
                                               @RequestBody RequestApprovalRequest body) {
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        if ((body.file() == null) == (body.deliverable() == null)) {
            throw new ValidationException(List.of(FieldError.of("deliverable", "give exactly one of file and deliverable"),
                    FieldError.of("file", "give exactly one of file and deliverable")));
        }
        NewApproval approval = new NewApproval(Inputs.required(body.title(), "title"), Optional.ofNullable(body.message()),
                approvers(body.approvers()), policy(body.policy(), body.quorum()), Optional.ofNullable(body.dueAt()));
        ApprovalRequest created;
        if (body.file() != null) {
            FileId fileId = FileId.of(Inputs.required(body.file().id(), "file.id"));
            int version = body.file().version() != null ? body.file().version()
                    : kit.files().get(actor, ws, fileId).latestVersion();
            created = kit.approvals().requestForFile(actor, ws, fileId, version, approval);
        } else {
            created = kit.approvals().requestForDeliverable(actor, ws,
                    Inputs.required(body.deliverable().description(), "deliverable.description"),
                    Optional.ofNullable(body.deliverable().link()), approval);
        }
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                        .buildAndExpand(created.id().value()).toUri())
                .eTag(Inputs.etag(created.version()))
                .body(ApprovalDto.of(created));
    }

    /** The record: the request (its version as ETag) and every decision in order. */
    @Operation(summary = "An approval's record: the request (ETag) and every decision")
    @GetMapping("/{approvalId}")
    public ResponseEntity<ApprovalRecordDto> get(Actor actor, @PathVariable String workspaceId,
                                                 @PathVariable String approvalId) {
        var record = kit.approvals().record(actor, WorkspaceId.of(workspaceId), ApprovalId.of(approvalId));
        return ResponseEntity.ok().eTag(Inputs.etag(record.request().version())).body(ApprovalRecordDto.of(record));
    }

    /**
     * Records the caller's decision (APPROVE, REJECT or REQUEST_CHANGES; the last two need a comment).
     * Concurrent decisions are all counted, so no If-Match is needed. 200 with the record after it.
     */
    @Operation(summary = "Decide: APPROVE, REJECT or REQUEST_CHANGES (with a comment)")
    @PostMapping("/{approvalId}/decisions")
    public ResponseEntity<ApprovalRecordDto> decide(Actor actor, @PathVariable String workspaceId,
                                                    @PathVariable String approvalId, @RequestBody DecideRequest body) {
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        ApprovalId id = ApprovalId.of(approvalId);
        DecisionKind kind = Inputs.enumValue(body.decision(), DecisionKind.class, "decision");
        kit.approvals().decide(actor, ws, id, kind, Optional.ofNullable(body.comment()));
        return get(actor, workspaceId, approvalId);
    }

    /** Withdraws an open request; If-Match is checked when sent. */
    @Operation(summary = "Cancel an open approval request")
    @PostMapping("/{approvalId}/cancel")
    public ResponseEntity<ApprovalDto> cancel(Actor actor, @PathVariable String workspaceId, @PathVariable String approvalId,
                                              @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        OptionalLong expected = Inputs.optionalIfMatch(ifMatch);
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        ApprovalId id = ApprovalId.of(approvalId);
        ApprovalRequest cancelled = expected.isPresent()
                ? kit.approvals().cancel(actor, ws, id, expected.getAsLong())
                : kit.approvals().cancel(actor, ws, id);
        return ResponseEntity.ok().eTag(Inputs.etag(cancelled.version())).body(ApprovalDto.of(cancelled));
    }

    private static Set<UserId> approvers(@Nullable List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            throw new ValidationException(FieldError.of("approvers", "must name at least one approver"));
        }
        Set<UserId> approvers = new LinkedHashSet<>();
        for (String id : ids) {
            approvers.add(UserId.of(Inputs.required(id, "approvers")));
        }
        return approvers;
    }

    private static ApprovalPolicy policy(@Nullable String kind, @Nullable Integer quorum) {
        ApprovalPolicy.Kind parsed = kind == null ? ApprovalPolicy.Kind.ANY
                : Inputs.enumValue(kind, ApprovalPolicy.Kind.class, "policy");
        if (parsed == ApprovalPolicy.Kind.QUORUM && quorum == null) {
            throw new ValidationException(FieldError.of("quorum", "is required for a QUORUM policy"));
        }
        if (parsed != ApprovalPolicy.Kind.QUORUM && quorum != null) {
            throw new ValidationException(FieldError.of("quorum", "is only for a QUORUM policy"));
        }
        return new ApprovalPolicy(parsed, quorum == null ? 0 : quorum);
    }
}
