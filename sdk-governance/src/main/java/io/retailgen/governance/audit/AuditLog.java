package io.retailgen.governance.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.governance.ContentPolicy;
import io.retailgen.governance.PiiKind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tamper-evident audit log: JSON Lines files in one directory, every record chained to the one before by SHA-256,
 * with periodic checkpoints signed with Ed25519. {@link #verify(Path, PublicKey)} detects any edited, deleted,
 * reordered or inserted record, and an attacker who re-computes the chain after an edit is caught by the
 * checkpoint signatures unless they hold the private key. Records after the last checkpoint are not signed, so their
 * deletion cannot be seen in the log alone; a receipt of the last checkpoint kept outside the directory
 * ({@link Builder#anchor(Path)}, {@link AuditAnchor}) also catches a log cut back to an earlier point or a deleted
 * newest file.
 *
 * <p>Each line is {@code {"seq":n,"ts":"...","type":"...","prev":"<hash of line n-1>","data":{...},"hash":"<hex>"}}
 * where {@code hash} is the SHA-256 of the line's bytes without the {@code hash} member. A checkpoint line has type
 * {@value #CHECKPOINT} and data {@code {"head":"<prev>","sig":"<base64 Ed25519 signature>"}}.
 *
 * <p>Durability: {@code append} hands its record to the operating system (one {@code write} to the file) before it
 * returns, in every {@link Durability} mode, so a killed process (SIGKILL, a JVM crash) never loses a record whose
 * {@code append} returned. Surviving a power loss or kernel crash needs the record forced to disk: see
 * {@link Durability} for when each mode does that, and {@link #flush()}.
 *
 * <p>Opening: the directory is locked for this log's lifetime (a second writer, in this process or another, fails
 * at once), and every file is read and checked. Only an unterminated last line of the newest file that could be the
 * start of a record, what a crash during a write leaves, is cut off ({@link #recoveredBytes()}). Any complete line
 * that fails its hash, sequence, chain or signature check makes opening fail with a {@link RetailGenException}
 * naming {@code file:line}, and nothing on disk is changed: the evidence stays for {@code retailgen audit verify}.
 * Files rotate at {@link Builder#maxFileBytes(long)}; the chain runs on across files ({@code audit-00000001.jsonl},
 * {@code audit-00000002.jsonl}, ...).
 *
 * <p>String values in the data pass through a PII redactor before they are written, except identity fields
 * ({@code principal}, {@code reviewer}, {@code actor} by default; {@link Builder#identityFields(String...)}), which
 * are stored as given or, with {@link Builder#hashIdentities(byte[])}, as a keyed hash: who did what is never lost.
 *
 * <pre>{@code
 * KeyPair keys = AuditKeys.readKeyPair(Path.of("/etc/retailgen/audit-signing.key"));
 * try (AuditLog log = AuditLog.builder().directory(Path.of("audit")).signingKey(keys)
 *         .anchor(Path.of("/var/lib/retailgen/audit-anchor.json")).checkpointEvery(1000).fsyncEvery(100).build()) {
 *     log.append("generation", Map.of("requestId", "r-1", "verdict", "ALLOW", "principal", "ana@example.com"));
 * }
 * AuditVerification v = AuditLog.verify(Path.of("audit"), keys.getPublic(),
 *         AuditVerifyOptions.strict().withAnchor(AuditAnchor.read(Path.of("/var/lib/retailgen/audit-anchor.json"))));
 * }</pre>
 *
 * <p>Thread-safe: appends from many threads are serialized. One directory is written by one {@code AuditLog} at a
 * time, enforced by the lock.
 */
public final class AuditLog implements AutoCloseable {

    /** The record type of signed checkpoints. */
    public static final String CHECKPOINT = "checkpoint";

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final String GENESIS = AuditScan.GENESIS;
    private static final String HASH_KEY = AuditScan.HASH_KEY;
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final Set<String> DEFAULT_IDENTITY_FIELDS = Set.of("principal", "reviewer", "actor");

    private final Path directory;
    private final PrivateKey signingKey;
    private final String keyFingerprint;
    private final int checkpointEvery;
    private final int fsyncEvery;
    private final long maxFileBytes;
    private final ContentPolicy redactor;
    private final Set<String> identityFields;
    private final byte[] identityKey;
    private final Path anchor;
    private final Clock clock;
    private final long recoveredBytes;
    private final Durability durability;
    private final AuditLogLock lock;
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
    private long fileBytes;
    private long seq;
    private String lastHash;
    private long sinceCheckpoint;
    private long sinceSync;
    private boolean closed;
    /** Set when a write failed part-way and the file could not be cut back: appending more would damage the log. */
    private String broken;

    private AuditLog(Builder b) {
        this.directory = b.directory;
        this.signingKey = b.keys.getPrivate();
        this.keyFingerprint = AuditAnchor.fingerprint(b.keys.getPublic());
        this.checkpointEvery = b.checkpointEvery;
        this.fsyncEvery = b.fsyncEvery;
        this.maxFileBytes = b.maxFileBytes;
        this.redactor = b.redactor;
        this.identityFields = b.identityFields;
        this.identityKey = b.identityKey;
        this.anchor = b.anchor;
        this.clock = b.clock;
        this.durability = b.durability;
        AuditLogLock held = null;
        try {
            Files.createDirectories(directory);
            held = AuditLogLock.acquire(directory);
            AuditAnchor receipt = anchor != null && Files.exists(anchor) ? AuditAnchor.read(anchor) : null;
            AuditScan scan = AuditScan.of(directory, b.keys.getPublic(), receipt == null ? 0 : receipt.seq(), true);
            if (!scan.damage.isEmpty()) {
                throw new RetailGenException(ErrorCode.INVALID_DATA, "audit log " + directory + " is damaged at "
                        + scan.damage.get(0) + "; it was not opened and nothing on disk was changed (see retailgen "
                        + "audit verify for every problem; keep the files as evidence and start a new directory)");
            }
            String anchorProblem = receipt == null ? null : scan.anchorProblem(receipt);
            if (anchorProblem != null) {
                throw new RetailGenException(ErrorCode.INVALID_DATA, "audit log " + directory + " does not match its "
                        + "anchor " + anchor + ": " + anchorProblem + "; it was not opened and nothing was changed");
            }
            if (scan.tornFile != null) {
                try (FileChannel ch = FileChannel.open(scan.tornFile, StandardOpenOption.WRITE)) {
                    ch.truncate(scan.tornKeep);
                    ch.force(true);
                }
                LOG.warn("audit log {}: cut {} bytes of an unfinished last line off {} (a write cut short by a crash)",
                        directory, scan.tornBytes, scan.tornFile.getFileName());
            }
            recoveredBytes = scan.tornFile == null ? 0 : scan.tornBytes;
            seq = scan.lastSeq;
            lastHash = scan.lastHash;
            sinceCheckpoint = scan.sinceCheckpoint;
            if (anchor != null && scan.lastCheckpoint != null && !scan.lastCheckpoint.equals(receipt)) {
                scan.lastCheckpoint.write(anchor);
            }
            List<Path> files = AuditScan.listFiles(directory);
            fileIndex = files.isEmpty() ? 1 : fileNumber(files.get(files.size() - 1));
            openFile();
        } catch (IOException | RuntimeException e) {
            if (held != null) {
                held.close();
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new RetailGenException(ErrorCode.IO, "cannot open audit log in " + directory + ": " + e, e);
        }
        lock = held;
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

    /**
     * When {@link AuditLog} forces records to disk, and so what a returned {@link AuditLog#append} guarantees. In
     * both modes {@code append} writes its record to the file (hands it to the operating system) before returning:
     * after a process crash (SIGKILL, JVM crash, out of memory) every record whose {@code append} returned is in the
     * log, and reopening keeps it. The modes differ only after a power loss or kernel crash, which loses what the
     * operating system had not yet written to the disk.
     */
    public enum Durability {
        /**
         * The appending thread forces the file to disk at the end of every batch ({@link Builder#fsyncEvery(int)}
         * records, each checkpoint, {@link AuditLog#flush()}, {@link AuditLog#close()}) and waits for the disk
         * before returning. After a power loss: every record up to the last batch end whose call returned is on
         * disk; at most the {@code fsyncEvery - 1} records since then can be lost. {@code fsyncEvery(1)} makes every
         * returned {@code append} durable.
         */
        SYNC,
        /**
         * A background thread forces the file at the end of each batch; {@code append} returns once the record is
         * handed to the operating system, without waiting for the disk. Forces requested while one runs are merged
         * (group commit). After a power loss: every record before the last returned {@link AuditLog#flush()},
         * {@link AuditLog#checkpoint()} or {@link AuditLog#close()} is on disk, and those of batches whose background
         * force completed; the records of the batch being forced and up to {@code fsyncEvery} after it can be lost.
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

    /**
     * The form an identity is stored in by a log built with {@link Builder#hashIdentities(byte[])}: compute it for
     * a principal to find that principal's records.
     *
     * @param key the operator's HMAC key
     * @param identity a principal, reviewer or other identity as given
     * @return {@code "hmac-sha256:"} followed by the hex HMAC-SHA256 of the identity's UTF-8 bytes
     */
    public static String keyedIdentity(byte[] key, String identity) {
        Objects.requireNonNull(identity, "identity == null");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Objects.requireNonNull(key, "key == null"), "HmacSHA256"));
            return "hmac-sha256:" + HexFormat.of().formatHex(mac.doFinal(identity.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 missing from the JDK: " + e, e);
        }
    }

    /** @return how many bytes of an unfinished last line were cut off at opening (0 after a clean close) */
    public long recoveredBytes() {
        return recoveredBytes;
    }

    /** @return the sequence number of the last record written */
    public synchronized long lastSeq() {
        return seq;
    }

    /**
     * Appends one record. When it returns, the record is in the file (handed to the operating system), so a crash
     * of this process cannot lose it; whether it also survives a power loss depends on the {@link Durability} mode.
     *
     * @param type the record type, such as {@code "generation"} or {@code "access.denied"}; not blank and not
     *     {@value #CHECKPOINT}
     * @param data the record's fields (strings are PII-redacted except identity fields; values must be
     *     JSON-serializable)
     * @return the record's sequence number
     * @throws IllegalStateException after {@link #close()}
     * @throws RetailGenException when writing fails
     */
    public synchronized long append(String type, Map<String, ?> data) {
        requireText(type, "type");
        if (type.equals(CHECKPOINT)) {
            throw new IllegalArgumentException("type '" + CHECKPOINT + "' is reserved for signed checkpoints");
        }
        Objects.requireNonNull(data, "data == null");
        ensureOpen();
        long s = write(type, MAPPER.valueToTree(redact(null, data)));
        if (checkpointEvery > 0 && ++sinceCheckpoint >= checkpointEvery) {
            if (anchor != null) {
                checkpoint();
            } else {
                writeCheckpoint();
                batchSync();
            }
        } else if (fsyncEvery > 0 && ++sinceSync >= fsyncEvery) {
            batchSync();
        }
        return s;
    }

    /** Writes a signed checkpoint now, forces the file to disk and then updates the anchor receipt, if any. */
    public synchronized void checkpoint() {
        ensureOpen();
        AuditAnchor receipt = writeCheckpoint();
        sync();
        if (anchor != null) {
            receipt.write(anchor);
        }
    }

    private AuditAnchor writeCheckpoint() {
        ObjectNode data = MAPPER.createObjectNode();
        String head = lastHash;
        String sig = sign(seq + 1, head);
        data.put("head", head);
        data.put("sig", sig);
        long s = write(CHECKPOINT, data);
        sinceCheckpoint = 0;
        return new AuditAnchor(s, head, lastHash, fileName(fileIndex), sig, keyFingerprint);
    }

    /** Forces every record written so far to disk (waits for the disk in both modes). */
    public synchronized void flush() {
        ensureOpen();
        sync();
    }

    /**
     * Writes a final checkpoint (when records followed the last one), forces, releases the directory lock and
     * closes. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        try {
            if (broken == null) {
                if (sinceCheckpoint > 0) {
                    checkpoint();
                } else {
                    sync();
                }
            }
        } finally {
            closed = true;
            stopSyncer();
            try {
                channel.close();
            } catch (IOException e) {
                LOG.warn("audit log {}: close failed: {}", directory, e.toString());
            }
            lock.close();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("audit log " + directory + " is closed");
        }
        if (broken != null) {
            throw new IllegalStateException("audit log " + directory + " stopped after a failed write (" + broken
                    + "); reopen it to recover");
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

    private Object redact(String key, Object value) {
        if (value instanceof String s) {
            if (key != null && identityFields.contains(key)) {
                return identityKey == null ? s : keyedIdentity(identityKey, s);
            }
            if (redactor == null || (redactor == PiiRedactorHolder.PII_ONLY && !mayHoldPii(s))) {
                return s;
            }
            return redactor.check(s).redactedText();
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(String.valueOf(k), redact(String.valueOf(k), v)));
            return copy;
        }
        if (value instanceof List<?> l) {
            List<Object> copy = new ArrayList<>(l.size());
            l.forEach(v -> copy.add(redact(key, v)));
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
        ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
        try {
            if (fileBytes > 0 && fileBytes + bytes.remaining() > maxFileBytes) {
                sync();
                channel.close();
                fileIndex++;
                openFile();
            }
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot rotate audit log " + directory + ": " + e, e);
        }
        int length = bytes.remaining();
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException e) {
            cutBack(e);
            throw new RetailGenException(ErrorCode.IO, "cannot write audit record " + s + " to " + directory + ": "
                    + e, e);
        }
        fileBytes += length;
        seq = s;
        lastHash = hash;
        return s;
    }

    /** A record written part-way (disk full) is cut off again, or the log refuses further appends. */
    private void cutBack(IOException cause) {
        try {
            channel.truncate(fileBytes);
        } catch (IOException e) {
            broken = cause.toString();
        }
    }

    /** Forces the file now, waiting for a background force on the same file. */
    private void sync() {
        try {
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
        boolean created = !Files.exists(f);
        channel = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        fileBytes = channel.size();
        if (created) {
            forceDirectory(directory);
        }
        synchronized (syncLock) {
            syncChannel = channel;
        }
    }

    /** A new file's name survives a power loss only once its directory is forced too (where the OS allows it). */
    static void forceDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("cannot force directory {} ({}); relying on the file system", dir, e.toString());
        }
    }

    private String sign(long checkpointSeq, String head) {
        try {
            Signature sig = Signature.getInstance("Ed25519");
            sig.initSign(signingKey);
            sig.update(AuditScan.signedBytes(checkpointSeq, head));
            return Base64.getEncoder().encodeToString(sig.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign an audit checkpoint with " + signingKey.getAlgorithm()
                    + ": " + e, e);
        }
    }

    static String fileName(int index) {
        return String.format("audit-%08d.jsonl", index);
    }

    private static int fileNumber(Path f) {
        String n = f.getFileName().toString();
        return Integer.parseInt(n.substring(6, 14));
    }

    /**
     * Lists the files of a log directory in the order they were written, oldest first, for reading or archiving
     * the records.
     *
     * @param directory the log directory
     * @return the log files, oldest first
     * @throws IOException when the directory cannot be listed
     */
    public static List<Path> logFiles(Path directory) throws IOException {
        return AuditScan.listFiles(directory);
    }

    static String sha256(String s) {
        return AuditScan.sha256(s);
    }

    /**
     * Verifies every file of a log directory strictly ({@link AuditVerifyOptions#strict()}): line hashes, sequence
     * numbers, the chain of {@code prev} hashes, every checkpoint signature, at least one checkpoint and no record
     * after the last one.
     *
     * @param directory the log directory
     * @param publicKey the Ed25519 public key checkpoints must verify under
     * @return the outcome; never throws for tampered content
     * @throws RetailGenException when the directory cannot be read
     */
    public static AuditVerification verify(Path directory, PublicKey publicKey) {
        return verify(directory, publicKey, AuditVerifyOptions.strict());
    }

    /**
     * Verifies every file of a log directory: line hashes, sequence numbers, the chain of {@code prev} hashes and
     * every checkpoint signature; then, unless {@code options} allow an unsigned tail, that at least one checkpoint
     * exists, that no record follows the last one and that the last line is complete; then, with an anchor, that the
     * log still holds the receipt's checkpoint, unchanged.
     *
     * <pre>{@code
     * AuditVerification v = AuditLog.verify(dir, publicKey,
     *         AuditVerifyOptions.strict().withAnchor(AuditAnchor.read(receipt)));
     * }</pre>
     *
     * @param directory the log directory
     * @param publicKey the Ed25519 public key checkpoints must verify under
     * @param options what to accept and the anchor to check
     * @return the outcome; never throws for tampered content
     * @throws RetailGenException when the directory cannot be read
     */
    public static AuditVerification verify(Path directory, PublicKey publicKey, AuditVerifyOptions options) {
        Objects.requireNonNull(directory, "directory == null");
        Objects.requireNonNull(publicKey, "publicKey == null");
        Objects.requireNonNull(options, "options == null");
        AuditAnchor anchor = options.anchor();
        AuditScan scan;
        try {
            scan = AuditScan.of(directory, publicKey, anchor == null ? 0 : anchor.seq(), false);
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot read audit log " + directory + ": " + e, e);
        }
        List<String> problems = new ArrayList<>();
        if (scan.files == 0) {
            problems.add(directory + ": no audit files");
        }
        problems.addAll(scan.damage);
        if (!options.allowUnsignedTail()) {
            if (scan.tornFile != null) {
                problems.add(scan.tornFile.getFileName() + ": torn last line (no newline); open the log to recover it");
            }
            if (scan.files > 0 && scan.checkpoints == 0) {
                problems.add(directory + ": no signed checkpoint: nothing in the log is signed, so a rewritten log "
                        + "cannot be told apart (verify with allowUnsignedTail to accept)");
            } else if (scan.sinceCheckpoint > 0) {
                problems.add(directory + ": " + scan.sinceCheckpoint + " records after the last signed checkpoint"
                        + (scan.lastCheckpoint == null ? "" : " (seq " + scan.lastCheckpoint.seq() + " in "
                        + scan.lastCheckpoint.file() + ")") + " are not signed; close "
                        + "the log or call checkpoint(), or verify with allowUnsignedTail to accept");
            }
        }
        if (anchor != null) {
            String p = scan.anchorProblem(anchor);
            if (p != null) {
                problems.add(p);
            }
        }
        return new AuditVerification(problems.isEmpty(), scan.records, scan.checkpoints, scan.sinceCheckpoint,
                problems, scan.lastCheckpoint, anchor != null);
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
        private Set<String> identityFields = DEFAULT_IDENTITY_FIELDS;
        private byte[] identityKey;
        private Path anchor;

        private Builder() {
        }

        /**
         * @param receipt a file outside the log directory where the log keeps a receipt of its last checkpoint
         *     ({@link AuditAnchor}), written after the checkpoint is on disk; opening checks the log against it.
         *     Each checkpoint then waits for the disk, in both durability modes. Null for none (default).
         * @return this builder
         */
        public Builder anchor(Path receipt) {
            this.anchor = receipt;
            return this;
        }

        /**
         * @param names the data fields that name people or accounts ({@code principal}, {@code reviewer},
         *     {@code actor} by default), at any depth: stored as given (or keyed-hashed), never PII-redacted
         * @return this builder
         */
        public Builder identityFields(String... names) {
            Set<String> s = new LinkedHashSet<>();
            for (String n : Objects.requireNonNull(names, "names == null")) {
                requireText(n, "identity field");
                s.add(n);
            }
            this.identityFields = Set.copyOf(s);
            return this;
        }

        /**
         * @param key an HMAC-SHA256 key of at least 16 bytes: identity fields are stored as
         *     {@link AuditLog#keyedIdentity(byte[], String)} instead of as given, so the log shows that the same
         *     principal acted without naming them to its readers; null stores them as given (default)
         * @return this builder
         */
        public Builder hashIdentities(byte[] key) {
            if (key != null && key.length < 16) {
                throw new IllegalArgumentException("identity hash key must be at least 16 bytes, was " + key.length);
            }
            this.identityKey = key == null ? null : key.clone();
            return this;
        }

        /**
         * @param durability who forces batches to disk: {@link Durability#GROUP_COMMIT} (default, a background
         *     thread) or {@link Durability#SYNC} (the appending thread, which waits for the disk); see
         *     {@link Durability} for what a returned {@code append} guarantees in each
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
         * @param records force the file to disk after this many records (in the background with
         *     {@link Durability#GROUP_COMMIT}); 1 forces after every record, 0 only at checkpoints and close. Every
         *     record is handed to the operating system by its own {@code append} whatever this is.
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
         * Locks the directory, checks every file and opens the log, cutting off only an unfinished last line left
         * by a crash.
         *
         * @return the open log
         * @throws IllegalStateException when the directory or signing key is missing
         * @throws IllegalArgumentException when the anchor lies inside the log directory
         * @throws RetailGenException when another writer holds the directory, when a line is damaged (the message
         *     names {@code file:line}; nothing on disk is changed), or when the log does not hold its anchor's
         *     checkpoint
         */
        public AuditLog build() {
            if (directory == null || keys == null) {
                throw new IllegalStateException("missing " + (directory == null ? "directory(...)" : "")
                        + (directory == null && keys == null ? " and " : "")
                        + (keys == null ? "signingKey(...)" : ""));
            }
            if (anchor != null && AuditKeys.isInside(anchor, directory)) {
                throw new IllegalArgumentException("anchor " + anchor + " is inside the log directory " + directory
                        + "; keep the receipt where the log's writers cannot rewrite it along with the log");
            }
            return new AuditLog(this);
        }
    }

    private static final class PiiRedactorHolder {
        static final ContentPolicy PII_ONLY = ContentPolicy.builder()
                .pii(java.util.EnumSet.allOf(PiiKind.class), io.retailgen.core.intercept.Severity.MEDIUM).build();
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name + " == null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
