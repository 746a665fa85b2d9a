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
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
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
import org.springframework.http.HttpStatus;

/**
 * The README's walkthrough in a real browser (as {@link TasklistBrowserIT}, whose setup it shares): Korea's ministry
 * registers the committed passport-retention sample, and the demo {@code consular-officer} sees it flagged in
 * Tasklist with the reason and the host country's information pack, rejects it with reasons, and the register has
 * the verdict. Skipped without chromium and chromedriver unless {@code LMX_REQUIRE_BROWSER} is set.
 */
class ContractVettingTasklistIT extends HubIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

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
    void aConsularOfficerSeesThePassportClauseFlaggedInTasklistAndRejectsTheContract() throws Exception {
        // the committed sample as lmx send would submit it, with a passport of this run (the register is by citizen)
        String passport = "N" + (10_000_000 + ThreadLocalRandom.current().nextInt(90_000_000));
        Parties.Attachment contract = Parties.Attachment.pdf("contract",
                "%PDF-1.4 signed employment contract".getBytes(StandardCharsets.UTF_8));
        Parties.Message registration = Parties.message("EmploymentContractRegistration-passport-retention")
                .attachments(contract).edit(dom -> ((org.w3c.dom.Element) dom.getElementsByTagNameNS(Parties.LMX,
                        "TravelDocument").item(0)).getElementsByTagNameNS(Parties.LMX, "Number").item(0)
                        .setTextContent(passport));
        assertThat(new PartnerClient(url(""), DATA_DIR).submit("1.2",
                registration.signedBy(Parties.credential(DATA_DIR, "KOR:MOEL")), PartnerClient.Part.of(contract))
                .receipt().status()).isEqualTo("ACCEPTED");
        String tasks = "/engine-rest/task?taskDefinitionKey=vetContract&processInstanceBusinessKey="
                + registration.messageId();
        String taskId = await().atMost(PATIENCE).until(() -> JSON.readTree(asCaseworker("consular-officer")
                .getForObject(url(tasks), String.class)), t -> t.size() == 1).get(0).get("id").asText();
        String pack = JSON.readTree(rest.getForObject(url("/api/country-packs/KOR"), String.class)).get("id").asText();

        logIn("consular-officer");
        browser.get(url("/camunda/app/tasklist/default/#/?task=" + taskId));
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[ng-click='claim()']"))).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[ng-click='claim()']")));

        // the form shows who, where, and why the rules flagged it
        assertThat(await().atMost(PATIENCE).until(() -> value(field("workerName")), v -> !v.isEmpty()))
                .isEqualTo("SERIKBAYEV DAUREN");
        assertThat(value(field("travelDocument"))).contains(passport);
        assertThat(value(field("hostCountry"))).isEqualTo("KOR");
        assertThat(value(field("flagReasons"))).isEqualTo("PASSPORT_RETENTION: The contract lets the employer or the"
                + " recruiter keep the worker's passport (ILO forced-labour indicator).");
        assertThat(value(field("countryPack"))).isEqualTo(pack);
        assertThat(field("flagReasons").isEnabled()).as("a fact, not an input").isFalse();

        choose("decision", "Reject");
        inView(field("reasons")).sendKeys("Clause 9 leaves the passport with the employer");
        inView(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='complete()']"))))
                .click();

        // rejected by the officer, with the reasons typed in the form, and in the register
        await().atMost(PATIENCE).until(() -> JSON.readTree(asCaseworker("consular-officer")
                .getForObject(url(tasks), String.class)).isEmpty());
        JsonNode contracts = await().atMost(PATIENCE).until(() -> JSON.readTree(asCaseworker("consular-officer")
                .getForObject(url("/api/contracts?citizen=" + passport), String.class)), c -> c.size() == 1);
        assertThat(contracts.get(0).get("verdict").asText()).isEqualTo("REJECTED");
        assertThat(contracts.get(0).get("decidedBy").asText()).isEqualTo("consular-officer");
        assertThat(asCaseworker("consular-officer").getForEntity(url("/api/contracts/"
                + contracts.get(0).get("caseReference").asText()), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    // ---- Tasklist (as TasklistBrowserIT) ----

    private void logIn(String user) {
        browser.get(url("/camunda/app/tasklist/default/"));
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")))
                .sendKeys(user);
        browser.findElement(By.cssSelector("input[type='password'][ng-model='password']")).sendKeys(
                DevelopmentCaseworkers.password(DATA_DIR.resolve(DevelopmentCaseworkers.FILE), user));
        browser.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
    }

    /** The form-js input of the field whose id is {@code f_<key>} (the citizens-abroad forms' convention). */
    private WebElement field(String key) {
        return new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                ".fjs-container input[id$='f_" + key + "'], .fjs-container textarea[id$='f_" + key + "']")));
    }

    private void choose(String key, String label) {
        By select = By.cssSelector(".fjs-container [id$='f_" + key + "-display']");
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        inView(wait.until(ExpectedConditions.elementToBeClickable(select))).click();
        inView(wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//div[contains(@class,'fjs-dropdownlist-item') and normalize-space()='" + label + "']")))).click();
        wait.until(d -> d.findElement(select).getText().equals(label));
    }

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
