package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.FieldError;
import io.clientworkspace.InvitationId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.member.IssuedInvitation;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.spring.web.WorkspaceDtos.AcceptInvitationRequest;
import io.clientworkspace.spring.web.WorkspaceDtos.CreateInvitationRequest;
import io.clientworkspace.spring.web.WorkspaceDtos.InvitationDto;
import io.clientworkspace.spring.web.WorkspaceDtos.IssuedInvitationDto;
import io.clientworkspace.spring.web.WorkspaceDtos.MemberDto;
import io.clientworkspace.spring.web.ApiDtos.PageDto;
import io.clientworkspace.workspace.NewInvitation;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** Invitations: list pending, invite (returns the token once), revoke, accept. */
@RestController
@RequestMapping("${client-workspace.rest.base-path:/api}")
public class InvitationApiController implements KitController {

    private final WorkspaceKit kit;

    public InvitationApiController(WorkspaceKit kit) {
        this.kit = requireNonNull(kit, "kit must not be null");
    }

    /** Pending, unexpired invitations of the workspace. */
    @Operation(summary = "Pending invitations of the workspace")
    @GetMapping("/workspaces/{workspaceId}/invitations")
    public PageDto<InvitationDto> pending(Actor actor, @PathVariable String workspaceId,
                                          @RequestParam(required = false) @Nullable String cursor,
                                          @RequestParam(defaultValue = "50") int limit) {
        return PageDto.of(kit.invitations().listPending(actor, WorkspaceId.of(workspaceId),
                WorkspaceApiController.page(cursor, limit)), InvitationDto::of);
    }

    /** Invites a client user; the response carries the token, which is never shown again. */
    @Operation(summary = "Invite a client user (the token is answered once)")
    @PostMapping("/workspaces/{workspaceId}/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    public IssuedInvitationDto invite(Actor actor, @PathVariable String workspaceId, @RequestBody CreateInvitationRequest body) {
        Optional<Duration> validFor = Optional.ofNullable(body.validForHours()).map(hours -> {
            if (hours < 1 || hours > 24 * 30) {
                throw new ValidationException(FieldError.of("validForHours", "must be between 1 and 720"));
            }
            return Duration.ofHours(hours);
        });
        IssuedInvitation issued = kit.invitations().invite(actor, WorkspaceId.of(workspaceId), new NewInvitation(
                Inputs.required(body.email(), "email"), Inputs.enumValue(body.role(), WorkspaceRole.class, "role"), validFor));
        return new IssuedInvitationDto(InvitationDto.of(issued.invitation()), issued.token());
    }

    /** Revokes a pending invitation. */
    @Operation(summary = "Revoke a pending invitation")
    @DeleteMapping("/workspaces/{workspaceId}/invitations/{invitationId}")
    public InvitationDto revoke(Actor actor, @PathVariable String workspaceId, @PathVariable String invitationId) {
        return InvitationDto.of(kit.invitations().revoke(actor, WorkspaceId.of(workspaceId), InvitationId.of(invitationId)));
    }

    /** Accepts an invitation as the calling client user. */
    @Operation(summary = "Accept an invitation as the calling client user")
    @PostMapping("/invitations/accept")
    @ResponseStatus(HttpStatus.CREATED)
    public MemberDto accept(Actor actor, @RequestBody AcceptInvitationRequest body) {
        return MemberDto.of(kit.invitations().accept(actor, Inputs.required(body.token(), "token")));
    }
}
