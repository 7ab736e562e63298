package io.clientworkspace.jpa;

import io.clientworkspace.ConflictException;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.spi.WorkspaceStore;
import io.clientworkspace.template.CreatedWorkspace;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two concurrent creations from one template with one external reference on a real PostgreSQL make exactly one
 * workspace. The interleaving is forced: both calls wait for each other right before inserting the workspace, so
 * both have seen that no workspace has the reference yet; the database then lets exactly one insert commit, the
 * other's insert fails on the reference's unique constraint, which leaves its transaction aborted (rollback-only),
 * and the templates service re-reads the winner in a new unit of work and answers {@code created = false}.
 */
class PostgresTemplateConcurrencyIT {

    private static final TestDatabase DB = TestDatabase.POSTGRESQL;

    private final List<Throwable> insertFailures = new CopyOnWriteArrayList<>();
    private CyclicBarrier bothAboutToInsert;
    private TemplateWorld world;

    @BeforeEach
    void setUp() {
        DB.reset();
        Stores real = JpaStores.create(DB.emf());
        WorkspaceStore workspaces = real.workspaces();
        WorkspaceStore meeting = (WorkspaceStore) Proxy.newProxyInstance(WorkspaceStore.class.getClassLoader(),
                new Class<?>[] {WorkspaceStore.class}, (proxy, method, args) -> {
                    CyclicBarrier barrier = bothAboutToInsert;
                    if (method.getName().equals("insert") && barrier != null) {
                        barrier.await(30, TimeUnit.SECONDS);
                    }
                    try {
                        return method.invoke(workspaces, args);
                    } catch (InvocationTargetException e) {
                        if (method.getName().equals("insert")) {
                            insertFailures.add(e.getCause());
                        }
                        throw e.getCause();
                    }
                });
        world = new TemplateWorld(real.with(WorkspaceStore.class, meeting));
    }

    @Test
    void twoConcurrentCreatesWithOneReferenceMakeExactlyOneWorkspaceAndTheLoserReadsTheWinners() throws Exception {
        Map<String, Long> before = TemplateWorld.rowCounts(DB.dataSource());
        bothAboutToInsert = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<CreatedWorkspace> outcomes = new ArrayList<>();
        try {
            List<Future<CreatedWorkspace>> futures = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                futures.add(pool.submit(() -> world.create("acme")));
            }
            for (Future<CreatedWorkspace> future : futures) {
                outcomes.add(future.get(120, TimeUnit.SECONDS));
            }
        } finally {
            bothAboutToInsert = null;
            pool.shutdownNow();
        }

        assertThat(outcomes).filteredOn(CreatedWorkspace::created).hasSize(1);
        assertThat(outcomes).extracting(c -> c.workspace().id()).containsOnly(outcomes.get(0).workspace().id());
        assertThat(insertFailures).as("the loser failed on the database's uniqueness, inside its unit of work")
                .singleElement().isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reason())
                        .isIn(ConflictException.Reason.DUPLICATE_EXTERNAL_REF, ConflictException.Reason.DUPLICATE_SLUG));
        List<Workspace> all = world.kit.workspaces().list(world.alice, io.clientworkspace.PageRequest.first()).items();
        assertThat(all).extracting(Workspace::id).containsExactly(outcomes.get(0).workspace().id());
        Map<String, Long> after = TemplateWorld.rowCounts(DB.dataSource());
        assertThat(after.get("cwk_workspace") - before.get("cwk_workspace")).isEqualTo(1);
        assertThat(after.get("cwk_workspace_origin") - before.get("cwk_workspace_origin")).isEqualTo(1);
    }

    @Test
    void aRetryAfterTheRaceChangesNoRow() throws Exception {
        bothAboutToInsert = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<CreatedWorkspace> first = pool.submit(() -> world.create("acme"));
            Future<CreatedWorkspace> second = pool.submit(() -> world.create("acme"));
            first.get(120, TimeUnit.SECONDS);
            second.get(120, TimeUnit.SECONDS);
        } finally {
            bothAboutToInsert = null;
            pool.shutdownNow();
        }
        Map<String, Long> afterRace = TemplateWorld.rowCounts(DB.dataSource());

        CreatedWorkspace retried = world.create("acme");

        assertThat(retried.created()).isFalse();
        assertThat(TemplateWorld.rowCounts(DB.dataSource())).isEqualTo(afterRace);
    }
}
