package io.retailgen.cli.governance;

import static io.retailgen.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.retailgen.cli.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code retailgen audit verify --anchor}, {@code audit anchor} and where the CLI keeps keys. */
class AuditCliTest {

    @TempDir
    Path dir;

    private Path log;
    private String priv;
    private String pub;
    private Path receipt;

    @BeforeEach
    void scanIntoALog() throws Exception {
        CliRun keys = run("audit", "keygen", "--out", dir.resolve("keys").toString(), "--json");
        assertThat(keys.code()).as(keys.err()).isZero();
        priv = keys.json().get("private_key").asText();
        pub = keys.json().get("public_key").asText();
        log = dir.resolve("audit");
        receipt = dir.resolve("anchors/receipt.json");
        scan(40);
    }

    private void scan(int lines) throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            b.append("generated copy number ").append(i).append('\n');
        }
        Path in = dir.resolve("in.txt");
        Files.writeString(in, b);
        CliRun scan = run("governance", "scan", "--in", in.toString(), "--audit-log", log.toString(),
                "--signing-key", priv, "--anchor", receipt.toString(), "--json");
        assertThat(scan.code()).as(scan.err()).isZero();
    }

    private CliRun verify() {
        return run("audit", "verify", "--log", log.toString(), "--public-key", pub, "--anchor", receipt.toString(),
                "--json");
    }

    private void assertFails(CliRun r, String problem) throws Exception {
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.json().get("valid").asBoolean()).isFalse();
        assertThat(r.out() + r.err()).contains(problem);
        assertThat(r.err()).contains("failed verification");
    }

    private Path logFile() {
        return log.resolve("audit-00000001.jsonl");
    }

    @Test
    void anAnchoredLogVerifiesWithTheOldAndNewJsonKeys() throws Exception {
        CliRun ok = verify();
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.json().get("valid").asBoolean()).isTrue();
        assertThat(ok.json().get("records").asLong()).isEqualTo(41);
        assertThat(ok.json().get("checkpoints").asLong()).isEqualTo(1);
        assertThat(ok.json().get("unsigned_tail").asLong()).isZero();
        assertThat(ok.json().get("problems").asInt()).isZero();
        assertThat(ok.json().get("first_problem").isNull()).isTrue();
        assertThat(ok.json().get("anchor_checked").asBoolean()).isTrue();
        assertThat(ok.json().get("last_checkpoint_seq").asLong()).isEqualTo(41);
        CliRun human = run("audit", "verify", "--log", log.toString(), "--public-key", pub, "--anchor",
                receipt.toString());
        assertThat(human.out()).startsWith("valid: 41 records, 1 signed checkpoints").contains("anchor checked");
    }

    @Test
    void aLogCutBackToAnEarlierPointExitsOne() throws Exception {
        List<String> first = Files.readAllLines(logFile());
        scan(10); // a second run appends 10 records and a checkpoint, and moves the receipt on
        Files.writeString(logFile(), String.join("\n", first) + "\n");
        CliRun plain = run("audit", "verify", "--log", log.toString(), "--public-key", pub, "--json");
        assertThat(plain.code()).as("the cut is invisible without the anchor").isZero();
        assertFails(verify(), "cut back");
    }

    @Test
    void aForgedRecordAfterTheLastCheckpointExitsOne() throws Exception {
        List<String> lines = Files.readAllLines(logFile());
        String last = lines.get(lines.size() - 1);
        String prev = last.substring(last.lastIndexOf("\"hash\":\"") + 8, last.lastIndexOf("\"hash\":\"") + 72);
        String body = "{\"seq\":42,\"ts\":\"2026-01-01T00:00:00Z\",\"type\":\"scan\",\"prev\":\"" + prev
                + "\",\"data\":{\"verdict\":\"ALLOW\"}}";
        Files.writeString(logFile(), body.substring(0, body.length() - 1) + ",\"hash\":\"" + sha256(body) + "\"}\n",
                StandardOpenOption.APPEND);
        assertFails(verify(), "after the last signed checkpoint");
        CliRun noAnchor = run("audit", "verify", "--log", log.toString(), "--public-key", pub, "--json");
        assertFails(noAnchor, "after the last signed checkpoint");
        CliRun optIn = run("audit", "verify", "--log", log.toString(), "--public-key", pub, "--allow-unsigned-tail",
                "--json");
        assertThat(optIn.code()).isZero();
        assertThat(optIn.json().get("unsigned_tail").asLong()).isEqualTo(1);
    }

    @Test
    void aDeletedNewestRotatedFileExitsOne() throws Exception {
        // rotate by hand: a second file is what the log writes after maxFileBytes; here a new run starts it
        Path second = log.resolve("audit-00000002.jsonl");
        Files.createFile(second);
        scan(5);
        assertThat(Files.size(second)).isPositive();
        assertThat(verify().code()).isZero();
        Files.delete(second);
        assertFails(verify(), "newest file deleted");
    }

    @Test
    void zeroCheckpointsWithARecomputedChainExitsOne() throws Exception {
        List<String> out = new ArrayList<>();
        String prev = "0".repeat(64);
        for (String line : Files.readAllLines(logFile())) {
            if (line.contains("\"checkpoint\"")) {
                continue;
            }
            String body = line.substring(0, line.lastIndexOf(",\"hash\":\"")) + "}";
            body = body.replace("ALLOW", "BLOCK")
                    .replaceFirst("\"prev\":\"[0-9a-f]{64}\"", "\"prev\":\"" + prev + "\"");
            prev = sha256(body);
            out.add(body.substring(0, body.length() - 1) + ",\"hash\":\"" + prev + "\"}");
        }
        Files.writeString(logFile(), String.join("\n", out) + "\n");
        CliRun r = run("audit", "verify", "--log", log.toString(), "--public-key", pub, "--json");
        assertFails(r, "no signed checkpoint");
        CliRun anchored = run("audit", "verify", "--log", log.toString(), "--public-key", pub, "--anchor",
                receipt.toString());
        assertThat(anchored.code()).isEqualTo(1);
        assertThat(anchored.out()).startsWith("INVALID").contains("no signed checkpoint").contains("cut back");
    }

    @Test
    void theAnchorCommandExportsAReceiptOutsideTheLog() throws Exception {
        Path exported = dir.resolve("elsewhere/exported.json");
        CliRun a = run("audit", "anchor", "--log", log.toString(), "--public-key", pub, "--out", exported.toString(),
                "--json");
        assertThat(a.code()).as(a.err()).isZero();
        assertThat(a.json().get("seq").asLong()).isEqualTo(41);
        assertThat(Files.readString(exported, StandardCharsets.UTF_8))
                .isEqualTo(Files.readString(receipt, StandardCharsets.UTF_8));
        CliRun inside = run("audit", "anchor", "--log", log.toString(), "--public-key", pub, "--out",
                log.resolve("r.json").toString());
        assertThat(inside.code()).isEqualTo(2);
        assertThat(inside.err()).contains("inside the log directory");
        Files.writeString(logFile(), Files.readString(logFile()).replace("ALLOW", "BLOCK"));
        CliRun bad = run("audit", "anchor", "--log", log.toString(), "--public-key", pub, "--out",
                exported.toString());
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("no receipt written").contains("audit-00000001.jsonl:1");
    }

    @Test
    void thePrivateKeyNeverLandsInTheLogDirectoryByDefault() throws Exception {
        Path other = dir.resolve("other-log");
        Path in = dir.resolve("one.txt");
        Files.writeString(in, "one\n");
        CliRun noKey = run("governance", "scan", "--in", in.toString(), "--audit-log", other.toString());
        assertThat(noKey.code()).isEqualTo(2);
        assertThat(noKey.err()).contains("--signing-key").contains("audit keygen");
        assertThat(other.resolve("audit-signing.key")).doesNotExist();

        CliRun keys = run("audit", "keygen", "--out", other.toString(), "--name", "inside", "--json");
        assertThat(keys.code()).as(keys.err()).isZero();
        String insideKey = keys.json().get("private_key").asText();
        CliRun refused = run("governance", "scan", "--in", in.toString(), "--audit-log", other.toString(),
                "--signing-key", insideKey);
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("inside the log directory").contains("--allow-key-in-log-dir");
        assertThat(AuditLogFiles.in(other)).isEmpty();
        CliRun allowed = run("governance", "scan", "--in", in.toString(), "--audit-log", other.toString(),
                "--signing-key", insideKey, "--allow-key-in-log-dir");
        assertThat(allowed.code()).as(allowed.err()).isZero();

        CliRun keygenInLog = run("audit", "keygen", "--out", log.toString());
        assertThat(keygenInLog.code()).isEqualTo(2);
        assertThat(keygenInLog.err()).contains("is an audit log directory");

        // a log pinned to one public key refuses another signing key
        CliRun other2 = run("audit", "keygen", "--out", dir.resolve("keys2").toString(), "--json");
        CliRun wrong = run("governance", "scan", "--in", in.toString(), "--audit-log", log.toString(),
                "--signing-key", other2.json().get("private_key").asText());
        assertThat(wrong.code()).isEqualTo(1);
        assertThat(wrong.err()).contains("does not match the public key pinned beside the log");
        // the default verifier key is the pinned public key
        CliRun pinned = run("audit", "verify", "--log", log.toString(), "--json");
        assertThat(pinned.code()).as(pinned.err()).isZero();
    }

    @Test
    void aPkcs12KeyStoreSignsTheLogWithItsPasswordReadFromAFile() throws Exception {
        Path store = dir.resolve("keys/audit.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keyalg", "Ed25519", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", "s3cret-pass", "-alias", "audit", "-dname", "CN=audit", "-validity", "30")
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).isZero();
        Path password = dir.resolve("keys/password.txt");
        Files.writeString(password, "s3cret-pass\n");
        Path other = dir.resolve("p12-log");
        Path in = dir.resolve("one.txt");
        Files.writeString(in, "one\ntwo\n");
        CliRun noPassword = run("governance", "scan", "--in", in.toString(), "--audit-log", other.toString(),
                "--signing-key", store.toString());
        assertThat(noPassword.code()).isEqualTo(2);
        assertThat(noPassword.err()).contains("--key-store-password-file");
        CliRun scan = run("governance", "scan", "--in", in.toString(), "--audit-log", other.toString(),
                "--signing-key", store.toString(), "--key-store-password-file", password.toString(), "--json");
        assertThat(scan.code()).as(scan.err()).isZero();
        CliRun ok = run("audit", "verify", "--log", other.toString(), "--json");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.json().get("records").asLong()).isEqualTo(3);
    }

    @Test
    void theHelpNamesTheNewOptionsAndExitCodes() {
        CliRun help = run("audit", "help", "verify");
        assertThat(help.code()).isZero();
        assertThat(help.out().replaceAll("\\s+", " ")).contains("--anchor=RECEIPT", "--allow-unsigned-tail",
                "Exits 1", "cut back");
        assertThat(run("audit").out()).contains("anchor", "keygen", "verify");
        assertThat(run("governance", "help", "scan").out()).contains("--allow-key-in-log-dir", "--anchor=RECEIPT",
                "--key-store-password-file");
    }

    private static String sha256(String s) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    /** The audit files of a directory. */
    private static final class AuditLogFiles {
        static List<Path> in(Path d) throws Exception {
            if (!Files.isDirectory(d)) {
                return List.of();
            }
            try (var s = Files.list(d)) {
                return s.filter(p -> p.getFileName().toString().endsWith(".jsonl")).toList();
            }
        }
    }
}
