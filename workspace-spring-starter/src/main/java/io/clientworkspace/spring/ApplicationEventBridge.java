package io.clientworkspace.spring;

import io.clientworkspace.activity.DomainEvent;
import io.clientworkspace.activity.DomainEventListener;
import org.springframework.context.ApplicationEventPublisher;

import static java.util.Objects.requireNonNull;

/**
 * Republishes every domain event as a Spring application event, after the operation committed.
 * Listen with {@code @EventListener void on(WorkspaceEvent.WorkspaceCreated e)} and the like.
 */
public final class ApplicationEventBridge implements DomainEventListener {

    private final ApplicationEventPublisher publisher;

    public ApplicationEventBridge(ApplicationEventPublisher publisher) {
        this.publisher = requireNonNull(publisher, "publisher must not be null");
    }

    @Override
    public void onEvent(DomainEvent event) {
        publisher.publishEvent(event);
    }
}
