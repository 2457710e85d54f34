package io.herald.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.herald.events.Json;
import io.herald.support.ConsumerGroups;
import io.herald.testkit.Samples;
import io.herald.testkit.Tools;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Herald deployed as an operator runs it: a broker process and every stage a {@code herald} process of
 * its own, two of them publish (as the README's "Running on a cluster" and the compose file do). The
 * dashboard served by a publish process checks and publishes a post in Debian's chromium (its calls
 * reach ingest through {@code ingest-url}); a newsletter whose webhook fails is tried and retried on one
 * publish instance, both previews agreeing at each step, then re-sent from the other, which delivers
 * it; each snippet reaches the social webhook once, from one instance or the other; {@code /metrics} of every process, read with Prometheus' own parser, has every family from the
 * start and each lag series once.
 */
class StagesApartIT {

    static final String JAVA = ProcessHandle.current().info().command().orElse("java");
    static final String JAR = System.getProperty("herald.jar", "target/herald.jar");
    static final List<String> JVM = List.of("-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k");
    static final String TOKEN = "apart-token";

    @TempDir
    Path dir;

    final List<Process> processes = new ArrayList<>();
    final int ingestPort = ItSupport.freePort();
    final int transformPort = ItSupport.freePort();
    final int[] publishPorts = {ItSupport.freePort(), ItSupport.freePort()};
    final Process[] publish = new Process[2];
    String bootstrap;
    HttpServer webhook;
    final AtomicBoolean webhookFails = new AtomicBoolean(true);
    final List<String> delivered = new CopyOnWriteArrayList<>();
    final List<String> snippetsDelivered = new CopyOnWriteArrayList<>();
    WebDriver browser;

    @AfterEach
    void stopAll() {
        if (browser != null) {
            browser.quit();
        }
        processes.forEach(Process::destroyForcibly);
        if (webhook != null) {
            webhook.stop(0);
        }
    }

