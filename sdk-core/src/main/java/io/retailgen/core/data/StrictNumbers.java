package io.retailgen.core.data;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Parses numbers written in plain decimal notation and nothing else: {@code 12}, {@code -3.5}, {@code 1.2e-3}. Unlike
 * {@link Double#parseDouble(String)} it refuses hexadecimal floats, type suffixes ({@code 1d}, {@code 2f}),
 * {@code NaN}, {@code Infinity}, values that overflow to infinity, and surrounding blanks; unlike
 * {@link Integer#decode(String)} it refuses {@code 0x10} and reads {@code 010} as ten. An integer written in
 * exponent notation ({@code 1e8}) is not an integer. Messages quote at most a short, escaped prefix of the text.
 * Stateless and thread-safe.
 *
 * <pre>{@code
 * double v = StrictNumbers.parseDouble("940.66");
 * int h = StrictNumbers.parseInt("1e8"); // IllegalArgumentException: "1e8" is not an integer ...
 * }</pre>
 */
public final class StrictNumbers {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final int QUOTED = 40;

    private StrictNumbers() {
    }

    /**
     * @param text a finite decimal number
     * @return its value
     * @throws IllegalArgumentException when the text is not a finite decimal number
     */
    public static double parseDouble(String text) {
        Objects.requireNonNull(text, "text == null");
        if (text.length() > 400 || !DECIMAL.matcher(text).matches()) {
            throw new IllegalArgumentException(quote(text) + " is not a decimal number (such as 12, -3.5 or 1.2e-3)");
        }
        double d = Double.parseDouble(text);
        if (Double.isInfinite(d)) {
            throw new IllegalArgumentException(quote(text) + " is too large for a double (at most about 1.8e308)");
        }
        return d;
    }

    /**
     * @param text a decimal integer
     * @return its value
     * @throws IllegalArgumentException when the text is not a decimal integer in the range of {@code long}
     */
    public static long parseLong(String text) {
        Objects.requireNonNull(text, "text == null");
        checkInteger(text);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(quote(text) + " is out of range (" + Long.MIN_VALUE + " to "
                    + Long.MAX_VALUE + ")", e);
        }
    }

    /**
     * @param text a decimal integer
     * @return its value
     * @throws IllegalArgumentException when the text is not a decimal integer in the range of {@code int}
     */
    public static int parseInt(String text) {
        long v = parseLong(text);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(quote(text) + " is out of range (" + Integer.MIN_VALUE + " to "
                    + Integer.MAX_VALUE + ")");
        }
        return (int) v;
    }

    private static void checkInteger(String text) {
        if (!INTEGER.matcher(text).matches()) {
            throw new IllegalArgumentException(quote(text) + " is not an integer (decimal digits with an optional "
                    + "sign; no exponent, point or hexadecimal)");
        }
    }

    private static String quote(String text) {
        return '"' + DataIssue.printable(text, QUOTED) + '"';
    }
}
