package io.clientworkspace.template;

import io.clientworkspace.FormId;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A form of the tenant's library that every workspace made from the template is asked to fill in.
 *
 * @param formId        a form of the tenant's library (not a workspace's own form)
 * @param version       the version assigned, which must exist and whose form must be ACTIVE when the template is
 *                      defined and again when a workspace is made
 * @param title         the assignment's title, 1 to 200 characters, no control characters
 * @param dueOffsetDays when present, the assignment is due this many days after the start date (0 to 3,650)
 */
public record FormAssignmentSpec(FormId formId, int version, String title, Optional<Integer> dueOffsetDays) {

    public FormAssignmentSpec {
        requireNonNull(formId, "formId must not be null");
        requireNonNull(title, "title must not be null");
        requireNonNull(dueOffsetDays, "dueOffsetDays must not be null");
    }
}
