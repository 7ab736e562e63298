package io.clientworkspace.tenant;

import io.clientworkspace.internal.Feature;
import io.clientworkspace.internal.FeatureContext;
import io.clientworkspace.spi.TeamStore;
import io.clientworkspace.spi.TenantStore;

import java.util.List;

/** Tenants and their team rosters (foundation). */
public final class TenantFeature implements Feature {

    @Override
    public String name() {
        return "tenants";
    }

    @Override
    public List<Class<?>> stores() {
        return List.of(TenantStore.class, TeamStore.class);
    }

    @Override
    public List<Class<?>> services() {
        return List.of(TenantService.class);
    }

    @Override
    public void install(FeatureContext ctx) {
        ctx.provide(TenantService.class, new TenantService(ctx.kernel(), ctx.settings().userDirectory()));
    }
}
