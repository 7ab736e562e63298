package io.clientworkspace.request;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.ConflictException;
import io.clientworkspace.FieldError;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.PageRequest;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.spi.FormStore;
import io.clientworkspace.support.Fixture;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static io.clientworkspace.request.Forms.patterned;
import static io.clientworkspace.request.Forms.shortText;
import static org.assertj.core.api.Assertions.assertThat;

class FormServiceTest {

    private final Fixture f = Fixture.create();
    private final FormService forms = f.kit.forms();
    private final WorkspaceId acme = f.acme.id();

    private static NewForm brief() {
        return new NewForm("brand-brief", "Brand brief", List.of(shortText("name", true)));
    }

    private FormDefinition libraryForm() {
        return forms.define(f.alice, Optional.empty(), brief());
    }

    @Test
    void aTenantAdminDefinesALibraryFormAtVersionOne() {
        FormDefinition form = libraryForm();

        assertThat(form.version()).isEqualTo(1);
        assertThat(form.status()).isEqualTo(FormStatus.ACTIVE);
        assertThat(form.workspaceId()).isEmpty();
        assertThat(forms.get(f.tom, form.id(), 1)).isEqualTo(form);
    }

    @Test
    void theLatestVersionUsableInAWorkspaceIsReadByItsClientsAndNotFoundForOthers() {
        FormDefinition form = libraryForm();
        FormDefinition second = forms.revise(f.alice, form.id(), 1, "Brand brief v2", List.of(shortText("name", false)));

        assertThat(forms.latest(f.carol, acme, form.id())).isEqualTo(second);
        f.rejects(NotFoundException.class, () -> forms.latest(f.zach, acme, form.id()));
    }

    @Test
    void anAccountManagerMayNotDefineLibraryForms() {
        f.rejects(AccessDeniedException.class, () -> forms.define(f.bob, Optional.empty(), brief()));
    }

    @Test
    void theLeadDefinesTheWorkspacesOwnFormWithATeamActivityEntry() {
        FormDefinition form = forms.define(f.bob, Optional.of(acme), brief());

        ActivityEntry entry = f.head(acme);
        assertThat(entry.action()).isEqualTo("form.defined");
        assertThat(entry.targetId()).isEqualTo(form.id().value());
        assertThat(entry.visibility()).isEqualTo(Visibility.TEAM);
    }

    @Test
    void aTeamMemberWhoIsNotLeadMayNotDefineAWorkspaceForm() {
        f.rejects(AccessDeniedException.class, () -> forms.define(f.tom, Optional.of(acme), brief()));
    }

    @Test
    void aClientMayNotDefineAWorkspaceForm() {
        f.rejects(AccessDeniedException.class, () -> forms.define(f.carol, Optional.of(acme), brief()));
    }

    @Test
    void aLibraryFormLeavesNoActivityEntryButAnEvent() {
        var before = f.head(acme);

        FormDefinition form = libraryForm();

        assertThat(f.head(acme)).isEqualTo(before);
        assertThat(f.events.all()).singleElement().isInstanceOfSatisfying(FormEvent.FormChanged.class, e -> {
            assertThat(e.formId()).isEqualTo(form.id());
            assertThat(e.change()).isEqualTo(FormEvent.Change.DEFINED);
        });
    }

    @Test
    void aDefinitionWithABacktrackingPatternIsRefusedAndChangesNothing() {
        NewForm bad = new NewForm("brief", "Brief", List.of(patterned("code", "(a+)+$")));

        ValidationException e = f.rejects(ValidationException.class, () -> forms.define(f.alice, Optional.empty(), bad));

        assertThat(Fixture.fieldsOf(e)).containsExactly("fields[0].pattern");
        assertThat(f.stores.require(FormStore.class).listLatest(f.tenant.id(), Optional.empty(), Optional.empty(), 10))
                .isEmpty();
    }

    @Test
    void everyProblemOfADefinitionIsReportedAtOnce() {
        NewForm bad = new NewForm("Bad Key", "", List.of(shortText("Name", true)));

        ValidationException e = f.rejects(ValidationException.class, () -> forms.define(f.alice, Optional.empty(), bad));

        assertThat(Fixture.fieldsOf(e)).containsExactly("key", "name", "fields[0].id");
    }

    @Test
    void aTakenKeyIsAConflict() {
        libraryForm();

        ConflictException e = f.rejects(ConflictException.class, () -> libraryForm());

        assertThat(e.reason()).isEqualTo(ConflictException.Reason.ALREADY_EXISTS);
    }

    @Test
    void theSameKeyMayBeUsedInTheLibraryAndInAWorkspace() {
        libraryForm();

        assertThat(forms.define(f.bob, Optional.of(acme), brief()).key()).isEqualTo("brand-brief");
    }

