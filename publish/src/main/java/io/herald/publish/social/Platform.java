package io.herald.publish.social;

import com.ibm.icu.text.BreakIterator;
import com.twitter.twittertext.Extractor;
import com.twitter.twittertext.TwitterTextParser;
import java.util.Locale;
import io.herald.support.Settings;
import java.util.List;

/**
 * A social network, with its limit and its own way of counting a post's length:
 * <ul>
 *   <li>X: 280, weighted as twitter-text counts (most CJK and emoji weigh 2; every link it recognises 23,
 *       whatever its length: a percent-encoded Japanese address too);</li>
 *   <li>Mastodon: 500 code points, every link it recognises (as twitter-text does) counted as 23;</li>
 *   <li>Bluesky: 300 graphemes (user-perceived characters: an emoji with modifiers is one) of the text
 *       as shown: a link is shown in short ({@link #shown}) and carried whole in a facet;</li>
 *   <li>LinkedIn: 3000 characters.</li>
 * </ul>
 * X and Mastodon recognise a link by a scheme and a host with a known top-level domain: with the default
 * {@code base-url} of {@code http://localhost:8080} a link is counted in full there, which is why the
 * composer tries shorter forms of a link before it holds a snippet ({@link SnippetComposer}).
 */
public enum Platform {
    X(280) {
        @Override
        public int length(String text) {
            return Measures.X.applyAsInt(text);
        }
    },
    MASTODON(500) {
        @Override
        public int length(String text) {
            return Measures.MASTODON.applyAsInt(text);
        }
    },
    BLUESKY(300) {
        @Override
        public int length(String text) {
            return graphemes(text);
        }

        @Override
        public String shown(String link) {
            return shortLink(link);
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

    /** The exact counts, text by text, and the same counts summed over words ({@link WordLengths}). */
    static final class Measures {
        static int x(String text) {
            return TwitterTextParser.parseTweet(text).weightedLength;
        }

        /**
         * Mastodon counts a link as 23 only where it recognises one, which it does as twitter-text does (a
         * scheme and a host with a known top-level domain): http://localhost:8080/... is counted in full.
         */
        static int mastodon(String text) {
            int length = 0;
            int last = 0;
            for (Extractor.Entity url : urls(text)) {
                length += text.codePointCount(last, url.getStart()) + 23;
                last = url.getEnd();
            }
            return length + text.codePointCount(last, text.length());
        }

        /** Summed over words where twitter-text's weights allow it (its v3 configuration does), else text by text. */
        static final java.util.function.ToIntFunction<String> X = WordLengths.twitterIsAdditive()
                ? WordLengths.twitter(Measures::x)::length : Measures::x;
        static final java.util.function.ToIntFunction<String> MASTODON = new WordLengths(Measures::mastodon, cp -> 1, false)::length;
    }

    private static List<Extractor.Entity> urls(String text) {
        Extractor extractor = new Extractor();
        extractor.setExtractURLWithoutProtocol(false);
        return extractor.extractURLsWithIndices(text);
    }

    /** The most of a link Bluesky shows: host and path, decoded, at most this many characters. */
    static final int SHOWN_LINK = 32;

    /**
     * A link as Bluesky's app shows one: no scheme, query or fragment, its path as an IRI (a Japanese path
     * reads as Japanese: {@link SnippetComposer#iri}), cut with an ellipsis past {@link #SHOWN_LINK} characters.
     */
    static String shortLink(String link) {
        String s = link.replaceFirst("(?i)^https?://", "");
        int end = s.length();
        for (char c : new char[] {'?', '#'}) {
            int at = s.indexOf(c);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        s = SnippetComposer.iri(s.substring(0, end).replaceAll("/+$", ""));
        if (s.codePointCount(0, s.length()) > SHOWN_LINK) {
            s = s.substring(0, s.offsetByCodePoints(0, SHOWN_LINK - 1)) + "…";
        }
        return s;
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

    /** How a link appears in the text: whole, except on Bluesky (its short form; the facet has the URL). */
    public String shown(String link) {
        return link;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The platform of a network named in the settings. */
    public static Platform of(Settings.Network network) {
        return valueOf(network.name());
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
