package io.clientworkspace.message.reply;

import io.clientworkspace.internal.Feature;
import io.clientworkspace.internal.FeatureContext;
import io.clientworkspace.message.ConversationService;
import io.clientworkspace.spi.ReplyTokenStore;

import java.util.List;

/**
 * Reply by e-mail ({@link ReplyService}): builds on conversations. A feature of its own, so that a store set
 * without a {@link ReplyTokenStore} still has conversations.
 */
public final class ReplyFeature implements Feature {

    @Override
    public String name() {
        return "replies";
    }

    @Override
    public List<Class<?>> stores() {
        return List.of(ReplyTokenStore.class);
    }

    @Override
    public List<Class<?>> services() {
        return List.of(ReplyService.class);
    }

    @Override
    public List<String> requires() {
        return List.of("conversations");
    }

    @Override
    public void install(FeatureContext ctx) {
        ctx.provide(ReplyService.class, new ReplyService(ctx.kernel(), ctx.access(), ctx.authorizer(),
                ctx.service(ConversationService.class), ctx.settings().replyTokenValidity()));
    }
}
