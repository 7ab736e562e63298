package io.clientworkspace.template;

import io.clientworkspace.workspace.Branding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What it takes to make a workspace from a template.
 *
 * @param name             the workspace's name, as {@link io.clientworkspace.workspace.NewWorkspace#name()}
 * @param slug             the workspace's slug, as {@link io.clientworkspace.workspace.NewWorkspace#slug()}
 * @param externalRef      the host's id for the client account: required (1 to 200 characters, no control
 *                         characters); a retried call with the same reference returns the same workspace
 * @param startDate        day 0 of every offset in the template (a calendar day, no zone)
 * @param contractSignedAt when the host's contract was signed, recorded as the onboarding fact when present
 * @param branding         the workspace's initial branding
 */
public record NewWorkspaceFromTemplate(String name, String slug, String externalRef, LocalDate startDate,
                                       Optional<Instant> contractSignedAt, Branding branding) {

    public NewWorkspaceFromTemplate {
        requireNonNull(name, "name must not be null");
        requireNonNull(slug, "slug must not be null");
        requireNonNull(externalRef, "externalRef must not be null");
        requireNonNull(startDate, "startDate must not be null");
        requireNonNull(contractSignedAt, "contractSignedAt must not be null");
        requireNonNull(branding, "branding must not be null");
    }

    /** A workspace without branding and without a recorded contract signature. */
    public static NewWorkspaceFromTemplate of(String name, String slug, String externalRef, LocalDate startDate) {
        return new NewWorkspaceFromTemplate(name, slug, externalRef, startDate, Optional.empty(),
                Branding.none());
    }

    /** A copy recording when the contract was signed. */
    public NewWorkspaceFromTemplate withContractSignedAt(Instant signedAt) {
        return new NewWorkspaceFromTemplate(name, slug, externalRef, startDate, Optional.of(signedAt), branding);
    }
}
