package io.retailgen.core.util;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.util.Objects;

/**
 * Writes a JSON tree, map or record as text with a configured Jackson writer, turning Jackson's checked exception
 * into an unchecked one: the modules build their JSON as trees or records, which Jackson always knows how to write,
 * so a failure is a programming error, not an input error.
 *
 * <pre>{@code
 * String line = JsonText.write(mapper.writer(), node);                          // the mapper's own settings
 * String indented = JsonText.write(mapper.writerWithDefaultPrettyPrinter(), node);
 * }</pre>
 *
 * <p>Stateless and safe for concurrent use (Jackson's writers are immutable).
 */
public final class JsonText {

    private JsonText() {
    }

    /**
     * @param writer the writer with the settings to use (indentation, key order)
     * @param value a JSON node, map or record
     * @return {@code value} as JSON text
     * @throws IllegalStateException when Jackson cannot write the value; the message names its type
     */
    public static String write(ObjectWriter writer, Object value) {
        Objects.requireNonNull(writer, "writer == null");
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + (value == null ? "null" : value.getClass().getName())
                    + " as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
