package io.retailgen.imagegen;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.util.JsonText;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.Node;

/**
 * A versioned, content-addressed asset store on disk. Each asset is a PNG named by the SHA-256 of its bytes, with its
 * {@link Lineage} embedded as a PNG text chunk and repeated in a JSON sidecar. Assets are grouped under keys (a SKU,
 * a campaign slot) whose history can be listed and rolled back; every change is appended to an audit trail. Writes go
 * through a temporary file and an atomic move, so a failure in one asset of a batch leaves every stored asset intact.
 *
 * <pre>{@code
 * AssetStore store = AssetStore.open(Path.of("assets"), Clock.systemUTC());
 * String id = store.put("sku-123", asset.image(), lineage);
 * queue.submit(id, "spring campaign");
 * ...
 * store.publish(id, queue);
 * store.exportDam(List.of(id), Path.of("dam-export"), queue);
 * }</pre>
 *
 * <p>Thread-safe within one process (methods are synchronized); one store directory must not be written by two
 * processes at once.
 */
public final class AssetStore {
    /** Keyword of the PNG text chunk that holds the lineage JSON. */
    public static final String LINEAGE_KEYWORD = "retailgen:lineage";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature(), true);
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern ID = Pattern.compile("[0-9a-f]{64}");
    private static final String PNG_FORMAT = "javax_imageio_png_1.0";

    private final Path root;
    private final Clock clock;

    private AssetStore(Path root, Clock clock) {
        this.root = root;
        this.clock = clock;
    }

    /**
     * @param root the store directory (created when missing)
     * @param clock stamps history and audit entries
     * @return the store
     */
    public static AssetStore open(Path root, Clock clock) {
        Objects.requireNonNull(root, "root == null");
        Objects.requireNonNull(clock, "clock == null");
        try {
            Files.createDirectories(root.resolve("objects"));
            Files.createDirectories(root.resolve("keys"));
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.REGISTRY, "cannot create asset store at " + root + ": "
                    + e.getMessage(), e);
        }
        return new AssetStore(root, clock);
    }

    /** @return the store directory */
    public Path root() {
        return root;
    }

    /**
     * Stores an image as a new version of {@code key} (storing identical bytes again reuses the object).
     *
     * @param key the asset key: letters, digits, '.', '_', '-', at most 128 characters
     * @param image the image
     * @param lineage where it came from
     * @return the asset id (SHA-256 of the PNG bytes)
     */
    public synchronized String put(String key, BufferedImage image, Lineage lineage) {
        requireKey(key);
        Objects.requireNonNull(image, "image == null");
        Objects.requireNonNull(lineage, "lineage == null");
        ObjectNode lj = lineageJson(lineage);
        byte[] png = encodePng(image, lj.toString());
        String id = sha256(png);
        Path file = objectFile(id);
        if (!Files.exists(file)) {
            ObjectNode sidecar = MAPPER.createObjectNode();
            sidecar.put("id", id);
            sidecar.put("key", key);
            sidecar.put("width", image.getWidth());
            sidecar.put("height", image.getHeight());
            sidecar.put("created", clock.instant().toString());
            sidecar.set("lineage", lj);
            writeAtomic(root.resolve("objects").resolve(id + ".json"), bytes(sidecar));
            writeAtomic(file, png);
        }
        ObjectNode k = readKey(key);
        ArrayNode versions = k.withArray("versions");
        ObjectNode v = versions.addObject();
        v.put("version", versions.size());
        v.put("id", id);
        v.put("time", clock.instant().toString());
        k.put("current", versions.size());
        writeAtomic(keyFile(key), bytes(k));
        audit("put", key, id, "version " + versions.size());
        return id;
    }

    /**
     * @param id an asset id
     * @return the PNG bytes
     * @throws RetailGenException when there is no such asset or its bytes no longer match the id
     */
    public synchronized byte[] read(String id) {
        requireId(id);
        try {
            byte[] png = Files.readAllBytes(objectFile(id));
            if (!sha256(png).equals(id)) {
                throw new RetailGenException(ErrorCode.REGISTRY, "asset " + id + " is corrupt: its bytes hash to "
                        + sha256(png));
            }
            return png;
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.REGISTRY, "no asset " + id + " in " + root, e);
        }
    }

    /**
     * @param id an asset id
     * @return the lineage read back from the PNG's text chunk
     */
    public Lineage lineage(String id) {
        return readLineage(read(id));
    }

    /**
     * @param key an asset key
     * @return the ids of its versions, oldest first
     */
    public synchronized List<String> history(String key) {
        requireKey(key);
        List<String> out = new ArrayList<>();
        for (JsonNode v : readKey(key).path("versions")) {
            out.add(v.path("id").asText());
        }
        return out;
    }

    /**
     * @param key an asset key
     * @return the id of the current version
     * @throws IllegalStateException when the key has no versions
     */
    public synchronized String current(String key) {
        requireKey(key);
        ObjectNode k = readKey(key);
        int cur = k.path("current").asInt(0);
        if (cur == 0) {
            throw new IllegalStateException("asset key " + key + " has no versions");
        }
        return k.path("versions").get(cur - 1).path("id").asText();
    }

    /**
     * Makes the version before the current one current again.
     *
     * @param key an asset key
     * @return the id that is now current
     * @throws IllegalStateException when there is no earlier version
     */
    public synchronized String rollback(String key) {
        requireKey(key);
        ObjectNode k = readKey(key);
        int cur = k.path("current").asInt(0);
        if (cur <= 1) {
            throw new IllegalStateException("asset key " + key + " has no earlier version to roll back to (current "
                    + cur + ")");
        }
        k.put("current", cur - 1);
        writeAtomic(keyFile(key), bytes(k));
        String id = k.path("versions").get(cur - 2).path("id").asText();
        audit("rollback", key, id, "to version " + (cur - 1));
        return id;
    }

    /**
     * Publishes an approved asset (recorded in the audit trail).
     *
     * @param id the asset
     * @param reviews the review queue that must hold an approval
     * @throws IllegalStateException when the asset is not approved
     */
    public synchronized void publish(String id, ReviewQueue reviews) {
        read(id);
        reviews.requireApproved(id);
        audit("publish", "-", id, "approved by " + reviews.history(id).get(reviews.history(id).size() - 1)
                .reviewer());
    }

    /** @return the audit trail, one JSON object per line, oldest first */
    public synchronized List<String> auditTrail() {
        Path f = root.resolve("audit.jsonl");
        try {
            return Files.exists(f) ? Files.readAllLines(f, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.REGISTRY, "cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    /**
     * Exports approved assets for a digital-asset-management system: {@code <id>.png} files and a
     * {@code manifest.json} with id, file, size, lineage and review history.
     *
     * @param ids the assets (each must be approved)
     * @param dir the export folder
     * @param reviews the review queue
     * @return the manifest file
     */
    public synchronized Path exportDam(List<String> ids, Path dir, ReviewQueue reviews) {
        ArrayNode assets = MAPPER.createArrayNode();
        try {
            Files.createDirectories(dir);
            for (String id : ids) {
                reviews.requireApproved(id);
                byte[] png = read(id);
                Path f = dir.resolve(id + ".png");
                writeAtomic(f, png);
                JsonNode sidecar = MAPPER.readTree(Files.readAllBytes(root.resolve("objects").resolve(id + ".json")));
                ObjectNode a = assets.addObject();
                a.put("id", id);
                a.put("file", f.getFileName().toString());
                a.put("sha256", id);
                a.put("bytes", png.length);
                a.set("width", sidecar.get("width"));
                a.set("height", sidecar.get("height"));
                a.set("key", sidecar.get("key"));
                a.set("lineage", sidecar.get("lineage"));
                ArrayNode review = a.putArray("review");
                for (ReviewQueue.Decision d : reviews.history(id)) {
                    ObjectNode r = review.addObject();
                    r.put("status", d.status().name());
                    r.put("reviewer", d.reviewer());
                    r.put("comment", d.comment());
                    r.put("time", d.time().toString());
                }
            }
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.REGISTRY, "cannot export to " + dir + ": " + e.getMessage(), e);
        }
        ObjectNode manifest = MAPPER.createObjectNode();
        manifest.put("format", "retailgen-dam-1");
        manifest.put("exported", clock.instant().toString());
        manifest.set("assets", assets);
        Path m = dir.resolve("manifest.json");
        writeAtomic(m, bytes(manifest));
        audit("export", "-", "-", ids.size() + " assets to " + dir);
        return m;
    }

    /**
     * Reads the lineage text chunk of a PNG written by this store.
     *
     * @param png the PNG bytes
     * @return the lineage
     * @throws RetailGenException when the bytes are not a PNG or carry no lineage
     */
    public static Lineage readLineage(byte[] png) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            var readers = ImageIO.getImageReadersByFormatName("png");
            ImageReader r = readers.next();
            try {
                r.setInput(in);
                IIOMetadata md = r.getImageMetadata(0);
                Node tree = md.getAsTree(PNG_FORMAT);
                for (Node n = tree.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (!"tEXt".equals(n.getNodeName())) {
                        continue;
                    }
                    for (Node e = n.getFirstChild(); e != null; e = e.getNextSibling()) {
                        var attrs = e.getAttributes();
                        if (LINEAGE_KEYWORD.equals(attrs.getNamedItem("keyword").getNodeValue())) {
                            return parseLineage(MAPPER.readTree(attrs.getNamedItem("value").getNodeValue()));
                        }
                    }
                }
            } finally {
                r.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new RetailGenException(ErrorCode.INVALID_DATA, "cannot read lineage from PNG: " + e.getMessage(), e);
        }
        throw new RetailGenException(ErrorCode.INVALID_DATA, "PNG has no '" + LINEAGE_KEYWORD + "' text chunk");
    }

    private static Lineage parseLineage(JsonNode n) {
        List<String> steps = new ArrayList<>();
        n.path("steps").forEach(s -> steps.add(s.asText()));
        return new Lineage(n.path("model_version").asText(), n.path("seed").asLong(), n.path("request").asText(),
                n.hasNonNull("parent_asset") ? n.get("parent_asset").asText() : null, steps);
    }

    private static ObjectNode lineageJson(Lineage l) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("model_version", l.modelVersion());
        n.put("seed", l.seed());
        n.put("request", l.request());
        if (l.parentAsset() != null) {
            n.put("parent_asset", l.parentAsset());
        } else {
            n.putNull("parent_asset");
        }
        ArrayNode s = n.putArray("steps");
        l.steps().forEach(s::add);
        return n;
    }

    static byte[] encodePng(BufferedImage image, String lineageJson) {
        String value;
        try {
            value = MAPPER.writeValueAsString(MAPPER.readTree(lineageJson));
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.INVALID_DATA, "cannot encode PNG: " + e.getMessage(), e);
        }
        return PhotoFiles.png(image, java.util.Map.of(LINEAGE_KEYWORD, value));
    }

    private void audit(String action, String key, String id, String detail) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("time", clock.instant().toString());
        n.put("action", action);
        n.put("key", key);
        n.put("id", id);
        n.put("detail", detail);
        try {
            Files.write(root.resolve("audit.jsonl"), (n.toString() + "\n").getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.REGISTRY, "cannot append to audit trail: " + e.getMessage(), e);
        }
    }

    private ObjectNode readKey(String key) {
        Path f = keyFile(key);
        if (!Files.exists(f)) {
            ObjectNode n = MAPPER.createObjectNode();
            n.put("key", key);
            n.put("current", 0);
            n.putArray("versions");
            return n;
        }
        try {
            return (ObjectNode) MAPPER.readTree(Files.readAllBytes(f));
        } catch (IOException | ClassCastException e) {
            throw new RetailGenException(ErrorCode.REGISTRY, "asset key file " + f + " is corrupt: " + e.getMessage(),
                    e);
        }
    }

    private Path keyFile(String key) {
        return root.resolve("keys").resolve(key + ".json");
    }

    private Path objectFile(String id) {
        return root.resolve("objects").resolve(id + ".png");
    }

    private static void requireKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("asset key '" + key + "' must match " + KEY.pattern());
        }
    }

    private static void requireId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("asset id '" + id + "' must be 64 lowercase hex digits");
        }
    }

    private static byte[] bytes(JsonNode n) {
        return JsonText.write(MAPPER.writerWithDefaultPrettyPrinter(), n).getBytes(StandardCharsets.UTF_8);
    }

    private static void writeAtomic(Path file, byte[] data) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.write(tmp, data);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.REGISTRY, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
