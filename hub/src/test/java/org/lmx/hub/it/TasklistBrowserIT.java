package org.lmx.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lmx.hub.broker.EmbeddedBroker;
import org.lmx.hub.camunda.DevelopmentCaseworkers;
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
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A permit officer in a real browser (Debian's chromium, driven through chromedriver by Selenium): a welding
 * engineer's case brought to its review as in {@link WorkPermitIT} ({@link WorkPermitCases}), then the demo
 * {@code permit-officer} logs in to Tasklist, opens the review, reads the applicant's name and travel document in
 * the Camunda Form, claims the task, approves with reasons and completes it; the case moves on and the signed
 * PermitDecision reaches the ministry and the agencies.
 * <p>
 * Skipped where /usr/bin/chromium or /usr/bin/chromedriver is missing, unless {@code LMX_REQUIRE_BROWSER} is set
 * (.ci/run sets it and installs both). On failure the page's screenshot and HTML are saved under target/.
 */
class TasklistBrowserIT extends HubIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    EmbeddedBroker broker;

    private WebDriver browser;

    /** Before @AfterEach quits the browser: what the browser showed when the test failed. */
    @RegisterExtension
    final AfterTestExecutionCallback evidenceOnFailure = context -> {
        if (context.getExecutionException().isPresent() && browser != null) {
            save(context.getRequiredTestMethod().getName());
        }
    };

    @BeforeEach
    void startBrowser() {
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

    @AfterEach
    void quitBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aPermitOfficerApprovesAWeldingEngineerInTasklistAfterReadingHimInTheForm() throws Exception {
        try (WorkPermitCases cases = new WorkPermitCases(this);
             AgencyClient police = AgencyClient.connect(broker.port("amqp"), DATA_DIR, "MIA");
             AgencyClient revenue = AgencyClient.connect(broker.port("amqp"), DATA_DIR, "SRC");
             AgencyClient border = AgencyClient.connect(broker.port("amqp"), DATA_DIR, "BORDER")) {
            WorkPermitCases.Application application = cases.apply();
            cases.answerChecks(application, police, revenue);
            String taskId = await().atMost(PATIENCE).until(() -> cases.reviewTasks("permit-officer",
                    application.applicationId()), tasks -> tasks.size() == 1).get(0).get("id").asText();

            // the permit officer logs in to Tasklist and opens the review
            logIn("permit-officer");
            browser.get(url("/camunda/app/tasklist/default/#/?task=" + taskId));
            WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[ng-click='claim()']"))).click();
            // claimed: the form is the officer's to fill
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[ng-click='claim()']")));

            // the form shows the applicant as the application names him
            assertThat(await().atMost(PATIENCE).until(() -> value(field("applicantName")), v -> !v.isEmpty()))
                    .isEqualTo("PARK JIHOON");
            assertThat(value(field("travelDocument")))
                    .isEqualTo("PASSPORT " + application.passport() + " (KOR), issued 2022-03-15, expires 2032-03-15");
            assertThat(value(field("employerBin"))).isEqualTo("120540017383");
            assertThat(value(field("documents"))).contains("passport: ", "diploma: ");
            assertThat(field("applicantName").isEnabled()).as("a fact, not an input").isFalse();

            // the questions for the ministry are asked for only when the officer requests information
            assertThat(shown("questions")).isFalse();
            choose("decision", "Request information from the applicant partner");
            wait.until(d -> shown("questions"));
            // a second pick in the same form-js select did not open its list here (chromedriver): the form afresh
            browser.navigate().refresh();
            field("applicantName");
            assertThat(shown("questions")).isFalse();

            // decides: Approve, with reasons, and completes
            choose("decision", "Approve");
            inView(field("reasons")).sendKeys("Checks clear; seconded by the parent company since 2014");
            inView(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='complete()']"))))
                    .click();

            // the case moves on: the review is done, by the officer, with the reasons typed in the form
            await().atMost(PATIENCE).until(() -> cases.reviewTasks("permit-officer", application.applicationId())
                    .isEmpty());
            JsonNode review = JSON.readTree(asCaseworker("permit-officer").getForObject(url(
                    "/engine-rest/history/task?taskDefinitionKey=review&processInstanceId=" + application.instance()),
                    String.class)).get(0);
            assertThat(review.get("assignee").asText()).isEqualTo("permit-officer");
            assertThat(review.get("deleteReason").asText()).isEqualTo("completed");
            JsonNode reviewReasons = JSON.readTree(asCaseworker("permit-officer").getForObject(url(
                    "/engine-rest/history/variable-instance?variableName=reviewReasons&processInstanceId="
                            + application.instance()), String.class));
            assertThat(reviewReasons.get(0).get("value").asText())
                    .isEqualTo("Checks clear; seconded by the parent company since 2014");

            // ... and the signed PermitDecision (GRANTED, decided by the officer) reaches the ministry and the agencies
            WorkPermitCases.Received decision = await().atMost(PATIENCE)
                    .until(() -> cases.pushed("PermitDecision", application.conversation()), Optional::isPresent).get();
            assertThat(decision.body("Decision")).isEqualTo("GRANTED");
            assertThat(WorkPermitCases.text(WorkPermitCases.first(decision.root(), "DecidedBy"), "Name"))
                    .isEqualTo("permit-officer");
            for (Object[] agency : new Object[][] {{police, "KAZ:MIA", "AGR-KAZ-MIA"},
                    {revenue, "KAZ:SRC", "AGR-KAZ-SRC"}, {border, "KAZ:BORDER", "AGR-KAZ-BORDER"}}) {
                WorkPermitCases.Received copy = cases.take((AgencyClient) agency[0], "PermitDecision",
                        application.conversation());
                assertThat(copy.body("PermitNumber")).isEqualTo(decision.body("PermitNumber"));
                WorkPermitCases.acknowledge((AgencyClient) agency[0], copy, (String) agency[1], (String) agency[2]);
            }
        }
    }

    // ---- Tasklist ----

    /** Camunda's login page, with the demo caseworker's password from the data directory. */
    private void logIn(String user) {
        browser.get(url("/camunda/app/tasklist/default/"));
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")))
                .sendKeys(user);
        browser.findElement(By.cssSelector("input[type='password'][ng-model='password']")).sendKeys(
                DevelopmentCaseworkers.password(DATA_DIR.resolve(DevelopmentCaseworkers.FILE), user));
        browser.findElement(By.cssSelector("button[type='submit']")).click();
        // logged in: the login form is gone
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
    }

    /** The form-js input of the form field whose id is {@code Field_<key>} (the forms' own convention). */
    private WebElement field(String key) {
        return new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                ".fjs-container input[id$='Field_" + key + "'], .fjs-container textarea[id$='Field_" + key + "']")));
    }

    /** True when the form shows the field of {@code key} (form-js leaves a hidden field out of the page). */
    private boolean shown(String key) {
        return browser.findElements(By.cssSelector(".fjs-container [id$='Field_" + key + "']")).stream()
                .anyMatch(WebElement::isDisplayed);
    }

    /** Picks {@code label} in the form-js select of {@code key} (a select not chosen in yet). */
    private void choose(String key, String label) {
        By select = By.cssSelector(".fjs-container [id$='Field_" + key + "-display']");
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        inView(wait.until(ExpectedConditions.elementToBeClickable(select))).click();
        inView(wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//div[contains(@class,'fjs-dropdownlist-item') and normalize-space()='" + label + "']")))).click();
        wait.until(d -> d.findElement(select).getText().equals(label));
    }

    /** The element scrolled to the middle of the window, clear of Tasklist's header and footer. */
    private WebElement inView(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        return element;
    }

    private static String value(WebElement input) {
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
