package io.herald.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The site on the fediverse, against a server Herald's developers did not write: a Fedify peer
 * ({@code tools/fediverse/peer.mjs}, Fedify 1.10 on Node 22 from the npm registry) on loopback looks the
 * site up through WebFinger, follows it, and gets each post's Create, Update and Delete, which its own
 * inbox verifies (signature, key, actor); Herald verifies what the peer signs, in both schemes, and refuses
 * what it signs wrongly. Skipped, saying so, where {@code tools/fediverse} is not installed (bin/test does it).
 */
class FediverseIT {

    /** A post of our own in Korean: a Q&A about a library's opening hours. */
    static final String KOREAN = """
            ---
            title: "도서관 이용 안내: 자주 묻는 질문"
            tags: [도서관, 이용 안내]
            ---

            # 도서관 이용 안내: 자주 묻는 질문

            새 도서관이 문을 열었습니다. 주민들이 가장 많이 물어본 질문에 답합니다. 개관 첫 달 동안 많은 분들이 찾아 주셨고,
            안내 데스크와 전화로 받은 질문이 수백 개에 이릅니다. 그중 자주 나온 질문을 골라 사서들이 직접 답을 적었습니다.
            더 궁금한 점이 있으면 언제든지 안내 데스크에 물어보시거나 도서관 누리집의 문의 게시판에 글을 남겨 주세요.

            ## 주말에도 문을 여나요?

            네. 토요일과 일요일에는 오전 열 시부터 오후 다섯 시까지 엽니다.

            ## 책은 몇 권까지 빌릴 수 있나요?

            한 번에 열 권까지 빌릴 수 있고, 대출 기간은 삼 주입니다.

            ## 회원증은 어떻게 만드나요?

            신분증을 가지고 안내 데스크에 오시면 오 분 안에 만들어 드립니다. 어린이는 보호자와 함께 오시면 됩니다.

            ## 열람실 자리를 미리 맡을 수 있나요?

            아니요. 열람실 자리는 오신 순서대로 쓰실 수 있고, 두 시간마다 자리를 비워 다른 분이 쓰실 수 있게 해 주세요.

            ## 주차장이 있나요?

            도서관 뒤편에 스무 대를 세울 수 있는 주차장이 있습니다. 자전거 보관대는 정문 옆에 있습니다.
            """;

    @TempDir
    Path dir;

    FedifyPeer peer;
    final int port = ItSupport.freePort();
    Herald herald;

    @BeforeEach
    void startPeer() throws Exception {
        Path tools = FedifyPeer.tools();
        Assumptions.assumeTrue(tools != null, FedifyPeer.MISSING);
        peer = FedifyPeer.start(tools, dir.resolve("peer.log"));
    }

    @AfterEach
    void stop() {
        if (herald != null) {
            herald.close();
        }
        if (peer != null) {
            peer.close();
        }
    }

    void startHerald() {
        // The peer is on this machine: outbound-allow lets Herald reach exactly its port.
        herald = Herald.start(ItSupport.settings(dir, port, "activitypub", true, "outbound-allow", "127.0.0.1:" + peer.port),
                Stage.all());
    }

    JsonNode control(String path) {
        return peer.control(path);
    }

    List<JsonNode> received(String type) {
        return peer.received(type);
    }

    JsonNode follow() {
        return peer.follow(port);
    }