    @Test
    void revisingStoresANewVersionAndKeepsTheOldOne() {
        FormDefinition v1 = libraryForm();

        FormDefinition v2 = forms.revise(f.alice, v1.id(), 1, "Brand brief 2", List.of(shortText("company", true)));

        assertThat(v2.version()).isEqualTo(2);
        assertThat(forms.get(f.alice, v1.id(), 1)).isEqualTo(v1);
        assertThat(forms.latest(f.alice, v1.id())).isEqualTo(v2);
        assertThat(forms.versions(f.alice, v1.id())).containsExactly(v1, v2);
    }

    @Test
    void revisingFromAStaleVersionIsAConflict() {
        FormDefinition v1 = libraryForm();
        forms.revise(f.alice, v1.id(), 1, "Brand brief", List.of(shortText("company", true)));

        ConflictException e = f.rejects(ConflictException.class,
                () -> forms.revise(f.alice, v1.id(), 1, "Other", List.of(shortText("other", true))));

        assertThat(e.reason()).isEqualTo(ConflictException.Reason.STALE_VERSION);
    }

    @Test
    void aRetiredFormCannotBeRevised() {
        FormDefinition v1 = libraryForm();
        forms.retire(f.alice, v1.id(), 1);

        ConflictException e = f.rejects(ConflictException.class,
                () -> forms.revise(f.alice, v1.id(), 1, "Other", List.of(shortText("other", true))));

        assertThat(e.reason()).isEqualTo(ConflictException.Reason.INVALID_STATE);
    }

    @Test
    void retiringMarksEveryVersion() {
        FormDefinition v1 = libraryForm();
        forms.revise(f.alice, v1.id(), 1, "Brand brief", List.of(shortText("company", true)));

        forms.retire(f.alice, v1.id(), 2);

        assertThat(forms.versions(f.alice, v1.id())).extracting(FormDefinition::status)
                .containsExactly(FormStatus.RETIRED, FormStatus.RETIRED);
    }

    @Test
    void aFormOfAnotherTenantIsNotFound() {
        FormDefinition form = libraryForm();
        Fixture.OtherTenant other = f.otherTenant();

        f.rejects(NotFoundException.class, () -> forms.get(other.admin(), form.id(), 1));
        f.rejects(NotFoundException.class, () -> forms.retire(other.admin(), form.id(), 1));
    }

    @Test
    void aClientReadsALibraryFormThroughItsWorkspaceButNotTheLibrary() {
        FormDefinition form = libraryForm();

        assertThat(forms.get(f.carol, acme, form.id(), 1)).isEqualTo(form);
        f.rejects(NotFoundException.class, () -> forms.get(f.carol, form.id(), 1));
        f.rejects(AccessDeniedException.class, () -> forms.list(f.carol, Optional.empty(), PageRequest.first()));
    }

    @Test
    void aWorkspaceFormIsNotFoundThroughAnotherWorkspace() {
        FormDefinition own = forms.define(f.bob, Optional.of(acme), brief());
        WorkspaceId globex = f.kit.workspaces().create(f.bob,
                io.clientworkspace.workspace.NewWorkspace.of("Globex", "globex")).id();

        f.rejects(NotFoundException.class, () -> forms.get(f.bob, globex, own.id(), 1));
    }

    @Test
    void clientsListOnlyActiveFormsOfTheirWorkspace() {
        FormDefinition kept = forms.define(f.bob, Optional.of(acme), brief());
        FormDefinition retired = forms.define(f.bob, Optional.of(acme),
                new NewForm("old", "Old", List.of(shortText("x", false))));
        forms.retire(f.bob, retired.id(), 1);

        assertThat(forms.list(f.carol, Optional.of(acme), PageRequest.first()).items()).containsExactly(kept);
        assertThat(forms.list(f.bob, Optional.of(acme), PageRequest.first()).items()).hasSize(2);
    }

    @Test
    void theLibraryListIsPagedByCursor() {
        for (int i = 0; i < 5; i++) {
            forms.define(f.alice, Optional.empty(), new NewForm("form-" + i, "Form " + i, List.of(shortText("x", false))));
        }

        var first = forms.list(f.tom, Optional.empty(), PageRequest.first(3));
        var second = forms.list(f.tom, Optional.empty(), PageRequest.after(first.nextCursor().orElseThrow(), 3));

        assertThat(first.items()).hasSize(3);
        assertThat(second.items()).hasSize(2);
        assertThat(second.nextCursor()).isEmpty();
    }

    @Test
    void theErrorOfAForgedDefinitionNamesTheField() {
        NewForm bad = new NewForm("brief", "Brief", List.of(Forms.single("size", "S", "S")));

        ValidationException e = f.rejects(ValidationException.class, () -> forms.define(f.alice, Optional.empty(), bad));

        assertThat(e.fieldErrors()).containsExactly(FieldError.of("fields[0].options[1]", "is listed twice"));
    }
}
