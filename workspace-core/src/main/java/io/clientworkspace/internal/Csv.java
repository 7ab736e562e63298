package io.clientworkspace.internal;

import static java.util.Objects.requireNonNull;

/**
 * The one CSV cell rule of the kit's exports (the insight reports, the audit view): RFC 4180 quoting, and a cell a
 * spreadsheet would take for a formula (first character {@code = + - @}, tab or CR) prefixed with {@code '}.
 */
public final class Csv {

    private Csv() {
    }

    /** One cell, formula-neutralised and quoted when it holds a comma, a quote or a line break. */
    public static String cell(String value) {
        requireNonNull(value, "value must not be null");
        String safe = value;
        if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
