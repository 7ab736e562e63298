package io.clientworkspace.tck;

import io.clientworkspace.spi.WorkspaceOriginStore;
import io.clientworkspace.template.WorkspaceOrigin;
import io.clientworkspace.template.WorkspaceTemplate;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.clientworkspace.ConflictException.Reason.ALREADY_EXISTS;
import static io.clientworkspace.ConflictException.Reason.DUPLICATE_EXTERNAL_REF;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of {@link WorkspaceOriginStore}: an origin round-trips, one per workspace, an external reference at
 * most once per tenant (also when many units of work insert it at once: exactly one succeeds), tenant scope on
 * every call, and a failed insert stores nothing. Extend it and implement {@link #createStores()}.
 */
public abstract class WorkspaceOriginStoreContract extends StoreContractSupport {

    /** Templates and origins built from {@link #data}. */
    protected final TemplateTestData templateData = new TemplateTestData(data);

    private WorkspaceOriginStore origins() {
        return stores().require(WorkspaceOriginStore.class);
    }

    private WorkspaceOrigin insert(WorkspaceOrigin origin) {
        return inUnitOfWork(() -> origins().insert(origin));
    }

    @Test
    void anOriginRoundTrips() {
        Workspace workspace = storedWorkspace();
        WorkspaceOrigin origin = templateData.origin(templateData.template(workspace.tenantId()), workspace.id());

        assertThat(insert(origin)).isEqualTo(origin);

        assertThat(origins().find(workspace.tenantId(), workspace.id())).contains(origin);
        assertThat(origins().findByExternalRef(workspace.tenantId(), origin.externalRef())).contains(origin);
    }

    @Test
    void aWorkspaceWithoutAnOriginHasNone() {
        Workspace workspace = storedWorkspace();

        assertThat(origins().find(workspace.tenantId(), workspace.id())).isEmpty();
        assertThat(origins().findByExternalRef(workspace.tenantId(), data.externalRef())).isEmpty();
    }

    @Test
    void aTakenExternalRefIsADuplicateAndStoresNothing() {
        Tenant tenant = storedTenant();
        Workspace first = storedWorkspace(tenant);
        Workspace second = storedWorkspace(tenant);
        WorkspaceTemplate template = templateData.template(tenant.id());
        WorkspaceOrigin origin = insert(templateData.origin(template, first.id()));
        WorkspaceOrigin clash = new WorkspaceOrigin(tenant.id(), second.id(), template.id(), 1, origin.externalRef(),
                data.instant());

        assertConflict(DUPLICATE_EXTERNAL_REF, () -> insert(clash));

        assertThat(origins().find(tenant.id(), second.id())).isEmpty();
        assertThat(origins().findByExternalRef(tenant.id(), origin.externalRef())).contains(origin);
    }

    @Test
    void aSecondOriginOfOneWorkspaceIsAlreadyExists() {
        Workspace workspace = storedWorkspace();
        WorkspaceTemplate template = templateData.template(workspace.tenantId());
        WorkspaceOrigin origin = insert(templateData.origin(template, workspace.id()));
        WorkspaceOrigin clash = templateData.origin(template, workspace.id());

        assertConflict(ALREADY_EXISTS, () -> insert(clash));

        assertThat(origins().find(workspace.tenantId(), workspace.id())).contains(origin);
        assertThat(origins().findByExternalRef(workspace.tenantId(), clash.externalRef())).isEmpty();
    }

    @Test
    void theSameExternalRefInAnotherTenantIsFine() {
        Workspace workspace = storedWorkspace();
        Workspace foreign = storedWorkspace();
        WorkspaceOrigin origin = insert(templateData.origin(templateData.template(workspace.tenantId()), workspace.id()));
        WorkspaceOrigin other = new WorkspaceOrigin(foreign.tenantId(), foreign.id(),
                templateData.templateId(), 3, origin.externalRef(), data.instant());

        insert(other);

        assertThat(origins().findByExternalRef(foreign.tenantId(), origin.externalRef())).contains(other);
        assertThat(origins().findByExternalRef(workspace.tenantId(), origin.externalRef())).contains(origin);
    }

    @Test
    void anotherTenantNeverFindsAnOrigin() {
        Workspace workspace = storedWorkspace();
        Tenant other = storedTenant();
        WorkspaceOrigin origin = insert(templateData.origin(templateData.template(workspace.tenantId()), workspace.id()));

        assertThat(origins().find(other.id(), workspace.id())).isEmpty();
        assertThat(origins().findByExternalRef(other.id(), origin.externalRef())).isEmpty();
    }

    @Test
    void theExternalRefIsComparedExactly() {
        Workspace workspace = storedWorkspace();
        WorkspaceOrigin origin = insert(new WorkspaceOrigin(workspace.tenantId(), workspace.id(),
                templateData.templateId(), 1, "CRM-Account-42", data.instant()));

        assertThat(origins().findByExternalRef(workspace.tenantId(), "crm-account-42")).isEmpty();
        assertThat(origins().findByExternalRef(workspace.tenantId(), "CRM-Account-42 ")).isEmpty();
        assertThat(origins().findByExternalRef(workspace.tenantId(), "CRM-Account-42")).contains(origin);
    }

    @Test
    void ofManyConcurrentInsertsOfOneExternalRefExactlyOneSucceeds() {
        Tenant tenant = storedTenant();
        WorkspaceTemplate template = templateData.template(tenant.id());
        String ref = data.externalRef();
        List<Workspace> workspaces = new java.util.ArrayList<>();
        for (int i = 0; i < Concurrently.THREADS; i++) {
            workspaces.add(storedWorkspace(tenant));
        }

        Concurrently.Outcomes<WorkspaceOrigin> outcomes = Concurrently.run(i -> insert(new WorkspaceOrigin(tenant.id(),
                workspaces.get(i).id(), template.id(), 1, ref, data.instant())));

        assertThat(outcomes.successes()).hasSize(1);
        assertThat(outcomes.failures()).hasSize(Concurrently.THREADS - 1)
                .allSatisfy(f -> assertConflict(DUPLICATE_EXTERNAL_REF, f));
        assertThat(origins().findByExternalRef(tenant.id(), ref)).contains(outcomes.successes().get(0));
    }
}