    Process start(List<String> command, String name) throws Exception {
        Process p = new ProcessBuilder(command).redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".log").toFile()).start();
        processes.add(p);
        return p;
    }

    Process herald(String stage, String name, int port, String... more) throws Exception {
        List<String> command = new ArrayList<>(List.of(JAVA));
        command.addAll(JVM);
        command.addAll(List.of("-jar", JAR, stage, "--port", String.valueOf(port), "--kafka-bootstrap", bootstrap,
                "--data-dir", dir.resolve(name).resolve("data").toString(), "--inbox", dir.resolve(name).resolve("inbox").toString(),
                "--out", dir.resolve(name).resolve("out").toString(), "--topic-partitions", "4", "--social-platforms", "x,bluesky",
                "--api-token", TOKEN, "--host", "127.0.0.1"));
        command.addAll(List.of(more));
        return start(command, name);
    }

    Process publisher(int i) throws Exception {
        publish[i] = herald("publish", "publish-" + (i + 1), publishPorts[i], "--ingest-url", "http://127.0.0.1:" + ingestPort,
                "--newsletter-webhook", "http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook",
                "--outbound-allow", "127.0.0.1:" + webhook.getAddress().getPort(),
                "--newsletter-webhook-retries", "1", "--newsletter-webhook-backoff-seconds", "1",
                "--social-webhook", "http://127.0.0.1:" + webhook.getAddress().getPort() + "/social");
        return publish[i];
    }

    static void awaitHealthy(int port) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> ItSupport.get(port, "/health").statusCode() == 200);
    }

    static HttpResponse<String> authorized(HttpRequest.Builder request) {
        return ItSupport.send(request.header("Authorization", "Bearer " + TOKEN).build());
    }

    /** The newsletter preview's state as one publish instance answers it. */
    static JsonNode preview(int port, String id) {
        return ItSupport.read(authorized(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/posts/" + id + "/newsletter"))
                .header("Accept", "application/json").GET()).body());
    }

    /** Waits until both publish instances preview the newsletter in this state, the same in every field. */
    void awaitBothPreviews(String id, String state) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            JsonNode one = preview(publishPorts[0], id);
            JsonNode two = preview(publishPorts[1], id);
            assertEquals(state, one.path("state").asText(), one.toString());
            assertEquals(one, two, "both publish instances preview the same state");
        });
    }

    static List<MetricsIT.Sample> metrics(int port) throws Exception {
        return MetricsIT.parse(ItSupport.get(port, "/metrics").body());
    }

    static Set<String> names(List<MetricsIT.Sample> samples) {
        Set<String> names = new HashSet<>();
        samples.forEach(s -> names.add(s.name()));
        return names;
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void four_processes_on_one_broker_serve_the_dashboard_share_deliveries_and_report_every_metric_once() throws Exception {
        Tools.requireChromium();
        Tools.requirePrometheusParser();
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = webhookFails.get() ? 500 : 200;
            if (status == 200) {
                delivered.add(Json.mapper().readTree(body).path("idempotencyKey").asText());
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        webhook.createContext("/social", exchange -> {
            snippetsDelivered.add(Json.mapper().readTree(exchange.getRequestBody().readAllBytes()).path("idempotencyKey").asText());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        webhook.start();

        List<String> broker = new ArrayList<>(List.of(JAVA));
        broker.addAll(JVM);
        broker.addAll(List.of("-cp", JAR, "io.herald.broker.EmbeddedKafka", dir.resolve("kafka").toString(),
                String.valueOf(ItSupport.freePort())));
        Process kafka = new ProcessBuilder(broker).redirectError(dir.resolve("broker.log").toFile()).start();
        processes.add(kafka);
        BufferedReader out = new BufferedReader(new InputStreamReader(kafka.getInputStream(), StandardCharsets.UTF_8));
        String ready = out.readLine();
        assertTrue(ready != null && ready.startsWith("READY "), "the broker did not start: " + ready);
        bootstrap = ready.substring("READY ".length()).strip();

        herald("ingest", "ingest", ingestPort);
        herald("transform", "transform", transformPort);
        publisher(0);
        publisher(1);
        for (int port : new int[] {ingestPort, transformPort, publishPorts[0], publishPorts[1]}) {
            awaitHealthy(port);
            // The image's health check, as Docker runs it, finds each stage healthy.
            assertEquals(0, ContainerFilesTest.run(ContainerFilesTest.healthCommand(), port), "the health check on port " + port);
        }

        // 1. Before any post: every family is there at 0, and each lag series is reported by one instance.
        Map<Integer, Set<String>> expected = Map.of(
                ingestPort, Set.of("herald_posts_accepted_total", "herald_posts_refused_total", "herald_posts_deleted_total",
                        "herald_dlq_records_total", "herald_records_total", "herald_route_exchanges_seconds_count"),
                transformPort, Set.of("herald_dlq_records_total", "herald_records_total", "herald_consumer_lag_records",
                        "herald_route_exchanges_seconds_count"),
                publishPorts[0], Set.of("herald_dlq_records_total", "herald_records_total", "herald_newsletters_total",
                        "herald_newsletter_delivery_tries_total", "herald_newsletter_deliveries_total", "herald_social_snippets_total",
                        "herald_feed_requests_total", "herald_end_to_end_seconds_count", "herald_route_exchanges_seconds_count"));
        for (var e : expected.entrySet()) {
            Set<String> present = names(metrics(e.getKey()));
            assertTrue(present.containsAll(e.getValue()), "missing from the start on port " + e.getKey() + ": "
                    + e.getValue().stream().filter(n -> !present.contains(n)).toList());
        }
        assertTrue(names(metrics(publishPorts[1])).containsAll(expected.get(publishPorts[0])), "the second publish instance too");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<String> series = new ArrayList<>();
            for (int port : new int[] {transformPort, publishPorts[0], publishPorts[1]}) {
                metrics(port).stream().filter(s -> s.name().equals("herald_consumer_lag_records"))
                        .forEach(s -> series.add(s.labels().get("group") + " " + s.labels().get("topic") + " " + s.labels().get("partition")));
            }
            assertEquals(series.size(), new HashSet<>(series).size(), "a lag series reported twice: " + series);
            // transform, newsletter and social: four partitions each, every one reported (the delivery group too)
            for (String group : ConsumerGroups.SHARED) {
                assertEquals(4, series.stream().filter(s -> s.startsWith(group + " ")).count(), group + ": " + series);
            }
        });

        // 2. The dashboard served by publish: check, then publish, a post; both calls are ingest's.
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Tools.CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1100", "--lang=en",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File(Tools.CHROMEDRIVER))
                .usingAnyFreePort().build(), options);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get("http://localhost:" + publishPorts[0] + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        browser.findElement(By.id("token")).sendKeys(TOKEN);
        browser.findElement(By.cssSelector("#token-form button")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("check")));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", browser.findElement(By.id("new-body")),
                new String(Samples.bytes(Samples.WEBINAR), StandardCharsets.UTF_8));
        browser.findElement(By.id("check")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#parse .parsed-count"), "12 pairs found"));
        browser.findElement(By.id("publish")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Published: " + Samples.WEBINAR_ID));
        String id = Samples.WEBINAR_ID;
        await().atMost(Duration.ofSeconds(60)).until(() -> ItSupport.get(publishPorts[1], "/api/posts/" + id).statusCode() == 200);

        // The snippets (x and bluesky) go to the social webhook from one instance or the other, each once.
        await().atMost(Duration.ofSeconds(60)).until(() -> snippetsDelivered.size() >= 2);
        assertEquals(snippetsDelivered.size(), new HashSet<>(snippetsDelivered).size(), "a snippet delivered twice: " + snippetsDelivered);

        // 3. The webhook fails: one instance tries, retries once, and marks it failed; both previews agree.
        awaitBothPreviews(id, "failed");
        JsonNode failed = preview(publishPorts[0], id);
        assertEquals(2, failed.path("attempts").asInt(), failed.toString());
        int tried = -1;
        for (int i = 0; i < 2; i++) {
            String log = Files.readString(dir.resolve("publish-" + (i + 1) + ".out")) + Files.readString(dir.resolve("publish-" + (i + 1) + ".log"));
            if (log.contains("failed for good")) {
                tried = i;
            }
        }
        assertTrue(tried >= 0, "one instance made the tries and says so");
        assertEquals(2.0, MetricsIT.value(metrics(publishPorts[tried]), "herald_newsletter_delivery_tries_total", Map.of("outcome", "failed")));
        assertEquals(1.0, MetricsIT.value(metrics(publishPorts[tried]), "herald_dlq_records_total", Map.of("stage", "publish")));

        // 4. That instance stops; the webhook works again; the other re-sends and delivers it.
        int other = 1 - tried;
        publish[tried].destroy();
        assertTrue(publish[tried].waitFor(60, TimeUnit.SECONDS));
        webhookFails.set(false);
        HttpResponse<String> resend = authorized(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + publishPorts[other] + "/api/posts/"
                + id + "/newsletter/resend")).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(202, resend.statusCode(), resend.body());
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                .until(() -> preview(publishPorts[other], id).path("state").asText().equals("sent"));
        assertEquals(List.of(failed.path("idempotencyKey").asText()), delivered, "delivered once");
        assertEquals(1.0, MetricsIT.value(metrics(publishPorts[other]), "herald_newsletter_delivery_tries_total", Map.of("outcome", "delivered")));

        // 5. Restarted, the stopped instance previews what the other delivered.
        publisher(tried);
        awaitHealthy(publishPorts[tried]);
        awaitBothPreviews(id, "sent");
        assertEquals(1, delivered.size(), "the restart sends nothing again");
        assertEquals(snippetsDelivered.size(), new HashSet<>(snippetsDelivered).size(), "no snippet again after the restart: " + snippetsDelivered);

        // 6. Issue 27: in a publish process without ingest, a post opens in the editor (its source read from
        // herald.posts.raw), is published again as version 2 of itself and deleted, both through ingest.
        int restarted = tried;
        browser.get("http://localhost:" + publishPorts[other] + "/");
        // Another origin (another port): the token is typed again (the tab keeps it per origin).
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token"))).sendKeys(TOKEN);
        browser.findElement(By.cssSelector("#token-form button")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//tbody/tr[@data-id='" + id + "']//button"))).click();
        wait.until(ExpectedConditions.textToBe(By.id("pair-count"), "12"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("edit"))).click();
        WebElement body = browser.findElement(By.id("new-body"));
        wait.until(d -> body.getAttribute("value").startsWith(Samples.WEBINAR_TITLE));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[0].value.replace(arguments[1], arguments[2]);", body,
                Samples.WEBINAR_TITLE, "Q&A: Heat Pumps for Older Houses Webinar");
        browser.findElement(By.id("publish")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Updated: " + id + " is published as version 2"));
        await().atMost(Duration.ofSeconds(60)).until(() -> ItSupport.read(ItSupport.get(publishPorts[restarted], "/api/posts/" + id).body())
                .path("version").asInt() == 2);
        assertEquals("Q&A: Heat Pumps for Older Houses Webinar", ItSupport.read(ItSupport.get(publishPorts[restarted], "/api/posts/" + id).body())
                .path("title").asText(), "the same post, its title corrected");
        wait.until(ExpectedConditions.textToBe(By.id("detail-title"), "Q&A: Heat Pumps for Older Houses Webinar"));
        browser.findElement(By.id("delete")).click();
        browser.switchTo().alert().accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Deleted: " + id));
        for (int port : publishPorts) {
            await().atMost(Duration.ofSeconds(60)).until(() -> ItSupport.get(port, "/api/posts/" + id).statusCode() == 404);
        }
    }
}
