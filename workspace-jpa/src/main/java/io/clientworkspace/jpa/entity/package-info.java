/**
 * The JPA entities behind the stores: mutable mapping classes, separate from the immutable domain
 * records, mapped both ways by the stores. Every table's primary key starts with the tenant id, so
 * that no row can be loaded by a bare id. Register these classes with your persistence unit (see
 * {@link io.clientworkspace.jpa.JpaStores#ENTITY_CLASSES}); do not use them from application code.
 */
@NullMarked
package io.clientworkspace.jpa.entity;

import org.jspecify.annotations.NullMarked;
