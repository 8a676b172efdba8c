package io.retailgen.cli.governance;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads real texts for false-positive figures from CSV files with a header (RFC 4180: fields may be double-quoted,
 * with doubled quotes and line breaks inside).
 */
final class RealTexts {
    private RealTexts() {
    }

    /** @return one text per review: the title (when there is a 'title' column), a line break, the review */
    static List<String> reviews(Path file) {
        return texts(file, "review", "title");
    }

    /** @return one text per product: the name (when there is a 'name' column), a line break, the description */
    static List<String> copy(Path file) {
        return texts(file, "description", "name");
    }

    private static List<String> texts(Path file, String column, String heading) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot read " + file + ": " + e, e);
        }
        List<List<String>> rows = parse(content, file);
        if (rows.isEmpty()) {
            throw new RetailGenException(ErrorCode.INVALID_DATA, file + ": empty, expected a header with a '"
                    + column + "' column");
        }
        List<String> header = rows.get(0);
        int col = header.indexOf(column);
        if (col < 0) {
            throw new RetailGenException(ErrorCode.INVALID_DATA, file + ":1: no '" + column + "' column in the "
                    + "header " + header);
        }
        int head = header.indexOf(heading);
        List<String> out = new ArrayList<>(rows.size() - 1);
        for (List<String> row : rows.subList(1, rows.size())) {
            String body = col < row.size() ? row.get(col) : "";
            String title = head >= 0 && head < row.size() ? row.get(head) : "";
            out.add(title.isEmpty() ? body : title + "\n" + body);
        }
        return out;
    }

    /** @return the records of a CSV document; an unterminated quote is an error naming the line it opened on */
    static List<List<String>> parse(String s, Path file) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int quoteLine = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (quoted) {
                if (c == '"') {
                    if (i < s.length() && s.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    line += c == '\n' ? 1 : 0;
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
                quoteLine = line;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i < s.length() && s.charAt(i) == '\n') {
                    i++;
                }
                line++;
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new RetailGenException(ErrorCode.INVALID_DATA, file + ":" + quoteLine
                    + ": a quoted field opened here is never closed");
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
