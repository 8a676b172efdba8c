package io.retailgen.cli.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retailgen.cli.Json;
import io.retailgen.core.intercept.Verdict;
import io.retailgen.governance.ContentPolicy;
import io.retailgen.governance.PolicyEvaluation;
import io.retailgen.governance.PolicyProfile;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code retailgen governance evaluate}: scores the content policy on labelled cases (JSON lines) and on real text
 * that should pass (reviews, product copy). Key names of the JSON output are listed in {@code docs/governance.md}.
 */
@Command(name = "evaluate", description = "Score the content policy: recall per category and obfuscation style on "
        + "labelled cases, false positives on traps and clean copy, and the share of real reviews and product copy "
        + "blocked, held for review and redacted.")
final class EvaluateCommand implements Callable<Integer> {

    /** Where the real reviews and product copy are looked for when not given. */
    static final String LUMA = "catalog/luma/";
    /** The system property naming the shared data folder (as for the tests). */
    static final String DATA_PROPERTY = "retailgen.shared.data";

    @Option(names = "--cases", required = true, paramLabel = "FILE",
            description = "Labelled cases, JSON lines: id, text, expect, category, style, source.")
    Path cases;

    @Option(names = "--split", defaultValue = "all", paramLabel = "SPLIT",
            description = "dev, holdout or all (default); a case's split is fixed by a hash of its id.")
    String split;

    @Option(names = "--profile", defaultValue = "generated-copy", paramLabel = "PROFILE",
            description = "Profile for the cases and the product copy: generated-copy (default) or user-content.")
    String profile;

    @Option(names = "--reviews-profile", defaultValue = "user-content", paramLabel = "PROFILE",
            description = "Profile for the real reviews (default user-content).")
    String reviewsProfile;

    @Option(names = "--reviews", paramLabel = "FILE", description = "Real reviews, CSV with a 'review' column "
            + "(and 'title', scanned with it). Default: catalog/luma/reviews.csv of the shared data, when present.")
    Path reviews;

    @Option(names = "--copy", paramLabel = "FILE", description = "Real product copy, CSV with a 'description' column "
            + "(and 'name'). Default: catalog/luma/products.csv of the shared data, when present.")
    Path copy;

    @Option(names = "--policy", paramLabel = "FILE", description = "A JSON policy file (default: the shipped policy).")
    Path policyFile;

