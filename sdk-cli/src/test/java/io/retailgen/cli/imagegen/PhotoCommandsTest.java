package io.retailgen.cli.imagegen;

import static io.retailgen.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retailgen.cli.CliRun;
import io.retailgen.imagegen.AssetStore;
import io.retailgen.imagegen.Lineage;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code imagegen recolor} and {@code imagegen vary} on a tiny studio photo built at run time. */
class PhotoCommandsTest {
    @TempDir
    static Path dir;
    static Path photo;
    static Path guide;

    /** A 90x120 studio photo: white sweep, a dark blue garment with vertical folds, a skin-coloured face. */
    @BeforeAll
    static void files() throws Exception {
        BufferedImage img = new BufferedImage(90, 120, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 120; y++) {
            for (int x = 0; x < 90; x++) {
                int p = 0xfcfcfc;
                if (x >= 20 && x < 70 && y >= 35 && y < 110) {
                    int fold = (int) (25 * Math.max(0, Math.sin(x / 2.0)));
                    p = (0x20 - fold / 3) << 16 | (0x30 - fold / 2) << 8 | (0x80 - fold);
                } else if (x >= 35 && x < 55 && y >= 10 && y < 35) {
                    p = 0xd9a383;
                }
                img.setRGB(x, y, p);
            }
        }
        ImageIO.write(img, "png", dir.resolve("shirt.png").toFile());
        photo = dir.resolve("shirt.png");
        guide = Files.writeString(dir.resolve("guide.json"), "{\"name\": \"brand\", \"sizes\": [[90, 120], [100, 100],"
                + " [96, 120], [160, 90]], \"aspect_ratios\": [\"3:4\", \"1:1\", \"4:5\", \"16:9\"], \"palette\":"
                + " [\"#1B2A49\", \"#E8E4DA\"], \"background\": \"gradient\", \"margin\": 0.05, \"fit\": \"crop\","
                + " \"max_delta_e\": 12}");
    }

    @Test
    void recolorWritesASameSizeSrgbPngAndReportsTimeAndTheChangedShare() throws Exception {
        Path out = dir.resolve("yellow.png");
        CliRun r = run("imagegen", "recolor", "--image", photo.toString(), "--color", "#f2d33c", "--out",
                out.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("seconds").asDouble()).isPositive();
        double garment = 50 * 75 / (90.0 * 120);
        assertThat(j.get("mask_share").asDouble()).isBetween(garment * 0.9, garment * 1.2);
        assertThat(j.get("width").asInt()).isEqualTo(90);
        assertThat(j.get("height").asInt()).isEqualTo(120);
        BufferedImage result = ImageIO.read(out.toFile());
        assertThat(result.getWidth()).isEqualTo(90);
        assertThat(result.getHeight()).isEqualTo(120);
        assertThat(new String(Files.readAllBytes(out), StandardCharsets.ISO_8859_1)).contains("sRGB");
        int p = result.getRGB(45, 80);
        assertThat((p >> 16) & 0xff).as("garment turned yellow: red high").isGreaterThan(150);
        assertThat(p & 0xff).as("garment turned yellow: blue low").isLessThan(120);
        assertThat(result.getRGB(45, 20)).as("face untouched").isEqualTo(0xffd9a383);
        assertThat(result.getRGB(2, 2)).as("background untouched").isEqualTo(0xfffcfcfc);

        CliRun lab = run("imagegen", "recolor", "--image", photo.toString(), "--color", "lab(52,10,-30)", "--out",
                dir.resolve("lab.png").toString(), "--json");
        assertThat(lab.code()).as(lab.err()).isZero();
        assertThat(lab.json().get("color").asText()).startsWith("#");
    }

