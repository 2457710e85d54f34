package io.herald.publish.social;

import com.ibm.icu.text.BreakIterator;
import com.twitter.twittertext.TwitterTextParser;
import java.util.Locale;

/**
 * A social network, with its limit and its own way of counting a post's length:
 * <ul>
 *   <li>X: 280, weighted as twitter-text counts (most CJK and emoji weigh 2); every link 23, as t.co
 *       wraps every link whatever its length (a percent-encoded Japanese address too);</li>
 *   <li>Mastodon: 500 code points, every link counted as 23;</li>
 *   <li>Bluesky: 300 graphemes (user-perceived characters: an emoji with modifiers is one) of the text
 *       as shown: a link is shown in short ({@link #shown}) and carried whole in a facet;</li>
 *   <li>LinkedIn: 3000 characters.</li>
 * </ul>
 * A link is a word starting {@code http://} or {@code https://}.
 */
public enum Platform {
    X(280) {
        @Override
        public int length(String text) {
            // Each link as a 23-character one twitter-text recognises, so it weighs 23 whatever it is.
            return TwitterTextParser.parseTweet(withLinksAs(text, "https://t.co/0123456789")).weightedLength;
        }
    },
    MASTODON(500) {
        @Override
        public int length(String text) {
            String counted = withLinksAs(text, "https://x.example/1234567");
            return counted.codePointCount(0, counted.length());
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

    /** The text with every link replaced by a stand-in of 23 characters. */
    static String withLinksAs(String text, String standIn) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int end = i;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            String word = text.substring(i, end);
            out.append(isLink(word) ? standIn : word);
            while (end < text.length() && Character.isWhitespace(text.charAt(end))) {
                out.append(text.charAt(end++));
            }
            i = end;
        }
        return out.toString();
    }

    private static boolean isLink(String word) {
        return word.regionMatches(true, 0, "http://", 0, 7) && word.length() > 7
                || word.regionMatches(true, 0, "https://", 0, 8) && word.length() > 8;
    }

    /** The most of a link Bluesky shows: host and path, decoded, at most this many characters. */
    static final int SHOWN_LINK = 32;

    /**
     * A link as Bluesky's app shows one: no scheme, query or fragment, its path decoded (a Japanese path
     * reads as Japanese), cut with an ellipsis past {@link #SHOWN_LINK} characters.
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
        s = s.substring(0, end).replaceAll("/+$", "");
        try {
            s = java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // not percent-encoding after all: shown as it is
        }
        s = s.replaceAll("\\s", "");
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
