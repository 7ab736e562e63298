package io.clientworkspace.jpa;

import io.clientworkspace.TaskId;
import io.clientworkspace.project.Task;
import io.clientworkspace.project.TaskList;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.ProjectStoreContractSupport;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.persistence.ValidationMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the task store's ranks cost on a database (H2), beyond the {@code TaskStoreContract}: a renumbering move
 * rewrites the list with one JDBC statement batch and a constant number of other statements, a new task reads none of
 * its list's tasks, and saving a list never resets the rank its next task takes. Statements are counted at the JDBC
 * level (Hibernate's statistics do not see the batch), on a factory of its own over the shared H2 database.
 */
class JpaTaskRankTest extends ProjectStoreContractSupport {

    /** Counts what reaches the driver: statements run one by one, batches, and rows added to batches. */
    private static final class Counts {
        final AtomicInteger statements = new AtomicInteger();
        final AtomicInteger batches = new AtomicInteger();
        final AtomicInteger batchedRows = new AtomicInteger();

        void reset() {
            statements.set(0);
            batches.set(0);
            batchedRows.set(0);
        }
    }

    private static final Counts COUNTS = new Counts();

    private static EntityManagerFactory emf;

    @Override
    protected Stores createStores() {
        TestDatabase.H2.reset();
        return JpaStores.create(countingEmf());
    }

    @AfterAll
    static void closeFactory() {
        if (emf != null) {
            emf.close();
            emf = null;
        }
    }

    @Test
    void aMoveIntoAnExhaustedGapRenumbersTheListWithOneStatementBatch() throws SQLException {
        TaskList list = storedList(storedWorkspace());
        List<Task> made = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            made.add(store(projectData.task(list)));
        }
        squeezeRanks(list);
        Task last = made.get(made.size() - 1);

        COUNTS.reset();
        inUnitOfWork(() -> tasks().move(last, Optional.of(made.get(0).id())));

        assertThat(COUNTS.batches.get()).as("statement batches").isEqualTo(1);
        assertThat(COUNTS.batchedRows.get()).as("rows renumbered: every task but the moved one").isEqualTo(39);
        assertThat(COUNTS.statements.get()).as("statements besides the batch, whatever the list's size").isLessThanOrEqualTo(10);
        List<TaskId> expected = new ArrayList<>(made.stream().map(Task::id).toList());
        expected.remove(last.id());
        expected.add(1, last.id());
        assertThat(tasks().list(list.tenantId(), list.workspaceId(), list.id(), true, Optional.empty(), 100))
                .extracting(Task::id).containsExactlyElementsOf(expected);
        assertThat(ranks(list)).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void aNewTaskCostsTheSameStatementsInAFullListAsInAnEmptyOne() {
        TaskList empty = storedList(storedWorkspace());
        TaskList full = storedList(storedWorkspace());
        runInUnitOfWork(() -> {
            for (int i = 0; i < 500; i++) {
                tasks().insert(projectData.task(full));
            }
        });

        COUNTS.reset();
        store(projectData.task(empty));
        int intoEmpty = COUNTS.statements.get();
        COUNTS.reset();
        Task appended = store(projectData.task(full));
        int intoFull = COUNTS.statements.get();

        assertThat(intoFull).isEqualTo(intoEmpty);
        assertThat(tasks().list(full.tenantId(), full.workspaceId(), full.id(), true, Optional.empty(), 501))
                .hasSize(501).last().extracting(Task::id).isEqualTo(appended.id());
    }

    @Test
    void renamingTheListKeepsNewTasksGoingLast() {
        TaskList list = storedList(storedWorkspace());
        Task first = store(projectData.task(list));
        Task second = store(projectData.task(list));
        TaskList renamed = inUnitOfWork(() -> taskLists().update(list.withName("Renamed", data.instant())));

        Task third = store(projectData.task(renamed));
        inUnitOfWork(() -> tasks().move(second, Optional.empty()));
        Task fourth = store(projectData.task(list));

        assertThat(tasks().list(list.tenantId(), list.workspaceId(), list.id(), true, Optional.empty(), 10))
                .extracting(Task::id).containsExactly(second.id(), first.id(), third.id(), fourth.id());
    }

    @Test
    void aTaskMovedBehindTheLastOneStaysBeforeTasksAddedLater() {
        TaskList list = storedList(storedWorkspace());
        Task first = store(projectData.task(list));
        Task second = store(projectData.task(list));
        Task third = store(projectData.task(list));
        runInUnitOfWork(() -> tasks().delete(list.tenantId(), list.workspaceId(), third.id(), 0));

        inUnitOfWork(() -> tasks().move(first, Optional.of(second.id())));
        Task added = store(projectData.task(list));

        assertThat(tasks().list(list.tenantId(), list.workspaceId(), list.id(), true, Optional.empty(), 10))
                .extracting(Task::id).containsExactly(second.id(), first.id(), added.id());
    }

    /** Gives the list's tasks consecutive ranks in their order, so that no two neighbours leave room. */
    private void squeezeRanks(TaskList list) throws SQLException {
        List<Task> order = tasks().list(list.tenantId(), list.workspaceId(), list.id(), true, Optional.empty(), 500);
        try (Connection c = TestDatabase.H2.dataSource().getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE cwk_task SET sort_rank = ?"
                     + " WHERE tenant_id = ? AND workspace_id = ? AND id = ?")) {
            for (int i = 0; i < order.size(); i++) {
                update.setLong(1, i + 1);
                update.setString(2, list.tenantId().value());
                update.setString(3, list.workspaceId().value());
                update.setString(4, order.get(i).id().value());
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
        }
    }

    private static List<Long> ranks(TaskList list) throws SQLException {
        try (Connection c = TestDatabase.H2.dataSource().getConnection();
             PreparedStatement query = c.prepareStatement("SELECT sort_rank FROM cwk_task WHERE tenant_id = ?"
                     + " AND workspace_id = ? AND list_id = ? ORDER BY sort_rank, id")) {
            query.setString(1, list.tenantId().value());
            query.setString(2, list.workspaceId().value());
            query.setString(3, list.id().value());
            List<Long> ranks = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    ranks.add(rs.getLong(1));
                }
            }
            return ranks;
        }
    }

    private static synchronized EntityManagerFactory countingEmf() {
        if (emf == null) {
            PersistenceConfiguration config = new PersistenceConfiguration("cwk-h2-counting")
                    .property("hibernate.connection.datasource", counting(TestDatabase.H2.dataSource()))
                    .property("hibernate.hbm2ddl.auto", "validate")
                    .property("hibernate.jdbc.time_zone", "UTC")
                    .validationMode(ValidationMode.NONE);
            JpaStores.ENTITY_CLASSES.forEach(config::managedClass);
            emf = Persistence.createEntityManagerFactory(config);
        }
        return emf;
    }

    private static DataSource counting(DataSource target) {
        return proxy(DataSource.class, target, (method, result) -> {
            if (result instanceof Connection connection) {
                return proxy(Connection.class, connection, (m, r) -> {
                    if (r instanceof PreparedStatement statement) {
                        return proxy(PreparedStatement.class, statement, (sm, sr) -> sr, sm -> count(sm.getName()));
                    }
                    if (r instanceof Statement statement && !(r instanceof PreparedStatement)) {
                        return proxy(Statement.class, statement, (sm, sr) -> sr, sm -> count(sm.getName()));
                    }
                    return r;
                }, m -> { });
            }
            return result;
        }, m -> { });
    }

    private static void count(String method) {
        switch (method) {
            case "executeQuery", "executeUpdate", "execute", "executeLargeUpdate" -> COUNTS.statements.incrementAndGet();
            case "executeBatch", "executeLargeBatch" -> COUNTS.batches.incrementAndGet();
            case "addBatch" -> COUNTS.batchedRows.incrementAndGet();
            default -> { }
        }
    }

    private interface Wrap {
        Object apply(java.lang.reflect.Method method, Object result);
    }

    private interface Before {
        void accept(java.lang.reflect.Method method);
    }

    private static <T> T proxy(Class<T> type, T target, Wrap wrap, Before before) {
        return type.cast(Proxy.newProxyInstance(JpaTaskRankTest.class.getClassLoader(), new Class<?>[]{type},
                (p, method, args) -> {
                    before.accept(method);
                    try {
                        return wrap.apply(method, method.invoke(target, args));
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }));
    }
}
