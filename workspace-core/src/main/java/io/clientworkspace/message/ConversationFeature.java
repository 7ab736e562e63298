package io.clientworkspace.message;

import io.clientworkspace.Actor;
import io.clientworkspace.approval.ApprovalService;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.file.FileLifecycleHook;
import io.clientworkspace.internal.Changes;
import io.clientworkspace.file.FileService;
import io.clientworkspace.internal.Feature;
import io.clientworkspace.internal.FeatureContext;
import io.clientworkspace.request.ClientRequest;
import io.clientworkspace.request.RequestLifecycleHook;
import io.clientworkspace.request.RequestService;
import io.clientworkspace.spi.ConversationStore;
import io.clientworkspace.spi.MessageStore;
import io.clientworkspace.spi.ReadMarkerStore;

import java.util.List;
import java.util.Optional;

/**
 * Conversations, messages and read markers. Builds on workspaces, access policies and activity; uses the files
 * feature for attachments and item conversations about files, and the approvals feature for item conversations
 * about approvals, when they are available. Contributes a {@code FileLifecycleHook}: a file's conversation takes
 * the file's visibility whenever it changes, so withdrawing a file hides its conversation from clients. With the
 * requests feature (installed before it), every request gets its own conversation: a {@code RequestLifecycleHook}
 * opens it with the submission, and messages posted in it are reported to {@code RequestService} (first response,
 * a client's answer). The dependency runs one way: conversations know requests, requests never know conversations.
 */
public final class ConversationFeature implements Feature {

    @Override
    public String name() {
        return "conversations";
    }

    @Override
    public List<Class<?>> stores() {
        return List.of(ConversationStore.class, MessageStore.class, ReadMarkerStore.class);
    }

    @Override
    public List<Class<?>> services() {
        return List.of(ConversationService.class);
    }

    @Override
    public List<String> requires() {
        return List.of("workspaces", "access-policies", "activity");
    }

    @Override
    public void contribute(FeatureContext ctx) {
        // Runs inside the files' units of work, long after the kit was built: by then the service exists.
        ctx.contribute(FileLifecycleHook.class, new FileLifecycleHook() {
            @Override
            public void visibilityChanged(Actor actor, FileAsset before, FileAsset after, Changes changes) {
                ctx.service(ConversationService.class).fileVisibilityChanged(after);
            }
        });
        ctx.contribute(io.clientworkspace.project.ProjectLifecycleHook.class,
                new io.clientworkspace.project.ProjectLifecycleHook() {
                    @Override
                    public void taskVisibilityChanged(Actor actor, io.clientworkspace.project.Task before,
                                                      io.clientworkspace.project.Task after, Changes changes) {
                        ctx.service(ConversationService.class).projectItemsChanged(actor, after.workspaceId(),
                                Optional.of(new ItemRef(ItemType.TASK, after.id().value())));
                    }

                    @Override
                    public void taskDeleted(Actor actor, io.clientworkspace.project.Task task, Changes changes) {
                        ctx.service(ConversationService.class).projectItemsChanged(actor, task.workspaceId(),
                                Optional.of(new ItemRef(ItemType.TASK, task.id().value())));
                    }

                    @Override
                    public void projectVisibilityChanged(Actor actor, io.clientworkspace.project.Project before,
                                                         io.clientworkspace.project.Project after, Changes changes) {
                        ctx.service(ConversationService.class).projectItemsChanged(actor, after.workspaceId(),
                                Optional.empty());
                    }
                });
        ctx.contribute(RequestLifecycleHook.class, new RequestLifecycleHook() {
            @Override
            public void submitted(Actor actor, ClientRequest request, Changes changes) {
                ctx.service(ConversationService.class).requestSubmitted(request);
            }
        });
    }

    @Override
    public void install(FeatureContext ctx) {
        ctx.provide(ConversationService.class, new ConversationService(ctx.kernel(), ctx.access(), ctx.authorizer(),
                ctx.findService(FileService.class), ctx.findService(ApprovalService.class),
                ctx.findService(RequestService.class),
                ctx.findService(io.clientworkspace.project.ProjectService.class),
                ctx.findService(io.clientworkspace.project.TaskService.class)));
    }
}
