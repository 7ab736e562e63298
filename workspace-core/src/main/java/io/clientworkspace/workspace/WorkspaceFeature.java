package io.clientworkspace.workspace;

import io.clientworkspace.internal.Feature;
import io.clientworkspace.internal.FeatureContext;
import io.clientworkspace.spi.InvitationStore;
import io.clientworkspace.spi.MembershipStore;
import io.clientworkspace.spi.WorkspaceStore;

import java.util.List;

/** Workspaces, their members and invitations (foundation). */
public final class WorkspaceFeature implements Feature {

    @Override
    public String name() {
        return "workspaces";
    }

    @Override
    public List<Class<?>> stores() {
        return List.of(WorkspaceStore.class, MembershipStore.class, InvitationStore.class);
    }

    @Override
    public List<Class<?>> services() {
        return List.of(WorkspaceService.class, MemberService.class, InvitationService.class);
    }

    @Override
    public List<String> requires() {
        return List.of("tenants");
    }

    @Override
    public void install(FeatureContext ctx) {
        ctx.provide(WorkspaceService.class, new WorkspaceService(ctx.kernel(), ctx.authorizer(), ctx.access()));
        MemberService members = new MemberService(ctx.kernel(), ctx.access(), ctx.settings().userDirectory());
        ctx.provide(MemberService.class, members);
        ctx.provide(InvitationService.class, new InvitationService(ctx.kernel(), ctx.access(), members));
    }
}
