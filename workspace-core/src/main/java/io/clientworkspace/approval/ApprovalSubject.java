package io.clientworkspace.approval;

import io.clientworkspace.FileId;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** What an approval is about: an exact file version, or a deliverable that is not held as a file. */
public sealed interface ApprovalSubject {

    /**
     * An exact version of a file, bound to its content hash.
     *
     * @param fileId        the file
     * @param versionNumber the version
     * @param sha256        the version's SHA-256 at request time
     */
    record FileVersionSubject(FileId fileId, int versionNumber, String sha256) implements ApprovalSubject {
        public FileVersionSubject {
            requireNonNull(fileId, "fileId must not be null");
            requireNonNull(sha256, "sha256 must not be null");
        }
    }

    /**
     * A piece of work described in words.
     *
     * @param description what is to be approved
     * @param link        where to see it, if anywhere
     */
    record DeliverableSubject(String description, Optional<String> link) implements ApprovalSubject {
        public DeliverableSubject {
            requireNonNull(description, "description must not be null");
            requireNonNull(link, "link must not be null");
        }
    }
}
