package io.herald.publish.feeds;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import io.herald.events.EnrichedPost;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jdom2.Element;
import org.jdom2.Namespace;
import com.rometools.rome.feed.atom.Generator;

/** Renders a feed page as Atom 1.0 (RFC 4287) with ROME, with RFC 5005 archive links and WebSub. */
public final class AtomRenderer {

    static final Namespace HISTORY = Namespace.getNamespace("fh", "http://purl.org/syndication/history/1.0");

    private final FeedLinks links;

    public AtomRenderer(FeedLinks links) {
        this.links = links;
    }

    private final EntryCache entries = new EntryCache(4_000_000);
    /** Documents rendered whole because an entry was rendered under other namespace declarations (expected: none). */
    volatile long fallbacks;

    /** The Atom document of a page: its header rendered now, its entries as rendered once (see {@link EntryCache}). */
    public String render(FeedPage page) {
        if (page.items().isEmpty()) {
            return renderWhole(page);
        }
        // The header with one placeholder entry: where the entries go is where ROME put that one.
        Feed withPlaceholder = header(page);
        withPlaceholder.setEntries(List.of(placeholder()));
        String assembled = entries.assemble(output(withPlaceholder, page), "feed", "entry", page.items(), item -> {
            Feed alone = new Feed("atom_1.0");
            alone.setEncoding("UTF-8");
            alone.setEntries(List.of(entry(item)));
            return output(alone, page);
        });
        if (assembled == null) {
            fallbacks++;
            return renderWhole(page);
        }
        return assembled;
    }

    private static Entry placeholder() {
        Entry entry = new Entry();
        entry.setId("urn:herald:placeholder");
        return entry;
    }

    /** The whole document rendered by ROME in one go: what {@link #render} must equal. */
    String renderWhole(FeedPage page) {
        Feed feed = header(page);
        List<Entry> all = new ArrayList<>();
        for (FeedPage.Item item : page.items()) {
            all.add(entry(item));
        }
        feed.setEntries(all);
        return output(feed, page);
    }

    private static String output(Feed feed, FeedPage page) {
        try {
            return AtomDates.output(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("cannot render the Atom feed " + page.spec().key() + ": " + e.getMessage(), e);
        }
    }

    private Feed header(FeedPage page) {
        Feed feed = new Feed("atom_1.0");
        feed.setEncoding("UTF-8");
        feed.setId(page.spec().id());
        feed.setTitle(XmlText.safe(page.spec().title()));
        if (!links.site().description().isBlank()) {
            Content subtitle = new Content();
            subtitle.setType("text");
            subtitle.setValue(XmlText.safe(links.site().description()));
            feed.setSubtitle(subtitle);
        }
        links.site().icon().ifPresent(icon -> {
            feed.setIcon(icon);
            feed.setLogo(icon);
        });
        Generator generator = new Generator();
        generator.setValue("Herald");
        feed.setGenerator(generator);
        feed.setLanguage(links.site().language());
        List<Link> other = new ArrayList<>();
        other.add(link("self", links.self(page, "atom"), "application/atom+xml"));
        links.hub().ifPresent(h -> other.add(link("hub", h, null)));
        if (page.prevArchive() > 0) {
            other.add(link("prev-archive", links.archive(page, page.prevArchive(), "atom"), "application/atom+xml"));
        }
        if (page.nextArchive() > 0) {
            other.add(link("next-archive", links.archive(page, page.nextArchive(), "atom"), "application/atom+xml"));
        }
        if (page.archivePage() > 0) {
            other.add(link("current", links.current(page, "atom"), "application/atom+xml"));
            feed.setForeignMarkup(List.of(new Element("archive", HISTORY)));
        }
        feed.setOtherLinks(other);
        feed.setAlternateLinks(List.of(link("alternate", links.index(), "text/html")));
        // Derived from the entries, never from the clock: the same posts give the same bytes.
        feed.setUpdated(Date.from(page.updated()));
        return feed;
    }

    private Entry entry(FeedPage.Item item) {
        EnrichedPost post = item.post();
        Entry entry = new Entry();
        entry.setId(item.id());
        entry.setTitle(XmlText.safe(item.title()));
        List<Link> alternate = new ArrayList<>(List.of(link("alternate", links.entryLink(item), "text/html")));
        entry.setAlternateLinks(alternate);
        if (!post.images().isEmpty()) {
            String image = post.images().get(0);
            entry.setOtherLinks(List.of(link("enclosure", image, FeedIds.imageType(image))));
        }
        entry.setPublished(Date.from(item.published()));
        entry.setUpdated(Date.from(item.updated()));
        Person author = new Person();
        author.setName(XmlText.safe(links.site().authorOf(post.author())));
        entry.setAuthors(List.<SyndPerson>of(author));
        Content content = new Content();
        content.setType("html");
        content.setValue(XmlText.safe(item.pair() == null ? QaHtml.render(post) : QaHtml.answer(item.pair())));
        entry.setContents(List.of(content));
        String summary = item.pair() == null ? post.summary() : null;
        if (summary != null) {
            Content s = new Content();
            s.setType("text");
            s.setValue(XmlText.safe(summary));
            entry.setSummary(s);
        }
        List<Category> categories = new ArrayList<>();
        for (String tag : post.tags()) {
            Category c = new Category();
            c.setTerm(XmlText.safe(tag));
            categories.add(c);
        }
        entry.setCategories(categories);
        return entry;
    }

    private static Link link(String rel, String href, String type) {
        Link link = new Link();
        link.setRel(rel);
        link.setHref(href);
        if (type != null) {
            link.setType(type);
        }
        return link;
    }
}
