package io.retailgen.cli.governance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retailgen.cli.Json;
import io.retailgen.cli.SparkOption;
import io.retailgen.cli.SparkRun;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.intercept.Finding;
import io.retailgen.core.intercept.Verdict;
import io.retailgen.governance.ContentPolicy;
import io.retailgen.governance.PolicyProfile;
import io.retailgen.governance.PolicyResult;
import io.retailgen.governance.audit.AuditKeys;
import io.retailgen.governance.audit.AuditLog;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code retailgen governance scan}: runs the content policy over one text ({@code --text}, {@code --file}) or over
 * every line of a file ({@code --in}: one JSON object per line, in order, then a summary object last).
 */
@Command(name = "scan", description = "Check text against the content policy: verdict (ALLOW, REDACT, REVIEW, "
        + "BLOCK), findings and redacted text.")
final class ScanCommand implements Callable<Integer> {

    /** The audit record type of one scanned text. */
    static final String RECORD_TYPE = "scan";

    static final class Input {
        @Option(names = "--text", paramLabel = "TEXT", description = "Scan this text.")
        String text;

        @Option(names = "--file", paramLabel = "FILE", description = "Scan the whole file as one text (UTF-8).")
        Path file;

        @Option(names = "--in", paramLabel = "FILE", description = "Scan each line of the file (UTF-8) separately: "
                + "one result per line, in order, then a summary.")
        Path lines;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    @Option(names = "--policy", paramLabel = "FILE", description = "A JSON policy file (default: the shipped policy).")
    Path policyFile;

    @Option(names = "--profile", paramLabel = "PROFILE", defaultValue = "generated-copy",
            description = "How findings become verdicts: generated-copy (default; any profanity at least REDACT, "
                    + "claims and counterfeit BLOCK) or user-content (reviews: profanity masked, never BLOCK for "
                    + "mild words).")
    String profile;

    @Option(names = "--audit-log", paramLabel = "DIR",
            description = "Append every verdict to the tamper-evident audit log in DIR.")
    Path auditDir;

    @Option(names = "--signing-key", paramLabel = "FILE", description = "Private key for the audit log's "
            + "checkpoints, kept outside the log directory; required with --audit-log: a PEM file from retailgen "
            + "audit keygen, or a PKCS#12 store (.p12, .pfx) with an Ed25519 entry. Its public key is pinned beside "
            + "the log as audit-signing.pub.")
    Path signingKey;

    @CommandLine.Mixin
    KeyStoreOptions keyStore;

    @Option(names = "--allow-key-in-log-dir", description = "Accept a --signing-key inside the log directory "
            + "(whoever can edit the log can then re-sign it).")
    boolean allowKeyInLogDir;

    @Option(names = "--anchor", paramLabel = "RECEIPT", description = "Keep a receipt of the log's last signed "
            + "checkpoint in this file, outside the log directory, for retailgen audit verify --anchor.")
    Path anchor;

    @Option(names = "--json", description = "Print JSON: one object per text, the summary (with --in) last.")
    boolean json;

