package io.clientworkspace.file;

import io.clientworkspace.FieldError;
import io.clientworkspace.ValidationException;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * Makes user-supplied file and folder names safe to store and to hand back in a download:
 * <ul>
 *   <li>only the last path segment is kept ({@code ../../etc/passwd} becomes {@code passwd},
 *       {@code C:\x\y.pdf} becomes {@code y.pdf});</li>
 *   <li>control characters (NUL included) and bidirectional overrides and isolates are removed, so a
 *       name cannot disguise its extension ({@code invoice}, a right-to-left override U+202E, {@code fdp.exe});</li>
 *   <li>Unicode is normalized to NFC; leading/trailing spaces and trailing dots are trimmed;</li>
 *   <li>Windows device names ({@code CON}, {@code NUL}, {@code COM1}...) get an underscore in front;</li>
 *   <li>the result is cut to at most 255 UTF-8 bytes, keeping the extension.</li>
 * </ul>
 * A name that is empty after this, or is {@code .} or {@code ..}, is refused.
 */
final class FileNames {

    /** The longest stored name, in UTF-8 bytes. */
    public static final int MAX_BYTES = 255;

    private static final Set<String> DEVICE_NAMES = Set.of("CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4",
            "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

    private FileNames() {
    }

    /** The safe form of {@code raw}, or a {@link ValidationException} on {@code field}. */
    public static String sanitize(String field, String raw) {
        if (raw == null) {
            throw new ValidationException(FieldError.of(field, "must not be null"));
        }
        if (raw.length() > 4096) {
            throw new ValidationException(FieldError.of(field, "is far too long to be a file name"));
        }
        String name = raw;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        if (slash >= 0) {
            name = name.substring(slash + 1);
        }
        StringBuilder clean = new StringBuilder(name.length());
        name.codePoints().filter(cp -> !isUnsafe(cp)).forEach(clean::appendCodePoint);
        name = Normalizer.normalize(clean.toString(), Normalizer.Form.NFC).strip();
        while (name.endsWith(".") && !name.equals(".") && !name.equals("..")) {
            name = name.substring(0, name.length() - 1).strip();
        }
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw new ValidationException(FieldError.of(field, "is not a usable file name"));
        }
        String base = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        if (DEVICE_NAMES.contains(base.toUpperCase(Locale.ROOT))) {
            name = "_" + name;
        }
        return truncate(name);
    }

    /** The extension (lower case, without the dot), or empty. */
    public static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static boolean isUnsafe(int cp) {
        return Character.isISOControl(cp)
                || (cp >= 0x202A && cp <= 0x202E) // bidi embeddings and overrides
                || (cp >= 0x2066 && cp <= 0x2069) // bidi isolates
                || cp == 0x200E || cp == 0x200F || cp == 0x061C // directional marks
                || cp == 0xFEFF || cp == 0x200B; // BOM, zero-width space
    }

    private static String truncate(String name) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
            return name;
        }
        String ext = extension(name);
        String suffix = ext.isEmpty() || ext.length() > 16 ? "" : "." + ext;
        String base = suffix.isEmpty() ? name : name.substring(0, name.length() - suffix.length());
        int budget = MAX_BYTES - suffix.getBytes(StandardCharsets.UTF_8).length;
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < base.length(); ) {
            int cp = base.codePointAt(i);
            int bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + bytes > budget) {
                break;
            }
            out.appendCodePoint(cp);
            used += bytes;
            i += Character.charCount(cp);
        }
        return out.toString().strip() + suffix;
    }
}
