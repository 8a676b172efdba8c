package io.retailgen.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.intercept.GenerationRequest;
import io.retailgen.core.intercept.GenerationResponse;
import io.retailgen.core.intercept.InterceptorChain;
import io.retailgen.governance.ContentPolicy;
import io.retailgen.governance.PolicyInterceptor;
import io.retailgen.governance.audit.AuditInterceptor;
import io.retailgen.governance.audit.AuditLog;
import io.retailgen.governance.audit.AuditVerification;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The governance set-up shared by the samples: every generated output goes through
 * {@code InterceptorChain.of(new AuditInterceptor(log), new PolicyInterceptor(policy))}, so it is checked by the
 * content policy and then recorded in a hash-chained, signed audit log.
 *
 * <pre>{@code
 * try (Governance gov = Governance.open(Path.of("audit"), ContentPolicy.defaults())) {
 *     GenerationResponse r = gov.screen(GenerationRequest.builder()
 *             .module("recommend").operation("explanation").text("Because you viewed Trail Runner").build());
 *     String shown = r.blocked() ? "Recommended for you" : r.text();
 *     AuditVerification v = gov.verify();
 * }
 * }</pre>
 *
 * <p>{@link #open(Path, ContentPolicy)} generates a signing key that lives in memory only, so a later process cannot
 * verify this process's checkpoints (enough for a one-shot run such as the demo);
 * {@link #open(Path, ContentPolicy, KeyPair)} takes a key that outlives the process, such as one from
 * {@link SigningKeys#loadOrCreate}, so that the log still verifies after a restart. Thread-safe.
 */
public final class Governance implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;
    private final KeyPair keys;
    private final ContentPolicy policy;
    private final AuditLog log;
    private final InterceptorChain chain;
    private long signedUpTo = -1;

    private Governance(Path directory, ContentPolicy policy, KeyPair keys) {
        this.directory = directory;
        this.keys = keys;
        this.policy = policy;
        this.log = AuditLog.builder().directory(directory).signingKey(keys).checkpointEvery(100).fsyncEvery(20)
                .build();
        this.chain = InterceptorChain.of(new AuditInterceptor(log), new PolicyInterceptor(policy));
    }

    /**
     * Opens (or continues) the audit log in {@code directory}.
     *
     * @param directory the audit log directory, created when missing
     * @param policy the content policy, such as {@link ContentPolicy#defaults()}
     * @return the open governance; the caller closes it
     */
    public static Governance open(Path directory, ContentPolicy policy) {
        return open(directory, policy, AuditLog.generateKeyPair());
    }

    /**
     * Opens (or continues) the audit log in {@code directory}, signing its checkpoints with {@code keys}.
     *
     * @param directory the audit log directory, created when missing
     * @param policy the content policy, such as {@link ContentPolicy#defaults()}
     * @param keys the Ed25519 signing key pair; the same pair must be given again to continue the log
     * @return the open governance; the caller closes it
     */
    public static Governance open(Path directory, ContentPolicy policy, KeyPair keys) {
        Objects.requireNonNull(directory, "directory == null");
        Objects.requireNonNull(policy, "policy == null");
        Objects.requireNonNull(keys, "keys == null");
        return new Governance(directory, policy, keys);
    }

    /**
     * Runs a generated output through the policy and the audit log.
     *
     * @param request the generated output
     * @return the response: the text to show (possibly redacted), or a {@code BLOCK} verdict with no text
     */
    public GenerationResponse screen(GenerationRequest request) {
        return chain.execute(request, r -> GenerationResponse.allow(r.text()));
    }

    /**
     * Writes a record that is not a generated output, such as a reviewer's decision, to the audit log. Its string
     * values are PII-redacted by the log like every other record.
     *
     * @param type the record type, such as {@code "review"}; not blank and not {@code "checkpoint"}
     * @param data the fields; {@code module}, {@code operation}, {@code verdict} and {@code text} are shown by
     *     {@link #recent(int)}
     * @return the record's sequence number
     */
    public long record(String type, Map<String, ?> data) {
        Objects.requireNonNull(type, "type == null");
        Objects.requireNonNull(data, "data == null");
        return log.append(type, data);
    }

    /** @return the interceptor chain (audit outermost, then policy), for modules that accept one */
    public InterceptorChain chain() {
        return chain;
    }

    /** @return the content policy */
    public ContentPolicy policy() {
        return policy;
    }

    /** @return the public half of the signing key, to verify the log with {@code AuditLog.verify} */
    public PublicKey publicKey() {
        return keys.getPublic();
    }

    /** @return the audit log directory */
    public Path directory() {
        return directory;
    }

    /**
     * Signs what was written since the last checkpoint (a new checkpoint, only when records followed the last one
     * this method wrote), then verifies the hash chain and checkpoint signatures: the live log is checked up to now,
     * with no unsigned tail.
     *
     * @return the outcome
     */
    public AuditVerification verify() {
        synchronized (this) {
            if (log.lastSeq() != signedUpTo) {
                log.checkpoint();
                signedUpTo = log.lastSeq();
            }
        }
        return AuditLog.verify(directory, keys.getPublic());
    }

    /**
     * Flushes the log and reads its newest records back, checkpoints included.
     *
     * @param limit how many records at most, {@code >= 1}
     * @return the records, newest first
     * @throws RetailGenException when the files cannot be read
     */
    public List<AuditEntry> recent(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, was " + limit);
        }
        log.flush();
        return read(directory, limit);
    }

    /**
     * Reads the newest records of a closed (or another process's) audit log, checkpoints included, without
     * opening it for writing.
     *
     * @param directory the audit log directory
     * @param limit how many records at most, {@code >= 1}
     * @return the records, newest first
     * @throws RetailGenException when the files cannot be read
     */
    public static List<AuditEntry> read(Path directory, int limit) {
        Objects.requireNonNull(directory, "directory == null");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, was " + limit);
        }
        Deque<String> last = new ArrayDeque<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("audit-\\d{8}\\.jsonl")).sorted()
                    .toList()) {
                try (BufferedReader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        last.addLast(line);
                        if (last.size() > limit) {
                            last.removeFirst();
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot read audit log " + directory + ": " + e, e);
        }
        List<AuditEntry> out = new ArrayList<>(last.size());
        for (var it = last.descendingIterator(); it.hasNext(); ) {
            out.add(parse(directory, it.next()));
        }
        return out;
    }

    private static AuditEntry parse(Path directory, String line) {
        try {
            JsonNode n = JSON.readTree(line);
            JsonNode d = n.path("data");
            List<String> rules = new ArrayList<>();
            for (JsonNode f : d.path("findings")) {
                rules.add(f.path("rule").asText());
            }
            return new AuditEntry(n.path("seq").asLong(), n.path("ts").asText(), n.path("type").asText(),
                    d.path("verdict").asText(""), d.path("module").asText(""), d.path("operation").asText(""),
                    d.path("model").asText(""), d.path("text").asText(""), rules);
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.INVALID_DATA, "unreadable audit record in " + directory + ": "
                    + e.getMessage(), e);
        }
    }

    /** Writes the final checkpoint and closes the log. Idempotent. */
    @Override
    public void close() {
        log.close();
    }
}
