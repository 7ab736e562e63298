package io.clientworkspace.spring.security;

import io.clientworkspace.Actor;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What an {@link ActorResolver} made of an authentication, with the reason when it made no actor: the REST API
 * answers 401 for {@link Anonymous} and a 403 problem naming the fix for {@link Unmapped}.
 */
public sealed interface ActorResolution permits ActorResolution.Resolved, ActorResolution.Anonymous,
        ActorResolution.Unmapped {

    /** The actor, when there is one. */
    default Optional<Actor> resolvedActor() {
        return this instanceof Resolved resolved ? Optional.of(resolved.actor()) : Optional.empty();
    }

    /** The user acts as {@code actor}. */
    record Resolved(Actor actor) implements ActorResolution {
        public Resolved {
            requireNonNull(actor, "actor must not be null");
        }
    }

    /** Nobody signed in: no authentication, an anonymous one, or one that is not authenticated. */
    record Anonymous() implements ActorResolution {
    }

    /**
     * Someone signed in whom the resolver maps to no workspace actor.
     *
     * @param reason      why, as a problem code
     * @param detail      what is missing and how to fix it, for the signed-in user and the host's developer; it names
     *                    only the caller's own name and authorities
     * @param authorities the caller's own authorities that the reason is about (e.g. its several tenant authorities),
     *                    or none
     */
    record Unmapped(Reason reason, String detail, List<String> authorities) implements ActorResolution {
        public Unmapped {
            requireNonNull(reason, "reason must not be null");
            requireNonNull(detail, "detail must not be null");
            authorities = List.copyOf(requireNonNull(authorities, "authorities must not be null"));
        }
    }

    /** Why a signed-in user has no actor. */
    enum Reason {
        /** No tenant authority (or one that names no valid tenant id) and no default tenant. */
        NO_TENANT("no-tenant", "No workspace tenant for this user"),
        /** Several tenant authorities: the kit cannot tell which tenant the request is for. */
        AMBIGUOUS_TENANT("ambiguous-tenant", "Several workspace tenants for this user"),
        /** The application's own {@link ActorResolver} mapped the user to no actor. */
        NO_ACTOR("no-actor", "No workspace actor for this user");

        private final String code;
        private final String title;

        Reason(String code, String title) {
            this.code = code;
            this.title = title;
        }

        /** The problem code, e.g. {@code no-tenant}. */
        public String code() {
            return code;
        }

        /** The problem title, e.g. "No workspace tenant for this user". */
        public String title() {
            return title;
        }
    }
}
