/**
 * The auto-configurations, listed in
 * {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}. Every
 * bean backs off when the host declares its own.
 */
@NullMarked
package io.clientworkspace.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
