package io.clientworkspace.spring.security;

import io.clientworkspace.Actor;

/**
 * Implement this on your principal (e.g. your {@code UserDetails}) and {@link DefaultActorResolver}
 * takes the actor from it, ignoring authorities.
 */
public interface ActorPrincipal {

    /** The workspace actor this principal acts as. */
    Actor actor();
}
