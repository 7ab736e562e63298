package io.clientworkspace.spring.security;

import io.clientworkspace.Actor;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;

import java.util.List;
import java.util.Optional;

/**
 * Maps Spring Security's {@link Authentication} to the kit's {@link Actor}. Declare a bean of this type
 * to replace {@link DefaultActorResolver}.
 */
@FunctionalInterface
public interface ActorResolver {

    /** The actor for this authentication, or empty when it does not stand for a workspace user. */
    Optional<Actor> resolve(Authentication authentication);

    /**
     * The actor for this authentication, or why there is none; the REST API answers 401 for
     * {@link ActorResolution.Anonymous} and a 403 problem for {@link ActorResolution.Unmapped}. This default
     * calls {@link #resolve}: a user it maps to no actor is {@code Anonymous} when not signed in (no
     * authentication, an {@link AnonymousAuthenticationToken}, or one that is not authenticated), otherwise
     * {@code Unmapped} with reason {@link ActorResolution.Reason#NO_ACTOR}. Override it to say more.
     */
    default ActorResolution explain(Authentication authentication) {
        Optional<Actor> actor = resolve(authentication);
        if (actor.isPresent()) {
            return new ActorResolution.Resolved(actor.get());
        }
        if (!isSignedIn(authentication)) {
            return new ActorResolution.Anonymous();
        }
        return new ActorResolution.Unmapped(ActorResolution.Reason.NO_ACTOR, "User '" + authentication.getName()
                + "' is signed in, but the application's ActorResolver mapped this user to no workspace actor",
                List.of());
    }

    /** Whether someone is signed in: an authentication that is authenticated and not anonymous. */
    static boolean isSignedIn(@Nullable Authentication authentication) {
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }
}
