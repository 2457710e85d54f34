package io.herald.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.events.EnrichedPost;
import io.herald.events.EnrichedQa;
import io.herald.events.Json;
import io.herald.publish.feeds.AtomRenderer;
import io.herald.publish.feeds.FeedPage;
import io.herald.publish.feeds.FeedSpec;
import io.herald.publish.feeds.Feeds;
import io.herald.publish.feeds.RssRenderer;
import io.herald.publish.newsletter.NewsletterRenderer;
import io.herald.publish.pages.PostPage;
import io.herald.support.HttpDates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * What the ecosystem's validators flagged (issue 23, items 1 to 6): the W3C Feed Validation Service,
 * the Nu Html Checker, the structured-data validators and axe. Each test names the behaviour.
 */
class ValidatorFindingsTest {

    static final Site SITE = new Site("Garden Club", "Answers from the allotment", "en", Optional.empty(), Optional.empty(), "", "Garden Club");

    static EnrichedPost post(String id, String title, String language, Instant at, List<String> images, String... qa) {
        List<EnrichedQa> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < qa.length; i += 2) {
            pairs.add(new EnrichedQa("q" + (i / 2 + 1), qa[i], qa[i + 1], "<p>" + qa[i + 1] + "</p>"));
        }
        return EnrichedPost.builder().id(id).version(1).title(title).author("Mina Park").published(at).updated(at)
                .url(id.startsWith("http") ? id : null)
                .language(language).intro("Intro.").qa(pairs).images(images).tags(List.of("soil", "土壤"))
                .summary("Short answers.").readingTimeMinutes(2).wordCount(120).contentHash("h").receivedAt(at).build();
    }

    static PostStore store(EnrichedPost... posts) {
        PostStore store = new PostStore();
        for (EnrichedPost p : posts) {
            store.apply(p);
        }
        return store;
    }

    @Test
    void a_tag_feeds_atom_id_is_a_uuid_urn_the_same_on_every_archive_page_and_never_the_base_url() {
        FeedSpec tag = FeedSpec.tag("Garden Club", "土壤 care/compost");
        assertTrue(tag.id().matches("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), tag.id());
        assertEquals(tag.id(), FeedSpec.tag("Another title", "土壤 care/compost").id(), "the id is the tag's, not the site title's");
        assertFalse(tag.id().equals(FeedSpec.tag("Garden Club", "mulch").id()));
        assertEquals("urn:herald:feed:all", FeedSpec.all("x").id(), "the feeds already published keep their ids");
        Instant t = Instant.parse("2026-03-01T10:00:00Z");
        List<EnrichedPost> posts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            posts.add(post("p" + i, "Post " + i, "en", t.plusSeconds(i * 60L), List.of(), "Q?", "A."));
        }
        Feeds feeds = new Feeds(store(posts.toArray(EnrichedPost[]::new)), 2, "Garden Club");
        FeedSpec soil = FeedSpec.tag("Garden Club", "soil");
        AtomRenderer atom = new AtomRenderer(new io.herald.publish.feeds.FeedLinks("https://club.example", Optional.empty()));
        String current = atom.render(feeds.subscription(soil));
        String archive = atom.render(feeds.archive(soil, 1).orElseThrow());
        assertTrue(current.contains("<id>" + soil.id() + "</id>"), current);
        assertTrue(archive.contains("<id>" + soil.id() + "</id>"), archive);
    }

    @Test
    void atom_dates_keep_their_milliseconds_and_no_two_entries_of_the_questions_feed_share_updated() {
        Instant t = Instant.parse("2026-03-01T10:00:00.250Z");
        Feeds feeds = new Feeds(store(post("a", "A", "en", t, List.of(), "Q1?", "A1.", "Q2?", "A2.", "Q3?", "A3."),
                post("b", "B", "en", t.plusMillis(400), List.of(), "Q?", "A.")), 50, "Garden Club");
        AtomRenderer atom = new AtomRenderer(new io.herald.publish.feeds.FeedLinks("https://club.example", Optional.empty()));
        String all = atom.render(feeds.subscription(FeedSpec.all("Garden Club")));
        assertTrue(all.contains("<updated>2026-03-01T10:00:00.250Z</updated>"), all);
        assertTrue(all.contains("<updated>2026-03-01T10:00:00.650Z</updated>"), "two posts in one second differ: " + all);
        String qa = atom.render(feeds.subscription(FeedSpec.qa("Garden Club")));
        Matcher m = Pattern.compile("<entry>.*?<updated>([^<]+)</updated>", Pattern.DOTALL).matcher(qa);
        List<String> updated = new ArrayList<>();
        while (m.find()) {
            updated.add(m.group(1));
        }
        assertEquals(4, updated.size(), qa);
        assertEquals(4, new HashSet<>(updated).size(), "DuplicateUpdated: " + updated);
        FeedPage page = feeds.subscription(FeedSpec.qa("Garden Club"));
        List<String> questionsInOrder = page.items().stream().filter(i -> i.post().id().equals("a"))
                .sorted((x, y) -> y.updated().compareTo(x.updated())).map(i -> i.pair().question()).toList();
        assertEquals(List.of("Q1?", "Q2?", "Q3?"), questionsInOrder, "newest first keeps the post's order of questions");
    }

    @Test
    void every_rss_item_has_a_description_before_content_encoded_in_the_questions_feed_too() {
        String longAnswer = "Turn the heap every two weeks & keep it moist. ".repeat(20);
        Feeds feeds = new Feeds(store(post("a", "A", "en", Instant.parse("2026-03-01T10:00:00Z"), List.of(),
                "How often do I turn compost?", longAnswer, "<b>Bold</b> question?", "<script>x</script> stays text")), 50, "Garden Club");
        String rss = new RssRenderer(new io.herald.publish.feeds.FeedLinks("https://club.example", Optional.empty()))
                .render(feeds.subscription(FeedSpec.qa("Garden Club")));
        Document doc = Jsoup.parse(rss, "", org.jsoup.parser.Parser.xmlParser());
        for (Element item : doc.select("item")) {
            List<String> names = item.children().stream().map(Element::tagName).toList();
            assertTrue(names.contains("description"), names.toString());
            assertTrue(names.indexOf("description") < names.indexOf("content:encoded"), names.toString());
            String description = item.selectFirst("description").text();
            assertTrue(description.length() <= 300 * 2, description);
            assertFalse(description.contains("<script"), "read as HTML by readers, so escaped as text: " + description);
        }
        assertTrue(rss.contains("…"), "a long answer's description is its start: " + rss);
    }

    @Test
    void http_dates_are_imf_fixdate_with_a_two_digit_day_and_all_three_forms_are_read() {
        Instant t = Instant.parse("2026-12-01T09:05:03Z");
        assertEquals("Tue, 01 Dec 2026 09:05:03 GMT", HttpDates.format(t));
        assertEquals(Optional.of(t), HttpDates.parse("Tue, 01 Dec 2026 09:05:03 GMT"));
        assertEquals(Optional.of(t), HttpDates.parse("Tuesday, 01-Dec-26 09:05:03 GMT"));
        assertEquals(Optional.of(t), HttpDates.parse("Tue Dec  1 09:05:03 2026"));
        assertEquals(Optional.of(t), HttpDates.parse("Tue, 1 Dec 2026 09:05:03 GMT"), "what older Heralds sent is still read");
        assertTrue(HttpDates.parse("yesterday").isEmpty());
        assertTrue(HttpDates.parse("x".repeat(10_000)).isEmpty());
    }

    @Test
    void a_post_page_has_blogposting_json_ld_beside_the_faqpage_with_what_search_engines_require() throws Exception {
        EnrichedPost p = post("https://club.example/soil", "Soil questions", "en", Instant.parse("2026-03-01T10:00:00Z"),
                List.of("https://club.example/soil.jpg"), "Is clay bad?", "No, it holds water.");
        Document page = Jsoup.parse(PostPage.render(p, SITE, "https://herald.example"));
        List<JsonNode> blocks = new ArrayList<>();
        for (Element script : page.select("script[type=application/ld+json]")) {
            blocks.add(Json.mapper().readTree(script.data()));
        }
        JsonNode article = blocks.stream().filter(b -> b.path("@type").asText().equals("BlogPosting")).findFirst().orElseThrow();
        assertEquals("Soil questions", article.path("headline").asText());
        assertEquals("Mina Park", article.path("author").path("name").asText());
        assertEquals("Person", article.path("author").path("@type").asText());
        assertEquals("2026-03-01T10:00:00Z", article.path("datePublished").asText());
        assertTrue(article.has("dateModified"));
        assertEquals("https://club.example/soil.jpg", article.path("image").path(0).asText());
        assertEquals("Organization", article.path("publisher").path("@type").asText());
        assertEquals("Garden Club", article.path("publisher").path("name").asText());
        assertEquals("https://herald.example/site-image.png", article.path("publisher").path("logo").path("url").asText());
        assertEquals("https://club.example/soil", article.path("mainEntityOfPage").path("@id").asText());
        assertTrue(blocks.stream().anyMatch(b -> b.path("@type").asText().equals("FAQPage") && b.path("mainEntity").size() == 1));
        assertEquals("Soil questions", page.selectFirst("meta[property=og:image:alt]").attr("content"), "a post's image: its title");
        assertEquals("summary_large_image", page.selectFirst("meta[name=twitter:card]").attr("content"));
    }

    @Test
    void a_post_without_an_image_falls_back_to_the_site_image_with_its_alt_text_and_says_its_locale() {
        EnrichedPost p = post("zh-soil", "土壤问答", "zh", Instant.parse("2026-03-01T10:00:00Z"), List.of(), "黏土好吗？", "可以，它保水。");
        Document page = Jsoup.parse(PostPage.render(p, SITE, "https://herald.example/"));
        assertEquals("https://herald.example/site-image.png", page.selectFirst("meta[property=og:image]").attr("content"));
        assertEquals("https://herald.example/site-image.png", page.selectFirst("meta[name=twitter:image]").attr("content"));
        assertEquals("Garden Club", page.selectFirst("meta[property=og:image:alt]").attr("content"));
        assertEquals("Garden Club", page.selectFirst("meta[name=twitter:image:alt]").attr("content"));
        assertEquals("zh_CN", page.selectFirst("meta[property=og:locale]").attr("content"));
        Site own = new Site("Garden Club", "", "en", Optional.empty(), Optional.of("https://club.example/card.png"), "Two gardeners at a raised bed", "Garden Club");
        Document withSetting = Jsoup.parse(PostPage.render(p, own, "https://herald.example"));
        assertEquals("https://club.example/card.png", withSetting.selectFirst("meta[property=og:image]").attr("content"));
        assertEquals("Two gardeners at a raised bed", withSetting.selectFirst("meta[property=og:image:alt]").attr("content"));
        assertEquals("ar_AR", PostPage.ogLocale("ar"));
        assertEquals("en_GB", PostPage.ogLocale("en-GB"));
        assertEquals("pt_BR", PostPage.ogLocale("pt"));
    }

    @Test
    void a_post_without_pairs_has_no_faqpage_but_still_its_blogposting() {
        EnrichedPost p = post("plain", "Plain news", "en", Instant.parse("2026-03-01T10:00:00Z"), List.of());
        Document page = Jsoup.parse(PostPage.render(p, SITE, "https://herald.example"));
        assertEquals(1, page.select("script[type=application/ld+json]").size());
        assertTrue(page.selectFirst("script[type=application/ld+json]").data().contains("\"BlogPosting\""));
    }

    @Test
    void a_newsletter_says_its_language_and_direction_and_keeps_its_message_in_a_main_landmark() {
        NewsletterRenderer renderer = new NewsletterRenderer("https://herald.example", SITE);
        Document zh = Jsoup.parse(renderer.announce(post("zh", "土壤问答", "zh", Instant.parse("2026-03-01T10:00:00Z"), List.of(),
                "黏土好吗？", "可以。"), "announcement").html());
        assertEquals("zh", zh.selectFirst("html").attr("lang"));
        assertEquals("ltr", zh.selectFirst("html").attr("dir"));
        Element main = zh.selectFirst("[role=main]");
        assertTrue(main != null && main.text().contains("黏土好吗？"), zh.html());
        assertEquals("zh", main.attr("lang"), "kept where a mail client drops <html>");
        Document ar = Jsoup.parse(renderer.announce(post("ar", "أسئلة التربة", "ar", Instant.parse("2026-03-01T10:00:00Z"), List.of(),
                "هل الطين سيئ؟", "لا."), "announcement").html());
        assertEquals("rtl", ar.selectFirst("html").attr("dir"));
        assertEquals("rtl", ar.selectFirst("[role=main]").attr("dir"));
        Document digest = Jsoup.parse(renderer.digest(List.of(post("x", "X", "und", Instant.parse("2026-03-01T10:00:00Z"), List.of())),
                "2026-03-02T00:00:00Z", "This week").html());
        assertEquals("en", digest.selectFirst("html").attr("lang"), "a digest is in the site's language");
    }

    @Test
    void a_stored_newsletter_is_served_sandboxed_where_no_script_of_its_own_can_run_but_a_checker_can() {
        Set<String> directives = Set.of(Html.SANDBOX_CSP.split(";\\s*"));
        assertTrue(directives.contains("sandbox allow-scripts allow-popups"), Html.SANDBOX_CSP);
        assertFalse(Html.SANDBOX_CSP.contains("allow-same-origin"), "an opaque origin: no cookies or storage of Herald's");
        assertTrue(directives.contains("default-src 'none'"), "and no script may load or run inline");
        assertFalse(Html.SANDBOX_CSP.contains("script-src"), Html.SANDBOX_CSP);
    }
}
