package io.clientworkspace.spring;

import io.clientworkspace.FieldError;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.tenant.Provisioned;
import io.clientworkspace.tenant.TenantDefinition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Provisions the tenants declared under {@code client-workspace.tenants.<key>} once at startup, so that a
 * host can write {@code TENANT_<key>} authorities and {@code client-workspace.security.default-tenant-id=<key>}
 * down in advance:
 * <pre>
 * client-workspace.tenants.acme.name=Acme Agency
 * client-workspace.tenants.acme.admins=alice,bob
 * </pre>
 * Each declared tenant is created, with every listed admin as tenant admin, if no tenant has its key; a
 * tenant that exists is left unchanged (see {@code TenantService.provision}): the declared name and admins
 * are used only for the creation, after which the tenant's admins own them. Safe when several nodes
 * start at once on one database.
 *
 * <p><b>When.</b> The declarations are checked when this bean is created: an invalid one (a bad key, a
 * blank or missing name, no admins) fails the start with a message naming the property and why. The
 * tenants are provisioned in {@link #afterSingletonsInstantiated()}, that is after every singleton bean
 * of the context exists and before the context reports itself refreshed and Spring Boot calls the
 * host's {@code ApplicationRunner}s and {@code CommandLineRunner}s. Chosen over provisioning inside the
 * kit bean's creation because by then (a) the kit's schema migration has certainly run (the stores wait
 * for it), also when the host declares its own {@link WorkspaceKit} bean, (b) the host's Spring
 * transaction manager and every bean the stores use are complete, and (c) the host's
 * {@code @EventListener} methods are registered (Spring registers them in its own
 * {@code SmartInitializingSingleton}, which runs first), so they hear the creation events. A host runner
 * that seeds users can therefore rely on the tenant; a host bean's own {@code @PostConstruct} runs
 * earlier and must not.
 *
 * <p>With exactly one declared tenant nothing is guessed: users without a tenant authority are mapped to
 * a tenant only through {@code client-workspace.security.default-tenant-id}.
 */
public final class TenantBootstrap implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(TenantBootstrap.class);

    /** The prefix of every declaration's properties. */
    public static final String PREFIX = "client-workspace.tenants";

    private static final Pattern KEY = Pattern.compile(TenantDefinition.KEY_PATTERN);
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9-]+");

    private final WorkspaceKit kit;
    private final List<TenantDefinition> definitions;

    /**
     * A bootstrap for these declarations.
     *
     * @param kit          the kit that provisions them
     * @param declarations {@code client-workspace.tenants}, by key
     * @throws WorkspaceConfigurationException naming every invalid property and why
     */
    public TenantBootstrap(WorkspaceKit kit, Map<String, WorkspaceProperties.TenantDeclaration> declarations) {
        this.kit = requireNonNull(kit, "kit must not be null");
        this.definitions = definitions(requireNonNull(declarations, "declarations must not be null"));
    }

    /**
     * Checks the declarations and turns them into definitions, in declaration order.
     *
     * @throws WorkspaceConfigurationException naming every invalid property ({@code client-workspace.tenants.acme.name})
     *                               and why
     */
    public static List<TenantDefinition> definitions(Map<String, WorkspaceProperties.TenantDeclaration> declarations) {
        List<TenantDefinition> definitions = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        declarations.forEach((key, declaration) -> {
            List<String> own = new ArrayList<>();
            boolean validKey = key != null && KEY.matcher(key).matches();
            if (!validKey) {
                own.add(property(key, null) + ": the key '" + key + "' must match " + TenantDefinition.KEY_PATTERN
                        + " (letters, digits, '.', '_' or '-', at most 64 characters, starting with a letter or digit)");
            }
            String name = declaration.getName();
            if (name == null) {
                own.add(property(key, "name") + " is not set (e.g. " + property(key, "name") + "=Acme Agency)");
            }
            List<UserId> admins = new ArrayList<>();
            boolean badAdminEntry = false;
            for (String admin : declaration.getAdmins()) {
                String trimmed = admin == null ? "" : admin.strip();
                badAdminEntry |= trimmed.isEmpty();
                if (trimmed.isEmpty()) {
                    own.add(property(key, "admins") + " contains an empty user id");
                    continue;
                }
                try {
                    admins.add(UserId.of(trimmed));
                } catch (ValidationException e) {
                    badAdminEntry = true;
                    own.add(property(key, "admins") + " contains an invalid user id '" + trimmed + "': "
                            + e.fieldErrors().get(0).message());
                }
            }
            try {
                // What is already reported is replaced by stand-ins, so that every other field is still checked.
                TenantDefinition definition = new TenantDefinition(TenantId.of(validKey ? key : "invalid-key"),
                        name == null ? "stand-in" : name,
                        admins.isEmpty() && badAdminEntry ? List.of(UserId.of("stand-in")) : admins);
                if (own.isEmpty()) {
                    definitions.add(definition);
                }
            } catch (ValidationException e) {
                for (FieldError error : e.fieldErrors()) {
                    if (error.field().equals("name")) {
                        own.add(property(key, "name") + " " + error.message());
                    } else if (error.field().equals("admins")) {
                        own.add(property(key, "admins") + " " + error.message()
                                + " (a comma-separated list of user ids, e.g. " + property(key, "admins") + "=alice)");
                    }
                }
            }
            problems.addAll(own);
        });
        if (!problems.isEmpty()) {
            throw new WorkspaceConfigurationException("Invalid tenant declaration" + (problems.size() > 1 ? "s" : "") + ": "
                    + String.join("; ", problems),
                    "Correct the client-workspace.tenants.<key>.* properties named above: a key of letters, digits, '.', '_'"
                    + " or '-' (starting with a letter or digit, at most 64), a name of 1 to 120 characters and 1 to 100"
                    + " distinct tenant admins, e.g. client-workspace.tenants.acme.name=Acme and"
                    + " client-workspace.tenants.acme.admins=alice");
        }
        return List.copyOf(definitions);
    }

    /** The declared tenants, checked, in declaration order. */
    public List<TenantDefinition> definitions() {
        return definitions;
    }

    /** Provisions every declared tenant; see the class comment for when. */
    @Override
    public void afterSingletonsInstantiated() {
        provisionAll();
    }

    /**
     * Provisions every declared tenant now, logging what happened to each.
     *
     * @return what happened to each, in declaration order
     */
    public List<Provisioned> provisionAll() {
        List<Provisioned> results = new ArrayList<>();
        for (TenantDefinition definition : definitions) {
            Provisioned result = kit.tenants().provision(definition);
            String key = definition.id().value();
            if (result.created()) {
                log.info("Client Workspace Kit: created tenant {} ('{}', tenant admins {}) from {}", key,
                        definition.name(), definition.admins(), property(key, null));
            } else if (!result.tenant().name().equals(definition.name())) {
                log.warn("Client Workspace Kit: tenant {} exists; left unchanged. It is named '{}', not '{}' as {}"
                                + " declares: that property names a tenant only when it is created and does not rename it"
                                + " (its tenant admins rename it)", key, result.tenant().name(), definition.name(),
                        property(key, "name"));
            } else {
                log.info("Client Workspace Kit: tenant {} exists; left unchanged", key);
            }
            results.add(result);
        }
        return List.copyOf(results);
    }

    /** The property of one declaration, e.g. {@code client-workspace.tenants.acme.name}. */
    static String property(@Nullable String key, @Nullable String field) {
        String base = key != null && PLAIN_KEY.matcher(key).matches() ? PREFIX + "." + key : PREFIX + "[" + key + "]";
        return field == null ? base : base + "." + field;
    }
}
