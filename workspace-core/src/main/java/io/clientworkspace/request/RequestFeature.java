package io.clientworkspace.request;

import io.clientworkspace.internal.Feature;
import io.clientworkspace.internal.FeatureContext;
import io.clientworkspace.file.FileService;
import io.clientworkspace.spi.FormAssignmentStore;
import io.clientworkspace.spi.FormStore;
import io.clientworkspace.spi.RequestStore;

import java.util.List;

/**
 * Client requests and intake forms ({@code requests}): form definitions, requests and their workflow, form
 * assignments. Features installed later may contribute {@link RequestLifecycleHook}s (the conversations feature opens
 * each request's own conversation with it).
 */
public final class RequestFeature implements Feature {

    @Override
    public String name() {
        return "requests";
    }

    @Override
    public List<Class<?>> stores() {
        return List.of(FormStore.class, RequestStore.class, FormAssignmentStore.class);
    }

    @Override
    public List<Class<?>> services() {
        return List.of(FormService.class, RequestService.class);
    }

    @Override
    public void install(FeatureContext ctx) {
        // files are optional: without them, attachments and file answers are refused with a clear error
        RequestService requests = new RequestService(ctx.kernel(), ctx.access(), ctx.findService(FileService.class),
                ctx.settings().requestReopenWindow(), ctx.contributions(RequestLifecycleHook.class));
        ctx.provide(FormService.class, new FormService(ctx.kernel(), ctx.access(), ctx.authorizer(), requests));
        ctx.provide(RequestService.class, requests);
    }
}
