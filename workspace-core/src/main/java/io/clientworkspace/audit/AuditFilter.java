package io.clientworkspace.audit;

import io.clientworkspace.FieldError;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.ActivityEntry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * What the audit view searches for; every part is optional and the parts combine with AND.
 *
 * @param person    entries by this actor (team or client user)
 * @param action    an exact action such as {@code file.uploaded}, or a prefix ending in a dot such as {@code file.}
 *                  for every action of a kind; lower case letters, digits, dots and dashes, at most 100 characters
 * @param workspace entries of this workspace only
 * @param from      entries that occurred at or after this instant
 * @param to        entries that occurred before this instant (exclusive); must be after {@code from}
 */
public record AuditFilter(Optional<UserId> person, Optional<String> action, Optional<WorkspaceId> workspace,
                          Optional<Instant> from, Optional<Instant> to) {

    /** Longest action (or prefix) accepted. */
    public static final int MAX_ACTION = 100;

    private static final Pattern ACTION = Pattern.compile("[a-z0-9][a-z0-9.\\-]*");

    public AuditFilter {
        requireNonNull(person, "person must not be null");
        requireNonNull(action, "action must not be null");
        requireNonNull(workspace, "workspace must not be null");
        requireNonNull(from, "from must not be null");
        requireNonNull(to, "to must not be null");
    }

    /** The filter that matches everything. */
    public static AuditFilter all() {
        return new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A copy matching only this person's entries. */
    public AuditFilter withPerson(UserId newPerson) {
        return new AuditFilter(Optional.of(newPerson), action, workspace, from, to);
    }

    /** A copy matching only this action (exact, or a prefix ending in a dot). */
    public AuditFilter withAction(String newAction) {
        return new AuditFilter(person, Optional.of(newAction), workspace, from, to);
    }

    /** A copy matching only this workspace. */
    public AuditFilter withWorkspace(WorkspaceId newWorkspace) {
        return new AuditFilter(person, action, Optional.of(newWorkspace), from, to);
    }

    /** A copy matching only entries in {@code [newFrom, newTo)}, either end optional. */
    public AuditFilter between(Optional<Instant> newFrom, Optional<Instant> newTo) {
        return new AuditFilter(person, action, workspace, newFrom, newTo);
    }

    /** Whether {@link #action} is a prefix (ends in a dot) rather than an exact action. */
    public boolean actionIsPrefix() {
        return action.map(a -> a.endsWith(".")).orElse(false);
    }

    /**
     * Whether the entry passes every part of the filter (the in-memory store filters with it; stores that query
     * must answer the same).
     */
    public boolean matches(ActivityEntry entry) {
        requireNonNull(entry, "entry must not be null");
        if (person.isPresent() && !person.get().equals(entry.actorId())) {
            return false;
        }
        if (action.isPresent()) {
            String a = action.get();
            if (actionIsPrefix() ? !entry.action().startsWith(a) : !entry.action().equals(a)) {
                return false;
            }
        }
        if (workspace.isPresent() && !workspace.get().equals(entry.workspaceId())) {
            return false;
        }
        if (from.isPresent() && entry.occurredAt().isBefore(from.get())) {
            return false;
        }
        return to.isEmpty() || entry.occurredAt().isBefore(to.get());
    }

    /**
     * Checks the filter, reporting every problem at once.
     *
     * @throws ValidationException on {@code action} (shape, length) and {@code to} (not after {@code from})
     */
    public void validate() {
        List<FieldError> errors = new ArrayList<>();
        action.ifPresent(a -> {
            if (a.length() > MAX_ACTION) {
                errors.add(FieldError.of("action", "must be at most " + MAX_ACTION + " characters"));
            } else if (!ACTION.matcher(a).matches()) {
                errors.add(FieldError.of("action", "must be an action such as 'file.uploaded' or a prefix such as"
                        + " 'file.' (lower case letters, digits, dots and dashes)"));
            }
        });
        if (from.isPresent() && to.isPresent() && !to.get().isAfter(from.get())) {
            errors.add(FieldError.of("to", "must be after 'from'"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
