package io.clientworkspace.request;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/** Checks shared by the form types: null checks, pattern safety and bounded matching. */
final class FormChecks {

    /** Longest accepted pattern, in characters. */
    static final int MAX_PATTERN_LENGTH = 200;

    /** Most {@code charAt} calls one pattern match may make before it is abandoned. */
    static final int MATCH_BUDGET = 100_000;

    private FormChecks() {
    }

    static void common(String id, String label, String help) {
        requireNonNull(id, "id must not be null");
        requireNonNull(label, "label must not be null");
        requireNonNull(help, "help must not be null");
    }

    /**
     * Why a pattern may backtrack badly, or empty when the conservative static check finds nothing. Refused:
     * a group repeated by {@code *}, {@code +} or any {@code {..}} count when the group itself holds a
     * variable quantifier ({@code * + ? {n,m}}) or an alternation ({@code (a+)+}, {@code (a*)*},
     * {@code (a|a)*}, {@code (\d+\.)+}, {@code (.*a){12}}), and back-references.
     * This refuses some harmless patterns too; answers are bounded at match time anyway.
     */
    static Optional<String> backtrackingRisk(String pattern) {
        // one frame per open group: does it contain a quantifier or an alternation?
        Deque<boolean[]> groups = new ArrayDeque<>();
        groups.push(new boolean[] {false});
        boolean lastWasRiskyGroup = false;
        int i = 0;
        int n = pattern.length();
        while (i < n) {
            char c = pattern.charAt(i);
            boolean riskyGroupJustClosed = false;
            if (c == '\\') {
                if (i + 1 < n) {
                    char e = pattern.charAt(i + 1);
                    if ((e >= '1' && e <= '9') || e == 'k') {
                        return Optional.of("must not use back-references");
                    }
                    if (e == 'Q') {
                        int end = pattern.indexOf("\\E", i + 2);
                        i = end < 0 ? n : end + 2;
                        lastWasRiskyGroup = false;
                        continue;
                    }
                }
                i += 2;
            } else if (c == '[') {
                i = skipClass(pattern, i);
            } else if (c == '(') {
                groups.push(new boolean[] {false});
                i++;
                if (i < n && pattern.charAt(i) == '?') {
                    // group construct: (?: (?= (?! (?<= (?<! (?<name> (?> (?i) (?i:
                    i++;
                    while (i < n && ":=!>)".indexOf(pattern.charAt(i)) < 0) {
                        i++;
                    }
                    if (i < n && pattern.charAt(i) != ')') {
                        i++;
                    }
                }
            } else if (c == ')') {
                boolean risky = groups.size() > 1 ? groups.pop()[0] : false;
                if (risky) {
                    requireNonNull(groups.peek())[0] = true;
                }
                riskyGroupJustClosed = risky;
                i++;
            } else if (c == '|') {
                requireNonNull(groups.peek())[0] = true;
                i++;
            } else if (c == '*' || c == '+' || c == '{') {
                boolean variable = c != '{' || !isFixedCount(pattern, i);
                if (c == '{') {
                    int close = pattern.indexOf('}', i);
                    i = close < 0 ? n : close + 1;
                } else {
                    i++;
                }
                if (lastWasRiskyGroup) {
                    return Optional.of("must not repeat a group that itself repeats or alternates, e.g. (a+)+ or (a|b)*");
                }
                if (variable) {
                    requireNonNull(groups.peek())[0] = true;
                }
                if (i < n && (pattern.charAt(i) == '?' || pattern.charAt(i) == '+')) {
                    i++;
                }
            } else if (c == '?') {
                requireNonNull(groups.peek())[0] = true;
                i++;
                if (i < n && (pattern.charAt(i) == '?' || pattern.charAt(i) == '+')) {
                    i++;
                }
            } else {
                i++;
            }
            lastWasRiskyGroup = riskyGroupJustClosed;
        }
        return Optional.empty();
    }

    private static boolean isFixedCount(String pattern, int open) {
        int close = pattern.indexOf('}', open);
        if (close < 0) {
            return false;
        }
        String inside = pattern.substring(open + 1, close);
        return !inside.contains(",");
    }

    /** The index after the character class that starts at {@code open}, nested classes and escapes included. */
    private static int skipClass(String pattern, int open) {
        int depth = 0;
        int i = open;
        int n = pattern.length();
        while (i < n) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '[') {
                depth++;
                // a ']' right after '[' or '[^' is a literal
                if (i + 1 < n && pattern.charAt(i + 1) == '^') {
                    i++;
                }
                if (i + 1 < n && pattern.charAt(i + 1) == ']') {
                    i++;
                }
            } else if (c == ']') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
            i++;
        }
        return n;
    }

    /** Whether {@code input} matches {@code pattern} entirely; empty when the match exceeded its budget. */
    static Optional<Boolean> boundedMatches(Pattern pattern, String input) {
        try {
            return Optional.of(pattern.matcher(new BoundedSequence(input, new int[] {MATCH_BUDGET})).matches());
        } catch (BudgetExceeded e) {
            return Optional.empty();
        }
    }

    /** Thrown inside a match that made too many {@code charAt} calls. */
    static final class BudgetExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BudgetExceeded() {
            super("pattern match budget exceeded", null, false, false);
        }
    }

    /** A view of a string whose {@code charAt} calls, shared by every sub-sequence, are counted and bounded. */
    static final class BoundedSequence implements CharSequence {
        private final String text;
        private final int[] budget;

        BoundedSequence(String text, int[] budget) {
            this.text = text;
            this.budget = budget;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            if (--budget[0] < 0) {
                throw new BudgetExceeded();
            }
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new BoundedSequence(text.substring(start, end), budget);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
