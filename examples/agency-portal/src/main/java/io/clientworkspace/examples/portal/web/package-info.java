/**
 * The portal's web pages and their controllers. Nothing in it is null unless marked {@code @Nullable}.
 */
@NullMarked
package io.clientworkspace.examples.portal.web;

import org.jspecify.annotations.NullMarked;
