package io.retailgen.governance.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A signed checkpoint receipt: the sequence number, head hash, file and signature of one checkpoint of an
 * {@link AuditLog}, kept outside the log directory. A log cut back to before this checkpoint, a deleted newest file,
 * or a log re-signed with another key no longer matches its receipt, which {@link AuditLog#verify(Path, PublicKey,
 * AuditVerifyOptions)} reports.
 *
 * <p>A log writes its receipt after each checkpoint is on disk when built with
 * {@link AuditLog.Builder#anchor(Path)}; {@code retailgen audit anchor} exports one for an existing log.
 *
 * <pre>{@code
 * AuditAnchor receipt = AuditAnchor.read(Path.of("/var/lib/audit-anchor.json"));
 * AuditVerification v = AuditLog.verify(dir, publicKey, AuditVerifyOptions.strict().withAnchor(receipt));
 * }</pre>
 *
 * @param seq the checkpoint's sequence number ({@code >= 1})
 * @param head the hash the checkpoint signs: the hash of the record before it (64 hex digits)
 * @param hash the hash of the checkpoint line itself (64 hex digits)
 * @param file the name of the log file holding the checkpoint, such as {@code audit-00000003.jsonl}
 * @param signature the checkpoint's Base64 Ed25519 signature
 * @param key the SHA-256 fingerprint (hex) of the public key that signed it
 */
public record AuditAnchor(long seq, String head, String hash, String file, String signature, String key) {

    static final String FORMAT = "retailgen-audit-anchor/1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Validates. */
    public AuditAnchor {
        if (seq < 1) {
            throw new IllegalArgumentException("anchor seq must be >= 1, was " + seq);
        }
        requireHex(head, "head");
        requireHex(hash, "hash");
        requireHex(key, "key");
        Objects.requireNonNull(file, "file == null");
        if (!file.matches("audit-\\d{8}\\.jsonl")) {
            throw new IllegalArgumentException("anchor file must be an audit file name like audit-00000001.jsonl, "
                    + "was '" + file + "'");
        }
        Objects.requireNonNull(signature, "signature == null");
    }

    private static void requireHex(String value, String field) {
        if (value == null || !value.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("anchor " + field + " must be 64 lower-case hex digits, was '"
                    + value + "'");
        }
    }

    /**
     * @param key a public key
     * @return the hex SHA-256 of its X.509 encoding, as stored in {@link #key()}
     */
    public static String fingerprint(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /**
     * @param file a receipt written by {@link #write(Path)}
     * @return the receipt
     * @throws RetailGenException when the file cannot be read or a field is missing or malformed (the message names
     *     the file and field)
     */
    public static AuditAnchor read(Path file) {
        Objects.requireNonNull(file, "file == null");
        JsonNode n;
        try {
            n = MAPPER.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot read audit anchor " + file + ": " + e.getMessage(), e);
        }
        if (n == null || !n.isObject() || !FORMAT.equals(n.path("format").asText())) {
            throw new RetailGenException(ErrorCode.INVALID_DATA, "audit anchor " + file + " is not a receipt: "
                    + "expected a JSON object with \"format\": \"" + FORMAT + "\"");
        }
        try {
            return new AuditAnchor(field(n, "seq", file).asLong(), field(n, "head", file).asText(),
                    field(n, "hash", file).asText(), field(n, "file", file).asText(), field(n, "sig", file).asText(),
                    field(n, "key", file).asText());
        } catch (IllegalArgumentException e) {
            throw new RetailGenException(ErrorCode.INVALID_DATA, "audit anchor " + file + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode field(JsonNode n, String name, Path file) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull() || v.isContainerNode()) {
            throw new RetailGenException(ErrorCode.INVALID_DATA, "audit anchor " + file + ": field \"" + name
                    + "\" is missing");
        }
        return v;
    }

    /**
     * Writes the receipt atomically: a temporary file beside it is forced to disk, then moved over {@code target}.
     *
     * @param target the receipt file (its folder is created when missing)
     * @throws RetailGenException when it cannot be written
     */
    public void write(Path target) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("format", FORMAT);
        o.put("seq", seq);
        o.put("head", head);
        o.put("hash", hash);
        o.put("file", file);
        o.put("sig", signature);
        o.put("key", key);
        Path abs = target.toAbsolutePath();
        Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
        try {
            Files.createDirectories(abs.getParent());
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(java.nio.ByteBuffer.wrap((o + "\n").getBytes(StandardCharsets.UTF_8)));
                ch.force(true);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            AuditLog.forceDirectory(abs.getParent());
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot write audit anchor " + target + ": " + e, e);
        }
    }
}
