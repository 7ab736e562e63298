package io.clientworkspace.workspace;

import io.clientworkspace.UserId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What it takes to create a workspace.
 *
 * @param name        display name, 1 to 120 characters
 * @param slug        unique per tenant, {@code [a-z0-9-]{2,63}}, not starting or ending with '-'
 * @param externalRef optional host account id, unique per tenant, up to 200 characters
 * @param lead        the team user who becomes the first lead; the creator when empty
 * @param branding    initial branding
 */
public record NewWorkspace(
        // (?U): without it \p{Cntrl} means ASCII controls only, and C1 controls such as U+009B (a terminal
        // escape) would pass here while renaming refuses them (Character.isISOControl covers both).
        @NotBlank @Size(max = 120) @Pattern(regexp = "(?U)[^\\p{Cntrl}]*", message = "must not contain control characters") String name,
        @NotNull @Pattern(regexp = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?", message = "must be 2 to 63 characters of a-z, 0-9 and '-', not starting or ending with '-'")
        @Size(min = 2, max = 63) String slug,
        // Not @NotBlank: Hibernate Validator hands an empty Optional's "value" to the constraint as null,
        // and @NotBlank would reject the absence that Optional stands for.
        Optional<@Size(max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @Pattern(regexp = "(?U)[^\\p{Cntrl}]*", message = "must not contain control characters") String> externalRef,
        Optional<UserId> lead,
        @Valid Branding branding) {

    public NewWorkspace {
        requireNonNull(externalRef, "externalRef must not be null");
        requireNonNull(lead, "lead must not be null");
        requireNonNull(branding, "branding must not be null");
    }

    /** A workspace with just a name and a slug; the creator becomes its lead. */
    public static NewWorkspace of(String name, String slug) {
        return new NewWorkspace(name, slug, Optional.empty(), Optional.empty(), Branding.none());
    }

    /** A copy linked to the host's account id. */
    public NewWorkspace withExternalRef(String ref) {
        return new NewWorkspace(name, slug, Optional.of(ref), lead, branding);
    }

    /** A copy with another first lead. */
    public NewWorkspace withLead(UserId leadUser) {
        return new NewWorkspace(name, slug, externalRef, Optional.of(leadUser), branding);
    }

    /** A copy with initial branding. */
    public NewWorkspace withBranding(Branding initial) {
        return new NewWorkspace(name, slug, externalRef, lead, initial);
    }
}
