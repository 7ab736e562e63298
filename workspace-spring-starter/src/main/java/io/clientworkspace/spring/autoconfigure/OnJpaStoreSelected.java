package io.clientworkspace.spring.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

import java.util.Locale;

/** Matches unless {@code client-workspace.store=memory}. */
class OnJpaStoreSelected extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String store = context.getEnvironment().getProperty("client-workspace.store", "auto").trim().toLowerCase(Locale.ROOT);
        return store.equals("memory")
                ? ConditionOutcome.noMatch("client-workspace.store=memory")
                : ConditionOutcome.match("client-workspace.store=" + store);
    }
}
