package io.clientworkspace.activity;

/**
 * Receives domain events after a successful operation, never after a failed one.
 *
 * <p>Called synchronously on the thread that performed the operation, after its unit of work
 * committed, in registration order. A listener that throws is logged and skipped: the operation has
 * already happened and is not undone. Keep listeners fast; hand slow work to a queue.
 */
@FunctionalInterface
public interface DomainEventListener {

    /** Handles one event. */
    void onEvent(DomainEvent event);
}
