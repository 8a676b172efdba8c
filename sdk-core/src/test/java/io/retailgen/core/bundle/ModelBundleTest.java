package io.retailgen.core.bundle;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static io.retailgen.core.bundle.Bundles.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelBundleTest {

    @TempDir
    Path tmp;

    @Test
    void roundTripsThroughDirectory() throws IOException {
        ModelBundle bundle = Bundles.demo();
        Path dir = tmp.resolve("demo-3");
        bundle.saveTo(dir);

        assertThat(Bundles.tree(dir)).containsExactly("manifest.json", "manifest.sha256", "model.onnx", "scalers",
                "scalers/price.json", "vocab.json");
        ModelBundle loaded = ModelBundle.load(dir);
        assertThat(loaded).isEqualTo(bundle);
        assertThat(loaded.manifest()).isEqualTo(bundle.manifest());
        assertThat(loaded.modelBytes()).isEqualTo(Bundles.MODEL);
        assertThat(loaded.file("vocab.json")).isEqualTo(Bundles.VOCAB);
        assertThat(utf8(loaded.file("scalers/price.json"))).isEqualTo("{\"mean\":1.5}");
        assertThat(loaded.fileNames()).containsExactly("model.onnx", "scalers/price.json", "vocab.json");
        assertThat(loaded.manifest().provenance()).isEqualTo(Bundles.provenance());
    }

    @Test
    void roundTripsThroughZip() {
        ModelBundle bundle = Bundles.demo();
        Path zip = tmp.resolve("out/demo-3.zip");
        bundle.saveZip(zip);

        ModelBundle loaded = ModelBundle.load(zip);
        assertThat(loaded).isEqualTo(bundle);
        assertThat(loaded.modelBytes()).isEqualTo(Bundles.MODEL);
        assertThat(loaded.file("vocab.json")).isEqualTo(Bundles.VOCAB);
        assertThat(loaded.manifest().created()).isEqualTo(Instant.parse("2026-01-31T12:00:00Z"));
    }

    @Test
    void manifestRecordsEveryFieldInJson() throws IOException {
        Path dir = tmp.resolve("b");
        Bundles.demo().saveTo(dir);
        String json = Files.readString(dir.resolve("manifest.json"));
        assertThat(json).contains("\"formatVersion\" : 1", "\"kind\" : \"demo.mlp\"", "\"name\" : \"demo\"",
                "\"version\" : \"3\"", "\"created\" : \"2026-01-31T12:00:00Z\"",
                "\"model.onnx\" : \"" + DataFingerprint.ofBytes(Bundles.MODEL) + "\"",
                "\"rowCount\" : 1234", "\"seed\" : 42", "\"lr\" : \"0.01\"", "\"recall@20\" : 0.5",
                "\"sdkVersion\" : \"0.1.0-test\"", "\"osArch\" : \"amd64\"");
    }

    @Test
    void accessorsReturnCopies() {
        ModelBundle bundle = Bundles.demo();
        bundle.modelBytes()[0] ^= 1;
        bundle.file("vocab.json")[0] ^= 1;
        assertThat(bundle.modelBytes()).isEqualTo(Bundles.MODEL);
        assertThat(bundle.file("vocab.json")).isEqualTo(Bundles.VOCAB);
        assertThatThrownBy(() -> bundle.file("nope.bin")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bundle demo:3 has no file 'nope.bin'; it has [model.onnx, scalers/price.json, vocab.json]");
    }

    @Test
    void builderNamesEverythingMissing() {
        assertThatThrownBy(() -> ModelBundle.builder().name("x").build()).isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot build ModelBundle: missing kind, version, model, provenance");
    }

    @Test
    void builderValidatesAtOnce() {
        ModelBundle.Builder b = ModelBundle.builder();
        assertThatThrownBy(() -> b.name("../etc")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name '../etc' is not valid");
        assertThatThrownBy(() -> b.version("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version '' is not valid");
        assertThatThrownBy(() -> b.file("../x", new byte[1])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'../x' is not a safe relative path");
        assertThatThrownBy(() -> b.file("/abs", new byte[1])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'/abs' is not a safe relative path");
        assertThatThrownBy(() -> b.file("model.onnx", new byte[1])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("set with model(bytes)");
        assertThatThrownBy(() -> b.file("manifest.json", new byte[1])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("written by the SDK");
        b.file("a", new byte[1]);
        assertThatThrownBy(() -> b.file("a", new byte[1])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("file 'a' was already added");
        b.file("a/b", new byte[1]).kind("k").name("n").version("1").model(new byte[1]).provenance(Bundles.provenance());
        assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("file 'a' clashes with 'a/b'");
    }

    @Test
    void toBuilderCopiesEverything() {
        ModelBundle bundle = Bundles.demo();
        ModelBundle v4 = bundle.toBuilder().version("4").build();
        assertThat(v4.manifest().version()).isEqualTo("4");
        assertThat(v4.manifest().files()).isEqualTo(bundle.manifest().files());
        assertThat(v4.manifest().provenance()).isEqualTo(bundle.manifest().provenance());
        assertThat(v4).isNotEqualTo(bundle);
        assertThat(v4.toBuilder().version("3").build()).isEqualTo(bundle);
    }

    // ---- corruption -------------------------------------------------------------------------------------------

    @Test
    void flippedByteInModelIsNamedWithBothHashes() throws IOException {
        Path dir = tmp.resolve("b");
        Bundles.demo().saveTo(dir);
        byte[] model = Files.readAllBytes(dir.resolve("model.onnx"));
        model[100] ^= 0x01;
        Files.write(dir.resolve("model.onnx"), model);

        assertInvalid(dir, "invalid model bundle " + dir + ": sha256 mismatch for 'model.onnx': expected "
                + DataFingerprint.ofBytes(Bundles.MODEL) + ", actual " + DataFingerprint.ofBytes(model)
                + " (the file is corrupt or was modified)");
    }

    @Test
    void flippedByteInZippedFileIsNamed() throws IOException {
        Path zip = tmp.resolve("b.zip");
        Bundles.demo().saveZip(zip);
        Path bad = tmp.resolve("bad.zip");
        Bundles.rewriteZip(zip, bad, Map.of("vocab.json", b -> {
            byte[] c = b.clone();
            c[3] ^= 0x40;
            return c;
        }), Map.of());

        assertInvalid(bad, "sha256 mismatch for 'vocab.json': expected " + DataFingerprint.ofBytes(Bundles.VOCAB));
    }

    @Test
    void missingFileIsNamed() throws IOException {
        Path dir = tmp.resolve("b");
        Bundles.demo().saveTo(dir);
        Files.delete(dir.resolve("scalers/price.json"));
        assertInvalid(dir, "file 'scalers/price.json' listed in manifest.json is missing");
    }

    @Test
    void unlistedFileIsRejected() throws IOException {
        Path dir = tmp.resolve("b");
        Bundles.demo().saveTo(dir);
        Files.write(dir.resolve("notes.txt"), utf8("hello"));
        assertInvalid(dir, "file 'notes.txt' is not listed in manifest.json; a bundle may only contain files whose"
                + " sha256 the manifest records");
    }

    @Test
    void futureFormatVersionAsksForUpgrade() throws IOException {
        Path dir = tmp.resolve("b");
        Bundles.demo().saveTo(dir);
        editManifest(dir, s -> s.replace("\"formatVersion\" : 1", "\"formatVersion\" : 7")
                .replace("\"files\"", "\"blobs\""));
        assertInvalid(dir, "bundle format version 7 is newer than this SDK supports (1); upgrade the SDK");
    }

    @Test
    void truncatedZipIsReported() throws IOException {
        Path zip = tmp.resolve("b.zip");
        Bundles.demo().saveZip(zip);
        byte[] all = Files.readAllBytes(zip);
        Files.write(zip, java.util.Arrays.copyOf(all, all.length / 2));
        assertInvalid(zip, "invalid model bundle " + zip + ": the zip file is truncated or corrupt");
    }

    @Test
    void notAZipIsReported() throws IOException {
        Path file = tmp.resolve("model.onnx");
        Files.write(file, Bundles.MODEL);
        assertInvalid(file, "the zip file is truncated or corrupt");
    }

    @Test
    void malformedManifestJsonIsReported() throws IOException {
        Path dir = tmp.resolve("b");
        Bundles.demo().saveTo(dir);
        editManifest(dir, s -> s.substring(0, s.length() / 2));
        assertInvalid(dir, "manifest.json is not valid JSON");
    }

    @Test
    void manifestErrorsNameTheField() throws IOException {
        Map<UnaryOperator<String>, String> cases = new LinkedHashMap<>();
        cases.put(s -> s.replace("\"name\" : \"demo\",", ""), "manifest.json field 'name' is missing");
        cases.put(s -> s.replace("\"rowCount\" : 1234", "\"rowCount\" : \"many\""),
                "manifest.json field 'provenance.rowCount' must be an integer, was \"many\"");
        cases.put(s -> s.replace("\"created\" : \"2026-01-31T12:00:00Z\"", "\"created\" : \"yesterday\""),
                "field 'created' must be an ISO-8601 UTC instant like 2026-01-31T12:00:00Z, was 'yesterday'");
        cases.put(s -> s.replace("\"formatVersion\" : 1,", ""), "manifest.json field 'formatVersion' is missing");
        cases.put(s -> s.replace("\"seed\" : 42", "\"seed\" : 4.5"),
                "manifest.json field 'provenance.seed' must be an integer, was 4.5");
        cases.put(s -> s.replace("\"recall@20\" : 0.5", "\"recall@20\" : \"high\""),
                "manifest.json field 'provenance.metrics.recall@20' must be a number, was \"high\"");
        cases.put(s -> s.replace(DataFingerprint.ofBytes(Bundles.VOCAB), "abc"),
                "manifest.json is invalid: sha256 of 'vocab.json' must be 64 lower-case hex digits, was 'abc'");
        cases.put(s -> s.replace("\"kind\" : \"demo.mlp\"", "\"kind\" : \"demo.mlp\", \"kind\" : \"x\""),
                "manifest.json is not valid JSON: Duplicate field 'kind'");
        cases.put(s -> "[1, 2]", "manifest.json must hold a JSON object, found array");
        int i = 0;
        for (Map.Entry<UnaryOperator<String>, String> c : cases.entrySet()) {
            Path dir = tmp.resolve("case" + i++);
            Bundles.demo().saveTo(dir);
            editManifest(dir, c.getKey());
            assertInvalid(dir, c.getValue());
        }
    }

    @Test
    void unknownManifestFieldsAreIgnored() throws IOException {
        Path dir = tmp.resolve("b");
        ModelBundle bundle = Bundles.demo();
        bundle.saveTo(dir);
        editManifest(dir, s -> s.replace("\"kind\"", "\"addedLater\" : {\"x\" : [1]}, \"kind\""));
        // a later release writing such a manifest records its hash too
        Files.write(dir.resolve("manifest.sha256"), BundleIo.manifestHashLine(Files.readAllBytes(dir.resolve(
                "manifest.json"))));
        assertThat(ModelBundle.load(dir)).isEqualTo(bundle);
    }

    @Test
    void missingManifestIsReported() throws IOException {
        Path dir = tmp.resolve("b");
        Bundles.demo().saveTo(dir);
        Files.delete(dir.resolve("manifest.json"));
        assertInvalid(dir, "invalid model bundle " + dir + ": manifest.json is missing");
    }

    @Test
    void zippedFolderGetsAHint() throws IOException {
        Path zip = tmp.resolve("b.zip");
        Bundles.writeZip(zip, Map.of("demo-3/manifest.json", utf8("{}"), "demo-3/model.onnx", Bundles.MODEL));
        assertInvalid(zip, "manifest.json is missing (found 'demo-3/manifest.json': pack the bundle's contents,"
                + " not the folder that holds them)");
    }

    @Test
    void zipSlipEntriesAreRejected() throws IOException {
        Path zip = tmp.resolve("b.zip");
        Bundles.demo().saveZip(zip);
        for (String evil : List.of("../evil.txt", "/etc/evil", "scalers/../../evil", "C:\\evil", "..\\evil")) {
            Path bad = tmp.resolve("slip.zip");
            Bundles.rewriteZip(zip, bad, Map.of(), Map.of(evil, utf8("pwned")));
            assertInvalid(bad, "zip entry '" + evil + "' has an unsafe path");
        }
        assertThat(tmp.getParent().resolve("evil.txt")).doesNotExist();
    }

    @Test
    void missingPathIsAnIoError() {
        Path nowhere = tmp.resolve("nowhere");
        assertThatThrownBy(() -> ModelBundle.load(nowhere)).isInstanceOfSatisfying(RetailGenException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.IO))
                .hasMessageContaining("no model bundle at " + nowhere.toAbsolutePath());
    }

    // ---- atomic saving ----------------------------------------------------------------------------------------

    @Test
    void savesLeaveNoTemporaryFiles() throws IOException {
        ModelBundle bundle = Bundles.demo();
        bundle.saveTo(tmp.resolve("dir"));
        bundle.saveZip(tmp.resolve("b.zip"));
        bundle.toBuilder().version("4").build().saveZip(tmp.resolve("b.zip"));
        try (var s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted()).containsExactly("b.zip", "dir");
        }
        assertThat(ModelBundle.load(tmp.resolve("b.zip")).manifest().version()).isEqualTo("4");
    }

    @Test
    void saveToExistingDirectoryFailsAndKeepsIt() throws IOException {
        Path dir = tmp.resolve("dir");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("keep.txt"), "mine");
        assertThatThrownBy(() -> Bundles.demo().saveTo(dir)).isInstanceOfSatisfying(RetailGenException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.IO)).hasMessageContaining("it already exists");
        assertThat(Bundles.tree(tmp)).containsExactly("dir", "dir/keep.txt");

        Path empty = tmp.resolve("empty");
        Files.createDirectory(empty);
        assertThatThrownBy(() -> Bundles.demo().saveTo(empty)).isInstanceOf(RetailGenException.class);
    }

    @Test
    void failureWhileWritingLeavesNothingBehind() {
        Path target = tmp.resolve("dir");
        assertThatThrownBy(() -> BundleIo.createDirectoryAtomically(target, d -> {
            Files.write(d.resolve("model.onnx"), Bundles.MODEL);
            throw new IOException("disk full");
        })).isInstanceOf(RetailGenException.class).hasMessageContaining("disk full");
        assertThat(target).doesNotExist();
        assertThat(tmp).isEmptyDirectory();
    }

    @Test
    void failedZipWriteKeepsTheOldZip() throws IOException {
        Path zip = tmp.resolve("b.zip");
        Bundles.demo().saveZip(zip);
        byte[] before = Files.readAllBytes(zip);
        assertThatThrownBy(() -> BundleIo.replaceFileAtomically(zip, t -> {
            Files.write(t, new byte[] {1, 2, 3}, StandardOpenOption.CREATE_NEW);
            throw new IOException("disk full");
        })).isInstanceOf(RetailGenException.class);
        assertThat(Files.readAllBytes(zip)).isEqualTo(before);
        assertThat(Bundles.tree(tmp)).containsExactly("b.zip");
    }

    private static void editManifest(Path dir, UnaryOperator<String> edit) throws IOException {
        Path m = dir.resolve("manifest.json");
        Files.writeString(m, edit.apply(Files.readString(m)));
    }

    static void assertInvalid(Path bundle, String messagePart) {
        assertThatThrownBy(() -> ModelBundle.load(bundle)).isInstanceOfSatisfying(RetailGenException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_BUNDLE))
                .hasMessageContaining(messagePart);
    }
}
