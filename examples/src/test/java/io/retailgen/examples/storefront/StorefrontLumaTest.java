package io.retailgen.examples.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retailgen.examples.CreativeStudio;
import io.retailgen.examples.LumaFixture;
import io.retailgen.examples.TestShops;
import io.retailgen.imagegen.AssetStore;
import io.retailgen.imagegen.Lineage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The storefront on a Luma-shaped catalog built at run time: photos, product details and colourway variants. */
class StorefrontLumaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static StorefrontApp app;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        app = TestShops.lumaApp(dir).start();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static HttpResponse<byte[]> bytes(String path) throws Exception {
        Browser b = new Browser(app.uri());
        return b.client.send(HttpRequest.newBuilder(app.uri().resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void oneRealPhotoIsShownOnTheBrandBackgroundWithLineageAndAStyleCheck() throws Exception {
        List<CreativeStudio.Asset> backgrounds = app.studio().assets().stream().filter(a -> a.photoVariant() != null
                && !a.photoVariant().isColourway()).toList();
        assertThat(backgrounds).hasSize(1);
        CreativeStudio.Asset b = backgrounds.get(0);
        CreativeStudio.PhotoVariant v = b.photoVariant();
        assertThat(v.operation()).isEqualTo(CreativeStudio.BACKGROUND_OPERATION);
        assertThat(v.style()).isEqualTo(app.shop().featured().get(0));
        assertThat(v.toColour()).isNull();
        assertThat(v.maskShare()).as("the studio white around the product changed").isBetween(0.3, 0.95);
        Lineage lineage = AssetStore.readLineage(app.studio().png(b.assetId()));
        assertThat(lineage.parentAsset()).isEqualTo(v.sourceAsset());
        assertThat(lineage.steps()).anySatisfy(step -> assertThat(step).startsWith("background:gradient:#F1FAEE"));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(app.studio().png(b.assetId())));
        assertThat(img.getRGB(0, 0) & 0xffffff).as("the top-left corner is the brand tint, not white")
                .isNotEqualTo(0xffffff);
        assertThat(b.styleViolations()).as("a 120x150 photo is not one of the guide's sizes").isNotEmpty();
        Browser browser = new Browser(app.uri());
        String page = browser.get("/creative-review").body();
        assertThat(page).contains("Real products on the brand background").contains("id=\"backgrounds\"")
                .contains("src=\"/creative-review/asset/" + b.assetId());
        List<String> operations = new java.util.ArrayList<>();
        JSON.readTree(browser.get("/api/audit?limit=1000").body()).path("records")
                .forEach(n -> operations.add(n.path("module").asText() + "/" + n.path("operation").asText()));
        assertThat(operations).contains("imagegen/background", "imagegen/recolor");
    }

    @Test
    void photosAreServedAsJpegAndUnknownOnesAre404() throws Exception {
        HttpResponse<byte[]> photo = bytes("/photo/TH02/0.jpg");
        assertThat(photo.statusCode()).isEqualTo(200);
        assertThat(photo.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(photo.body()));
        assertThat(img.getWidth()).as("narrower than 400 px: served at its own size").isEqualTo(LumaFixture.WIDTH);
        assertThat(bytes("/photo/TH02/0.jpg").body()).as("cached: the same bytes").isEqualTo(photo.body());
        assertThat(bytes("/photo/TH02/3.jpg").statusCode()).isEqualTo(404);
        assertThat(bytes("/photo/24-MB01/0.jpg").statusCode()).as("a product without photos").isEqualTo(404);
        assertThat(bytes("/photo/TH02/01.jpg").statusCode()).isEqualTo(404);
        assertThat(bytes("/photo/TH02/0.png").statusCode()).isEqualTo(404);
        assertThat(bytes("/photo/TH02").statusCode()).isEqualTo(404);
    }

    @Test
    void productPagesShowTheCatalogsPhotosCopyAndReviews() throws Exception {
        Browser b = new Browser(app.uri());
        String home = b.get("/").body();
        assertThat(home).contains("Summit Hoodie").contains("Trail Tee").contains("Ridge\u2122 Pant")
                .contains("src=\"/photo/TH02/0.jpg\"").contains("Luma sample catalog (4 products, 7 photos)");
        String page = b.get("/product/TH02").body();
        assertThat(page).contains("<h1 id=\"product-name\">Summit Hoodie</h1>").contains("54.50")
                .contains("id=\"product-photo\" src=\"/photo/TH02/0.jpg\"").contains("Colours: Blue, Red, Gray")
                .contains("Warm on cold starts.").contains("<th>material</th><td>Fleece</td>")
                .contains("4.5 of 5 stars from 2 reviews").contains("Kept me warm on a frosty morning run,\nand");
        JsonNode item = JSON.readTree(b.get("/api/product/TH02").body()).path("item");
        assertThat(item.path("photo").asText()).isEqualTo("/photo/TH02/0.jpg");
        assertThat(item.path("reviews").asInt()).isEqualTo(2);
        assertThat(item.path("price").asDouble()).isEqualTo(54.5);
        assertThat(JSON.readTree(b.get("/api/status").body()).path("catalog").asText()).isEqualTo("luma");
    }

    @Test
    void theCreativeReviewShowsColourwayVariantsWithLineageAndTheGanAsAnExperiment() throws Exception {
        List<CreativeStudio.Asset> colourways = app.studio().assets().stream().filter(a -> a.photoVariant() != null
                && a.photoVariant().isColourway()).toList();
        assertThat(colourways).extracting(a -> a.photoVariant().style()).containsExactlyInAnyOrder("TT01", "TH02",
                "TP03");
        CreativeStudio.Asset hoodie = colourways.stream().filter(a -> a.photoVariant().style().equals("TH02"))
                .findFirst().orElseThrow();
        CreativeStudio.PhotoVariant c = hoodie.photoVariant();
        assertThat(c.fromColour()).isEqualTo("Blue");
        assertThat(c.toColour()).isEqualTo("Red");
        assertThat(c.width()).isEqualTo(LumaFixture.WIDTH);
        assertThat(hoodie.bannerShown()).startsWith("Summit Hoodie in Red (" + c.swatch() + ")");
        Lineage lineage = AssetStore.readLineage(app.studio().png(hoodie.assetId()));
        assertThat(lineage.parentAsset()).isEqualTo(c.sourceAsset());
        assertThat(lineage.request()).contains("style=TH02").contains("to=Red").contains("swatch=" + c.swatch());
        assertThat(AssetStore.readLineage(app.studio().png(c.sourceAsset())).request())
                .contains("th02-blue_main.png");
        assertThat(app.studio().status(hoodie.assetId()).name()).isEqualTo("PENDING");

        Browser b = new Browser(app.uri());
        String page = b.get("/creative-review").body();
        assertThat(page).contains("3 colourway variants of real product photos, 1 background variant and 3 images of"
                + " the GAN experiment")
                .contains("Experiment: 28x28 conditional GAN").contains("src=\"/photo/TH02/0.jpg\"")
                .contains("src=\"/photo/TH02/1.jpg\"").contains("src=\"/creative-review/asset/" + hoodie.assetId());
        assertThat(page.indexOf("id=\"colourways\"")).isLessThan(page.indexOf("id=\"assets\""));
        JsonNode assets = JSON.readTree(b.get("/api/creative-review").body()).path("assets");
        assertThat(assets).hasSize(7);
        JsonNode first = assets.get(0);
        assertThat(first.path("kind").asText()).isEqualTo("colourway");
        assertThat(first.path("colourway").path("swatch").asText()).matches("#[0-9a-f]{6}");
        assertThat(assets.get(3).path("kind").asText()).isEqualTo("background");
        assertThat(assets.get(3).path("variant").path("swatch").asText()).isEqualTo("#f1faee");
        assertThat(assets.get(6).path("kind").asText()).isEqualTo("generated");
        assertThat(assets.get(6).has("colourway")).isFalse();
        HttpResponse<byte[]> variant = bytes("/creative-review/asset/" + hoodie.assetId() + ".png");
        assertThat(ImageIO.read(new ByteArrayInputStream(variant.body())).getWidth()).isEqualTo(LumaFixture.WIDTH);
        assertThat(app.luma()).isPresent();
    }
}
