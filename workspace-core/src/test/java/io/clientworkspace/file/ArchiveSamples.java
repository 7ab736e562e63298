package io.clientworkspace.file;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Hostile archives and Office documents for the upload corpus, made in code: a zip writer that writes exactly
 * the headers it is told (so that the central directory can disagree with the local headers, names can hold
 * what {@code ZipOutputStream} refuses, entries can claim encryption), bombs made without deflating all of their
 * zeros, and macro-carrying Office files.
 */
final class ArchiveSamples {

    private ArchiveSamples() {
    }

    /** One entry as written: its local header, and what the central directory says of it when it differs. */
    record RawEntry(byte[] name, int method, int flags, byte[] data, long crc, long size, byte[] centralName,
                    long centralSize, int unixMode) {

        RawEntry(byte[] name, int method, int flags, byte[] data, long crc, long size, byte[] centralName,
                 long centralSize) {
            this(name, method, flags, data, crc, size, centralName, centralSize, 0);
        }

        /** This entry marked, in the central directory, as a Unix symbolic link (to what its content names). */
        RawEntry asSymlink() {
            return new RawEntry(name, method, flags, data, crc, size, centralName, centralSize, 0120777);
        }

        static RawEntry stored(String name, byte[] content) {
            return new RawEntry(utf8(name), 0, 0x800, content, ArchiveSamples.crc(content), content.length, utf8(name), content.length);
        }

        static RawEntry deflated(String name, byte[] content) {
            byte[] data = deflate(content);
            return new RawEntry(utf8(name), 8, 0x800, data, ArchiveSamples.crc(content), content.length, utf8(name), content.length);
        }

        RawEntry withCentralName(String other) {
            return new RawEntry(name, method, flags, data, crc, size, utf8(other), centralSize);
        }

        RawEntry withCentralSize(long other) {
            return new RawEntry(name, method, flags, data, crc, size, centralName, other);
        }

        RawEntry withFlags(int other) {
            return new RawEntry(name, method, other, data, crc, size, centralName, centralSize);
        }

        RawEntry withMethod(int other) {
            return new RawEntry(name, other, flags, data, crc, size, centralName, centralSize);
        }

        RawEntry withRawName(byte[] raw) {
            return new RawEntry(raw, method, flags, data, crc, size, raw, centralSize);
        }
    }

