package io.clientworkspace.tck;

import io.clientworkspace.NotFoundException;
import io.clientworkspace.TemplateId;
import io.clientworkspace.spi.TemplateStore;
import io.clientworkspace.template.TemplateContent;
import io.clientworkspace.template.TemplateStatus;
import io.clientworkspace.template.WorkspaceTemplate;
import io.clientworkspace.tenant.Tenant;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.clientworkspace.ConflictException.Reason.ALREADY_EXISTS;
import static io.clientworkspace.ConflictException.Reason.STALE_VERSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract of {@link TemplateStore}: versions stored once and never changed (the whole content round-trips),
 * keys unique per tenant, a new version only on top of the latest (of two concurrent revisions exactly one wins),
 * status set on every version, tenant scope on every call, keyset lists of latest versions by id. Extend it and
 * implement {@link #createStores()}.
 */
public abstract class TemplateStoreContract extends StoreContractSupport {

    /** Templates and origins built from {@link #data}. */
    protected final TemplateTestData templateData = new TemplateTestData(data);

    private TemplateStore templates() {
        return stores().require(TemplateStore.class);
    }

    private WorkspaceTemplate insert(WorkspaceTemplate template) {
        return inUnitOfWork(() -> templates().insert(template));
    }

    private WorkspaceTemplate insertVersion(WorkspaceTemplate template) {
        return inUnitOfWork(() -> templates().insertVersion(template));
    }

    @Test
    void aTemplateWithEveryPartRoundTrips() {
        Tenant tenant = storedTenant();
        WorkspaceTemplate template = templateData.template(tenant.id());

        assertThat(insert(template)).isEqualTo(template);

        assertThat(templates().find(tenant.id(), template.id(), 1)).contains(template);
        assertThat(templates().findLatest(tenant.id(), template.id())).contains(template);
        assertThat(templates().findByKey(tenant.id(), template.key())).contains(template);
    }

    @Test
    void anEmptyTemplateRoundTrips() {
        Tenant tenant = storedTenant();
        WorkspaceTemplate template = new WorkspaceTemplate(templateData.templateId(), tenant.id(), templateData.key(),
                "Bare", 1, TemplateStatus.ACTIVE, TemplateContent.empty(), data.userId(), data.instant());

        insert(template);

        assertThat(templates().find(tenant.id(), template.id(), 1)).contains(template);
    }

    @Test
    void aTakenIdIsAlreadyExists() {
        Tenant tenant = storedTenant();
        WorkspaceTemplate template = insert(templateData.template(tenant.id()));
        WorkspaceTemplate clash = new WorkspaceTemplate(template.id(), tenant.id(), templateData.key(), "Other", 1,
                TemplateStatus.ACTIVE, TemplateContent.empty(), data.userId(), data.instant());

        assertConflict(ALREADY_EXISTS, () -> insert(clash));

        assertThat(templates().findLatest(tenant.id(), template.id())).contains(template);
        assertThat(templates().findByKey(tenant.id(), clash.key())).isEmpty();
    }

    @Test
    void aTakenKeyIsAlreadyExists() {
        Tenant tenant = storedTenant();
        WorkspaceTemplate template = insert(templateData.template(tenant.id()));
        WorkspaceTemplate clash = new WorkspaceTemplate(templateData.templateId(), tenant.id(), template.key(), "Other",
                1, TemplateStatus.ACTIVE, TemplateContent.empty(), data.userId(), data.instant());

        assertConflict(ALREADY_EXISTS, () -> insert(clash));

        assertThat(templates().find(tenant.id(), clash.id(), 1)).isEmpty();
    }

    @Test
    void theKeyOfARetiredTemplateStaysTaken() {
        Tenant tenant = storedTenant();
        WorkspaceTemplate template = insert(templateData.template(tenant.id()));
        inUnitOfWork(() -> templates().setStatus(tenant.id(), template.id(), TemplateStatus.RETIRED, 1));
        WorkspaceTemplate clash = new WorkspaceTemplate(templateData.templateId(), tenant.id(), template.key(), "Other",
                1, TemplateStatus.ACTIVE, TemplateContent.empty(), data.userId(), data.instant());

        assertConflict(ALREADY_EXISTS, () -> insert(clash));
    }

    @Test
    void theSameKeyInAnotherTenantIsFine() {
        Tenant tenant = storedTenant();
        WorkspaceTemplate template = insert(templateData.template(tenant.id()));
        Tenant other = storedTenant();
        WorkspaceTemplate foreign = new WorkspaceTemplate(templateData.templateId(), other.id(), template.key(),
                "Foreign", 1, TemplateStatus.ACTIVE, TemplateContent.empty(), data.userId(), data.instant());

        insert(foreign);

        assertThat(templates().findByKey(other.id(), template.key())).contains(foreign);
        assertThat(templates().findByKey(tenant.id(), template.key())).contains(template);
    }

    @Test
    void aNewVersionKeepsTheOldOneUnchanged() {
        Tenant tenant = storedTenant();
        WorkspaceTemplate v1 = insert(templateData.template(tenant.id()));
        WorkspaceTemplate v2 = templateData.nextVersion(v1);

        assertThat(insertVersion(v2)).isEqualTo(v2);

        assertThat(templates().find(tenant.id(), v1.id(), 1)).contains(v1);
        assertThat(templates().find(tenant.id(), v1.id(), 2)).contains(v2);
        assertThat(templates().findLatest(tenant.id(), v1.id())).contains(v2);
        assertThat(templates().versions(tenant.id(), v1.id())).containsExactly(v1, v2);
        assertThat(templates().findByKey(tenant.id(), v1.key())).contains(v2);
    }

    @Test
    void aVersionThatSkipsOrRepeatsOneIsStale() {
        Tenant tenant = storedTenant();
        WorkspaceTemplate v1 = insert(templateData.template(tenant.id()));
        WorkspaceTemplate v2 = insertVersion(templateData.nextVersion(v1));
        WorkspaceTemplate againV2 = templateData.nextVersion(v1);
        WorkspaceTemplate v4 = templateData.nextVersion(templateData.nextVersion(v2));

        assertConflict(STALE_VERSION, () -> insertVersion(againV2));
        assertConflict(STALE_VERSION, () -> insertVersion(v4));

        assertThat(templates().versions(tenant.id(), v1.id())).containsExactly(v1, v2);
    }

    @Test
    void aVersionOfAnUnknownTemplateIsNotFound() {
        Tenant tenant = storedTenant();
        WorkspaceTemplate ghost = templateData.nextVersion(templateData.template(tenant.id()));

        assertThatThrownBy(() -> insertVersion(ghost)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aNewVersionTakesTheTemplatesStatus() {
        Tenant tenant = storedTenant();
        WorkspaceTemplate v1 = insert(templateData.template(tenant.id()));
        inUnitOfWork(() -> templates().setStatus(tenant.id(), v1.id(), TemplateStatus.RETIRED, 1));

        WorkspaceTemplate v2 = insertVersion(templateData.nextVersion(v1.withStatus(TemplateStatus.ACTIVE)));

        assertThat(v2.status()).isEqualTo(TemplateStatus.RETIRED);
        assertThat(templates().find(tenant.id(), v1.id(), 2)).contains(v2);
    }

    @Test
    void theStatusChangesOnEveryVersion() {
        Tenant tenant = storedTenant();
        WorkspaceTemplate v1 = insert(templateData.template(tenant.id()));
        WorkspaceTemplate v2 = insertVersion(templateData.nextVersion(v1));

        WorkspaceTemplate retired = inUnitOfWork(() -> templates().setStatus(tenant.id(), v1.id(),
                TemplateStatus.RETIRED, 2));

        assertThat(retired).isEqualTo(v2.withStatus(TemplateStatus.RETIRED));
        assertThat(templates().versions(tenant.id(), v1.id())).extracting(WorkspaceTemplate::status)
                .containsExactly(TemplateStatus.RETIRED, TemplateStatus.RETIRED);
        assertThat(templates().find(tenant.id(), v1.id(), 1)).contains(v1.withStatus(TemplateStatus.RETIRED));
    }

    @Test
    void aStatusChangeFromAnOlderVersionIsStaleAndChangesNothing() {
        Tenant tenant = storedTenant();
        WorkspaceTemplate v1 = insert(templateData.template(tenant.id()));
        WorkspaceTemplate v2 = insertVersion(templateData.nextVersion(v1));

        assertConflict(STALE_VERSION, () -> inUnitOfWork(() -> templates().setStatus(tenant.id(), v1.id(),
                TemplateStatus.RETIRED, 1)));

        assertThat(templates().versions(tenant.id(), v1.id())).containsExactly(v1, v2);
    }

    @Test
    void aStatusChangeOfAnUnknownTemplateIsNotFound() {
        Tenant tenant = storedTenant();

        assertThatThrownBy(() -> inUnitOfWork(() -> templates().setStatus(tenant.id(), templateData.templateId(),
                TemplateStatus.RETIRED, 1))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anotherTenantsTemplateIsNeverFoundChangedOrListed() {
        Tenant tenant = storedTenant();
        WorkspaceTemplate template = insert(templateData.template(tenant.id()));
        Tenant other = storedTenant();
        WorkspaceTemplate foreignVersion = new WorkspaceTemplate(template.id(), other.id(), template.key(), "Stolen", 2,
                TemplateStatus.ACTIVE, TemplateContent.empty(), data.userId(), data.instant());

        assertThat(templates().find(other.id(), template.id(), 1)).isEmpty();
        assertThat(templates().findLatest(other.id(), template.id())).isEmpty();
        assertThat(templates().findByKey(other.id(), template.key())).isEmpty();
        assertThat(templates().versions(other.id(), template.id())).isEmpty();
        assertThat(templates().listLatest(other.id(), Optional.empty(), 10)).isEmpty();
        assertThatThrownBy(() -> inUnitOfWork(() -> templates().setStatus(other.id(), template.id(),
                TemplateStatus.RETIRED, 1))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> insertVersion(foreignVersion)).isInstanceOf(NotFoundException.class);

        assertThat(templates().versions(tenant.id(), template.id())).containsExactly(template);
    }

    @Test
    void theLatestVersionsArePagedByIdWithoutDuplicatesOrGaps() {
        Tenant tenant = storedTenant();
        List<TemplateId> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            WorkspaceTemplate template = insert(templateData.template(tenant.id()));
            if (i % 2 == 0) {
                insertVersion(templateData.nextVersion(template));
            }
            ids.add(template.id());
        }
        List<WorkspaceTemplate> seen = new ArrayList<>();
        Optional<TemplateId> after = Optional.empty();
        while (true) {
            List<WorkspaceTemplate> page = templates().listLatest(tenant.id(), after, 3);
            seen.addAll(page);
            if (page.size() < 3) {
                break;
            }
            after = Optional.of(page.get(page.size() - 1).id());
        }

        assertThat(seen).extracting(WorkspaceTemplate::id).containsExactlyElementsOf(ids.stream().sorted().toList());
        assertThat(seen).extracting(WorkspaceTemplate::version).containsExactly(2, 1, 2, 1, 2, 1, 2);
    }

    @Test
    void ofTwoConcurrentRevisionsFromOneVersionExactlyOneWins() {
        Tenant tenant = storedTenant();
        WorkspaceTemplate v1 = insert(templateData.template(tenant.id()));
        List<WorkspaceTemplate> candidates = List.of(templateData.nextVersion(v1), templateData.nextVersion(v1));

        Concurrently.Outcomes<WorkspaceTemplate> outcomes = Concurrently.run(2, i -> insertVersion(candidates.get(i)));

        assertThat(outcomes.successes()).hasSize(1);
        assertThat(outcomes.failures()).singleElement().satisfies(f -> assertConflict(STALE_VERSION, f));
        assertThat(templates().versions(tenant.id(), v1.id())).containsExactly(v1, outcomes.successes().get(0));
    }
}
