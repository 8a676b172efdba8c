package io.retailgen.examples.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.retailgen.examples.TestShops;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

/**
 * Clicks through the storefront in headless Chromium as a shopper would. Needs Debian's {@code chromium} and
 * {@code chromium-driver} ({@code apt-get install -y chromium chromium-driver}); skipped when they are absent. The
 * driver path and the browser binary are set explicitly, so Selenium Manager never looks for (or downloads) either.
 */
class StorefrontBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static StorefrontApp app;
    private static ChromeDriver driver;

    @BeforeAll
    static void start(@TempDir Path audit, @TempDir Path profile) throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "skipped: headless browser test needs /usr/bin/chromium and /usr/bin/chromedriver "
                        + "(apt-get install -y chromium chromium-driver)");
        app = StorefrontApp.builder().port(0).shop(TestShops.shop()).model(TestShops.model())
                .auditDirectory(audit).start();
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
        products.get(0).click();

        assertThat(driver.findElement(By.id("product-name")).getText()).isEqualTo(firstName);
        assertThat(driver.findElement(By.cssSelector("#next-for-you h2")).getText()).isEqualTo("Next for you");
        List<String> idsBefore = recommendedIds();
        assertThat(idsBefore).isNotEmpty();
        assertThat(texts("#next-for-you .reason")).hasSameSizeAs(idsBefore).allSatisfy(r -> assertThat(r).isNotBlank());

        WebElement pick = driver.findElement(By.cssSelector("#next-for-you .rec-link"));
        String pickedName = pick.getText();
        String pickedId = idsBefore.get(0);
        assertThat(pickedName).isEqualTo(TestShops.shop().displayName(pickedId));
        pick.click();

        assertThat(driver.findElement(By.id("product-name")).getText()).isEqualTo(pickedName);
        List<String> idsAfter = recommendedIds();
        assertThat(idsAfter).isNotEmpty().doesNotContain(pickedId).isNotEqualTo(idsBefore);
        List<String> reasons = texts("#next-for-you .reason");
        assertThat(reasons).allSatisfy(r -> assertThat(r).isNotBlank());
        assertThat(String.join("\n", reasons)).containsAnyOf(pickedName, firstName, "earlier");

        driver.findElement(By.linkText("Audit log")).click();
        assertThat(driver.findElement(By.id("chain-status")).getText()).startsWith("Hash chain verified:");
        List<String> audited = texts("#audit-records .audit-record .text");
        assertThat(audited).isNotEmpty().contains(reasons.get(0));
        assertThat(texts("#audit-records .audit-record .verdict")).contains("ALLOW");
    }

    @Test
    void plannerAndCreativeReviewShowModuleNotInstalled() {
        driver.get(app.uri().toString());
        driver.findElement(By.linkText("Planner")).click();
        assertThat(driver.findElement(By.id("module-status")).getText())
                .contains("Module not installed").contains("io.retailgen:sdk-forecast");
        driver.findElement(By.linkText("Creative review")).click();
        assertThat(driver.findElement(By.id("module-status")).getText())
                .contains("Module not installed").contains("io.retailgen:sdk-imagegen");
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
