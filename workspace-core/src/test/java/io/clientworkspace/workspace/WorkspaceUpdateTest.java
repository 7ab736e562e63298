package io.clientworkspace.workspace;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.ConflictException;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.support.Fixture;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static io.clientworkspace.support.Fixture.fieldsOf;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link WorkspaceService#update}: a rename and a new branding as one change, as of the version last read. */
class WorkspaceUpdateTest {

    private final Fixture f = Fixture.create();
    private final WorkspaceService workspaces = f.kit.workspaces();

    @Test
    void renamesAndRebrandsInOneCall() {
        Workspace updated = workspaces.update(f.bob, f.acme.id(), Optional.of("Acme Inc"),
                Optional.of(Branding.none().withDisplayName("ACME")), f.acme.version());

        assertThat(updated.name()).isEqualTo("Acme Inc");
        assertThat(updated.branding().displayName()).contains("ACME");
        assertThat(updated.version()).isEqualTo(f.acme.version() + 2);
        assertThat(f.acme()).isEqualTo(updated);
        assertThat(f.log(f.acme.id()).stream().map(e -> e.action()).toList())
                .endsWith("workspace.renamed", "workspace.branding-changed");
    }

    @Test
    void withAStaleVersionIsAConflictAndChangesNothing() {
        workspaces.rename(f.bob, f.acme.id(), "Acme 2", f.acme.version());

        ConflictException e = f.rejects(ConflictException.class, () -> workspaces.update(f.bob, f.acme.id(),
                Optional.of("Acme 3"), Optional.empty(), f.acme.version()));

        assertThat(e.reason()).isEqualTo(ConflictException.Reason.STALE_VERSION);
    }

    @Test
    void aRefusedBrandingUndoesTheRenameToo() {
        ValidationException e = f.rejects(ValidationException.class, () -> workspaces.update(f.bob, f.acme.id(),
                Optional.of("Acme Inc"), Optional.of(Branding.none().withAccentColor("red")), f.acme.version()));

        assertThat(fieldsOf(e)).isNotEmpty();
        assertThat(f.acme().name()).isEqualTo("Acme Corp");
    }

    @Test
    void withNothingToChangeChecksTheVersionAndChangesNothing() {
        assertThat(workspaces.update(f.bob, f.acme.id(), Optional.empty(), Optional.empty(), f.acme.version()))
                .isEqualTo(f.acme());
        f.rejects(ConflictException.class, () -> workspaces.update(f.bob, f.acme.id(), Optional.empty(), Optional.empty(),
                f.acme.version() + 1));
    }

    @Test
    void aClientWithoutThePermissionIsRefused() {
        f.rejects(AccessDeniedException.class, () -> workspaces.update(f.carol, f.acme.id(), Optional.of("Ours"),
                Optional.empty(), f.acme.version()));
    }

    @Test
    void aWorkspaceTheActorCannotSeeIsNotFoundWhateverTheVersion() {
        f.rejects(NotFoundException.class, () -> workspaces.update(f.zach, f.acme.id(), Optional.of("Mine"),
                Optional.empty(), f.acme.version() + 5));
        f.rejects(NotFoundException.class, () -> workspaces.update(f.bob, WorkspaceId.of("no-such-workspace"),
                Optional.of("Mine"), Optional.empty(), 0));
    }
}
