package io.clientworkspace.file;

import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * What uploads a tenant accepts. Types are media types as Apache Tika names them; an entry
 * {@code image/*} matches every image type, and an entry matches its subtypes too (allowing
 * {@code application/zip} allows a {@code .docx}, which Tika knows to be a zip); an alias Tika knows
 * ({@code application/javascript}) matches the type under its canonical name ({@code text/javascript}).
 *
 * @param maxSize                 largest accepted upload in bytes
 * @param allowedTypes            detected types that are accepted
 * @param blockedTypes            types refused whatever the allow-list says, whether detected from the
 *                                bytes or implied by the name (executables, scripts, HTML, SVG)
 * @param rejectMismatchedNames   refuse a name whose extension contradicts the detected content
 *                                (a Windows executable named {@code invoice.pdf})
 * @param maxArchiveEntries       most entries an accepted zip archive may hold
 * @param maxArchiveExpandedSize  most bytes an accepted zip archive may expand to, counted as they are inflated
 *                                (never taken from the sizes the archive declares), nested archives included
 * @param maxExpansionRatio       most an archive, and each of its entries, may expand relative to its compressed
 *                                size (100 refuses what expands more than 100 times, as Apache POI's
 *                                {@code ZipSecureFile} does below a 1 % inflate ratio); checked once an entry, or
 *                                the archive, has expanded beyond {@link #EXPANSION_RATIO_GRACE_BYTES}
 * @param maxArchiveDepth         how deep archives may nest in an accepted upload (1: a zip may hold no zip)
 * @param allowMacros             whether to accept Office documents that carry macros (docm, xlsm, pptm, a
 *                                {@code vbaProject.bin} part, a legacy .doc or .xls with a VBA project), whatever
 *                                they are named
 */
public record ContentPolicy(long maxSize, Set<String> allowedTypes, Set<String> blockedTypes,
                            boolean rejectMismatchedNames, int maxArchiveEntries, long maxArchiveExpandedSize,
                            int maxExpansionRatio, int maxArchiveDepth, boolean allowMacros) {

    /** An entry (or archive) that expands to at most this many bytes (1 MiB) is never refused for its ratio alone. */
    public static final long EXPANSION_RATIO_GRACE_BYTES = 1024L * 1024;

    /** The default {@link #maxExpansionRatio()}: 100, Apache POI's limit. */
    public static final int DEFAULT_MAX_EXPANSION_RATIO = 100;

    /** The default {@link #maxArchiveDepth()}: 3. */
    public static final int DEFAULT_MAX_ARCHIVE_DEPTH = 3;

    /** 2 GiB. */
    public static final long DEFAULT_MAX_SIZE = 2L * 1024 * 1024 * 1024;

    private static final ContentPolicy DEFAULTS = new ContentPolicy(DEFAULT_MAX_SIZE,
            Set.of("application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp", "image/tiff", "image/bmp",
                    "image/heic", "text/plain", "text/csv", "application/rtf", "application/msword",
                    "application/vnd.ms-excel", "application/vnd.ms-powerpoint", "application/x-tika-ooxml",
                    "application/x-tika-msoffice", "application/vnd.oasis.opendocument.text",
                    "application/vnd.oasis.opendocument.spreadsheet", "application/vnd.oasis.opendocument.presentation",
                    "application/zip", "audio/mpeg", "audio/wav", "video/mp4", "video/quicktime"),
            Set.of("application/x-dosexec", "application/x-msdownload", "application/x-executable",
                    "application/x-elf", "application/x-mach-o-executable", "application/x-sharedlib",
                    "application/x-sh", "application/x-shellscript", "text/x-sh", "application/x-bat",
                    "application/x-msi", "application/java-archive", "application/java-vm", "text/javascript",
                    "application/javascript", "text/x-python", "application/x-httpd-php", "text/x-php",
                    "text/html", "application/xhtml+xml", "image/svg+xml", "application/x-ms-shortcut",
                    "application/vnd.ms-cab-compressed", "application/x-ms-installer", "text/x-vbscript",
                    "text/x-perl", "text/x-ruby", "text/x-cgi", "text/x-jsp", "text/asp", "text/aspdotnet",
                    "application/x-csh", "text/x-applescript", "multipart/related",
                    "application/vnd.android.package-archive", "application/x-dex", "application/x-mach-o",
                    "application/x-mach-o-universal", "application/x-mach-o-dylib", "application/x-mach-o-bundle"),
            true, 10_000, 1024L * 1024 * 1024, DEFAULT_MAX_EXPANSION_RATIO, DEFAULT_MAX_ARCHIVE_DEPTH, false);

    /**
     * A policy with the default expansion ratio and nesting depth that refuses macros: the constructor of the
     * policy's first six settings.
     */
    public ContentPolicy(long maxSize, Set<String> allowedTypes, Set<String> blockedTypes, boolean rejectMismatchedNames,
                         int maxArchiveEntries, long maxArchiveExpandedSize) {
        this(maxSize, allowedTypes, blockedTypes, rejectMismatchedNames, maxArchiveEntries, maxArchiveExpandedSize,
                DEFAULT_MAX_EXPANSION_RATIO, DEFAULT_MAX_ARCHIVE_DEPTH, false);
    }

    public ContentPolicy {
        if (maxSize < 1) {
            throw new IllegalArgumentException("maxSize must be positive");
        }
        allowedTypes = Set.copyOf(requireNonNull(allowedTypes, "allowedTypes must not be null"));
        blockedTypes = Set.copyOf(requireNonNull(blockedTypes, "blockedTypes must not be null"));
        if (maxArchiveEntries < 0 || maxArchiveExpandedSize < 0) {
            throw new IllegalArgumentException("archive limits must not be negative");
        }
        if (maxExpansionRatio < 1) {
            throw new IllegalArgumentException("maxExpansionRatio must be at least 1");
        }
        if (maxArchiveDepth < 1) {
            throw new IllegalArgumentException("maxArchiveDepth must be at least 1");
        }
    }

    /**
     * Safe defaults: 2 GiB; documents, images, plain text and CSV, office formats, zip archives, common
     * audio and video; never executables, scripts, HTML or SVG, whether uploaded or inside an archive;
     * names must match the content; archives up to 10,000 entries, 1 GiB expanded, expanding at most 100
     * times (each entry and the whole), nested at most 3 deep, no Java or Android packages; no Office
     * macros.
     */
    public static ContentPolicy defaults() {
        return DEFAULTS;
    }

    /** A copy with another size limit. */
    public ContentPolicy withMaxSize(long bytes) {
        return new ContentPolicy(bytes, allowedTypes, blockedTypes, rejectMismatchedNames, maxArchiveEntries,
                maxArchiveExpandedSize, maxExpansionRatio, maxArchiveDepth, allowMacros);
    }

    /** A copy with other allowed types. */
    public ContentPolicy withAllowedTypes(Set<String> types) {
        return new ContentPolicy(maxSize, types, blockedTypes, rejectMismatchedNames, maxArchiveEntries,
                maxArchiveExpandedSize, maxExpansionRatio, maxArchiveDepth, allowMacros);
    }

    /** A copy with other archive limits. */
    public ContentPolicy withArchiveLimits(int entries, long expandedBytes) {
        return new ContentPolicy(maxSize, allowedTypes, blockedTypes, rejectMismatchedNames, entries, expandedBytes,
                maxExpansionRatio, maxArchiveDepth, allowMacros);
    }

    /** A copy with another {@link #maxExpansionRatio()}. */
    public ContentPolicy withMaxExpansionRatio(int ratio) {
        return new ContentPolicy(maxSize, allowedTypes, blockedTypes, rejectMismatchedNames, maxArchiveEntries,
                maxArchiveExpandedSize, ratio, maxArchiveDepth, allowMacros);
    }

    /** A copy with another {@link #maxArchiveDepth()}. */
    public ContentPolicy withMaxArchiveDepth(int depth) {
        return new ContentPolicy(maxSize, allowedTypes, blockedTypes, rejectMismatchedNames, maxArchiveEntries,
                maxArchiveExpandedSize, maxExpansionRatio, depth, allowMacros);
    }

    /** A copy that accepts, or refuses, Office documents with macros. */
    public ContentPolicy withMacrosAllowed(boolean allowed) {
        return new ContentPolicy(maxSize, allowedTypes, blockedTypes, rejectMismatchedNames, maxArchiveEntries,
                maxArchiveExpandedSize, maxExpansionRatio, maxArchiveDepth, allowed);
    }
}
