package io.retailgen.benchmarks.imagegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The Luma catalog's aligned colour pairs ({@code pairs.jsonl}) and the colourway groups they make. */
final class LumaPhotos {
    private LumaPhotos() {
    }

    /** One photo: its file (relative to the catalog folder), style, view and catalogue colour. */
    record Photo(String file, String style, String view, String colour) {
    }

    static List<JsonNode> pairs(Path luma) throws IOException {
        List<JsonNode> pairs = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(luma.resolve("pairs.jsonl"))) {
            if (!line.isBlank()) {
                pairs.add(json.readTree(line));
            }
        }
        return pairs;
    }

    /** @return the swatch of each {@code style/colour} that some pair targets */
    static Map<String, String> swatches(List<JsonNode> pairs) {
        Map<String, String> swatchOf = new HashMap<>();
        for (JsonNode p : pairs) {
            swatchOf.put(p.get("style").asText() + "/" + p.get("dst_color").asText(), p.get("swatch").asText());
        }
        return swatchOf;
    }

    /** @return the photos of every {@code style/view} that appears in a pair, each group in file order */
    static Map<String, List<Photo>> colourways(List<JsonNode> pairs) {
        Map<String, Map<String, Photo>> groups = new TreeMap<>();
        for (JsonNode p : pairs) {
            String style = p.get("style").asText();
            String view = p.get("view").asText();
            Map<String, Photo> g = groups.computeIfAbsent(style + "/" + view, k -> new TreeMap<>());
            g.put(p.get("src").asText(), new Photo(p.get("src").asText(), style, view, p.get("src_color").asText()));
            g.put(p.get("dst").asText(), new Photo(p.get("dst").asText(), style, view, p.get("dst_color").asText()));
        }
        Map<String, List<Photo>> out = new LinkedHashMap<>();
        groups.forEach((k, v) -> out.put(k, new ArrayList<>(v.values())));
        return out;
    }
}
