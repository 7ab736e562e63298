/**
 * Folders and files with versions, streamed through content checks into a
 * {@link io.clientworkspace.spi.BlobStore}: folders ({@link io.clientworkspace.file.FolderService}),
 * files and versions ({@link io.clientworkspace.file.FileService}), downloads and their log
 * ({@link io.clientworkspace.file.DownloadService}) and the orphan sweep
 * ({@link io.clientworkspace.file.FileMaintenance}), each immutable once the kit has built it.
 *
 * <p>Every upload is inspected on the way through: its size is capped, its SHA-256 computed, its real
 * media type detected from the bytes with Apache Tika, and the tenant's
 * {@link io.clientworkspace.file.ContentPolicy} applied (allowed and blocked types, a name whose
 * extension contradicts the content, archives with too many or too large entries). File names are
 * sanitized by {@link io.clientworkspace.file.FileNames}. Folders and files are either client-visible or
 * internal; clients never see internal items anywhere.
 */
@NullMarked
package io.clientworkspace.file;

import org.jspecify.annotations.NullMarked;
