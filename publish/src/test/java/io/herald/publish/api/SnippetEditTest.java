package io.herald.publish.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.events.EnrichedPost;
import io.herald.events.EnrichedQa;
import io.herald.events.SocialSnippet;
import io.herald.publish.Outbox;
import io.herald.publish.social.Platform;
import io.herald.publish.social.SocialPlan;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A marketer's own snippet text: kept to the network's limit and the post's link, never once it went out. */
class SnippetEditTest {

    static final Instant T = Instant.parse("2026-06-01T09:00:00Z");
    static final EnrichedPost POST = EnrichedPost.builder().id("p").version(1).title("Opening hours").published(T).updated(T)
            .language("en").summary("When the shop is open.").qa(List.of(new EnrichedQa("q", "When?", "Nine to five.", null))).build();

    final SocialPlan plan = new SocialPlan("https://shop.example", List.of(Platform.X, Platform.BLUESKY), false);
    final Outbox outbox = new Outbox();

    SnippetEdit.Edit read(String json) throws TagDecision.Refused {
        return SnippetEdit.read(POST, json.getBytes(StandardCharsets.UTF_8), plan, outbox);
    }

    String link(String platform) {
        return plan.snippets(POST).stream().filter(s -> s.platform().equals(platform)).findFirst().orElseThrow().link();
    }

    @Test
    void a_text_that_fits_and_shows_the_link_is_used_for_that_network_only_with_its_facet_found_again() throws Exception {
        String mine = "Open nine to five, every day. " + Platform.BLUESKY.shown(link("bluesky"));
        assertEquals(mine, read("{\"platform\":\"bluesky\",\"text\":\"" + mine + "\"}").text());
        plan.edits(id -> Map.of("bluesky", mine));
        SocialSnippet b = plan.snippets(POST).stream().filter(s -> s.platform().equals("bluesky")).findFirst().orElseThrow();
        assertEquals(mine, b.text());
        assertEquals(1, b.facets().size(), "the short link carries the whole one");
        assertEquals(link("bluesky"), b.facets().get(0).uri());
        assertTrue(!plan.snippets(POST).get(0).text().startsWith("Open nine"), "X keeps Herald's text");
        assertNull(read("{\"platform\":\"x\",\"text\":null}").text(), "null: Herald's own again");
    }

    @Test
    void a_text_over_the_limit_without_the_link_for_another_network_or_already_sent_is_refused_with_why() {
        var tooLong = assertThrows(TagDecision.Refused.class, () -> read("{\"platform\":\"x\",\"text\":\"" + "a".repeat(300) + " " + link("x") + "\"}"));
        assertEquals(422, tooLong.status());
        assertTrue(tooLong.getMessage().contains("over its limit of 280"), tooLong.getMessage());
        assertEquals(422, assertThrows(TagDecision.Refused.class, () -> read("{\"platform\":\"x\",\"text\":\"No link here\"}")).status());
        assertEquals(422, assertThrows(TagDecision.Refused.class, () -> read("{\"platform\":\"linkedin\",\"text\":\"x\"}")).status());
        assertEquals(400, assertThrows(TagDecision.Refused.class, () -> read("{\"platform\":")).status());
        outbox.record(plan.snippets(POST).get(0));
        assertEquals(409, assertThrows(TagDecision.Refused.class, () -> read("{\"platform\":\"x\",\"text\":\"Hi " + link("x") + "\"}")).status());
    }
}
