package io.retailgen.governance.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * One read of every file of a log directory, checking each complete line: its hash, sequence number, chain link and,
 * for checkpoints, the signature. Shared by {@link AuditLog#verify} and by opening a log, which refuses to write
 * after damage. Only an unterminated last line of the newest file that could be the start of a record (a write cut
 * short by a crash) counts as torn rather than damaged.
 */
final class AuditScan {

    static final String GENESIS = "0".repeat(64);
    static final String HASH_KEY = ",\"hash\":\"";
    private static final String RECORD_START = "{\"seq\":";
    private static final byte[] HASH_KEY_BYTES = HASH_KEY.getBytes(StandardCharsets.US_ASCII);
    private static final JsonFactory JSON = new JsonFactory();
    private static final HexFormat HEX = HexFormat.of();

    private final PublicKey key;
    private final String keyFingerprint;
    private final long anchorSeq;
    private final boolean stopAtFirst;

    /** Problems that name a file and line: edited, deleted, reordered, inserted or re-signed records. */
    final List<String> damage = new ArrayList<>();
    long records;
    long checkpoints;
    long sinceCheckpoint;
    long lastSeq;
    String lastHash = GENESIS;
    /** The last checkpoint whose signature verified, or null. */
    AuditAnchor lastCheckpoint;
    /** The checkpoint at {@code anchorSeq}, or null when the log holds none there. */
    AuditAnchor anchoredCheckpoint;
    /** The newest file when it ends in a torn line, else null. */
    Path tornFile;
    long tornKeep;
    long tornBytes;
    int files;

    private long expectedSeq = 1;
    private final MessageDigest digest = newSha256();
    private byte[] scratch = new byte[4096];

    private AuditScan(PublicKey key, long anchorSeq, boolean stopAtFirst) {
        this.key = key;
        this.keyFingerprint = AuditAnchor.fingerprint(key);
        this.anchorSeq = anchorSeq;
        this.stopAtFirst = stopAtFirst;
    }

    /**
     * @param dir the log directory
     * @param key the key checkpoints must verify under
     * @param anchorSeq the sequence number of a checkpoint to capture in {@link #anchoredCheckpoint}, or 0
     * @param stopAtFirst stop reading at the first damaged line
     */
    static AuditScan of(Path dir, PublicKey key, long anchorSeq, boolean stopAtFirst) throws IOException {
        AuditScan s = new AuditScan(key, anchorSeq, stopAtFirst);
        List<Path> all = listFiles(dir);
        s.files = all.size();
        for (int i = 0; i < all.size() && !(stopAtFirst && !s.damage.isEmpty()); i++) {
            s.readFile(all.get(i), i == all.size() - 1);
        }
        return s;
    }

    static List<Path> listFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("audit-\\d{8}\\.jsonl")).sorted().toList();
        }
    }

    private void readFile(Path f, boolean newest) throws IOException {
        byte[] bytes = Files.readAllBytes(f);
        String name = f.getFileName().toString();
        int start = 0;
        int lineNo = 0;
        while (start < bytes.length && !(stopAtFirst && !damage.isEmpty())) {
            lineNo++;
            int nl = start;
            while (nl < bytes.length && bytes[nl] != '\n') {
                nl++;
            }
            String where = name + ":" + lineNo + ": ";
            if (nl == bytes.length) {
                unterminated(f, bytes, start, newest, where);
                return;
            }
            checkLine(bytes, start, nl, name, where);
            start = nl + 1;
        }
    }

    private void unterminated(Path f, byte[] bytes, int start, boolean newest, String where) {
        int end = bytes.length;
        while (end > start && bytes[end - 1] == 0) {
            end--; // a power loss can leave the file longer than the data that reached it, filled with zeros
        }
        String tail = new String(bytes, start, end - start, StandardCharsets.UTF_8);
        if (!newest) {
            damage.add(where + "line without a newline in a file that is not the newest (file cut or overwritten)");
        } else if (!couldBeTorn(tail)) {
            damage.add(where + "last line has no newline and is not the start of a record (record damaged)");
        } else {
            tornFile = f;
            tornKeep = start;
            tornBytes = bytes.length - start;
        }
    }

    /** A write cut short leaves a prefix of one record: nothing after the record's end, and no damaged record. */
    private static boolean couldBeTorn(String tail) {
        if (tail.length() <= RECORD_START.length()) {
            return RECORD_START.startsWith(tail);
        }
        if (!tail.startsWith(RECORD_START)) {
            return false;
        }
        int i = tail.lastIndexOf(HASH_KEY);
        int end = i + HASH_KEY.length() + 64 + 2;
        if (i < 0 || tail.length() < end || !tail.substring(i + HASH_KEY.length(), end - 2).matches("[0-9a-f]{64}")
                || !tail.startsWith("\"}", end - 2)) {
            return true;
        }
        return tail.length() == end && intact(tail);
    }

    /** Checks the line {@code b[start, end)} (its newline excluded). */
    private void checkLine(byte[] b, int start, int end, String fileName, String where) {
        records++;
        String hash = intactHash(b, start, end);
        if (hash == null) {
            String line = new String(b, start, end - start, StandardCharsets.UTF_8);
            damage.add(where + (line.endsWith("\r")
                    ? "hash mismatch: the line ends with a carriage return (file converted to CRLF line endings?)"
                    : "hash mismatch or malformed line (record edited)"));
            lastHash = line.contains(HASH_KEY) && line.length() > 66 ? safeHash(line) : lastHash;
            expectedSeq++;
            sinceCheckpoint++;
            return;
        }
        Fields r;
        try {
            r = parse(b, start, end - HASH_KEY_BYTES.length - 66);
        } catch (IOException e) {
            damage.add(where + "not a JSON record: " + (e instanceof JsonProcessingException j
                    ? j.getOriginalMessage() : e.getMessage()));
            lastHash = hash;
            expectedSeq++;
            sinceCheckpoint++;
            return;
        }
        long s = r.seq;
        if (s != expectedSeq) {
            damage.add(where + "sequence " + s + " where " + expectedSeq
                    + " was expected (record deleted, inserted or reordered)");
        }
        if (!r.prev.equals(lastHash)) {
            damage.add(where + "chain broken: prev does not match the hash of the record before");
        }
        if (AuditLog.CHECKPOINT.equals(r.type)) {
            if (!r.head.equals(r.prev) || !verifySignature(key, s, r.head, r.sig)) {
                damage.add(where + "checkpoint signature invalid (re-signed, edited, or not signed by this key)");
            } else if (r.head.matches("[0-9a-f]{64}") && s >= 1) {
                lastCheckpoint = new AuditAnchor(s, r.head, hash, fileName, r.sig, keyFingerprint);
                if (s == anchorSeq) {
                    anchoredCheckpoint = lastCheckpoint;
                }
            }
            checkpoints++;
            sinceCheckpoint = 0;
        } else {
            sinceCheckpoint++;
        }
        expectedSeq = s + 1;
        lastSeq = s;
        lastHash = hash;
    }

    /** The fields a check needs; missing ones read as -1 or "". */
    private record Fields(long seq, String type, String prev, String head, String sig) {
    }

    /**
     * The hex hash of the line when it ends in a {@code "hash"} member holding the SHA-256 of the line without that
     * member, else null. Hashes the bytes as they are on disk.
     */
    private String intactHash(byte[] b, int start, int end) {
        int hk = end - HASH_KEY_BYTES.length - 66;
        if (hk <= start || b[end - 2] != '"' || b[end - 1] != '}'
                || !Arrays.equals(b, hk, hk + HASH_KEY_BYTES.length, HASH_KEY_BYTES, 0, HASH_KEY_BYTES.length)) {
            return null;
        }
        digest.update(b, start, hk - start);
        digest.update((byte) '}');
        String hex = HEX.formatHex(digest.digest());
        for (int i = 0; i < 64; i++) {
            if (b[hk + HASH_KEY_BYTES.length + i] != hex.charAt(i)) {
                return null;
            }
        }
        return hex;
    }

    /** Reads the record body {@code b[start, bodyEnd) + "}"} with a streaming parser: it must be one JSON object. */
    private Fields parse(byte[] b, int start, int bodyEnd) throws IOException {
        int len = bodyEnd - start + 1;
        if (scratch.length < len) {
            scratch = new byte[Math.max(len, scratch.length * 2)];
        }
        System.arraycopy(b, start, scratch, 0, len - 1);
        scratch[len - 1] = '}';
        long seq = -1;
        String type = "";
        String prev = "";
        String head = "";
        String sig = "";
        try (JsonParser p = JSON.createParser(scratch, 0, len)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new JsonParseException(p, "a record is a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "seq" -> seq = t == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : -1;
                    case "type" -> type = t == JsonToken.VALUE_STRING ? p.getText() : "";
                    case "prev" -> prev = t == JsonToken.VALUE_STRING ? p.getText() : "";
                    case "data" -> {
                        if (t == JsonToken.START_OBJECT) {
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String field = p.currentName();
                                JsonToken v = p.nextToken();
                                if (field.equals("head") && v == JsonToken.VALUE_STRING) {
                                    head = p.getText();
                                } else if (field.equals("sig") && v == JsonToken.VALUE_STRING) {
                                    sig = p.getText();
                                } else {
                                    p.skipChildren();
                                }
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new JsonParseException(p, "content after the record's closing brace");
            }
        }
        return new Fields(seq, type, prev, head, sig);
    }

    /**
     * @return why the log does not hold the receipt's checkpoint, or null when it does
     */
    String anchorProblem(AuditAnchor a) {
        if (!a.key().equals(keyFingerprint)) {
            return "anchor: the receipt was signed by key " + a.key().substring(0, 16) + "..., the public key given is "
                    + keyFingerprint.substring(0, 16) + "... (log re-signed with another key, or wrong key)";
        }
        if (!verifySignature(key, a.seq(), a.head(), a.signature())) {
            return "anchor: the receipt's signature does not verify under the public key (receipt forged)";
        }
        if (a.seq() != anchorSeq) {
            throw new IllegalStateException("scanned for checkpoint " + anchorSeq + ", asked about " + a.seq());
        }
        if (anchoredCheckpoint == null) {
            if (lastSeq < a.seq()) {
                return "anchor: the log ends at seq " + lastSeq + " but the receipt names checkpoint seq " + a.seq()
                        + " in " + a.file() + " (log cut back to an earlier point, or its newest file deleted)";
            }
            return "anchor: record seq " + a.seq() + " is not the receipt's signed checkpoint (log rewritten)";
        }
        if (!anchoredCheckpoint.equals(a)) {
            return "anchor: checkpoint seq " + a.seq() + " in " + anchoredCheckpoint.file()
                    + " differs from the receipt's (" + a.file() + ", head " + a.head().substring(0, 12)
                    + "...): log rewritten";
        }
        return null;
    }

    static boolean intact(String line) {
        int i = line.lastIndexOf(HASH_KEY);
        return i > 0 && line.length() == i + HASH_KEY.length() + 64 + 2 && line.endsWith("\"}")
                && sha256(line.substring(0, i) + "}").equals(line.substring(i + HASH_KEY.length(),
                i + HASH_KEY.length() + 64));
    }

    static String bodyOf(String line) {
        return line.substring(0, line.lastIndexOf(HASH_KEY)) + "}";
    }

    static String hashOf(String line) {
        int i = line.lastIndexOf(HASH_KEY) + HASH_KEY.length();
        return line.substring(i, i + 64);
    }

    private static String safeHash(String line) {
        int i = line.lastIndexOf(HASH_KEY) + HASH_KEY.length();
        return i + 64 <= line.length() ? line.substring(i, i + 64) : GENESIS;
    }

    static String sha256(String s) {
        return HEX.formatHex(newSha256().digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    static byte[] signedBytes(long checkpointSeq, String head) {
        return ("retailgen-audit-checkpoint:" + checkpointSeq + ":" + head).getBytes(StandardCharsets.UTF_8);
    }

    static boolean verifySignature(PublicKey key, long checkpointSeq, String head, String sigB64) {
        try {
            Signature sig = Signature.getInstance("Ed25519");
            sig.initVerify(key);
            sig.update(signedBytes(checkpointSeq, head));
            return sig.verify(Base64.getDecoder().decode(sigB64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
