package io.herald.publish;

/**
 * The one style of every page readers see (a post, a tag, the feed index): readable on a phone, dark
 * when the reader's system is, inline in each page (their Content-Security-Policy allows no other).
 */
public final class PageStyle {

    public static final String CSS = "body{margin:0;font:1.0625rem/1.6 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;"
            + "color:#1b1b1b;background:#fff}header,main,footer{max-width:42rem;margin:0 auto;padding:1rem}"
            + "header a{font-weight:600;color:#1b1b1b;text-decoration:none}h1{font-size:1.9rem;line-height:1.25;margin:.5rem 0}"
            + "h2{font-size:1.25rem;line-height:1.35;margin:2rem 0 .5rem;scroll-margin-top:1rem}.meta{color:#505050;font-size:.95rem}"
            + "a{color:#0645ad}img,iframe,video{max-width:100%;height:auto}pre{overflow-x:auto}"
            + ".tags{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}.tags a{display:inline-block;padding:.15rem .6rem;"
            + "border:1px solid #767676;border-radius:1rem;text-decoration:none}footer{color:#505050;border-top:1px solid #ddd}"
            + "@media (prefers-color-scheme:dark){body{background:#121212;color:#e8e8e8}header a{color:#e8e8e8}a{color:#8ab4f8}"
            + ".meta,footer{color:#b0b0b0}}"
            + ".list{list-style:none;padding:0}.list>li{margin:0 0 1.5rem}.list h2,.list h3{margin:0 0 .25rem;font-size:1.2rem}"
            + ".list p{margin:.25rem 0}.subscribe a{display:inline-block;margin:.15rem .4rem .15rem 0}"
            + "a.primary{padding:.3rem .8rem;border-radius:.3rem;background:#0645ad;color:#fff;text-decoration:none}"
            + ".address{display:block;font-size:.9rem;color:#505050;margin-top:.35rem}.address input{width:100%;font:inherit;"
            + "padding:.3rem;border:1px solid #767676;border-radius:.25rem;background:transparent;color:inherit}"
            + ".count{color:#505050;font-size:.95rem}"
            + "@media (prefers-color-scheme:dark){a.primary{background:#8ab4f8;color:#121212}.address,.count{color:#b0b0b0}}";

    private PageStyle() {
    }
}
