package io.retailgen.core.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ManifestJsonDocumentTest {

    @Test
    void bundleJsonFilesAreTheIndentedTreeEndingInANewlineInUtf8() throws Exception {
        ObjectNode node = ManifestJson.MAPPER.createObjectNode().put("name", "caf\u00e9 \"x\"");
        node.putObject("files").put("model.onnx", "abc");
        assertThat(new String(ManifestJson.document(node), StandardCharsets.UTF_8)).isEqualTo(
                "{\n  \"name\" : \"caf\u00e9 \\\"x\\\"\",\n  \"files\" : {\n    \"model.onnx\" : \"abc\"\n  }\n}\n");
        qt().forAll(strings().allPossible().ofLengthBetween(0, 20), integers().all()).checkAssert((text, n) -> {
            ObjectNode o = ManifestJson.MAPPER.createObjectNode().put("text", text).put("n", n);
            byte[] expected;
            try {
                expected = (ManifestJson.MAPPER.writeValueAsString(o) + "\n").getBytes(StandardCharsets.UTF_8);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            assertThat(ManifestJson.document(o)).isEqualTo(expected);
        });
    }
}
