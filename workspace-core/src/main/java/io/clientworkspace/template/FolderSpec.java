package io.clientworkspace.template;

import io.clientworkspace.activity.Visibility;

import static java.util.Objects.requireNonNull;

/**
 * A folder every workspace made from the template gets.
 *
 * @param path       the folder's path from the top, segments separated by {@code /}, e.g. {@code Deliverables/Final}:
 *                   1 to 10 segments, each a name the files feature keeps unchanged (no {@code .} or {@code ..},
 *                   no {@code \}, no control or direction characters, no surrounding spaces, no trailing dot, at
 *                   most 255 UTF-8 bytes); the parent path of a nested folder must be listed in the template too
 * @param visibility client-visible or internal; a client-visible folder cannot sit inside an internal one
 */
public record FolderSpec(String path, Visibility visibility) {

    public FolderSpec {
        requireNonNull(path, "path must not be null");
        requireNonNull(visibility, "visibility must not be null");
    }
}
