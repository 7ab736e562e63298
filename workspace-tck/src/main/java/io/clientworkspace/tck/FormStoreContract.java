package io.clientworkspace.tck;

import io.clientworkspace.FormId;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.request.FormDefinition;
import io.clientworkspace.request.FormStatus;
import io.clientworkspace.spi.FormStore;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static io.clientworkspace.ConflictException.Reason.ALREADY_EXISTS;
import static io.clientworkspace.ConflictException.Reason.STALE_VERSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract of {@link FormStore}: versions stored once and never changed (every field type round-trips),
 * keys unique per owner (library or workspace), a new version only on top of the latest, status set on every
 * version, tenant scope on every call, lists of latest versions by id. Extend it and implement
 * {@link #createStores()}.
 */
public abstract class FormStoreContract extends StoreContractSupport {

    /** Forms, requests and assignments built from {@link #data}. */
    protected final RequestTestData requestData = new RequestTestData(data);

    private FormStore forms() {
        return stores().require(FormStore.class);
    }

    private FormDefinition insert(FormDefinition form) {
        return inUnitOfWork(() -> forms().insert(form));
    }

    private FormDefinition insertVersion(FormDefinition form) {
        return inUnitOfWork(() -> forms().insertVersion(form));
    }

    @Test
    void aFormWithEveryFieldTypeRoundTrips() {
        Tenant tenant = storedTenant();
        FormDefinition form = requestData.form(tenant.id(), Optional.empty());

        assertThat(insert(form)).isEqualTo(form);

        assertThat(forms().find(tenant.id(), form.id(), 1)).contains(form);
        assertThat(forms().findLatest(tenant.id(), form.id())).contains(form);
    }

    @Test
    void aWorkspaceFormKeepsItsOwner() {
        Workspace workspace = storedWorkspace();
        FormDefinition form = requestData.form(workspace.tenantId(), Optional.of(workspace.id()));

        insert(form);

        assertThat(forms().findByKey(workspace.tenantId(), Optional.of(workspace.id()), form.key())).contains(form);
        assertThat(forms().findByKey(workspace.tenantId(), Optional.empty(), form.key())).isEmpty();
    }

    @Test
    void aTakenIdIsAlreadyExists() {
        Tenant tenant = storedTenant();
        FormDefinition form = insert(requestData.form(tenant.id(), Optional.empty()));
        FormDefinition clash = new FormDefinition(form.id(), form.tenantId(), form.workspaceId(), "other-key", "Other", 1,
                form.fields(), FormStatus.ACTIVE, form.createdBy(), form.createdAt());

        assertConflict(ALREADY_EXISTS, () -> insert(clash));

        assertThat(forms().findLatest(tenant.id(), form.id())).contains(form);
    }

    @Test
    void aTakenKeyInTheSameOwnerIsAlreadyExists() {
        Tenant tenant = storedTenant();
        FormDefinition form = insert(requestData.form(tenant.id(), Optional.empty()));
        FormDefinition clash = new FormDefinition(requestData.formId(), tenant.id(), Optional.empty(), form.key(), "Other",
                1, form.fields(), FormStatus.ACTIVE, form.createdBy(), form.createdAt());

        assertConflict(ALREADY_EXISTS, () -> insert(clash));

        assertThat(forms().find(tenant.id(), clash.id(), 1)).isEmpty();
    }

    @Test
    void theSameKeyInAnotherTenantOrOwnerIsFine() {
        Workspace workspace = storedWorkspace();
        FormDefinition library = insert(requestData.form(workspace.tenantId(), Optional.empty()));
        FormDefinition own = new FormDefinition(requestData.formId(), workspace.tenantId(), Optional.of(workspace.id()),
                library.key(), "Own", 1, library.fields(), FormStatus.ACTIVE, library.createdBy(), library.createdAt());
        Tenant other = storedTenant();
        FormDefinition foreign = new FormDefinition(requestData.formId(), other.id(), Optional.empty(), library.key(),
                "Foreign", 1, library.fields(), FormStatus.ACTIVE, library.createdBy(), library.createdAt());

        insert(own);
        insert(foreign);

        assertThat(forms().findByKey(other.id(), Optional.empty(), library.key())).contains(foreign);
    }

    @Test
    void aNewVersionKeepsTheOldOneUnchanged() {
        Tenant tenant = storedTenant();
        FormDefinition v1 = insert(requestData.form(tenant.id(), Optional.empty()));
        FormDefinition v2 = requestData.nextVersion(v1);

        insertVersion(v2);

        assertThat(forms().find(tenant.id(), v1.id(), 1)).contains(v1);
        assertThat(forms().find(tenant.id(), v1.id(), 2)).contains(v2);
        assertThat(forms().findLatest(tenant.id(), v1.id())).contains(v2);
        assertThat(forms().versions(tenant.id(), v1.id())).containsExactly(v1, v2);
        assertThat(forms().findByKey(tenant.id(), Optional.empty(), v1.key())).contains(v2);
    }

    @Test
    void aVersionThatIsNotNextIsAStaleVersion() {
        Tenant tenant = storedTenant();
        FormDefinition v1 = insert(requestData.form(tenant.id(), Optional.empty()));
        FormDefinition v2 = requestData.nextVersion(v1);
        insertVersion(v2);

        assertConflict(STALE_VERSION, () -> insertVersion(requestData.nextVersion(v1)));
        assertConflict(STALE_VERSION, () -> insertVersion(requestData.nextVersion(requestData.nextVersion(v2))));

        assertThat(forms().versions(tenant.id(), v1.id())).containsExactly(v1, v2);
    }

    @Test
    void concurrentRevisionsOfOneVersionLetExactlyOneWin() {
        Tenant tenant = storedTenant();
        FormDefinition v1 = insert(requestData.form(tenant.id(), Optional.empty()));

        Concurrently.Outcomes<FormDefinition> outcomes = Concurrently.run(i -> insertVersion(requestData.nextVersion(v1)));

        assertThat(outcomes.successes()).hasSize(1);
        assertThat(outcomes.failures()).hasSize(Concurrently.THREADS - 1)
                .allSatisfy(failure -> assertConflict(STALE_VERSION, failure));
        assertThat(forms().versions(tenant.id(), v1.id())).hasSize(2);
    }

    @Test
    void aVersionOfAnUnknownFormIsNotFound() {
        Tenant tenant = storedTenant();
        FormDefinition v1 = requestData.form(tenant.id(), Optional.empty());

        assertThatThrownBy(() -> insertVersion(requestData.nextVersion(v1))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void retiringSetsTheStatusOfEveryVersion() {
        Tenant tenant = storedTenant();
        FormDefinition v1 = insert(requestData.form(tenant.id(), Optional.empty()));
        insertVersion(requestData.nextVersion(v1));

        FormDefinition latest = inUnitOfWork(() -> forms().setStatus(tenant.id(), v1.id(), FormStatus.RETIRED, 2));

        assertThat(latest.status()).isEqualTo(FormStatus.RETIRED);
        assertThat(forms().versions(tenant.id(), v1.id())).extracting(FormDefinition::status)
                .containsExactly(FormStatus.RETIRED, FormStatus.RETIRED);
    }

    @Test
    void settingTheStatusFromAStaleVersionIsAConflictAndChangesNothing() {
        Tenant tenant = storedTenant();
        FormDefinition v1 = insert(requestData.form(tenant.id(), Optional.empty()));
        insertVersion(requestData.nextVersion(v1));

        assertConflict(STALE_VERSION, () -> inUnitOfWork(() -> forms().setStatus(tenant.id(), v1.id(), FormStatus.RETIRED, 1)));

        assertThat(forms().versions(tenant.id(), v1.id())).extracting(FormDefinition::status)
                .containsOnly(FormStatus.ACTIVE);
    }

    @Test
    void aFormIsInvisibleFromAnotherTenant() {
        Tenant tenant = storedTenant();
        Tenant other = storedTenant();
        FormDefinition form = insert(requestData.form(tenant.id(), Optional.empty()));

        assertThat(forms().find(other.id(), form.id(), 1)).isEmpty();
        assertThat(forms().findLatest(other.id(), form.id())).isEmpty();
        assertThat(forms().versions(other.id(), form.id())).isEmpty();
        assertThat(forms().listLatest(other.id(), Optional.empty(), Optional.empty(), 10)).isEmpty();
        assertThatThrownBy(() -> inUnitOfWork(() -> forms().setStatus(other.id(), form.id(), FormStatus.RETIRED, 1)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void listLatestPagesOneOwnerByIdWithTheLatestVersions() {
        Workspace workspace = storedWorkspace();
        FormDefinition a = insert(requestData.form(workspace.tenantId(), Optional.empty()));
        FormDefinition b = insert(requestData.form(workspace.tenantId(), Optional.empty()));
        FormDefinition c = insert(requestData.form(workspace.tenantId(), Optional.empty()));
        insert(requestData.form(workspace.tenantId(), Optional.of(workspace.id())));
        FormDefinition b2 = insertVersion(requestData.nextVersion(b));

        List<FormDefinition> first = forms().listLatest(workspace.tenantId(), Optional.empty(), Optional.empty(), 2);
        List<FormDefinition> rest = forms().listLatest(workspace.tenantId(), Optional.empty(),
                Optional.of(first.get(1).id()), 2);

        assertThat(first).containsExactly(a, b2);
        assertThat(rest).containsExactly(c);
    }

    @Test
    void findOfAnUnknownVersionIsEmpty() {
        Tenant tenant = storedTenant();
        FormDefinition form = insert(requestData.form(tenant.id(), Optional.empty()));

        assertThat(forms().find(tenant.id(), form.id(), 2)).isEmpty();
        assertThat(forms().find(tenant.id(), FormId.of("unknown"), 1)).isEmpty();
    }
}
