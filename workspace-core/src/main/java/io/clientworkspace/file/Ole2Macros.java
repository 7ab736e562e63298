package io.clientworkspace.file;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;

/**
 * Tells whether a legacy Office document (an OLE2 compound file: .doc, .xls, .ppt) carries a VBA project, in one
 * streaming pass and without a parser library.
 *
 * <p>A compound file's directory is a list of 128-byte entries in sectors of 512 or 4096 bytes, so every entry
 * starts at a multiple of 128 bytes from the start of the file. Each block of 128 bytes is read as a directory
 * entry (a UTF-16LE name of at most 31 characters, its length in bytes with the terminating NUL, and the entry's
 * type, storage or stream); a storage or stream named {@code _VBA_PROJECT_CUR} (Excel), {@code Macros} (Word),
 * {@code _VBA_PROJECT} or {@code VBA} means macros. Tika's core only tells that a file is OLE2; its Office
 * container detector needs Apache POI, megabytes the core does not carry. PowerPoint 97-2003 keeps its VBA project
 * compressed inside its document stream, which this does not see.
 */
final class Ole2Macros {

    private static final byte[] MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};
    private static final Set<String> VBA = Set.of("_vba_project_cur", "macros", "_vba_project", "vba");

    private Ole2Macros() {
    }

    /** Whether {@code in}, read to its end, is an OLE2 compound file with a VBA project storage or stream. */
    static boolean contains(InputStream in) throws IOException {
        byte[] block = new byte[128];
        if (in.readNBytes(block, 0, 128) < 128) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (block[i] != MAGIC[i]) {
                return false;
            }
        }
        boolean found = false;
        while (in.readNBytes(block, 0, 128) == 128) {
            if (!found && isVbaEntry(block)) {
                found = true; // read on: the caller counts the whole file
            }
        }
        return found;
    }

    private static boolean isVbaEntry(byte[] e) {
        int nameBytes = (e[64] & 0xFF) | (e[65] & 0xFF) << 8;
        int type = e[66];
        if ((type != 1 && type != 2) || nameBytes < 4 || nameBytes > 64 || nameBytes % 2 != 0
                || e[nameBytes - 2] != 0 || e[nameBytes - 1] != 0) {
            return false;
        }
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < nameBytes - 2; i += 2) {
            name.append((char) ((e[i] & 0xFF) | (e[i + 1] & 0xFF) << 8));
        }
        return VBA.contains(name.toString().toLowerCase(Locale.ROOT));
    }
}
