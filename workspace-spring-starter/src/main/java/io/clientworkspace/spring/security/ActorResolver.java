package io.clientworkspace.spring.security;

import io.clientworkspace.Actor;
import org.springframework.security.core.Authentication;

import java.util.Optional;

/**
 * Maps Spring Security's {@link Authentication} to the kit's {@link Actor}. Declare a bean of this type
 * to replace {@link DefaultActorResolver}.
 */
@FunctionalInterface
public interface ActorResolver {

    /** The actor for this authentication, or empty when it does not stand for a workspace user. */
    Optional<Actor> resolve(Authentication authentication);
}
