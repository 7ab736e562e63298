package io.clientworkspace.file;

/** Whether a file is in use or in the trash (restorable). */
public enum FileStatus {
    ACTIVE,
    TRASHED
}
