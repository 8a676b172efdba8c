package io.retailgen.examples;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link Demo} run produced: the report folder, the key figures (also in {@code summary.json} and, with
 * {@code --json}, on the last line of standard output) and the parts that failed.
 *
 * <pre>{@code
 * DemoResult r = Demo.run(DemoOptions.defaults(), System.out);
 * if (!r.problems().isEmpty()) { ... }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param reportDir the report folder
 * @param figures the key figures by name, in insertion order (an unmodifiable copy; values may be null)
 * @param problems one line per part that failed (an unmodifiable copy)
 */
public record DemoResult(Path reportDir, Map<String, Object> figures, List<String> problems) {

    /** Validates and copies. */
    public DemoResult {
        Objects.requireNonNull(reportDir, "reportDir == null");
        figures = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(figures, "figures == null")));
        problems = List.copyOf(Objects.requireNonNull(problems, "problems == null"));
    }

    /** @return the figures as one JSON object on one line */
    public String toJson() {
        return Demo.json(figures);
    }
}
