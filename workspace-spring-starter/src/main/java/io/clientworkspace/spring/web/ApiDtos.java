package io.clientworkspace.spring.web;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.clientworkspace.Actor;
import io.clientworkspace.FolderId;
import io.clientworkspace.Page;
import io.clientworkspace.UserId;
import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.activity.ChainVerification;
import io.clientworkspace.approval.ApprovalRecord;
import io.clientworkspace.approval.ApprovalRequest;
import io.clientworkspace.approval.ApprovalSubject;
import io.clientworkspace.approval.Decision;
import io.clientworkspace.file.DownloadRecord;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.file.FileVersion;
import io.clientworkspace.file.Folder;
import io.clientworkspace.member.AccessGrant;
import io.clientworkspace.member.Invitation;
import io.clientworkspace.member.Membership;
import io.clientworkspace.member.Permission;
import io.clientworkspace.workspace.Branding;
import io.clientworkspace.workspace.Workspace;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The JSON shapes of the REST API. Responses are built from domain values; requests are separate
 * records that carry only what a caller may set (no ids, tenants or versions) and reject unknown
 * fields, so that nothing can be mass-assigned.
 */
public final class ApiDtos {

    private ApiDtos() {
    }

    /**
     * Implemented by every request body: a field the body does not declare is an error. The
     * {@code @JsonIgnoreProperties(ignoreUnknown = false)} on the records alone is not enough, because
     * it only defers to {@code FAIL_ON_UNKNOWN_PROPERTIES}, which Jackson 3 and Spring Boot both leave
     * off, so that {@code {"tenantId": ...}} would be dropped silently instead of refused.
     */
    interface RejectsUnknownFields {

        @JsonAnySetter
        default void rejectUnknownField(String name, @Nullable Object value) {
            throw new UnknownFieldException(name);
        }
    }

    /** A request body named a field it does not declare; answered as 400 naming the field. */
    static final class UnknownFieldException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        private final String field;

        UnknownFieldException(String field) {
            super("Unknown field '" + field + "'");
            this.field = field;
        }

