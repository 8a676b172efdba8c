package io.retailgen.governance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tamper-evident audit log: JSON Lines files in one directory, every record chained to the one before by SHA-256,
 * with periodic checkpoints signed with Ed25519. {@link #verify(Path, PublicKey)} detects any edited, deleted,
 * reordered or inserted record, and an attacker who re-computes the chain after an edit is caught by the
 * checkpoint signatures unless they hold the private key.
 *
 * <p>Each line is {@code {"seq":n,"ts":"...","type":"...","prev":"<hash of line n-1>","data":{...},"hash":"<hex>"}}
 * where {@code hash} is the SHA-256 of the line's bytes without the {@code hash} member. A checkpoint line has type
 * {@value #CHECKPOINT} and data {@code {"head":"<prev>","sig":"<base64 Ed25519 signature>"}}.
 *
 * <p>Crash safety: records are written through a buffer that is handed to the operating system every
 * {@link Builder#fsyncEvery(int)} records, at every checkpoint and on {@link #close()}, and then forced to disk. With
 * the default {@link Durability#GROUP_COMMIT} a background thread does the forcing, so {@code append} does not wait
 * for the disk; forces requested while one is running are merged into the next (group commit). A killed process
 * loses nothing the operating system already holds; a power loss or kernel crash can lose the records after the
 * last completed force. Call {@link #flush()} (or {@link #checkpoint()}) when a record must be on disk before going
 * on, or choose {@link Durability#SYNC} to force in the appending thread. Opening a log after a crash
 * truncates a torn last line (one without its newline, or that does not parse) and continues the chain after the
 * last intact record; nothing before it is lost. Files rotate at {@link Builder#maxFileBytes(long)}; the chain runs
 * on across files ({@code audit-00000001.jsonl}, {@code audit-00000002.jsonl}, ...). String values in the data are
 * passed through a PII redactor before they are written.
 *
 * <pre>{@code
 * KeyPair keys = AuditLog.generateKeyPair();
 * try (AuditLog log = AuditLog.builder().directory(Path.of("audit")).signingKey(keys)
 *         .checkpointEvery(1000).fsyncEvery(100).build()) {
 *     log.append("generation", Map.of("requestId", "r-1", "verdict", "ALLOW"));
 * }
 * AuditVerification v = AuditLog.verify(Path.of("audit"), keys.getPublic());
 * }</pre>
 *
 * <p>Thread-safe: appends from many threads are serialized. One directory must be written by one {@code AuditLog}
 * at a time.
 */
public final class AuditLog implements AutoCloseable {

    /** The record type of signed checkpoints. */
    public static final String CHECKPOINT = "checkpoint";

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final String GENESIS = "0".repeat(64);
    private static final String HASH_KEY = ",\"hash\":\"";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final HexFormat HEX = HexFormat.of();

    private final Path directory;
    private final PrivateKey signingKey;
    private final int checkpointEvery;
    private final int fsyncEvery;
    private final long maxFileBytes;
    private final ContentPolicy redactor;
    private final Clock clock;
    private final long recoveredBytes;
    private final Durability durability;
    /** Guards the group-commit state below; never held while waiting for {@code this}. */
    private final Object syncLock = new Object();
    private final Thread syncer;
    private FileChannel syncChannel;
    private long requestedSeq;
    private long durableSeq;
    private boolean forcing;
    private boolean stopping;
    private IOException syncFailure;

    private int fileIndex;
    private FileChannel channel;
    private OutputStream out;
    private long fileBytes;
    private long seq;
    private String lastHash;
    private long sinceCheckpoint;
    private long sinceSync;
    private boolean closed;

    private AuditLog(Builder b) {
        this.directory = b.directory;
        this.signingKey = b.keys.getPrivate();
        this.checkpointEvery = b.checkpointEvery;
        this.fsyncEvery = b.fsyncEvery;
        this.maxFileBytes = b.maxFileBytes;
        this.redactor = b.redactor;
        this.clock = b.clock;
        this.durability = b.durability;
        try {
            Files.createDirectories(directory);
            List<Path> files = listFiles(directory);
            long recovered = 0;
            seq = 0;
            lastHash = GENESIS;
            for (int i = files.size() - 1; i >= 0; i--) {
                Path f = files.get(i);
                long[] cut = new long[1];
                String last = recoverFile(f, cut);
                recovered += cut[0];
                if (last != null) {
                    JsonNode node = MAPPER.readTree(bodyOf(last));
                    seq = node.path("seq").asLong();
                    lastHash = hashOf(last);
                    break;
                }
            }
            recoveredBytes = recovered;
            if (recovered > 0) {
                LOG.warn("audit log {}: truncated {} bytes of a torn last record on recovery", directory, recovered);
            }
            fileIndex = files.isEmpty() ? 1 : fileNumber(files.get(files.size() - 1));
            openFile();
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot open audit log in " + directory + ": " + e, e);
        }
        durableSeq = seq;
        requestedSeq = seq;
        if (durability == Durability.GROUP_COMMIT) {
            syncer = new Thread(this::syncLoop, "retailgen-audit-fsync");
            syncer.setDaemon(true);
            syncer.start();
        } else {
            syncer = null;
        }
    }

    /** How {@link AuditLog} forces batches of records to disk. */
    public enum Durability {
        /** The appending thread forces every batch itself and waits for the disk. */
        SYNC,
        /**
         * A background thread forces batches; {@code append} returns once the batch is handed to the operating
         * system. Forces requested while one runs are merged. {@link AuditLog#flush()} still waits for the disk.
         */
        GROUP_COMMIT
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @return a fresh Ed25519 key pair from the JDK provider
     */
    public static KeyPair generateKeyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no Ed25519 support", e);
        }
    }

    /** @return how many bytes of a torn tail were cut off when this log was opened (0 after a clean close) */
    public long recoveredBytes() {
        return recoveredBytes;
    }

    /** @return the sequence number of the last record written */
    public synchronized long lastSeq() {
        return seq;
    }

    /**
     * Appends one record. With {@link Durability#GROUP_COMMIT} it returns without waiting for the disk; call
     * {@link #flush()} when the record must be durable before going on.
     *
     * @param type the record type, such as {@code "generation"} or {@code "access.denied"}; not blank and not
     *     {@value #CHECKPOINT}
     * @param data the record's fields (strings are PII-redacted; values must be JSON-serializable)
     * @return the record's sequence number
     * @throws IllegalStateException after {@link #close()}
     * @throws RetailGenException when writing fails
     */
    public synchronized long append(String type, Map<String, ?> data) {
        ClaimRule.requireText(type, "type");
        if (type.equals(CHECKPOINT)) {
            throw new IllegalArgumentException("type '" + CHECKPOINT + "' is reserved for signed checkpoints");
        }
        Objects.requireNonNull(data, "data == null");
        ensureOpen();
        long s = write(type, MAPPER.valueToTree(redact(data)));
        if (checkpointEvery > 0 && ++sinceCheckpoint >= checkpointEvery) {
            writeCheckpoint();
            batchSync();
        } else if (fsyncEvery > 0 && ++sinceSync >= fsyncEvery) {
            batchSync();
        }
        return s;
    }

    /** Writes a signed checkpoint now and forces the file to disk. */
    public synchronized void checkpoint() {
        ensureOpen();
        writeCheckpoint();
        sync();
    }

    private void writeCheckpoint() {
        ObjectNode data = MAPPER.createObjectNode();
        data.put("head", lastHash);
        data.put("sig", sign(seq + 1, lastHash));
        write(CHECKPOINT, data);
        sinceCheckpoint = 0;
    }

    /** Flushes buffered records and forces them to disk. */
    public synchronized void flush() {
        ensureOpen();
        sync();
    }

    /** Writes a final checkpoint (when records followed the last one), forces and closes. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        try {
            if (sinceCheckpoint > 0) {
                checkpoint();
            } else {
                sync();
            }
        } finally {
            closed = true;
            stopSyncer();
            try {
                out.close();
            } catch (IOException e) {
                LOG.warn("audit log {}: close failed: {}", directory, e.toString());
            }
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("audit log " + directory + " is closed");
        }
    }

    /**
     * Every kind of personal data the default redactor finds holds a digit (phone, card, house number) or an
     * {@code @} (e-mail) after normalization; ASCII text without either is skipped, non-ASCII text is always checked
     * (full-width digits and at signs fold to ASCII ones).
     */
    static boolean mayHoldPii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= '0' && c <= '9') || c == '@' || c >= 128) {
                return true;
            }
        }
        return false;
    }

    private Object redact(Object value) {
        if (value instanceof String s) {
            if (redactor == null || (redactor == PiiRedactorHolder.PII_ONLY && !mayHoldPii(s))) {
                return s;
            }
            return redactor.check(s).redactedText();
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(String.valueOf(k), redact(v)));
            return copy;
        }
        if (value instanceof List<?> l) {
            List<Object> copy = new ArrayList<>(l.size());
            l.forEach(v -> copy.add(redact(v)));
            return copy;
        }
        return value;
    }

    private long write(String type, JsonNode data) {
        long s = seq + 1;
        ObjectNode body = MAPPER.createObjectNode();
        body.put("seq", s);
        body.put("ts", clock.instant().toString());
        body.put("type", type);
        body.put("prev", lastHash);
        body.set("data", data);
        String json;
        try {
            json = MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit data is not serializable: " + e.getMessage(), e);
        }
        String hash = sha256(json);
        String line = json.substring(0, json.length() - 1) + HASH_KEY + hash + "\"}\n";
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        try {
            if (fileBytes > 0 && fileBytes + bytes.length > maxFileBytes) {
                sync();
                out.close();
                fileIndex++;
                openFile();
            }
            out.write(bytes);
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot write audit record " + s + " to " + directory + ": "
                    + e, e);
        }
        fileBytes += bytes.length;
        seq = s;
        lastHash = hash;
        return s;
    }

    /** Hands buffered records to the OS and forces them now, waiting for a background force on the same file. */
    private void sync() {
        try {
            out.flush();
            synchronized (syncLock) {
                while (forcing) {
                    syncLock.wait();
                }
                if (syncFailure != null) {
                    IOException f = syncFailure;
                    syncFailure = null;
                    throw f;
                }
                channel.force(false);
                durableSeq = Math.max(durableSeq, seq);
                requestedSeq = Math.max(requestedSeq, seq);
                syncLock.notifyAll();
            }
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot sync audit log " + directory + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetailGenException(ErrorCode.IO, "interrupted while syncing audit log " + directory, e);
        }
        sinceSync = 0;
    }

    /** End of a batch: forces now ({@link Durability#SYNC}) or asks the background thread to. */
    private void batchSync() {
        if (durability == Durability.SYNC) {
            sync();
            return;
        }
        try {
            out.flush();
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot write audit log " + directory + ": " + e, e);
        }
        synchronized (syncLock) {
            if (syncFailure != null) {
                IOException f = syncFailure;
                syncFailure = null;
                throw new RetailGenException(ErrorCode.IO, "cannot sync audit log " + directory + ": " + f, f);
            }
            requestedSeq = seq;
            syncLock.notifyAll();
        }
        sinceSync = 0;
    }

    /** The group-commit thread: forces the current file whenever records beyond the durable point were handed over. */
    private void syncLoop() {
        while (true) {
            FileChannel ch;
            long target;
            synchronized (syncLock) {
                while (!stopping && (requestedSeq <= durableSeq || syncFailure != null)) {
                    try {
                        syncLock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (stopping) {
                    return;
                }
                ch = syncChannel;
                target = requestedSeq;
                forcing = true;
            }
            IOException failure = null;
            try {
                ch.force(false);
            } catch (IOException e) {
                failure = e;
            }
            synchronized (syncLock) {
                forcing = false;
                if (failure == null) {
                    durableSeq = Math.max(durableSeq, target);
                } else {
                    syncFailure = failure;
                    LOG.warn("audit log {}: background fsync failed: {}", directory, failure.toString());
                }
                syncLock.notifyAll();
            }
        }
    }

    private void stopSyncer() {
        if (syncer == null) {
            return;
        }
        synchronized (syncLock) {
            stopping = true;
            syncLock.notifyAll();
        }
        try {
            syncer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void openFile() throws IOException {
        Path f = directory.resolve(fileName(fileIndex));
        channel = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        fileBytes = channel.size();
        out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        synchronized (syncLock) {
            syncChannel = channel;
        }
    }

    private String sign(long checkpointSeq, String head) {
        try {
            Signature sig = Signature.getInstance("Ed25519");
            sig.initSign(signingKey);
            sig.update(signedBytes(checkpointSeq, head));
            return Base64.getEncoder().encodeToString(sig.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign an audit checkpoint with " + signingKey.getAlgorithm()
                    + ": " + e, e);
        }
    }

    private static byte[] signedBytes(long checkpointSeq, String head) {
        return ("retailgen-audit-checkpoint:" + checkpointSeq + ":" + head).getBytes(StandardCharsets.UTF_8);
    }

    static String fileName(int index) {
        return String.format("audit-%08d.jsonl", index);
    }

    private static int fileNumber(Path f) {
        String n = f.getFileName().toString();
        return Integer.parseInt(n.substring(6, 14));
    }

    static List<Path> listFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("audit-\\d{8}\\.jsonl")).sorted().toList();
        }
    }

    /** Cuts a torn tail off {@code f}; returns the last intact line, or null when none is left. */
    private static String recoverFile(Path f, long[] cut) throws IOException {
        byte[] bytes = Files.readAllBytes(f);
        int end = bytes.length;
        while (true) {
            int lastNl = end - 1;
            while (lastNl >= 0 && bytes[lastNl] != '\n') {
                lastNl--;
            }
            if (lastNl < 0) {
                truncate(f, bytes.length, 0, cut);
                return null;
            }
            int lineStart = lastNl - 1;
            while (lineStart >= 0 && bytes[lineStart] != '\n') {
                lineStart--;
            }
            lineStart++;
            if (lastNl + 1 < end) {
                // bytes after the last newline: a torn line
                end = lastNl + 1;
                continue;
            }
            String line = new String(bytes, lineStart, lastNl - lineStart, StandardCharsets.UTF_8);
            if (intact(line)) {
                truncate(f, bytes.length, end, cut);
                return line;
            }
            end = lineStart;
        }
    }

    private static void truncate(Path f, long size, long keep, long[] cut) throws IOException {
        if (keep < size) {
            try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
                ch.truncate(keep);
                ch.force(true);
            }
            cut[0] = size - keep;
        }
    }

    private static boolean intact(String line) {
        int i = line.lastIndexOf(HASH_KEY);
        return i > 0 && line.length() == i + HASH_KEY.length() + 64 + 2 && line.endsWith("\"}")
                && sha256(line.substring(0, i) + "}").equals(line.substring(i + HASH_KEY.length(),
                i + HASH_KEY.length() + 64));
    }

    private static String bodyOf(String line) {
        return line.substring(0, line.lastIndexOf(HASH_KEY)) + "}";
    }

    private static String hashOf(String line) {
        int i = line.lastIndexOf(HASH_KEY) + HASH_KEY.length();
        return line.substring(i, i + 64);
    }

    static String sha256(String s) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /**
     * Verifies every file of a log directory: line hashes, sequence numbers, the chain of {@code prev} hashes and
     * every checkpoint signature.
     *
     * @param directory the log directory
     * @param publicKey the Ed25519 public key checkpoints must verify under
     * @return the outcome; never throws for tampered content
     * @throws RetailGenException when the directory cannot be read
     */
    public static AuditVerification verify(Path directory, PublicKey publicKey) {
        Objects.requireNonNull(directory, "directory == null");
        Objects.requireNonNull(publicKey, "publicKey == null");
        List<String> problems = new ArrayList<>();
        long records = 0;
        long checkpoints = 0;
        long sinceCheckpoint = 0;
        long expectedSeq = 1;
        String prev = GENESIS;
        try {
            List<Path> files = listFiles(directory);
            if (files.isEmpty()) {
                problems.add(directory + ": no audit files");
            }
            for (Path f : files) {
                byte[] bytes = Files.readAllBytes(f);
                String content = new String(bytes, StandardCharsets.UTF_8);
                if (!content.isEmpty() && !content.endsWith("\n")) {
                    problems.add(f.getFileName() + ": torn last line (no newline); open the log to recover it");
                }
                String[] lines = content.split("\n", -1);
                int count = content.endsWith("\n") ? lines.length - 1 : lines.length;
                for (int i = 0; i < count; i++) {
                    String where = f.getFileName() + ":" + (i + 1) + ": ";
                    String line = lines[i];
                    records++;
                    if (!intact(line)) {
                        problems.add(where + "hash mismatch or malformed line (record edited)");
                        prev = line.contains(HASH_KEY) && line.length() > 66 ? safeHash(line) : prev;
                        expectedSeq++;
                        continue;
                    }
                    JsonNode node = MAPPER.readTree(bodyOf(line));
                    long s = node.path("seq").asLong(-1);
                    if (s != expectedSeq) {
                        problems.add(where + "sequence " + s + " where " + expectedSeq
                                + " was expected (record deleted, inserted or reordered)");
                    }
                    if (!node.path("prev").asText().equals(prev)) {
                        problems.add(where + "chain broken: prev does not match the hash of the record before");
                    }
                    if (CHECKPOINT.equals(node.path("type").asText())) {
                        String head = node.path("data").path("head").asText();
                        if (!head.equals(node.path("prev").asText()) || !verifySignature(publicKey, s, head,
                                node.path("data").path("sig").asText())) {
                            problems.add(where + "checkpoint signature invalid");
                        }
                        checkpoints++;
                        sinceCheckpoint = 0;
                    } else {
                        sinceCheckpoint++;
                    }
                    expectedSeq = s + 1;
                    prev = hashOf(line);
                }
            }
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot read audit log " + directory + ": " + e, e);
        }
        return new AuditVerification(problems.isEmpty(), records, checkpoints, sinceCheckpoint, problems);
    }

    private static String safeHash(String line) {
        int i = line.lastIndexOf(HASH_KEY) + HASH_KEY.length();
        return i + 64 <= line.length() ? line.substring(i, i + 64) : GENESIS;
    }

    private static boolean verifySignature(PublicKey key, long checkpointSeq, String head, String sigB64) {
        try {
            Signature sig = Signature.getInstance("Ed25519");
            sig.initVerify(key);
            sig.update(signedBytes(checkpointSeq, head));
            return sig.verify(Base64.getDecoder().decode(sigB64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Configures an {@link AuditLog}. Setters validate at once. Not thread-safe. */
    public static final class Builder {
        private Path directory;
        private KeyPair keys;
        private int checkpointEvery = 1000;
        private int fsyncEvery = 100;
        private long maxFileBytes = 64L << 20;
        private ContentPolicy redactor = PiiRedactorHolder.PII_ONLY;
        private Clock clock = Clock.systemUTC();
        private Durability durability = Durability.GROUP_COMMIT;

        private Builder() {
        }

        /**
         * @param durability who forces batches to disk: {@link Durability#GROUP_COMMIT} (default, a background
         *     thread) or {@link Durability#SYNC} (the appending thread, which waits for the disk)
         * @return this builder
         */
        public Builder durability(Durability durability) {
            this.durability = Objects.requireNonNull(durability, "durability == null");
            return this;
        }

        /**
         * @param directory where the log files live (created when missing)
         * @return this builder
         */
        public Builder directory(Path directory) {
            this.directory = Objects.requireNonNull(directory, "directory == null");
            return this;
        }

        /**
         * @param keys the Ed25519 key pair that signs checkpoints
         * @return this builder
         */
        public Builder signingKey(KeyPair keys) {
            Objects.requireNonNull(keys, "keys == null");
            if (!"Ed25519".equals(keys.getPrivate().getAlgorithm()) && !"EdDSA".equals(keys.getPrivate().getAlgorithm())) {
                throw new IllegalArgumentException("signing key must be Ed25519, was "
                        + keys.getPrivate().getAlgorithm());
            }
            this.keys = keys;
            return this;
        }

        /**
         * @param records write a signed checkpoint after this many records ({@code >= 1})
         * @return this builder
         */
        public Builder checkpointEvery(int records) {
            if (records < 1) {
                throw new IllegalArgumentException("checkpointEvery must be >= 1, was " + records);
            }
            this.checkpointEvery = records;
            return this;
        }

        /**
         * @param records hand buffered records to the operating system and force them to disk after this many
         *     records (in the background with {@link Durability#GROUP_COMMIT}); 1 syncs every record, 0 only at
         *     checkpoints and close
         * @return this builder
         */
        public Builder fsyncEvery(int records) {
            if (records < 0) {
                throw new IllegalArgumentException("fsyncEvery must be >= 0, was " + records);
            }
            this.fsyncEvery = records;
            return this;
        }

        /**
         * @param bytes start a new file once the current one would exceed this size ({@code >= 1024})
         * @return this builder
         */
        public Builder maxFileBytes(long bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("maxFileBytes must be >= 1024, was " + bytes);
            }
            this.maxFileBytes = bytes;
            return this;
        }

        /**
         * @param redactor the policy whose redacted text replaces every string value, or null to write strings as
         *     they are (default: e-mail, phone, card and address redaction)
         * @return this builder
         */
        public Builder redactor(ContentPolicy redactor) {
            this.redactor = redactor;
            return this;
        }

        /**
         * @param clock the clock for record time stamps
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock == null");
            return this;
        }

        /**
         * Opens the log, recovering a torn tail left by a crash.
         *
         * @return the open log
         * @throws IllegalStateException when the directory or signing key is missing
         */
        public AuditLog build() {
            if (directory == null || keys == null) {
                throw new IllegalStateException("missing " + (directory == null ? "directory(...)" : "")
                        + (directory == null && keys == null ? " and " : "")
                        + (keys == null ? "signingKey(...)" : ""));
            }
            return new AuditLog(this);
        }
    }

    private static final class PiiRedactorHolder {
        static final ContentPolicy PII_ONLY = ContentPolicy.builder()
                .pii(java.util.EnumSet.allOf(PiiKind.class), io.retailgen.core.intercept.Severity.MEDIUM).build();
    }
}
