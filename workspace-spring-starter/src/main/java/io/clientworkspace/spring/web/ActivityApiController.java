package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.spring.web.ActivityDtos.ActivityDto;
import io.clientworkspace.spring.web.ApiDtos.PageDto;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static java.util.Objects.requireNonNull;

/** The activity feed of a workspace, newest first; clients see client-visible entries only. */
@RestController
@RequestMapping("${client-workspace.rest.base-path:/api}/workspaces/{workspaceId}")
public class ActivityApiController implements KitController {

    private final WorkspaceKit kit;

    public ActivityApiController(WorkspaceKit kit) {
        this.kit = requireNonNull(kit, "kit must not be null");
    }

    /** One page of the feed. */
    @Operation(summary = "The workspace's activity feed, newest first (clients: client-visible entries only)")
    @GetMapping("/activity")
    public PageDto<ActivityDto> feed(Actor actor, @PathVariable String workspaceId,
                                     @RequestParam(required = false) @Nullable String cursor,
                                     @RequestParam(defaultValue = "50") int limit) {
        return PageDto.of(kit.activity().feed(actor, WorkspaceId.of(workspaceId), WorkspaceApiController.page(cursor, limit)),
                ActivityDto::of);
    }
}
