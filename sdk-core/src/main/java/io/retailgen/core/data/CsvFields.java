package io.retailgen.core.data;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The small pieces every CSV reader of the SDK shares: splitting one line into fields, finding the columns it needs
 * in the header, and reading a numeric cell where {@code NA}, {@code NaN} or nothing marks a missing value. Stateless
 * and thread-safe; read files line by line with {@link TextLines}.
 *
 * <pre>{@code
 * Map<String, Integer> col = CsvFields.columns(CsvFields.split(header), file, List.of("Month", "Sales"), List.of());
 * double v = CsvFields.valueOrMissing(CsvFields.split(line).get(col.get("Sales")));
 * }</pre>
 */
public final class CsvFields {

    private CsvFields() {
    }

    /**
     * Splits one CSV line: commas separate fields, double quotes group a field and {@code ""} inside quotes is a
     * quote. Fields are not trimmed.
     *
     * @param line the line, without its line break
     * @return the fields, at least one
     */
    public static List<String> split(String line) {
        Objects.requireNonNull(line, "line == null");
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                sb.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(sb.toString());
                sb.setLength(0);
            } else {
                sb.append(c);
            }
        }
        out.add(sb.toString());
        return out;
    }

    /**
     * Finds columns by their (trimmed) header names; the first of two equal names wins.
     *
     * @param header the header fields
     * @param file the file, named in the error
     * @param required names that must be present
     * @param optional names used when present
     * @return name to 0-based index, required names first, then the optional ones found
     * @throws RetailGenException {@link ErrorCode#INVALID_DATA} naming {@code file:1}, the missing column and the
     *     columns there are
     */
    public static Map<String, Integer> columns(List<String> header, Path file, Collection<String> required,
            Collection<String> optional) {
        Map<String, Integer> all = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            all.putIfAbsent(header.get(i).trim(), i);
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String n : required) {
            Integer i = all.get(n);
            if (i == null) {
                throw new RetailGenException(ErrorCode.INVALID_DATA, file + ":1: no column '"
                        + DataIssue.printable(n, DataIssue.MAX_VALUE_LENGTH) + "'; its columns are "
                        + DataIssue.printable(header.toString(), 300));
            }
            out.put(n, i);
        }
        for (String n : optional) {
            Integer i = all.get(n);
            if (i != null) {
                out.putIfAbsent(n, i);
            }
        }
        return out;
    }

    /**
     * Reads the data rows after the header: skips blank lines, splits each line, rejects a row with fewer than
     * {@code width} fields, and hands the fields to {@code parser} under {@link DataValidator#check}, so that a row
     * the parser rejects is reported (or thrown, in strict mode) with its line number. Rows kept go to {@code sink}.
     *
     * @param lines the file, positioned after the header
     * @param width the fewest fields a row must have
     * @param validator receives bad rows
     * @param parser turns a row's fields into a value; {@link DataValidator.Row#number()} is the line number
     * @param sink receives each kept value, in file order
     * @param <T> the row type
     */
    public static <T> void forEachRow(TextLines lines, int width, DataValidator validator,
            BiFunction<DataValidator.Row, List<String>, ? extends T> parser, Consumer<? super T> sink) {
        for (String line = lines.next(); line != null; line = lines.next()) {
            if (line.isBlank()) {
                continue;
            }
            String text = line;
            validator.<T>check(lines.lineNumber(), row -> {
                List<String> fields = split(text);
                if (fields.size() < width) {
                    row.reject(null, "expected at least " + width + " fields, found " + fields.size(), text);
                }
                return parser.apply(row, fields);
            }).ifPresent(sink);
        }
    }

    /**
     * @param cell a numeric cell
     * @return {@code NaN} for an empty cell, {@code NA} or {@code NaN} (any case), else the plain finite decimal
     * @throws IllegalArgumentException when the cell is neither ({@link StrictNumbers#parseDouble})
     */
    public static double valueOrMissing(String cell) {
        String v = cell.trim();
        if (v.isEmpty() || v.equalsIgnoreCase("NA") || v.equalsIgnoreCase("NaN")) {
            return Double.NaN;
        }
        return StrictNumbers.parseDouble(v);
    }
}
