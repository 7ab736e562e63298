package io.clientworkspace.checkpoint;

import io.clientworkspace.internal.Feature;
import io.clientworkspace.internal.FeatureContext;
import io.clientworkspace.spi.ActivityStore;

import java.util.List;

/** Signed checkpoints of the activity chains. */
public final class CheckpointFeature implements Feature {

    @Override
    public String name() {
        return "checkpoints";
    }

    @Override
    public List<Class<?>> stores() {
        return List.of(ActivityStore.class);
    }

    @Override
    public List<Class<?>> services() {
        return List.of(CheckpointService.class);
    }

    @Override
    public List<String> requires() {
        return List.of("activity");
    }

    @Override
    public void install(FeatureContext ctx) {
        ctx.provide(CheckpointService.class, new CheckpointService(ctx.stores().activity(), ctx.access(),
                ctx.settings().checkpointSink(), ctx.settings().checkpointKeys(), ctx.settings().clock()));
    }
}
