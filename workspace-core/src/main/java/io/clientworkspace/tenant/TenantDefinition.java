package io.clientworkspace.tenant;

import io.clientworkspace.FieldError;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.internal.InputValidator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * A tenant as the host declares it, for {@link TenantService#provision}: a key the host chooses (so that
 * authorities such as {@code TENANT_<key>} can be written down in advance), a display name and the
 * initial tenant admins. Valid by construction: an invalid definition cannot be built.
 *
 * @param id     the tenant's key: matches {@value #KEY_PATTERN} (letters, digits, {@code . _ -}; 1 to 64
 *               characters, starting with a letter or digit)
 * @param name   display name, 1 to 120 characters (surrounding whitespace is stripped)
 * @param admins the initial tenant admins, 1 to {@value #MAX_ADMINS} distinct user ids, in the given order
 */
public record TenantDefinition(TenantId id, String name, List<UserId> admins) {

    /** What a host-chosen tenant key must match. */
    public static final String KEY_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    /** Most initial tenant admins one definition may name. */
    public static final int MAX_ADMINS = 100;

    private static final Pattern KEY = Pattern.compile(KEY_PATTERN);
    private static final int MAX_NAME = 120;

    /**
     * Checks every field and throws one {@link ValidationException} naming each invalid one ({@code id},
     * {@code name}, {@code admins}).
     */
    public TenantDefinition {
        requireNonNull(id, "id must not be null");
        List<FieldError> errors = new ArrayList<>();
        keyError(id).ifPresent(errors::add);
        try {
            name = InputValidator.requireText("name", name, MAX_NAME);
        } catch (ValidationException e) {
            errors.addAll(e.fieldErrors());
        }
        requireNonNull(admins, "admins must not be null");
        admins = List.copyOf(admins);
        if (admins.isEmpty()) {
            errors.add(FieldError.of("admins", "must name at least one tenant admin"));
        } else if (admins.size() > MAX_ADMINS) {
            errors.add(FieldError.of("admins", "must name at most " + MAX_ADMINS + " tenant admins, not " + admins.size()));
        } else {
            Set<UserId> seen = new HashSet<>();
            for (UserId admin : admins) {
                if (!seen.add(admin)) {
                    errors.add(FieldError.of("admins", "names '" + admin + "' more than once"));
                    break;
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** A definition with one or more admins, e.g. {@code TenantDefinition.of("acme", "Acme Agency", "alice")}. */
    public static TenantDefinition of(String key, String name, String firstAdmin, String... moreAdmins) {
        List<UserId> admins = new ArrayList<>();
        admins.add(UserId.of(firstAdmin));
        for (String admin : moreAdmins) {
            admins.add(UserId.of(admin));
        }
        return new TenantDefinition(TenantId.of(key), name, admins);
    }

    /** The field error of a tenant id that is not a valid host-chosen key, if it is not. */
    static Optional<FieldError> keyError(TenantId id) {
        if (KEY.matcher(id.value()).matches()) {
            return Optional.empty();
        }
        return Optional.of(FieldError.of("id", "must match " + KEY_PATTERN
                + " (letters, digits, '.', '_' or '-', at most 64 characters, starting with a letter or digit), not '"
                + id.value() + "'"));
    }
}
