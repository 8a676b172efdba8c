package io.retailgen.cli.imagegen;

import static io.retailgen.cli.CliRun.run;
import io.retailgen.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retailgen.datasets.IdxFiles;
import io.retailgen.imagegen.LabeledImages;
import io.retailgen.testing.SharedData;
import io.retailgen.testing.SyntheticImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImagegenCommandTest {
    @TempDir
    static Path dir;
    static Path images;
    static Path labels;
    static Path model;



    /**
     * Writes 1,500 training images as idx files: the first Fashion-MNIST test images when the shared data is present,
     * else (or with {@code -Dretailgen.test.syntheticImages=true}) synthetic images of ten categories, so the commands
     * are tested in a clone without the shared data too.
     */
    @BeforeAll
    static void data() throws IOException {
        Optional<Path> shared = Boolean.getBoolean("retailgen.test.syntheticImages") ? Optional.empty()
                : SharedData.find("images/fashion-mnist/t10k-images-idx3-ubyte.gz");
        LabeledImages all;
        if (shared.isPresent()) {
            all = TrainCommand.readIdx(shared.get(), shared.get().resolveSibling("t10k-labels-idx1-ubyte.gz"))
                    .slice(0, 1500);
        } else {
            SyntheticImages.Set set = SyntheticImages.generate(1500, 7L);
            all = new LabeledImages(28, 28, set.pixels(), set.labels());
        }
        ByteBuffer im = ByteBuffer.allocate(16 + all.count() * 784);
        im.putInt(IdxFiles.IMAGES_MAGIC).putInt(all.count()).putInt(28).putInt(28).put(all.pixels());
        ByteBuffer lb = ByteBuffer.allocate(8 + all.count());
        lb.putInt(IdxFiles.LABELS_MAGIC).putInt(all.count());
        for (int l : all.labels()) {
            lb.put((byte) l);
        }
        images = Files.write(dir.resolve("images.idx"), im.array());
        labels = Files.write(dir.resolve("labels.idx"), lb.array());
        model = dir.resolve("model");
    }

    @Test
    @Order(1)
    void trainWritesABundle() throws IOException {
        CliRun r = run("imagegen", "train", "--images", images.toString(), "--labels", labels.toString(), "--out",
                model.toString(), "--epochs", "1", "--width", "8", "--minutes", "5", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(model.resolve("manifest.json")).exists();
        assertThat(model.resolve("classifier.onnx")).exists();
        assertThat(r.json().get("export_max_abs_diff").asDouble()).isLessThan(1e-5);
    }

    @Test
    @Order(2)
    void generateRawWritesOneGreyPngPerImageAndJson() throws IOException {
        Path out = dir.resolve("raw");
        CliRun r = run("imagegen", "generate", "--model", model.toString(), "--category", "1", "--count", "12",
                "--raw", "--out", out.toString(), "--json", "--no-attribute-check");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("count").asInt()).isEqualTo(12);
        assertThat(j.has("images_per_second")).isTrue();
        assertThat(j.get("rejected").asInt()).isZero();
        List<Path> pngs;
        try (Stream<Path> s = Files.list(out)) {
            pngs = s.sorted().toList();
        }
        assertThat(pngs).hasSize(12);
        BufferedImage img = ImageIO.read(pngs.get(0).toFile());
        assertThat(img.getWidth()).isEqualTo(28);
        assertThat(img.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
    }

    @Test
    @Order(3)
    void generateWithStyleWritesAssetsStoreAndContactSheet() throws IOException {
        Path guide = Files.writeString(dir.resolve("guide.json"), "{\"name\":\"t\",\"sizes\":[[200,150]],"
                + "\"aspect_ratios\":[\"4:3\"],\"palette\":[\"#1B2A49\",\"#E30613\",\"#F5F1E8\"],"
                + "\"background\":\"solid\",\"margin\":0.05,\"fit\":\"crop\",\"max_delta_e\":15}");
        Path out = dir.resolve("styled");
        CliRun r = run("imagegen", "generate", "--model", model.toString(), "--category", "1", "--count", "3",
                "--style", guide.toString(), "--out", out.toString(), "--json", "--no-attribute-check");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(out.resolve("contact-sheet.png")).exists();
        assertThat(ImageIO.read(out.resolve("styled-c1-0000.png").toFile()).getWidth()).isEqualTo(200);
        assertThat(out.resolve("store/audit.jsonl")).exists();
    }

    @Test
    @Order(4)
    void badInputsFailWithAClearMessage() throws IOException {
        CliRun r = run("imagegen", "generate", "--model", model.toString(), "--category", "10", "--count", "3",
                "--raw", "--out", dir.resolve("x").toString());
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains("--category must be in 0..9");
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"sizes\":[[300,100]],\"aspect_ratios\":[\"1:1\"],"
                + "\"palette\":[\"#000000\"]}");
        r = run("imagegen", "generate", "--model", model.toString(), "--category", "1", "--count", "1",
                "--style", bad.toString(), "--out", dir.resolve("y").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("self-contradictory");
        Path truncated = Files.write(dir.resolve("trunc.idx"), java.util.Arrays.copyOf(Files.readAllBytes(images),
                1000));
        r = run("imagegen", "train", "--images", truncated.toString(), "--labels", labels.toString(), "--out",
                dir.resolve("z").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("truncated");
        r = run("imagegen", "generate", "--model", model.toString(), "--category", "1", "--count", "1", "--raw",
                "--style", bad.toString(), "--out", dir.resolve("w").toString());
        assertThat(r.code()).isEqualTo(2);
    }

    @Test
    @Order(5)
    void evaluatePrintsTheDocumentedKeys() throws IOException {
        CliRun r = run("imagegen", "evaluate", "--images", images.toString(), "--labels", labels.toString(),
                "--test-images", images.toString(), "--test-labels", labels.toString(), "--epochs", "1", "--width",
                "8", "--per-category", "20", "--no-attribute-check", "--resize-output", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        for (String k : List.of("fid_feature", "fid_floor", "class_fidelity", "images_per_second", "train_seconds")) {
            assertThat(j.has(k)).as(k).isTrue();
        }
        assertThat(j.get("fid_floor").asDouble()).isLessThan(j.get("fid_feature").asDouble());
    }

    @Test
    @Order(6)
    void referenceVariationsNeedAVaeAndReportDistanceAndAgreement() throws IOException {
        Path ref = dir.resolve("ref.png");
        io.retailgen.imagegen.GreyPng.write(ref, java.util.Arrays.copyOfRange(Files.readAllBytes(images), 16,
                16 + 784), 28, 28);
        CliRun r = run("imagegen", "generate", "--model", model.toString(), "--reference", ref.toString(), "--count",
                "2", "--raw", "--out", dir.resolve("gan-ref").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--architecture cvae");
        r = run("imagegen", "train", "--images", images.toString(), "--labels", labels.toString(), "--out",
                dir.resolve("x").toString(), "--architecture", "diffusion");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--architecture must be cgan or cvae");

        Path vae = dir.resolve("vae");
        r = run("imagegen", "train", "--images", images.toString(), "--labels", labels.toString(), "--out",
                vae.toString(), "--architecture", "cvae", "--epochs", "1", "--width", "8", "--minutes", "5",
                "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.json().get("architecture").asText()).isEqualTo("cvae");
        assertThat(r.json().get("export_max_abs_diff").asDouble()).isLessThan(1e-5);
        assertThat(vae.resolve("encoder.onnx")).exists();

        Path out = dir.resolve("variations");
        r = run("imagegen", "generate", "--model", vae.toString(), "--reference", ref.toString(), "--count", "6",
                "--radius", "0.3", "--raw", "--no-attribute-check", "--out", out.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("count").asInt()).isEqualTo(6);
        assertThat(j.get("reference_category").asInt()).isBetween(0, 9);
        assertThat(j.get("agreement").asDouble()).isBetween(0.0, 1.0);
        assertThat(j.get("mean_distance").asDouble()).isGreaterThan(0.0).isLessThan(0.5);
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.count()).isEqualTo(6);
        }
        r = run("imagegen", "generate", "--model", vae.toString(), "--count", "2", "--raw", "--out",
                dir.resolve("nocat").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--category is required");
    }
}
