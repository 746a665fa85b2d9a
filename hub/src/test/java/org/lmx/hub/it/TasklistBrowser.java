package org.lmx.hub.it;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda Tasklist in a real browser for the browser ITs: Debian's chromium driven through chromedriver (Selenium),
 * one browser per test, and what a caseworker does there (log in, open and claim a task, read and fill the Camunda
 * Form's fields, complete). Register it with {@code @RegisterExtension}.
 * <p>
 * Skipped where /usr/bin/chromium or /usr/bin/chromedriver is missing, unless {@code LMX_REQUIRE_BROWSER} is set
 * (.ci/run sets it and installs both). When a test fails, the page's screenshot and HTML are saved under
 * target/browser/.
 */
final class TasklistBrowser implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final By CLAIM = By.cssSelector("[ng-click='claim()']");

    /** The prefix of the form fields' ids before their key: {@code Field_} or {@code f_}, as each form has it. */
    private final String fieldIdPrefix;
    private WebDriver browser;

    TasklistBrowser(String fieldIdPrefix) {
        this.fieldIdPrefix = fieldIdPrefix;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && System.getenv("LMX_REQUIRE_BROWSER") != null) {
            fail("chromium and chromedriver are required (LMX_REQUIRE_BROWSER is set): "
                    + "apt-get install -y chromium chromium-driver");
        }
        Assumptions.assumeTrue(installed, "no browser here: apt-get install -y chromium chromium-driver");
        // the driver named, so that Selenium Manager never looks for one on the network
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--window-size=1400,2000");
        browser = new ChromeDriver(options);
    }

    /** Before the browser quits: what it showed when the test failed. */
    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent() && browser != null) {
            save(context.getRequiredTestMethod().getName());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    WebDriver driver() {
        return browser;
    }

    /** Camunda's login page at {@code tasklistUrl} ({@code .../camunda/app/tasklist/default/}). */
    void logIn(String tasklistUrl, String user, String password) {
        browser.get(tasklistUrl);
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")))
                .sendKeys(user);
        browser.findElement(By.cssSelector("input[type='password'][ng-model='password']")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type='submit']")).click();
        // logged in: the login form is gone
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
    }

    /** Opens the task (its page in Tasklist) and claims it: the form is then the caseworker's to fill. */
    void openAndClaim(String taskUrl) {
        browser.get(taskUrl);
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.until(ExpectedConditions.elementToBeClickable(CLAIM)).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(CLAIM));
    }

    /** The form-js input (or text area) of the field with {@code key}. */
    WebElement field(String key) {
        String id = fieldIdPrefix + key;
        return new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                ".fjs-container input[id$='" + id + "'], .fjs-container textarea[id$='" + id + "']")));
    }

    /** True when the form shows the field of {@code key} (form-js leaves a hidden field out of the page). */
    boolean shown(String key) {
        return browser.findElements(By.cssSelector(".fjs-container [id$='" + fieldIdPrefix + key + "']")).stream()
                .anyMatch(WebElement::isDisplayed);
    }

    /** Picks {@code label} in the form-js select of {@code key} (a select not chosen in yet). */
    void choose(String key, String label) {
        By select = By.cssSelector(".fjs-container [id$='" + fieldIdPrefix + key + "-display']");
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        inView(wait.until(ExpectedConditions.elementToBeClickable(select))).click();
        inView(wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//div[contains(@class,'fjs-dropdownlist-item') and normalize-space()='" + label + "']")))).click();
        wait.until(d -> d.findElement(select).getText().equals(label));
    }

    /** Types into the field of {@code key}. */
    void type(String key, String text) {
        inView(field(key)).sendKeys(text);
    }

    /** Completes the task with the form as filled. */
    void complete() {
        inView(new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("button[ng-click='complete()']")))).click();
    }

    /** The element scrolled to the middle of the window, clear of Tasklist's header and footer. */
    private WebElement inView(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        return element;
    }

    static String value(WebElement input) {
        String value = input.getDomProperty("value");
        return value == null ? "" : value;
    }

    private void save(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "browser"));
            String stem = name + "-" + Instant.now().toEpochMilli();
            Files.write(dir.resolve(stem + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            Files.writeString(dir.resolve(stem + ".html"), browser.getPageSource(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            System.err.println("no screenshot of " + name + ": " + e);
        }
    }
}
