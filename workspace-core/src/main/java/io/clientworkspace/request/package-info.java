/**
 * Client requests and intake forms: versioned {@link io.clientworkspace.request.FormDefinition}s made of
 * {@link io.clientworkspace.request.FormField}s, answers checked by
 * {@link io.clientworkspace.request.FormValidator} (every invalid field at once, patterns bounded), and
 * {@link io.clientworkspace.request.ClientRequest}s with their workflow.
 */
@NullMarked
package io.clientworkspace.request;

import org.jspecify.annotations.NullMarked;
