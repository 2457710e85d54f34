package io.herald.app;

import static io.herald.app.ItSupport.get;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import com.sun.net.httpserver.HttpServer;
import io.herald.events.Json;
import io.herald.events.SocialSnippet;
import io.herald.events.Topics;
import io.herald.support.TopicReplay;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 23, items 8 to 10: Chinese, Japanese, Korean and Arabic posts through every channel of a real
 * Herald (embedded Kafka): feeds, pages, the newsletter webhook, snippets and what the dashboard reads.
 * The Korean post arrives decomposed (NFD), as a Mac writes it; a browser asks for it composed (NFC).
 */
class EveryScriptIT {

    record Letter(String idempotencyKey, String body) {
    }

    @TempDir
    Path dir;

    Herald herald;
    int port;
    HttpServer receiver;
    final List<Letter> letters = new CopyOnWriteArrayList<>();
    final Map<String, Integer> refusedHeaders = new ConcurrentHashMap<>();

    static final String[][] POSTS = {
        {"zh", "社区菜园问答：新会员最常问的问题", "城市农业", "问：什么时候播种？\n答：三月底，土壤变暖以后。\n\n问：需要自己带工具吗？\n答：不用，工具房里都有。"},
        {"ja", "週末の家庭菜園についてよくある質問", "家庭菜園", "Q: トマトはいつ植えますか？\nA: 五月の連休のころが目安です。\n\nQ: 水やりは毎日ですか？\nA: 夏は朝に毎日あげてください。"},
        {"ko", Normalizer.normalize("주말 텃밭 가꾸기 질문과 답변", Normalizer.Form.NFD), Normalizer.normalize("텃밭", Normalizer.Form.NFD),
            "Q: 토마토는 언제 심나요?\nA: 오월 초가 좋습니다.\n\nQ: 물은 매일 주나요?\nA: 여름에는 아침마다 주세요."},
        {"ar", "أسئلة وأجوبة حول حديقة الحي", "حدائق", "س: متى نزرع البذور؟\nج: في نهاية مارس بعد أن تدفأ التربة.\n\nQ: هل أحضر أدواتي؟\nA: لا، الأدوات موجودة في المخزن."},
    };

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            letters.add(new Letter(key, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        port = ItSupport.freePort();
        herald = Herald.start(ItSupport.settings(dir, port, "newsletter-webhook", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                "outbound-allow", "127.0.0.1", "social-platforms", "x,mastodon,bluesky,linkedin", "social-threads", true), Stage.all());
    }

    @AfterEach
    void stop() {
        if (herald != null) {
            herald.close();
        }
        receiver.stop(0);
    }

    static String markdown(String[] p) {
        return "---\ntitle: " + p[1] + "\ndate: 2026-11-30T10:00:00Z\ntags: [" + p[2] + "]\n---\n" + p[3] + "\n";
    }

    @Test
    void chinese_japanese_korean_and_arabic_posts_reach_every_channel_whole() throws Exception {
        List<String> ids = new ArrayList<>();
        for (String[] p : POSTS) {
            HttpResponse<String> r = ItSupport.post(port, "text/markdown", markdown(p).getBytes(StandardCharsets.UTF_8));
            assertEquals(202, r.statusCode(), r.body());
            String id = Json.mapper().readTree(r.body()).get("id").asText();
            assertTrue(Normalizer.isNormalized(id, Normalizer.Form.NFC), "ids are NFC at the door: " + id);
            ids.add(id);
        }

        // Pages and the API, asked for in NFC as a browser asks; the page says its language and direction.
        for (int i = 0; i < POSTS.length; i++) {
            String path = "/posts/" + URLEncoder.encode(Normalizer.normalize(ids.get(i), Normalizer.Form.NFC), StandardCharsets.UTF_8);
            await().atMost(Duration.ofSeconds(60)).until(() -> get(port, path).statusCode() == 200);
            Document page = Jsoup.parse(get(port, path).body());
            assertEquals(Normalizer.normalize(POSTS[i][1], Normalizer.Form.NFC), page.selectFirst("h1").text());
            assertEquals(POSTS[i][0], page.selectFirst("html").attr("lang"));
            assertEquals(POSTS[i][0].equals("ar") ? "rtl" : "ltr", page.selectFirst("html").attr("dir"));
            assertEquals(2, page.select("h2").size(), "both questions are headings: " + page.select("h2"));
            String nfd = "/api/posts/" + URLEncoder.encode(Normalizer.normalize(ids.get(i), Normalizer.Form.NFD), StandardCharsets.UTF_8);
            assertEquals(200, get(port, nfd).statusCode(), "the decomposed form names the same post");
        }

        // Feeds: every title whole for an independent parser, and each tag's feed under the slug the dashboard links to.
        String atom = get(port, "/feeds/all.atom").body();
        SyndFeed feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(atom.getBytes(StandardCharsets.UTF_8))));
        List<String> titles = feed.getEntries().stream().map(e -> e.getTitle()).toList();
        for (String[] p : POSTS) {
            assertTrue(titles.contains(Normalizer.normalize(p[1], Normalizer.Form.NFC)), titles.toString());
            String tag = Normalizer.normalize(p[2], Normalizer.Form.NFC);
            HttpResponse<String> tagFeed = get(port, "/feeds/tags/" + URLEncoder.encode(tag, StandardCharsets.UTF_8).replace("+", "%20") + ".atom");
            assertEquals(200, tagFeed.statusCode(), tag + ": " + tagFeed.body());
            assertTrue(tagFeed.body().contains(Normalizer.normalize(p[1], Normalizer.Form.NFC)));
            String decomposed = "/feeds/tags/" + URLEncoder.encode(Normalizer.normalize(p[2], Normalizer.Form.NFD), StandardCharsets.UTF_8) + ".atom";
            assertTrue(List.of(200, 301).contains(get(port, decomposed).statusCode()), "a decomposed name finds it too");
        }
        String qa = get(port, "/feeds/qa.rss").body();
        assertTrue(qa.contains("<description>"), "every question item has a description");

