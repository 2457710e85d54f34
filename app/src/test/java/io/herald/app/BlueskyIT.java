package io.herald.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Posting to Bluesky, against the server Bluesky runs: a PDS ({@code @atproto/pds}, with a PLC directory,
 * {@code tools/bluesky/pds.mjs}, on Node 22 from the npm registry) on loopback, with its rate limits on (30
 * logins per 5 minutes). What is checked is what the PDS holds, read with its own XRPC calls. Skipped, saying
 * so, where {@code tools/bluesky} is not installed (bin/test does it).
 */
class BlueskyIT {

    /** A post of our own in Japanese: a Q&A about a library's new opening hours, with a picture. */
    static String japanese(String image, String saturday) {
        return """
                ---
                title: 図書館の新しい開館時間についてのよくある質問
                author: 広報チーム
                image: %s
                ---

                図書館の開館時間が来月から変わります。利用者の皆さんから寄せられた質問に、司書がお答えします。

                ## 新しい開館時間はいつからですか？

                来月の一日から、平日は午前九時から午後八時まで開館します。

                ## 土曜日も変わりますか？

                %s

                ## 返却ポストは使えますか？

                はい。返却ポストは正面玄関の横にあり、二十四時間いつでも本を返せます。
                """.formatted(image, saturday);
    }

    @TempDir
    Path dir;

    LocalPds pds;
    HttpServer images;
    final int port = ItSupport.freePort();
    Herald herald;
    byte[] png;

