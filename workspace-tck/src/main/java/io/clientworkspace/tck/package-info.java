/**
 * The Technology Compatibility Kit: contract tests that every implementation of the store SPIs in
 * {@link io.clientworkspace.spi} must pass, and a randomized isolation test of the whole kit on top
 * of them.
 *
 * <h2>Using the TCK in a plugin</h2>
 * Add {@code workspace-tck} as a test dependency. For each SPI, write a test class in your own test
 * sources that extends its contract and implements the one factory hook,
 * {@link io.clientworkspace.tck.StoreContractSupport#createStores()}, returning a fresh, empty and
 * complete {@link io.clientworkspace.spi.Stores} whose stores share one unit of work:
 *
 * <pre>{@code
 * class JpaWorkspaceStoreTest extends WorkspaceStoreContract {
 *     @Override
 *     protected Stores createStores() {
 *         return JpaTestStores.freshDatabase();   // your own factory
 *     }
 * }
 * }</pre>
 *
 * There is one contract per SPI, named after it ({@code SpiNameContract}: for example
 * {@link io.clientworkspace.tck.TenantStoreContract} or {@link io.clientworkspace.tck.ApprovalStoreContract});
 * a feature brings its own contracts, so run the contract of every SPI your store set provides, and
 * {@link io.clientworkspace.tck.UnitOfWorkContract}, plus
 * {@link io.clientworkspace.tck.EventOutboxContract} if your stores have an event outbox. Extend
 * {@link io.clientworkspace.tck.IsolationContract} too, which drives a whole
 * {@link io.clientworkspace.WorkspaceKit} on your stores with thousands of random operations by many
 * actors and checks that nothing crosses a tenant or workspace boundary.
 *
 * <p>Two hooks take a default you may change. A unit of work that marks the whole transaction
 * rollback-only when a nested one fails, instead of undoing only the nested writes like a savepoint
 * (both are allowed by {@link io.clientworkspace.spi.UnitOfWork}), overrides
 * {@link io.clientworkspace.tck.UnitOfWorkContract#nestedFailuresAreUndoneLikeSavepoints()} to return
 * {@code false}. A slow store may lower {@link io.clientworkspace.tck.IsolationContract#operations()}.
 *
 * <p>Every test creates a new set of stores, so implementations may create a schema, a database or a
 * bucket per call; override {@link io.clientworkspace.tck.StoreContractSupport#releaseStores} to clean
 * up. The contracts write only inside {@link io.clientworkspace.spi.UnitOfWork#execute} and create
 * parent rows (tenant, workspace) before child rows, so implementations with foreign keys pass too;
 * they never reuse one id in two tenants. Each test names the behaviour it checks, so a failing test
 * tells what the implementation gets wrong.
 *
 * <p>{@link io.clientworkspace.tck.TestData} builds valid records of the foundation with unique ids for your own
 * tests; a feature's records have their own builder next to its contracts (approvals:
 * {@link io.clientworkspace.tck.ApprovalTestData}).
 */
@NullMarked
package io.clientworkspace.tck;

import org.jspecify.annotations.NullMarked;
