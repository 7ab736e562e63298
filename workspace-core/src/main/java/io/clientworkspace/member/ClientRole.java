package io.clientworkspace.member;

import io.clientworkspace.FieldError;
import io.clientworkspace.TenantId;
import io.clientworkspace.ValidationException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * A client role a tenant defined itself from the permission set, such as "finance" (sees invoices, decides
 * approvals) or "marketing" (sees tasks and files, no money). A client member assigned to it holds exactly its
 * {@link #permissions()}, in every workspace of the tenant; its membership's {@link Membership#role()} is the
 * custom role's {@link #base()}, which ranks it for inviting limits.
 *
 * <p>Guarantees, checked on creation (every problem at once, as field errors): {@code key} matches
 * {@code [a-z][a-z0-9-]{1,39}}; {@code label} is 1..100 characters without control characters (trimmed);
 * {@code base} is a client role; {@code permissions} include {@link Permission#VIEW_WORKSPACE} and never a
 * {@linkplain Permission#teamOnly() team-only} permission (the error names each).
 *
 * @param tenantId    the tenant that defined it
 * @param key         its stable key, unique in the tenant
 * @param label       what people read
 * @param base        a CLIENT_* role
 * @param permissions what it grants (unmodifiable)
 * @param version     optimistic version, 0 when defined, +1 on each redefinition
 */
public record ClientRole(TenantId tenantId, String key, String label, WorkspaceRole base, Set<Permission> permissions,
                         long version) {

    /** What a key looks like. */
    public static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{1,39}");
    /** The longest label. */
    public static final int MAX_LABEL = 100;

    public ClientRole {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(key, "key must not be null");
        requireNonNull(label, "label must not be null");
        requireNonNull(base, "base must not be null");
        requireNonNull(permissions, "permissions must not be null");
        label = label.strip();
        List<FieldError> errors = check(key, label, base, permissions);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        permissions = Collections.unmodifiableSet(permissions.isEmpty() ? EnumSet.noneOf(Permission.class)
                : EnumSet.copyOf(permissions));
    }

    /** Every problem of a definition (empty when it is fine). */
    static List<FieldError> check(String key, String label, WorkspaceRole base, Set<Permission> permissions) {
        List<FieldError> errors = new ArrayList<>();
        if (!KEY.matcher(key).matches()) {
            errors.add(FieldError.of("key", "must be 2 to 40 characters: a lower-case letter, then lower-case"
                    + " letters, digits or '-'"));
        }
        String stripped = label.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_LABEL || stripped.chars().anyMatch(Character::isISOControl)) {
            errors.add(FieldError.of("label", "must be 1 to " + MAX_LABEL + " characters without control characters"));
        }
        if (!base.isClientRole()) {
            errors.add(FieldError.of("base", "must be a client role (CLIENT_ADMIN, CLIENT_CONTRIBUTOR or"
                    + " CLIENT_VIEWER), not " + base));
        }
        if (!permissions.contains(Permission.VIEW_WORKSPACE)) {
            errors.add(FieldError.of("permissions", "must include VIEW_WORKSPACE"));
        }
        permissions.stream().filter(Permission::teamOnly).sorted().forEach(p -> errors.add(FieldError.of(
                "permissions", p + " is team-only and cannot be granted to a client role")));
        return errors;
    }
}
