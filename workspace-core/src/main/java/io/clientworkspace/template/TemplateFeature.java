package io.clientworkspace.template;

import io.clientworkspace.file.FolderService;
import io.clientworkspace.internal.Feature;
import io.clientworkspace.internal.FeatureContext;
import io.clientworkspace.message.ConversationService;
import io.clientworkspace.project.ProjectService;
import io.clientworkspace.project.TaskService;
import io.clientworkspace.request.FormService;
import io.clientworkspace.spi.TemplateStore;
import io.clientworkspace.spi.WorkspaceOriginStore;
import io.clientworkspace.workspace.MemberService;
import io.clientworkspace.workspace.WorkspaceService;

import java.util.List;

/**
 * Workspace templates ({@code templates}). Builds on workspaces (and members); makes the other parts of a workspace
 * through the services of the features installed before it, when they are available: folders (files), projects and
 * the onboarding checklist (projects), form assignments (requests), the welcome message (conversations). A template
 * that needs an unavailable feature is refused with a field error naming the feature, so the templates feature
 * itself stays available on a store set without them.
 */
public final class TemplateFeature implements Feature {

    @Override
    public String name() {
        return "templates";
    }

    @Override
    public List<Class<?>> stores() {
        return List.of(TemplateStore.class, WorkspaceOriginStore.class);
    }

    @Override
    public List<Class<?>> services() {
        return List.of(TemplateService.class);
    }

    @Override
    public List<String> requires() {
        return List.of("workspaces", "activity");
    }

    @Override
    public void install(FeatureContext ctx) {
        Steps steps = new Steps(ctx.service(WorkspaceService.class), ctx.service(MemberService.class),
                ctx.findService(FolderService.class), ctx.findService(FormService.class),
                ctx.findService(ConversationService.class), ctx.findService(ProjectService.class),
                ctx.findService(TaskService.class));
        ctx.provide(TemplateService.class, new TemplateService(ctx.kernel(), ctx.access(), ctx.authorizer(), steps));
    }
}
