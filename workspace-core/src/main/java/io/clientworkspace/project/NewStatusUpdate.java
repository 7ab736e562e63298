package io.clientworkspace.project;

import io.clientworkspace.activity.Visibility;

import static java.util.Objects.requireNonNull;

/**
 * A status update to post. Checked by the service: {@code summary} 1 to 5,000 characters, not blank; {@code done},
 * {@code next}, {@code risks} 0 to 10,000 characters each (multi-line: no control characters but newline and tab).
 */
public record NewStatusUpdate(ProjectHealth health, String summary, String done, String next, String risks,
                              Visibility visibility) {

    public NewStatusUpdate {
        requireNonNull(health, "health must not be null");
        requireNonNull(summary, "summary must not be null");
        requireNonNull(done, "done must not be null");
        requireNonNull(next, "next must not be null");
        requireNonNull(risks, "risks must not be null");
        requireNonNull(visibility, "visibility must not be null");
    }
}
