package io.retailgen.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.intercept.Severity;
import io.retailgen.core.intercept.Verdict;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads JSON policy files (Jackson tree model) into the parts of a {@link ContentPolicy}. */
final class PolicyConfig {

    static final String RESOURCE_DIR = "/io/retailgen/governance/";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ProfanityLexicon lexicon;
    private final List<ClaimRule> claims;
    private final CounterfeitRules counterfeit;
    private final Set<PiiKind> pii;
    private final Severity piiSeverity;
    private final Map<Severity, Verdict> verdicts;
    private final boolean structuredClaims;
    private final PolicyProfile profile;
    private final String phoneRegion;

    private PolicyConfig(ProfanityLexicon lexicon, List<ClaimRule> claims, CounterfeitRules counterfeit,
                         Set<PiiKind> pii, Severity piiSeverity, Map<Severity, Verdict> verdicts,
                         boolean structuredClaims, PolicyProfile profile, String phoneRegion) {
        this.structuredClaims = structuredClaims;
        this.lexicon = lexicon;
        this.claims = claims;
        this.counterfeit = counterfeit;
        this.pii = pii;
        this.piiSeverity = piiSeverity;
        this.verdicts = verdicts;
        this.profile = profile;
        this.phoneRegion = phoneRegion;
    }

    private static final class DefaultHolder {
        static final PolicyConfig CONFIG = readResource("default-policy.json");
        static final ContentPolicy POLICY = CONFIG.toBuilder().build();
    }

    private static final class UserContentHolder {
        static final ContentPolicy POLICY = DefaultHolder.CONFIG.toBuilder().profile(PolicyProfile.USER_CONTENT)
                .build();
    }

    /** @return the shipped policy under {@code profile} (each built once) */
    static ContentPolicy defaultPolicy(PolicyProfile profile) {
        return profile == PolicyProfile.USER_CONTENT ? UserContentHolder.POLICY : DefaultHolder.POLICY;
    }

    static PolicyConfig defaultConfig() {
        return DefaultHolder.CONFIG;
    }

    static ContentPolicy defaultPolicy() {
        return DefaultHolder.POLICY;
    }

    ProfanityLexicon lexicon() {
        return lexicon;
    }

    ContentPolicy.Builder toBuilder() {
        ContentPolicy.Builder b = ContentPolicy.builder();
        applyTo(b);
        return b;
    }

    void applyTo(ContentPolicy.Builder b) {
        if (lexicon != null) {
            b.profanity(lexicon);
        }
        b.clearClaimRules();
        claims.forEach(b::claimRule);
        if (counterfeit != null) {
            b.counterfeit(counterfeit);
        }
        b.pii(pii, piiSeverity);
        b.structuredClaims(structuredClaims);
        verdicts.forEach(b::verdict);
        b.profile(profile);
        if (phoneRegion != null) {
            b.phoneRegion(phoneRegion);
        }
    }

    private static PolicyConfig readResource(String name) {
        try (InputStream in = open(null, name, true)) {
            return read(in, null, "resource " + name);
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot read policy resource " + name + ": " + e, e);
        }
    }

