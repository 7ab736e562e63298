package io.clientworkspace.notification;

import io.clientworkspace.FieldError;
import io.clientworkspace.ValidationException;

import static java.util.Objects.requireNonNull;

/**
 * The item a notification is about: its type and id (never its content). Items with the same recipient, kind and
 * subject merge within the batching window.
 *
 * @param type what kind of item
 * @param id   the item's id: 1 to 200 printable characters without whitespace at either end
 */
public record NotificationSubject(SubjectType type, String id) {

    public NotificationSubject {
        requireNonNull(type, "type must not be null");
        requireNonNull(id, "id must not be null");
        if (id.isEmpty() || id.length() > 200 || !id.strip().equals(id) || id.chars().anyMatch(Character::isISOControl)) {
            throw new ValidationException(FieldError.of("subject.id", "must be 1 to 200 printable characters"));
        }
    }
}
