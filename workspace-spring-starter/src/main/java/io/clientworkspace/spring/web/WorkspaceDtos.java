package io.clientworkspace.spring.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.clientworkspace.Actor;
import io.clientworkspace.member.AccessGrant;
import io.clientworkspace.member.Invitation;
import io.clientworkspace.member.Membership;
import io.clientworkspace.member.Permission;
import io.clientworkspace.spring.web.ApiDtos.RejectsUnknownFields;
import io.clientworkspace.workspace.Branding;
import io.clientworkspace.workspace.Workspace;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The JSON shapes of workspaces, members, invitations and the caller's permissions (see {@link ApiDtos}
 * for the rules every body follows).
 */
public final class WorkspaceDtos {

    private WorkspaceDtos() {
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

    /**
     * A member of a workspace; {@code clientRole} is the key of the tenant's custom client role the member holds (its
     * {@code role} is then that custom role's base), null when none.
     */
    public record MemberDto(String workspaceId, String userId, String role, String kind, Instant joinedAt,
                            @Nullable String clientRole) {
        static MemberDto of(Membership m) {
            return new MemberDto(m.workspaceId().value(), m.userId().value(), m.role().name(), m.role().kind().name(),
                    m.joinedAt(), m.clientRole().orElse(null));
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
    /** What the caller may do in a workspace. */
    public record PermissionsDto(String workspaceId, @Nullable String tenantRole, @Nullable String workspaceRole,
                                 List<String> permissions) {
        static PermissionsDto of(String workspaceId, AccessGrant grant) {
            return new PermissionsDto(workspaceId, grant.tenantRole().map(Enum::name).orElse(null),
                    grant.workspaceRole().map(Enum::name).orElse(null),
                    grant.permissions().stream().map(Permission::name).sorted().toList());
        }
    }

    /**
     * The caller. {@code rosterHint} is present only for a team user who is not on its tenant's roster: it says how a
     * tenant admin adds the user ({@code POST /tenant/team}).
     */
    public record MeDto(String tenantId, String userId, String kind, @Nullable String tenantRole,
                        @Schema(description = "Only for a team user off its tenant's roster: how a tenant admin adds it")
                        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String rosterHint) {
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
}
