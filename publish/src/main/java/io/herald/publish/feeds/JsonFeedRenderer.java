package io.herald.publish.feeds;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.events.EnrichedPost;
import io.herald.events.Json;
import java.time.format.DateTimeFormatter;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Renders a feed page as JSON Feed 1.1 (jsonfeed.org) with Jackson. Older entries are reached
 * through {@code next_url}, JSON Feed's own paging, which points at the RFC 5005 archive pages.
 */
public final class JsonFeedRenderer {

    private final FeedLinks links;

    public JsonFeedRenderer(FeedLinks links) {
        this.links = links;
    }

    public String render(FeedPage page) {
        ObjectNode feed = Json.mapper().createObjectNode();
        feed.put("version", "https://jsonfeed.org/version/1.1");
        feed.put("title", page.spec().title());
        feed.put("home_page_url", links.index());
        feed.put("feed_url", links.self(page, "json"));
        feed.put("description", links.site().describe(page.spec().title()));
        feed.put("language", links.site().language());
        links.site().icon().ifPresent(icon -> feed.put("icon", icon).put("favicon", icon));
        links.hub().ifPresent(h -> feed.putArray("hubs").addObject().put("type", "WebSub").put("url", h));
        if (page.prevArchive() > 0) {
            feed.put("next_url", links.archive(page, page.prevArchive(), "json"));
        }
        ArrayNode items = feed.putArray("items");
        for (FeedPage.Item item : page.items()) {
            EnrichedPost post = item.post();
            ObjectNode i = items.addObject();
            i.put("id", item.id());
            i.put("url", links.entryLink(item));
            i.put("title", item.title());
            i.put("content_html", item.pair() == null ? QaHtml.render(post) : QaHtml.answer(item.pair()));
            if (item.pair() == null && post.summary() != null) {
                i.put("summary", post.summary());
            }
            if (!post.images().isEmpty()) {
                i.put("image", post.images().get(0));
            }
            i.put("date_published", DateTimeFormatter.ISO_INSTANT.format(item.published()));
            i.put("date_modified", DateTimeFormatter.ISO_INSTANT.format(item.updated()));
            i.putArray("authors").addObject().put("name", links.site().authorOf(post.author()));
            if (post.language() != null && !post.language().equals("und")) {
                i.put("language", post.language());
            }
            ArrayNode tags = i.putArray("tags");
            post.tags().forEach(tags::add);
        }
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(feed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the JSON feed " + page.spec().key(), e);
        }
    }
}
