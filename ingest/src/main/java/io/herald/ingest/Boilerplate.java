package io.herald.ingest;

import java.util.regex.Pattern;

/** Text that is not the post: site chrome copied along with it, and the closing words after the last answer. */
final class Boilerplate {

    private Boilerplate() {
    }

    /** Navigation and sharing lines that come along when a post is copied out of a web page. */
    static final Pattern CHROME = Pattern.compile(
            "(?i)^\\s*(?:back to (?:blog|top|overview|news|all posts|the blog)|share(?: this(?: post| article| page)?)?(?: on \\w+)?"
                    + "|read more|previous post|next post|previous|next|print|tweet|related posts?|related articles?"
                    + "|terug naar (?:blog|overzicht)|delen|lees meer)\\s*[:»›>←→]?\\s*$");

    /** A closing paragraph speaks to the reader about the post itself, not about the question. */
    static final Pattern OUTRO_START = Pattern.compile(
            "(?i)^(?:feel free to|ask us\\b|any (?:other|more|further) questions|if you (?:missed|want|would like|have|are interested)|thank(?:s| you)\\b|want to (?:know|learn|watch|see)|"
                    + "missed the|watch the|subscribe|stay tuned|for more (?:information|questions|details)|"
                    + "more questions\\?|questions\\?|interested in|contact us|get in touch|the full (?:video|recording)|"
                    + "you can (?:find|watch) the (?:full |complete )?(?:video|recording))");

    static boolean isChrome(String line) {
        return CHROME.matcher(line).matches();
    }

    static boolean startsOutro(String paragraph) {
        return OUTRO_START.matcher(paragraph.strip()).find();
    }
}
