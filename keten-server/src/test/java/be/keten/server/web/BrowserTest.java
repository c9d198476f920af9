package be.keten.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.keten.server.security.AccountService;
import be.keten.server.security.Role;
import be.keten.server.statistics.StatisticsService;
import be.keten.store.EventStore;
import be.keten.store.Importer;
import be.keten.store.NetworkStore;
import be.keten.store.Settings;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dashboard in a real browser (Debian's headless Chromium and chromedriver; nothing is
 * downloaded): log in with each kind of role, open every page it may open in Dutch, French and
 * English, and run a what-if whose chart must render. Screenshots go to target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target", "screenshots");
    static final List<String> LANGUAGES = List.of("nl", "fr", "en");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        TestData.properties(r, "web-browser");
    }

    @LocalServerPort
    int port;
    @Autowired
    EventStore store;
    @Autowired
    Importer importer;
    @Autowired
    NetworkStore network;
    @Autowired
    Settings settings;
    @Autowired
    StatisticsService statistics;
    @Autowired
    AccountService accountService;
    @Autowired
    MessageSource messages;

    Map<Role, String> passwords;
    ChromeDriverService service;
    WebDriver driver;
    Path profile;

    @BeforeAll
    void data() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "no " + CHROMIUM + ": apt-get install chromium chromium-driver");
        Assumptions.assumeTrue(Files.isExecutable(CHROMEDRIVER), "no " + CHROMEDRIVER + ": apt-get install chromium-driver");
        TestData.load(store, importer, network, settings, statistics);
        passwords = TestData.accounts(accountService);
        Files.createDirectories(SHOTS);
    }

    @BeforeEach
    void browser() throws Exception {
        profile = Files.createTempDirectory("keten-chromium");
        // The driver is named explicitly, so Selenium Manager looks for nothing and downloads nothing.
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1366,1000",
                "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        o.setCapability("goog:loggingPrefs", logs);
        driver = new ChromeDriver(service, o);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterEach
    void close() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (service != null && service.isRunning()) {
            service.stop();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void login(Role role) {
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys("web-" + role.code());
        driver.findElement(By.id("password")).sendKeys(passwords.get(role));
        driver.findElement(By.id("login-button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private String msg(String key, String lang, Object... args) {
        return messages.getMessage(key, args, Locale.forLanguageTag(lang));
    }

    private void shot(String name) throws Exception {
        byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(SHOTS.resolve(name + ".png"), png);
    }

    /** Errors in the browser's console (a script error, a refused script or style, a failed load). */
    private List<String> consoleErrors() {
        List<String> out = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                out.add(e.getMessage());
            }
        }
        return out;
    }

    private void page(Role role, String path, String headingKey, String lang, Object... args) throws Exception {
        driver.get(url(path + (path.contains("?") ? "&" : "?") + "lang=" + lang));
        String h1 = driver.findElement(By.tagName("h1")).getText();
        assertEquals(msg(headingKey, lang, args), h1, path + " in " + lang);
        assertEquals(lang, driver.findElement(By.tagName("html")).getAttribute("lang"));
        assertFalse(driver.getTitle().startsWith("4") || driver.getTitle().startsWith("5"), path + ": " + driver.getTitle());
        WebElement current = driver.findElement(By.cssSelector(".lang a[aria-current]"));
        assertEquals(lang.toUpperCase(Locale.ROOT), current.getText());
        assertTrue(driver.findElement(By.cssSelector(".banner.synthetic")).isDisplayed(), "synthetic banner on " + path);
        assertTrue(driver.findElement(By.cssSelector("a.skip")).getAttribute("href").endsWith("#main"));
        for (WebElement canvas : driver.findElements(By.cssSelector("canvas[data-chart]"))) {
            assertEquals("true", canvas.getAttribute("data-rendered"), "chart drawn on " + path);
        }
        List<String> errors = consoleErrors();
        assertTrue(errors.isEmpty(), path + " in " + lang + ": " + errors);
        shot(role.code() + path.replaceAll("[^a-z0-9]+", "_") + "-" + lang);
    }

    @Test
    void everyPageInEveryLanguage() throws Exception {
        login(Role.ADMIN);
        for (String lang : LANGUAGES) {
            page(Role.ADMIN, "/", "overview.title", lang);
            page(Role.ADMIN, "/statistics", "statistics.title", lang);
            page(Role.ADMIN, "/reception", "reception.page.title", lang);
            page(Role.ADMIN, "/audit", "audit.title", lang);
            page(Role.ADMIN, "/accounts", "accounts.title", lang);
        }
        page(Role.ADMIN, "/?month=2023-05", "overview.title", "en");
        page(Role.ADMIN, "/statistics?month=2023-05", "statistics.title", "en");
        driver.get(url("/statistics?lang=en"));
        assertFalse(driver.findElements(By.cssSelector("canvas[data-rendered='true']")).isEmpty(), "statistics charts drawn");
        // The publication's tables, drawn with the report's own table fragment (keten-stats).
        assertFalse(driver.findElements(By.cssSelector(".table-block .scroll table thead th[scope='col']")).isEmpty(), "statistics tables shown");
        // The admin's navigation offers neither cases nor what-if.
        assertTrue(driver.findElements(By.cssSelector("header nav a[href='/cases']")).isEmpty());
        assertTrue(driver.findElements(By.cssSelector("header nav a[href='/what-if']")).isEmpty());

        driver.manage().deleteAllCookies();
        login(Role.CGVS);
        for (String lang : LANGUAGES) {
            page(Role.CGVS, "/cases", "cases.title", lang);
            page(Role.CGVS, "/cases?list=1", "cases.title", lang);
            page(Role.CGVS, "/cases/D-2022-000001", "case.title", lang, "D-2022-000001");
            page(Role.CGVS, "/what-if", "whatif.title", lang);
        }
        driver.get(url("/cases/D-2022-000001"));
        assertFalse(driver.findElements(By.cssSelector("ol.timeline li")).isEmpty(), "timeline shown");
        driver.get(url("/audit"));
        assertTrue(driver.findElement(By.tagName("h1")).getText().equals(msg("error.403", "en")), "CGVS may not read the audit trail");
    }

    @Test
    void keyboardReachesTheSkipLinkFirst() {
        login(Role.ANALYST);
        driver.get(url("/?lang=en"));
        driver.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.TAB);
        WebElement focused = driver.switchTo().activeElement();
        assertEquals(msg("skip", "en"), focused.getText());
        assertTrue(focused.isDisplayed());
    }

    @Test
    void whatIfRunsAndItsChartRenders() throws Exception {
        login(Role.ANALYST);
        driver.get(url("/what-if?lang=en"));
        new Select(driver.findElement(By.id("a-scenario"))).selectByVisibleText("baseline-2025");
        new Select(driver.findElement(By.id("b-scenario"))).selectByVisibleText("baseline-2025");
        WebElement inflow = driver.findElement(By.id("b-inflow"));
        inflow.clear();
        inflow.sendKeys("1.5");
        for (String[] f : new String[][] {{"horizon", "3"}, {"replications", "2"}, {"seed", "11"}}) {
            WebElement e = driver.findElement(By.id(f[0]));
            e.clear();
            e.sendKeys(f[1]);
        }
        driver.findElement(By.id("run")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("whatif-results")).isEmpty());
        WebElement canvas = driver.findElement(By.id("whatif-chart"));
        new WebDriverWait(driver, Duration.ofMinutes(5)).pollingEvery(Duration.ofSeconds(1))
                .until(d -> "true".equals(d.findElement(By.id("whatif-chart")).getAttribute("data-rendered")));
        JavascriptExecutor js = (JavascriptExecutor) driver;
        Object datasets = js.executeScript("var c = Chart.getChart(arguments[0]); return c ? c.data.datasets.length : null;", canvas);
        assertNotNull(datasets, "Chart.js chart on the canvas");
        assertEquals(8L, ((Number) datasets).longValue(), "band, median and quick estimate of A and B");
        Object points = js.executeScript("return Chart.getChart(arguments[0]).data.labels.length;", canvas);
        assertEquals(3L, ((Number) points).longValue());
        Object blank = js.executeScript("var c = arguments[0], d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + " for (var i = 3; i < d.length; i += 4) { if (d[i] !== 0) return false; } return true;", canvas);
        assertEquals(Boolean.FALSE, blank, "the canvas has pixels drawn");
        assertEquals(msg("whatif.status.DONE", "en"), driver.findElement(By.id("status-A")).getText());
        // The form is left out when the run had ended before the page was drawn, hidden when it ends while shown.
        assertTrue(driver.findElements(By.id("cancel-A")).stream().noneMatch(WebElement::isDisplayed), "a finished run offers no cancel");
        String cell = driver.findElement(By.cssSelector("#whatif-summary tr[data-indicator='cgvs_workload|dossiers'] td[data-side='B']")).getText();
        assertFalse(cell.equals("…") || cell.isBlank(), "summary filled: " + cell);
        // Another indicator redraws the chart.
        new Select(driver.findElement(By.id("indicator"))).selectByValue("waiting_list|persons");
        assertEquals(Boolean.TRUE, js.executeScript("return Chart.getChart(arguments[0]) != null;", canvas));
        assertTrue(consoleErrors().isEmpty(), consoleErrors().toString());
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, document.getElementById('whatif-results').offsetTop);");
        shot("analyst_what-if-results-en");
    }
}
