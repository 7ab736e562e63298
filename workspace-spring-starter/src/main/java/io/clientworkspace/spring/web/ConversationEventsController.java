package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.ConversationId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Live updates of a workspace's conversations as server-sent events ({@code text/event-stream}), on when
 * {@code client-workspace.rest.live-updates.enabled} is true (the default). Each event is named
 * {@value ConversationLiveUpdates#EVENT_NAME} and its data is a {@link ConversationDtos.LiveUpdateDto}: what happened
 * ({@code started}, {@code posted}, {@code edited}, {@code deleted}, {@code mentioned}), to which conversation and
 * message, never a body; only events the subscriber may see are sent (see {@link ConversationLiveUpdates}). The
 * caller is checked when subscribing: a workspace or conversation it may not see is 404, as for any unknown id.
 * A client that reconnects fetches what it missed with {@code GET .../messages?since=}, which is also the fallback
 * where server-sent events do not get through.
 */
@RestController
@RequestMapping("${client-workspace.rest.base-path:/api}/workspaces/{workspaceId}/conversations")
public class ConversationEventsController implements KitController {

    private final WorkspaceKit kit;
    private final ConversationLiveUpdates updates;

    public ConversationEventsController(WorkspaceKit kit, ConversationLiveUpdates updates) {
        this.kit = requireNonNull(kit, "kit must not be null");
        this.updates = requireNonNull(updates, "updates must not be null");
    }

    /** Subscribes to the workspace's conversation events ({@code ?conversation=} for one conversation only). */
    @Operation(summary = "Live updates of the conversations as server-sent events (?conversation= for one)")
    @GetMapping("/events")
    public SseEmitter events(Actor actor, @PathVariable String workspaceId,
                             @RequestParam(required = false) @Nullable String conversation) {
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        Optional<ConversationId> only = conversation == null || conversation.isEmpty() ? Optional.empty()
                : Optional.of(ConversationId.of(conversation));
        // The caller first: the workspace (and the conversation) must be visible to it, and the feature available.
        kit.workspaces().get(actor, ws);
        if (only.isPresent()) {
            kit.conversations().get(actor, ws, only.get());
        } else {
            kit.conversations();
        }
        return updates.subscribe(actor, ws, only);
    }
}