    @BeforeEach
    void startPds() throws Exception {
        Path tools = LocalPds.tools();
        Assumptions.assumeTrue(tools != null, LocalPds.MISSING);
        pds = LocalPds.start(tools, dir.resolve("pds.log"));
        // The post's picture, served on loopback as a site would serve it.
        BufferedImage img = new BufferedImage(120, 63, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 120; x++) {
            for (int y = 0; y < 63; y++) {
                img.setRGB(x, y, (x * 2) << 16 | (y * 4) << 8 | 0x80);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        png = out.toByteArray();
        images = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        images.createContext("/hours.png", x -> {
            x.getResponseHeaders().add("Content-Type", "image/png");
            x.sendResponseHeaders(200, png.length);
            x.getResponseBody().write(png);
            x.close();
        });
        images.start();
    }

    @AfterEach
    void stop() {
        if (herald != null) {
            herald.close();
        }
        if (images != null) {
            images.stop(0);
        }
        if (pds != null) {
            pds.close();
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    List<JsonNode> ledger(String id) {
        List<JsonNode> bluesky = new ArrayList<>();
        ItSupport.read(ItSupport.get(port, "/api/posts/" + enc(id) + "/channels").body()).path("channels").forEach(e -> {
            if (e.path("channel").asText().equals("bluesky")) {
                bluesky.add(e);
            }
        });
        return bluesky;
    }

    @Test
    void a_post_and_its_thread_reach_the_pds_with_link_facets_a_card_with_its_picture_and_replies_and_a_withdrawal_deletes_them()
            throws Exception {
        String image = "http://127.0.0.1:" + images.getAddress().getPort() + "/hours.png";
        Object[] bluesky = pds.settings("127.0.0.1:" + images.getAddress().getPort());
        Object[] settings = Arrays.copyOf(bluesky, bluesky.length + 2);
        settings[bluesky.length] = "social-threads";
        settings[bluesky.length + 1] = true;
        herald = Herald.start(ItSupport.settings(dir, port, settings), Stage.all());
        var accepted = ItSupport.post(port, "text/markdown", japanese(image, "土曜日は午前十時から午後六時までです。日曜日は休館です。")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(202, accepted.statusCode(), accepted.body());
        String id = ItSupport.read(accepted.body()).path("id").asText();

        // The post, and a reply for each of its three questions.
        await().atMost(Duration.ofSeconds(60)).until(() -> pds.posts().size() == 4);
        List<JsonNode> records = pds.posts();
        JsonNode root = records.stream().filter(r -> r.path("value").path("reply").isMissingNode()).findFirst().orElseThrow();
        JsonNode post = root.path("value");
        assertTrue(post.path("text").asText().startsWith("図書館の新しい開館時間についてのよくある質問"), post.toString());
        assertEquals("[\"ja\"]", post.path("langs").toString());

        // The link is shown in short and carried whole in a facet whose offsets are bytes of the text's UTF-8.
        JsonNode facet = post.path("facets").path(0);
        byte[] text = post.path("text").asText().getBytes(StandardCharsets.UTF_8);
        String shown = new String(text, facet.path("index").path("byteStart").asInt(),
                facet.path("index").path("byteEnd").asInt() - facet.path("index").path("byteStart").asInt(), StandardCharsets.UTF_8);
        assertTrue(shown.startsWith("localhost:" + port + "/posts/図書館"), shown);
        JsonNode link = facet.path("features").path(0);
        assertEquals("app.bsky.richtext.facet#link", link.path("$type").asText());
        assertTrue(link.path("uri").asText().startsWith("http://localhost:" + port + "/posts/" + enc(id).substring(0, 9)), link.toString());

        // The card: the page's title and its picture, uploaded to the PDS and served back byte for byte.
        JsonNode card = post.path("embed");
        assertEquals("app.bsky.embed.external", card.path("$type").asText());
        assertEquals("図書館の新しい開館時間についてのよくある質問", card.path("external").path("title").asText());
        assertEquals(link.path("uri").asText(), card.path("external").path("uri").asText());
        JsonNode thumb = card.path("external").path("thumb");
        assertEquals("image/png", thumb.path("mimeType").asText(), card.toString());
        assertArrayEquals(png, pds.blob(thumb.path("ref").path("$link").asText()));

        // The thread: "1/3" answers the post, "2/3" answers "1/3", each naming the post as its root.
        Map<String, JsonNode> byNumber = records.stream().filter(r -> !r.path("value").path("reply").isMissingNode())
                .collect(Collectors.toMap(r -> r.path("value").path("text").asText().split(" ")[0], r -> r));
        assertEquals(Set.of("1/3", "2/3", "3/3"), byNumber.keySet());
        JsonNode parent = root;
        for (String n : List.of("1/3", "2/3", "3/3")) {
            JsonNode reply = byNumber.get(n).path("value").path("reply");
            assertEquals(root.path("uri").asText(), reply.path("root").path("uri").asText(), n);
            assertEquals(root.path("cid").asText(), reply.path("root").path("cid").asText(), n);
            assertEquals(parent.path("uri").asText(), reply.path("parent").path("uri").asText(), n);
            assertEquals(parent.path("cid").asText(), reply.path("parent").path("cid").asText(), n);
            parent = byNumber.get(n);
        }

        // The ledger names each record, posted once.
        Set<String> uris = records.stream().map(r -> r.path("uri").asText()).collect(Collectors.toSet());
        await().atMost(Duration.ofSeconds(10)).until(() -> ledger(id).stream().allMatch(e -> e.path("state").asText().equals("delivered")));
        assertEquals(uris, ledger(id).stream().map(e -> e.path("externalId").asText()).collect(Collectors.toSet()));
        String metrics = ItSupport.get(port, "/metrics").body();
        assertTrue(metrics.contains("herald_bluesky_logins_total 1.0"), "one login for four posts");
        assertTrue(metrics.contains("herald_bluesky_posts_total{activity=\"Create\",state=\"delivered\"} 4.0"));

        // An edit posts nothing (Bluesky posts are not edited): once a later post is in, the thread is as it was.
        assertEquals(202, ItSupport.post(port, "text/markdown", japanese(image, "土曜日は午前九時から午後五時までに変わります。日曜日は午後だけ開館します。")
                .getBytes(StandardCharsets.UTF_8)).statusCode());
        await().atMost(Duration.ofSeconds(30)).until(() -> ItSupport.read(ItSupport.get(port, "/api/posts/" + enc(id)).body())
                .path("version").asInt() == 2);
        assertEquals(202, ItSupport.post(port, "text/plain", io.herald.testkit.Samples.bytes(io.herald.testkit.Samples.WEBINAR)).statusCode());
        await().atMost(Duration.ofSeconds(60)).until(() -> pds.posts().size() > 4
                && pds.posts().stream().anyMatch(r -> r.path("value").path("text").asText().startsWith("Q&A")));
        assertTrue(pds.posts().stream().map(r -> r.path("uri").asText()).collect(Collectors.toSet()).containsAll(uris));
        assertEquals(4, pds.posts().stream().filter(r -> r.path("value").path("langs").toString().contains("ja")).count(),
                "the edit posted nothing");

        // Withdrawn: each of its records is deleted from the repository, and the ledger says so.
        var deleted = ItSupport.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/posts/" + enc(id))).DELETE().build());
        assertEquals(202, deleted.statusCode(), deleted.body());
        await().atMost(Duration.ofSeconds(30)).until(() -> pds.posts().stream().noneMatch(r -> uris.contains(r.path("uri").asText())));
        await().atMost(Duration.ofSeconds(10)).until(() -> ledger(id).stream().allMatch(e -> e.path("activity").asText().equals("Delete")
                && e.path("state").asText().equals("delivered") && e.path("deliveredVersion").asInt() == -1));
        assertEquals(4, ledger(id).size());
    }

    Process jar(int kafkaPort, List<Process> started) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-jar",
                System.getProperty("herald.jar", "target/herald.jar"), "run", "--port", String.valueOf(port),
                "--embedded-kafka-port", String.valueOf(kafkaPort)));
        Object[] settings = pds.settings("");
        for (int i = 0; i < settings.length; i += 2) {
            command.add("--" + settings[i]);
            command.add(String.valueOf(settings[i + 1]));
        }
        Process p = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("out-" + started.size() + ".log").toFile()).redirectErrorStream(true).start();
        started.add(p);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> ItSupport.get(port, "/health").statusCode() == 200);
        return p;
    }

