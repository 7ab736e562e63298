package io.clientworkspace.file;

import io.clientworkspace.FieldError;
import io.clientworkspace.ValidationException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;
import org.jspecify.annotations.Nullable;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * Decides from the first bytes of an upload (and its name) what it really is, and whether the
 * {@link ContentPolicy} accepts it; checks zip archives entry by entry ({@link ArchiveInspector}) and legacy
 * Office documents for macros ({@link Ole2Macros}). Uses one shared Apache Tika
 * detector ({@link MimeTypes}, magic bytes and name globs), which is thread-safe.
 */
final class ContentInspector {

    /** How many leading bytes detection looks at. */
    static final int PREFIX_BYTES = 64 * 1024;

    private static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes();
    private static final MediaTypeRegistry REGISTRY = TYPES.getMediaTypeRegistry();

    private static final MediaType ZIP = MediaType.application("zip");
    private static final MediaType OLE2 = MediaType.application("x-tika-msoffice");

    /** What was learned about an upload. */
    record Inspection(String detectedType, boolean isZip, boolean isOle2) {

        /** Whether the whole upload must be read back and checked ({@link #checkWhole}) before it is accepted. */
        boolean readsWhole() {
            return isZip || isOle2;
        }
    }

    Inspection inspect(byte[] prefix, String name, ContentPolicy policy) {
        if (prefix.length == 0) {
            throw new ValidationException(FieldError.of("content", "is empty"));
        }
        // Tika reads a resource name like a URL: it drops what follows '?' or '#' and gives up on a ':'. A
        // browser saving the download replaces those characters and keeps the last extension, so judge the
        // name by that extension alone ("invoice.pdf:x.exe" and "notes.txt?.js" are an .exe and a .js).
        String extension = FileNames.extension(name);
        String typedName = extension.isEmpty() ? name : "file." + extension;
        MediaType fromBytes = detect(prefix, null);
        MediaType fromName = detect(null, typedName);
        MediaType combined = detect(prefix, typedName);
        for (MediaType type : new MediaType[] {fromBytes, fromName, combined}) {
            if (matchesAny(type, policy.blockedTypes())) {
                throw new ValidationException(FieldError.of("content", "was detected as " + type
                        + (type == fromName ? " from its name" : "") + ", which is never accepted"));
            }
        }
        if (policy.rejectMismatchedNames() && contradicts(fromName, fromBytes)) {
            throw new ValidationException(FieldError.of("name", "says " + fromName + " (." + FileNames.extension(name)
                    + ") but the content was detected as " + fromBytes));
        }
        if (!matchesAny(combined, policy.allowedTypes())) {
            throw new ValidationException(FieldError.of("content", "was detected as " + combined
                    + ", which this workspace does not accept"));
        }
        boolean zip = REGISTRY.isInstanceOf(combined, ZIP) || REGISTRY.isInstanceOf(fromBytes, ZIP);
        boolean ole2 = REGISTRY.isInstanceOf(fromBytes, OLE2) || REGISTRY.isInstanceOf(combined, OLE2);
        return new Inspection(combined.toString(), zip, ole2);
    }

    /**
     * Reads a stored upload whole and refuses what its first bytes could not tell: a zip archive is inspected
     * entry by entry ({@link ArchiveInspector}), a legacy Office file (OLE2) for macros ({@link Ole2Macros}).
     *
     * @throws ValidationException on field {@code content} naming what was refused
     */
    void checkWhole(InputStream content, Inspection inspection, ContentPolicy policy, String name) {
        if (inspection.isZip()) {
            new ArchiveInspector(this, policy).inspect(content);
        } else if (inspection.isOle2() && !policy.allowMacros()) {
            try {
                if (Ole2Macros.contains(content)) {
                    throw new ValidationException(FieldError.of("content", "is an Office document with macros ("
                            + inspection.detectedType() + " with a VBA project), which this workspace does not accept"));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the stored document back", e);
            }
        }
    }

    /** The type Tika detects from {@code bytes} alone. */
    static MediaType detectBytes(byte[] bytes) {
        return detect(bytes, null);
    }

    /** Whether Tika's registry knows {@code type} to be a kind of {@code of}. */
    static boolean isA(MediaType type, MediaType of) {
        return REGISTRY.isInstanceOf(type, of);
    }

    /** Whether the policy blocks {@code type}. */
    static boolean isBlocked(MediaType type, ContentPolicy policy) {
        return matchesAny(type, policy.blockedTypes());
    }

    /** The type Tika infers from the extension of {@code name} alone (cheap: no bytes are read). */
    static MediaType detectName(String name) {
        String extension = FileNames.extension(name);
        return extension.isEmpty() ? MediaType.OCTET_STREAM : detect(null, "file." + extension);
    }

    private static boolean contradicts(MediaType fromName, MediaType fromBytes) {
        if (fromName.equals(MediaType.OCTET_STREAM)) {
            return false; // the name says nothing
        }
        if (fromBytes.equals(MediaType.OCTET_STREAM)) {
            // Unrecognised bytes under a name of a type with a signature (pdf, png, zip...) is a lie; text
            // types have no signature.
            return !REGISTRY.isInstanceOf(fromName, MediaType.TEXT_PLAIN) && !"text".equals(fromName.getType());
        }
        return !REGISTRY.isInstanceOf(fromBytes, fromName) && !REGISTRY.isInstanceOf(fromName, fromBytes);
    }

    private static boolean matchesAny(MediaType type, Set<String> patterns) {
        for (String pattern : patterns) {
            if (pattern.endsWith("/*")) {
                if (type.getType().equals(pattern.substring(0, pattern.length() - 2))) {
                    return true;
                }
                continue;
            }
            MediaType parsed = MediaType.parse(pattern);
            // Aliases (application/x-msi, application/javascript) name the same type as Tika's canonical
            // name (application/x-ms-installer, text/javascript), which is what detection returns.
            MediaType wanted = parsed == null ? null : REGISTRY.normalize(parsed);
            if (wanted != null && (type.getBaseType().equals(wanted) || REGISTRY.isInstanceOf(type, wanted))) {
                return true;
            }
        }
        return false;
    }

    private static MediaType detect(byte @Nullable [] bytes, @Nullable String name) {
        Metadata metadata = new Metadata();
        if (name != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        }
        try (InputStream in = bytes == null ? null : new ByteArrayInputStream(bytes)) {
            return TYPES.detect(in, metadata).getBaseType();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
