package io.clientworkspace.insight;

import io.clientworkspace.internal.Feature;
import io.clientworkspace.internal.FeatureContext;
import io.clientworkspace.spi.InsightStore;
import io.clientworkspace.spi.OnboardingStore;

import java.util.List;

/**
 * Insights ({@code insights}): client visits, daily rollups kept by a projection inside each operation's unit of
 * work, and weekly reports. Reads the stores of approvals, requests, conversations and projects when the store set
 * has them; without them the matching figures stay empty.
 */
public final class InsightFeature implements Feature {

    /** Size of the memo of visits already recorded today (per tenant, workspace, user and day). */
    static final long VISIT_MEMO_SIZE = 100_000;

    @Override
    public String name() {
        return "insights";
    }

    @Override
    public List<Class<?>> stores() {
        return List.of(InsightStore.class);
    }

    @Override
    public List<Class<?>> services() {
        return List.of(InsightService.class);
    }

    @Override
    public void install(FeatureContext ctx) {
        InsightStore store = ctx.stores().require(InsightStore.class);
        ctx.kernel().addProjection(new InsightProjection(store, ctx.stores()));
        ctx.provide(InsightService.class, new InsightService(ctx.kernel(), ctx.access(), ctx.authorizer(), store,
                ctx.stores().find(OnboardingStore.class), VISIT_MEMO_SIZE));
    }
}
