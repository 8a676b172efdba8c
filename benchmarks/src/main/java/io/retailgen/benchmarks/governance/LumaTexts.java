package io.retailgen.benchmarks.governance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Real retail text for the throughput figures: one column of a CSV file of the Luma catalog. */
final class LumaTexts {

    private LumaTexts() {
    }

    /**
     * @param file a CSV file with a header row; fields may be quoted ({@code ""} for a quote) and span lines
     * @param column the column to read
     * @return that column of every row, empty cells left out
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when the header has no such column
     */
    static List<String> column(Path file, String column) throws IOException {
        List<List<String>> rows = rows(Files.readString(file, StandardCharsets.UTF_8));
        int col = rows.isEmpty() ? -1 : rows.get(0).indexOf(column);
        if (col < 0) {
            throw new IllegalArgumentException(file + ":1: no '" + column + "' column in the header");
        }
        List<String> out = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (col < row.size() && !row.get(col).isBlank()) {
                out.add(row.get(col));
            }
        }
        return out;
    }

    private static List<List<String>> rows(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean inQuotes = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (inQuotes) {
                if (c != '"') {
                    cell.append(c);
                } else if (i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    inQuotes = false;
                }
            } else if (c == '"') {
                inQuotes = true;
            } else if (c == ',' || c == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                if (c == '\n') {
                    rows.add(row);
                    row = new ArrayList<>();
                }
            } else if (c != '\r') {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
