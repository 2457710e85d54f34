package io.herald.publish;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import io.herald.events.EnrichedPost;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** Renders posts as an Atom 1.0 feed (RFC 4287) with ROME. */
public final class AtomRenderer {

    private final String baseUrl;

    public AtomRenderer(String baseUrl) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    /**
     * @param feedId   stable id of the feed, e.g. {@code all}
     * @param selfPath the feed's own path, e.g. {@code /feeds/all.atom}
     */
    public String render(String feedId, String title, String selfPath, List<EnrichedPost> posts) {
        Feed feed = new Feed("atom_1.0");
        feed.setEncoding("UTF-8");
        feed.setId("urn:herald:feed:" + feedId);
        feed.setTitle(title);
        feed.setOtherLinks(List.of(link("self", baseUrl + selfPath, "application/atom+xml")));
        feed.setAlternateLinks(List.of(link("alternate", baseUrl + "/feeds/", "text/html")));
        // A feed with no entries still needs an updated date; the epoch keeps an empty feed byte-stable.
        Instant updated = posts.stream().map(EnrichedPost::updated).max(Instant::compareTo).orElse(Instant.EPOCH);
        feed.setUpdated(Date.from(updated));
        feed.setGenerator(null);
        List<Entry> entries = new ArrayList<>();
        for (EnrichedPost post : posts) {
            entries.add(entry(post));
        }
        feed.setEntries(entries);
        try {
            return new WireFeedOutput().outputString(feed, true);
        } catch (FeedException e) {
            throw new IllegalStateException("cannot render the Atom feed " + feedId + ": " + e.getMessage(), e);
        }
    }

    private Entry entry(EnrichedPost post) {
        Entry entry = new Entry();
        entry.setId(FeedIds.entryId(post.id()));
        entry.setTitle(post.title());
        entry.setAlternateLinks(List.of(link("alternate", FeedIds.link(baseUrl, post.id(), post.url()), "text/html")));
        entry.setPublished(Date.from(post.published()));
        entry.setUpdated(Date.from(post.updated()));
        Person author = new Person();
        author.setName(post.author() == null || post.author().isBlank() ? "Herald" : post.author());
        entry.setAuthors(List.<SyndPerson>of(author));
        Content content = new Content();
        content.setType("html");
        content.setValue(QaHtml.render(post));
        entry.setContents(List.of(content));
        if (post.summary() != null) {
            Content summary = new Content();
            summary.setType("text");
            summary.setValue(post.summary());
            entry.setSummary(summary);
        }
        List<Category> categories = new ArrayList<>();
        for (String tag : post.tags()) {
            Category c = new Category();
            c.setTerm(tag);
            categories.add(c);
        }
        entry.setCategories(categories);
        return entry;
    }

    private static Link link(String rel, String href, String type) {
        Link link = new Link();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        return link;
    }
}
