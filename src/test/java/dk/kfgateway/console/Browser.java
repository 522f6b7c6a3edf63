package dk.kfgateway.console;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium in headless mode, driven by Debian's chromedriver through Selenium: both named explicitly, so
 * Selenium never looks for or downloads a driver. Without Chromium the browser tests are skipped and say so. Each
 * browser has a fresh profile (a person of its own) and saves screenshots to the test output folder.
 */
final class Browser implements AutoCloseable {

  private static final List<String> CHROMIUM = List.of("/usr/bin/chromium", "/usr/lib/chromium/chromium");
  private static final List<String> DRIVER = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
  static final Path SCREENSHOTS = Path.of(System.getProperty("kf.test.dir", "target"), "console-screenshots");

  private final ChromeDriver driver;
  private final Path profile;
  private final String base;

  private Browser(String base) {
    String chromium = find(CHROMIUM).orElseThrow();
    String chromedriver = find(DRIVER).orElseThrow();
    System.setProperty("webdriver.chrome.driver", chromedriver);
    try {
      profile = Files.createTempDirectory("kf-console-chromium");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions().setBinary(chromium).addArguments("--headless", "--no-sandbox",
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1400,1000",
        "--lang=da-DK", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(chromedriver))
        .usingAnyFreePort().build();
    this.driver = new ChromeDriver(service, options);
    this.base = base;
  }

  /** A new browser on the gateway at this address, or the test is skipped when no Chromium is installed. */
  static Browser open(String base) {
    Assumptions.assumeTrue(find(CHROMIUM).isPresent() && find(DRIVER).isPresent(),
        "No Chromium and chromedriver found (" + CHROMIUM + ", " + DRIVER + "): the console's browser tests are "
            + "skipped; install Debian's chromium and chromium-driver (.ci/run does)");
    return new Browser(base);
  }

  private static Optional<String> find(List<String> candidates) {
    return candidates.stream().filter(path -> Files.isExecutable(Path.of(path))).findFirst();
  }

  /** Signs this person in through the console's sign-in button and the authorisation server's form. */
  Browser signIn(String user, String password, String name) {
    go("/console/");
    click(By.id("sign-in"));
    waitFor(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.cssSelector("form button[type=submit]")).click();
    waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), name));
    return this;
  }

  void go(String path) {
    driver.get(base + path);
  }

  WebElement waitFor(By locator) {
    return waitUntil(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  void click(By locator) {
    waitUntil(ExpectedConditions.elementToBeClickable(locator)).click();
  }

  <T> T waitUntil(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
    return waitUntil(condition, Duration.ofSeconds(20));
  }

  <T> T waitUntil(org.openqa.selenium.support.ui.ExpectedCondition<T> condition, Duration timeout) {
    // the work list is polled and drawn anew every few seconds: an element read during a redraw is simply read again
    return new WebDriverWait(driver, timeout, Duration.ofMillis(100))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
  }

  Object script(String javascript, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
  }

  Object asyncScript(String javascript, Object... arguments) {
    return ((JavascriptExecutor) driver).executeAsyncScript(javascript, arguments);
  }

  /** A text of the console in the language shown. */
  String text(String key) {
    return (String) script("return KF.t(arguments[0]);", key);
  }

  /** The person's access token, as the console keeps it in this tab. */
  String token() {
    return (String) script("return sessionStorage.getItem('kf-token');");
  }

  ChromeDriver driver() {
    return driver;
  }

  /** Saves what the browser shows now as {@code <name>.png} in the test output folder. */
  Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path target = SCREENSHOTS.resolve(name + ".png");
      Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temporary profile left behind is harmless
    }
  }
}
