/**
 * Reply by e-mail: per recipient and conversation, a secret reply token the host puts in the
 * {@code Reply-To} address of its notification e-mails, and the inbound side that turns a reply e-mail
 * into a message of that conversation, posted as that recipient through the normal post path after the
 * token was checked (single recipient, expiring, revocable) and the quoted history and signature were
 * stripped. Tokens are stored only as SHA-256 hashes.
 */
@NullMarked
package io.clientworkspace.message.reply;

import org.jspecify.annotations.NullMarked;
