package io.herald.publish.social;

import com.ibm.icu.text.BreakIterator;
import com.twitter.twittertext.TwitterTextParser;
import com.twitter.twittertext.Extractor;
import java.util.List;
import java.util.Locale;

/**
 * A social network, with its limit and its own way of counting a post's length:
 * <ul>
 *   <li>X: 280, weighted as twitter-text counts (most CJK and emoji weigh 2; every URL 23);</li>
 *   <li>Mastodon: 500 code points, every URL it recognises (as twitter-text does) counted as 23;</li>
 *   <li>Bluesky: 300 graphemes (user-perceived characters: an emoji with modifiers is one);</li>
 *   <li>LinkedIn: 3000 characters.</li>
 * </ul>
 */
public enum Platform {
    X(280) {
        @Override
        public int length(String text) {
            return TwitterTextParser.parseTweet(text).weightedLength;
        }
    },
    MASTODON(500) {
        @Override
        public int length(String text) {
            // Mastodon counts a link as 23 only where it recognises one, which it does as twitter-text
            // does (a scheme and a host with a known top-level domain): http://localhost:8080/... is
            // counted in full.
            int length = 0;
            int last = 0;
            for (Extractor.Entity url : urls(text)) {
                length += text.codePointCount(last, url.getStart()) + 23;
                last = url.getEnd();
            }
            return length + text.codePointCount(last, text.length());
        }
    },
    BLUESKY(300) {
        @Override
        public int length(String text) {
            return graphemes(text);
        }
    },
    LINKEDIN(3000) {
        @Override
        public int length(String text) {
            return text.length();
        }

        @Override
        public boolean hasThreads() {
            return false;
        }
    };

    private static List<Extractor.Entity> urls(String text) {
        Extractor extractor = new Extractor();
        extractor.setExtractURLWithoutProtocol(false);
        return extractor.extractURLsWithIndices(text);
    }

    private final int limit;

    Platform(int limit) {
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }

    /** Whether posts on this network can be chained into a thread. */
    public boolean hasThreads() {
        return true;
    }

    /** The text's length as the platform counts it. */
    public abstract int length(String text);

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Platform of(String id) {
        return valueOf(id.strip().toUpperCase(Locale.ROOT));
    }

    static int graphemes(String text) {
        BreakIterator it = BreakIterator.getCharacterInstance(Locale.ROOT);
        it.setText(text);
        int n = 0;
        while (it.next() != BreakIterator.DONE) {
            n++;
        }
        return n;
    }
}
