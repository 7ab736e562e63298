package io.clientworkspace.tck;

import io.clientworkspace.member.Permission;
import io.clientworkspace.member.PermissionMatrix;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.spi.PermissionMatrixStore;
import io.clientworkspace.tenant.Tenant;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of {@link PermissionMatrixStore}: at most one matrix per tenant, saved, replaced and
 * deleted, last write wins. Extend it and implement {@link #createStores()}.
 */
public abstract class PermissionMatrixStoreContract extends StoreContractSupport {

    private PermissionMatrixStore matrices() {
        return stores().permissionMatrices();
    }

    private void save(Tenant tenant, PermissionMatrix matrix) {
        runInUnitOfWork(() -> matrices().save(tenant.id(), matrix));
    }

    private void delete(Tenant tenant) {
        runInUnitOfWork(() -> matrices().delete(tenant.id()));
    }

    /** A matrix unlike the default in every role. */
    private static PermissionMatrix custom() {
        return PermissionMatrix.defaults()
                .with(WorkspaceRole.LEAD, EnumSet.complementOf(EnumSet.of(Permission.ARCHIVE_WORKSPACE)))
                .with(WorkspaceRole.MEMBER, EnumSet.of(Permission.VIEW_WORKSPACE, Permission.MANAGE_MEMBERS))
                .with(WorkspaceRole.CLIENT_ADMIN, EnumSet.of(Permission.VIEW_WORKSPACE, Permission.EXPORT))
                .with(WorkspaceRole.CLIENT_CONTRIBUTOR, EnumSet.of(Permission.VIEW_WORKSPACE, Permission.INVITE_CLIENTS))
                .with(WorkspaceRole.CLIENT_VIEWER, EnumSet.of(Permission.VIEW_WORKSPACE, Permission.POST_MESSAGES));
    }

    /** The smallest valid matrix: every role grants only {@code VIEW_WORKSPACE}. */
    private static PermissionMatrix minimal() {
        Map<WorkspaceRole, Set<Permission>> grants = new EnumMap<>(WorkspaceRole.class);
        for (WorkspaceRole role : WorkspaceRole.values()) {
            grants.put(role, EnumSet.of(Permission.VIEW_WORKSPACE));
        }
        return PermissionMatrix.of(grants);
    }

    @Test
    void findIsEmptyForATenantThatKeptTheDefault() {
        Tenant tenant = storedTenant();

        assertThat(matrices().find(tenant.id())).isEmpty();
    }

    @Test
    void saveThenFindReturnsAnEqualMatrix() {
        Tenant tenant = storedTenant();

        save(tenant, custom());

        assertThat(matrices().find(tenant.id())).contains(custom());
        assertThat(matrices().find(tenant.id()).orElseThrow().asMap()).isEqualTo(custom().asMap());
    }

    @Test
    void theSmallestAndTheLargestGrantsSurviveTheRoundTrip() {
        Tenant small = storedTenant();
        Tenant large = storedTenant();

        save(small, minimal());
        save(large, PermissionMatrix.defaults());

        assertThat(matrices().find(small.id())).contains(minimal());
        assertThat(matrices().find(large.id())).contains(PermissionMatrix.defaults());
    }

    @Test
    void saveReplacesThePreviousMatrix() {
        Tenant tenant = storedTenant();
        save(tenant, custom());

        save(tenant, minimal());

        assertThat(matrices().find(tenant.id())).contains(minimal());
    }

    @Test
    void deleteBringsBackTheDefault() {
        Tenant tenant = storedTenant();
        save(tenant, custom());

        delete(tenant);

        assertThat(matrices().find(tenant.id())).isEmpty();
    }

    @Test
    void deleteWithoutAMatrixDoesNothing() {
        Tenant tenant = storedTenant();

        delete(tenant);

        assertThat(matrices().find(tenant.id())).isEmpty();
    }

    @Test
    void aMatrixMayBeSavedAgainAfterItWasDeleted() {
        Tenant tenant = storedTenant();
        save(tenant, custom());
        delete(tenant);

        save(tenant, minimal());

        assertThat(matrices().find(tenant.id())).contains(minimal());
    }

    @Test
    void matricesArePerTenant() {
        Tenant tenant = storedTenant();
        Tenant other = storedTenant();

        save(tenant, custom());

        assertThat(matrices().find(other.id())).isEmpty();
        save(other, minimal());
        assertThat(matrices().find(tenant.id())).contains(custom());
        assertThat(matrices().find(other.id())).contains(minimal());
    }

    @Test
    void deleteAffectsOnlyItsTenant() {
        Tenant tenant = storedTenant();
        Tenant other = storedTenant();
        save(tenant, custom());
        save(other, minimal());

        delete(other);

        assertThat(matrices().find(tenant.id())).contains(custom());
        assertThat(matrices().find(other.id())).isEmpty();
    }

    @Test
    void concurrentSavesLeaveOneOfTheSavedMatrices() {
        Tenant tenant = storedTenant();
        List<PermissionMatrix> candidates = List.of(custom(), minimal(), PermissionMatrix.defaults());

        Concurrently.Outcomes<Boolean> outcomes = Concurrently.run(i -> {
            save(tenant, candidates.get(i % candidates.size()));
            return true;
        });

        assertThat(outcomes.failures()).as("last write wins: saves never conflict").isEmpty();
        assertThat(matrices().find(tenant.id())).get().isIn(candidates);
    }
}