        String field() {
            return field;
        }
    }

    /** A page of items and the cursor of the next page (null on the last page). */
    public record PageDto<T>(List<T> items, @Nullable String nextCursor) {
        static <D, T> PageDto<T> of(Page<D> page, Function<D, T> mapper) {
            return new PageDto<>(page.items().stream().map(mapper).toList(), page.nextCursor().orElse(null));
        }
    }

    /** Branding as JSON. */
    public record BrandingDto(@Nullable String displayName, @Nullable String accentColor, @Nullable String logoRef)
            implements RejectsUnknownFields {
        static BrandingDto of(Branding b) {
            return new BrandingDto(b.displayName().orElse(null), b.accentColor().orElse(null), b.logoRef().orElse(null));
        }

        Branding toDomain() {
            return new Branding(java.util.Optional.ofNullable(displayName), java.util.Optional.ofNullable(accentColor),
                    java.util.Optional.ofNullable(logoRef));
        }
    }

    /**
     * A workspace. {@code externalRef} is the team's: team callers always get the field (null when the
     * workspace is not linked); for client callers the field is absent, so that the JSON has the same shape
     * whether or not the workspace is linked.
     */
    public record WorkspaceDto(String id, String slug, String name,
                               @Schema(description = "The host's own id for the client account (team only: absent for"
                                       + " client callers, null for team callers when not linked)")
                               @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Optional<String> externalRef,
                               String status, BrandingDto branding, Instant createdAt, Instant updatedAt, long version) {
        /** The workspace as the team sees it. */
        static WorkspaceDto of(Workspace w) {
            return new WorkspaceDto(w.id().value(), w.slug(), w.name(), w.externalRef(), w.status().name(),
                    BrandingDto.of(w.branding()), w.createdAt(), w.updatedAt(), w.version());
        }

        /** The workspace as {@code actor} may see it: without the external reference field for a client. */
        static WorkspaceDto of(Workspace w, Actor actor) {
            return new WorkspaceDto(w.id().value(), w.slug(), w.name(), actor.isTeam() ? w.externalRef() : null,
                    w.status().name(), BrandingDto.of(w.branding()), w.createdAt(), w.updatedAt(), w.version());
        }
    }

    /** A member of a workspace. */
    public record MemberDto(String workspaceId, String userId, String role, String kind, Instant joinedAt) {
        static MemberDto of(Membership m) {
            return new MemberDto(m.workspaceId().value(), m.userId().value(), m.role().name(), m.role().kind().name(),
                    m.joinedAt());
        }
    }

    /** An invitation (never with its token, except once in {@link IssuedInvitationDto}). */
    public record InvitationDto(String id, String workspaceId, String email, String role, String status,
                                String invitedBy, Instant createdAt, Instant expiresAt) {
        static InvitationDto of(Invitation i) {
            return new InvitationDto(i.id().value(), i.workspaceId().value(), i.email(), i.role().name(),
                    i.status().name(), i.invitedBy().value(), i.createdAt(), i.expiresAt());
        }
    }

    /** A new invitation with its secret token: the only response that ever contains it. */
    public record IssuedInvitationDto(InvitationDto invitation, String token) {
    }

    /**
     * One activity entry. {@code sequence} (the entry's position in the workspace's hash chain) is present only
     * for callers who see the whole chain (the team); clients' entries have no such field, because the gaps
     * between their sequence numbers would count and date the team-only entries.
     */
    public record ActivityDto(String id,
                              @Schema(description = "Position in the workspace's activity chain; only for callers"
                                      + " who may see internal activity (absent for clients)")
                              @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Long sequence,
                              String actorId, String actorKind, String action,
                              String targetType, String targetId, Instant occurredAt, String visibility,
                              Map<String, String> details) {
        static ActivityDto of(ActivityEntry e) {
            return new ActivityDto(e.id().value(), e.chainWithheld() ? null : e.sequence(), e.actorId().value(),
                    e.actorKind().name(), e.action(), e.targetType(), e.targetId(), e.occurredAt(), e.visibility().name(),
                    e.details());
        }
    }

    /** The result of verifying a workspace's activity chain. */
    public record VerificationDto(boolean intact, long entriesChecked, @Nullable Long firstBrokenSequence,
                                  @Nullable String problem, long headSequence, String headHash) {
        static VerificationDto of(ChainVerification v) {
            return new VerificationDto(v.isIntact(), v.entriesChecked(),
                    v.firstBrokenSequence().isPresent() ? v.firstBrokenSequence().getAsLong() : null,
                    v.problem().orElse(null), v.head().sequence(), v.head().hash());
        }
    }

    /** What the caller may do in a workspace. */
    public record PermissionsDto(String workspaceId, @Nullable String tenantRole, @Nullable String workspaceRole,
                                 List<String> permissions) {
        static PermissionsDto of(String workspaceId, AccessGrant grant) {
            return new PermissionsDto(workspaceId, grant.tenantRole().map(Enum::name).orElse(null),
                    grant.workspaceRole().map(Enum::name).orElse(null),
                    grant.permissions().stream().map(Permission::name).sorted().toList());
        }
    }

    /** The caller. */
    public record MeDto(String tenantId, String userId, String kind, @Nullable String tenantRole) {
    }

    /** Body of {@code POST /workspaces}. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record CreateWorkspaceRequest(@Nullable String name, @Nullable String slug, @Nullable String externalRef,
                                         @Nullable String lead, @Nullable BrandingDto branding)
            implements RejectsUnknownFields {
    }

    /** Body of {@code PATCH /workspaces/{id}}: every field optional; absent fields stay as they are. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record UpdateWorkspaceRequest(@Nullable String name, @Nullable BrandingDto branding)
            implements RejectsUnknownFields {
    }

    /** Body of {@code POST /workspaces/{id}/members}. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record AddMemberRequest(@Nullable String userId, @Nullable String role)
            implements RejectsUnknownFields {
    }

    /** Body of {@code PUT /workspaces/{id}/members/{userId}}. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record ChangeRoleRequest(@Nullable String role)
            implements RejectsUnknownFields {
    }

    /** Body of {@code POST /workspaces/{id}/lead}. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record HandOverLeadRequest(@Nullable String from, @Nullable String to)
            implements RejectsUnknownFields {
    }

    /** Body of {@code POST /workspaces/{id}/invitations}. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record CreateInvitationRequest(@Nullable String email, @Nullable String role, @Nullable Integer validForHours)
            implements RejectsUnknownFields {
    }

    /** Body of {@code POST /invitations/accept}. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record AcceptInvitationRequest(@Nullable String token)
            implements RejectsUnknownFields {
    }

    // ------------------------------------------------------------------------------------ files

    /** A folder. */
    public record FolderDto(String id, String workspaceId, @Nullable String parentId, String name, String visibility,
                            String createdBy, Instant createdAt, long version) {
        static FolderDto of(Folder f) {
            return new FolderDto(f.id().value(), f.workspaceId().value(), f.parentId().map(FolderId::value).orElse(null),
                    f.name(), f.visibility().name(), f.createdBy().value(), f.createdAt(), f.version());
        }
    }

    /**
     * A file: its current name, place, visibility and latest version number. {@code version} is the
     * optimistic version of this record (its ETag), which every change (a new version included) moves on.
     */
    public record FileDto(String id, String workspaceId, @Nullable String folderId, String name, String visibility,
                          int latestVersion, String status, String createdBy, Instant createdAt, Instant updatedAt,
                          long version) {
        static FileDto of(FileAsset f) {
            return new FileDto(f.id().value(), f.workspaceId().value(), f.folderId().map(FolderId::value).orElse(null),
                    f.name(), f.visibility().name(), f.latestVersion(), f.status().name(), f.createdBy().value(),
                    f.createdAt(), f.updatedAt(), f.version());
        }
    }

    /**
     * One version of a file: what its bytes are (size, SHA-256, the type detected from them) and the
     * type the uploader declared (untrusted, kept for the record). The storage key is never exposed.
     */
    public record FileVersionDto(String fileId, int number, String name, long size, String sha256,
                                 String detectedType, String declaredType, String uploadedBy, Instant uploadedAt) {
        static FileVersionDto of(FileVersion v) {
            return new FileVersionDto(v.fileId().value(), v.number(), v.name(), v.size(), v.sha256(), v.detectedType(),
                    v.declaredType(), v.uploadedBy().value(), v.uploadedAt());
        }
    }

    /** Who downloaded which version, when. */
    public record DownloadDto(String fileId, int version, String userId, String actorKind, Instant at) {
        static DownloadDto of(DownloadRecord r) {
            return new DownloadDto(r.fileId().value(), r.versionNumber(), r.userId().value(), r.actorKind().name(), r.at());
        }
    }

    /** Body of {@code POST /workspaces/{id}/folders}. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record CreateFolderRequest(@Nullable String name, @Nullable String parent, @Nullable String visibility)
            implements RejectsUnknownFields {
    }

    /** Body of {@code POST /workspaces/{id}/folders/{folderId}/rename}. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record RenameFolderRequest(@Nullable String name) implements RejectsUnknownFields {
    }

    /** Body of {@code POST /workspaces/{id}/files/{fileId}/visibility}: {@code CLIENT} shares, {@code TEAM} withdraws. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record ChangeVisibilityRequest(@Nullable String visibility) implements RejectsUnknownFields {
    }

    /** Body of {@code POST /workspaces/{id}/folders/{folderId}/move}: no parent (or null) moves it to the top level. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record MoveFolderRequest(@Nullable String parent) implements RejectsUnknownFields {
    }

    // ------------------------------------------------------------------------------------ approvals

    /**
     * What an approval is about: {@code FILE_VERSION} (with file id, version and the SHA-256 the request
     * is bound to) or {@code DELIVERABLE} (with description and optional link).
     */
    public record SubjectDto(String type, @Nullable String fileId, @Nullable Integer version, @Nullable String sha256,
                             @Nullable String description, @Nullable String link) {
        static SubjectDto of(ApprovalSubject subject) {
            if (subject instanceof ApprovalSubject.FileVersionSubject f) {
                return new SubjectDto("FILE_VERSION", f.fileId().value(), f.versionNumber(), f.sha256(), null, null);
            }
            ApprovalSubject.DeliverableSubject d = (ApprovalSubject.DeliverableSubject) subject;
            return new SubjectDto("DELIVERABLE", null, null, null, d.description(), d.link().orElse(null));
        }
    }

    /** An approval request, with its status as of now (an open request past its due date reads EXPIRED). */
    public record ApprovalDto(String id, String workspaceId, String title, @Nullable String message, SubjectDto subject,
                              List<String> approvers, String policy, @Nullable Integer quorum, @Nullable Instant dueAt,
                              String status, String requestedBy, Instant requestedAt, @Nullable Instant resolvedAt,
                              long version) {
        static ApprovalDto of(ApprovalRequest r) {
            return new ApprovalDto(r.id().value(), r.workspaceId().value(), r.title(), r.message().orElse(null),
                    SubjectDto.of(r.subject()), r.approvers().stream().map(UserId::value).toList(),
                    r.policy().kind().name(), r.policy().kind() == io.clientworkspace.approval.ApprovalPolicy.Kind.QUORUM
                    ? r.policy().quorum() : null, r.dueAt().orElse(null), r.status().name(), r.requestedBy().value(),
                    r.requestedAt(), r.resolvedAt().orElse(null), r.version());
        }
    }

    /** One decision of the record, with the exact version and SHA-256 decided on for a file. */
    public record DecisionDto(int sequence, String approver, String approverKind, String decision,
                              @Nullable String comment, Instant decidedAt, @Nullable Integer fileVersion,
                              @Nullable String sha256) {
        static DecisionDto of(Decision d) {
            return new DecisionDto(d.sequence(), d.approver().value(), d.approverKind().name(), d.kind().name(),
                    d.comment().orElse(null), d.decidedAt(), d.versionNumber().orElse(null), d.sha256().orElse(null));
        }
    }

    /** The approval record: the request and every decision in order, changed decisions included. */
    public record ApprovalRecordDto(ApprovalDto request, List<DecisionDto> decisions) {
        static ApprovalRecordDto of(ApprovalRecord r) {
            return new ApprovalRecordDto(ApprovalDto.of(r.request()), r.decisions().stream().map(DecisionDto::of).toList());
        }
    }

    /** The file version an approval is asked for: {@code version} defaults to the latest. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record FileSubjectRequest(@Nullable String id, @Nullable Integer version) implements RejectsUnknownFields {
    }

    /** A deliverable to approve that is not held as a file. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record DeliverableSubjectRequest(@Nullable String description, @Nullable String link)
            implements RejectsUnknownFields {
    }

    /**
     * Body of {@code POST /workspaces/{id}/approvals}: exactly one of {@code file} and {@code deliverable};
     * {@code policy} ANY (default), ALL or QUORUM with {@code quorum}.
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record RequestApprovalRequest(@Nullable String title, @Nullable String message,
                                         @Nullable List<String> approvers, @Nullable String policy,
                                         @Nullable Integer quorum, @Nullable Instant dueAt,
                                         @Nullable FileSubjectRequest file,
                                         @Nullable DeliverableSubjectRequest deliverable)
            implements RejectsUnknownFields {
    }

    /** Body of {@code POST /workspaces/{id}/approvals/{approvalId}/decisions}. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record DecideRequest(@Nullable String decision, @Nullable String comment) implements RejectsUnknownFields {
    }
}
