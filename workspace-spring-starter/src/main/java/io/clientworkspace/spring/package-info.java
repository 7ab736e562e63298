/**
 * Spring Boot integration of Client Workspace Kit: properties, Spring-managed JPA transactions, the
 * Spring Security bridge ({@link io.clientworkspace.spring.security.ActorResolver}) and Spring
 * application events. The auto-configurations live in {@code io.clientworkspace.spring.autoconfigure},
 * the REST API in {@code io.clientworkspace.spring.web}.
 */
@NullMarked
package io.clientworkspace.spring;

import org.jspecify.annotations.NullMarked;
