package io.clientworkspace.file;

import io.clientworkspace.Actor;
import io.clientworkspace.internal.Changes;

/**
 * Called inside the unit of work that changes who sees a file or purges it, so that work bound to the
 * file (open approvals) changes atomically with it: if the hook throws, the whole operation changes
 * nothing.
 */
public interface FileLifecycleHook {

    /** The file's visibility changed from {@code before} to {@code after}. */
    default void visibilityChanged(Actor actor, FileAsset before, FileAsset after, Changes changes) {
    }

    /** The (trashed) file is about to be purged; its rows still exist when this runs. */
    default void purging(Actor actor, FileAsset file, Changes changes) {
    }
}
