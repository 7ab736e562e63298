/**
 * In-memory implementations of every store SPI, for development, tests and demos. Data is lost when
 * the JVM stops.
 *
 * <p>All stores created by one {@link io.clientworkspace.memory.InMemoryStores#create()} share one
 * {@link io.clientworkspace.memory.InMemoryTransactions}: units of work run one at a time under its
 * write lock and undo every write they made when they fail, so a failed operation leaves the stores
 * exactly as they were. Reads take the read lock, so they never see a unit of work half done.
 */
@NullMarked
package io.clientworkspace.memory;

import org.jspecify.annotations.NullMarked;