    /** A zip of exactly these entries and headers. */
    static byte[] raw(RawEntry... entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        for (RawEntry e : entries) {
            offsets.add(out.size());
            ByteBuffer h = le(30 + e.name().length);
            h.putInt(0x04034b50).putShort((short) 20).putShort((short) e.flags()).putShort((short) e.method())
                    .putShort((short) 0).putShort((short) 0x21).putInt((int) e.crc()).putInt(e.data().length)
                    .putInt((int) e.size()).putShort((short) e.name().length).putShort((short) 0).put(e.name());
            out.writeBytes(h.array());
            out.writeBytes(e.data());
        }
        int centralStart = out.size();
        for (int i = 0; i < entries.length; i++) {
            RawEntry e = entries[i];
            ByteBuffer h = le(46 + e.centralName().length);
            h.putInt(0x02014b50).putShort((short) (e.unixMode() == 0 ? 20 : 0x0314)).putShort((short) 20)
                    .putShort((short) e.flags()).putShort((short) e.method()).putShort((short) 0).putShort((short) 0x21)
                    .putInt((int) e.crc()).putInt(e.data().length).putInt((int) e.centralSize())
                    .putShort((short) e.centralName().length).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putInt(e.unixMode() << 16).putInt(offsets.get(i)).put(e.centralName());
            out.writeBytes(h.array());
        }
        int centralSize = out.size() - centralStart;
        ByteBuffer end = le(22);
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) entries.length)
                .putShort((short) entries.length).putInt(centralSize).putInt(centralStart).putShort((short) 0);
        out.writeBytes(end.array());
        return out.toByteArray();
    }

    /**
     * The zip with its first entry's compressed size, in the local header and the central directory, replaced by
     * {@code declared}: a header that lies about how much compressed data follows.
     */
    static byte[] withFirstEntryDeclaringCompressedSize(byte[] zip, int declared) {
        byte[] copy = zip.clone();
        ByteBuffer b = ByteBuffer.wrap(copy).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putInt(18, declared);
        int end = copy.length - 22;
        int centralStart = b.getInt(end + 16);
        b.putInt(centralStart + 20, declared);
        return copy;
    }

    /** {@code content} gzip-compressed. */
    static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(content);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A zip of deflated entries, in this order: name, content, name, content... */
    static byte[] zip(Object... nameThenContent) {
        RawEntry[] entries = new RawEntry[nameThenContent.length / 2];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = RawEntry.deflated((String) nameThenContent[2 * i], (byte[]) nameThenContent[2 * i + 1]);
        }
        return raw(entries);
    }

    /** {@code count} entries of {@code mebibytes} MiB of zeros each, deflated (about 1 KiB per MiB). */
    static byte[] zerosBomb(int count, int mebibytes) {
        RawEntry[] entries = new RawEntry[count];
        for (int i = 0; i < count; i++) {
            entries[i] = zerosEntry("zeros" + i + ".bin", mebibytes);
        }
        return raw(entries);
    }

    /** One deflated entry of {@code mebibytes} MiB of zeros. */
    static RawEntry zerosEntry(String name, int mebibytes) {
        byte[] data = deflatedZeros(mebibytes);
        CRC32 crc = new CRC32();
        byte[] zeros = new byte[1 << 20];
        for (int i = 0; i < mebibytes; i++) {
            crc.update(zeros);
        }
        return new RawEntry(utf8(name), 8, 0x800, data, crc.getValue(), (long) mebibytes << 20, utf8(name),
                (long) mebibytes << 20);
    }

    /** {@code mebibytes} MiB of zeros, deflated without deflating them all: deflate repeats itself on zeros. */
    static byte[] deflatedZeros(int mebibytes) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        byte[] zeros = new byte[1 << 20];
        byte[] first = chunk(deflater, zeros);
        byte[] steady = chunk(deflater, zeros);
        byte[] again = chunk(deflater, zeros);
        if (!Arrays.equals(steady, again)) {
            throw new IllegalStateException("deflate did not reach a steady state on zeros");
        }
        deflater.finish();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(first);
        for (int i = 1; i < mebibytes; i++) {
            data.writeBytes(steady);
        }
        byte[] buffer = new byte[1024];
        while (!deflater.finished()) {
            data.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return data.toByteArray();
    }

    /** A zip holding {@code inner} as {@code name}, nested {@code levels} times. */
    static byte[] nested(int levels, String name, byte[] inner) {
        byte[] current = inner;
        String currentName = name;
        for (int i = 0; i < levels; i++) {
            current = zip(currentName, current);
            currentName = "level" + (levels - i) + ".zip";
        }
        return current;
    }

    // ------------------------------------------------------------------------------------- Office

    /** An Office Open XML package whose content types are these, with these parts (name, bytes, ...). */
    static byte[] ooxml(String mainContentType, String mainPart, Object... moreParts) {
        String types = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/" + mainPart + "\" ContentType=\"" + mainContentType + "\"/></Types>";
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", utf8(types));
        parts.put("_rels/.rels", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
                + "/officeDocument\" Target=\"" + mainPart + "\"/></Relationships>"));
        parts.put(mainPart, utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<main/>"));
        for (int i = 0; i < moreParts.length; i += 2) {
            parts.put((String) moreParts[i], (byte[]) moreParts[i + 1]);
        }
        Object[] flat = new Object[parts.size() * 2];
        int i = 0;
        for (Map.Entry<String, byte[]> e : parts.entrySet()) {
            flat[i++] = e.getKey();
            flat[i++] = e.getValue();
        }
        return zip(flat);
    }

    /** A Word document with macros (.docm): macro-enabled main part and a vbaProject.bin. */
    static byte[] docm() {
        return ooxml("application/vnd.ms-word.document.macroEnabled.main+xml", "word/document.xml",
                "word/vbaProject.bin", ole2("_VBA_PROJECT_CUR"));
    }

    /** An Excel workbook with macros (.xlsm), its content types only (no vbaProject.bin part). */
    static byte[] xlsm() {
        return ooxml("application/vnd.ms-excel.sheet.macroEnabled.main+xml", "xl/workbook.xml");
    }

    /** A PowerPoint presentation with macros (.pptm). */
    static byte[] pptm() {
        return ooxml("application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml", "ppt/presentation.xml",
                "ppt/vbaProject.bin", ole2("VBA"));
    }

    /** A macro-free workbook whose only macro is a vbaProject.bin part the content types do not mention. */
    static byte[] xlsxWithHiddenVbaPart() {
        return ooxml("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "xl/workbook.xml",
                "xl/vbaProject.bin", ole2("VBA"));
    }

    /**
     * A minimal OLE2 compound file (as .doc and .xls are): the header, then a directory sector holding the root
     * entry, a {@code WordDocument} stream and a storage named {@code storage} ("Macros" in a Word document with
     * macros, "_VBA_PROJECT_CUR" in an Excel workbook, anything else when there are none).
     */
    static byte[] ole2(String storage) {
        return ole2("WordDocument", storage);
    }

    /** A minimal OLE2 compound file with a main stream (WordDocument, Workbook) and a storage. */
    static byte[] ole2(String mainStream, String storage) {
        ByteBuffer f = le(512 * 3);
        f.put(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1});
        f.position(0x18).putShort((short) 0x3E).putShort((short) 3).putShort((short) 0xFFFE).putShort((short) 9);
        f.position(0x2C).putInt(1).putInt(1); // one FAT sector; the directory starts at sector 1
        f.position(0x4C).putInt(0); // the FAT is sector 0
        dirEntry(f, 512 + 512, "Root Entry", 5);
        dirEntry(f, 512 + 512 + 128, mainStream, 2);
        dirEntry(f, 512 + 512 + 256, storage, 1);
        return f.array();
    }

    private static void dirEntry(ByteBuffer f, int at, String name, int type) {
        f.position(at);
        for (char c : name.toCharArray()) {
            f.putChar(c);
        }
        f.position(at + 64).putShort((short) ((name.length() + 1) * 2)).put((byte) type);
    }

    // ------------------------------------------------------------------------------------- helpers

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] deflate(byte[] content) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(content);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static long crc(byte[] content) {
        CRC32 crc = new CRC32();
        crc.update(content);
        return crc.getValue();
    }

    private static byte[] chunk(Deflater deflater, byte[] input) {
        deflater.setInput(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int n;
        do {
            n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
            out.write(buffer, 0, n);
        } while (n == buffer.length || !deflater.needsInput());
        return out.toByteArray();
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
