package io.clientworkspace.project;

import io.clientworkspace.Actor;
import io.clientworkspace.ActorKind;
import io.clientworkspace.FieldError;
import io.clientworkspace.TenantId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.activity.Visibility;

import java.util.Comparator;
import java.util.List;

/** Input checks and small rules shared by the project services. */
final class ProjectRules {

    static final int MAX_TITLE = 200;
    static final int MAX_TEXT = 10_000;
    static final int MAX_SUMMARY = 5000;

    private ProjectRules() {
    }

    /**
     * Checks a text as given (never trimmed): at least one non-blank character when {@code min > 0}, at most
     * {@code max} characters, no control characters (multi-line texts may hold line breaks and tabs).
     */
    static String text(List<FieldError> errors, String field, String value, int min, int max, boolean multiLine) {
        if (min > 0 && value.isBlank()) {
            errors.add(FieldError.of(field, "must not be blank"));
        } else if (value.length() > max) {
            errors.add(FieldError.of(field, "must be at most " + max + " characters"));
        } else if (hasControl(value, multiLine)) {
            errors.add(FieldError.of(field, multiLine ? "must not contain control characters other than line breaks"
                    + " and tabs" : "must not contain control characters"));
        }
        return value;
    }

    private static boolean hasControl(String value, boolean multiLine) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && !(multiLine && (c == '\n' || c == '\t' || c == '\r'))) {
                return true;
            }
        }
        return false;
    }

    /** Throws every error at once, sorted by field, if there is any. */
    static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldError::field));
            throw new ValidationException(errors);
        }
    }

    /** TEAM if any of the given visibilities is TEAM. */
    static Visibility effective(Visibility... visibilities) {
        for (Visibility v : visibilities) {
            if (v == Visibility.TEAM) {
                return Visibility.TEAM;
            }
        }
        return Visibility.CLIENT;
    }

    /** The system actor of the tenant (overdue sweep, the onboarding checklist's creation). */
    static Actor system(TenantId tenantId) {
        return new Actor(tenantId, ProjectService.SYSTEM_USER, ActorKind.TEAM);
    }
}
