/**
 * Signed checkpoints of the activity chains: the anchor that makes the record tamper-evident even to
 * someone who can write the database.
 *
 * <p>The hash chain of {@link io.clientworkspace.activity.ActivityChain} detects a changed entry only
 * while the hashes after it are left alone; a database writer can rewrite an entry and recompute every
 * later hash, or cut the newest entries off. {@link io.clientworkspace.checkpoint.CheckpointService}
 * therefore signs each changed workspace's chain head with an Ed25519 key the database never sees
 * ({@link io.clientworkspace.checkpoint.CheckpointKeys}) and hands the
 * {@link io.clientworkspace.checkpoint.Checkpoint} to a {@link io.clientworkspace.spi.CheckpointSink},
 * which should keep it outside that database. Verification compares the chain as it is now with
 * checkpoints signed earlier and reports any rewrite or truncation after them.
 */
@NullMarked
package io.clientworkspace.checkpoint;

import org.jspecify.annotations.NullMarked;
