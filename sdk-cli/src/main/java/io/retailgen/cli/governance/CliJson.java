package io.retailgen.cli.governance;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retailgen.cli.Json;
import io.retailgen.core.intercept.Finding;
import java.util.List;

/** One-line JSON output for the governance commands (the same conventions as the other commands). */
final class CliJson {
    private CliJson() {
    }

    static ArrayNode findings(List<Finding> findings) {
        ArrayNode a = Json.array();
        for (Finding f : findings) {
            ObjectNode o = a.addObject();
            o.put("start", f.start());
            o.put("end", f.end());
            o.put("rule", f.ruleId());
            o.put("category", f.category());
            o.put("severity", f.severity().name());
            o.put("message", f.message());
            o.put("confidence", f.confidence());
        }
        return a;
    }
}
