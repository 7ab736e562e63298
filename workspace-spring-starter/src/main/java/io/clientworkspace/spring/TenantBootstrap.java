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
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * earlier and must not. Neither may a host bean's own {@link SmartInitializingSingleton}: Spring calls
 * them in bean registration order and the host's beans are registered before the auto-configured ones,
 * so the host's {@code afterSingletonsInstantiated()} runs before this one. Code that needs the declared
 * tenants belongs in an {@code ApplicationRunner}, a {@code CommandLineRunner} or a listener of
 * {@code ApplicationReadyEvent}.
 *
 * <p><b>Keys.</b> Spring relaxes the key of an unbracketed property name: it drops every character other
 * than letters, digits, {@code -}, {@code _} and {@code .} ({@code client-workspace.tenants.acme/eu.name}
 * would declare tenant {@code acmeeu}), and it reads a dot as a separator
 * ({@code client-workspace.tenants.acme.eu.name} is an unknown property {@code eu.name} of tenant
 * {@code acme}, which it ignores). Either fails the start naming the property and the bracketed form to
 * write instead ({@code client-workspace.tenants[acme.eu].name}). Only property names written with the
 * canonical prefix {@code client-workspace.tenants} are compared; an environment variable cannot declare
 * such a key (Spring lowercases it and reads {@code _} as the separator).
 *
 * <p>With exactly one declared tenant nothing is guessed: users without a tenant authority are mapped to
 * a tenant only through {@code client-workspace.security.default-tenant-id}.
 */