    @Test
    void a_fedify_peer_follows_the_site_through_webfinger_and_verifies_each_create_update_and_delete_of_a_post() throws Exception {
        startHerald();
        JsonNode site = follow();
        assertEquals("Service", site.path("type").asText(), site.toString());
        assertEquals("http://localhost:" + port + "/ap/actor", site.path("site").asText());
        assertEquals("http://localhost:" + port + "/ap/actor#main-key", site.path("key").asText(), "the actor has its public key");
        assertEquals(1, ItSupport.read(ItSupport.get(port, "/ap/followers").body()).path("totalItems").asInt());

        assertEquals(202, ItSupport.post(port, "text/markdown", KOREAN.getBytes(StandardCharsets.UTF_8)).statusCode());
        await().atMost(Duration.ofSeconds(60)).until(() -> received("Create").size() == 1);
        JsonNode create = received("Create").get(0);
        assertEquals("Article", create.path("objectType").asText(), create.toString());
        assertEquals("도서관 이용 안내: 자주 묻는 질문", create.path("name").asText());
        assertTrue(create.path("content").asText().contains("<h3"), "the Q&A as HTML: " + create);
        assertTrue(create.path("tags").toString().contains("#도서관"), "its tags as hashtags: " + create);
        String objectId = create.path("objectId").asText();
        String postId = objectId.substring(objectId.lastIndexOf('/') + 1);
        // The post's page, looked up by a server (content negotiation): the same Article.
        JsonNode looked = control("/control/lookup?url=" + URLEncoder.encode(create.path("url").asText(), StandardCharsets.UTF_8));
        assertEquals("Article", looked.path("type").asText(), looked.toString());
        assertEquals(objectId, looked.path("id").asText());
        assertTrue(ItSupport.get(port, "/posts/" + postId).body().startsWith("<!DOCTYPE html>"), "a browser still gets the page");

        // A typo fix is not announced again; a significant edit is, once.
        String typo = KOREAN.replace("스무 대를", "스무대를");
        assertEquals(202, ItSupport.post(port, "text/markdown", typo.getBytes(StandardCharsets.UTF_8)).statusCode());
        String edited = typo.replace("한 번에 열 권까지", "한 번에 열다섯 권까지 빌릴 수 있고, 어린이 책은 스무 권까지 빌릴 수 있습니다. 또한 한 번에 열 권까지");
        assertEquals(202, ItSupport.post(port, "text/markdown", edited.getBytes(StandardCharsets.UTF_8)).statusCode());
        await().atMost(Duration.ofSeconds(60)).until(() -> received("Update").size() == 1);
        JsonNode update = received("Update").get(0);
        assertTrue(update.path("id").asText().endsWith("/3"), "the Update carries version 3, not the typo fix: " + update);
        assertTrue(!update.path("updated").isNull(), "an Update says when: " + update);

        var deleted = ItSupport.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/posts/" + postId)).DELETE().build());
        assertEquals(202, deleted.statusCode(), deleted.body());
        await().atMost(Duration.ofSeconds(60)).until(() -> received("Delete").size() == 1);
        JsonNode delete = received("Delete").get(0);
        assertEquals(objectId, delete.path("objectId").asText());
        assertEquals("Tombstone", delete.path("objectType").asText(), delete.toString());
        JsonNode all = ItSupport.read(ItSupport.get(port, "/api/posts/" + postId + "/channels").body()).path("channels");
        List<JsonNode> channels = new java.util.ArrayList<>();
        all.forEach(c -> {
            if (c.path("channel").asText().equals("activitypub")) {
                channels.add(c);
            }
        });
        assertEquals(1, channels.size(), all.toString());
        assertEquals("Delete", channels.get(0).path("activity").asText());
        assertEquals("delivered", channels.get(0).path("state").asText());
        // The feeds' line says the same of the feeds: its entry id, gone from them.
        assertTrue(all.toString().contains("\"channel\":\"feed\",\"destination\":\"/feeds\""), all.toString());
        assertEquals(1, received("Create").size(), "one Create for the post, however many versions");
        assertEquals(1, received("Update").size());
        String metrics = ItSupport.get(port, "/metrics").body();
        for (String series : List.of("herald_activitypub_deliveries_total{activity=\"Create\",state=\"delivered\"} 1.0",
                "herald_activitypub_deliveries_total{activity=\"Update\",state=\"delivered\"} 1.0",
                "herald_activitypub_deliveries_total{activity=\"Delete\",state=\"delivered\"} 1.0", "herald_activitypub_followers 1.0")) {
            assertTrue(metrics.contains(series), series + " in /metrics");
        }
    }

