package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.jpa.JpaStores;
import io.clientworkspace.spring.WorkspaceConfigurationException;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.EntityType;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The start-up check that the host's persistence unit maps the kit's entities ({@link JpaStores#ENTITY_CLASSES}).
 * A host {@code @EntityScan} replaces Boot's entity scanning, and with it the kit's packages; a host's own
 * {@code EntityManagerFactory} lists its own classes. Either way Hibernate starts without the kit's entities and
 * the first kit call fails deep inside a query ({@code UnknownEntityException: CwkTenant}); this check fails the
 * start instead, naming the entities and the fix.
 */
final class KitEntities {

    private KitEntities() {
    }

    /**
     * @throws WorkspaceConfigurationException naming every kit entity the factory does not map, and the fix
     */
    static void requireMapped(EntityManagerFactory emf) {
        Set<Class<?>> mapped = emf.getMetamodel().getEntities().stream().map(EntityType::getJavaType)
                .collect(Collectors.toSet());
        List<Class<?>> missing = JpaStores.ENTITY_CLASSES.stream().filter(c -> !mapped.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw notMapped(missing.stream().map(KitEntities::entityName).toList());
        }
    }

    /** The failure for kit entities (by entity name, e.g. {@code CwkTenant}) the persistence unit does not map. */
    static WorkspaceConfigurationException notMapped(Collection<String> entityNames) {
        int all = JpaStores.ENTITY_CLASSES.size();
        String packages = String.join(", ", packages());
        String quoted = JpaStores.ENTITY_CLASSES.stream().map(Class::getPackageName).distinct()
                .map(p -> "\"" + p + "\"").collect(Collectors.joining(", "));
        return new WorkspaceConfigurationException(
                "The JPA persistence unit does not map " + (entityNames.size() >= all ? "any" : entityNames.size()) + " of the "
                        + all + " Client Workspace Kit entities (" + String.join(", ", entityNames) + "), so the kit's JPA"
                        + " stores cannot work. This happens when the application declares @EntityScan (it replaces"
                        + " Spring Boot's entity scanning, which the kit adds its package " + packages + " to) or builds"
                        + " its own EntityManagerFactory without them.",
                "Add the kit's entity package to your @EntityScan, next to your own, e.g."
                        + " @EntityScan(basePackageClasses = YourEntity.class, basePackages = " + quoted + ")."
                        + " With an EntityManagerFactory of your own, add io.clientworkspace.jpa.JpaStores.ENTITY_CLASSES"
                        + " to its managed classes (PersistenceManagedTypes) or " + packages + " to its packages to scan."
                        + " Or set client-workspace.store=memory to keep the kit's data in memory.");
    }

    private static List<String> packages() {
        return JpaStores.ENTITY_CLASSES.stream().map(Class::getPackageName).distinct().toList();
    }

    private static String entityName(Class<?> type) {
        jakarta.persistence.Entity entity = type.getAnnotation(jakarta.persistence.Entity.class);
        return entity == null || entity.name().isEmpty() ? type.getSimpleName() : entity.name();
    }
}
