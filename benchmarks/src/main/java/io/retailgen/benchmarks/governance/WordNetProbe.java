package io.retailgen.benchmarks.governance;

import io.retailgen.core.intercept.Finding;
import io.retailgen.core.intercept.Severity;
import io.retailgen.core.intercept.Verdict;
import io.retailgen.governance.ContentPolicy;
import io.retailgen.governance.PolicyResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A false-positive probe on outside text: runs the default policy over every noun of Princeton WordNet 3.0 (each
 * lemma as the name in {@code New in: NAME, ready to ship}) and over every gloss and example sentence, and prints how
 * many are flagged as profanity (MEDIUM or more) and, with {@code --list}, which. Most single words flagged are
 * lexicon entries themselves; the multi-word names flagged are where the names guards ({@code names-wordnet.txt},
 * {@code things-wordnet.txt}) fall short.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar io.retailgen.benchmarks.governance.WordNetProbe WORDNET_DIR [--list]
 * }</pre>
 * ({@code WORDNET_DIR} holds {@code data.noun}, e.g. the Debian package {@code wordnet-base}'s folder.)
 */
public final class WordNetProbe {

    private WordNetProbe() {
    }

    /**
     * @param args the WordNet folder, then optionally {@code --list}
     * @throws IOException when {@code data.noun} cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: WordNetProbe WORDNET_DIR [--list]");
            System.exit(2);
        }
        boolean list = args.length > 1 && args[1].equals("--list");
        Set<String> lemmas = new LinkedHashSet<>();
        List<String> glosses = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0], "data.noun"), StandardCharsets.ISO_8859_1)) {
            if (line.startsWith("  ")) {
                continue; // the licence header
            }
            String[] head = line.split(" \\| ", 2)[0].split(" ");
            int words = Integer.parseInt(head[3], 16);
            for (int i = 0; i < words; i++) {
                lemmas.add(head[4 + 2 * i].replaceAll("\\(.*\\)$", "").replace('_', ' '));
            }
            if (line.contains(" | ")) {
                for (String part : line.split(" \\| ", 2)[1].split(";")) {
                    String s = part.strip().replaceAll("^\"|\"$", "").strip();
                    if (!s.isEmpty()) {
                        glosses.add(s);
                    }
                }
            }
        }
        ContentPolicy policy = ContentPolicy.defaults();
        Map<String, List<String>> names = new TreeMap<>();
        for (String l : lemmas) {
            String text = "New in: " + l + ", ready to ship";
            if (profane(policy.check(text))) {
                names.computeIfAbsent(l.contains(" ") || l.contains("-") ? "multi-word" : "single word",
                        k -> new ArrayList<>()).add(l);
            }
        }
        Map<Verdict, Integer> verdicts = new TreeMap<>();
        List<String> profaneGlosses = new ArrayList<>();
        for (String g : glosses) {
            PolicyResult r = policy.check(g);
            verdicts.merge(r.verdict(), 1, Integer::sum);
            if (profane(r)) {
                profaneGlosses.add(g);
            }
        }
        System.out.printf("noun lemmas: %d, flagged as profanity: %d single words, %d multi-word names%n",
                lemmas.size(), names.getOrDefault("single word", List.of()).size(),
                names.getOrDefault("multi-word", List.of()).size());
        System.out.printf("glosses and examples: %d, verdicts %s, with a profanity finding: %d%n", glosses.size(),
                verdicts, profaneGlosses.size());
        if (list) {
            names.forEach((k, v) -> System.out.println(k + ": " + String.join(" | ", v)));
            profaneGlosses.forEach(g -> System.out.println("gloss: " + g));
        }
    }

    private static boolean profane(PolicyResult r) {
        for (Finding f : r.findings()) {
            if (f.category().equals("profanity") && f.severity().compareTo(Severity.MEDIUM) >= 0) {
                return true;
            }
        }
        return false;
    }
}