    @Test
    void nothing_goes_twice_after_a_restart_and_a_follower_that_undoes_its_follow_leaves() {
        startHerald();
        follow();
        assertEquals(202, ItSupport.post(port, "text/markdown", KOREAN.getBytes(StandardCharsets.UTF_8)).statusCode());
        await().atMost(Duration.ofSeconds(60)).until(() -> received("Create").size() == 1);
        herald.close();
        startHerald();
        // A second post after the restart: once its Create is in, the restart's look at the ledger is over.
        assertEquals(202, ItSupport.post(port, "text/plain", io.herald.testkit.Samples.bytes(io.herald.testkit.Samples.WEBINAR))
                .statusCode());
        await().atMost(Duration.ofSeconds(60)).until(() -> received("Create").size() >= 2);
        assertEquals(2, received("Create").size(), "the first post is not created again after the restart");
        assertEquals(1, received("Accept").size());
        assertEquals(1, ItSupport.read(ItSupport.get(port, "/ap/followers").body()).path("totalItems").asInt(),
                "the follower is known after the restart");

        control("/control/unfollow");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> ItSupport.read(ItSupport.get(port, "/ap/followers").body()).path("totalItems").asInt() == 0);
    }

    @Test
    void a_follower_that_deletes_its_account_leaves_though_its_key_is_already_gone() {
        startHerald();
        follow();
        assertEquals(1, ItSupport.read(ItSupport.get(port, "/ap/followers").body()).path("totalItems").asInt());
        herald.close();
        startHerald(); // the follower's key is no longer in memory: checking the Delete's signature means fetching it
        JsonNode r = control("/control/delete-self");
        assertEquals(202, r.path("status").asInt(), r.toString());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> ItSupport.read(ItSupport.get(port, "/ap/followers").body()).path("totalItems").asInt() == 0);
        // A stranger's request under the gone key is still refused: only the account's Delete of itself is taken.
        String inbox = URLEncoder.encode("http://localhost:" + port + "/ap/inbox", StandardCharsets.UTF_8);
        assertEquals(401, control("/control/send?inbox=" + inbox).path("status").asInt());
    }

    @Test
    void herald_takes_what_the_peer_signs_in_either_scheme_and_refuses_a_stranger_key_a_changed_body_and_no_signature() {
        startHerald();
        String inbox = URLEncoder.encode("http://localhost:" + port + "/ap/inbox", StandardCharsets.UTF_8);
        assertEquals(202, control("/control/send?inbox=" + inbox + "&spec=draft-cavage-http-signatures-12").path("status").asInt());
        assertEquals(202, control("/control/send?inbox=" + inbox + "&spec=rfc9421").path("status").asInt());
        for (String wrong : List.of("&key=stranger", "&key=stranger&spec=rfc9421", "&tamper=body", "&tamper=body&spec=rfc9421",
                "&unsigned=true")) {
            JsonNode r = control("/control/send?inbox=" + inbox + wrong);
            assertEquals(401, r.path("status").asInt(), wrong + ": " + r);
            assertTrue(r.path("problem").asText().contains("signature"), wrong + ": " + r);
        }
        assertEquals(0, ItSupport.read(ItSupport.get(port, "/ap/followers").body()).path("totalItems").asInt());
    }

    Process jar(int kafkaPort, java.util.List<Process> started) throws Exception {
        Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-jar",
                System.getProperty("herald.jar", "target/herald.jar"), "run", "--port", String.valueOf(port),
                "--embedded-kafka-port", String.valueOf(kafkaPort), "--activitypub", "true",
                "--outbound-allow", "127.0.0.1:" + peer.port)
                .directory(dir.toFile())
                .redirectOutput(dir.resolve("out-" + started.size() + ".log").toFile())
                .redirectErrorStream(true)
                .start();
        started.add(p);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> ItSupport.get(port, "/health").statusCode() == 200);
        return p;
    }

    @Test
    void killed_with_sigkill_while_it_sends_herald_gets_every_post_to_the_peer_once_after_its_restart() throws Exception {
        java.util.List<Process> started = new java.util.ArrayList<>();
        int kafkaPort = ItSupport.freePort();
        try {
            Process first = jar(kafkaPort, started);
            follow();
            int posts = 40;
            for (int i = 0; i < posts; i++) {
                assertEquals(202, ItSupport.post(port, "text/plain", ("Repair cafe notes " + i + "\n\nQ: What can I bring on day " + i
                        + "?\nA: Lamps, toasters and bicycles; we fix them together.\n").getBytes(StandardCharsets.UTF_8)).statusCode());
            }
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> !received("Create").isEmpty());
            first.destroyForcibly(); // SIGKILL: no shutdown hook runs
            first.waitFor();
            int before = received("Create").size();
            jar(kafkaPort, started);
            await().atMost(Duration.ofSeconds(120)).until(() -> received("Create").size() >= posts);
            List<String> ids = received("Create").stream().map(c -> c.path("id").asText()).toList();
            System.out.printf("[herald] %d of %d Creates were in when Herald was killed; %d after the restart%n", before, posts, ids.size());
            assertEquals(posts, ids.size(), "each post once: " + ids);
            assertEquals(posts, new java.util.HashSet<>(ids).size());
            assertEquals(1, received("Accept").size(), "the follower is known after the kill");
            // What Herald sent, before the peer's own de-duplication: again only what was in flight at the kill
            // (at most one per sender thread), each with the same activity id.
            JsonNode posted = control("/control/posted");
            List<String> twice = new java.util.ArrayList<>();
            posted.fields().forEachRemaining(f -> {
                if (f.getValue().asInt() > 1) {
                    twice.add(f.getKey() + " x" + f.getValue().asInt());
                }
            });
            System.out.printf("[herald] sent again after the kill: %s%n", twice);
            assertTrue(twice.size() <= 4, "only what was in flight is sent again: " + twice);
        } finally {
            started.forEach(Process::destroyForcibly);
        }
    }
}
