/**
 * The bridge from Spring Security to the kit: who is the {@link io.clientworkspace.Actor} of the
 * current request.
 */
@NullMarked
package io.clientworkspace.spring.security;

import org.jspecify.annotations.NullMarked;