    static PolicyConfig read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Path dir = file.toAbsolutePath().getParent();
            return read(in, dir, file.toString());
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot read policy file " + file + ": " + e, e);
        }
    }

    static PolicyConfig read(InputStream in, Path baseDir, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (IOException e) {
            throw bad(source, "not valid JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw bad(source, "the document must be a JSON object");
        }
        Map<Severity, Verdict> verdicts = new EnumMap<>(Severity.class);
        JsonNode v = root.path("verdicts");
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            verdicts.put(severity(source, e.getKey()), verdict(source, e.getValue().asText()));
        }
        ProfanityLexicon lexicon = root.has("profanity") ? lexicon(root.get("profanity"), baseDir, source) : null;
        List<ClaimRule> claims = new ArrayList<>();
        for (JsonNode c : root.path("claims")) {
            try {
                claims.add(new ClaimRule(c.path("id").asText(""), c.path("category").asText("misleading-claim"),
                        severity(source, c.path("severity").asText("MEDIUM")), strings(c.path("phrases")),
                        strings(c.path("unless")), c.path("message").asText("misleading claim"),
                        c.path("confidence").asDouble(1.0)));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw bad(source, "claim rule " + c + ": " + e.getMessage());
            }
        }
        CounterfeitRules counterfeit = root.has("counterfeit")
                ? counterfeit(root.get("counterfeit"), baseDir, source) : null;
        Set<PiiKind> pii = EnumSet.noneOf(PiiKind.class);
        Severity piiSeverity = Severity.MEDIUM;
        if (root.has("pii")) {
            for (String k : strings(root.get("pii").path("kinds"))) {
                try {
                    pii.add(PiiKind.valueOf(k.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw bad(source, "unknown PII kind '" + k + "', expected one of " + List.of(PiiKind.values()));
                }
            }
            piiSeverity = severity(source, root.get("pii").path("severity").asText("MEDIUM"));
        }
        JsonNode structured = root.path("structuredClaims");
        if (!structured.isMissingNode() && !structured.isBoolean()) {
            throw bad(source, "\"structuredClaims\" must be true or false, was " + structured);
        }
        String phoneRegion = null;
        if (root.path("pii").has("region")) {
            phoneRegion = root.get("pii").get("region").asText();
            try {
                ContentPolicy.builder().phoneRegion(phoneRegion);
            } catch (IllegalArgumentException e) {
                throw bad(source, "pii.region: " + e.getMessage());
            }
        }
        PolicyProfile profile = PolicyProfile.GENERATED_COPY;
        if (root.has("profile")) {
            try {
                profile = PolicyProfile.parse(root.get("profile").asText());
            } catch (IllegalArgumentException e) {
                throw bad(source, e.getMessage());
            }
        }
        return new PolicyConfig(lexicon, List.copyOf(claims), counterfeit, pii, piiSeverity, verdicts,
                structured.asBoolean(false), profile, phoneRegion);
    }

    private static ProfanityLexicon lexicon(JsonNode node, Path baseDir, String source) {
        ProfanityLexicon.Builder b = ProfanityLexicon.builder();
        int minLength = node.path("minLength").asInt(1);
        for (JsonNode lex : node.path("lexicons")) {
            String format = lex.path("format").asText("list");
            JsonNode data = readJson(lex, baseDir, source);
            if (format.equals("list")) {
                Severity s = severity(source, lex.path("severity").asText("MEDIUM"));
                for (JsonNode t : data) {
                    addTerm(b, t.asText(), s, minLength);
                }
            } else if (format.equals("sureness")) {
                Map<String, Severity> levels = new java.util.HashMap<>();
                lex.path("severities").properties().forEach(
                        e -> levels.put(e.getKey(), severity(source, e.getValue().asText())));
                data.properties().forEach(e -> {
                    Severity s = levels.get(e.getValue().asText());
                    if (s != null) {
                        addTerm(b, e.getKey(), s, minLength);
                    }
                });
            } else {
                throw bad(source, "unknown lexicon format '" + format + "', expected 'list' or 'sureness'");
            }
        }
        node.path("terms").properties().forEach(e -> b.override(e.getKey(), severity(source,
                e.getValue().asText())));
        for (String t : strings(node.path("exclude"))) {
            b.remove(t);
        }
        for (String a : strings(node.path("allow"))) {
            b.allow(a);
        }
        return b.build();
    }

    private static void addTerm(ProfanityLexicon.Builder b, String term, Severity s, int minLength) {
        if (term != null && term.strip().codePointCount(0, term.strip().length()) >= minLength) {
            b.term(term, s);
        }
    }

    private static CounterfeitRules counterfeit(JsonNode node, Path baseDir, String source) {
        List<String> brands = new ArrayList<>(strings(node.path("brands")));
        for (JsonNode list : node.path("brandLists")) {
            brands.addAll(readLines(list, baseDir, source));
        }
        List<CounterfeitRules.Marker> markers = new ArrayList<>();
        for (JsonNode m : node.path("markers")) {
            String alone = m.path("alone").asText("");
            CounterfeitRules.Placement placement;
            try {
                placement = CounterfeitRules.Placement.valueOf(m.path("placement").asText("EITHER"));
            } catch (IllegalArgumentException e) {
                throw bad(source, "unknown marker placement in " + m + ", expected one of "
                        + List.of(CounterfeitRules.Placement.values()));
            }
            try {
                markers.add(new CounterfeitRules.Marker(m.path("phrase").asText(""), placement,
                        alone.isEmpty() ? null : severity(source, alone), strings(m.path("requires"))));
            } catch (IllegalArgumentException e) {
                throw bad(source, "counterfeit marker " + m + ": " + e.getMessage());
            }
        }
        return new CounterfeitRules(brands, strings(node.path("authorized")), markers, node.path("window").asInt(5),
                severity(source, node.path("severity").asText("HIGH")), strings(node.path("legitimate")));
    }

    private static InputStream open(Path baseDir, String name, boolean resource) throws IOException {
        if (resource) {
            InputStream in = PolicyConfig.class.getResourceAsStream(RESOURCE_DIR + name);
            if (in == null) {
                throw new IOException("no class-path resource " + RESOURCE_DIR + name);
            }
            return in;
        }
        Path p = baseDir == null ? Path.of(name) : baseDir.resolve(name);
        return Files.newInputStream(p);
    }

    private static InputStream openSource(JsonNode spec, Path baseDir, String source) throws IOException {
        if (spec.has("resource")) {
            return open(null, spec.get("resource").asText(), true);
        }
        if (spec.has("file")) {
            return open(baseDir, spec.get("file").asText(), false);
        }
        throw bad(source, "a lexicon needs \"resource\" or \"file\": " + spec);
    }

    private static JsonNode readJson(JsonNode spec, Path baseDir, String source) {
        try (InputStream in = openSource(spec, baseDir, source)) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, source + ": cannot read lexicon " + spec + ": " + e, e);
        }
    }

    private static List<String> readLines(JsonNode spec, Path baseDir, String source) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(openSource(spec, baseDir, source),
                StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line.strip());
                }
            }
            return lines;
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, source + ": cannot read brand list " + spec + ": " + e, e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) {
            out.add(n.asText());
        }
        return out;
    }

    private static Severity severity(String source, String name) {
        try {
            return Severity.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad(source, "unknown severity '" + name + "', expected one of " + List.of(Severity.values()));
        }
    }

    private static Verdict verdict(String source, String name) {
        try {
            return Verdict.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad(source, "unknown verdict '" + name + "', expected one of " + List.of(Verdict.values()));
        }
    }

    private static RetailGenException bad(String source, String what) {
        return new RetailGenException(ErrorCode.INVALID_DATA, "policy " + source + ": " + what);
    }

    /**
     * Reads the lines of a list whose every line names its kind before a space ({@code colour azure},
     * {@code work book}).
     *
     * @param resource the list's name, for errors
     * @param lines its lines, without blank lines and comments
     * @param kinds the kinds the list may hold
     * @return for each kind, the words of that kind (a kind without words maps to an empty set)
     * @throws IllegalArgumentException for a line without a kind or of another kind
     */
    static Map<String, Set<String>> taggedLines(String resource, List<String> lines, Set<String> kinds) {
        Map<String, Set<String>> out = new HashMap<>();
        for (String k : kinds) {
            out.put(k, new HashSet<>());
        }
        for (String line : lines) {
            int sp = line.indexOf(' ');
            if (sp < 0) {
                throw new IllegalArgumentException(resource + ": line without a kind of entry: '" + line + "'");
            }
            Set<String> words = out.get(line.substring(0, sp));
            if (words == null) {
                throw new IllegalArgumentException(resource + ": unknown kind of entry: '" + line + "'");
            }
            words.add(line.substring(sp + 1).strip());
        }
        out.replaceAll((k, v) -> Set.copyOf(v));
        return out;
    }

    /** @return the lines of a class-path resource of this package, without blank lines and # comments */
    static List<String> resourceLines(String name) {
        String path = PolicyConfig.RESOURCE_DIR + name;
        List<String> lines = new ArrayList<>();
        try (InputStream in = PolicyConfig.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new RetailGenException(ErrorCode.IO, "no class-path resource " + path);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot read " + path + ": " + e, e);
        }
        return lines;
    }
}
