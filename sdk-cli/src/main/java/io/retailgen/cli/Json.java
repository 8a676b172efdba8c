package io.retailgen.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retailgen.core.util.JsonText;
import java.io.PrintWriter;

/**
 * The one place that writes the CLI's JSON: with {@code --json}, every command prints one JSON object on one line as
 * the last line of standard output. Commands of every sub-package use it.
 */
public final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    /** @return a new empty JSON object */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** @return a new empty JSON array */
    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /**
     * @param value a JSON node, map or record
     * @return it as JSON on one line
     */
    public static String line(Object value) {
        return JsonText.write(MAPPER.writer(), value);
    }

    /**
     * @param value a JSON node, map or record
     * @return it as indented JSON, for files
     */
    public static String pretty(Object value) {
        return JsonText.write(MAPPER.writerWithDefaultPrettyPrinter(), value);
    }

    /**
     * Prints {@code value} as one line and flushes.
     *
     * @param out standard output of the command
     * @param value a JSON node, map or record
     */
    public static void print(PrintWriter out, Object value) {
        out.println(line(value));
        out.flush();
    }
}
