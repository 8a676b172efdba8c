package io.retailgen.examples.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Parses the Kubernetes manifests of docs/deploy.md and checks that they fit together. They were not applied to a
 * cluster: this is what can be checked without one.
 */
class DeployManifestsTest {

    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> documents() throws Exception {
        Path doc = Path.of("..", "docs", "deploy.md");
        Matcher m = YAML_BLOCK.matcher(Files.readString(doc));
        List<Map<String, Object>> out = new ArrayList<>();
        while (m.find()) {
            out.add((Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(m.group(1)));
        }
        return out;
    }

    static Map<String, Object> kind(List<Map<String, Object>> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.get("kind"))).findFirst().orElseThrow(() ->
                new AssertionError("docs/deploy.md has no " + kind));
    }

    @SuppressWarnings("unchecked")
    static Object at(Object node, String... path) {
        Object n = node;
        for (String p : path) {
            n = p.matches("\\d+") ? ((List<Object>) n).get(Integer.parseInt(p)) : ((Map<String, Object>) n).get(p);
            assertThat(n).as(String.join(".", path)).isNotNull();
        }
        return n;
    }

    @Test
    @SuppressWarnings("unchecked")
    void deploymentServiceAdapterRulesAndAutoscalerFitTogether() throws Exception {
        List<Map<String, Object>> docs = documents();
        assertThat(docs).hasSize(4);
        Map<String, Object> deployment = kind(docs, "Deployment");
        Map<String, Object> service = kind(docs, "Service");
        Map<String, Object> hpa = kind(docs, "HorizontalPodAutoscaler");
        Map<String, Object> adapter = docs.stream().filter(d -> d.containsKey("rules")).findFirst().orElseThrow();

        assertThat(at(deployment, "apiVersion")).isEqualTo("apps/v1");
        Map<String, Object> labels = (Map<String, Object>) at(deployment, "spec", "template", "metadata", "labels");
        assertThat(at(deployment, "spec", "selector", "matchLabels")).isEqualTo(labels);
        assertThat(at(service, "spec", "selector")).isEqualTo(labels);
        Map<String, Object> container = (Map<String, Object>) at(deployment, "spec", "template", "spec",
                "containers", "0");
        Map<String, Object> port = (Map<String, Object>) at(container, "ports", "0");
        assertThat(at(service, "spec", "ports", "0", "targetPort")).isEqualTo(port.get("name"));
        List<String> args = (List<String>) container.get("args");
        assertThat(args).containsSubsequence("--port", String.valueOf(port.get("containerPort")))
                .containsSubsequence("--bind", "0.0.0.0");
        Map<String, Object> annotations = (Map<String, Object>) at(deployment, "spec", "template", "metadata",
                "annotations");
        assertThat(annotations).containsEntry("prometheus.io/path", "/metrics")
                .containsEntry("prometheus.io/port", String.valueOf(port.get("containerPort")));

        assertThat(at(hpa, "apiVersion")).isEqualTo("autoscaling/v2");
        assertThat(at(hpa, "spec", "scaleTargetRef", "kind")).isEqualTo("Deployment");
        assertThat(at(hpa, "spec", "scaleTargetRef", "name")).isEqualTo(at(deployment, "metadata", "name"));
        assertThat((Integer) at(hpa, "spec", "minReplicas")).isLessThan((Integer) at(hpa, "spec", "maxReplicas"));
        List<Map<String, Object>> metrics = (List<Map<String, Object>>) at(hpa, "spec", "metrics");
        List<String> asked = metrics.stream().map(x -> (String) at(x, "pods", "metric", "name")).toList();
        List<Map<String, Object>> rules = (List<Map<String, Object>>) adapter.get("rules");
        List<String> provided = rules.stream().map(r -> (String) at(r, "name", "as")).toList();
        assertThat(provided).containsExactlyInAnyOrderElementsOf(asked);
        assertThat(asked).containsExactlyInAnyOrder("retailgen_recommend_p99_seconds",
                "retailgen_recommend_requests_per_second");
        // the adapter reads the series the storefront exposes (see StorefrontMetricsTest)
        for (Map<String, Object> r : rules) {
            assertThat((String) r.get("seriesQuery")).startsWith("retailgen_generation_seconds_");
        }
        assertThat((String) rules.get(0).get("metricsQuery")).contains("histogram_quantile(0.99");
    }
}
