package io.clientworkspace.audit;

import io.clientworkspace.internal.Feature;
import io.clientworkspace.internal.FeatureContext;
import io.clientworkspace.spi.ActivityStore;

import java.util.List;

/**
 * The audit view ({@code audit}): searches and exports the activity logs, which every store set has (a foundation
 * store); it needs the store's {@link ActivityStore#search} capability at call time.
 */
public final class AuditFeature implements Feature {

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public List<Class<?>> stores() {
        return List.of(ActivityStore.class);
    }

    @Override
    public List<Class<?>> services() {
        return List.of(AuditService.class);
    }

    @Override
    public List<String> requires() {
        return List.of("activity");
    }

    @Override
    public void install(FeatureContext ctx) {
        ctx.provide(AuditService.class, new AuditService(ctx.kernel(), ctx.authorizer()));
    }
}
