package io.retailgen.cli.governance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retailgen.core.intercept.Finding;
import java.io.PrintWriter;
import java.util.List;

/** One-line JSON output for the governance commands (the same conventions as the other commands). */
final class CliJson {
    static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);

    private CliJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static String line(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static void print(PrintWriter out, ObjectNode node) {
        out.println(line(node));
        out.flush();
    }

    static ArrayNode findings(List<Finding> findings) {
        ArrayNode a = MAPPER.createArrayNode();
        for (Finding f : findings) {
            ObjectNode o = a.addObject();
            o.put("start", f.start());
            o.put("end", f.end());
            o.put("rule", f.ruleId());
            o.put("category", f.category());
            o.put("severity", f.severity().name());
            o.put("message", f.message());
        }
        return a;
    }
}
