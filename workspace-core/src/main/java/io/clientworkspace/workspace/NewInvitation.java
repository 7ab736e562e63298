package io.clientworkspace.workspace;

import io.clientworkspace.member.WorkspaceRole;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Duration;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What it takes to invite a client user.
 *
 * @param email    where the host sends the invitation, up to 254 characters
 * @param role     a client role
 * @param validFor how long the invitation can be accepted: 5 minutes to 30 days, 7 days when empty
 */
public record NewInvitation(
        @NotBlank @Size(max = 254) @Email(regexp = "(?U)[^\\s\\p{Cntrl}@]+@[^\\s\\p{Cntrl}@]+\\.[^\\s\\p{Cntrl}@]+", message = "must be an e-mail address like name@example.com") String email,
        @NotNull WorkspaceRole role,
        Optional<Duration> validFor) {

    /** Used when {@code validFor} is empty. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(7);
    /** The shortest accepted validity. */
    public static final Duration MIN_VALIDITY = Duration.ofMinutes(5);
    /** The longest accepted validity. */
    public static final Duration MAX_VALIDITY = Duration.ofDays(30);

    public NewInvitation {
        requireNonNull(validFor, "validFor must not be null");
    }

    /** An invitation valid for the default 7 days. */
    public static NewInvitation of(String email, WorkspaceRole role) {
        return new NewInvitation(email, role, Optional.empty());
    }

    /** A copy valid for another duration. */
    public NewInvitation validFor(Duration duration) {
        return new NewInvitation(email, role, Optional.of(duration));
    }
}
