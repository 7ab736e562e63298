package io.clientworkspace.handoff;

import io.clientworkspace.internal.Feature;
import io.clientworkspace.internal.FeatureContext;
import io.clientworkspace.project.ProjectService;
import io.clientworkspace.project.TaskService;
import io.clientworkspace.request.RequestService;
import io.clientworkspace.spi.MembershipStore;
import io.clientworkspace.workspace.MemberService;

import java.util.List;

/**
 * Handoffs ({@code handoffs}). Builds on workspaces and members; moves tasks, requests and projects through their
 * services when those features are available (a store set without them hands off lead roles only).
 */
public final class HandoffFeature implements Feature {

    @Override
    public String name() {
        return "handoffs";
    }

    @Override
    public List<Class<?>> stores() {
        return List.of(MembershipStore.class);
    }

    @Override
    public List<Class<?>> services() {
        return List.of(HandoffService.class);
    }

    @Override
    public List<String> requires() {
        return List.of("workspaces");
    }

    @Override
    public void install(FeatureContext ctx) {
        ctx.provide(HandoffService.class, new HandoffService(ctx.kernel(), ctx.authorizer(),
                ctx.service(MemberService.class), ctx.findService(TaskService.class),
                ctx.findService(RequestService.class), ctx.findService(ProjectService.class)));
    }
}
