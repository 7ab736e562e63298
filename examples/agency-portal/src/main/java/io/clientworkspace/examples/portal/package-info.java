/**
 * The agency portal: a runnable host application of the kit. Nothing in it is null unless marked {@code @Nullable}.
 */
@NullMarked
package io.clientworkspace.examples.portal;

import org.jspecify.annotations.NullMarked;
