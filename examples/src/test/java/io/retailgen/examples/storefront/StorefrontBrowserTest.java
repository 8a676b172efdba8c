package io.retailgen.examples.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.retailgen.examples.LumaFixture;
import io.retailgen.examples.Planner;
import io.retailgen.examples.TestShops;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Clicks through the storefront in headless Chromium as a shopper would, on a generated shop and on a Luma-shaped
 * catalog written at run time (so it never needs the shared data). Needs Debian's {@code chromium} and
 * {@code chromium-driver} ({@code apt-get install -y chromium chromium-driver}); skipped when they are absent. The
 * driver path and the browser binary are set explicitly, so Selenium Manager never looks for (or downloads) either.
 */
class StorefrontBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static StorefrontApp app;
    /** The storefront on a Luma-shaped catalog written at run time, never the shared data. */
    private static StorefrontApp lumaApp;
    private static ChromeDriver driver;

    @BeforeAll
    static void start(@TempDir Path audit, @TempDir Path profile, @TempDir Path luma) throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "skipped: headless browser test needs /usr/bin/chromium and /usr/bin/chromedriver "
                        + "(apt-get install -y chromium chromium-driver)");
        app = TestShops.app(audit).start();
        lumaApp = TestShops.lumaApp(luma).start();
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath());
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (app != null) {
            app.close();
        }
        if (lumaApp != null) {
            lumaApp.close();
        }
    }

    /**
     * Clicks something that loads a new page and waits until the old page is gone and the new one has loaded. A
     * form submit or link click returns before the navigation finishes, so looking up an element right after the
     * click could find it on the old page and then fail with a stale reference.
     */
    private static void navigate(WebElement clickable) {
        WebElement oldPage = driver.findElement(By.tagName("html"));
        clickable.click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.stalenessOf(oldPage));
        wait.until(d -> "complete".equals(driver.executeScript("return document.readyState")));
    }

    private static List<String> texts(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    private static List<String> recommendedIds() {
        return driver.findElements(By.cssSelector("#next-for-you .rec")).stream()
                .map(e -> e.getDomAttribute("data-item-id")).toList();
    }

    @Test
    void shopperSeesReasonsAndClickingARecommendationUpdatesTheListAndTheAuditLog() {
        driver.get(app.uri().toString());
        List<WebElement> products = driver.findElements(By.cssSelector("a.product-link"));
        assertThat(products).isNotEmpty();
        String firstName = products.get(0).getText();
        assertThat(firstName).isEqualTo(TestShops.shop().displayName(TestShops.shop().featured().get(0)));
        navigate(products.get(0));

        assertThat(driver.findElement(By.id("product-name")).getText()).isEqualTo(firstName);
        assertThat(driver.findElement(By.cssSelector("#next-for-you h2")).getText()).isEqualTo("Next for you");
        List<String> idsBefore = recommendedIds();
        assertThat(idsBefore).isNotEmpty();
        assertThat(texts("#next-for-you .reason")).hasSameSizeAs(idsBefore).allSatisfy(r -> assertThat(r).isNotBlank());

        WebElement pick = driver.findElement(By.cssSelector("#next-for-you .rec-link"));
        String pickedName = pick.getText();
        String pickedId = idsBefore.get(0);
        assertThat(pickedName).isEqualTo(TestShops.shop().displayName(pickedId));
        navigate(pick);

        assertThat(driver.findElement(By.id("product-name")).getText()).isEqualTo(pickedName);
        List<String> idsAfter = recommendedIds();
        assertThat(idsAfter).isNotEmpty().doesNotContain(pickedId).isNotEqualTo(idsBefore);
        List<String> reasons = texts("#next-for-you .reason");
        assertThat(reasons).allSatisfy(r -> assertThat(r).isNotBlank());
        assertThat(String.join("\n", reasons)).containsAnyOf(pickedName, firstName, "earlier");

        navigate(driver.findElement(By.linkText("Audit log")));
        assertThat(driver.findElement(By.id("chain-status")).getText()).startsWith("Hash chain verified:");
        List<String> audited = texts("#audit-records .audit-record .text");
        assertThat(audited).isNotEmpty().contains(reasons.get(0));
        assertThat(texts("#audit-records .audit-record .verdict")).contains("ALLOW");
    }

    private static long naturalWidth(WebElement img) {
        Object w = driver.executeScript("return arguments[0].complete ? arguments[0].naturalWidth : -1;", img);
        return ((Number) w).longValue();
    }

    @Test
    void plannerSeesTheFanChartAndChangesTheWhatIfAndTheLeadTime() {
        driver.get(app.uri().toString());
        navigate(driver.findElement(By.linkText("Planner")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Planner");
        assertThat(driver.findElement(By.id("planner-series")).getText())
                .startsWith(TestShops.planner().data().focus().id());
        assertThat(naturalWidth(driver.findElement(By.id("fan-chart")))).isEqualTo(900);
        Planner.WhatIf twenty = TestShops.planner().whatIf(0.2).orElseThrow();
        assertThat(driver.findElement(By.id("what-if-result")).getText())
                .startsWith("A 20% discount over the next 12 months changes expected demand by "
                        + String.format(Locale.ROOT, "%+.1f%%", 100 * twenty.lift()));
        assertThat(driver.findElement(By.id("safety-stock")).getText()).contains("lead time of 2 months at a 95%")
                .contains(String.format(Locale.ROOT, "%.1f units", TestShops.planner().inventory(2, 0.95)
                        .safetyStock()));

        WebElement discount = driver.findElement(By.id("discount"));
        discount.clear();
        discount.sendKeys("35");
        WebElement lead = driver.findElement(By.id("lead"));
        lead.clear();
        lead.sendKeys("4");
        navigate(driver.findElement(By.id("run-what-if")));

        Planner.WhatIf deeper = TestShops.planner().whatIf(0.35).orElseThrow();
        assertThat(driver.findElement(By.id("what-if-result")).getText())
                .startsWith("A 35% discount over the next 12 months changes expected demand by "
                        + String.format(Locale.ROOT, "%+.1f%%", 100 * deeper.lift()));
        assertThat(driver.findElement(By.id("safety-stock")).getText()).contains("lead time of 4 months")
                .contains(String.format(Locale.ROOT, "%.1f units", TestShops.planner().inventory(4, 0.95)
                        .safetyStock()));
        WebElement chart = driver.findElement(By.id("fan-chart"));
        assertThat(chart.getDomAttribute("src")).contains("discount=35");
        assertThat(naturalWidth(chart)).isEqualTo(900);
        assertThat(texts("#forecast-table tbody tr")).hasSize(12);

        driver.get(app.uri() + "planner?discount=80");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Bad request");
        assertThat(driver.findElement(By.id("error-message")).getText()).contains("discount must be");
        assertThat(driver.findElement(By.id("error-value")).getText()).isEqualTo("80");
    }

    private static WebElement card(String assetId) {
        return driver.findElement(By.cssSelector("#assets .asset[data-asset-id='" + assetId + "']"));
    }

    /** Signs in through the header link and the sign-in form; the storefront then opens the creative review. */
    private static void signIn(String name) {
        navigate(driver.findElement(By.id("sign-in-link")));
        driver.findElement(By.id("reviewer-name")).sendKeys(name);
        driver.findElement(By.id("reviewer-code")).sendKeys(TestShops.REVIEWER_CODE);
        navigate(driver.findElement(By.id("sign-in")));
        assertThat(driver.findElement(By.id("reviewer")).getText()).isEqualTo(name);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Creative review");
    }

    @Test
    void reviewerApprovesOneImageRejectsAnotherAndTheAuditLogShowsBoth() {
        driver.get(app.uri().toString());
        navigate(driver.findElement(By.linkText("Creative review")));
        List<WebElement> images = driver.findElements(By.cssSelector("#assets .asset img"));
        assertThat(images).hasSize(6).allSatisfy(img -> assertThat(naturalWidth(img)).isGreaterThan(0));
        assertThat(texts("#assets .asset-banner")).hasSize(6).allSatisfy(b -> assertThat(b).startsWith("Banner: "));
        assertThat(driver.findElements(By.id("colourways"))).as("no Luma catalog: no colourway variants").isEmpty();
        assertThat(driver.findElement(By.id("experiment-heading")).getText())
                .isEqualTo("Experiment: 28x28 conditional GAN");
        assertThat(driver.findElements(By.cssSelector("form.review-form"))).as("no decisions before sign-in")
                .isEmpty();
        assertThat(driver.findElement(By.id("review-sign-in")).getText()).contains("Sign in as a reviewer");
        List<String> pending = driver.findElements(By.cssSelector("#assets .asset[data-status='PENDING']")).stream()
                .map(e -> e.getDomAttribute("data-asset-id")).toList();
        assertThat(pending).hasSizeGreaterThanOrEqualTo(2);
        String first = pending.get(0);
        String second = pending.get(1);

        signIn(CreativeReviewPage.DEFAULT_REVIEWER);
        assertThat(card(first).findElements(By.name("reviewer"))).as("the reviewer is not a form field").isEmpty();
        card(first).findElement(By.name("comment")).sendKeys("on brand");
        navigate(card(first).findElement(By.cssSelector("button.approve")));
        assertThat(driver.findElement(By.id("review-status")).getText()).startsWith("Approved the")
                .contains("as " + CreativeReviewPage.DEFAULT_REVIEWER);
        assertThat(card(first).getDomAttribute("data-status")).isEqualTo("APPROVED");
        assertThat(card(first).findElement(By.className("asset-decision")).getText())
                .isEqualTo("APPROVED by " + CreativeReviewPage.DEFAULT_REVIEWER + ": on brand");
        assertThat(card(first).findElements(By.tagName("form"))).isEmpty();

        navigate(driver.findElement(By.id("sign-out")));
        signIn("maria");
        card(second).findElement(By.name("comment")).sendKeys("background too busy");
        navigate(card(second).findElement(By.cssSelector("button.reject")));
        assertThat(driver.findElement(By.id("review-status")).getText()).startsWith("Rejected the")
                .contains("as maria");
        assertThat(card(second).getDomAttribute("data-status")).isEqualTo("REJECTED");
        assertThat(app.studio().status(second).name()).isEqualTo("REJECTED");

        navigate(driver.findElement(By.linkText("Audit log")));
        assertThat(driver.findElement(By.id("chain-status")).getText()).startsWith("Hash chain verified:");
        List<String> rows = texts("#audit-records .audit-record");
        assertThat(rows).anySatisfy(r -> assertThat(r).contains("imagegen/review.approve").contains("APPROVED")
                .contains("on brand"));
        assertThat(rows).anySatisfy(r -> assertThat(r).contains("imagegen/review.reject").contains("REJECTED")
                .contains("background too busy"));
        assertThat(rows).anySatisfy(r -> assertThat(r).contains("imagegen/render").contains("ALLOW"));
        assertThat(rows).anySatisfy(r -> assertThat(r).contains("imagegen/generate").contains("ALLOW"));
    }

    @Test
    void theStorefrontShowsLumaProductsWithPhotosAndAReviewerApprovesARecolourVariant() {
        driver.get(lumaApp.uri().toString());
        assertThat(texts("a.product-link")).containsExactlyInAnyOrder("Summit Hoodie", "Trail Tee", "Ridge\u2122 Pant");
        assertThat(driver.findElements(By.cssSelector("ul.featured img.thumb"))).hasSize(3)
                .allSatisfy(img -> assertThat(naturalWidth(img)).isEqualTo(LumaFixture.WIDTH));
        assertThat(driver.findElement(By.id("catalog-note")).getText()).contains("Luma sample catalog");
        navigate(driver.findElement(By.linkText("Summit Hoodie")));

        assertThat(driver.findElement(By.id("product-name")).getText()).isEqualTo("Summit Hoodie");
        assertThat(driver.findElement(By.className("price")).getText()).isEqualTo("54.50");
        assertThat(naturalWidth(driver.findElement(By.id("product-photo")))).isEqualTo(LumaFixture.WIDTH);
        assertThat(driver.findElement(By.id("product-colours")).getText()).isEqualTo("Colours: Blue, Red, Gray");
        assertThat(driver.findElements(By.cssSelector("#product-views img"))).hasSize(3)
                .allSatisfy(img -> assertThat(naturalWidth(img)).isPositive());
        assertThat(texts("#reviews .review")).hasSize(2);
        assertThat(driver.findElement(By.id("review-average")).getText()).isEqualTo("4.5 of 5 stars from 2 reviews");
        assertThat(texts("#next-for-you .rec-link")).isNotEmpty()
                .allSatisfy(n -> assertThat(n).isIn("Trail Tee", "Ridge\u2122 Pant", "Joust Duffle Bag"));

        navigate(driver.findElement(By.linkText("Creative review")));
        List<WebElement> cards = driver.findElements(By.cssSelector("#colourways .colourway"));
        assertThat(cards).hasSize(3);
        WebElement hoodie = driver.findElement(By.cssSelector("#colourways .colourway[data-style='TH02']"));
        List<WebElement> figures = hoodie.findElements(By.tagName("figure"));
        assertThat(figures).extracting(f -> f.getDomAttribute("class"))
                .containsExactly("source-photo", "variant", "real-photo");
        assertThat(hoodie.findElements(By.tagName("img"))).hasSize(3)
                .allSatisfy(img -> assertThat(naturalWidth(img)).isEqualTo(LumaFixture.WIDTH));
        assertThat(figures.get(1).getText()).startsWith("Variant: Red #");
        assertThat(hoodie.findElement(By.className("asset-swatch")).getText()).contains("colour card of the Red");
        assertThat(driver.findElement(By.id("experiment-heading")).getText())
                .isEqualTo("Experiment: 28x28 conditional GAN");
        assertThat(driver.findElements(By.cssSelector("#gan-experiment #assets .asset"))).hasSize(3);
        WebElement background = driver.findElement(By.cssSelector("#backgrounds .background"));
        assertThat(background.findElements(By.tagName("img"))).hasSize(2)
                .allSatisfy(img -> assertThat(naturalWidth(img)).isEqualTo(LumaFixture.WIDTH));
        assertThat(background.findElement(By.className("asset-category")).getText())
                .isEqualTo(lumaApp.shop().displayName(lumaApp.shop().featured().get(0)));

        String variant = hoodie.getDomAttribute("data-asset-id");
        navigate(driver.findElement(By.id("sign-in-link")));
        driver.findElement(By.id("reviewer-name")).sendKeys("maria");
        driver.findElement(By.id("reviewer-code")).sendKeys(TestShops.REVIEWER_CODE);
        navigate(driver.findElement(By.id("sign-in")));
        WebElement card = driver.findElement(By.cssSelector("#colourways .asset[data-asset-id='" + variant + "']"));
        card.findElement(By.name("comment")).sendKeys("true to the red swatch");
        navigate(card.findElement(By.cssSelector("button.approve")));
        assertThat(driver.findElement(By.id("review-status")).getText())
                .startsWith("Approved the Summit Hoodie in Red image");
        assertThat(lumaApp.studio().status(variant).name()).isEqualTo("APPROVED");

        navigate(driver.findElement(By.linkText("Audit log")));
        List<String> rows = texts("#audit-records .audit-record");
        assertThat(rows).anySatisfy(r -> assertThat(r).contains("imagegen/recolor").contains("ALLOW")
                .contains("Summit Hoodie in Red"));
        assertThat(rows).anySatisfy(r -> assertThat(r).contains("imagegen/review.approve")
                .contains("true to the red swatch"));
    }

    @Test
    void aHostileProductIdIsShownAsTextAndNeverRuns() {
        String hostile = "<script>alert(1)</script>";
        driver.get(app.uri() + "product/" + URLEncoder.encode(hostile, StandardCharsets.UTF_8));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Bad request");
        assertThat(driver.findElement(By.id("error-value")).getText()).isEqualTo(hostile);
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }
}
