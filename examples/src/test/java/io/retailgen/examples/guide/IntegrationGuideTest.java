package io.retailgen.examples.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Keeps docs/integration-guide.md honest: each Java snippet is the tagged region of a source file in this package
 * (compiled with the tests, so it must compile against the SDK), and each Maven snippet resolves in a project that
 * imports only the SDK's BOM (every dependency has a version or is one of the BOM's artifacts).
 */
class IntegrationGuideTest {
    private static final Path ROOT = Path.of("..");
    private static final Path GUIDE = ROOT.resolve("docs/integration-guide.md");
    private static final Pattern BLOCK = Pattern.compile("(?:<!-- compiled: (\\S+)#(\\S+) -->\\n)?```(\\w+)\\n(.*?)```",
            Pattern.DOTALL);

    record Block(String language, String body, String file, String tag) {
    }

    @Test
    void everyJavaSnippetIsTheCompiledSource() throws IOException {
        List<Block> java = blocks("java");
        assertThat(java).as("Java snippets in %s", GUIDE).hasSizeGreaterThanOrEqualTo(4);
        for (Block b : java) {
            assertThat(b.file()).as("a Java snippet without a '<!-- compiled: FILE#TAG -->' line above it:%n%s",
                    b.body()).isNotNull();
            assertThat(b.body()).as("snippet %s#%s", b.file(), b.tag())
                    .isEqualTo(taggedRegion(ROOT.resolve(b.file()), b.tag()));
        }
    }

    @Test
    void everyMavenSnippetResolvesWithTheBomAlone() throws Exception {
        Set<String> bomArtifacts = bomArtifacts();
        String version = text(parse(Files.readString(ROOT.resolve("sdk-bom/pom.xml"))).getDocumentElement(),
                "version");
        List<Block> xml = blocks("xml");
        assertThat(xml).as("Maven snippets in %s", GUIDE).isNotEmpty();
        for (Block b : xml) {
            Document doc = parse("<snippet>" + b.body() + "</snippet>");
            NodeList deps = doc.getElementsByTagName("dependency");
            for (int i = 0; i < deps.getLength(); i++) {
                Element d = (Element) deps.item(i);
                String id = text(d, "groupId") + ":" + text(d, "artifactId");
                String v = text(d, "version");
                if ("io.retailgen:sdk-bom".equals(id)) {
                    assertThat(v).as("the BOM's version in the guide").isEqualTo(version);
                } else if (v == null) {
                    assertThat(bomArtifacts).as("%s has no version and the BOM does not manage it", id).contains(id);
                }
            }
        }
    }

    @Test
    void taggedRegionsAreDedentedAndMissingTagsAreNamed(@TempDir Path dir)
            throws IOException {
        Path f = dir.resolve("S.java");
        Files.writeString(f, "class S {\n    void m() {\n        // tag::t[]\n        int a = 1;\n"
                + "          int b = 2;\n        // end::t[]\n    }\n}\n");
        assertThat(taggedRegion(f, "t")).isEqualTo("int a = 1;\n  int b = 2;\n");
        assertThatThrownBy(() -> taggedRegion(f, "u"))
                .hasMessageContaining("tag::u[]").hasMessageContaining("S.java");
    }

    private static List<Block> blocks(String language) throws IOException {
        String md = Files.readString(GUIDE, StandardCharsets.UTF_8);
        List<Block> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(md);
        while (m.find()) {
            if (m.group(3).equals(language)) {
                out.add(new Block(language, m.group(4), m.group(1), m.group(2)));
            }
        }
        return out;
    }

    /** The lines between {@code // tag::NAME[]} and {@code // end::NAME[]}, less their common indentation. */
    static String taggedRegion(Path file, String tag) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int start = -1;
        int end = -1;
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).strip();
            if (t.equals("// tag::" + tag + "[]")) {
                start = i + 1;
            } else if (t.equals("// end::" + tag + "[]")) {
                end = i;
            }
        }
        if (start < 0 || end < start) {
            throw new IllegalArgumentException(file + ": no region between '// tag::" + tag + "[]' and '// end::"
                    + tag + "[]'");
        }
        List<String> region = lines.subList(start, end);
        int indent = region.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder sb = new StringBuilder();
        for (String l : region) {
            sb.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
        }
        return sb.toString();
    }

    private static Set<String> bomArtifacts() throws Exception {
        Document bom = parse(Files.readString(ROOT.resolve("sdk-bom/pom.xml")));
        Set<String> out = new HashSet<>();
        NodeList deps = bom.getElementsByTagName("dependency");
        for (int i = 0; i < deps.getLength(); i++) {
            Element d = (Element) deps.item(i);
            out.add(text(d, "groupId") + ":" + text(d, "artifactId"));
        }
        return out;
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    /** The text of {@code parent}'s direct child element {@code name}, or null when it has none. */
    private static String text(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().strip();
            }
        }
        return null;
    }
}
