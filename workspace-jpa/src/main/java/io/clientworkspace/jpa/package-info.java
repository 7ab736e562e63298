/**
 * The store SPIs on Jakarta Persistence 3.2 and Hibernate ORM, for H2 and PostgreSQL.
 *
 * <p>Start at {@link io.clientworkspace.jpa.JpaStores}. The schema ships as Flyway-format migrations
 * under {@value io.clientworkspace.jpa.JpaStores#MIGRATIONS_POSTGRESQL} and
 * {@value io.clientworkspace.jpa.JpaStores#MIGRATIONS_H2}.
 */
@NullMarked
package io.clientworkspace.jpa;

import org.jspecify.annotations.NullMarked;
