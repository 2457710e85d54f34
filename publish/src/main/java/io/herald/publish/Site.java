package io.herald.publish;

import io.herald.support.Settings;
import java.util.Optional;
import java.util.Locale;
import java.util.Set;

/**
 * The site Herald publishes: its name, a line about it, its language, its icon, the image link previews
 * show for posts without one, and the author of posts that name none. Every feed, page, the feed index
 * and the newsletters say the same.
 *
 * @param image    the site image's URL; empty: Herald's own card, {@link #OWN_IMAGE_PATH}
 * @param imageAlt what the site image shows; blank: the title
 */
public record Site(String title, String description, String language, Optional<String> icon, Optional<String> image,
                   String imageAlt, String defaultAuthor) {

    /** Where Herald serves its own site image (1200×630 PNG, the size link previews ask for). */
    public static final String OWN_IMAGE_PATH = "/site-image.png";

    public static final Site DEFAULT = new Site("Herald", "", "en", Optional.empty(), Optional.empty(), "", "Herald");

    public Site(String title, String description, String language, Optional<String> icon, String defaultAuthor) {
        this(title, description, language, icon, Optional.empty(), "", defaultAuthor);
    }

    public static Site of(Settings settings) {
        return new Site(settings.siteTitle(), settings.siteDescription(), settings.siteLanguage(), settings.siteIcon(),
                settings.siteImage(), settings.siteImageAlt(), settings.defaultAuthor().orElse(settings.siteTitle()));
    }

    /** The site image's absolute URL: the setting, else Herald's own card under {@code baseUrl}. */
    public String imageUrl(String baseUrl) {
        return image.orElse(baseUrl.replaceAll("/+$", "") + OWN_IMAGE_PATH);
    }

    /** The site image's text alternative. */
    public String imageAltText() {
        return imageAlt.isBlank() ? title : imageAlt;
    }

    /** The publisher's logo: the icon, else the site image. */
    public String logoUrl(String baseUrl) {
        return icon.orElseGet(() -> imageUrl(baseUrl));
    }

    /** The language a post is written in (BCP 47): its detected one, else the site's. */
    public String languageOf(String postLanguage) {
        return postLanguage == null || postLanguage.isBlank() || postLanguage.equals("und") ? language : postLanguage;
    }

    /** The writing direction of a language for HTML's {@code dir}: {@code rtl} for Arabic, Hebrew, Persian, Urdu and the like. */
    public static String direction(String language) {
        String primary = language == null ? "" : language.toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return RIGHT_TO_LEFT.contains(primary) ? "rtl" : "ltr";
    }

    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "he", "iw", "fa", "ur", "ps", "yi", "dv", "ckb", "sd", "ug");

    /** A post's author, or the site's default one. */
    public String authorOf(String author) {
        return author == null || author.isBlank() ? defaultAuthor : author;
    }

    /** What feeds say about themselves: the description, else their title. */
    public String describe(String feedTitle) {
        return description.isBlank() ? feedTitle : description;
    }
}
