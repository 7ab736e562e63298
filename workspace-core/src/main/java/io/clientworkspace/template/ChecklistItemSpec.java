package io.clientworkspace.template;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * An item of the onboarding checklist: a client-side task of the workspace's onboarding list.
 *
 * @param title         1 to 200 characters, no control characters
 * @param notes         0 to 10,000 characters, no control characters but line breaks and tabs
 * @param dueOffsetDays when present, due this many days after the start date (0 to 3,650)
 */
public record ChecklistItemSpec(String title, String notes, Optional<Integer> dueOffsetDays) {

    public ChecklistItemSpec {
        requireNonNull(title, "title must not be null");
        requireNonNull(notes, "notes must not be null");
        requireNonNull(dueOffsetDays, "dueOffsetDays must not be null");
    }
}
