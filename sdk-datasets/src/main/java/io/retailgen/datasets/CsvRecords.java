package io.retailgen.datasets;

import io.retailgen.core.data.CsvFields;
import io.retailgen.core.data.TextLines;
import java.util.List;

/**
 * Reads RFC 4180 records one at a time from {@link TextLines}: a double-quoted field may hold line breaks, so a record
 * may span several lines. Each record remembers the line it starts on, for error messages. Not thread-safe.
 */
final class CsvRecords {

    /** The most lines one record may span; a quote left open longer than that is reported, not read to the end. */
    static final int MAX_RECORD_LINES = 500;

    /**
     * One record.
     *
     * @param line the 1-based line it starts on
     * @param fields its fields (line breaks inside quoted fields kept as {@code \n})
     * @param text the raw text, for messages
     * @param unterminated whether a quoted field was still open at the end of the file or after
     *     {@value #MAX_RECORD_LINES} lines
     */
    record Record(long line, List<String> fields, String text, boolean unterminated) {
    }

    private final TextLines lines;

    CsvRecords(TextLines lines) {
        this.lines = lines;
    }

    /** @return the next record that is not a blank line, or null at the end of the file */
    Record next() {
        String first = lines.next();
        while (first != null && first.isBlank()) {
            first = lines.next();
        }
        if (first == null) {
            return null;
        }
        long start = lines.lineNumber();
        StringBuilder text = new StringBuilder(first);
        int quotes = quotes(first);
        int spanned = 1;
        while (quotes % 2 == 1 && spanned < MAX_RECORD_LINES) {
            String more = lines.next();
            if (more == null) {
                break;
            }
            text.append('\n').append(more);
            quotes += quotes(more);
            spanned++;
        }
        String all = text.toString();
        return new Record(start, CsvFields.split(all), all, quotes % 2 == 1);
    }

    private static int quotes(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            n += s.charAt(i) == '"' ? 1 : 0;
        }
        return n;
    }
}
