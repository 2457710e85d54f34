package io.herald.publish;

import io.herald.support.Settings;
import java.util.Optional;

/**
 * The site Herald publishes: its name, a line about it, its language, its icon and the author of posts
 * that name none. Every feed, page, the feed index and the newsletters say the same.
 */
public record Site(String title, String description, String language, Optional<String> icon, String defaultAuthor) {

    public static final Site DEFAULT = new Site("Herald", "", "en", Optional.empty(), "Herald");

    public static Site of(Settings settings) {
        return new Site(settings.siteTitle(), settings.siteDescription(), settings.siteLanguage(), settings.siteIcon(),
                settings.defaultAuthor().orElse(settings.siteTitle()));
    }

    /** A post's author, or the site's default one. */
    public String authorOf(String author) {
        return author == null || author.isBlank() ? defaultAuthor : author;
    }

    /** What feeds say about themselves: the description, else their title. */
    public String describe(String feedTitle) {
        return description.isBlank() ? feedTitle : description;
    }
}
