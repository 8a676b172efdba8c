package io.retailgen.recommend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.data.DataIssue;
import io.retailgen.core.data.DataValidator;
import io.retailgen.core.data.StrictNumbers;
import io.retailgen.core.data.TextLines;
import io.retailgen.core.data.ValidationMode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads interactions from the session TSV ({@code SessionId ItemId Time}), CSV with a header, or JSON Lines.
 *
 * <p>Columns (TSV and CSV headers, JSON field names) are matched case-insensitively, ignoring {@code _}:
 * {@code sessionId|session}, {@code itemId|item}, {@code time|timestamp} (unix seconds, or an ISO-8601 instant),
 * and optionally {@code type|eventType|event} ({@code view|cart|purchase}), {@code deviceType|device},
 * {@code hour|hourOfDay}, {@code locale}. A missing type means {@code view}.
 *
 * <p>Rows are checked with sdk-core's {@link DataValidator}: in lenient mode (the default) a malformed row is
 * skipped and reported in the {@link io.retailgen.core.data.DataReport} as a
 * {@link io.retailgen.core.data.DataIssue} (row, column, reason, value); in strict mode the first malformed row throws
 * {@link io.retailgen.core.data.DataValidationException} (a {@link RetailGenException} with
 * {@link ErrorCode#INVALID_DATA}) naming the row.
 * NaN, infinite or unparsable timestamps are always malformed; numeric timestamps are plain decimals
 * ({@link StrictNumbers}).
 *
 * <p>Input is read as a UTF-8 stream one line at a time ({@link TextLines}): a leading byte order mark is dropped, and a
 * line longer than the limit ({@link TextLines#DEFAULT_MAX_LINE_LENGTH} by default, see
 * {@link Builder#maxLineLength(int)}) or bytes that are not UTF-8 fail with {@link ErrorCode#INVALID_DATA} naming the
 * line, in either mode, without holding more than one line in memory.
 *
 * <pre>{@code
 * InteractionData data = InteractionReader.builder().format(InteractionReader.Format.TSV).build()
 *         .read(Path.of("train_tr.tsv"));
 * data.issues().forEach(i -> log.warn("skipped {}", i));
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class InteractionReader {

    /** The file formats understood. */
    public enum Format {
        /** Tab-separated with a header line. */
        TSV,
        /** Comma-separated with a header line; fields may be double-quoted. */
        CSV,
        /** One JSON object per line. */
        JSON_LINES;

        /**
         * Guesses the format from a file name: {@code .jsonl}/{@code .ndjson}/{@code .json} give JSON Lines,
         * {@code .csv} gives CSV, anything else TSV.
         *
         * @param file the file
         * @return the format
         */
        public static Format fromFileName(Path file) {
            String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json")) {
                return JSON_LINES;
            }
            return n.endsWith(".csv") ? CSV : TSV;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Format format;
    private final boolean strict;
    private final int maxLineLength;

    private InteractionReader(Builder b) {
        this.format = b.format;
        this.strict = b.strict;
        this.maxLineLength = b.maxLineLength;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a file in lenient mode with the format guessed from its name.
     *
     * @param file the file
     * @return the data
     */
    public static InteractionData readLenient(Path file) {
        return builder().format(Format.fromFileName(file)).build().read(file);
    }

    /**
     * Reads a file.
     *
     * @param file the file
     * @return the good rows and the issues
     * @throws RetailGenException {@link ErrorCode#IO} when the file cannot be read, {@link ErrorCode#INVALID_DATA}
     *     in strict mode on the first malformed row or when the header lacks a required column
     */
    public InteractionData read(Path file) {
        Objects.requireNonNull(file, "file");
        try (TextLines lines = TextLines.open(file, maxLineLength)) {
            return read(lines);
        }
    }

    /**
     * Reads text already in memory.
     *
     * @param text the file contents
     * @return the good rows and the issues
     */
    public InteractionData readString(String text) {
        try (TextLines lines = TextLines.of(text, "<string>", maxLineLength)) {
            return read(lines);
        }
    }

    private InteractionData read(TextLines lines) {
        String source = lines.source();
        DataValidator validator = DataValidator.builder().source(source)
                .mode(strict ? ValidationMode.STRICT : ValidationMode.LENIENT).build();
        List<Interaction> out = new ArrayList<>();
        Columns cols = null;
        for (String text = lines.next(); text != null; text = lines.next()) {
            if (text.isBlank()) {
                continue;
            }
            if (format != Format.JSON_LINES && cols == null) {
                cols = Columns.of(split(text), source);
                continue;
            }
            Columns c = cols;
            String row = text;
            validator.check(lines.lineNumber(), v -> {
                try {
                    return format == Format.JSON_LINES ? parseJson(row) : parseDelimited(c, split(row));
                } catch (BadRow e) {
                    v.reject(e.column.isEmpty() ? null : e.column, e.getMessage(), e.value);
                    return null;
                }
            }).ifPresent(out::add);
        }
        return new InteractionData(out, validator.report());
    }

    private List<String> split(String line) {
        if (format == Format.TSV) {
            List<String> f = new ArrayList<>(4);
            int start = 0;
            for (int i = 0; i <= line.length(); i++) {
                if (i == line.length() || line.charAt(i) == '\t') {
                    f.add(line.substring(start, i).trim());
                    start = i + 1;
                }
            }
            return f;
        }
        List<String> f = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                f.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        f.add(cur.toString().trim());
        return f;
    }

    private static Interaction parseDelimited(Columns c, List<String> f) {
        if (f.size() < c.width) {
            throw new BadRow("", "expected " + c.width + " fields, found " + f.size(), String.join("|", f));
        }
        String session = required(f.get(c.session), "session id");
        String item = required(f.get(c.item), "item id");
        double time = parseTime(f.get(c.time));
        EventType type = c.type < 0 || f.get(c.type).isEmpty() ? EventType.VIEW : parseType(f.get(c.type));
        String device = c.device < 0 ? "" : f.get(c.device);
        int hour = c.hour < 0 ? -1 : parseHour(f.get(c.hour));
        String locale = c.locale < 0 ? "" : f.get(c.locale);
        return new Interaction(session, item, time, type, context(device, hour, locale));
    }

    private static Interaction parseJson(String text) {
        JsonNode n;
        try {
            n = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new BadRow("", "not valid JSON: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) {
            throw new BadRow("", "expected a JSON object per line");
        }
        String session = required(text(n, "sessionid", "session"), "session id");
        String item = required(text(n, "itemid", "item"), "item id");
        JsonNode t = field(n, "time", "timestamp");
        double time;
        if (t == null || t.isNull()) {
            throw new BadRow("time", "missing timestamp");
        } else if (t.isNumber()) {
            time = t.doubleValue();
            if (!Double.isFinite(time)) {
                throw new BadRow("time", "timestamp must be finite, was " + time);
            }
        } else {
            time = parseTime(t.asText());
        }
        String type = text(n, "eventtype", "type", "event");
        String device = text(n, "devicetype", "device");
        String hour = text(n, "hourofday", "hour");
        String locale = text(n, "locale");
        return new Interaction(session, item, time, type.isEmpty() ? EventType.VIEW : parseType(type),
                context(device, hour.isEmpty() ? -1 : parseHour(hour), locale));
    }

    private static EventContext context(String device, int hour, String locale) {
        return device.isEmpty() && hour < 0 && locale.isEmpty() ? EventContext.NONE
                : new EventContext(device, hour, locale);
    }

    private static JsonNode field(JsonNode n, String... names) {
        for (var e : n.properties()) {
            String k = Columns.norm(e.getKey());
            for (String name : names) {
                if (k.equals(name)) {
                    return e.getValue();
                }
            }
        }
        return null;
    }

    private static String text(JsonNode n, String... names) {
        JsonNode v = field(n, names);
        return v == null || v.isNull() ? "" : v.asText().trim();
    }

    private static String required(String v, String what) {
        if (v.isEmpty()) {
            throw new BadRow(what, "missing " + what);
        }
        return v;
    }

    static double parseTime(String s) {
        if (s.isEmpty()) {
            throw new BadRow("time", "missing timestamp");
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.equals("nan") || lower.matches("[+-]?infinity")) {
            throw new BadRow("time", "timestamp must be finite unix seconds, was '" + s + "'", s);
        }
        try {
            return StrictNumbers.parseDouble(s);
        } catch (IllegalArgumentException e) {
            try {
                return Instant.parse(s).toEpochMilli() / 1000.0;
            } catch (DateTimeParseException e2) {
                throw new BadRow("time", "unparsable timestamp '" + DataIssue.printable(s, DataIssue.MAX_VALUE_LENGTH)
                        + "', expected unix seconds or an ISO-8601 instant", s);
            }
        }
    }

    private static EventType parseType(String s) {
        try {
            return EventType.parse(s);
        } catch (IllegalArgumentException e) {
            throw new BadRow("type", e.getMessage());
        }
    }

    private static int parseHour(String s) {
        if (s.isEmpty()) {
            return -1;
        }
        try {
            int h = Integer.parseInt(s);
            if (h < 0 || h > 23) {
                throw new BadRow("hour", "hour of day must be 0..23, was " + h);
            }
            return h;
        } catch (NumberFormatException e) {
            throw new BadRow("hour", "hour of day must be an integer 0..23, was '" + s + "'");
        }
    }

    /** The positions of the known columns in a header. */
    private static final class Columns {
        int session = -1;
        int item = -1;
        int time = -1;
        int type = -1;
        int device = -1;
        int hour = -1;
        int locale = -1;
        int width;

        static String norm(String s) {
            return s.trim().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        }

        static Columns of(List<String> header, String source) {
            Columns c = new Columns();
            for (int i = 0; i < header.size(); i++) {
                switch (norm(header.get(i))) {
                    case "sessionid":
                    case "session":
                        c.session = i;
                        break;
                    case "itemid":
                    case "item":
                        c.item = i;
                        break;
                    case "time":
                    case "timestamp":
                        c.time = i;
                        break;
                    case "type":
                    case "eventtype":
                    case "event":
                        c.type = i;
                        break;
                    case "device":
                    case "devicetype":
                        c.device = i;
                        break;
                    case "hour":
                    case "hourofday":
                        c.hour = i;
                        break;
                    case "locale":
                        c.locale = i;
                        break;
                    default:
                        break;
                }
            }
            if (c.session < 0 || c.item < 0 || c.time < 0) {
                throw new RetailGenException(ErrorCode.INVALID_DATA, source + ":1: the header must name the"
                        + " columns SessionId, ItemId and Time (found " + DataIssue.printable(header.toString(), 300)
                        + ")");
            }
            c.width = Math.max(c.session, Math.max(c.item, c.time)) + 1;
            for (int x : new int[] {c.type, c.device, c.hour, c.locale}) {
                c.width = Math.max(c.width, x + 1);
            }
            return c;
        }
    }

    /** A row-level parse failure; never escapes this class. */
    private static final class BadRow extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String column;
        final String value;

        BadRow(String column, String message) {
            this(column, message, null);
        }

        BadRow(String column, String message, String value) {
            super(message, null, false, false);
            this.column = column;
            this.value = value;
        }
    }

    /** Builds an {@link InteractionReader}. */
    public static final class Builder {
        private Format format = Format.TSV;
        private boolean strict;
        private int maxLineLength = TextLines.DEFAULT_MAX_LINE_LENGTH;

        private Builder() {
        }

        /**
         * The file format (default TSV).
         *
         * @param f the format
         * @return this builder
         */
        public Builder format(Format f) {
            this.format = Objects.requireNonNull(f, "format");
            return this;
        }

        /**
         * Strict mode throws on the first malformed row; lenient mode (the default) skips and reports it.
         *
         * @param strictMode true for strict
         * @return this builder
         */
        public Builder strict(boolean strictMode) {
            this.strict = strictMode;
            return this;
        }

        /**
         * The most characters in one line (default {@link TextLines#DEFAULT_MAX_LINE_LENGTH}); a longer line fails the
         * read with its line number.
         *
         * @param characters the limit, {@code >= 1}
         * @return this builder
         */
        public Builder maxLineLength(int characters) {
            if (characters < 1) {
                throw new IllegalArgumentException("maxLineLength must be >= 1, was " + characters);
            }
            this.maxLineLength = characters;
            return this;
        }

        /** @return the reader */
        public InteractionReader build() {
            return new InteractionReader(this);
        }
    }
}
