package io.herald.publish;

import io.herald.events.EnrichedPost;
import io.herald.events.EnrichedQa;
import io.herald.events.Json;
import io.herald.events.Schema;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever text a post holds, every feed stays well-formed XML (or valid JSON) and every renderer returns. */
class RendererFuzzTest {

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('\u0000', '\uFFFF').ofMaxLength(60),
                Arbitraries.of("]]>", "<![CDATA[", "&", "<script>alert(1)</script>", "\uD83D\uDE80", "\uDC00", "مرحبا", "中国",
                        "\u0000\u0001\u001F", "\"'", "</content>"));
    }

    @Property(tries = 200)
    void every_format_stays_valid(@ForAll("text") String a, @ForAll("text") String b, @ForAll("text") String c) throws Exception {
        EnrichedPost post = new EnrichedPost(Schema.VERSION, "id" + a.hashCode(), 1, a, b, Instant.EPOCH, Instant.EPOCH,
                null, "und", c, List.of(new EnrichedQa("q", b, c, "<p>" + a + "</p>")), a, List.of(), List.of(), List.of(c), b,
                1, 1, List.of(), "h", List.of(), false, null);
        PostStore store = new PostStore();
        store.apply(post);
        Feeds feeds = new Feeds(store, 50, "Herald");
        FeedLinks links = new FeedLinks("https://news.example", Optional.of("https://hub.example"));
        for (FeedSpec spec : List.of(FeedSpec.all("Herald"), FeedSpec.qa("Herald"))) {
            FeedPage page = feeds.subscription(spec);
            parse(new AtomRenderer(links).render(page));
            parse(new RssRenderer(links).render(page));
            Json.mapper().readTree(new JsonFeedRenderer(links).render(page));
        }
    }

    static void parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
