package io.clientworkspace.member;

import io.clientworkspace.internal.Feature;
import io.clientworkspace.internal.FeatureContext;
import io.clientworkspace.spi.PermissionMatrixStore;

import java.util.List;

/** Per-tenant permission matrices (foundation). Lives next to {@link AccessPolicyService} and the {@link Authorizer}. */
public final class AccessPolicyFeature implements Feature {

    @Override
    public String name() {
        return "access-policies";
    }

    @Override
    public List<Class<?>> stores() {
        return List.of(PermissionMatrixStore.class);
    }

    @Override
    public List<Class<?>> services() {
        return List.of(AccessPolicyService.class);
    }

    @Override
    public List<String> requires() {
        return List.of("tenants");
    }

    @Override
    public void install(FeatureContext ctx) {
        ctx.provide(AccessPolicyService.class, new AccessPolicyService(ctx.kernel(), ctx.authorizer(),
                ctx.stores().find(io.clientworkspace.spi.ClientRoleStore.class)));
    }
}
