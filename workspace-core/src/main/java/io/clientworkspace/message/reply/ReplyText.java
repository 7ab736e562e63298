package io.clientworkspace.message.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Cuts a reply e-mail's plain text down to what the sender wrote: everything from the first quoted-history
 * header on is dropped, as are quoted lines and the signature. What counts as history or signature:
 * <ul>
 *   <li>an attribution line "On &lt;date&gt;, &lt;someone&gt; wrote:" (also when the client wrapped it over two
 *       lines), and its French, German, Spanish and Dutch forms ("Le ... a écrit :", "Am ... schrieb ...:",
 *       "El ... escribió:", "Op ... schreef ...:");</li>
 *   <li>"-----Original Message-----" (any case and number of dashes), "----- Forwarded message -----", and an
 *       Outlook header block: a line of underscores or a "From:" line followed, within the next three lines, by
 *       "Sent:", "Date:", "To:" or "Subject:";</li>
 *   <li>every line starting with "&gt;" (quoted text), wherever it is;</li>
 *   <li>the signature delimiter "-- " (or "--") on a line of its own and everything after it;</li>
 *   <li>mobile trailers at the end: "Sent from my ...", "Get Outlook for ...", "Sent from Mail for Windows",
 *       "Sent from Yahoo Mail ...".</li>
 * </ul>
 * Trailing blank lines and surrounding whitespace are removed; the result may be empty. The scan is linear in
 * the text's length: the patterns are anchored and bounded, lines over {@value #MAX_ATTRIBUTION_LINE} characters
 * are never taken for an attribution, and the German and Dutch forms look for the colon with {@code [^:]}
 * classes, so no line costs more than a bounded number of steps per character.
 */
public final class ReplyText {

    /**
     * Lines longer than this are never taken for an attribution (a real one is far shorter); together with the
     * negated character classes below ({@code [^:]}), this keeps the attribution checks linear in the text's length.
     */
    static final int MAX_ATTRIBUTION_LINE = 400;

    private static final Pattern ATTRIBUTION = Pattern.compile(
            "^(on\\s.{1,300}\\swrote:|le\\s.{1,300}\\sa\\s+écrit\\s?:|am\\s.{1,300}\\sschrieb[^:]{0,300}:"
                    + "|el\\s.{1,300}\\sescribió:|op\\s.{1,300}\\sschreef[^:]{0,300}:)$");
    private static final Pattern ATTRIBUTION_START = Pattern.compile("^(on|le|am|el|op)\\s.{1,300}$");
    private static final Pattern ATTRIBUTION_END = Pattern.compile(
            "^.{0,300}(wrote|a\\s+écrit\\s?|schrieb[^:]{0,300}|escribió|schreef[^:]{0,300}):$");
    private static final Pattern ORIGINAL = Pattern.compile("^-{2,}\\s*(original message|forwarded message|ursprüngliche nachricht|message d'origine)\\s*-{2,}$");
    private static final Pattern UNDERSCORES = Pattern.compile("^_{10,}$");
    private static final Pattern HEADER_FROM = Pattern.compile("^(from|von|de):\\s.{0,300}$");
    private static final Pattern HEADER_NEXT = Pattern.compile("^(sent|date|to|subject|gesendet|datum|an|betreff|envoyé|objet|à):.{0,300}$");
    private static final Pattern TRAILER = Pattern.compile(
            "^(sent from my .{1,100}|sent from mail for windows.{0,100}|get outlook for .{1,100}|sent from yahoo mail.{0,100}"
                    + "|envoyé de mon .{1,100}|von meinem .{1,100} gesendet)$");

    private ReplyText() {
    }

    /** The part of {@code text} the sender wrote (possibly empty), see the class comment. */
    public static String strip(String text) {
        requireNonNull(text, "text must not be null");
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            String lower = trimmed.toLowerCase(Locale.ROOT);
            if (line.equals("-- ") || line.equals("--")) {
                break;
            }
            boolean attributionSized = trimmed.length() <= MAX_ATTRIBUTION_LINE;
            if (attributionSized && ATTRIBUTION.matcher(lower).matches() || ORIGINAL.matcher(lower).matches()
                    || UNDERSCORES.matcher(trimmed).matches()) {
                break;
            }
            if (attributionSized && i + 1 < lines.length && ATTRIBUTION_START.matcher(lower).matches()
                    && lines[i + 1].strip().length() <= MAX_ATTRIBUTION_LINE
                    && ATTRIBUTION_END.matcher(lines[i + 1].strip().toLowerCase(Locale.ROOT)).matches()) {
                break;
            }
            if (HEADER_FROM.matcher(lower).matches() && headerFollows(lines, i + 1)) {
                break;
            }
            if (trimmed.startsWith(">")) {
                continue;
            }
            kept.add(line);
        }
        // Mobile trailers count only at the end, after the sender's own text.
        while (!kept.isEmpty()) {
            String last = kept.get(kept.size() - 1).strip();
            if (last.isEmpty() || TRAILER.matcher(last.toLowerCase(Locale.ROOT)).matches()) {
                kept.remove(kept.size() - 1);
            } else {
                break;
            }
        }
        return String.join("\n", kept).strip();
    }

    private static boolean headerFollows(String[] lines, int from) {
        for (int j = from; j < Math.min(lines.length, from + 3); j++) {
            if (HEADER_NEXT.matcher(lines[j].strip().toLowerCase(Locale.ROOT)).matches()) {
                return true;
            }
        }
        return false;
    }
}
