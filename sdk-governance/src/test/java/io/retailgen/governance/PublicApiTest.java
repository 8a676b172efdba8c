package io.retailgen.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public API of the governance module, package by package. Every top-level class compiled into the module's
 * classes directory is loaded and its modifiers read, so a class made public by accident (or a new package) fails
 * here until this list, and the API section of the governance guide, are changed on purpose.
 */
class PublicApiTest {

    private static final Map<String, Set<String>> EXPECTED = Map.of(
            "io.retailgen.governance", Set.of("ClaimRule", "ContentPolicy", "CounterfeitRules", "MeteredPolicy",
                    "PiiKind", "PolicyEvaluation", "PolicyInterceptor", "PolicyProfile", "PolicyResult",
                    "ProfanityLexicon", "TextCheck"),
            "io.retailgen.governance.audit", Set.of("AuditAnchor", "AuditInterceptor", "AuditKeys", "AuditLog",
                    "AuditVerification", "AuditVerifyOptions"),
            "io.retailgen.governance.access", Set.of("AccessControl", "AccessDeniedException", "AccessInterceptor",
                    "ManagedContentPolicy", "Permission", "Role"),
            "io.retailgen.governance.privacy", Set.of("DpMechanisms", "DpSgd", "PrivacyBudget", "RdpAccountant"),
            "io.retailgen.governance.reports", Set.of("ExposureAudit", "ModelCard"),
            "io.retailgen.governance.image", Set.of("ImageHash", "ImageKind", "ImageMatch", "ImageSafeguard",
                    "ImageSafeguardInterceptor"));

    @Test
    void publicTopLevelClassesAreExactlyTheListedApi() throws Exception {
        assertThat(classesByPackage(true)).isEqualTo(new TreeMap<>(EXPECTED));
    }

    @Test
    void implementationClassesAreFoundAndHidden() throws Exception {
        Map<String, Set<String>> hidden = classesByPackage(false);
        assertThat(hidden.get("io.retailgen.governance")).contains("Normalizer", "AhoCorasick", "PolicyConfig");
        assertThat(hidden.get("io.retailgen.governance.audit")).contains("AuditScan", "AuditLogLock");
        assertThat(hidden.get("io.retailgen.governance.access")).contains("AccessFile");
    }

    /** Top-level classes of the module's classes directory with the given visibility, by package. */
    private static Map<String, Set<String>> classesByPackage(boolean publicOnes)
            throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(ContentPolicy.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(root).as("the module's compiled classes directory").isDirectory();
        List<Path> classFiles;
        try (Stream<Path> files = Files.walk(root.resolve("io/retailgen/governance"))) {
            classFiles = files.filter(f -> f.getFileName().toString().endsWith(".class"))
                    .filter(f -> !f.getFileName().toString().contains("$"))
                    .filter(f -> !f.getFileName().toString().equals("package-info.class"))
                    .sorted()
                    .toList();
        }
        assertThat(classFiles).isNotEmpty();
        Map<String, Set<String>> byPackage = new TreeMap<>();
        for (Path f : classFiles) {
            String relative = root.relativize(f).toString().replace(f.getFileSystem().getSeparator(), ".");
            String name = relative.substring(0, relative.length() - ".class".length());
            Class<?> c = Class.forName(name, false, PublicApiTest.class.getClassLoader());
            boolean isPublic = Modifier.isPublic(c.getModifiers());
            byPackage.computeIfAbsent(c.getPackageName(), k -> new TreeSet<>());
            if (isPublic == publicOnes) {
                byPackage.get(c.getPackageName()).add(c.getSimpleName());
            }
        }
        return byPackage;
    }
}
