package io.clientworkspace.message.reply;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link ReplyText} keeps what the sender wrote and drops quoted history and signatures. */
class ReplyTextTest {

    @Test
    void aGmailStyleAttributionAndEverythingAfterItIsDropped() {
        assertThat(ReplyText.strip("Sounds good.\r\n\r\nOn Tue, 1 Apr 2031 at 09:00, Ann <ann@x.example> wrote:\r\n> Hi\r\n"))
                .isEqualTo("Sounds good.");
    }

    @Test
    void anAttributionWrappedOverTwoLinesIsRecognised() {
        assertThat(ReplyText.strip("Yes.\n\nOn Tue, 1 Apr 2031 at 09:00, Ann Example\n<ann@x.example> wrote:\n\nold text"))
                .isEqualTo("Yes.");
    }

    @Test
    void anOutlookOriginalMessageBlockIsDropped() {
        assertThat(ReplyText.strip("Approved.\n\n-----Original Message-----\nFrom: Ann\nSent: Tuesday\nold"))
                .isEqualTo("Approved.");
    }

    @Test
    void anOutlookHeaderBlockWithoutSeparatorIsDropped() {
        assertThat(ReplyText.strip("Approved.\n\nFrom: Ann <ann@x.example>\nSent: Tuesday, April 1, 2031\nTo: Bob\nold"))
                .isEqualTo("Approved.");
        assertThat(ReplyText.strip("Approved.\n________________________________\nFrom: Ann\nold")).isEqualTo("Approved.");
    }

    @Test
    void aFromLineThatIsNotAHeaderBlockIsKept() {
        assertThat(ReplyText.strip("From: my point of view this works.\nThanks"))
                .isEqualTo("From: my point of view this works.\nThanks");
    }

    @Test
    void quotedLinesAreDroppedWhereverTheyAre() {
        assertThat(ReplyText.strip("> Can you send the file?\nSent it this morning.\n>> older\nCheers"))
                .isEqualTo("Sent it this morning.\nCheers");
    }

    @Test
    void theSignatureAfterTheDelimiterIsDropped() {
        assertThat(ReplyText.strip("Thanks!\n-- \nAnn Example\nAcme Corp")).isEqualTo("Thanks!");
    }

    @Test
    void mobileTrailersAtTheEndAreDropped() {
        assertThat(ReplyText.strip("Fine by me\n\nSent from my iPhone")).isEqualTo("Fine by me");
        assertThat(ReplyText.strip("Fine by me\nGet Outlook for Android\n")).isEqualTo("Fine by me");
    }

    @Test
    void foreignLanguageAttributionsAreRecognised() {
        assertThat(ReplyText.strip("Merci\n\nLe mar. 1 avr. 2031 à 09:00, Ann <a@x.example> a écrit :\n> Salut"))
                .isEqualTo("Merci");
        assertThat(ReplyText.strip("Danke\n\nAm 01.04.2031 um 09:00 schrieb Ann <a@x.example>:\n> Hallo"))
                .isEqualTo("Danke");
    }

    @Test
    void nothingButQuotesLeavesAnEmptyText() {
        assertThat(ReplyText.strip("\n> quoted\n\nSent from my iPhone\n")).isEmpty();
    }

    @Test
    void aTextWithoutHistoryIsKeptWithItsInnerLines() {
        assertThat(ReplyText.strip("  First line\n\nSecond paragraph  \n")).isEqualTo("First line\n\nSecond paragraph");
    }

    @Test
    void aLineLongerThanAnAttributionIsNeverTakenForOne() {
        String longLine = "Am " + "x".repeat(250) + " schrieb " + "y".repeat(250) + ":";

        assertThat(ReplyText.strip("Danke\n" + longLine + "\nmore")).isEqualTo("Danke\n" + longLine + "\nmore");
    }

    @Test
    void aHostileTwoHundredThousandCharacterReplyOfCraftedLinesStripsCorrectly() {
        StringBuilder text = new StringBuilder("Real answer\n");
        String nearMiss = ("am " + " schrieb x".repeat(40)).substring(0, 399);
        String overlong = "op " + " schreef y".repeat(60);
        String wrappedStart = "on " + "z".repeat(396);
        while (text.length() < 199_000) {
            text.append(nearMiss).append('\n').append(overlong).append(":\n").append(wrappedStart).append('\n');
        }
        String kept = text.toString().strip();
        text.append("Am 01.04.2031 um 09:00 schrieb Ann <a@x.example>:\n> Hallo\n");
        assertThat(text.length()).isLessThanOrEqualTo(ReplyService.MAX_INBOUND_CHARS);

        assertThat(ReplyText.strip(text.toString())).isEqualTo(kept);
    }
}
