package io.clientworkspace.spring.web;

import org.jspecify.annotations.Nullable;
import io.clientworkspace.Actor;
import io.clientworkspace.spring.security.ActorResolution;
import io.clientworkspace.spring.security.ActorResolver;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import static java.util.Objects.requireNonNull;

/**
 * Resolves controller parameters of type {@link Actor} from the current Spring Security
 * authentication through the {@link ActorResolver}: 401 when nobody is signed in, 403 (a problem naming the fix in
 * the kit's controllers: {@code no-tenant}, {@code ambiguous-tenant}, {@code no-actor}) when a signed-in user maps to
 * no actor ({@link ActorResolver#explain}). Works in the host's own controllers too.
 */
public final class ActorArgumentResolver implements HandlerMethodArgumentResolver {

    private final ActorResolver resolver;

    public ActorArgumentResolver(ActorResolver resolver) {
        this.resolver = requireNonNull(resolver, "resolver must not be null");
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Actor.class;
    }

    @Override
    public Actor resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
                                 NativeWebRequest webRequest, @Nullable WebDataBinderFactory binderFactory) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            throw new Inputs.UnauthenticatedException();
        }
        ActorResolution resolution = resolver.explain(authentication);
        if (resolution instanceof ActorResolution.Resolved resolved) {
            return resolved.actor();
        }
        if (resolution instanceof ActorResolution.Unmapped unmapped) {
            throw new Inputs.NoActorException(unmapped);
        }
        throw new Inputs.UnauthenticatedException();
    }
}
