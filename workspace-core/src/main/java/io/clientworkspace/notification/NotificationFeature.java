package io.clientworkspace.notification;

import io.clientworkspace.internal.Feature;
import io.clientworkspace.internal.FeatureContext;
import io.clientworkspace.spi.NotificationStore;

import java.util.List;

/**
 * Notifications ({@code notifications}): preferences, the queue kept by a projection inside every operation's unit
 * of work, and delivery to the host's {@link io.clientworkspace.spi.NotificationSender}.
 */
public final class NotificationFeature implements Feature {

    @Override
    public String name() {
        return "notifications";
    }

    @Override
    public List<Class<?>> stores() {
        return List.of(NotificationStore.class);
    }

    @Override
    public List<Class<?>> services() {
        return List.of(NotificationService.class);
    }

    @Override
    public void install(FeatureContext ctx) {
        NotificationStore store = ctx.stores().require(NotificationStore.class);
        ctx.kernel().addProjection(new NotificationQueue(ctx.kernel(), ctx.authorizer(), store,
                ctx.settings().notificationSettings()));
        ctx.provide(NotificationService.class, new NotificationService(ctx.kernel(), ctx.authorizer(), store,
                ctx.settings().notificationSender(), ctx.settings().notificationSettings()));
    }
}
