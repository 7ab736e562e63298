package io.clientworkspace.dashboard;

import io.clientworkspace.internal.Feature;
import io.clientworkspace.internal.FeatureContext;
import io.clientworkspace.spi.DashboardStore;
import io.clientworkspace.spi.MessageStore;

import java.util.List;

/**
 * The operator dashboard ({@code dashboard}): needs only its {@link DashboardStore}; the source stores of other
 * features are used when the store set provides them (their parts count as empty otherwise). Registers the projection
 * that keeps the summaries inside every operation's unit of work.
 */
public final class DashboardFeature implements Feature {

    @Override
    public String name() {
        return "dashboard";
    }

    @Override
    public List<Class<?>> stores() {
        return List.of(DashboardStore.class);
    }

    @Override
    public List<Class<?>> services() {
        return List.of(DashboardService.class);
    }

    @Override
    public void install(FeatureContext ctx) {
        DashboardStore store = ctx.stores().require(DashboardStore.class);
        SummarySource source = new SummarySource(ctx.stores());
        DashboardProjection projection = new DashboardProjection(store, source);
        ctx.kernel().addProjection(projection);
        ctx.provide(DashboardService.class, new DashboardService(ctx.kernel(), ctx.authorizer(), ctx.access(), store,
                ctx.stores().find(MessageStore.class), projection, source));
    }
}
