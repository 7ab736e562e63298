package io.clientworkspace.tck;

import io.clientworkspace.ConflictException;
import io.clientworkspace.Page;
import io.clientworkspace.file.FileDownload;
import io.clientworkspace.file.FileVersion;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * What one world answered, line by line, normalised so that two worlds can be compared: every id (matched
 * by the pattern the world's id generator produces), every page cursor and every storage key is replaced
 * by its kind and its order of first appearance in the transcript ({@code #id3}, {@code #cursor2}), and the
 * world's user ids by their role. Timestamps are kept as they are, unless the worlds ran on different
 * clocks ({@link #normalisingTimestamps()}), then they too are numbered by first appearance.
 *
 * <p>Nothing else is normalised: names, sizes, hashes, counts, order, versions, statuses, exception types
 * and messages all have to be equal, because each of them could carry information.
 */
public final class Transcript {

    private static final Pattern INSTANT = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?Z");

    private final Pattern ids;
    private final boolean timestamps;
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final Map<String, Integer> counters = new LinkedHashMap<>();
    private final Map<String, String> aliases = new LinkedHashMap<>();
    private final List<String> lines = new ArrayList<>();

    private Transcript(Pattern ids, boolean timestamps) {
        this.ids = requireNonNull(ids, "ids must not be null");
        this.timestamps = timestamps;
    }

    /** A transcript for a world whose generated ids match {@code ids} and whose clock is the test's. */
    public static Transcript matchingIds(Pattern ids) {
        return new Transcript(ids, false);
    }

    /** A copy of the settings that also numbers timestamps by first appearance (worlds on a real clock). */
    public Transcript normalisingTimestamps() {
        return new Transcript(ids, true);
    }

    /** Writes {@code alias} wherever the user id {@code raw} appears. */
    public void alias(String raw, String alias) {
        aliases.put(requireNonNull(raw, "raw must not be null"), requireNonNull(alias, "alias must not be null"));
    }

    /** Calls {@code operation} and writes its answer, or the type and message of what it threw. */
    public @Nullable Object call(String label, Supplier<?> operation) {
        Object answer;
        try {
            answer = operation.get();
        } catch (RuntimeException e) {
            write(label, failure(e));
            return null;
        }
        write(label, describe(answer));
        return answer;
    }

    /** Writes a line as it is (after normalisation). */
    public void write(String label, String answer) {
        lines.add(normalise(label + " -> " + answer));
    }

    /** The lines written so far. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** The token a cursor is written as: its kind and order of first appearance. */
    public String token(String kind, String raw) {
        return tokens.computeIfAbsent(kind + ":" + raw, k -> {
            int n = counters.merge(kind, 1, Integer::sum);
            return "#" + kind + n;
        });
    }

    /** How an exception is written: its type, its conflict reason if any, and its message. */
    public static String failure(Throwable e) {
        String reason = e instanceof ConflictException c ? "(" + c.reason() + ")" : "";
        return "threw " + e.getClass().getSimpleName() + reason + ": " + e.getMessage();
    }

    /** A value as written: pages with tokenised cursors, versions with tokenised storage keys, the rest as text. */
    public String describe(@Nullable Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Page<?> page) {
            return "Page" + describe(page.items()) + " next=" + page.nextCursor().map(c -> token("cursor", c)).orElse("none");
        }
        if (value instanceof Optional<?> optional) {
            return optional.map(v -> "Optional[" + describe(v) + "]").orElse("Optional.empty");
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(this::describe).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof FileVersion version) {
            return version.toString().replace(version.blobKey(), token("blob", version.blobKey()));
        }
        return String.valueOf(value);
    }

    /** A download as written: the file, the version, and the length and SHA-256 of the bytes read. Reads the stream. */
    public static String describeDownload(FileDownload download) {
        try {
            byte[] bytes = download.content().readAllBytes();
            return "download of " + download.file() + " " + NonInterferenceScript.describe(download.version())
                    + " read " + bytes.length + " bytes sha256=" + sha256(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String normalise(String text) {
        // Cursors and storage keys were already replaced by describe(); ids can be anywhere (messages too).
        String out = replaceAll(ids, text, m -> token("id", m.group()));
        for (Map.Entry<String, String> alias : aliases.entrySet()) {
            out = out.replaceAll("(?<![\\w-])" + Pattern.quote(alias.getKey()) + "(?![\\w-])",
                    Matcher.quoteReplacement("@" + alias.getValue()));
        }
        if (timestamps) {
            out = replaceAll(INSTANT, out, m -> token("time", m.group()));
        }
        return out;
    }

    private static String replaceAll(Pattern pattern, String text, java.util.function.Function<Matcher, String> with) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Which kinds of calls answered differently (later lines may differ only because earlier ones did). */
    private static String differing(List<String> a, List<String> b) {
        java.util.Set<String> kinds = new java.util.TreeSet<>();
        int count = 0;
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            if (!a.get(i).equals(b.get(i))) {
                count++;
                String label = a.get(i).substring(0, Math.max(0, a.get(i).indexOf(" -> ")));
                kinds.add(label.replaceAll("#\\w+|\\d+", "N").replaceAll("Optional\\[N]", "N"));
            }
        }
        return count + " differing lines, in calls like:\n    " + String.join("\n    ", kinds);
    }

    /**
     * Fails unless both transcripts hold the same lines, naming the first line that differs and the
     * lines before it.
     */
    public static void assertSameAnswers(String what, Transcript withoutInternal, Transcript withInternal) {
        List<String> a = withoutInternal.lines;
        List<String> b = withInternal.lines;
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            if (!a.get(i).equals(b.get(i))) {
                throw new AssertionError(what + ": the client's answers differ at line " + (i + 1)
                        + " depending on whether internal items exist\n  without internal items: " + a.get(i)
                        + "\n  with internal items:    " + b.get(i) + "\n  lines before:\n    "
                        + String.join("\n    ", a.subList(Math.max(0, i - 3), i))
                        + "\n  " + differing(a, b) + "\n");
            }
        }
        if (a.size() != b.size()) {
            throw new AssertionError(what + ": the transcripts differ in length (" + a.size() + " vs " + b.size()
                    + "); first extra line: " + (a.size() > n ? a.get(n) : b.get(n)));
        }
    }
}
