package io.herald.publish;

import java.util.ArrayList;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Text made safe to put in HTML, element content or a quoted attribute, for every channel that writes HTML. */
public final class Html {

    private Html() {
    }

    public static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * What a document Herald stored may show when served again: no script, no plug-in, no form, no
     * redirect, in an opaque origin (no cookies or storage of Herald's). Scripting and new windows stay
     * on in the sandbox so that tools a user drives (axe in a browser, which opens a window of its own)
     * can run in it; the document's own scripts cannot, since {@code default-src 'none'} allows none,
     * and a window it opens is sandboxed the same.
     */
    public static final String SANDBOX_CSP = "sandbox allow-scripts allow-popups; default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'; "
            + "font-src https: data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

    private static final Set<String> ACTIVE = Set.of("script", "iframe", "frame", "frameset", "object", "embed",
            "applet", "form", "base", "link", "meta", "noscript", "template", "svg", "math", "portal");

    /**
     * A whole HTML document (a newsletter as it went out) made safe to show at the point of output,
     * whatever was stored: active elements, event handlers and script URLs removed; its layout and
     * inline styles kept. Served with {@link #SANDBOX_CSP} as well, so what this misses still cannot run.
     */
    public static String sanitizeDocument(String html) {
        Document doc = Jsoup.parse(html == null ? "" : html);
        for (Element e : doc.getAllElements()) {
            if (ACTIVE.contains(e.normalName()) && !(e.normalName().equals("meta") && e.hasAttr("charset"))) {
                e.remove();
                continue;
            }
            for (Attribute a : new ArrayList<>(e.attributes().asList())) {
                String name = a.getKey().toLowerCase(Locale.ROOT);
                String value = a.getValue().replaceAll("[\\s\\x00-\\x1f]", "").toLowerCase(Locale.ROOT);
                if (name.startsWith("on") || name.equals("srcdoc") || name.equals("formaction")
                        || value.startsWith("javascript:") || value.startsWith("vbscript:")
                        || value.startsWith("data:") && !(name.equals("src") && value.startsWith("data:image/") && !value.startsWith("data:image/svg"))) {
                    e.removeAttr(a.getKey());
                }
            }
        }
        doc.outputSettings().prettyPrint(false);
        return doc.outerHtml();
    }
}
