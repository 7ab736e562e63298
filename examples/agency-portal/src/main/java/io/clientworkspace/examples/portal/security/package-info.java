/**
 * The portal's sign-in and the bridge from its users to the kit's actors. Nothing in it is null unless marked {@code @Nullable}.
 */
@NullMarked
package io.clientworkspace.examples.portal.security;

import org.jspecify.annotations.NullMarked;
