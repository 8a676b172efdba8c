package io.retailgen.core.bundle;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.util.JsonText;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Reads and writes {@code manifest.json} with explicit field handling, so that errors name the field. */
final class ManifestJson {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ManifestJson() {
    }

    static byte[] write(BundleManifest m) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("formatVersion", m.formatVersion());
        root.put("kind", m.kind());
        root.put("name", m.name());
        root.put("version", m.version());
        root.put("created", m.created().toString());
        ObjectNode files = root.putObject("files");
        m.files().forEach(files::put);
        Provenance p = m.provenance();
        ObjectNode prov = root.putObject("provenance");
        prov.put("dataFingerprint", p.dataFingerprint());
        prov.put("rowCount", p.rowCount());
        ObjectNode hyper = prov.putObject("hyperParameters");
        p.hyperParameters().forEach(hyper::put);
        prov.put("seed", p.seed());
        prov.put("sdkVersion", p.sdkVersion());
        prov.put("javaVersion", p.javaVersion());
        prov.put("osName", p.osName());
        prov.put("osArch", p.osArch());
        ObjectNode metrics = prov.putObject("metrics");
        p.metrics().forEach(metrics::put);
        return document(root);
    }

    /** @return {@code node} as an indented JSON document ending in a newline, in UTF-8: the bundle's JSON files */
    static byte[] document(JsonNode node) {
        return (JsonText.write(MAPPER.writer(), node) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Parses a manifest; {@code source} names the bundle in error messages. The format version is checked before any
     * other field so that a newer bundle gets the "upgrade" message rather than a complaint about its layout.
     */
    static BundleManifest read(byte[] json, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw invalid(source, BundleManifest.FILE_NAME + " is not valid JSON: " + e.getOriginalMessage()
                    + " at line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()));
        } catch (IOException e) {
            throw invalid(source, BundleManifest.FILE_NAME + " cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw invalid(source, BundleManifest.FILE_NAME + " must hold a JSON object, found "
                    + (root == null || root.isMissingNode() ? "nothing" : root.getNodeType().toString()
                    .toLowerCase(Locale.ROOT)));
        }
        JsonNode fv = root.get("formatVersion");
        if (fv == null || !fv.isIntegralNumber() || !fv.canConvertToInt()) {
            throw invalid(source, field("formatVersion", "must be an integer", fv));
        }
        int formatVersion = fv.intValue();
        if (formatVersion > BundleManifest.CURRENT_FORMAT_VERSION) {
            throw invalid(source, "bundle format version " + formatVersion + " is newer than this SDK supports ("
                    + BundleManifest.CURRENT_FORMAT_VERSION + "); upgrade the SDK");
        }
        if (formatVersion < 1) {
            throw invalid(source, field("formatVersion", "must be >= 1", fv));
        }
        String kind = text(root, "kind", "", source);
        String name = text(root, "name", "", source);
        String version = text(root, "version", "", source);
        String createdText = text(root, "created", "", source);
        Instant created;
        try {
            created = Instant.parse(createdText);
        } catch (DateTimeParseException e) {
            throw invalid(source, "field 'created' must be an ISO-8601 UTC instant like 2026-01-31T12:00:00Z, was '"
                    + createdText + "'");
        }
        Map<String, String> files = new LinkedHashMap<>();
        JsonNode filesNode = object(root, "files", "", source);
        for (Map.Entry<String, JsonNode> e : filesNode.properties()) {
            JsonNode v = e.getValue();
            if (!v.isTextual()) {
                throw invalid(source, field("files." + e.getKey(), "must be a SHA-256 hex string", v));
            }
            files.put(e.getKey(), v.textValue().toLowerCase(Locale.ROOT));
        }
        JsonNode provNode = object(root, "provenance", "", source);
        String fingerprint = text(provNode, "dataFingerprint", "provenance.", source);
        long rowCount = integer(provNode, "rowCount", "provenance.", source);
        Map<String, String> hyper = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : object(provNode, "hyperParameters", "provenance.", source).properties()) {
            JsonNode v = e.getValue();
            if (v.isNull()) {
                throw invalid(source, field("provenance.hyperParameters." + e.getKey(), "must not be null", v));
            }
            // Scalars become their text; arrays and objects keep their JSON text.
            hyper.put(e.getKey(), v.isValueNode() ? v.asText() : v.toString());
        }
        long seed = integer(provNode, "seed", "provenance.", source);
        String sdk = text(provNode, "sdkVersion", "provenance.", source);
        String java = text(provNode, "javaVersion", "provenance.", source);
        String osName = text(provNode, "osName", "provenance.", source);
        String osArch = text(provNode, "osArch", "provenance.", source);
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : object(provNode, "metrics", "provenance.", source).properties()) {
            if (!e.getValue().isNumber()) {
                throw invalid(source, field("provenance.metrics." + e.getKey(), "must be a number", e.getValue()));
            }
            metrics.put(e.getKey(), e.getValue().doubleValue());
        }
        try {
            Provenance provenance = new Provenance(fingerprint, rowCount, hyper, seed, sdk, java, osName, osArch,
                    metrics);
            return new BundleManifest(formatVersion, kind, name, version, created, files, provenance);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw invalid(source, BundleManifest.FILE_NAME + " is invalid: " + e.getMessage());
        }
    }

    static RetailGenException invalid(String source, String detail) {
        return new RetailGenException(ErrorCode.INVALID_BUNDLE, "invalid model bundle " + source + ": " + detail);
    }

    private static String field(String path, String rule, JsonNode found) {
        return BundleManifest.FILE_NAME + " field '" + path + "' " + (found == null ? "is missing" : rule
                + ", was " + found);
    }

    private static String text(JsonNode parent, String name, String prefix, String source) {
        JsonNode n = parent.get(name);
        if (n == null || !n.isTextual()) {
            throw invalid(source, field(prefix + name, "must be a string", n));
        }
        return n.textValue();
    }

    private static long integer(JsonNode parent, String name, String prefix, String source) {
        JsonNode n = parent.get(name);
        if (n == null || !n.isIntegralNumber() || !n.canConvertToLong()) {
            throw invalid(source, field(prefix + name, "must be an integer", n));
        }
        return n.longValue();
    }

    private static JsonNode object(JsonNode parent, String name, String prefix, String source) {
        JsonNode n = parent.get(name);
        if (n == null || !n.isObject()) {
            throw invalid(source, field(prefix + name, "must be a JSON object", n));
        }
        return n;
    }
}
