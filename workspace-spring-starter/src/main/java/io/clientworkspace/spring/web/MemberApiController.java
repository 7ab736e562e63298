package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.member.Membership;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.spring.web.WorkspaceDtos.AddMemberRequest;
import io.clientworkspace.spring.web.WorkspaceDtos.ChangeRoleRequest;
import io.clientworkspace.spring.web.WorkspaceDtos.HandOverLeadRequest;
import io.clientworkspace.spring.web.WorkspaceDtos.MemberDto;
import io.clientworkspace.spring.web.ApiDtos.PageDto;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import static java.util.Objects.requireNonNull;

/** Members of a workspace: list, add, change role, remove, hand over the lead. */
@RestController
@RequestMapping("${client-workspace.rest.base-path:/api}/workspaces/{workspaceId}")
public class MemberApiController implements KitController {

    private final WorkspaceKit kit;

    public MemberApiController(WorkspaceKit kit) {
        this.kit = requireNonNull(kit, "kit must not be null");
    }

    /** The workspace's members, by user id. */
    @Operation(summary = "The workspace's members, by user id")
    @GetMapping("/members")
    public PageDto<MemberDto> list(Actor actor, @PathVariable String workspaceId,
                                   @RequestParam(required = false) @Nullable String cursor,
                                   @RequestParam(defaultValue = "50") int limit) {
        return PageDto.of(kit.members().list(actor, WorkspaceId.of(workspaceId), WorkspaceApiController.page(cursor, limit)),
                MemberDto::of);
    }

    /** One member. */
    @Operation(summary = "One member")
    @GetMapping("/members/{userId}")
    public MemberDto get(Actor actor, @PathVariable String workspaceId, @PathVariable String userId) {
        return kit.members().find(actor, WorkspaceId.of(workspaceId), UserId.of(userId)).map(MemberDto::of)
                .orElseThrow(() -> new NotFoundException("member", userId));
    }

    /** Adds a member. */
    @Operation(summary = "Add a member")
    @PostMapping("/members")
    @ResponseStatus(HttpStatus.CREATED)
    public MemberDto add(Actor actor, @PathVariable String workspaceId, @RequestBody AddMemberRequest body) {
        Membership added = kit.members().add(actor, WorkspaceId.of(workspaceId),
                UserId.of(Inputs.required(body.userId(), "userId")),
                Inputs.enumValue(body.role(), WorkspaceRole.class, "role"));
        return MemberDto.of(added);
    }

    /** Changes a member's role. */
    @Operation(summary = "Change a member's role")
    @PutMapping("/members/{userId}")
    public MemberDto changeRole(Actor actor, @PathVariable String workspaceId, @PathVariable String userId,
                                @RequestBody ChangeRoleRequest body) {
        return MemberDto.of(kit.members().changeRole(actor, WorkspaceId.of(workspaceId), UserId.of(userId),
                Inputs.enumValue(body.role(), WorkspaceRole.class, "role")));
    }

    /** Removes a member (or, for one's own user id, leaves). */
    @Operation(summary = "Remove a member (or leave)")
    @DeleteMapping("/members/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void remove(Actor actor, @PathVariable String workspaceId, @PathVariable String userId) {
        kit.members().remove(actor, WorkspaceId.of(workspaceId), UserId.of(userId));
    }

    /** Hands the lead from one team member to another. */
    @Operation(summary = "Hand the lead over to another team member")
    @PostMapping("/lead")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void handOverLead(Actor actor, @PathVariable String workspaceId, @RequestBody HandOverLeadRequest body) {
        kit.members().handOverLead(actor, WorkspaceId.of(workspaceId), UserId.of(Inputs.required(body.from(), "from")),
                UserId.of(Inputs.required(body.to(), "to")));
    }
}
