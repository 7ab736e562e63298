package io.clientworkspace.file;

import io.clientworkspace.Actor;
import io.clientworkspace.internal.Changes;

/**
 * Called inside the unit of work that adds a new version to a file, so that work bound to older
 * versions (open approvals) changes atomically with it.
 */
@FunctionalInterface
public interface FileVersionHook {

    /** A version was added; {@code changes} records activity and events of the same operation. */
    void versionAdded(Actor actor, FileAsset file, FileVersion added, Changes changes);
}
