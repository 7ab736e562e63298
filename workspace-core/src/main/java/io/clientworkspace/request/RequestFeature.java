package io.clientworkspace.request;

import io.clientworkspace.internal.Feature;
import io.clientworkspace.internal.FeatureContext;
import io.clientworkspace.spi.FormStore;

import java.util.List;

/**
 * Client requests and intake forms ({@code requests}): form definitions, requests and their workflow, form
 * assignments.
 */
public final class RequestFeature implements Feature {

    @Override
    public String name() {
        return "requests";
    }

    @Override
    public List<Class<?>> stores() {
        return List.of(FormStore.class);
    }

    @Override
    public List<Class<?>> services() {
        return List.of(FormService.class);
    }

    @Override
    public void install(FeatureContext ctx) {
        ctx.provide(FormService.class, new FormService(ctx.kernel(), ctx.access(), ctx.authorizer()));
    }
}
