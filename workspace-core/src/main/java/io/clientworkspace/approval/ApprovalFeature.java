package io.clientworkspace.approval;

import io.clientworkspace.Actor;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.file.FileLifecycleHook;
import io.clientworkspace.file.FileService;
import io.clientworkspace.file.FileVersionHook;
import io.clientworkspace.internal.Changes;
import io.clientworkspace.internal.Feature;
import io.clientworkspace.internal.FeatureContext;
import io.clientworkspace.spi.ApprovalStore;

import java.util.List;

/**
 * Approval requests and decisions on file versions. Contributes the hooks that supersede open requests
 * when a new version arrives and cancel them when a file is withdrawn or purged.
 */
public final class ApprovalFeature implements Feature {

    @Override
    public String name() {
        return "approvals";
    }

    @Override
    public List<Class<?>> stores() {
        return List.of(ApprovalStore.class);
    }

    @Override
    public List<Class<?>> services() {
        return List.of(ApprovalService.class);
    }

    @Override
    public List<String> requires() {
        return List.of("files");
    }

    @Override
    public void contribute(FeatureContext ctx) {
        // The hooks run inside the files' units of work, long after the kit was built: by then the service exists.
        ctx.contribute(FileVersionHook.class, (actor, file, added, changes) ->
                ctx.service(ApprovalService.class).supersedeOlder(actor, file, added, changes));
        ctx.contribute(FileLifecycleHook.class, new FileLifecycleHook() {
            @Override
            public void visibilityChanged(Actor actor, FileAsset before, FileAsset after, Changes changes) {
                ctx.service(ApprovalService.class).fileVisibilityChanged(actor, after, changes);
            }

            @Override
            public void purging(Actor actor, FileAsset file, Changes changes) {
                ctx.service(ApprovalService.class).filePurging(actor, file, changes);
            }
        });
    }

    @Override
    public void install(FeatureContext ctx) {
        ctx.provide(ApprovalService.class, new ApprovalService(ctx.kernel(), ctx.access(), ctx.authorizer(),
                ctx.service(FileService.class)));
    }
}
