package io.herald.ingest;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.xml.sax.InputSource;
import io.herald.support.Hashes;

/**
 * Reads an upstream RSS or Atom feed (ROME) into posts, one per entry: the entry's link is its
 * canonical URL and so its id, its content (or description) is read like any HTML post. Doctypes
 * are refused, so a hostile feed cannot pull in files or expand entities.
 */
public final class FeedReader {

    /** One entry as a post, the HTML it came with, and a hash of what matters in it. */
    /** @param aliases the entry's guid (or Atom id) where it is not its link: a CMS's own id of the post (Ghost, WordPress) */
    public record Entry(ParsedPost post, String html, String contentHash, List<String> aliases) {

        public Entry(ParsedPost post, String html, String contentHash) {
            this(post, html, contentHash, List.of());
        }
    }

    public List<Entry> read(byte[] xml, String feedUrl) {
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            input.setXmlHealerOn(true);
            InputSource source = new InputSource(new ByteArrayInputStream(xml));
            source.setSystemId(feedUrl);
            feed = input.build(source);
        } catch (FeedException | IllegalArgumentException e) {
            throw RejectedPost.badRequest("The feed " + feedUrl + " is not a readable RSS or Atom feed: "
                    + firstLine(e.getMessage()));
        }
        List<Entry> entries = new ArrayList<>();
        for (SyndEntry e : feed.getEntries()) {
            entries.add(entry(e, feedUrl));
        }
        return entries;
    }

    private static Entry entry(SyndEntry e, String feedUrl) {
        String link = absolute(feedUrl, e.getLink());
        String html = e.getContents().stream().map(SyndContent::getValue).filter(v -> v != null && !v.isBlank())
                .findFirst().orElse(e.getDescription() == null ? "" : e.getDescription().getValue());
        if (html == null) {
            html = "";
        }
        List<String> tags = e.getCategories().stream().map(SyndCategory::getName)
                .filter(n -> n != null && !n.isBlank()).toList();
        String image = e.getEnclosures().stream()
                .filter(en -> en.getType() != null && en.getType().startsWith("image/"))
                .map(SyndEnclosure::getUrl).findFirst().orElse(null);
        String author = e.getAuthor() == null || e.getAuthor().isBlank() ? null : e.getAuthor();
        var date = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
        PostMeta meta = new PostMeta(link == null ? e.getUri() : null, e.getTitle(), author,
                date == null ? null : date.toInstant(), link, tags, absolute(feedUrl, image));
        ParsedPost post = new HtmlPostParser().parse("<article>" + html + "</article>", link, meta);
        String hash = Hashes.sha256(String.join("\u0000", String.valueOf(meta.id()), String.valueOf(meta.title()),
                String.valueOf(author), String.valueOf(meta.published()), String.valueOf(link), String.join(",", tags),
                String.valueOf(meta.image()), html));
        String guid = e.getUri() == null || e.getUri().isBlank() ? null : e.getUri().strip();
        return new Entry(post, html, hash, guid == null || guid.equals(link) ? List.of() : List.of(guid));
    }

    private static String absolute(String base, String href) {
        if (href == null || href.isBlank()) {
            return null;
        }
        try {
            return URI.create(base).resolve(href.strip()).toString();
        } catch (IllegalArgumentException e) {
            return href.strip();
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

}
