package io.retailgen.core.data;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads a UTF-8 text input one line at a time with a bound on the length of a line, so that memory stays bounded
 * whatever the input holds: a file without line breaks fails at the limit instead of being read whole. A leading
 * byte order mark ({@code U+FEFF}) is dropped; {@code \n}, {@code \r\n} and {@code \r} end a line. A line longer than
 * the limit, or bytes that are not UTF-8, fail with a {@link RetailGenException} ({@link ErrorCode#INVALID_DATA})
 * that names the source, the line number and the limit, and shows at most a short, escaped prefix of the line.
 *
 * <pre>{@code
 * try (TextLines lines = TextLines.open(Path.of("m3.csv"), TextLines.DEFAULT_MAX_LINE_LENGTH)) {
 *     for (String line = lines.next(); line != null; line = lines.next()) {
 *         handle(lines.lineNumber(), line);
 *     }
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one reader per thread.
 */
public final class TextLines implements Closeable {

    /** The default most characters in one line: 1 MiB. */
    public static final int DEFAULT_MAX_LINE_LENGTH = 1 << 20;

    private static final int PREFIX = 40;
    private static final char BOM = '\uFEFF';

    private final Reader chars;
    private final InputStream bytes;
    private final CharsetDecoder decoder;
    private final ByteBuffer undecoded;
    private boolean endOfBytes;
    private boolean malformed;
    private boolean finished;
    private final String source;
    private final int maxLineLength;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private long lineNumber;
    private boolean started;
    private boolean pendingLf;

    private TextLines(Reader chars, InputStream bytes, String source, int maxLineLength) {
        if (maxLineLength < 1) {
            throw new IllegalArgumentException("maxLineLength must be >= 1, was " + maxLineLength);
        }
        this.chars = chars;
        this.bytes = bytes;
        this.decoder = bytes == null ? null : StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        this.undecoded = bytes == null ? null : ByteBuffer.allocate(8192).flip();
        this.source = Objects.requireNonNull(source, "source == null");
        this.maxLineLength = maxLineLength;
    }

    /**
     * Opens a file.
     *
     * @param file the file
     * @param maxLineLength the most characters in one line, {@code >= 1}
     * @return the reader; close it
     * @throws RetailGenException {@link ErrorCode#IO} when the file cannot be opened
     */
    public static TextLines open(Path file, int maxLineLength) {
        Objects.requireNonNull(file, "file == null");
        try {
            return of(Files.newInputStream(file), file.toString(), maxLineLength);
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads UTF-8 bytes from a stream; closing the reader closes the stream.
     *
     * @param bytes the stream
     * @param source a name for the input in messages, such as a file name
     * @param maxLineLength the most characters in one line, {@code >= 1}
     * @return the reader
     */
    public static TextLines of(InputStream bytes, String source, int maxLineLength) {
        return new TextLines(null, Objects.requireNonNull(bytes, "bytes == null"), source, maxLineLength);
    }

    /**
     * Reads text already in memory.
     *
     * @param text the text
     * @param source a name for the input in messages
     * @param maxLineLength the most characters in one line, {@code >= 1}
     * @return the reader
     */
    public static TextLines of(String text, String source, int maxLineLength) {
        return new TextLines(new StringReader(Objects.requireNonNull(text, "text == null")), null, source,
                maxLineLength);
    }

    /** @return the name of the input used in messages */
    public String source() {
        return source;
    }

    /** @return the 1-based number of the line last returned by {@link #next()}, 0 before the first */
    public long lineNumber() {
        return lineNumber;
    }

    /**
     * @return the next line without its line break, or null at the end of the input
     * @throws RetailGenException {@link ErrorCode#INVALID_DATA} for a line over the limit or bytes that are not
     *     UTF-8, {@link ErrorCode#IO} when reading fails
     */
    public String next() {
        StringBuilder line = null;
        try {
            while (true) {
                if (position == limit && !fill()) {
                    if (line == null) {
                        return null;
                    }
                    lineNumber++;
                    return line.toString();
                }
                if (!started) {
                    started = true;
                    if (buffer[position] == BOM) {
                        position++;
                        continue;
                    }
                }
                if (pendingLf) {
                    pendingLf = false;
                    if (buffer[position] == '\n') {
                        position++;
                        continue;
                    }
                }
                int start = position;
                while (position < limit && buffer[position] != '\n' && buffer[position] != '\r') {
                    position++;
                }
                if (line == null) {
                    line = new StringBuilder(Math.min(position - start + 16, maxLineLength));
                }
                if (line.length() + (position - start) > maxLineLength) {
                    line.append(buffer, start, Math.min(position - start, PREFIX));
                    throw tooLong(line);
                }
                line.append(buffer, start, position - start);
                if (position < limit) {
                    pendingLf = buffer[position] == '\r';
                    position++;
                    lineNumber++;
                    return line.toString();
                }
            }
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot read " + source + " at line " + (lineNumber + 1) + ": "
                    + e.getMessage(), e);
        }
    }

    private boolean fill() throws IOException {
        position = 0;
        limit = 0;
        if (chars != null) {
            int n;
            do {
                n = chars.read(buffer, 0, buffer.length);
            } while (n == 0);
            limit = Math.max(n, 0);
            return n > 0;
        }
        if (malformed) {
            throw new RetailGenException(ErrorCode.INVALID_DATA, source + ":" + (lineNumber + 1) + ": not UTF-8 text "
                    + "(a malformed byte sequence); expected a UTF-8 text file");
        }
        CharBuffer out = CharBuffer.wrap(buffer);
        while (out.position() == 0 && !finished) {
            CoderResult r = decoder.decode(undecoded, out, endOfBytes);
            if (r.isError()) {
                malformed = true; // the characters before it are returned first, so the error names its line
                if (out.position() == 0) {
                    return fill();
                }
            } else if (r.isUnderflow()) {
                if (endOfBytes) {
                    decoder.flush(out);
                    finished = true;
                } else {
                    undecoded.compact();
                    int n = bytes.read(undecoded.array(), undecoded.position(), undecoded.remaining());
                    if (n < 0) {
                        endOfBytes = true;
                    } else {
                        undecoded.position(undecoded.position() + n);
                    }
                    undecoded.flip();
                }
            }
        }
        limit = out.position();
        return limit > 0;
    }

    private RetailGenException tooLong(StringBuilder line) {
        String prefix = DataIssue.printable(line.substring(0, Math.min(line.length(), PREFIX)), PREFIX);
        return new RetailGenException(ErrorCode.INVALID_DATA, String.format(Locale.ROOT,
                "%s:%d: line is longer than the limit of %,d characters (it starts with \"%s...\"); is this the "
                        + "right file and format?", source, lineNumber + 1, maxLineLength, prefix));
    }

    @Override
    public void close() {
        try {
            if (chars != null) {
                chars.close();
            } else {
                bytes.close();
            }
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot close " + source + ": " + e.getMessage(), e);
        }
    }
}
