/**
 * Plumbing shared by the services: running an operation as one unit of work that records activity
 * and publishes events after commit, input validation, and cursors. Not API: these classes may
 * change in any release. They depend only on {@code activity} and {@code spi}, never on a feature.
 */
@NullMarked
package io.clientworkspace.internal;

import org.jspecify.annotations.NullMarked;