public final class TenantBootstrap implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(TenantBootstrap.class);

    /** The prefix of every declaration's properties. */
    static final String PREFIX = "client-workspace.tenants";

    /** The properties of one declaration, lower case. */
    private static final Set<String> FIELDS = Set.of("name", "admins");

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9-]+");

    private final WorkspaceKit kit;
    private final List<TenantDefinition> definitions;

    /**
     * A bootstrap for these declarations.
     *
     * @param kit          the kit that provisions them
     * @param declarations {@code client-workspace.tenants}, by key, as Spring bound them
     * @param environment  the environment they were bound from; its property names are compared with the
     *                     bound keys, so that a key Spring's relaxed binding changed fails the start
     * @throws WorkspaceConfigurationException naming every invalid property and why
     */
    public TenantBootstrap(WorkspaceKit kit, Map<String, WorkspaceProperties.TenantDeclaration> declarations,
                           Environment environment) {
        this.kit = requireNonNull(kit, "kit must not be null");
        requireNonNull(declarations, "declarations must not be null");
        requireKeysKept(declarations.keySet(),
                declaredPropertyNames(requireNonNull(environment, "environment must not be null")));
        this.definitions = definitions(declarations);
    }

    /** The names of the environment's enumerable property sources under {@link #PREFIX}, in precedence order. */
    static List<String> declaredPropertyNames(Environment environment) {
        List<String> names = new ArrayList<>();
        if (environment instanceof ConfigurableEnvironment configurable) {
            for (PropertySource<?> source : configurable.getPropertySources()) {
                if (source instanceof EnumerablePropertySource<?> enumerable) {
                    for (String name : enumerable.getPropertyNames()) {
                        if (keyOf(name) != null && !names.contains(name)) {
                            names.add(name);
                        }
                    }
                }
            }
        }
        return names;
    }

    /**
     * The key part of a property name under {@link #PREFIX}, as written, or null if it is not one:
     * {@code acme_eu} for {@code client-workspace.tenants.acme_eu.name} and for
     * {@code client-workspace.tenants[acme_eu].name}.
     */
    static @Nullable String keyOf(String propertyName) {
        if (!propertyName.startsWith(PREFIX) || propertyName.length() <= PREFIX.length() + 1) {
            return null;
        }
        String rest = propertyName.substring(PREFIX.length() + 1);
        if (propertyName.charAt(PREFIX.length()) == '[') {
            int end = rest.indexOf(']');
            return end > 0 ? rest.substring(0, end) : null;
        }
        if (propertyName.charAt(PREFIX.length()) != '.') {
            return null;
        }
        int end = 0;
        while (end < rest.length() && rest.charAt(end) != '.' && rest.charAt(end) != '[') {
            end++;
        }
        return end > 0 ? rest.substring(0, end) : null;
    }

    /**
     * Fails when a property name declares a tenant that Spring's relaxed binding does not bind as written:
     * a key that is not among the bound keys (Spring dropped characters of it), or an unbracketed key
     * with a dot ({@code client-workspace.tenants.acme.eu.name}, which Spring reads as property
     * {@code eu.name} of tenant {@code acme} and ignores).
     *
     * @param boundKeys     the keys of the bound declarations
     * @param propertyNames the property names under {@link #PREFIX}, as written
     * @throws WorkspaceConfigurationException naming each such property and the form to write instead
     */
    static void requireKeysKept(Set<String> boundKeys, List<String> propertyNames) {
        List<String> problems = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        List<String> reported = new ArrayList<>();
        for (String propertyName : propertyNames) {
            String key = keyOf(propertyName);
            if (key == null || reported.contains(key)) {
                continue;
            }
            boolean bracketed = propertyName.charAt(PREFIX.length()) == '[';
            String after = afterKey(propertyName, key);
            if (!boundKeys.contains(key)) {
                String boundAs = relaxedKey(propertyName);
                problems.add(propertyName + " declares the tenant key '" + key + "', but Spring binds it"
                        + (boundAs == null || boundAs.equals(key) ? " under another key" : " as '" + boundAs + "'")
                        + " (in a property name without brackets Spring drops every character of a key other than"
                        + " letters, digits, '-', '_' and '.')");
                fixes.add(keyProblem(key).map(problem -> "the key '" + key + "' " + problem)
                        .orElse(PREFIX + "[" + key + "]" + after));
                reported.add(key);
            } else if (!bracketed && after.startsWith(".") && after.indexOf('.', 1) > 0
                    && !FIELDS.contains(after.substring(1, after.indexOf('.', 1)).toLowerCase(Locale.ROOT))) {
                int lastDot = propertyName.lastIndexOf('.');
                String dottedKey = propertyName.substring(PREFIX.length() + 1, lastDot);
                problems.add(propertyName + " is not a property of tenant '" + key
                        + "' (Spring reads the dots of a key without brackets as separators and ignores it)");
                fixes.add(PREFIX + "[" + dottedKey + "]" + propertyName.substring(lastDot));
                reported.add(key);
            }
        }
        if (!problems.isEmpty()) {
            throw new WorkspaceConfigurationException("Invalid tenant declaration" + (problems.size() > 1 ? "s" : "") + ": "
                    + String.join("; ", problems),
                    "Write a key that contains anything but letters, digits and '-' in brackets, so that Spring keeps it"
                    + " as it is, e.g. " + String.join(", ", fixes) + " (and the same for the key's other properties)");
        }
    }

    /** Why the core refuses this key as a tenant key, if it does (the check of {@link TenantDefinition}). */
    static Optional<String> keyProblem(String key) {
        try {
            new TenantDefinition(TenantId.of(key), "key check", List.of(UserId.of("key-check")));
            return Optional.empty();
        } catch (ValidationException e) {
            return e.fieldErrors().stream().map(FieldError::message).findFirst();
        }
    }

    /** What follows the key in a property name, e.g. {@code .name}. */
    private static String afterKey(String propertyName, String key) {
        int start = PREFIX.length() + 1 + key.length() + (propertyName.charAt(PREFIX.length()) == '[' ? 1 : 0);
        return start <= propertyName.length() ? propertyName.substring(start) : "";
    }

    /** The key Spring makes of an unbracketed property name, if it can be told. */
    private static @Nullable String relaxedKey(String propertyName) {
        try {
            ConfigurationPropertyName name = ConfigurationPropertyName.adapt(propertyName, '.');
            return name.getNumberOfElements() > 2 ? name.getElement(2, ConfigurationPropertyName.Form.ORIGINAL) : null;
        } catch (RuntimeException e) {
            return null;
        }
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
            // TenantDefinition checks the key; TenantId only refuses what is not an id at all.
            TenantId id = null;
            try {
                id = TenantId.of(requireNonNull(key, "key must not be null"));
            } catch (ValidationException e) {
                own.add(property(key, null) + ": the key '" + key + "' " + e.fieldErrors().get(0).message());
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
                TenantDefinition definition = new TenantDefinition(id != null ? id : TenantId.of("invalid-key"),
                        name == null ? "stand-in" : name,
                        admins.isEmpty() && badAdminEntry ? List.of(UserId.of("stand-in")) : admins);
                if (own.isEmpty()) {
                    definitions.add(definition);
                }
            } catch (ValidationException e) {
                for (FieldError error : e.fieldErrors()) {
                    if (error.field().equals("id") && id != null) {
                        own.add(property(key, null) + ": the key " + error.message());
                    } else if (error.field().equals("name")) {
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
    List<Provisioned> provisionAll() {
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
