package io.clientworkspace.file;

import io.clientworkspace.FieldError;
import io.clientworkspace.ValidationException;
import org.apache.tika.mime.MediaType;
import org.jspecify.annotations.Nullable;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inspects a zip archive in one streaming pass, entry by entry, from its local headers and its central
 * directory, and refuses it with a {@link ValidationException} on field {@code content} naming the entry.
 *
 * <p>Reading the archive front to back sees every local header with its data and then the central directory,
 * so both are checked without holding the archive (one 64 KiB buffer and the inflater's window per nesting
 * level) and without trusting either: an archive is refused when
 * <ul>
 *   <li>the central directory and the local headers disagree on an entry (name, method, flags, sizes, CRC,
 *       offset, count), since two unzip tools would then extract different files;</li>
 *   <li>an entry's name is empty, absolute, a drive path, contains {@code ..} segments, a backslash or a NUL, is a
 *       duplicate, or its Info-ZIP Unicode path differs from it; an entry is a symbolic link;</li>
 *   <li>an entry is encrypted or compressed by a method other than stored and deflate;</li>
 *   <li>an entry's own bytes or name are of a type the policy blocks (Tika detection of its first 64 KiB and
 *       its extension), it is Java or Android code ({@code .class}, {@code .dex}, {@code AndroidManifest.xml}),
 *       or an Office part that carries macros ({@code vbaProject.bin}, macro-enabled content types in
 *       {@code [Content_Types].xml}, an OLE2 part with a VBA project) unless the policy allows macros;</li>
 *   <li>it holds more entries, or expands to more bytes, than the policy allows, or an entry or the archive
 *       expands more than {@link ContentPolicy#maxExpansionRatio()} times (counted from the bytes actually
 *       inflated, never from declared sizes);</li>
 *   <li>it nests archives deeper than {@link ContentPolicy#maxArchiveDepth()}; nested archives are inspected
 *       the same way as they stream out of their parent;</li>
 *   <li>it is damaged: truncated, CRCs that do not match, or bytes after its end.</li>
 * </ul>
 * One instance inspects one upload; entries and expanded bytes are counted across all nesting levels.
 */
final class ArchiveInspector {

    private static final int LOCAL = 0x04034b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int DESCRIPTOR = 0x08074b50;
    private static final int END = 0x06054b50;
    private static final int ZIP64_END = 0x06064b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final long U32 = 0xFFFFFFFFL;
    /** Most bytes of {@code [Content_Types].xml} read to look for macro-enabled content types. */
    private static final int CONTENT_TYPES_LIMIT = 1024 * 1024;
    private static final MediaType ZIP = MediaType.application("zip");
    private static final MediaType OLE2 = MediaType.application("x-tika-msoffice");
    private static final MediaType SVG = MediaType.image("svg+xml");
    /**
     * Archive formats other than zip, which this inspector cannot look into: refused as entries, so that an
     * executable cannot hide one level down (a zip holding a .7z holding an .exe).
     */
    private static final Set<MediaType> OPAQUE_ARCHIVES = Set.of(MediaType.application("gzip"),
            MediaType.application("x-gzip"), MediaType.application("x-tar"), MediaType.application("x-gtar"),
            MediaType.application("x-7z-compressed"), MediaType.application("x-rar-compressed"),
            MediaType.application("vnd.rar"), MediaType.application("x-bzip"), MediaType.application("x-bzip2"),
            MediaType.application("x-xz"), MediaType.application("zstd"), MediaType.application("x-lzma"),
            MediaType.application("x-lzip"), MediaType.application("x-compress"), MediaType.application("x-archive"),
            MediaType.application("x-cpio"), MediaType.application("x-iso9660-image"), MediaType.application("x-apple-diskimage"),
            MediaType.application("vnd.ms-cab-compressed"), MediaType.application("x-arj"), MediaType.application("x-lha"),
            MediaType.application("x-lzh-compressed"), MediaType.application("x-xar"));

    private final ContentInspector types;
    private final ContentPolicy policy;
    private long entries;
    private long expanded;

    ArchiveInspector(ContentInspector types, ContentPolicy policy) {
        this.types = types;
        this.policy = policy;
    }

    /** Inspects the archive {@code zip} to its end; the caller closes it. */
    void inspect(InputStream zip) {
        try {
            archive(zip, "", 1);
        } catch (EOFException e) {
            throw refused("is a damaged zip archive: it ends early");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the stored archive back", e);
        }
    }

    /** One local entry as read, to compare with its central directory record. */
    private record Local(long offset, byte[] name, int flags, int method, long crc, long compressed, long size) {
    }

    private void archive(InputStream in, String path, int depth) throws IOException {
        Reader r = new Reader(in);
        List<Local> locals = new ArrayList<>();
        Set<String> names = new HashSet<>();
        boolean officePackage = false;
        long levelExpanded = 0;
        int sig = r.u32();
        while (sig == LOCAL) {
            long offset = r.offset - 4;
            byte[] h = r.bytes(26);
            int flags = u16(h, 2);
            int method = u16(h, 4);
            long crc = u32(h, 10);
            long compressed = u32(h, 14);
            long size = u32(h, 18);
            byte[] rawName = r.bytes(u16(h, 22));
            byte[] extra = r.bytes(u16(h, 24));
            String name = name(rawName, path);
            String shown = path + name;
            if (++entries > policy.maxArchiveEntries()) {
                throw refused("is an archive with more than " + policy.maxArchiveEntries() + " entries");
            }
            checkName(rawName, name, extra, shown);
            if (!names.add(name)) {
                throw refused("is an archive that holds the entry " + shown + " twice");
            }
            if ((flags & 0x41) != 0 || method == 99) {
                throw refused("is an archive with an encrypted entry: " + shown);
            }
            if (method != 0 && method != 8) {
                throw refused("is an archive whose entry " + shown + " uses compression method " + method
                        + ", which is not supported (only stored and deflate)");
            }
            boolean descriptor = (flags & 0x08) != 0;
            boolean zip64 = compressed == U32 || size == U32;
            if (zip64) {
                long[] sizes = zip64(extra, size == U32, compressed == U32, false, shown);
                size = size == U32 ? sizes[0] : size;
                compressed = compressed == U32 ? sizes[1] : compressed;
            }
            if (method == 0 && descriptor) {
                throw refused("is a damaged zip archive: the stored entry " + shown + " has no size in its header");
            }
            Entry entry = new Entry(r, method, descriptor ? -1 : compressed, shown);
            try {
                inspectEntry(entry, name, shown, depth, officePackage);
                entry.finish();
            } finally {
                entry.close();
            }
            if (name.equals("[Content_Types].xml") || name.equals("mimetype")) {
                officePackage = true;
            }
            levelExpanded += entry.produced;
            if (descriptor) {
                byte[] d = r.bytes(4);
                int at = u32(d, 0) == DESCRIPTOR ? 4 : 0;
                if (at == 4) {
                    d = r.bytes(4);
                }
                crc = u32(d, 0);
                byte[] sizes = r.bytes(zip64 ? 16 : 8);
                compressed = zip64 ? u64(sizes, 0) : u32(sizes, 0);
                size = zip64 ? u64(sizes, 8) : u32(sizes, 4);
            }
            if (entry.crc.getValue() != crc || entry.consumed != compressed || entry.produced != size) {
                throw refused("is a damaged zip archive: the entry " + shown + " does not match its header");
            }
            if (name.endsWith("/") && size != 0) {
                throw refused("is an archive whose folder entry " + shown + " has content");
            }
            locals.add(new Local(offset, rawName, flags & ~0x08, method, crc, compressed, size));
            checkRatio(levelExpanded, r.offset, level(path));
            sig = r.u32();
        }
        long centralStart = r.offset - 4;
        int index = 0;
        while (sig == CENTRAL) {
            byte[] h = r.bytes(42);
            int flags = u16(h, 4);
            int method = u16(h, 6);
            long crc = u32(h, 12);
            long compressed = u32(h, 16);
            long size = u32(h, 20);
            byte[] rawName = r.bytes(u16(h, 24));
            byte[] extra = r.bytes(u16(h, 26));
            r.skip(u16(h, 28));
            long offset = u32(h, 38);
            if (size == U32 || compressed == U32 || offset == U32) {
                long[] big = zip64(extra, size == U32, compressed == U32, offset == U32, path + "?");
                size = size == U32 ? big[0] : size;
                compressed = compressed == U32 ? big[1] : compressed;
                offset = offset == U32 ? big[2] : offset;
            }
            if (index >= locals.size()) {
                throw refused("is an archive whose central directory lists an entry that is not in the archive: "
                        + path + name(rawName, path));
            }
            Local local = locals.get(index++);
            if (!Arrays.equals(local.name(), rawName) || local.method() != method || local.flags() != (flags & ~0x08)
                    || local.crc() != crc || local.compressed() != compressed || local.size() != size
                    || local.offset() != offset) {
                throw refused("is an archive whose central directory and local header disagree on the entry "
                        + path + name(local.name(), path) + (Arrays.equals(local.name(), rawName) ? ""
                        : " (the central directory calls it " + path + name(rawName, path) + ")"));
            }
            // The central directory is what most unzip tools extract from: check its own Unicode path, and refuse
            // symbolic links (Unix mode in the external attributes), which would let a later entry write outside.
            checkName(rawName, name(rawName, path), extra, path + name(rawName, path));
            if ((h[1] & 0xFF) == 3 && ((u32(h, 34) >>> 16) & 0xF000) == 0xA000) {
                throw refused("is an archive with a symbolic link entry: " + printable(path + name(rawName, path)));
            }
            sig = r.u32();
        }
        if (index != locals.size()) {
            throw refused("is an archive whose central directory leaves out the entry "
                    + path + name(locals.get(index).name(), path));
        }
        if (sig == ZIP64_END) {
            r.skip(r.u64());
            sig = r.u32();
            if (sig == ZIP64_LOCATOR) {
                r.skip(16);
                sig = r.u32();
            }
        }
        if (sig != END) {
            throw refused("is a damaged zip archive" + (path.isEmpty() ? "" : ": " + path.substring(0, path.length() - 2)));
        }
        byte[] end = r.bytes(18);
        int count = u16(end, 6);
        long centralOffset = u32(end, 12);
        if ((count != 0xFFFF && count != locals.size()) || (centralOffset != U32 && centralOffset != centralStart)) {
            throw refused("is an archive whose end record disagrees with its central directory");
        }
        r.skip(u16(end, 16));
        if (r.read() != -1) {
            throw refused("is an archive with data after its end" + (path.isEmpty() ? "" : ": "
                    + path.substring(0, path.length() - 2)));
        }
        checkRatio(levelExpanded, r.offset, level(path));
    }

    private void inspectEntry(Entry entry, String name, String shown, int depth, boolean officePackage)
            throws IOException {
        String last = name.substring(name.lastIndexOf('/', name.length() - 2) + 1);
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".class") || lower.endsWith(".dex") || lower.equals("androidmanifest.xml")) {
            throw refused("is a Java or Android package (entry " + shown + "), which is never accepted");
        }
        if (!policy.allowMacros() && (lower.endsWith("vbaproject.bin") || lower.endsWith("vbaprojectsignature.bin"))) {
            throw refused("is an Office document with macros (entry " + shown + "), which this workspace does not accept");
        }
        // OpenDocument keeps StarBasic macros under Basic/ and other script languages under Scripts/.
        if (!policy.allowMacros() && officePackage && (lower.startsWith("basic/") || lower.startsWith("scripts/"))) {
            throw refused("is an OpenDocument file with macros (entry " + shown + "), which this workspace does not accept");
        }
        byte[] prefix = entry.readNBytes(ContentInspector.PREFIX_BYTES);
        if (name.endsWith("/")) {
            return;
        }
        // One detection from the bytes per entry (Tika's magic scan costs about a millisecond, whatever the length),
        // one from the name (a cheap glob lookup).
        MediaType type = prefix.length == 0 ? MediaType.OCTET_STREAM : ContentInspector.detectBytes(prefix);
        MediaType fromName = ContentInspector.detectName(last);
        for (MediaType candidate : new MediaType[] {type, fromName}) {
            if (OPAQUE_ARCHIVES.contains(candidate.getBaseType())) {
                throw refused("is an archive whose entry " + shown + " is another kind of archive (" + candidate.getBaseType()
                        + (candidate == fromName && candidate != type ? ", from its name" : "")
                        + ") that cannot be inspected; only zip archives may be nested");
            }
            if (ContentInspector.isBlocked(candidate, policy) && !(officePackage && candidate.equals(SVG))) {
                throw refused("is an archive whose entry " + shown + " was detected as " + candidate
                        + (candidate == fromName && candidate != type ? " from its name" : "") + ", which is never accepted");
            }
        }
        if (name.equals("[Content_Types].xml") && !policy.allowMacros()) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.writeBytes(prefix);
            all.writeBytes(entry.readNBytes(CONTENT_TYPES_LIMIT - prefix.length));
            // A binary workbook (.xlsb) names its main part "sheet.binary.macroEnabled" with or without macros; its
            // macros show as a vbaProject part, which the other markers and the entry names catch.
            String xml = all.toString(StandardCharsets.UTF_8).toLowerCase(Locale.ROOT)
                    .replace("sheet.binary.macroenabled.main", "sheet.binary.main");
            for (String marker : new String[] {"macroenabled", "vnd.ms-office.vbaproject", "macrosheet"}) {
                if (xml.contains(marker)) {
                    throw refused("is an Office document with macros (" + shown + " declares "
                            + (marker.equals("macroenabled") ? "a macro-enabled" : "a " + marker)
                            + " content type), which this workspace does not accept");
                }
            }
            return;
        }
        InputStream whole = new SequenceInputStream(new ByteArrayInputStream(prefix), entry);
        if (ContentInspector.isA(type, ZIP)) {
            if (depth >= policy.maxArchiveDepth()) {
                throw refused("is an archive that nests archives deeper than " + policy.maxArchiveDepth()
                        + " (entry " + shown + ")");
            }
            archive(whole, shown + "!/", depth + 1);
        } else if (ContentInspector.isA(type, OLE2) && !policy.allowMacros() && Ole2Macros.contains(whole)) {
            throw refused("is an archive whose entry " + shown + " is an Office document with macros ("
                    + type + " with a VBA project), which this workspace does not accept");
        }
    }

    private static String level(String path) {
        return path.isEmpty() ? "is an archive that" : "is an archive whose nested archive " + path.substring(0, path.length() - 2);
    }

    /** Refuses, as {@code subject} ("is an archive that", "... whose entry x"), what expands too much. */
    private void checkRatio(long produced, long compressed, String subject) {
        if (produced > ContentPolicy.EXPANSION_RATIO_GRACE_BYTES
                && produced > (double) policy.maxExpansionRatio() * Math.max(1, compressed)) {
            throw refused(subject + " expands more than " + policy.maxExpansionRatio() + " times its compressed size");
        }
    }

    private void checkName(byte[] raw, String name, byte[] extra, String shown) {
        String slashed = name.replace('\\', '/');
        if (name.isEmpty()) {
            throw refused("is an archive with an entry without a name");
        }
        if (slashed.startsWith("/") || slashed.matches("^[A-Za-z]:.*") || ("/" + slashed + "/").contains("/../")) {
            throw refused("is an archive with an entry that escapes its folder: " + printable(slashed));
        }
        for (byte b : raw) {
            if (b == 0) {
                throw refused("is an archive with an entry whose name contains NUL: " + printable(shown));
            }
            if (b == '\\') {
                throw refused("is an archive with an entry whose name contains a backslash: " + printable(shown));
            }
        }
        if (("/" + slashed + "/").contains("/./") || slashed.contains("//")) {
            throw refused("is an archive with an entry whose name has empty or '.' segments: " + printable(shown));
        }
        // Info-ZIP Unicode Path (0x7075): some tools extract under this name instead of the header's.
        for (int i = 0; i + 4 <= extra.length; ) {
            int id = u16(extra, i);
            int len = u16(extra, i + 2);
            if (i + 4 + len > extra.length) {
                break;
            }
            if (id == 0x7075 && len >= 5) {
                String unicode = new String(extra, i + 9, len - 5, StandardCharsets.UTF_8);
                if (!unicode.equals(name)) {
                    throw refused("is an archive whose entry " + printable(shown) + " carries another name ("
                            + printable(unicode) + ") for some unzip tools");
                }
            }
            i += 4 + len;
        }
    }

    /** The uncompressed size, compressed size and offset from a Zip64 extra field, in the order present. */
    private long[] zip64(byte[] extra, boolean size, boolean compressed, boolean offset, String shown) {
        for (int i = 0; i + 4 <= extra.length; ) {
            int id = u16(extra, i);
            int len = u16(extra, i + 2);
            if (id == 0x0001) {
                long[] values = new long[3];
                int at = i + 4;
                boolean[] present = {size, compressed, offset};
                for (int k = 0; k < 3; k++) {
                    if (present[k]) {
                        if (at + 8 > i + 4 + len || at + 8 > extra.length) {
                            throw refused("is a damaged zip archive: bad Zip64 sizes for " + shown);
                        }
                        values[k] = u64(extra, at);
                        at += 8;
                    }
                }
                return values;
            }
            i += 4 + len;
        }
        throw refused("is a damaged zip archive: the entry " + shown + " has no Zip64 sizes");
    }

    private static String name(byte[] raw, String path) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            return new String(raw, StandardCharsets.ISO_8859_1);
        }
    }

    private static String printable(String name) {
        return name.replaceAll("\\p{Cntrl}", "?");
    }

    private static ValidationException refused(String message) {
        return new ValidationException(FieldError.of("content", message));
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int at) {
        return u16(b, at) | (long) u16(b, at + 2) << 16;
    }

    private static long u64(byte[] b, int at) {
        return u32(b, at) | u32(b, at + 4) << 32;
    }

    /** The archive's bytes through one buffer, counting the offset. */
    private static final class Reader {
        private final InputStream in;
        final byte[] buf = new byte[64 * 1024];
        int pos;
        int lim;
        /** The archive offset of {@code buf[pos]}. */
        long offset;

        Reader(InputStream in) {
            this.in = in;
        }

        /** Makes at least one byte available; false at the end of the archive. */
        boolean fill() throws IOException {
            if (pos < lim) {
                return true;
            }
            int n = in.read(buf, 0, buf.length);
            while (n == 0) {
                n = in.read(buf, 0, buf.length);
            }
            if (n < 0) {
                pos = lim = 0;
                return false;
            }
            pos = 0;
            lim = n;
            return true;
        }

        int read() throws IOException {
            if (!fill()) {
                return -1;
            }
            offset++;
            return buf[pos++] & 0xFF;
        }

        byte[] bytes(int n) throws IOException {
            byte[] out = new byte[n];
            int at = 0;
            while (at < n) {
                if (!fill()) {
                    throw new EOFException();
                }
                int k = Math.min(n - at, lim - pos);
                System.arraycopy(buf, pos, out, at, k);
                pos += k;
                offset += k;
                at += k;
            }
            return out;
        }

        int u32() throws IOException {
            return (int) ArchiveInspector.u32(bytes(4), 0);
        }

        long u64() throws IOException {
            return ArchiveInspector.u64(bytes(8), 0);
        }

        void skip(long n) throws IOException {
            while (n > 0) {
                if (!fill()) {
                    throw new EOFException();
                }
                int k = (int) Math.min(n, lim - pos);
                pos += k;
                offset += k;
                n -= k;
            }
        }
    }

    /**
     * The inflated bytes of one entry, read from the archive's reader; counts what it consumes and produces and
     * refuses as soon as a limit is passed.
     */
    private final class Entry extends InputStream {
        private final Reader r;
        private final @Nullable Inflater inflater;
        /** Compressed bytes this entry has, or -1 when unknown (a data descriptor follows the data). */
        private final long compressedSize;
        private final String shown;
        final CRC32 crc = new CRC32();
        long consumed;
        long produced;
        private boolean done;

        Entry(Reader r, int method, long compressedSize, String shown) {
            this.r = r;
            this.inflater = method == 8 ? new Inflater(true) : null;
            this.compressedSize = compressedSize;
            this.shown = shown;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n == -1 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (done) {
                return -1;
            }
            int n = inflater == null ? readStored(b, off, len) : inflate(b, off, len);
            if (n == -1) {
                done = true;
                if (inflater != null) {
                    inflater.end();
                }
                return -1;
            }
            crc.update(b, off, n);
            produced += n;
            expanded += n;
            if (expanded > policy.maxArchiveExpandedSize()) {
                throw refused("is an archive that expands to more than " + policy.maxArchiveExpandedSize() + " bytes");
            }
            // Against the compressed bytes actually read, never the size the header declares: a header claiming
            // gigabytes of compressed data must not lift the ratio limit.
            checkRatio(produced, consumed, "is an archive whose entry " + shown);
            return n;
        }

        private int readStored(byte[] b, int off, int len) throws IOException {
            long left = compressedSize - consumed;
            if (left == 0) {
                return -1;
            }
            if (!r.fill()) {
                throw new EOFException();
            }
            int k = (int) Math.min(Math.min(len, left), r.lim - r.pos);
            System.arraycopy(r.buf, r.pos, b, off, k);
            r.pos += k;
            r.offset += k;
            consumed += k;
            return k;
        }

        private int inflate(byte[] b, int off, int len) throws IOException {
            Inflater inflater = java.util.Objects.requireNonNull(this.inflater, "inflater");
            try {
                while (true) {
                    if (inflater.finished()) {
                        // Give back what the inflater was handed beyond the end of the deflate stream.
                        int unused = inflater.getRemaining();
                        r.pos -= unused;
                        r.offset -= unused;
                        consumed -= unused;
                        if (compressedSize >= 0 && consumed < compressedSize) {
                            throw refused("is a damaged zip archive: the entry " + shown + " does not match its header");
                        }
                        return -1;
                    }
                    if (inflater.needsInput()) {
                        long left = compressedSize < 0 ? Long.MAX_VALUE : compressedSize - consumed;
                        if (left == 0 || !r.fill()) {
                            throw refused("is a damaged zip archive: the entry " + shown + " ends early");
                        }
                        int k = (int) Math.min(left, r.lim - r.pos);
                        inflater.setInput(r.buf, r.pos, k);
                        r.pos += k;
                        r.offset += k;
                        consumed += k;
                    }
                    int n = inflater.inflate(b, off, len);
                    if (n > 0) {
                        return n;
                    }
                    if (inflater.needsDictionary()) {
                        throw refused("is a damaged zip archive: the entry " + shown + " cannot be inflated");
                    }
                }
            } catch (DataFormatException e) {
                throw refused("is a damaged zip archive: the entry " + shown + " cannot be inflated");
            }
        }

        /** Reads the rest of the entry, counting it against the limits. */
        void finish() throws IOException {
            byte[] sink = new byte[16 * 1024];
            while (read(sink, 0, sink.length) != -1) {
                // counted in read
            }
        }

        /** Frees the inflater's native memory; the archive's reader stays open (finish() reads what is left). */
        @Override
        public void close() {
            if (inflater != null) {
                inflater.end();
            }
        }
    }
}
