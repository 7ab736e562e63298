package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.jpa.JpaStores;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.util.ClassUtils;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Explains Hibernate's "unknown entity" failures about the kit's entities ({@code UnknownEntityException: Could not
 * resolve root entity 'CwkTenant'}, {@code UnknownEntityTypeException}) when they stop a Spring Boot start, e.g. a
 * host's start-up runner calling the kit on stores built by hand from a persistence unit without the kit's
 * entities: the same description and action as the kit's own start-up check ({@link KitEntities}). Classes are
 * matched by name, so the analyzer costs nothing (and answers nothing) without Hibernate or {@code workspace-jpa}.
 */
final class UnmappedKitEntityFailureAnalyzer implements FailureAnalyzer {

    private static final List<String> UNKNOWN_ENTITY = List.of("org.hibernate.query.sqm.UnknownEntityException",
            "org.hibernate.UnknownEntityTypeException");

    @Override
    public @Nullable FailureAnalysis analyze(Throwable failure) {
        if (!ClassUtils.isPresent("io.clientworkspace.jpa.JpaStores", UnmappedKitEntityFailureAnalyzer.class.getClassLoader())
                || !ClassUtils.isPresent("jakarta.persistence.Entity", UnmappedKitEntityFailureAnalyzer.class.getClassLoader())) {
            return null;
        }
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (@Nullable Throwable t = failure; t != null && seen.put(t, true) == null; t = t.getCause()) {
            if (UNKNOWN_ENTITY.contains(t.getClass().getName()) && t.getMessage() != null) {
                List<String> entities = kitEntitiesNamedIn(t.getMessage());
                if (!entities.isEmpty()) {
                    var explained = KitEntities.notMapped(entities);
                    return new FailureAnalysis(explained.problem(), explained.action(), failure);
                }
            }
        }
        return null;
    }

    /** The kit's entities the message names, by entity name ({@code CwkTenant}) or class name. */
    private static List<String> kitEntitiesNamedIn(String message) {
        List<String> names = new ArrayList<>();
        for (Class<?> type : JpaStores.ENTITY_CLASSES) {
            jakarta.persistence.Entity entity = type.getAnnotation(jakarta.persistence.Entity.class);
            String name = entity == null || entity.name().isEmpty() ? type.getSimpleName() : entity.name();
            if (message.contains(type.getName())
                    || Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(message).find()) {
                names.add(name);
            }
        }
        return names;
    }
}
