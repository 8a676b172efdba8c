package io.retailgen.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retailgen.governance.ContentPolicy;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo on a fresh clone: no shared data at all, tiny budgets. */
class DemoTest {

    @Test
    void runsEndToEndWithoutSharedDataAndWritesAVerifiableReport(@TempDir Path empty, @TempDir Path out)
            throws Exception {
        Path report = out.resolve("report");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        ByteArrayOutputStream errBuf = new ByteArrayOutputStream();
        int status;
        try (PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8);
                PrintStream err = new PrintStream(errBuf, true, StandardCharsets.UTF_8)) {
            status = Demo.execute(new String[] {"--data", empty.toString(), "--out", report.toString(), "--json",
                "--image-seconds", "3", "--max-images", "256", "--images", "4", "--recommend-epochs", "1",
                "--generative-epochs", "3", "--paths", "200"}, ps, err);
        }
        String stdout = buf.toString(StandardCharsets.UTF_8);
        assertThat(status).as(stdout + errBuf.toString(StandardCharsets.UTF_8)).isZero();
        List<String> lines = stdout.lines().toList();
        JsonNode f = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        assertThat(f.path("problems").size()).isZero();
        assertThat(f.path("recommend_source").asText()).startsWith("generated sample");
        assertThat(f.path("forecast_source").asText()).startsWith("generated sample");
        assertThat(f.path("images_source").asText()).startsWith("generated silhouettes");
        assertThat(f.path("recommend_sessions_evaluated").asInt()).isPositive();
        assertThat(f.path("recall_at_10").asDouble()).isBetween(0.0, 1.0);
        assertThat(f.path("exposure_disparity_ratio").asDouble()).isBetween(0.0, 1.0);
        assertThat(f.path("safety_stock").asDouble()).isPositive();
        assertThat(f.path("stress_safety_stock").asDouble()).isGreaterThan(f.path("safety_stock").asDouble());
        assertThat(f.path("generative_model").asBoolean()).isTrue();
        assertThat(f.path("whatif_lift").isNumber()).isTrue();
        assertThat(f.path("images_generated").asInt()).isEqualTo(4);
        assertThat(f.path("images_rejected").asInt()).isEqualTo(1);
        assertThat(f.path("images_pending").asInt()).isEqualTo(1);
        assertThat(f.path("images_approved").asInt()).isEqualTo(2);
        assertThat(f.path("banners_blocked").asInt()).as("the deliberately counterfeit banner").isEqualTo(1);
        assertThat(f.path("texts_block").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(f.path("texts_screened").asInt()).isEqualTo(f.path("texts_allow").asInt()
                + f.path("texts_redact").asInt() + f.path("texts_block").asInt()).isGreaterThan(4);
        assertThat(f.path("audit_chain_valid").asBoolean()).isTrue();
        assertThat(f.path("audit_checkpoints").asInt()).isPositive();
        assertThat(f.path("luma_products").asInt()).as("no Luma catalog: nothing recoloured").isZero();
        assertThat(f.get("recolor_seconds").isNull()).isTrue();
        assertThat(stdout).contains("== product photos ==").contains("no real product photo to recolour");

        assertThat(Files.readString(report.resolve("summary.json")).trim()).isEqualTo(lines.get(lines.size() - 1));
        String html = Files.readString(report.resolve("index.html"));
        assertThat(html).contains("<img src=\"fan-chart.png\"").contains("<img src=\"contact-sheet.png\"")
                .contains("<img src=\"exposure.png\"").contains("verified").doesNotContain(Demo.BAD_BANNER + "</td><td>"
                        + Demo.BAD_BANNER);
        BufferedImage fan = ImageIO.read(report.resolve("fan-chart.png").toFile());
        assertThat(fan.getWidth()).isEqualTo(900);
        assertThat(ImageIO.read(report.resolve("contact-sheet.png").toFile()).getWidth()).isGreaterThan(400);
        assertThat(ImageIO.read(report.resolve("exposure.png").toFile())).isNotNull();
        assertThat(stdout).contains("== recommendations ==").contains("safety stock").contains("what-if 20% discount")
                .contains("chain VERIFIED");
    }

    @Test
    void recoloursOneRealPhotoOfTheLumaCatalogAndReportsItsTime(@TempDir Path data, @TempDir Path out)
            throws Exception {
        LumaFixture.write(data.resolve(LumaStore.SHARED_LUMA));
        Map<String, Object> f = new LinkedHashMap<>();
        StringBuilder html = new StringBuilder();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (Governance gov = Governance.open(out.resolve("audit"), ContentPolicy.defaults());
                PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            Demo.photos(data, out, gov, f, html, ps);
        }
        assertThat(f).containsEntry("luma_products", 4).containsEntry("luma_photos", 7)
                .containsEntry("luma_reviews", 3).containsEntry("recolor_product", "TT01 Trail Tee")
                .containsEntry("recolor_from", "Black").containsEntry("recolor_to", "Yellow")
                .containsEntry("recolor_size", "120x150").containsEntry("recolor_verdict", "ALLOW");
        assertThat((Double) f.get("recolor_seconds")).isPositive();
        assertThat((Double) f.get("recolor_mask_share")).isBetween(0.05, 0.5);
        assertThat((Double) f.get("recolor_garment_delta_e")).as("black to yellow against the real yellow photo")
                .isLessThan(10);
        assertThat((Double) f.get("recolor_rest_delta_e")).isLessThan(1.5);
        assertThat((String) f.get("recolor_swatch")).matches("#[0-9a-f]{6}");
        BufferedImage sheet = ImageIO.read(out.resolve("recolor.png").toFile());
        assertThat(sheet.getWidth()).isGreaterThan(3 * LumaFixture.WIDTH);
        assertThat(ImageIO.read(out.resolve("recolor.jpg").toFile()).getWidth()).isEqualTo(LumaFixture.WIDTH);
        assertThat(html.toString()).contains("<img src=\"recolor.png\"").contains("Trail Tee");
        assertThat(buf.toString(StandardCharsets.UTF_8)).contains("Trail Tee (TT01): Black main photo recoloured to"
                + " the Yellow colour card");
        assertThat(Governance.read(out.resolve("audit"), 100)).anySatisfy(e -> {
            assertThat(e.operation()).isEqualTo(ColourwayVariant.OPERATION);
            assertThat(e.text()).startsWith("Trail Tee in Yellow (");
        });
    }

    @Test
    void badOptionsExitWithTwoAndNameTheProblem() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream ps = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            assertThat(Demo.execute(new String[] {"--images", "two"}, System.out, ps)).isEqualTo(2);
            assertThat(Demo.execute(new String[] {"--colour"}, System.out, ps)).isEqualTo(2);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--images needs an integer, was 'two'")
                .contains("unknown option '--colour'");
        assertThatThrownBy(() -> DemoOptions.parse("--images", "1")).hasMessageContaining("images must be in 3..40");
        assertThatThrownBy(() -> DemoOptions.parse("--out")).hasMessageContaining("--out needs a value");
        DemoOptions d = DemoOptions.parse("--json", "--seed", "7");
        assertThat(d.json()).isTrue();
        assertThat(d.seed()).isEqualTo(7);
        assertThat(d.outDir()).isEqualTo(Path.of("retailgen-report"));
    }
}
