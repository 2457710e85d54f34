package io.herald.publish.feeds;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.impl.Atom10Generator;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

/**
 * ROME's Atom 1.0 generator with the dates at the precision Herald holds them: ROME writes
 * {@code updated} and {@code published} to whole seconds, so two posts received within one second
 * shared an {@code atom:updated} (the W3C validator's DuplicateUpdated) and a reader could not order
 * them. RFC 3339 allows fractions; the value is the API's ({@code 2026-12-01T10:00:00.250Z}).
 */
final class AtomDates extends Atom10Generator {

    private static final AtomDates GENERATOR = new AtomDates();

    /** The document as {@code WireFeedOutput.outputString(feed, true)} writes it, dates precise. */
    static String output(Feed feed) throws FeedException {
        Document doc = GENERATOR.generate(feed);
        Format format = Format.getPrettyFormat();
        format.setEncoding(feed.getEncoding() == null ? "UTF-8" : feed.getEncoding());
        return new XMLOutputter(format).outputString(doc);
    }

    @Override
    protected void populateFeedHeader(Feed feed, Element eFeed) throws FeedException {
        super.populateFeedHeader(feed, eFeed);
        precise(eFeed, "updated", feed.getUpdated());
    }

    @Override
    protected void populateEntry(Entry entry, Element eEntry) throws FeedException {
        super.populateEntry(entry, eEntry);
        precise(eEntry, "updated", entry.getUpdated());
        precise(eEntry, "published", entry.getPublished());
    }

    private void precise(Element parent, String name, Date date) {
        Element e = date == null ? null : parent.getChild(name, getFeedNamespace());
        if (e != null) {
            e.setText(DateTimeFormatter.ISO_INSTANT.format(date.toInstant()));
        }
    }
}
