/**
 * The benchmark suite: JMH benchmarks of the kit against alternatives (jCasbin, plain JPA lookups,
 * {@code cp}, bare JDBC inserts), the data sets they run on, and {@link io.clientworkspace.benchmarks.RunAll},
 * which runs them all and writes {@code benchmarks/RESULTS.md}. Not published; not part of the API.
 *
 * <p>JMH state classes are filled in their {@code @Setup} methods, not their constructors.
 */
@NullMarked
package io.clientworkspace.benchmarks;

import org.jspecify.annotations.NullMarked;
