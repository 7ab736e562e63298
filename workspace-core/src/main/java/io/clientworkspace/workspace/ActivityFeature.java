package io.clientworkspace.workspace;

import io.clientworkspace.internal.Feature;
import io.clientworkspace.internal.FeatureContext;
import io.clientworkspace.spi.ActivityStore;

import java.util.List;

/**
 * Activity feeds and chain verification (foundation). Lives next to {@link ActivityFeed}, whose
 * constructor only this feature calls; the activity package holds the entries and the chain.
 */
public final class ActivityFeature implements Feature {

    @Override
    public String name() {
        return "activity";
    }

    @Override
    public List<Class<?>> stores() {
        return List.of(ActivityStore.class);
    }

    @Override
    public List<Class<?>> services() {
        return List.of(ActivityFeed.class);
    }

    @Override
    public List<String> requires() {
        return List.of("workspaces");
    }

    @Override
    public void install(FeatureContext ctx) {
        ctx.provide(ActivityFeed.class, new ActivityFeed(ctx.stores().activity(), ctx.access()));
    }
}
