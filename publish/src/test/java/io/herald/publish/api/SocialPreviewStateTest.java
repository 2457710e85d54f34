package io.herald.publish.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.events.Schema;
import io.herald.events.SocialSnippet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The social preview says, per snippet and per network, what went out and what is still pending. */
class SocialPreviewStateTest {

    static SocialSnippet snippet(String platform, String text) {
        return new SocialSnippet(Schema.VERSION, "p:v1:social:" + platform, "p", 1, platform, text, text.length(), 280);
    }

    @Test
    void two_of_four_sent_is_not_sent_and_each_network_says_which() {
        List<SocialSnippet> planned = List.of(snippet("x", "planned x"), snippet("mastodon", "planned m"),
                snippet("bluesky", "planned b"), snippet("linkedin", "planned l"));
        List<SocialSnippet> sent = List.of(snippet("x", "as sent x"), snippet("mastodon", "as sent m"));
        Map<String, Object> state = SocialState.withoutWebhook().of("p", sent, planned, false);
        assertFalse((Boolean) state.get("sent"), "only some went out");
        assertEquals(Map.of("x", "sent", "mastodon", "sent", "bluesky", "pending", "linkedin", "pending"), state.get("platforms"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> snippets = (List<Map<String, Object>>) state.get("snippets");
        assertEquals(4, snippets.size());
        assertEquals("as sent x", snippets.get(0).get("text"), "a sent snippet shows as it went out");
        assertEquals("pending", snippets.get(2).get("state"));
        assertTrue((Boolean) SocialState.withoutWebhook().of("p", planned, planned, false).get("sent"), "all sent");
    }

    @Test
    void a_new_feeds_backlog_shows_every_snippet_and_network_as_skipped() {
        List<SocialSnippet> planned = List.of(snippet("x", "planned x"), snippet("mastodon", "planned m"));
        Map<String, Object> state = SocialState.withoutWebhook().of("p", List.of(), planned, true);
        assertEquals(Map.of("x", "skipped", "mastodon", "skipped"), state.get("platforms"));
        assertFalse((Boolean) state.get("sent"));
        assertTrue(String.valueOf(state.get("reason")).contains("backlog"), String.valueOf(state.get("reason")));
    }
}
