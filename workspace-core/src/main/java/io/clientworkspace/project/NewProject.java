package io.clientworkspace.project;

import io.clientworkspace.UserId;
import io.clientworkspace.activity.Visibility;

import java.time.LocalDate;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A project's details, to create one or to replace every detail of one ({@code ProjectService.update}). Checked by
 * the service (every invalid field at once): {@code name} 1 to 200 characters, not blank; {@code description} 0 to
 * 10,000; {@code startDate} and {@code targetDate} from 1900-01-01 to 9999-12-31, {@code targetDate} not before
 * {@code startDate}; {@code owner} a team member of the workspace.
 */
public record NewProject(String name, String description, Visibility visibility, Optional<LocalDate> startDate,
                         Optional<LocalDate> targetDate, UserId owner) {

    public NewProject {
        requireNonNull(name, "name must not be null");
        requireNonNull(description, "description must not be null");
        requireNonNull(visibility, "visibility must not be null");
        requireNonNull(startDate, "startDate must not be null");
        requireNonNull(targetDate, "targetDate must not be null");
        requireNonNull(owner, "owner must not be null");
    }
}
