package io.clientworkspace.message;

import io.clientworkspace.FieldError;
import io.clientworkspace.ValidationException;

import static java.util.Objects.requireNonNull;

/**
 * Points at the item an {@link ConversationKind#ITEM} conversation is about.
 *
 * @param type what kind of item
 * @param id   the item's id: 1 to 128 printable characters without whitespace at either end
 */
public record ItemRef(ItemType type, String id) {

    public ItemRef {
        requireNonNull(type, "type must not be null");
        requireNonNull(id, "id must not be null");
        if (id.isEmpty() || id.length() > 128 || !id.strip().equals(id) || id.chars().anyMatch(Character::isISOControl)) {
            throw new ValidationException(FieldError.of("item.id", "must be 1 to 128 printable characters"));
        }
    }
}
