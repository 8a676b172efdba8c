package io.retailgen.core.bundle;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Small fixtures for the bundle tests. */
final class Bundles {

    static final byte[] MODEL = fakeModel(300, 7);
    static final byte[] VOCAB = "{\"items\":[\"sku-1\",\"sku-2\",\"sku-3\"]}".getBytes(StandardCharsets.UTF_8);

    private Bundles() {
    }

    static byte[] fakeModel(int size, int seed) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (i * 31 + seed);
        }
        return b;
    }

    static Provenance provenance() {
        return new Provenance(DataFingerprint.ofBytes("rows".getBytes(StandardCharsets.UTF_8)), 1234,
                Map.of("hidden", "64", "lr", "0.01"), 42L, "0.1.0-test", "17.0.15", "Linux", "amd64",
                Map.of("recall@20", 0.5, "mrr@20", 0.25));
    }

    static ModelBundle.Builder demo(String name, String version) {
        return ModelBundle.builder().kind("demo.mlp").name(name).version(version)
                .model(MODEL).file("vocab.json", VOCAB).provenance(provenance())
                .created(Instant.parse("2026-01-31T12:00:00Z"));
    }

    static ModelBundle demo() {
        return demo("demo", "3").file("scalers/price.json", "{\"mean\":1.5}".getBytes(StandardCharsets.UTF_8))
                .build();
    }

    /** Copies a zip, letting {@code edit} replace (or, by returning null, drop) each entry's bytes. */
    static void rewriteZip(Path from, Path to, Map<String, UnaryOperator<byte[]>> edits, Map<String, byte[]> extra)
            throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(from.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                try (java.io.InputStream in = zip.getInputStream(e)) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
        }
        edits.forEach((name, op) -> entries.computeIfPresent(name, (n, b) -> op.apply(b)));
        entries.putAll(extra);
        writeZip(to, entries);
    }

    static void writeZip(Path to, Map<String, byte[]> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(to); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** All paths below {@code dir} (files and directories), relative, sorted. */
    static List<String> tree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted()
                    .toList();
        }
    }
}
