package io.herald.support;

import java.util.Locale;
import java.util.Set;

/**
 * Credentials kept out of what Herald shows: a URL's user info and the values of query parameters that
 * carry secrets ({@code api_key=}, {@code token=}, ...) are masked wherever a URL is shown (health,
 * previews, logs, the dashboard). Written as a scanner: it runs on what users configure, in linear time.
 */
public final class Masking {

    static final String MASK = "***";

    private static final Set<String> SECRET_PARAMS = Set.of("key", "apikey", "api_key", "api-key", "token", "access_token",
            "accesstoken", "auth", "authorization", "secret", "client_secret", "password", "passwd", "pwd", "sig", "signature",
            "code", "session", "sessionid", "x-api-key", "private_token", "hub.secret");

    private Masking() {
    }

    /** A URL with its credentials masked; text that is not a URL comes back as it is. */
    public static String url(String url) {
        if (url == null) {
            return null;
        }
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return url;
        }
        StringBuilder out = new StringBuilder(url.length());
        int authorityStart = scheme + 3;
        int authorityEnd = authorityStart;
        while (authorityEnd < url.length() && "/?#".indexOf(url.charAt(authorityEnd)) < 0) {
            authorityEnd++;
        }
        String authority = url.substring(authorityStart, authorityEnd);
        int at = authority.lastIndexOf('@');
        out.append(url, 0, authorityStart);
        out.append(at < 0 ? authority : MASK + "@" + authority.substring(at + 1));
        int query = url.indexOf('?', authorityEnd);
        if (query < 0) {
            return out.append(url, authorityEnd, url.length()).toString();
        }
        out.append(url, authorityEnd, query + 1);
        int fragment = url.indexOf('#', query);
        int end = fragment < 0 ? url.length() : fragment;
        int i = query + 1;
        while (i <= end) {
            int amp = url.indexOf('&', i);
            int stop = amp < 0 || amp > end ? end : amp;
            String param = url.substring(i, stop);
            int eq = param.indexOf('=');
            String name = (eq < 0 ? param : param.substring(0, eq)).toLowerCase(Locale.ROOT);
            out.append(eq >= 0 && secret(name) ? param.substring(0, eq + 1) + MASK : param);
            if (stop < end) {
                out.append('&');
            }
            i = stop + 1;
        }
        if (fragment >= 0) {
            out.append(url, fragment, url.length());
        }
        return out.toString();
    }

    private static boolean secret(String name) {
        return SECRET_PARAMS.contains(name) || name.endsWith("_key") || name.endsWith("token") || name.endsWith("secret")
                || name.endsWith("password");
    }

    /** Every URL in a free text (a reason, a health line) masked. */
    public static String text(String text) {
        if (text == null || !text.contains("://")) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int scheme = text.indexOf("://", i);
            if (scheme < 0) {
                out.append(text, i, text.length());
                break;
            }
            int start = scheme;
            while (start > i && Character.isLetterOrDigit(text.charAt(start - 1)) || start > i && "+-.".indexOf(text.charAt(start - 1)) >= 0) {
                start--;
            }
            int end = scheme + 3;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && "\"'<>()[]{},".indexOf(text.charAt(end)) < 0) {
                end++;
            }
            out.append(text, i, start).append(url(text.substring(start, end)));
            i = end;
        }
        return out.toString();
    }

    /** At most 200 characters of what a caller sent, for a message about it. */
    public static String shorten(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
