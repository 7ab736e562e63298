package io.clientworkspace.project;

import java.time.LocalDate;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A milestone's details, to add one or to replace them ({@code ProjectService.updateMilestone}). Checked by the
 * service: {@code title} 1 to 200 characters, not blank.
 */
public record NewMilestone(String title, Optional<LocalDate> dueDate, boolean requiresApproval) {

    public NewMilestone {
        requireNonNull(title, "title must not be null");
        requireNonNull(dueDate, "dueDate must not be null");
    }
}