    @Option(names = "--spark", paramLabel = "MASTER", description = "Screen the texts through sdk-spark on this Spark "
            + "master (local[2], spark://host:7077); results, audit records and summary stay in input order. Spark "
            + "must be on the class path; the summary adds spark_seconds.")
    String spark;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (signingKey != null && auditDir == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--signing-key needs --audit-log");
        }
        if (anchor != null && auditDir == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--anchor needs --audit-log");
        }
        if (anchor != null && AuditKeys.isInside(anchor, auditDir)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--anchor " + anchor + " is inside the log "
                    + "directory " + auditDir + "; keep the receipt where the log's writers cannot rewrite it");
        }
        KeyPair keys = auditDir == null ? null
                : KeyLocations.signingKeys(auditDir, signingKey, keyStore, allowKeyInLogDir,
                spec.commandLine());
        if (spark != null) {
            SparkOption.require(spec.commandLine(), spark);
        }
        PolicyProfile chosen = profile(spec, profile);
        ContentPolicy policy = policyFile == null ? ContentPolicy.defaults(chosen)
                : ContentPolicy.fromJson(policyFile, chosen);
        List<String> texts;
        String source;
        if (input.text != null) {
            texts = List.of(input.text);
            source = "--text";
        } else if (input.file != null) {
            texts = List.of(decode(read(input.file)));
            source = input.file.toString();
        } else {
            texts = splitLines(decode(read(input.lines)));
            source = input.lines.toString();
        }
        boolean perLine = input.lines != null;
        AuditLog log = auditDir == null ? null : AuditLog.builder().directory(auditDir).signingKey(keys)
                .anchor(anchor).fsyncEvery(1000).build();
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            counts.put(v, 0);
        }
        int errors = 0;
        long t0 = System.nanoTime();
        long bytes = 0;
        SparkRun run = spark == null ? null : SparkRun.start(spark, "retailgen governance scan");
        try {
            Iterator<SparkRun.Screened> remote = run == null ? null
                    : run.screen(texts, policyFile == null ? null : decode(read(policyFile)), chosen);
            for (int i = 0; i < texts.size(); i++) {
                String text = texts.get(i);
                bytes += text.length();
                PolicyResult result;
                String error = null;
                if (remote != null) {
                    SparkRun.Screened screened = remote.next();
                    result = screened.result();
                    error = screened.error();
                    errors += error == null ? 0 : 1;
                } else {
                    try {
                        result = policy.check(text);
                    } catch (RuntimeException e) {
                        // fail closed: one verdict per input, even if a check breaks
                        error = e.toString();
                        errors++;
                        result = new PolicyResult(Verdict.BLOCK, List.of(), text);
                    }
                }
                counts.merge(result.verdict(), 1, Integer::sum);
                if (log != null) {
                    log.append(RECORD_TYPE, auditData(source, perLine ? i + 1 : 0, result, error));
                }
                print(out, perLine ? i + 1 : 0, result, error);
            }
        } finally {
            if (log != null) {
                log.close();
            }
            if (run != null) {
                run.close();
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (perLine) {
            if (json) {
                ObjectNode s = Json.object();
                s.put("summary", true);
                s.put("texts", texts.size());
                s.put("allow", counts.get(Verdict.ALLOW));
                s.put("redact", counts.get(Verdict.REDACT));
                s.put("block", counts.get(Verdict.BLOCK));
                s.put("review", counts.get(Verdict.REVIEW));
                s.put("profile", chosen.id());
                s.put("errors", errors);
                s.put("chars", bytes);
                s.put("seconds", seconds);
                if (run != null) {
                    s.put("spark_seconds", run.seconds());
                }
                if (auditDir != null) {
                    s.put("audit_log", auditDir.toString());
                }
                Json.print(out, s);
            } else {
                out.printf("%d texts: %d allow, %d redact, %d review, %d block%n", texts.size(),
                        counts.get(Verdict.ALLOW), counts.get(Verdict.REDACT), counts.get(Verdict.REVIEW),
                        counts.get(Verdict.BLOCK));
            }
        }
        out.flush();
        return 0;
    }

    /** @return the named profile, or a usage error naming the value and the accepted names */
    static PolicyProfile profile(CommandLine.Model.CommandSpec spec, String name) {
        try {
            return PolicyProfile.parse(name);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--profile: " + e.getMessage());
        }
    }

    private void print(PrintWriter out, int line, PolicyResult r, String error) {
        if (json) {
            ObjectNode o = Json.object();
            if (line > 0) {
                o.put("line", line);
            }
            o.put("verdict", r.verdict().name());
            o.set("findings", CliJson.findings(r.findings()));
            o.put("redacted_text", r.redactedText());
            if (error != null) {
                o.put("error", error);
            }
            out.println(Json.line(o));
        } else if (line > 0) {
            out.println(line + "\t" + r.verdict() + "\t" + oneLine(r.redactedText()));
        } else {
            out.println(r.verdict());
            for (Finding f : r.findings()) {
                out.println("  " + f.severity() + " " + f.ruleId() + " [" + f.start() + ".." + f.end() + ") "
                        + f.message());
            }
            out.println("redacted: " + r.redactedText());
        }
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }

    private static Map<String, Object> auditData(String source, int line, PolicyResult r, String error) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("source", source);
        if (line > 0) {
            data.put("line", line);
        }
        data.put("verdict", r.verdict().name());
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Finding f : r.findings()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", f.ruleId());
            m.put("severity", f.severity().name());
            m.put("start", f.start());
            m.put("end", f.end());
            findings.add(m);
        }
        data.put("findings", findings);
        if (error != null) {
            data.put("error", error);
        }
        return data;
    }

    /** The largest file {@code --file} or {@code --in} reads: 64 MiB. */
    static final long MAX_INPUT_BYTES = 64L << 20;

    private byte[] read(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_INPUT_BYTES) {
                throw new RetailGenException(ErrorCode.INVALID_DATA, String.format(java.util.Locale.ROOT,
                        "%s is %,d bytes, over the limit of %,d for one scan; split it", file, size, MAX_INPUT_BYTES));
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot read " + file + ": " + e, e);
        }
    }

    /**
     * UTF-8 with malformed bytes replaced by U+FFFD, so that any file gives one result per line; a leading byte order
     * mark is dropped (it marks the encoding, it is not part of the text).
     */
    static String decode(byte[] bytes) {
        int bom = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF
                ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes, bom, bytes.length - bom)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("REPLACE decoder failed", e);
        }
    }

    /** Lines end at {@code \n} only (a {@code \r} before it is dropped); a final newline adds no empty line. */
    static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int from = 0;
        while (from < text.length()) {
            int nl = text.indexOf('\n', from);
            int end = nl < 0 ? text.length() : nl;
            int e = end > from && text.charAt(end - 1) == '\r' ? end - 1 : end;
            lines.add(text.substring(from, e));
            from = nl < 0 ? text.length() : nl + 1;
        }
        return lines;
    }
}
