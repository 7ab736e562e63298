package io.clientworkspace.template;

import static java.util.Objects.requireNonNull;

/**
 * A milestone of a template's project.
 *
 * @param title            1 to 200 characters, no control characters
 * @param dueOffsetDays    due this many days after the start date (0 to 3,650), not before its project's start
 * @param requiresApproval whether it may be delivered only with an approved approval linked
 */
public record MilestoneSpec(String title, int dueOffsetDays, boolean requiresApproval) {

    public MilestoneSpec {
        requireNonNull(title, "title must not be null");
    }
}
