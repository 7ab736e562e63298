package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.Actor;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.ApprovalStore;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.spring.security.ActorResolver;
import io.clientworkspace.spring.web.ProblemDetailsAdvice;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A store set that lacks a feature's stores: the feature's endpoints answer 501 naming it, the others work, and
 * {@code client-workspace.features.required} turns the missing store into a failed start.
 */
class FeatureAvailabilityTest {

    private final AtomicReference<Actor> caller = new AtomicReference<>();

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(KitAutoConfigurations.WEB_MVC)
            .withConfiguration(KitAutoConfigurations.ALL)
            .withBean(ActorResolver.class, () -> authentication -> Optional.ofNullable(caller.get()));

    private final WebApplicationContextRunner withoutApprovals = runner
            .withBean(Stores.class, FeatureAvailabilityTest::storesWithoutApprovals);

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anApprovalEndpointOfAStoreSetWithoutApprovalStoreAnswers501NamingTheFeature() {
        withoutApprovals.run(context -> {
            Workspace workspace = signedInAdminsWorkspace(context.getBean(WorkspaceKit.class));
            MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();

            mvc.perform(get("/api/workspaces/{id}/approvals", workspace.id().value()))
                    .andExpect(status().isNotImplemented())
                    .andExpect(jsonPath("$.type").value(ProblemDetailsAdvice.TYPE_PREFIX + "feature-unavailable"))
                    .andExpect(jsonPath("$.code").value("feature-unavailable"))
                    .andExpect(jsonPath("$.feature").value("approvals"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(
                            ApprovalStore.class.getName())));
        });
    }

    @Test
    void theWorkspaceAndFileEndpointsOfAStoreSetWithoutApprovalStoreWork() {
        withoutApprovals.run(context -> {
            Workspace workspace = signedInAdminsWorkspace(context.getBean(WorkspaceKit.class));
            MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();

            mvc.perform(get("/api/workspaces/{id}", workspace.id().value()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.slug").value("launch"));
            mvc.perform(get("/api/workspaces/{id}/files", workspace.id().value()))
                    .andExpect(status().isOk());
        });
    }

    @Test
    void aRequiredFeatureWhoseStoreIsMissingFailsTheStartNamingTheFeatureAndTheStore() {
        withoutApprovals.withPropertyValues("client-workspace.features.required=files,approvals").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("client-workspace.features.required")
                    .hasMessageContaining("approvals")
                    .hasMessageContaining(ApprovalStore.class.getName());
        });
    }

    @Test
    void lazyInitializationDoesNotSkipTheRequiredFeaturesCheck() {
        withoutApprovals.withPropertyValues("client-workspace.features.required=approvals",
                "spring.main.lazy-initialization=true").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("approvals")
                    .hasMessageContaining(ApprovalStore.class.getName());
        });
    }

    @Test
    void requiredFeaturesThatTheStoreSetProvidesStartNormally() {
        runner.withPropertyValues("client-workspace.features.required=files,approvals").run(context ->
                assertThat(context).hasNotFailed().hasSingleBean(WorkspaceKit.class));
    }

    @Test
    void requiringOnlyAvailableFeaturesOfAStoreSetWithoutApprovalStoreStarts() {
        withoutApprovals.withPropertyValues("client-workspace.features.required=files").run(context ->
                assertThat(context).hasNotFailed().hasSingleBean(WorkspaceKit.class));
    }

    @Test
    void anUnknownRequiredFeatureFailsTheStartNamingTheValidOnes() {
        runner.withPropertyValues("client-workspace.features.required=aprovals").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("aprovals")
                    .hasMessageContaining("approvals")
                    .hasMessageContaining("files");
        });
    }

    /** Creates a tenant and a workspace of its admin, and signs that admin in. */
    private Workspace signedInAdminsWorkspace(WorkspaceKit kit) {
        Tenant tenant = kit.tenants().create("Northwind Agency", UserId.of("alice"));
        Actor alice = Actor.team(tenant.id(), "alice");
        caller.set(alice);
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("alice", null, "ANY"));
        return kit.workspaces().create(alice, NewWorkspace.of("Launch", "launch"));
    }

    /** Every in-memory store but the {@link ApprovalStore}: a store set written before approvals existed. */
    private static Stores storesWithoutApprovals() {
        Stores all = InMemoryStores.create();
        Stores.Builder builder = Stores.builder(all.unitOfWork());
        all.provided().stream().filter(type -> type != ApprovalStore.class).forEach(type -> copy(builder, all, type));
        all.outbox().ifPresent(builder::outbox);
        return builder.build();
    }

    private static <T> void copy(Stores.Builder builder, Stores from, Class<T> type) {
        builder.add(type, from.require(type));
    }
}
