/**
 * The storage SPIs: every interface a plugin author implements to keep the kit's data somewhere
 * else (another database, an object store). In-memory implementations live in
 * {@code io.clientworkspace.memory}; the contract tests every implementation must pass are in the
 * {@code workspace-tck} artifact.
 *
 * <h2>Rules every store keeps</h2>
 * <ul>
 *   <li><b>Scope in every call.</b> No method loads or changes anything by a bare id: each takes the
 *       tenant (and the workspace where it applies) and must never return or touch rows of another
 *       scope, even when given an id that exists elsewhere.</li>
 *   <li><b>Optimistic versions.</b> {@code insert} stores version 0 whatever the argument carries
 *       and returns the stored value; {@code update} succeeds only when the argument's
 *       {@code version} equals the stored one, stores and returns {@code version + 1}, and otherwise
 *       throws {@link io.clientworkspace.ConflictException} with reason
 *       {@link io.clientworkspace.ConflictException.Reason#STALE_VERSION}. Deleting or updating a row
 *       that does not exist is also a stale-version conflict.</li>
 *   <li><b>Unique keys.</b> Inserting a duplicate key throws a {@code ConflictException}, never a
 *       store-specific exception, and stores nothing.</li>
 *   <li><b>Atomic units of work.</b> Writes made inside {@link io.clientworkspace.spi.UnitOfWork#execute}
 *       become visible together or not at all.</li>
 *   <li><b>Bounded, stable lists.</b> List methods use keyset pagination: a strict "after" key and a
 *       limit, in a documented total order.</li>
 *   <li><b>Thread safety.</b> Every store may be called from many threads at once.</li>
 * </ul>
 */
@NullMarked
package io.clientworkspace.spi;

import org.jspecify.annotations.NullMarked;