    @Test
    void varyWritesBackgroundLightAndCropVariantsWithLineageAndPendingReview() throws Exception {
        Path out = dir.resolve("variants");
        CliRun r = run("imagegen", "vary", "--image", photo.toString(), "--style-guide", guide.toString(), "--out",
                out.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("variants")).hasSize(6);
        assertThat(j.get("variants").findValuesAsText("name")).containsExactly("background", "relight-left",
                "relight-right", "crop-1x1", "crop-4x5", "crop-16x9");
        String source = j.get("source_asset_id").asText();
        AssetStore store = AssetStore.open(out.resolve("store"), java.time.Clock.systemUTC());
        for (JsonNode v : j.get("variants")) {
            BufferedImage img = ImageIO.read(Path.of(v.get("file").asText()).toFile());
            assertThat(img.getWidth()).isEqualTo(v.get("width").asInt());
            assertThat(v.get("review").asText()).isEqualTo("pending");
            Lineage lineage = AssetStore.readLineage(store.read(v.get("asset_id").asText()));
            assertThat(lineage.parentAsset()).isEqualTo(source);
            assertThat(lineage.request()).contains("variant=" + v.get("name").asText());
        }
        JsonNode byName = j.get("variants");
        assertThat(byName.get(0).get("width").asInt()).isEqualTo(90);
        assertThat(byName.get(3).get("width").asInt()).isEqualTo(100);
        assertThat(byName.get(4).get("height").asInt()).isEqualTo(120);
        assertThat(byName.get(5).get("width").asInt()).isEqualTo(160);
        assertThat(Files.readString(out.resolve("review-queue.json"))).contains("PENDING");
    }

    private static void assertOneError(CliRun r, String... parts) throws Exception {
        assertThat(r.code()).as(r.out() + r.err()).isBetween(1, 2);
        List<String> errors = r.err().lines().filter(l -> l.startsWith("error: ")).toList();
        assertThat(errors).as(r.err()).hasSize(1);
        assertThat(errors.get(0)).contains(parts);
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(r.json().has("error")).as(r.out()).isTrue();
    }

    @Test
    void badInputGivesOneErrorLineAndAJsonErrorObject() throws Exception {
        Path out = dir.resolve("bad.png");
        assertOneError(run("imagegen", "recolor", "--image", dir.resolve("missing.jpg").toString(), "--color",
                "#f2d33c", "--out", out.toString(), "--json"), "missing.jpg", "does not exist");
        Path text = Files.writeString(dir.resolve("readme.jpg"), "this is text");
        assertOneError(run("imagegen", "recolor", "--image", text.toString(), "--color", "#f2d33c", "--out",
                out.toString(), "--json"), "readme.jpg", "not an image");
        assertOneError(run("imagegen", "recolor", "--image", photo.toString(), "--color", "yellow", "--out",
                out.toString(), "--json"), "--color", "'yellow'");
        assertOneError(run("imagegen", "recolor", "--image", photo.toString(), "--color", "lab(140,0,0)", "--out",
                out.toString(), "--json"), "L* must be within 0..100");
        Path huge = hugePng();
        assertOneError(run("imagegen", "recolor", "--image", huge.toString(), "--color", "#f2d33c", "--out",
                out.toString(), "--json"), "60000x50000");
        assertOneError(run("imagegen", "vary", "--image", huge.toString(), "--style-guide", guide.toString(),
                "--out", dir.resolve("v2").toString(), "--json"), "60000x50000");
        Path white = dir.resolve("white.png");
        BufferedImage blank = new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < 600; i++) {
            blank.setRGB(i % 30, i / 30, 0xffffff);
        }
        ImageIO.write(blank, "png", white.toFile());
        assertOneError(run("imagegen", "recolor", "--image", white.toString(), "--color", "#f2d33c", "--out",
                out.toString(), "--json"), "nothing to recolour");
        assertOneError(run("imagegen", "vary", "--image", white.toString(), "--style-guide", guide.toString(),
                "--out", dir.resolve("v3").toString(), "--json"), "all studio background");
        assertOneError(run("imagegen", "vary", "--image", photo.toString(), "--style-guide", text.toString(),
                "--out", dir.resolve("v4").toString(), "--json"), "readme.jpg");
        assertOneError(run("imagegen", "recolor", "--image", photo.toString(), "--color", "#f2d33c", "--out",
                dir.resolve("no-such-folder").resolve("x.png").toString(), "--json"), "folder does not exist");
    }

    /** A valid PNG whose header claims 60000x50000 pixels (the reader must refuse it before decoding). */
    private static Path hugePng() throws Exception {
        Path small = dir.resolve("small.png");
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", small.toFile());
        byte[] png = Files.readAllBytes(small);
        ByteBuffer.wrap(png).putInt(16, 60_000).putInt(20, 50_000);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        ByteBuffer.wrap(png).putInt(29, (int) crc.getValue());
        return Files.write(dir.resolve("huge.png"), png);
    }
}
