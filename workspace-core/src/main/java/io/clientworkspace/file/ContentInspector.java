package io.clientworkspace.file;

import io.clientworkspace.FieldError;
import io.clientworkspace.ValidationException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Decides from the first bytes of an upload (and its name) what it really is, and whether the
 * {@link ContentPolicy} accepts it; checks zip archives entry by entry. Uses one shared Apache Tika
 * detector ({@link MimeTypes}, magic bytes and name globs), which is thread-safe.
 */
final class ContentInspector {

    /** How many leading bytes detection looks at. */
    static final int PREFIX_BYTES = 64 * 1024;

    private static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes();
    private static final MediaTypeRegistry REGISTRY = TYPES.getMediaTypeRegistry();

    /** What was learned about an upload. */
    record Inspection(String detectedType, boolean isZip) {
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
        boolean zip = REGISTRY.isInstanceOf(combined, MediaType.application("zip"));
        return new Inspection(combined.toString(), zip);
    }

    /**
     * Reads a zip archive entry by entry, inflating as it goes but never further than the limits, and
     * refuses too many entries, too many expanded bytes, and entry names that escape (zip-slip).
     */
    void checkArchive(InputStream zip, ContentPolicy policy) {
        long expanded = 0;
        int entries = 0;
        byte[] buffer = new byte[16 * 1024];
        try (ZipInputStream in = new ZipInputStream(zip)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries++;
                if (entries > policy.maxArchiveEntries()) {
                    throw new ValidationException(FieldError.of("content", "is an archive with more than "
                            + policy.maxArchiveEntries() + " entries"));
                }
                String entryName = entry.getName().replace('\\', '/');
                if (entryName.startsWith("/") || entryName.matches("^[A-Za-z]:.*") || ("/" + entryName + "/").contains("/../")) {
                    throw new ValidationException(FieldError.of("content", "is an archive with an entry that escapes"
                            + " its folder: " + entryName.replaceAll("\\p{Cntrl}", "?")));
                }
                int n;
                while ((n = in.read(buffer)) != -1) {
                    expanded += n;
                    if (expanded > policy.maxArchiveExpandedSize()) {
                        throw new ValidationException(FieldError.of("content", "is an archive that expands to more than "
                                + policy.maxArchiveExpandedSize() + " bytes"));
                    }
                }
            }
        } catch (ZipException | EOFException e) {
            // EOFException: the inflater ran out of input, i.e. a truncated archive, not a failing disk.
            throw new ValidationException(FieldError.of("content", "is a damaged zip archive"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the stored archive back", e);
        }
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

    private static MediaType detect(byte[] bytes, String name) {
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
