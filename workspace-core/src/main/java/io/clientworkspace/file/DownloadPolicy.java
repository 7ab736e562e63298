package io.clientworkspace.file;

import io.clientworkspace.Actor;

import java.util.Optional;

/**
 * Gates downloads beyond permissions, e.g. "clients only get approved versions" or "only after the
 * invoice is paid". Called after the actor's permission and the file's visibility were checked.
 * The default allows everything; {@code io.clientworkspace.approval.ApprovedVersionsOnly} ships ready to use.
 */
@FunctionalInterface
public interface DownloadPolicy {

    /** Why {@code actor} may not download this version, or empty to allow it. */
    Optional<String> refusal(Actor actor, FileAsset file, FileVersion version);

    /** Allows every download the actor's permissions allow. */
    static DownloadPolicy allowAll() {
        return (actor, file, version) -> Optional.empty();
    }
}