        // The newsletter webhook: one delivery per post, its Idempotency-Key ASCII, its text whole.
        await().atMost(Duration.ofSeconds(60)).until(() -> letters.size() >= POSTS.length);
        for (Letter l : letters) {
            assertTrue(l.idempotencyKey() != null && l.idempotencyKey().chars().allMatch(c -> c > 0x20 && c < 0x7f), l.idempotencyKey());
        }
        for (String[] p : POSTS) {
            String title = Normalizer.normalize(p[1], Normalizer.Form.NFC);
            JsonNode letter = letters.stream().map(l -> read(l.body())).filter(j -> j.get("subject").asText().equals(title))
                    .findFirst().orElseThrow(() -> new AssertionError("no newsletter for " + title));
            Document html = Jsoup.parse(letter.get("html").asText());
            assertEquals(p[0], html.selectFirst("html").attr("lang"), "a newsletter says its language");
            assertEquals(p[0].equals("ar") ? "rtl" : "ltr", html.selectFirst("html").attr("dir"));
            assertTrue(html.selectFirst("[role=main]").text().contains(title));
        }

        // Snippets: never over a network's limit as it counts, the link whole (Bluesky: in a facet).
        List<SocialSnippet> snippets = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            snippets.clear();
            TopicReplay.replayEvents(herald.bootstrapServers(), Topics.SOCIAL, Duration.ofSeconds(10), (k, v) -> snippets.add(v));
            return snippets.stream().map(SocialSnippet::postId).distinct().count() == POSTS.length;
        });
        for (SocialSnippet s : snippets) {
            assertTrue(s.length() <= s.limit(), s.platform() + " " + s.length() + "/" + s.limit() + ": " + s.text());
            if (s.platform().equals("bluesky")) {
                assertEquals(1, s.facets().size(), s.text());
                byte[] utf8 = s.text().getBytes(StandardCharsets.UTF_8);
                assertTrue(s.facets().get(0).byteEnd() <= utf8.length);
                assertTrue(s.facets().get(0).uri().startsWith("http://localhost:" + port + "/posts/"), s.facets().get(0).uri());
            }
        }
        for (String id : ids) {
            assertTrue(snippets.stream().anyMatch(s -> s.postId().equals(id) && s.platform().equals("x")), "an X snippet for " + id);
        }

        // What the dashboard reads: the list with every title, each post's social preview with no held snippet.
        JsonNode list = read(get(port, "/api/posts?limit=10").body());
        List<String> listed = new ArrayList<>();
        list.get("posts").forEach(p -> listed.add(p.get("title").asText()));
        for (String[] p : POSTS) {
            assertTrue(listed.contains(Normalizer.normalize(p[1], Normalizer.Form.NFC)), listed.toString());
        }
        for (String id : ids) {
            JsonNode social = read(get(port, "/api/posts/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/social").body());
            social.get("snippets").forEach(s -> assertTrue(!s.get("state").asText().equals("held"), s.toString()));
        }
    }

    static JsonNode read(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError(json, e);
        }
    }
}