    @Option(names = "--verbose", description = "Also list the ids of the failing cases (and the blocked real texts).")
    boolean verbose;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!PolicyEvaluation.SPLITS.contains(split)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--split: unknown split '" + split
                    + "', expected one of " + PolicyEvaluation.SPLITS);
        }
        PolicyProfile casesProfile = ScanCommand.profile(spec, profile);
        PolicyProfile userProfile = ScanCommand.profile(spec, reviewsProfile);
        List<PolicyEvaluation.Case> all = PolicyEvaluation.readCases(cases);
        List<PolicyEvaluation.Case> chosen = PolicyEvaluation.inSplit(all, split);
        ContentPolicy policy = policy(casesProfile);
        long t0 = System.nanoTime();
        PolicyEvaluation.Report report = PolicyEvaluation.evaluate(policy, chosen);

        ObjectNode o = Json.object();
        o.put("cases_file", cases.toString());
        o.put("split", split);
        o.put("profile", casesProfile.id());
        o.put("cases", report.total());
        ObjectNode cats = o.putObject("categories");
        report.categories().forEach((name, t) -> {
            ObjectNode c = cats.putObject(name);
            c.put("cases", t.cases());
            boolean allow = PolicyEvaluation.MUST_ALLOW.contains(name);
            c.put(allow ? "allowed" : "caught", t.passed());
            c.put(allow ? "allowed_rate" : "recall", t.rate());
            if (allow) {
                c.put("false_positive_rate", t.cases() == 0 ? 0 : 1 - t.rate());
            }
            c.put("exact", t.exact());
        });
        putStyles(o.putObject("styles"), report.styles(), "caught", "recall");
        putStyles(o.putObject("allowed_styles"), report.allowedStyles(), "allowed", "allowed_rate");
        ObjectNode verdicts = o.putObject("verdicts");
        report.verdicts().forEach((v, n) -> verdicts.put(v.name(), n));
        o.put("failing_count", report.failing().size());
        if (verbose) {
            report.failing().forEach(o.putArray("failing")::add);
        }
        Path reviewsFile = reviews != null ? reviews : sharedFile("reviews.csv");
        if (reviewsFile != null) {
            textSet(o.putObject("reviews"), reviewsFile, userProfile,
                    PolicyEvaluation.scan(policy(userProfile), RealTexts.reviews(reviewsFile)));
        }
        Path copyFile = copy != null ? copy : sharedFile("products.csv");
        if (copyFile != null) {
            textSet(o.putObject("copy"), copyFile, casesProfile,
                    PolicyEvaluation.scan(policy, RealTexts.copy(copyFile)));
        }
        o.put("seconds", (System.nanoTime() - t0) / 1e9);
        if (json) {
            Json.print(out, o);
        } else {
            human(out, o);
        }
        return 0;
    }

    private ContentPolicy policy(PolicyProfile p) {
        return policyFile == null ? ContentPolicy.defaults(p) : ContentPolicy.fromJson(policyFile, p);
    }

    private void textSet(ObjectNode o, Path file, PolicyProfile p, PolicyEvaluation.TextSetReport r) {
        o.put("file", String.valueOf(file));
        o.put("profile", p.id());
        o.put("texts", r.texts());
        for (Verdict v : Verdict.values()) {
            String k = v.name().toLowerCase(Locale.ROOT);
            o.put(k, r.verdicts().get(v));
            o.put(k + "_rate", r.share(v));
        }
        if (verbose) {
            r.blocked().forEach(o.putArray("blocked_rows")::add);
        }
    }

    /**
     * @param name a file of the Luma catalog
     * @return the file in the shared data folder (the system property, else {@code ../shared/data} from here or a
     *     parent folder), or null when absent: the set is then skipped
     */
    static Path sharedFile(String name) {
        String prop = System.getProperty(DATA_PROPERTY);
        if (prop != null && !prop.isBlank()) {
            Path p = Path.of(prop).resolve(LUMA + name);
            return Files.isRegularFile(p) ? p : null;
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path p = dir.resolve("../shared/data/" + LUMA + name).normalize();
            if (Files.isRegularFile(p)) {
                return p;
            }
            dir = dir.getParent();
        }
        return null;
    }

    private static void putStyles(ObjectNode into, Map<String, PolicyEvaluation.Tally> styles, String passedKey,
                                  String rateKey) {
        styles.forEach((name, t) -> {
            ObjectNode s = into.putObject(name);
            s.put("cases", t.cases());
            s.put(passedKey, t.passed());
            s.put(rateKey, t.rate());
        });
    }

    private static void printStyles(PrintWriter out, String title, JsonNode styles, String rateKey) {
        out.println(title);
        styles.properties().forEach(e -> out.printf("  %-12s %4d cases  %.1f%%%n", e.getKey(),
                e.getValue().get("cases").asInt(), 100 * e.getValue().get(rateKey).asDouble()));
    }

    private static void human(PrintWriter out, ObjectNode o) {
        out.printf("%d cases (%s split, profile %s)%n", o.get("cases").asInt(), o.get("split").asText(),
                o.get("profile").asText());
        o.get("categories").properties().forEach(e -> {
            boolean allow = e.getValue().has("allowed");
            out.printf("  %-12s %4d cases  %s %.1f%%%n", e.getKey(), e.getValue().get("cases").asInt(),
                    allow ? "allowed" : "recall ", 100 * e.getValue().get(allow ? "allowed_rate" : "recall")
                            .asDouble());
        });
        printStyles(out, "recall per style:", o.get("styles"), "recall");
        printStyles(out, "allowed per style (cases that must be allowed):", o.get("allowed_styles"), "allowed_rate");
        for (String set : List.of("reviews", "copy")) {
            if (o.has(set)) {
                var s = o.get(set);
                out.printf("%s: %d texts (%s), blocked %.2f%%, review %.2f%%, redacted %.2f%%%n", set,
                        s.get("texts").asInt(), s.get("profile").asText(), 100 * s.get("block_rate").asDouble(),
                        100 * s.get("review_rate").asDouble(), 100 * s.get("redact_rate").asDouble());
            }
        }
        if (o.has("failing")) {
            out.println("failing: " + String.join(" ", o.get("failing").valueStream().map(n -> n.asText())
                    .toList()));
        }
        out.flush();
    }
}
