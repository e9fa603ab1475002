package org.retorno.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.retorno.avro.AlertKind;
import org.retorno.avro.AlertSeverity;
import org.retorno.avro.Category;
import org.retorno.avro.Granularity;
import org.retorno.avro.SourceKind;
import org.retorno.avro.SpikeAlert;
import org.retorno.ingest.IngestOptions;
import org.retorno.ingest.SourceType;
import org.retorno.local.api.TestPipeline;

/**
 * The dashboard in real headless Chromium (Debian's chromium and chromium-driver): it loads,
 * shows the sample cities with their charts and the map, drills down from a number to its events
 * and sources, and shows a new alert without a reload. Leaves target/dashboard.png behind.
 */
class DashboardBrowserIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @TempDir
  static Path dir;
  static TestPipeline pipeline;
  static WebDriver browser;

  @BeforeAll
  static void start() throws Exception {
    assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium chromium-driver; .ci/run does)").exists();
    assertThat(CHROMEDRIVER).as("Debian's chromium-driver").exists();
    pipeline = TestPipeline.start(dir, 1, "browser-test-token");
    pipeline.awaitRunning(Duration.ofSeconds(120));
    Path samples = TestPipeline.samples();
    pipeline.ingest(SourceType.NEWS, samples.resolve("news"), IngestOptions.defaults());
    pipeline.ingest(SourceType.REPORTS, samples.resolve("reports"),
        new IngestOptions(SourceKind.NGO, "Joint NGO letter", null, null, null));
    pipeline.ingest(SourceType.COUNTS, samples.resolve("counts"), IngestOptions.defaults());
    pipeline.awaitProcessed(Duration.ofSeconds(120));

    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")), "--window-size=1400,1700");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (pipeline != null) {
      pipeline.close();
    }
  }

  private static WebDriverWait waiting() {
    return new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @Test
  void theDashboardShowsTheCitiesDrillsDownAndReceivesAlertsLive() throws Exception {
    browser.get(pipeline.instance(0).httpUrl() + "/");
    waiting().until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-loaded", "true"));

    List<String> withData = browser.findElements(By.cssSelector(".city-card.has-data h3")).stream()
        .map(WebElement::getText).toList();
    assertThat(withData).containsExactlyInAnyOrder("Ciudad Juárez", "Tijuana", "Mexicali", "Nuevo Laredo", "Matamoros");
    assertThat(browser.findElements(By.cssSelector(".city-card"))).hasSize(8);
    assertThat(browser.findElements(By.cssSelector(".city-card.has-data canvas"))).hasSizeGreaterThanOrEqualTo(5);
    assertThat(browser.findElements(By.cssSelector("#map g.city"))).hasSize(8);
    // The public view: Matamoros' four kidnappings are a small cell.
    WebElement matamoros = browser.findElement(By.id("city-3523466"));
    assertThat(matamoros.findElement(By.cssSelector("button[data-category=KIDNAPPING]")).getText()).isEqualTo("<5");

    // A number leads to its events and sources.
    browser.findElement(By.cssSelector("#city-4013708 button[data-category=MPP_RETURN]:not(.hidden-cell)")).click();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("drilldown-body"), "INM daily returns (sample)"));
    assertThat(browser.findElement(By.id("drilldown-title")).getText()).startsWith("MPP returns in Ciudad Juárez");

    // A new alert appears in the feed without a reload.
    waiting().until(ExpectedConditions.textToBe(By.id("live"), "live"));
    ((JavascriptExecutor) browser).executeScript("window.sameDocument = 'yes';");
    pipeline.publish(SpikeAlert.newBuilder().setId("browser-alert-1").setKind(AlertKind.SPIKE)
        .setCityId(3523466L).setCityName("Matamoros").setCategory(Category.KIDNAPPING)
        .setGranularity(Granularity.WEEK).setPeriodStart(LocalDate.of(2019, 8, 12))
        .setObserved(4).setExpected(0.1).setThreshold(1.6).setScore(9.5).setMethod("EARS C2")
        .setParameters(Map.of()).setSeverity(AlertSeverity.ALERT).setProvisional(true).build());
    WebElement alert = waiting().until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("#alert-feed li[data-alert-id='browser-alert-1']")));
    assertThat(alert.getText()).contains("Spike: Kidnapping in Matamoros").contains("ALERT").doesNotContain("4.0");
    assertThat(((JavascriptExecutor) browser).executeScript("return window.sameDocument;")).isEqualTo("yes");

    Path screenshot = Path.of("target", "dashboard.png");
    Files.createDirectories(screenshot.getParent());
    ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0);");
    Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), screenshot,
        StandardCopyOption.REPLACE_EXISTING);
    assertThat(Files.size(screenshot)).isGreaterThan(10_000);
  }
}
