package io.clientworkspace.request;

import io.clientworkspace.Actor;
import io.clientworkspace.internal.Changes;

/**
 * Called inside the unit of work that submits a request, so that work bound to the request (its own
 * conversation) is created atomically with it: if the hook throws, the submission changes nothing. Features
 * installed after the requests feature contribute it in their first phase.
 */
public interface RequestLifecycleHook {

    /** {@code request} was just stored by {@code actor}; its {@code RequestSubmitted} event is published. */
    default void submitted(Actor actor, ClientRequest request, Changes changes) {
    }
}
