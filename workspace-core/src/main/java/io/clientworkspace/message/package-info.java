/**
 * Conversations: one General conversation per workspace, named topics and one conversation per item
 * (file, approval, request); client-visible messages and team-only internal notes, edits with history,
 * tombstone deletes, mentions, read markers and unread counts. Clients never learn anything about
 * internal notes or team conversations: every list, page, cursor and count they see is the same whether
 * or not those exist.
 */
@NullMarked
package io.clientworkspace.message;

import org.jspecify.annotations.NullMarked;
