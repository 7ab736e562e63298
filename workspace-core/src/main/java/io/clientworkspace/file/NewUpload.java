package io.clientworkspace.file;

import io.clientworkspace.FolderId;
import io.clientworkspace.activity.Visibility;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What an upload says about itself (the bytes come separately, as a stream).
 *
 * @param name         the file name as the user gave it; sanitized by {@link FileNames}
 * @param declaredType the media type the client declared, kept for the record only (untrusted)
 * @param folder       where to put it; the top level when empty
 * @param visibility   client-visible or internal
 */
public record NewUpload(String name, String declaredType, Optional<FolderId> folder, Visibility visibility) {

    public NewUpload {
        requireNonNull(name, "name must not be null");
        requireNonNull(declaredType, "declaredType must not be null");
        requireNonNull(folder, "folder must not be null");
        requireNonNull(visibility, "visibility must not be null");
    }

    /** A client-visible upload at the top level. */
    public static NewUpload of(String name, String declaredType) {
        return new NewUpload(name, declaredType, Optional.empty(), Visibility.CLIENT);
    }

    /** A copy in a folder. */
    public NewUpload in(FolderId folderId) {
        return new NewUpload(name, declaredType, Optional.of(folderId), visibility);
    }

    /** A copy that only the team sees. */
    public NewUpload internal() {
        return new NewUpload(name, declaredType, folder, Visibility.TEAM);
    }
}
