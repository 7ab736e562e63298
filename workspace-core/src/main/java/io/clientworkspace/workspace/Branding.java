package io.clientworkspace.workspace;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * How a workspace presents itself to its client.
 *
 * @param displayName a name shown to the client instead of the workspace name (1 to 120 characters)
 * @param accentColor the accent colour as {@code #RRGGBB}
 * @param logoRef     a reference to a logo (a URL or a file id), up to 500 characters
 */
public record Branding(
        // (?U) makes \p{Cntrl} and \s Unicode-aware, so that C1 controls are refused as everywhere else.
        Optional<@Size(min = 1, max = 120) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @Pattern(regexp = "(?U)[^\\p{Cntrl}]*", message = "must not contain control characters") String> displayName,
        Optional<@Pattern(regexp = "#[0-9A-Fa-f]{6}", message = "must be a colour like #1A2B3C") String> accentColor,
        Optional<@Size(min = 1, max = 500) @Pattern(regexp = "(?U)[^\\p{Cntrl}\\s]*", message = "must not contain whitespace or control characters") String> logoRef) {

    private static final Branding NONE = new Branding(Optional.empty(), Optional.empty(), Optional.empty());

    public Branding {
        requireNonNull(displayName, "displayName must not be null");
        requireNonNull(accentColor, "accentColor must not be null");
        requireNonNull(logoRef, "logoRef must not be null");
    }

    /** No branding: the workspace name and the host's default look. */
    public static Branding none() {
        return NONE;
    }

    /** A copy with a display name. */
    public Branding withDisplayName(String name) {
        return new Branding(Optional.of(name), accentColor, logoRef);
    }

    /** A copy with an accent colour {@code #RRGGBB}. */
    public Branding withAccentColor(String color) {
        return new Branding(displayName, Optional.of(color), logoRef);
    }

    /** A copy with a logo reference. */
    public Branding withLogoRef(String ref) {
        return new Branding(displayName, accentColor, Optional.of(ref));
    }
}
