package io.clientworkspace.benchmarks;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method that a state's {@code @Setup} method calls first and that sets the state's fields (NullAway
 * treats any annotation named {@code Initializer} so, and then does not report those fields as uninitialized).
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
@interface Initializer {
}
