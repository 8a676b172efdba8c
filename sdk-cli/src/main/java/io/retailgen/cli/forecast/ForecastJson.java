package io.retailgen.cli.forecast;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retailgen.cli.Json;
import java.util.Map;

/** The one JSON object a forecast command prints last; NaN becomes null. */
final class ForecastJson {
    private ForecastJson() {
    }

    static void put(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    static ObjectNode map(Map<String, Double> m) {
        ObjectNode o = Json.object();
        m.forEach((k, v) -> put(o, k, v));
        return o;
    }

}
