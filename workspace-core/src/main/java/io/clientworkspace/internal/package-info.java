/**
 * Plumbing shared by the services: running an operation as one unit of work that records activity
 * and publishes events after commit, input validation, and cursors. Not API: these classes may
 * change in any release. They depend only on {@code activity} and {@code spi}, never on a feature;
 * except the wiring: {@link io.clientworkspace.internal.Features} (the one list of the core's features),
 * {@link io.clientworkspace.internal.FeatureContext} and {@link io.clientworkspace.internal.KitSettings}.
 */
@NullMarked
package io.clientworkspace.internal;

import org.jspecify.annotations.NullMarked;
