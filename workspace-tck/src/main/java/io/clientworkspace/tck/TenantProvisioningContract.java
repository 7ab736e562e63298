package io.clientworkspace.tck;

import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.blob.FileSystemBlobStore;
import io.clientworkspace.tenant.Provisioned;
import io.clientworkspace.tenant.TeamMember;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.tenant.TenantDefinition;
import io.clientworkspace.tenant.TenantRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static io.clientworkspace.ConflictException.Reason.ALREADY_EXISTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tenants with host-chosen keys on the store set under test, through {@code WorkspaceKit.tenants()}:
 * {@code create(id, ...)} refuses a taken key and changes nothing, {@code provision} is idempotent and,
 * when several threads provision one key at once, creates exactly one tenant (the losers' insert
 * conflicts are caught and the tenant read again), and {@code findByName} finds by exact name. Extend it
 * and implement {@link #createStores()}.
 */
public abstract class TenantProvisioningContract extends StoreContractSupport {

    @TempDir
    Path blobDir;

    private WorkspaceKit kit() {
        return WorkspaceKit.builder().stores(stores()).blobStore(new FileSystemBlobStore(blobDir)).build();
    }

    private TenantDefinition definition(TenantId key, String... admins) {
        List<UserId> ids = List.of(admins).stream().map(UserId::of).toList();
        return new TenantDefinition(key, "Acme Agency", ids);
    }

    private List<TeamMember> roster(TenantId id) {
        return stores().team().list(id, Optional.empty(), 1000);
    }

    @Test
    void createWithAKeyStoresTheTenantUnderThatKey() {
        TenantId key = data.tenantId();

        Tenant created = kit().tenants().create(key, "Acme Agency", UserId.of("alice"));

        assertThat(created.id()).isEqualTo(key);
        assertThat(stores().tenants().find(key)).contains(created);
        assertThat(roster(key)).extracting(TeamMember::userId).containsExactly(UserId.of("alice"));
    }

    @Test
    void createWithATakenKeyIsAlreadyExistsAndChangesNothing() {
        WorkspaceKit kit = kit();
        TenantId key = data.tenantId();
        Tenant first = kit.tenants().create(key, "Acme Agency", UserId.of("alice"));

        assertConflict(ALREADY_EXISTS, () -> kit.tenants().create(key, "Impostor", UserId.of("mallory")));

        assertThat(stores().tenants().find(key)).contains(first);
        assertThat(roster(key)).extracting(TeamMember::userId).containsExactly(UserId.of("alice"));
    }

    @Test
    void provisionCreatesAnUnknownTenantWithEveryAdmin() {
        TenantId key = data.tenantId();

        Provisioned result = kit().tenants().provision(definition(key, "alice", "bob"));

        assertThat(result.created()).isTrue();
        assertThat(stores().tenants().find(key)).contains(result.tenant());
        assertThat(roster(key)).extracting(TeamMember::userId, TeamMember::role).containsExactly(
                tuple(UserId.of("alice"), TenantRole.TENANT_ADMIN),
                tuple(UserId.of("bob"), TenantRole.TENANT_ADMIN));
    }

    @Test
    void provisionOfAnExistingKeyReturnsItAndChangesNothing() {
        WorkspaceKit kit = kit();
        TenantId key = data.tenantId();
        Tenant first = kit.tenants().provision(definition(key, "alice")).tenant();

        Provisioned again = kit.tenants().provision(new TenantDefinition(key, "Other Name",
                List.of(UserId.of("mallory"))));

        assertThat(again).isEqualTo(new Provisioned(first, false));
        assertThat(stores().tenants().find(key)).contains(first);
        assertThat(roster(key)).extracting(TeamMember::userId).containsExactly(UserId.of("alice"));
    }

    @Test
    void concurrentProvisionsOfOneKeyCreateExactlyOneTenant() {
        WorkspaceKit kit = kit();
        TenantId key = data.tenantId();
        TenantDefinition definition = definition(key, "alice", "bob");

        Concurrently.Outcomes<Provisioned> outcomes = Concurrently.run(i -> kit.tenants().provision(definition));

        assertThat(outcomes.failures()).as("no provision fails because another one won").isEmpty();
        assertThat(outcomes.successes()).filteredOn(Provisioned::created).hasSize(1);
        Tenant stored = stores().tenants().find(key).orElseThrow();
        assertThat(outcomes.successes()).extracting(Provisioned::tenant).containsOnly(stored);
        assertThat(roster(key)).extracting(TeamMember::userId).containsExactly(UserId.of("alice"), UserId.of("bob"));
    }

    @Test
    void findByNameFindsProvisionedTenantsByTheirExactName() {
        WorkspaceKit kit = kit();
        Tenant acme = kit.tenants().provision(definition(data.tenantId(), "alice")).tenant();
        kit.tenants().create(data.tenantId(), "Globex", UserId.of("olga"));

        assertThat(kit.tenants().findByName("Acme Agency")).containsExactly(acme);
        assertThat(kit.tenants().findByName("acme agency")).isEmpty();
    }
}
