package io.retailgen.cli.forecast;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Map;

/** The one JSON object a forecast command prints last; NaN becomes null. */
final class ForecastJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private ForecastJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static void put(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    static ObjectNode map(Map<String, Double> m) {
        ObjectNode o = object();
        m.forEach((k, v) -> put(o, k, v));
        return o;
    }

    static void print(PrintWriter out, ObjectNode node) {
        try {
            out.println(MAPPER.writeValueAsString(node));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
        out.flush();
    }
}
