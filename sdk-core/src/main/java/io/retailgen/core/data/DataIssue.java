package io.retailgen.core.data;

import java.io.Serializable;
import java.util.Locale;

/**
 * One bad row of input data: where it is, what is wrong, and the offending value made safe to print. The
 * constructor makes {@code column}, {@code reason} and {@code value} printable with {@link #printable(String, int)}
 * (control, format and separator characters escaped, long values shortened), so a report stays readable whatever the
 * input held. Doing so twice changes nothing, so a report read back from JSON equals the one written.
 *
 * <pre>{@code
 * DataIssue issue = new DataIssue(12, "Price", "negative price", "-3.50");
 * issue.describe(); // row 12, column Price: negative price (value "-3.50")
 * }</pre>
 *
 * @param row the 1-based line or record number
 * @param column the column name, or null when the problem is with the row as a whole
 * @param reason what is wrong, and what would be valid
 * @param value the offending value, escaped and shortened to {@value #MAX_VALUE_LENGTH} characters, or null
 */
public record DataIssue(long row, String column, String reason, String value) implements Serializable {

    /** The most characters kept of an offending value. */
    public static final int MAX_VALUE_LENGTH = 80;

    private static final int MAX_REASON_LENGTH = 1000;
    private static final String ELLIPSIS = "...";

    /** Validates, escapes and shortens. */
    public DataIssue {
        if (row < 1) {
            throw new IllegalArgumentException("row numbers are 1-based, was " + row);
        }
        if (reason == null) {
            throw new NullPointerException("reason == null");
        }
        if (reason.isBlank()) {
            throw new IllegalArgumentException("reason must not be blank");
        }
        column = column == null ? null : printable(column, MAX_VALUE_LENGTH);
        reason = printable(reason, MAX_REASON_LENGTH);
        value = value == null ? null : printable(value, MAX_VALUE_LENGTH);
    }

    /** @return a one-line description, such as {@code row 12, column Price: negative price (value "-3.50")} */
    public String describe() {
        StringBuilder b = new StringBuilder("row ").append(row);
        if (column != null) {
            b.append(", column ").append(column);
        }
        b.append(": ").append(reason);
        if (value != null) {
            b.append(" (value \"").append(value).append("\")");
        }
        return b.toString();
    }

    /**
     * Makes text safe to print on one line: line breaks and tabs become {@code \n}, {@code \r}, {@code \t}; other
     * control characters, invisible format characters (such as bidirectional overrides and zero-width joiners), line
     * and paragraph separators and unpaired surrogates become {@code \}{@code uXXXX} (or {@code \}{@code u{XXXXX}}
     * beyond the BMP). Backslashes are kept as they are, so the result is readable but not always reversible. Text
     * longer than {@code maxLength} characters after escaping is cut, without splitting an escape or a surrogate
     * pair, and ends with {@code ...}. Applying this to its own result returns the result unchanged. Never throws
     * for any string.
     *
     * <pre>{@code
     * DataIssue.printable("a\tb\u202Ec", 80); // a\tb\u202Ec (with literal backslashes)
     * }</pre>
     *
     * @param text the text
     * @param maxLength the most characters in the result, {@code >= 8}
     * @return the printable text
     */
    public static String printable(String text, int maxLength) {
        if (text == null) {
            throw new NullPointerException("text == null");
        }
        if (maxLength < 8) {
            throw new IllegalArgumentException("maxLength must be >= 8, was " + maxLength);
        }
        if (text.length() <= maxLength && isPrintable(text)) {
            return text;
        }
        int budget = maxLength - ELLIPSIS.length();
        StringBuilder out = new StringBuilder(Math.min(text.length(), maxLength) + 8);
        int i = 0;
        int cutAt = -1;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            String piece = escape(cp);
            int width = piece == null ? Character.charCount(cp) : piece.length();
            if (cutAt < 0 && out.length() + width > budget) {
                cutAt = out.length();
            }
            if (out.length() + width > maxLength) {
                out.setLength(cutAt);
                return out.append(ELLIPSIS).toString();
            }
            if (piece == null) {
                out.appendCodePoint(cp);
            } else {
                out.append(piece);
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static boolean isPrintable(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (escape(cp) != null) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    private static String escape(int cp) {
        switch (cp) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            default:
                break;
        }
        int type = Character.getType(cp);
        if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE) {
            return cp <= 0xFFFF ? String.format(Locale.ROOT, "\\u%04X", cp)
                    : String.format(Locale.ROOT, "\\u{%X}", cp);
        }
        return null;
    }
}
