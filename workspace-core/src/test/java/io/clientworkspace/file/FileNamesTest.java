package io.clientworkspace.file;

import io.clientworkspace.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static io.clientworkspace.support.Fixture.fieldsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@link FileNames}: what a user-supplied name becomes before it is stored or handed back. */
class FileNamesTest {

    private static ValidationException refusal(String raw) {
        return catchThrowableOfType(ValidationException.class, () -> FileNames.sanitize("name", raw));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "../../etc/passwd | passwd",
            "..\\..\\boot.ini | boot.ini",
            "/absolute/path.pdf | path.pdf",
            "C:\\x\\y.pdf | y.pdf",
            "dir/sub\\mixed/name.txt | name.txt",
            "\\\\server\\share\\plan.pdf | plan.pdf"})
    void onlyTheLastPathSegmentIsKept(String raw, String expected) {
        assertThat(FileNames.sanitize("name", raw)).isEqualTo(expected);
    }

    @Test
    void nulAndOtherControlCharactersAreRemoved() {
        assertThat(FileNames.sanitize("name", "a\u0000b\u0007c\u001b\u007f\u0085.pdf")).isEqualTo("abc.pdf");
    }

    @Test
    void bidirectionalOverridesAndIsolatesAreRemovedSoTheRealExtensionShows() {
        assertThat(FileNames.sanitize("name", "invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
        assertThat(FileNames.sanitize("name", "report\u2066.pdf\u2069.exe")).isEqualTo("report.pdf.exe");
        assertThat(FileNames.sanitize("name", "a\u202Ab\u202Bc\u202Cd\u202De\u2067f\u2068g.txt")).isEqualTo("abcdefg.txt");
    }

    @Test
    void directionalMarksZeroWidthSpacesAndByteOrderMarksAreRemoved() {
        assertThat(FileNames.sanitize("name", "\uFEFFpho\u200Bto\u200E\u200F\u061C.jpg")).isEqualTo("photo.jpg");
    }

    @Test
    void unicodeIsNormalizedToTheComposedForm() {
        assertThat(FileNames.sanitize("name", "Cafe\u0301.pdf")).isEqualTo("Caf\u00e9.pdf");
    }

    @Test
    void surroundingSpacesAndTrailingDotsAreTrimmed() {
        assertThat(FileNames.sanitize("name", "  report.pdf. . ")).isEqualTo("report.pdf");
    }

    @ParameterizedTest
    @CsvSource({"CON.pdf, _CON.pdf", "nul.txt, _nul.txt", "PRN, _PRN", "aux.tar.gz, _aux.tar.gz", "COM1.csv, _COM1.csv",
            "lpt9.doc, _lpt9.doc"})
    void windowsDeviceNamesGetAnUnderscoreInFront(String raw, String expected) {
        assertThat(FileNames.sanitize("name", raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CONSOLE.pdf", "nullable.txt", "COM10.csv", "icon.png"})
    void namesThatOnlyStartLikeADeviceAreLeftAlone(String raw) {
        assertThat(FileNames.sanitize("name", raw)).isEqualTo(raw);
    }

    @Test
    void aNameOver255Utf8BytesIsCutKeepingItsExtension() {
        String cut = FileNames.sanitize("name", "a".repeat(296) + ".pdf");

        assertThat(cut).isEqualTo("a".repeat(251) + ".pdf");
        assertThat(cut.getBytes(StandardCharsets.UTF_8)).hasSize(255);
    }

    @Test
    void cuttingNeverSplitsAMultiByteCharacter() {
        String cut = FileNames.sanitize("name", "\u20ac".repeat(100) + ".xlsx");

        assertThat(cut.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
        assertThat(cut).isEqualTo("\u20ac".repeat(83) + ".xlsx");
    }

    @Test
    void cuttingKeepsSurrogatePairsWhole() {
        String cut = FileNames.sanitize("name", "\uD83D\uDCC4".repeat(70) + ".pdf");

        assertThat(cut).isEqualTo("\uD83D\uDCC4".repeat(62) + ".pdf");
    }

    @Test
    void aNameOf255BytesIsKeptWhole() {
        String name = "b".repeat(251) + ".pdf";

        assertThat(FileNames.sanitize("name", name)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", ".", "..", "...", "../..", "dir/", "\u202E\u0000", " . . "})
    void aNameWithNothingUsableLeftIsRefused(String raw) {
        ValidationException e = refusal(raw);

        assertThat(fieldsOf(e)).containsExactly("name");
        assertThat(e.getMessage()).contains("not a usable file name");
    }

    @Test
    void aNameOfMoreThan4096CharactersIsRefusedBeforeAnyWork() {
        assertThat(refusal("x".repeat(4097)).getMessage()).contains("far too long");
    }

    @Test
    void aNullNameIsAValidationErrorOnTheGivenField() {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> FileNames.sanitize("title", null));

        assertThat(fieldsOf(e)).containsExactly("title");
    }

    @ParameterizedTest
    @CsvSource({"report.PDF, pdf", "archive.tar.gz, gz", ".bashrc, ''", "noext, ''", "trailing., ''"})
    void theExtensionIsTheLowerCasePartAfterTheLastDot(String name, String extension) {
        assertThat(FileNames.extension(name)).isEqualTo(extension);
    }
}
