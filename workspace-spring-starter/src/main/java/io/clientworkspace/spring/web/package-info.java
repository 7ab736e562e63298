/**
 * The REST API under {@code client-workspace.rest.base-path} (default {@code /api}): workspaces, members,
 * invitations, activity and permissions. Request bodies bind to dedicated DTOs that reject unknown
 * fields; errors are RFC 9457 problem details; optimistic versions travel as ETag / If-Match.
 */
@NullMarked
package io.clientworkspace.spring.web;

import org.jspecify.annotations.NullMarked;