    @Test
    void killed_with_sigkill_while_it_posts_herald_posts_each_snippet_once_after_its_restart_under_the_login_limit() throws Exception {
        List<Process> started = new ArrayList<>();
        int kafkaPort = ItSupport.freePort();
        try {
            Process first = jar(kafkaPort, started);
            int posts = 40; // more than the 30 logins per 5 minutes the PDS allows: a login per post would be refused
            for (int i = 0; i < posts; i++) {
                assertEquals(202, ItSupport.post(port, "text/plain", ("Repair cafe notes " + i + "\n\nQ: What can I bring on day " + i
                        + "?\nA: Lamps, toasters and bicycles; we fix them together.\n").getBytes(StandardCharsets.UTF_8)).statusCode());
            }
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> !pds.posts().isEmpty());
            first.destroyForcibly(); // SIGKILL: no shutdown hook runs
            first.waitFor();
            int before = pds.posts().size();
            jar(kafkaPort, started);
            await().atMost(Duration.ofSeconds(120)).until(() -> pds.posts().size() >= posts);
            List<String> links = pds.posts().stream().map(r -> r.path("value").path("embed").path("external").path("uri").asText()).toList();
            System.out.printf("[herald] %d of %d posts were on the PDS when Herald was killed; %d after the restart%n", before, posts,
                    links.size());
            Set<String> distinct = new HashSet<>(links);
            assertEquals(posts, distinct.size(), "every post: " + links);
            assertEquals(posts, links.size(), "each post once");
            assertTrue(ItSupport.get(port, "/metrics").body().contains("herald_bluesky_logins_total 1.0"),
                    "one login after the restart, whatever it had to post");
        } finally {
            started.forEach(Process::destroyForcibly);
            for (int i = 0; i < started.size(); i++) {
                // Kept for a look when the test fails: the folder goes with the test.
                java.nio.file.Files.copy(dir.resolve("out-" + i + ".log"), Path.of("target", "bluesky-it-out-" + i + ".log"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
