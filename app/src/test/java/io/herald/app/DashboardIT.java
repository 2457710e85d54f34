package io.herald.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.events.Json;
import io.herald.testkit.Samples;
import io.herald.testkit.Tools;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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

/**
 * The dashboard in a real browser (Debian's chromium, headless, driven by Selenium): marketing submits
 * the sample webinar through the form after checking how it parses, finds it listed, opens it and sees
 * every pair and the four snippets with their counted lengths, then opens its public page and finds its
 * FAQPage data. Hostile post content never runs, in the dashboard or the pages it shows. Screenshots go
 * to {@code target/screenshots/}.
 */
class DashboardIT {

    static final String TOKEN = "dash-token";

    @TempDir
    Path dir;

    Herald herald;
    WebDriver browser;
    WebDriverWait wait;
    final int port = ItSupport.freePort();

    @BeforeEach
    void start() {
        Tools.requireChromium();
        herald = Herald.start(ItSupport.settings(dir, port, "api-token", TOKEN, "site-title", "Brightwater Energy Co-op"), Stage.all());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Tools.CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1100", "--lang=en");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(Tools.CHROMEDRIVER))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (herald != null) {
            herald.close();
        }
    }

    void screenshot(String name) throws Exception {
        Path dirOut = Path.of("target", "screenshots");
        Files.createDirectories(dirOut);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dirOut.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    @Test
    void marketing_checks_publishes_and_reviews_the_webinar_post_then_finds_its_faq_data_on_the_public_page() throws Exception {
        browser.get("http://localhost:" + port + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        browser.findElement(By.id("token")).sendKeys(TOKEN);
        browser.findElement(By.cssSelector("#token-form button")).click();

        WebElement body = browser.findElement(By.id("new-body"));
        js("arguments[0].value = arguments[1];", body, new String(Samples.bytes(Samples.WEBINAR), StandardCharsets.UTF_8));
        browser.findElement(By.id("check")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#parse .parsed-count"), "12 pairs found"));
        assertEquals("Title: Q&A: Heat Pumps for Older Homes Webinar", browser.findElement(By.cssSelector("#parse .parsed-title")).getText());
        browser.findElement(By.id("publish")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Published: " + Samples.WEBINAR_ID));

        By row = By.xpath("//tbody/tr[@data-id='" + Samples.WEBINAR_ID + "']//button");
        wait.until(ExpectedConditions.elementToBeClickable(row)).click();
        wait.until(ExpectedConditions.textToBe(By.id("pair-count"), "12"));
        wait.until(d -> d.findElements(By.cssSelector("#snippets li")).size() == 4);
        List<WebElement> counts = browser.findElements(By.cssSelector("#snippets .count"));
        assertEquals(4, counts.size());
        for (WebElement count : counts) {
            assertTrue(count.getText().matches("\\d+ / (280|500|300|3000)"), count.getText());
        }
        assertEquals(12, browser.findElements(By.cssSelector("#pairs li")).size());
        js("document.getElementById('posts').scrollIntoView();");
        screenshot("dashboard");
        js("document.getElementById('detail').scrollIntoView();");
        screenshot("dashboard-post");

        browser.get("http://localhost:" + port + "/posts/" + Samples.WEBINAR_ID);
        String ld = (String) js("return [...document.querySelectorAll('script[type=\"application/ld+json\"]')]"
                + ".map(s => s.textContent).find(t => t.includes('\"FAQPage\"'));");
        JsonNode faq = Json.mapper().readTree(ld);
        assertEquals("FAQPage", faq.get("@type").asText());
        assertEquals(12, faq.get("mainEntity").size());
        assertEquals(12, browser.findElements(By.cssSelector("article h2[id]")).size(), "every question a heading with its anchor");
        screenshot("post-page");
    }

    /** Issue 23, items 6 and 9: a Korean post typed on a Mac (NFD) opens on the dashboard, its tag feed links answer. */
    @Test
    void a_decomposed_korean_post_opens_on_the_dashboard_and_its_tag_feed_links_answer_and_every_link_has_an_href() throws Exception {
        String md = java.text.Normalizer.normalize("---\ntitle: 주말 텃밭 질문과 답변\ndate: 2026-11-30T10:00:00Z\ntags: [텃밭, 도시 농업]\n---\n"
                + "Q: 토마토는 언제 심나요?\nA: 오월 초가 좋습니다.\n", java.text.Normalizer.Form.NFD);
        var r = ItSupport.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/posts"))
                .header("Content-Type", "text/markdown").header("Authorization", "Bearer " + TOKEN)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(md)).build());
        assertEquals(202, r.statusCode(), r.body());
        String id = ItSupport.read(r.body()).get("id").asText();
        assertEquals("주말-텃밭-질문과-답변", id, "composed (NFC) at the door");

        browser.get("http://localhost:" + port + "/");
        By row = By.xpath("//tbody/tr[@data-id='" + id + "']//button");
        wait.until(ExpectedConditions.elementToBeClickable(row)).click();
        wait.until(ExpectedConditions.textToBe(By.id("pair-count"), "1"));
        wait.until(d -> d.findElements(By.cssSelector("#detail-feeds a")).size() >= 3);
        for (WebElement a : browser.findElements(By.cssSelector("#detail-feeds a"))) {
            String href = a.getAttribute("href");
            var feed = ItSupport.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(href)).GET().build());
            assertEquals(200, feed.statusCode(), a.getText() + " " + href);
        }
        assertEquals(0L, js("return document.querySelectorAll('a:not([href])').length;"), "no link without an href (Nu Html Checker)");
        assertEquals(200, ItSupport.get(port, (String) js("return new URL(document.getElementById('detail-page').href).pathname;")).statusCode());
    }

    /**
     * The list refreshes every few seconds; it used to rebuild every row each time, which took a keyboard
     * user's focus away and pulled the row from under a click (the peers lab's axe run met a stale element).
     */
    @Test
    void a_refresh_of_an_unchanged_post_list_keeps_the_focused_row_and_its_button() throws Exception {
        var r = ItSupport.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/posts"))
                .header("Content-Type", "text/plain").header("Authorization", "Bearer " + TOKEN)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(Samples.bytes(Samples.WEBINAR))).build());
        assertEquals(202, r.statusCode(), r.body());
        browser.get("http://localhost:" + port + "/");
        By row = By.xpath("//tbody/tr[@data-id='" + Samples.WEBINAR_ID + "']//button");
        wait.until(ExpectedConditions.elementToBeClickable(row));
        js("window.__lists = 0; const f = window.fetch; window.fetch = (u, o) => { if (String(u).startsWith('/api/posts?')) window.__lists++; "
                + "return f(u, o); };");
        WebElement button = browser.findElement(row);
        js("arguments[0].focus(); arguments[0].__marked = true;", button);
        wait.until(d -> ((Number) js("return window.__lists;")).intValue() >= 2);
        assertEquals(true, js("return document.activeElement.__marked === true;"), "the same button keeps the focus");
        button.click();
        wait.until(ExpectedConditions.textToBe(By.id("pair-count"), "12"));
    }

    @Test
    void hostile_post_content_runs_nowhere_the_dashboard_shows_it() throws Exception {
        String hostile = "Pwned <img src=x onerror=\"window.__pwned=1\">\n\n"
                + "Q: Does <script>window.__pwned=2</script> run?\nA: <img src=x onerror=\"window.__pwned=3\"> No. "
                + "<a href=\"javascript:window.__pwned=4\">click</a>\n";
        var r = ItSupport.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/posts"))
                .header("Content-Type", "text/plain").header("Authorization", "Bearer " + TOKEN)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(hostile)).build());
        assertEquals(202, r.statusCode(), r.body());
        String id = ItSupport.read(r.body()).get("id").asText();

        browser.get("http://localhost:" + port + "/");
        By row = By.xpath("//tbody/tr[@data-id='" + id + "']//button");
        wait.until(ExpectedConditions.elementToBeClickable(row)).click();
        wait.until(ExpectedConditions.textToBe(By.id("pair-count"), "1"));
        wait.until(d -> d.findElements(By.cssSelector("#snippets li")).size() == 4);
        // Anything that got through would have run by now; the links a reader could click are inert too.
        for (WebElement a : browser.findElements(By.cssSelector("a[href]"))) {
            assertTrue(!a.getAttribute("href").toLowerCase().startsWith("javascript:"), a.getAttribute("href"));
        }
        assertEquals(true, js("return window.__pwned === undefined;"), "the dashboard ran none of the post's script");
        browser.get("http://localhost:" + port + "/posts/" + id);
        assertEquals(true, js("return window.__pwned === undefined;"), "the public page ran none of it");
        browser.get("http://localhost:" + port + "/api/posts/" + id + "/newsletter");
        assertEquals(true, js("return window.__pwned === undefined;"), "the newsletter preview ran none of it");
    }

    java.net.http.HttpResponse<String> post(String type, String body) {
        return post(type, body.getBytes(StandardCharsets.UTF_8));
    }

    java.net.http.HttpResponse<String> post(String type, byte[] body) {
        return ItSupport.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/posts"))
                .header("Content-Type", type).header("Authorization", "Bearer " + TOKEN)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    void signIn() {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        browser.findElement(By.id("token")).sendKeys(TOKEN);
        browser.findElement(By.cssSelector("#token-form button")).click();
    }

    /** Clicks an element once it is clickable, scrolled to the middle of the window (clear of the message at the bottom). */
    void centerAndClick(By by) {
        WebElement e = wait.until(ExpectedConditions.elementToBeClickable(by));
        js("arguments[0].scrollIntoView({block: 'center'});", e);
        e.click();
    }

    /** Whether an element is drawn inside the window as it is scrolled now. */
    boolean inView(String id) {
        return (Boolean) js("const r = document.getElementById(arguments[0]).getBoundingClientRect();"
                + "return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;", id);
    }

    /**
     * Issue 27, item 6: the dead letters. An empty post offers no Retry (it would only be refused again); a
     * broken JSON post reads as Jackson's words with a line and column, no parser internals; retrying it
     * is refused again and counted on its row, not added as a second row; once the same bytes are in
     * (sent with the right type), the row is gone.
     */
    @Test
    void a_refused_post_shows_in_the_dead_letters_with_its_reason_and_can_be_downloaded_and_retried_and_leaves_once_fixed() {
        assertEquals(400, post("text/plain", "   ").statusCode());
        String broken = "{\"title\": \"Opening hours\",\n \"qa\": [";
        assertEquals(400, post("application/json", broken).statusCode());
        browser.get("http://localhost:" + port + "/#dlq");
        signIn();
        wait.until(d -> d.findElements(By.cssSelector("#dlq-table tbody tr")).size() == 2);
        WebElement empty = browser.findElements(By.cssSelector("#dlq-table tbody tr")).get(1);
        assertTrue(empty.getText().contains("The post is empty"), empty.getText());
        assertTrue(empty.findElements(By.cssSelector("button")).isEmpty(), "no Retry for an empty post");
        WebElement first = browser.findElement(By.cssSelector("#dlq-table tbody tr"));
        assertTrue(first.getText().contains("The body is not valid JSON: Unexpected end-of-input: expected close marker for Array "
                + "(start marker at line 2, column 8), at line 2, column 9"), first.getText());
        assertTrue(!first.getText().contains("REDACTED") && !first.getText().contains("Source:"), first.getText());
        // The original is private: the page fetches it with the token; a plain link would carry none.
        String offset = first.findElement(By.cssSelector("a")).getAttribute("download").replace("herald-dlq-", "");
        String original = "/api/dlq/" + offset + "/original";
        assertEquals("application/octet-stream", ItSupport.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://localhost:" + port + original)).header("Authorization", "Bearer " + TOKEN).build()).headers()
                .firstValue("Content-Type").orElse(""));
        assertEquals(401, ItSupport.get(port, original).statusCode(), "not without the token");
        first.findElement(By.cssSelector("button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Still refused: The body is not valid JSON"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#dlq-table tbody tr"), "2 times since"));
        assertEquals(2, browser.findElements(By.cssSelector("#dlq-table tbody tr")).size(), "a retry refused again is its row, counted");

        // The sender fixes the type: the same bytes come in as plain text. What the row reported is fixed.
        String plain = "Opening hours Q&A\n\nQ: When are you open?\nA: Every weekday from nine.\n";
        assertEquals(415, ItSupport.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/posts"))
                .header("Content-Type", "application/x-unknown").header("Authorization", "Bearer " + TOKEN)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(plain)).build()).statusCode());
        wait.until(d -> d.findElements(By.cssSelector("#dlq-table tbody tr")).size() == 3);
        assertEquals(202, post("text/plain", plain).statusCode());
        wait.until(d -> d.findElements(By.cssSelector("#dlq-table tbody tr")).size() == 2);
        assertTrue(browser.findElements(By.cssSelector("#dlq-table tbody tr")).stream().noneMatch(r -> r.getText().contains("x-unknown")));
    }

    /**
     * Issue 27, item 1: fixing a typo in a plain-text title used to publish a second post. Opened, edited
     * (title included) and published again, it is version 2 of the same post; then deleted from there.
     */
    @Test
    void marketing_edits_a_plain_text_posts_title_and_it_is_the_next_version_of_the_same_post_then_deletes_it() throws Exception {
        String text = "Recycling FAQ for tenants\n\nQ: Where do batteries go?\nA: Into the red box by the stairs.\n\n"
                + "Q: Is glass collected?\nA: Yes, every second Tuesday.\n";
        assertEquals(202, post("text/plain", text).statusCode());
        String id = "recycling-faq-for-tenants";
        browser.get("http://localhost:" + port + "/");
        signIn();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//tbody/tr[@data-id='" + id + "']//button"))).click();
        wait.until(ExpectedConditions.textToBe(By.id("pair-count"), "2"));
        browser.findElement(By.id("edit")).click();
        WebElement body = browser.findElement(By.id("new-body"));
        wait.until(d -> body.getAttribute("value").startsWith("Recycling FAQ for tenants"));
        assertTrue(browser.findElement(By.id("edit-note")).getText().contains("version 1"), browser.findElement(By.id("edit-note")).getText());
        assertEquals("Publish version 2", browser.findElement(By.id("publish")).getText());
        js("arguments[0].value = arguments[0].value.replace('Recycling FAQ for tenants', 'Recycling FAQ for residents');", body);
        browser.findElement(By.id("publish")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Updated: " + id + " is published as version 2"));
        assertTrue(inView("message"), "the answer is seen where the marketer is");
        assertEquals("", body.getAttribute("value"), "the form is cleared");
        assertEquals("Publish", browser.findElement(By.id("publish")).getText(), "and back to a new post");
        wait.until(ExpectedConditions.textToBe(By.id("detail-title"), "Recycling FAQ for residents"));
        assertTrue(browser.findElement(By.id("detail-version")).getText().startsWith("Version 2"));
        JsonNode list = ItSupport.read(ItSupport.get(port, "/api/posts").body());
        assertEquals(1, list.get("total").asInt(), "one post, not two");
        assertEquals(2, list.at("/posts/0/version").asInt());

        browser.findElement(By.id("delete")).click();
        browser.switchTo().alert().accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Deleted: " + id));
        wait.until(d -> ItSupport.get(port, "/api/posts/" + id).statusCode() == 404);
        wait.until(d -> d.findElements(By.xpath("//tbody/tr[@data-id='" + id + "']")).isEmpty());
    }

    /**
     * Issue 27, item 6: after Publish nothing visible happened (the message was 500 px above the window,
     * the form stayed filled) and "unchanged" also said "Published"; the token box showed when hidden.
     */
    @Test
    void publishing_says_so_where_the_marketer_is_clears_the_form_opens_the_post_and_unchanged_says_unchanged() {
        browser.get("http://localhost:" + port + "/#new");
        signIn();
        WebElement body = browser.findElement(By.id("new-body"));
        String text = "Parking FAQ\n\nQ: Can visitors park here?\nA: Yes, in bays 10 to 14.\n";
        js("arguments[0].value = arguments[1];", body, text);
        js("document.getElementById('new').scrollIntoView();");
        browser.findElement(By.id("publish")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Published: parking-faq"));
        assertTrue(inView("message"), "the message is inside the window");
        assertEquals("", body.getAttribute("value"), "the form is cleared");
        wait.until(ExpectedConditions.textToBe(By.id("detail-title"), "Parking FAQ"));

        js("arguments[0].value = arguments[1];", body, text);
        browser.findElement(By.id("publish")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("publish-result"), "Unchanged: parking-faq already has"));
        assertTrue(!browser.findElement(By.id("message")).getText().contains("Published"));

        js("document.getElementById('token-form').hidden = true;");
        assertEquals("none", js("return getComputedStyle(document.getElementById('token-form')).display;"),
                "a hidden token box is not drawn (.token{display:flex} overrode hidden)");
    }

    /** Issue 27, item 2: only the newest 50 were listed. Search (title, text, tag), filter (language, source), every page. */
    @Test
    void marketing_finds_any_post_by_search_filter_and_page() {
        for (int i = 1; i <= 23; i++) {
            assertEquals(202, post("text/plain", "Office notes " + i + "\n\nQ: What is on floor " + i + "?\nA: Desks.\n").statusCode());
        }
        assertEquals(202, post("text/markdown", "---\ntitle: Garden club\ntags: [Composting]\n---\nQ: When do we meet?\n"
                + "A: Saturdays by the greenhouse.\n").statusCode());
        assertEquals(202, post("text/markdown", "---\ntitle: 주말 텃밭 질문\ntags: [텃밭]\n---\nQ: 토마토는 언제 심나요?\n"
                + "A: 오월 초가 좋습니다.\n").statusCode());
        browser.get("http://localhost:" + port + "/");
        wait.until(ExpectedConditions.textToBe(By.id("page-info"), "1–20 of 25"));
        browser.findElement(By.id("next")).click();
        wait.until(ExpectedConditions.textToBe(By.id("page-info"), "21–25 of 25"));
        assertEquals(5, browser.findElements(By.cssSelector("#post-table tbody tr")).size());
        assertTrue(!browser.findElement(By.id("next")).isEnabled());

        WebElement search = browser.findElement(By.id("search"));
        search.sendKeys("GREENHOUSE");
        browser.findElement(By.cssSelector("#search-form button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("page-info"), "1–1 of 1"));
        assertEquals("Garden club", browser.findElement(By.cssSelector("#post-table tbody tr button")).getText(), "found by its answer");
        search.clear();
        search.sendKeys("composting");
        browser.findElement(By.cssSelector("#search-form button")).click();
        wait.until(d -> "Garden club".equals(d.findElement(By.cssSelector("#post-table tbody tr button")).getText()));
        search.clear();
        search.sendKeys("no such words");
        browser.findElement(By.cssSelector("#search-form button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("no-match")));
        search.clear();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("filter-language"))).selectByValue("ko");
        browser.findElement(By.cssSelector("#search-form button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("page-info"), "1–1 of 1"));
        assertEquals("주말 텃밭 질문", browser.findElement(By.cssSelector("#post-table tbody tr button")).getText());
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("filter-language"))).selectByValue("");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("filter-source"))).selectByValue("http");
        browser.findElement(By.cssSelector("#search-form button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("page-info"), "1–20 of 25"));
    }

    /**
     * Issue 27, item 7: the feed index was unstyled, not made for phones and listed every tag; a post's
     * tag chips opened raw Atom XML. On a phone, a reader goes from a post to its topic's page, follows
     * it, and finds the feed index a page like the others, with the feeds to subscribe to.
     */
    @Test
    void on_a_phone_a_reader_goes_from_a_post_to_its_topics_page_and_the_feed_index_is_a_page_to_subscribe_from() throws Exception {
        assertEquals(202, post("text/markdown", "---\ntitle: Printing spare parts\ndate: 2026-11-20T10:00:00Z\ntags: [3D Printing]\n---\n"
                + "Q: Can you print a hinge?\nA: Yes, in PETG.\n").statusCode());
        assertEquals(202, post("text/markdown", "---\ntitle: Filament care\ndate: 2026-11-25T10:00:00Z\ntags: [3D Printing, Storage]\n---\n"
                + "Q: Does filament go bad?\nA: Keep it dry.\n").statusCode());
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        wait.until(d -> ItSupport.get(port, "/posts/filament-care").statusCode() == 200
                && ItSupport.get(port, "/posts/printing-spare-parts").statusCode() == 200);
        browser.get("http://localhost:" + port + "/posts/filament-care");
        browser.findElement(By.linkText("3D Printing")).click();
        wait.until(ExpectedConditions.urlToBe("http://localhost:" + port + "/tags/3d-printing"));
        assertEquals("3D Printing", browser.findElement(By.tagName("h1")).getText(), "the author's spelling");
        assertEquals(List.of("Filament care", "Printing spare parts"), browser.findElements(By.cssSelector(".list h2 a")).stream()
                .map(WebElement::getText).toList(), "the topic's posts, newest first");
        assertEquals("/feeds/tags/3d-printing.atom", js("return new URL(document.querySelector('link[rel=alternate]').href).pathname;"));
        assertEquals(true, js("return document.documentElement.scrollWidth <= window.innerWidth;"), "nothing wider than the phone");
        screenshot("tag-page");
        String follow = browser.findElement(By.linkText("Follow this topic")).getAttribute("href");
        assertEquals(200, ItSupport.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(follow)).GET().build()).statusCode());

        browser.findElement(By.cssSelector("header a")).click();
        wait.until(ExpectedConditions.urlToBe("http://localhost:" + port + "/feeds/"));
        assertEquals("Follow Brightwater Energy Co-op", browser.findElement(By.tagName("h1")).getText());
        assertEquals("width=device-width, initial-scale=1", browser.findElement(By.cssSelector("meta[name=viewport]")).getAttribute("content"));
        assertEquals(true, js("return document.documentElement.scrollWidth <= window.innerWidth;"), "nothing wider than the phone");
        assertEquals(List.of("3D Printing"), browser.findElements(By.cssSelector(".list h3 a")).stream().map(WebElement::getText).toList(),
                "topics on two posts; a tag on one post is counted, not listed");
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("1 more topic has fewer posts"));
        assertTrue(browser.findElement(By.cssSelector(".address input")).getAttribute("value").endsWith("/feeds/all.atom"));
        assertTrue(!((String) js("return getComputedStyle(document.body).fontFamily;")).startsWith("\"Times"), "styled as the post pages");
        screenshot("feed-index");
        browser.findElement(By.linkText("3D Printing")).click();
        wait.until(ExpectedConditions.urlToBe("http://localhost:" + port + "/tags/3d-printing"));
        assertEquals(404, ItSupport.get(port, "/tags/no-such-topic").statusCode());
    }

    /**
     * Issue 27, item 5 (the newsletter): "sent" meant written to Kafka and a failed newsletter could not be
     * sent again from the dashboard. The post shows where its newsletter went: failed after its tries with
     * why, then, resent once the webhook works, delivered there; its snippets say "written", not "sent".
     */
    @Test
    void a_newsletter_the_webhook_refused_shows_failed_with_why_and_resent_from_the_dashboard_shows_delivered() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean fails = new java.util.concurrent.atomic.AtomicBoolean(true);
        com.sun.net.httpserver.HttpServer hook = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            int status = fails.get() ? 503 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        hook.start();
        try {
            herald.close();
            herald = Herald.start(ItSupport.settings(dir.resolve("hooked"), port, "api-token", TOKEN,
                    "newsletter-webhook", "http://127.0.0.1:" + hook.getAddress().getPort() + "/hook",
                    "outbound-allow", "127.0.0.1:" + hook.getAddress().getPort(),
                    "newsletter-webhook-retries", 1, "newsletter-webhook-backoff-seconds", 1), Stage.all());
            assertEquals(202, post("text/plain", "Bike repair evening\n\nQ: Do I need to book?\nA: No, just come by after six.\n").statusCode());
            browser.get("http://localhost:" + port + "/");
            signIn();
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//tbody/tr[@data-id='bike-repair-evening']//button"))).click();
            WebDriverWait slow = new WebDriverWait(browser, Duration.ofSeconds(60));
            // The open post's state follows the deliveries as the page refreshes: no click needed.
            slow.until(ExpectedConditions.textToBe(By.id("newsletter-state"), "failed"));
            String why = browser.findElement(By.id("newsletter-reason")).getText();
            assertTrue(why.startsWith("Failed after 2 tries") && why.contains("503"), why);
            assertEquals("written", browser.findElement(By.id("social-state")).getText(), "snippets are written to Kafka, not posted");
            fails.set(false);
            browser.findElement(By.id("resend")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Newsletter handed to the webhook again"));
            slow.until(ExpectedConditions.textToBe(By.id("newsletter-state"), "delivered"));
            assertTrue(browser.findElement(By.id("newsletter-reason")).getText().startsWith("Delivered to http://127.0.0.1:"),
                    browser.findElement(By.id("newsletter-reason")).getText());
            assertTrue(!browser.findElement(By.id("resend")).isDisplayed(), "nothing to resend once delivered");
        } finally {
            hook.stop(0);
        }
    }

    /**
     * Issue 27, item 4: the topics Herald found are suggestions. The marketer opens the post, accepts one
     * and removes another; the removed one leaves the post's feeds list, its public tag feed and its
     * page at once, the accepted one stays, and the list says which is which after a reload.
     */
    @Test
    void marketing_accepts_one_suggested_tag_and_removes_another_and_the_removed_one_leaves_the_public_feeds() throws Exception {
        assertEquals(202, post("text/plain", Samples.bytes(Samples.WEBINAR)).statusCode());
        browser.get("http://localhost:" + port + "/");
        signIn();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//tbody/tr[@data-id='" + Samples.WEBINAR_ID + "']//button"))).click();
        wait.until(d -> d.findElements(By.cssSelector("#suggestions li")).size() >= 2);
        assertEquals("published unless removed", browser.findElement(By.id("tags-policy")).getText());
        List<WebElement> items = browser.findElements(By.cssSelector("#suggestions li"));
        String kept = items.get(0).getAttribute("data-tag");
        String dropped = items.get(1).getAttribute("data-tag");
        String droppedFeed = "/feeds/tags/" + io.herald.publish.feeds.TagSlug.of(dropped) + ".atom";
        assertEquals(200, ItSupport.get(port, droppedFeed).statusCode(), "before: every suggestion has its public feed");
        assertTrue(browser.findElement(By.id("detail-feeds")).getText().contains("Tag: " + dropped));

        items.get(0).findElement(By.cssSelector("button.accept")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Accepted the tag \"" + kept + "\""));
        browser.findElement(By.cssSelector("#suggestions li[data-tag='" + dropped + "'] button.remove")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Removed the tag \"" + dropped + "\""));
        wait.until(d -> !d.findElement(By.id("detail-feeds")).getText().contains("Tag: " + dropped));
        assertTrue(browser.findElement(By.id("detail-feeds")).getText().contains("Tag: " + kept));
        assertEquals(404, ItSupport.get(port, droppedFeed).statusCode(), "the removed tag's public feed is gone");
        assertTrue(!ItSupport.get(port, "/posts/" + Samples.WEBINAR_ID).body().contains(">" + dropped + "<"), "and its chip on the page");
        js("document.getElementById('tags-policy').parentElement.scrollIntoView();");
        screenshot("dashboard-tags");

        browser.navigate().refresh();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//tbody/tr[@data-id='" + Samples.WEBINAR_ID + "']//button"))).click();
        wait.until(d -> d.findElements(By.cssSelector("#suggestions li.removed")).size() == 1);
        assertEquals(dropped, browser.findElement(By.cssSelector("#suggestions li.removed")).getAttribute("data-tag"));
        assertEquals(kept, browser.findElement(By.cssSelector("#suggestions li.accepted")).getAttribute("data-tag"));
        assertEquals("accepted, published", browser.findElement(By.cssSelector("#suggestions li.accepted .state")).getText());
    }

    /**
     * Issue 27, item 3: with approval required, a new post waits under Waiting; the marketer holds its
     * newsletter, approves it (published at once, snippets with it), then sends the held newsletter from
     * the post. A post given a time in the form waits for it, and Publish now publishes it.
     */
    @Test
    void marketing_approves_a_waiting_post_holds_and_then_sends_its_newsletter_and_schedules_another_from_the_form() throws Exception {
        herald.close();
        herald = Herald.start(ItSupport.settings(dir.resolve("approval"), port, "api-token", TOKEN, "approval", "required"), Stage.all());
        assertEquals(202, post("text/plain", "Bike repair evening\n\nQ: Do I need to book?\nA: No, just come by after six.\n").statusCode());
        browser.get("http://localhost:" + port + "/");
        signIn();
        By waiting = By.cssSelector("#waiting-list li[data-id='bike-repair-evening']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(waiting));
        assertTrue(browser.findElement(waiting).getText().contains("awaiting approval"), browser.findElement(waiting).getText());
        assertEquals(404, ItSupport.get(port, "/posts/bike-repair-evening").statusCode(), "nothing public before approval");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("plan-newsletter-bike-repair-evening"))).selectByValue("held");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "is held until you send it"));
        // The snippets at a time of their own: chosen in the row, set with its button.
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("plan-snippets-bike-repair-evening"))).selectByValue("at");
        js("const d = new Date(Date.now() + 2 * 3600e3); d.setSeconds(0, 0);"
                + "arguments[0].value = new Date(d - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16);",
                browser.findElement(By.cssSelector("#waiting-list li[data-id='bike-repair-evening'] input.snippets-at")));
        centerAndClick(By.cssSelector("#waiting-list li[data-id='bike-repair-evening'] button.snippets-set"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "The snippets of bike-repair-evening go out at"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(waiting, "snippets at "));
        js("document.getElementById('waiting').scrollIntoView();");
        screenshot("dashboard-waiting");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#waiting-list li[data-id='bike-repair-evening'] button.approve"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Approved and published: bike-repair-evening"));
        assertEquals(200, ItSupport.get(port, "/posts/bike-repair-evening").statusCode());
        wait.until(ExpectedConditions.invisibilityOfElementLocated(waiting));

        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//tbody/tr[@data-id='bike-repair-evening']//button"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("send-held-newsletter")));
        assertEquals("not sent", browser.findElement(By.id("newsletter-state")).getText(), "the newsletter is held");
        browser.findElement(By.id("send-held-newsletter")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "is on its way"));
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.textToBe(By.id("newsletter-state"), "written"));

        // A second post, given a time in the form: it waits for it; Publish now publishes it (approval included).
        WebElement body = browser.findElement(By.id("new-body"));
        js("arguments[0].value = arguments[1];", body, "Allotment open day\n\nQ: Can children come?\nA: Yes, with a grown-up.\n");
        js("const d = new Date(Date.now() + 3 * 3600e3); d.setSeconds(0, 0);"
                + "arguments[0].value = new Date(d - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16);",
                browser.findElement(By.id("new-publish-at")));
        browser.findElement(By.id("publish")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Scheduled: allotment-open-day"));
        By second = By.cssSelector("#waiting-list li[data-id='allotment-open-day']");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(second, "then at"));
        browser.findElement(By.cssSelector("#waiting-list li[data-id='allotment-open-day'] button.publish-now")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Published: allotment-open-day"));
        assertEquals(200, ItSupport.get(port, "/posts/allotment-open-day").statusCode());
    }

    /**
     * Issue 27, item 5: a snippet is edited before it goes out. The post waits for approval with its
     * snippets held; the marketer opens it, rewrites the X snippet (a text over X's limit is refused
     * with the count), sends the held snippets, and the record on herald.social carries their text.
     */
    @Test
    void marketing_rewrites_a_snippet_before_it_goes_out_and_the_written_snippet_is_the_marketers_text() throws Exception {
        herald.close();
        herald = Herald.start(ItSupport.settings(dir.resolve("snippets"), port, "api-token", TOKEN, "approval", "required",
                "social-platforms", "x,mastodon"), Stage.all());
        assertEquals(202, post("text/plain", "Bike repair evening\n\nQ: Do I need to book?\nA: No, just come by after six.\n").statusCode());
        String id = "bike-repair-evening";
        await().atMost(Duration.ofSeconds(30)).until(() -> ItSupport.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/api/pending")).header("Authorization", "Bearer " + TOKEN).build())
                .body().contains(id));
        var approved = ItSupport.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/posts/" + id + "/schedule"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"approved\":true,\"snippets\":\"held\"}")).build());
        assertEquals(200, approved.statusCode(), approved.body());

        browser.get("http://localhost:" + port + "/");
        signIn();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//tbody/tr[@data-id='" + id + "']//button"))).click();
        By x = By.cssSelector("#snippets li[data-platform='x']");
        centerAndClick(By.cssSelector("#snippets li[data-platform='x'] button.edit-snippet"));
        WebElement area = browser.findElement(By.cssSelector("#snippets li[data-platform='x'] textarea"));
        String link = area.getAttribute("value").lines().filter(l -> l.startsWith("http")).findFirst().orElseThrow();
        js("arguments[0].value = arguments[1];", area, "x".repeat(300) + "\n" + link);
        centerAndClick(By.cssSelector("#snippets li[data-platform='x'] button.save-snippet"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "over its limit of 280"));
        String mine = "Fix your bike with us on Thursday: tools, tea and help. No booking needed.\n" + link;
        js("arguments[0].value = arguments[1];", area, mine);
        centerAndClick(By.cssSelector("#snippets li[data-platform='x'] button.save-snippet"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Saved the x snippet"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(x, "Fix your bike with us on Thursday"));
        js("document.getElementById('snippets').scrollIntoView();");
        screenshot("dashboard-snippet-edit");

        centerAndClick(By.id("send-held-snippets"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "is on its way"));
        java.util.List<String> texts = new java.util.ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            texts.clear();
            io.herald.support.TopicReplay.replay(herald.bootstrapServers(), io.herald.events.Topics.SOCIAL, Duration.ofSeconds(5), (k, v) -> {
                if (v != null) {
                    texts.add(Json.read(v, io.herald.events.SocialSnippet.class).platform() + ":" + Json.read(v, io.herald.events.SocialSnippet.class).text());
                }
            });
            return texts.size() == 2;
        });
        assertTrue(texts.contains("x:" + mine), "the marketer's text went out: " + texts);
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("mastodon:") && !t.contains("Fix your bike")), "the other network keeps Herald's");
    }

    /**
     * Issue 27, item 5: with a social webhook, each network's snippet says what became of it there. The
     * tool behind the webhook takes the X snippet and refuses Mastodon's; the open post shows X
     * delivered and Mastodon failed with why, as the page refreshes; once the tool works again the
     * marketer resends what failed and Mastodon shows delivered.
     */
    @Test
    void each_networks_snippet_shows_delivered_or_failed_with_why_and_what_failed_is_resent_from_the_dashboard() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean refuseMastodon = new java.util.concurrent.atomic.AtomicBoolean(true);
        com.sun.net.httpserver.HttpServer hook = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext("/social", exchange -> {
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(refuseMastodon.get() && key.endsWith(":mastodon") ? 503 : 200, -1);
            exchange.close();
        });
        hook.start();
        try {
            herald.close();
            herald = Herald.start(ItSupport.settings(dir.resolve("social"), port, "api-token", TOKEN, "social-platforms", "x,mastodon",
                    "social-webhook", "http://127.0.0.1:" + hook.getAddress().getPort() + "/social",
                    "outbound-allow", "127.0.0.1:" + hook.getAddress().getPort(),
                    "social-webhook-retries", 1, "social-webhook-backoff-seconds", 1), Stage.all());
            assertEquals(202, post("text/plain", "Bike repair evening\n\nQ: Do I need to book?\nA: No, just come by after six.\n").statusCode());
            browser.get("http://localhost:" + port + "/");
            signIn();
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//tbody/tr[@data-id='bike-repair-evening']//button"))).click();
            WebDriverWait slow = new WebDriverWait(browser, Duration.ofSeconds(60));
            By x = By.cssSelector("#snippets li[data-platform='x'] .delivery");
            By mastodon = By.cssSelector("#snippets li[data-platform='mastodon'] .delivery");
            slow.until(ExpectedConditions.textToBePresentInElementLocated(mastodon, "failed after 2 tries"));
            assertTrue(browser.findElement(mastodon).getText().contains("503"), browser.findElement(mastodon).getText());
            assertTrue(browser.findElement(x).getText().contains("delivered at"), browser.findElement(x).getText());
            assertEquals("failed", browser.findElement(By.id("social-state")).getText());
            assertTrue(browser.findElement(By.id("social-note")).getText().contains("handed to http://127.0.0.1:"),
                    browser.findElement(By.id("social-note")).getText());
            js("document.getElementById('social-state').scrollIntoView();");
            screenshot("dashboard-social-delivery");
            refuseMastodon.set(false);
            centerAndClick(By.id("resend-snippets"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Snippets handed to the webhook again: 1"));
            slow.until(ExpectedConditions.textToBePresentInElementLocated(mastodon, "delivered at"));
            slow.until(ExpectedConditions.textToBe(By.id("social-state"), "delivered"));
            assertTrue(!browser.findElement(By.id("resend-snippets")).isDisplayed(), "nothing to resend once every network took its snippet");
        } finally {
            hook.stop(0);
        }
    }

    @Test
    void the_fediverse_servers_a_post_went_to_show_in_its_detail_with_the_activity_and_its_state() throws Exception {
        Path tools = FedifyPeer.tools();
        org.junit.jupiter.api.Assumptions.assumeTrue(tools != null, FedifyPeer.MISSING);
        try (FedifyPeer peer = FedifyPeer.start(tools, dir.resolve("peer.log"))) {
            herald.close();
            herald = Herald.start(ItSupport.settings(dir.resolve("fediverse"), port, "api-token", TOKEN, "activitypub", true,
                    "outbound-allow", "127.0.0.1:" + peer.port), Stage.all());
            peer.follow(port);
            assertEquals(202, post("text/plain", "Seed swap at the library\n\nQ: Can I bring seeds I saved myself?\n"
                    + "A: Yes, in a paper envelope with the name and the year.\n").statusCode());
            browser.get("http://localhost:" + port + "/");
            signIn();
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//tbody/tr[@data-id='seed-swap-at-the-library']//button"))).click();
            By inbox = By.cssSelector("#fediverse-inboxes li[data-state='delivered']");
            new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.visibilityOfElementLocated(inbox));
            String shown = browser.findElement(inbox).getText();
            assertTrue(shown.startsWith("127.0.0.1:" + peer.port) && shown.contains("Create of version 1") && shown.contains("delivered at"),
                    shown);
            assertEquals("delivered", browser.findElement(By.id("fediverse-state")).getText());
            assertEquals(1, peer.received("Create").size(), "the peer's inbox took the Create the dashboard shows");
            js("document.getElementById('fediverse').scrollIntoView();");
            screenshot("dashboard-fediverse");
        }
    }

    @Test
    void what_went_to_bluesky_shows_in_the_post_detail_the_post_and_each_reply_with_its_record_and_state() throws Exception {
        Path tools = LocalPds.tools();
        org.junit.jupiter.api.Assumptions.assumeTrue(tools != null, LocalPds.MISSING);
        try (LocalPds pds = LocalPds.start(tools, dir.resolve("pds.log"))) {
            herald.close();
            java.util.List<Object> settings = new java.util.ArrayList<>(java.util.List.of("api-token", TOKEN, "social-threads", true));
            settings.addAll(java.util.List.of(pds.settings("")));
            herald = Herald.start(ItSupport.settings(dir.resolve("bluesky"), port, settings.toArray()), Stage.all());
            assertEquals(202, post("text/plain", "Seed swap at the library\n\nQ: Can I bring seeds I saved myself?\n"
                    + "A: Yes, in a paper envelope with the name and the year.\n\nQ: Are there seeds for balconies?\n"
                    + "A: Yes: herbs, tomatoes and beans that grow in pots.\n").statusCode());
            browser.get("http://localhost:" + port + "/");
            signIn();
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//tbody/tr[@data-id='seed-swap-at-the-library']//button"))).click();
            new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> d.findElements(By.cssSelector("#bluesky-records li[data-state='delivered']"))
                    .size() == 3);
            java.util.List<String> shown = browser.findElements(By.cssSelector("#bluesky-records li")).stream().map(e -> e.getText()).toList();
            assertTrue(shown.get(0).startsWith("Post delivered at") && shown.get(1).startsWith("Reply 1 ")
                    && shown.get(2).startsWith("Reply 2 "), shown.toString());
            java.util.Set<String> onPds = pds.posts().stream().map(r -> r.path("uri").asText()).collect(java.util.stream.Collectors.toSet());
            for (String line : shown) {
                assertTrue(onPds.contains(line.substring(line.indexOf("at://"))), line + " is a record the PDS holds: " + onPds);
            }
            assertEquals("posted", browser.findElement(By.id("bluesky-state")).getText());
            js("document.getElementById('bluesky').scrollIntoView();");
            screenshot("dashboard-bluesky");
        }
    }
}
