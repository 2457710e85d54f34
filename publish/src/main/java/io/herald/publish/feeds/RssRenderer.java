package io.herald.publish.feeds;

import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Category;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Content;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Enclosure;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import io.herald.events.EnrichedPost;
import io.herald.publish.Html;
import io.herald.support.Excerpt;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jdom2.Element;
import org.jdom2.Namespace;
import com.rometools.rome.feed.rss.Image;

/**
 * Renders a feed page as RSS 2.0 with ROME: full content in {@code content:encoded}, the summary as
 * {@code description}, the author as {@code dc:creator}, the lead image as an enclosure, a
 * {@code guid} that is not a permalink, and {@code atom:link}s for self, hub and archives.
 */
public final class RssRenderer {

    static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");

    private final FeedLinks links;

    public RssRenderer(FeedLinks links) {
        this.links = links;
    }

    private final EntryCache entries = new EntryCache(4_000_000);
    /** Documents rendered whole because an entry was rendered under other namespace declarations (expected: none). */
    volatile long fallbacks;

    /** The RSS document of a page: its channel rendered now, its items as rendered once (see {@link EntryCache}). */
    public String render(FeedPage page) {
        if (page.items().isEmpty()) {
            return renderWhole(page);
        }
        // The channel with one placeholder item: where the items go is where ROME put that one.
        Channel withPlaceholder = header(page);
        // With content and an author, as every item has: ROME declares the namespaces those use on the root.
        Item placeholder = new Item();
        placeholder.setTitle("placeholder");
        DCModuleImpl creator = new DCModuleImpl();
        creator.setCreator("placeholder");
        placeholder.setModules(new ArrayList<Module>(List.of(creator)));
        Content content = new Content();
        content.setType(Content.HTML);
        content.setValue("placeholder");
        placeholder.setContent(content);
        withPlaceholder.setItems(List.of(placeholder));
        String assembled = entries.assemble(output(withPlaceholder, page), "rss", "item", page.items(), entry -> {
            Channel alone = new Channel("rss_2.0");
            alone.setEncoding("UTF-8");
            alone.setTitle("-");
            alone.setLink("-");
            alone.setDescription("-");
            alone.setItems(List.of(item(entry)));
            return output(alone, page);
        });
        if (assembled == null) {
            fallbacks++;
            return renderWhole(page);
        }
        return assembled;
    }

    /** The whole document rendered by ROME in one go: what {@link #render} must equal. */
    String renderWhole(FeedPage page) {
        Channel channel = header(page);
        List<Item> items = new ArrayList<>();
        for (FeedPage.Item item : page.items()) {
            items.add(item(item));
        }
        channel.setItems(items);
        return output(channel, page);
    }

    private static String output(Channel channel, FeedPage page) {
        try {
            return new WireFeedOutput().outputString(channel, true);
        } catch (FeedException e) {
            throw new IllegalStateException("cannot render the RSS feed " + page.spec().key() + ": " + e.getMessage(), e);
        }
    }

    private Channel header(FeedPage page) {
        Channel channel = new Channel("rss_2.0");
        channel.setEncoding("UTF-8");
        channel.setTitle(XmlText.safe(page.spec().title()));
        channel.setLink(links.index());
        channel.setDescription(XmlText.safe(links.site().describe(page.spec().title())));
        channel.setLanguage(links.site().language());
        channel.setGenerator("Herald");
        links.site().icon().ifPresent(icon -> {
            Image image = new Image();
            image.setUrl(icon);
            image.setTitle(XmlText.safe(page.spec().title()));
            image.setLink(links.index());
            channel.setImage(image);
        });
        channel.setLastBuildDate(Date.from(page.updated()));
        channel.setPubDate(Date.from(page.updated()));
        List<Element> markup = new ArrayList<>();
        markup.add(atomLink("self", links.self(page, "rss"), "application/rss+xml"));
        links.hub().ifPresent(h -> markup.add(atomLink("hub", h, null)));
        if (page.prevArchive() > 0) {
            markup.add(atomLink("prev-archive", links.archive(page, page.prevArchive(), "rss"), "application/rss+xml"));
        }
        if (page.nextArchive() > 0) {
            markup.add(atomLink("next-archive", links.archive(page, page.nextArchive(), "rss"), "application/rss+xml"));
        }
        if (page.archivePage() > 0) {
            markup.add(atomLink("current", links.current(page, "rss"), "application/rss+xml"));
            markup.add(new Element("archive", AtomRenderer.HISTORY));
        }
        channel.setForeignMarkup(markup);
        return channel;
    }

    private Item item(FeedPage.Item entry) {
        EnrichedPost post = entry.post();
        Item item = new Item();
        item.setTitle(XmlText.safe(entry.title()));
        item.setLink(links.entryLink(entry));
        Guid guid = new Guid();
        guid.setPermaLink(false);
        guid.setValue(entry.id());
        item.setGuid(guid);
        item.setPubDate(Date.from(entry.published()));
        // Every item has a description, before content:encoded (RSS Best Practices): a pair's is
        // the start of its answer. Readers take a description as HTML, so the text is escaped as such.
        String summary = entry.pair() == null ? post.summary() : Excerpt.of(entry.pair().answer(), 300);
        if (summary == null || summary.isBlank()) {
            summary = entry.title();
        }
        Description description = new Description();
        description.setType("text/html");
        description.setValue(Html.escape(XmlText.safe(summary)));
        item.setDescription(description);
        Content content = new Content();
        content.setType(Content.HTML);
        content.setValue(XmlText.safe(entry.pair() == null ? QaHtml.render(post) : QaHtml.answer(entry.pair())));
        item.setContent(content);
        List<Category> categories = new ArrayList<>();
        for (String tag : post.tags()) {
            Category c = new Category();
            c.setValue(XmlText.safe(tag));
            categories.add(c);
        }
        item.setCategories(categories);
        if (!post.images().isEmpty()) {
            Enclosure enclosure = new Enclosure();
            enclosure.setUrl(post.images().get(0));
            enclosure.setType(FeedIds.imageType(post.images().get(0)));
            enclosure.setLength(0);
            item.setEnclosures(List.of(enclosure));
        }
        DCModuleImpl dc = new DCModuleImpl();
        dc.setCreator(XmlText.safe(links.site().authorOf(post.author())));
        item.setModules(new ArrayList<Module>(List.of(dc)));
        return item;
    }

    private static Element atomLink(String rel, String href, String type) {
        Element link = new Element("link", ATOM);
        link.setAttribute("rel", rel);
        link.setAttribute("href", href);
        if (type != null) {
            link.setAttribute("type", type);
        }
        return link;
    }
}
