package io.herald.publish;

import io.herald.events.EnrichedPost;
import io.herald.events.EnrichedQa;
import io.herald.events.Json;
import io.herald.events.NewsletterPayload;
import io.herald.publish.feeds.AtomRenderer;
import io.herald.publish.feeds.FeedIndexPage;
import io.herald.publish.feeds.FeedLinks;
import io.herald.publish.feeds.FeedPage;
import io.herald.publish.feeds.FeedSpec;
import io.herald.publish.feeds.Feeds;
import io.herald.publish.feeds.JsonFeedRenderer;
import io.herald.publish.feeds.RssRenderer;
import io.herald.publish.newsletter.NewsletterRenderer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Node;

/**
 * Whatever a post holds, every feed stays well-formed XML (or valid JSON), every renderer returns, and
 * nothing live comes out: no script or frame element, no event-handler attribute, no
 * {@code javascript:} URL, in any text or attribute of any feed, read as HTML the way a careless
 * reader would, nor in the newsletter's HTML.
 */
class RendererFuzzTest {

    static final List<String> HOSTILE = List.of(
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<a href=\"javascript:alert(1)\">x</a>",
            "<svg onload=alert(1)><circle/></svg>", "<iframe src=\"https://evil.example/\"></iframe>",
            "&lt;script&gt;alert(1)&lt;/script&gt;", "<scr<script>ipt>alert(1)</scr</script>ipt>",
            "<a href=\" jav&#x09;ascript:alert(1)\">t</a>", "<math><mi xlink:href=\"javascript:alert(1)\">m</mi></math>",
            "<p style=\"background:url(javascript:alert(1))\">s</p>", "<object data=\"javascript:alert(1)\"></object>",
            "<body onload=alert(1)>", "<form action=\"javascript:alert(1)\"><button>b</button></form>",
            "<![CDATA[<script>alert(1)</script>]]>", "]]><script>alert(1)</script>", "<!--<script>-->x",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">d</a>", "<details open ontoggle=alert(1)>");

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('\u0000', '\uFFFF').ofMaxLength(60),
                Arbitraries.of(HOSTILE),
                Arbitraries.of("]]>", "<![CDATA[", "&", "\uD83D\uDE80", "\uDC00", "مرحبا", "中国", "\u0000\u0001\u001F", "\"'",
                        "</content>"),
                Arbitraries.of(HOSTILE).list().ofMinSize(1).ofMaxSize(3).map(l -> String.join(" text ", l)));
    }

    @Provide
    Arbitrary<String> url() {
        return Arbitraries.of("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>",
                "https://blog.example/p?q=\"><script>alert(1)</script>", "vbscript:msgbox(1)", "https://blog.example/ok");
    }

    static EnrichedPost post(String a, String b, String c, String url) {
        return EnrichedPost.builder().id("id" + a.hashCode()).title(a).author(b).published(Instant.EPOCH).updated(Instant.EPOCH)
                .url(url).language("und").intro(c).qa(List.of(new EnrichedQa("q", b, c, "<p>" + a + "</p>" + c))).outro(a)
                .links(List.of(url)).images(List.of(url)).tags(List.of(c)).summary(b).readingTimeMinutes(1).wordCount(1)
                .contentHash("h").build();
    }

    @Property(tries = 300)
    void every_format_stays_valid_and_nothing_live_comes_out(@ForAll("text") String a, @ForAll("text") String b,
            @ForAll("text") String c, @ForAll("url") String url) throws Exception {
        PostStore store = new PostStore();
        store.apply(post(a, b, c, url));
        Feeds feeds = new Feeds(store, 50, "Herald");
        FeedLinks links = new FeedLinks("https://news.example", Optional.of("https://hub.example"));
        for (FeedSpec spec : List.of(FeedSpec.all("Herald"), FeedSpec.qa("Herald"))) {
            FeedPage page = feeds.subscription(spec);
            assertNothingLiveInXml(new AtomRenderer(links).render(page));
            assertNothingLiveInXml(new RssRenderer(links).render(page));
            assertNothingLiveInJson(new JsonFeedRenderer(links).render(page));
        }
        assertNothingLiveInPage("feed index", FeedIndexPage.render(feeds, links));
        NewsletterPayload letter = new NewsletterRenderer("https://news.example").announce(store.newest(0, 1).get(0), "announcement");
        assertNothingLiveInPage("newsletter", letter.html());
        assertNothingLive("newsletter subject", letter.subject());
    }

    @Test
    void the_checker_itself_sees_live_markup() {
        // Each of these must be caught, or the property above proves nothing.
        for (String live : List.of("<script>x</script>", "<img src=x onerror=y>", "<a href=\" jav&#x09;ascript:x\">t</a>",
                "<iframe></iframe>", "<svg></svg>", "<a href=\"data:text/html,x\">d</a>")) {
            try {
                assertNothingLive("probe", live);
            } catch (AssertionError expected) {
                continue;
            }
            throw new AssertionError("the checker missed " + live);
        }
        assertNothingLive("probe", "<p>fine <a href=\"https://a.example\" rel=\"nofollow\">link</a> &lt;script&gt;</p>");
    }

    /** Every text node and attribute value of the XML document, read as HTML. */
    static void assertNothingLiveInXml(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Node doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        List<String> values = new ArrayList<>();
        collect(doc, values);
        for (String v : values) {
            assertNothingLive("feed value", v);
        }
    }

    static void collect(Node node, List<String> out) {
        if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
            out.add(node.getNodeValue());
        }
        if (node.getAttributes() != null) {
            for (int i = 0; i < node.getAttributes().getLength(); i++) {
                out.add(node.getAttributes().item(i).getNodeValue());
            }
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            collect(child, out);
        }
    }

    static void assertNothingLiveInJson(String json) throws Exception {
        List<String> values = new ArrayList<>();
        Json.mapper().readTree(json).forEach(n -> strings(n, values));
        for (String v : values) {
            assertNothingLive("JSON Feed value", v);
        }
    }

    static void strings(com.fasterxml.jackson.databind.JsonNode n, List<String> out) {
        if (n.isTextual()) {
            out.add(n.asText());
        }
        n.forEach(child -> strings(child, out));
    }

    static final List<String> LIVE_IN_PAGES = List.of("script", "iframe", "frame", "frameset", "object", "embed", "applet",
            "svg", "math", "base", "form");

    /** A value that should hold text or formatting only: a head element in it is live markup too. */
    static void assertNothingLive(String where, String html) {
        check(where, html, List.of("style", "link", "meta"));
    }

    /** A whole page Herald wrote, with a head of its own. */
    static void assertNothingLiveInPage(String where, String html) {
        check(where, html, List.of());
    }

    static void check(String where, String html, List<String> alsoLive) {
        if (html == null) {
            return;
        }
        for (Element e : Jsoup.parse(html).getAllElements()) {
            String tag = e.normalName();
            if (LIVE_IN_PAGES.contains(tag) || alsoLive.contains(tag)) {
                throw new AssertionError(where + " has a live <" + tag + ">: " + html);
            }
            for (Attribute attr : e.attributes()) {
                String name = attr.getKey().toLowerCase(Locale.ROOT);
                String value = attr.getValue().replaceAll("[\\s\\u0000-\\u001F]", "").toLowerCase(Locale.ROOT);
                if (name.startsWith("on")) {
                    throw new AssertionError(where + " has an event handler " + name + ": " + html);
                }
                if (value.startsWith("javascript:") || value.startsWith("vbscript:") || value.startsWith("data:text/html")
                        || name.equals("style") && value.contains("javascript:")) {
                    throw new AssertionError(where + " has a live URL in " + name + ": " + html);
                }
            }
        }
    }
}
