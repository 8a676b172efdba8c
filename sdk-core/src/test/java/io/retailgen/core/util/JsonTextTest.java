package io.retailgen.core.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTextTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    record Point(int x, String label) {
    }

    @Test
    void writesWithTheWritersSettings() {
        ObjectNode node = MAPPER.createObjectNode().put("name", "quote \" and \\ and \n").put("n", 3);
        assertThat(JsonText.write(MAPPER.writer(), node))
                .isEqualTo("{\"name\":\"quote \\\" and \\\\ and \\n\",\"n\":3}");
        assertThat(JsonText.write(MAPPER.writerWithDefaultPrettyPrinter(), node)).contains("\n  \"n\" : 3");
        assertThat(JsonText.write(MAPPER.writer(), new Point(1, "a"))).isEqualTo("{\"x\":1,\"label\":\"a\"}");
        ObjectMapper sorted = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        assertThat(JsonText.write(sorted.writer(), Map.of("b", 1, "a", 2))).isEqualTo("{\"a\":2,\"b\":1}");
    }

    @Test
    void aValueJacksonCannotWriteIsAnUncheckedErrorNamingItsType() {
        assertThatThrownBy(() -> JsonText.write(MAPPER.writer(), new Object()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot write java.lang.Object as JSON");
        assertThat(JsonText.write(MAPPER.writer(), null)).isEqualTo("null");
    }
}
