package io.retailgen.cli.governance;

import static io.retailgen.cli.CliRun.run;
import io.retailgen.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GovernanceCliTest {



    @Test
    void scanTextPrintsVerdictFindingsAndRedactedText() throws Exception {
        CliRun r = run("governance", "scan", "--text", "Mail jo@example.com for a Rolex replica", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("verdict").asText()).isEqualTo("BLOCK");
        assertThat(j.get("findings").findValuesAsText("rule")).contains("pii.email");
        assertThat(j.get("redacted_text").asText()).contains("[EMAIL]").doesNotContain("jo@example.com");

        CliRun clean = run("governance", "scan", "--text", "Soft merino crew-neck sweater in navy", "--json");
        assertThat(clean.json().get("verdict").asText()).isEqualTo("ALLOW");
        assertThat(clean.json().get("findings")).isEmpty();

        CliRun human = run("governance", "scan", "--text", "call +1 (555) 123-4567");
        assertThat(human.out()).startsWith("REDACT").contains("pii.phone", "redacted: call [PHONE]");
    }

    @Test
    void scanFileAndCustomPolicy(@TempDir Path dir) throws Exception {
        Path policy = dir.resolve("policy.json");
        Files.writeString(policy, "{\"profanity\": {\"lexicons\": [], \"terms\": {\"gadzooks\": \"HIGH\"}}}");
        Path text = dir.resolve("copy.txt");
        Files.writeString(text, "Line one.\nGadzooks, what a deal!\n");
        CliRun r = run("governance", "scan", "--file", text.toString(), "--policy", policy.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.json().get("verdict").asText()).isEqualTo("BLOCK");
        assertThat(r.json().has("line")).isFalse();
    }

    @Test
    void scanInGivesOneVerdictPerLineThenASummaryAndAuditsEveryVerdict(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.txt");
        // a lone \r and U+2028 do not end a line; invalid UTF-8 is replaced, not fatal
        byte[] bad = {(byte) 0xC3, (byte) 0x28};
        String body = "Breathable cotton tee\r\nthis is sh1t\nwrite to a@b.co\u2028ok\n\nold\rmac\n";
        Files.write(in, concat(body.getBytes(StandardCharsets.UTF_8), bad, "\nlast".getBytes(StandardCharsets.UTF_8)));
        Path log = dir.resolve("audit");
        CliRun keys = run("audit", "keygen", "--out", dir.resolve("keys").toString(), "--json");
        String priv = keys.json().get("private_key").asText();
        CliRun r = run("governance", "scan", "--in", in.toString(), "--audit-log", log.toString(),
                "--signing-key", priv, "--json");
        assertThat(r.code()).as(r.err()).isZero();
        List<JsonNode> nodes = r.jsonLines();
        assertThat(nodes).hasSize(8);
        assertThat(nodes.subList(0, 7)).extracting(n -> n.get("line").asInt()).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(nodes.subList(0, 7)).extracting(n -> n.get("verdict").asText())
                .containsExactly("ALLOW", "BLOCK", "REDACT", "ALLOW", "ALLOW", "ALLOW", "ALLOW");
        JsonNode summary = nodes.get(7);
        assertThat(summary.get("summary").asBoolean()).isTrue();
        assertThat(summary.get("texts").asInt()).isEqualTo(7);
        assertThat(summary.get("block").asInt()).isEqualTo(1);
        assertThat(summary.get("errors").asInt()).isZero();
        assertThat(log.resolve("audit-signing.key")).doesNotExist();
        assertThat(Files.readString(log.resolve("audit-signing.pub"))).contains("PUBLIC KEY")
                .doesNotContain("PRIVATE");

        CliRun verify = run("audit", "verify", "--log", log.toString(), "--json");
        assertThat(verify.code()).as(verify.err()).isZero();
        assertThat(verify.json().get("valid").asBoolean()).isTrue();
        assertThat(verify.json().get("records").asLong()).isEqualTo(8); // 7 scans + closing checkpoint
        String content = Files.readString(log.resolve("audit-00000001.jsonl"));
        assertThat(content).doesNotContain("a@b.co");
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    @Test
    void auditVerifyWithKeygenKeysDetectsTampering(@TempDir Path dir) throws Exception {
        CliRun keys = run("audit", "keygen", "--out", dir.resolve("keys").toString(), "--json");
        assertThat(keys.code()).as(keys.err()).isZero();
        String priv = keys.json().get("private_key").asText();
        String pub = keys.json().get("public_key").asText();
        Path log = dir.resolve("audit");
        Path in = dir.resolve("in.txt");
        Files.writeString(in, "one\ntwo\nthree\n");
        CliRun scan = run("governance", "scan", "--in", in.toString(), "--audit-log", log.toString(),
                "--signing-key", priv, "--json");
        assertThat(scan.code()).as(scan.err()).isZero();
        assertThat(scan.err()).doesNotContain("warning");

        CliRun ok = run("audit", "verify", "--dir", log.toString(), "--public-key", pub, "--json");
        assertThat(ok.code()).isZero();
        assertThat(ok.json().get("first_problem").isNull()).isTrue();

        Path file = log.resolve("audit-00000001.jsonl");
        Files.writeString(file, Files.readString(file).replace("\"line\":2", "\"line\":5"));
        CliRun bad = run("audit", "verify", "--dir", log.toString(), "--public-key", pub, "--json");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.json().get("valid").asBoolean()).isFalse();
        assertThat(bad.json().get("first_problem").asText()).contains("audit-00000001.jsonl:2");
        assertThat(bad.err()).contains("failed verification");

        CliRun again = run("audit", "keygen", "--out", dir.resolve("keys").toString());
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("already exists");
    }

    @Test
    void fuzzLinesFromBlnsAndRandomUnicodeGiveOneVerdictEach(@TempDir Path dir) throws Exception {
        StringBuilder b = new StringBuilder();
        Path blns = null;
        for (Path p = Path.of("").toAbsolutePath(); p != null && blns == null; p = p.getParent()) {
            Path f = p.resolve("shared/data/text/blns.json");
            blns = Files.isReadable(f) ? f : null;
        }
        if (blns != null) {
            for (JsonNode s : new com.fasterxml.jackson.databind.ObjectMapper().readTree(blns.toFile())) {
                b.append(s.asText().replace('\n', ' ')).append('\n');
            }
        }
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        for (int i = 0; i < 300; i++) {
            for (int k = r.nextInt(60); k > 0; k--) {
                int cp = r.nextInt(4) == 0 ? r.nextInt(0x80) : r.nextInt(Character.MAX_CODE_POINT + 1);
                if (cp != '\n' && Character.isDefined(cp) && !Character.isSurrogate((char) cp)) {
                    b.appendCodePoint(cp);
                }
            }
            b.append('\n');
        }
        String text = b.toString();
        long expected = text.chars().filter(c -> c == '\n').count();
        Path in = dir.resolve("fuzz.txt");
        Files.writeString(in, text);
        CliRun run = run("governance", "scan", "--in", in.toString(), "--json");
        assertThat(run.code()).as(run.err()).isZero();
        List<JsonNode> nodes = run.jsonLines();
        assertThat(nodes).hasSize((int) expected + 1);
        assertThat(nodes.get(nodes.size() - 1).get("errors").asInt()).isZero();
        assertThat(nodes.subList(0, nodes.size() - 1)).allMatch(n -> n.has("verdict"));
    }

    @Test
    void badCommandLinesExitTwo(@TempDir Path dir) {
        CliRun none = run("governance", "scan", "--json");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("--text");
        CliRun both = run("governance", "scan", "--text", "a", "--in", "b");
        assertThat(both.code()).isEqualTo(2);
        CliRun noDir = run("audit", "verify", "--dir", dir.resolve("nope").toString());
        assertThat(noDir.code()).isEqualTo(2);
        assertThat(noDir.err()).contains("not a directory");
        CliRun noKey = run("audit", "verify", "--dir", dir.toString());
        assertThat(noKey.code()).isEqualTo(2);
        assertThat(noKey.err()).contains("--public-key");
        CliRun missing = run("governance", "scan", "--file", dir.resolve("missing.txt").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("missing.txt");
    }
}
