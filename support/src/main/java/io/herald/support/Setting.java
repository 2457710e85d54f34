package io.herald.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One setting, defined once (as Debezium's {@code Field} is): its name, its type and how a value is
 * read into it, its default, its description, and how it is shown in the log (a secret never is).
 * The command line's options, the environment and {@code --config} files, the start-up log and the
 * README's configuration table all come from these definitions ({@link Settings#ALL}).
 *
 * @param <T> the type the value is read into
 */
public final class Setting<T> {

    /** Reads a value: the text as given ({@code null} or blank for none) and the settings read before this one. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(String name, Optional<String> text, Settings.Earlier earlier);
    }

    private final String name;
    private final String label;
    private final String defaultValue;
    private final String shownDefault;
    private final String description;
    private final Reader<T> reader;
    private final Function<? super T, String> shown;
    private final boolean secret;

    private Setting(String name, String label, String defaultValue, String shownDefault, String description, Reader<T> reader,
            Function<? super T, String> shown, boolean secret) {
        this.name = name;
        this.label = label;
        this.defaultValue = defaultValue;
        this.shownDefault = shownDefault;
        this.description = description;
        this.reader = reader;
        this.shown = shown;
        this.secret = secret;
    }

    /** The name users type: {@code --name}, {@code HERALD_NAME}, {@code name=} in a file. */
    public String name() {
        return name;
    }

    /** What a value looks like, for {@code --help}: {@code PORT}, {@code none|correction}. */
    public String label() {
        return label;
    }

    /** The default as a user would type it; empty for none. */
    public String defaultValue() {
        return defaultValue;
    }

    /** The default as the README says it: {@code `8080`}, *(empty)*, or words where it is derived ("the site title"). */
    public String shownDefault() {
        if (shownDefault != null) {
            return shownDefault;
        }
        return defaultValue.isEmpty() ? "*(empty)*" : "`" + defaultValue + "`";
    }

    /** What it does, in the README's words (Markdown). */
    public String description() {
        return description;
    }

    /** The description for {@code --help}: plain text, with its default. */
    public String helpDescription() {
        String plain = description.replace("`", "").replaceAll("\\[([^\\]]{0,200})\\]\\([^)]{0,200}\\)", "$1");
        String dflt = shownDefault().replace("`", "").replace("*", "");
        return dflt.equals("(empty)") ? plain : plain + " (default: " + dflt + ")";
    }

    /** Whether its value is a credential: the log says only whether it is set. */
    public boolean isSecret() {
        return secret;
    }

    /** The value read from its text; a value that makes no sense is refused naming the setting. */
    T read(String text, Settings.Earlier earlier) {
        Optional<String> given = text == null || text.isBlank() ? Optional.empty() : Optional.of(text.strip());
        return reader.read(name, given, earlier);
    }

    /** The value as the start-up log shows it. */
    String show(Object value) {
        @SuppressWarnings("unchecked")
        T v = (T) value;
        if (secret) {
            return v instanceof Optional<?> o && o.isEmpty() ? "(none)" : "(set)";
        }
        return shown.apply(v);
    }

    /** A different default shown in the README (derived from another setting). */
    public Setting<T> shownDefault(String words) {
        return new Setting<>(name, label, defaultValue, words, description, reader, shown, secret);
    }

    /** Shown in the log this way rather than as {@code toString}. */
    public Setting<T> shown(Function<? super T, String> how) {
        return new Setting<>(name, label, defaultValue, shownDefault, description, reader, how, secret);
    }

    /** A credential: never shown. */
    public Setting<T> asSecret() {
        return new Setting<>(name, label, defaultValue, shownDefault, description, reader, shown, true);
    }

    /** The same setting, its value checked (or turned) further by {@code then}. */
    public <U> Setting<U> then(Function<? super T, U> then) {
        Reader<T> first = reader;
        return new Setting<>(name, label, defaultValue, shownDefault, description,
                (n, text, earlier) -> then.apply(first.read(n, text, earlier)), String::valueOf, secret);
    }

    // ---- the types settings come in ----

    public static <T> Setting<T> of(String name, String label, String defaultValue, String description, Reader<T> reader) {
        return new Setting<>(name, label, defaultValue, null, description, reader, Setting::showPlain, false);
    }

    private static String showPlain(Object v) {
        if (v instanceof Optional<?> o) {
            return o.map(String::valueOf).orElse("");
        }
        if (v instanceof List<?> l) {
            return l.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        if (v instanceof Duration d) {
            return String.valueOf(d.toSeconds());
        }
        if (v instanceof Enum<?> e) {
            return e.toString();
        }
        return String.valueOf(v);
    }

    /** Free text, absent when empty. */
    public static Setting<Optional<String>> optionalText(String name, String label, String description) {
        return of(name, label, "", description, (n, text, earlier) -> text);
    }

    /** Free text that must be given. */
    public static Setting<String> text(String name, String label, String defaultValue, String description) {
        return of(name, label, defaultValue, description, (n, text, earlier) -> required(n, text));
    }

    /** An http or https URL, absent when empty. */
    public static Setting<Optional<String>> httpUrl(String name, String description) {
        return of(name, "URL", "", description, (n, text, earlier) -> text.map(url -> checkedUrl(n, url)));
    }

    /** A whole number from {@code min} to {@code max}. */
    public static Setting<Integer> integer(String name, String label, int defaultValue, int min, int max, String description) {
        return of(name, label, String.valueOf(defaultValue), description, (n, text, earlier) -> (int) whole(n, text, min, max));
    }

    /** A whole number from {@code min} to {@code max}, as a long. */
    public static Setting<Long> longInteger(String name, String label, long defaultValue, long min, long max, String description) {
        return of(name, label, String.valueOf(defaultValue), description, (n, text, earlier) -> whole(n, text, min, max));
    }

    /** A number of seconds from {@code min} to {@code max}. */
    public static Setting<Duration> seconds(String name, long defaultValue, long min, long max, String description) {
        return of(name, "SECONDS", String.valueOf(defaultValue), description,
                (n, text, earlier) -> Duration.ofSeconds(whole(n, text, min, max)));
    }

    /** A share from 0 to 1. */
    public static Setting<Double> share(String name, String defaultValue, String description) {
        return of(name, "SHARE", defaultValue, description, (n, text, earlier) -> {
            String v = required(n, text);
            try {
                double d = Double.parseDouble(v);
                if (d >= 0 && d <= 1) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw new IllegalArgumentException(n + " must be a share from 0 to 1, not \"" + v + "\"");
        });
    }

    /** true or false. */
    public static Setting<Boolean> bool(String name, boolean defaultValue, String description) {
        return of(name, "true|false", String.valueOf(defaultValue), description, (n, text, earlier) -> {
            String v = required(n, text).toLowerCase(Locale.ROOT);
            if (!v.equals("true") && !v.equals("false")) {
                throw new IllegalArgumentException(n + " must be true or false, not \"" + v + "\"");
            }
            return Boolean.parseBoolean(v);
        });
    }

    /** A folder or file. */
    public static Setting<Path> path(String name, String label, String defaultValue, String description) {
        return of(name, label, defaultValue, description, (n, text, earlier) -> Path.of(required(n, text)));
    }

    /** A comma-separated list, empty entries dropped. */
    public static Setting<List<String>> list(String name, String label, String defaultValue, String description) {
        return of(name, label, defaultValue, description, (n, text, earlier) -> items(text));
    }

    /** One of a fixed set of choices, written as the enum's {@code toString}. */
    public static <E extends Enum<E>> Setting<E> choice(String name, Class<E> type, E defaultValue, String description) {
        return of(name, choices(type), defaultValue.toString(), description, (n, text, earlier) -> choose(n, type, required(n, text)));
    }

    /** Any number of a fixed set of choices, comma-separated. */
    public static <E extends Enum<E>> Setting<List<E>> choices(String name, Class<E> type, String defaultValue, String description) {
        return of(name, choices(type).replace('|', ','), defaultValue, description,
                (n, text, earlier) -> items(text).stream().map(v -> choose(n, type, v)).toList());
    }

    private static String choices(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining("|"));
    }

    private static <E extends Enum<E>> E choose(String name, Class<E> type, String value) {
        for (E e : type.getEnumConstants()) {
            if (e.toString().equalsIgnoreCase(value.strip())) {
                return e;
            }
        }
        List<String> names = Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList();
        String expected = names.size() == 2 ? names.get(0) + " or " + names.get(1)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
        throw new IllegalArgumentException(name + " must be " + expected + ", not \"" + value + "\"");
    }

    static String required(String name, Optional<String> text) {
        return text.orElseThrow(() -> new IllegalArgumentException(name + " needs a value"));
    }

    static String checkedUrl(String name, String url) {
        if (!url.matches("(?i)https?://\\S+")) {
            throw new IllegalArgumentException(name + " must be an http or https URL, not \"" + url + "\"");
        }
        return url;
    }

    /** An absolute http(s) URL with a host, no credentials, query or fragment: what every link Herald writes starts with. */
    static String checkedBaseUrl(String name, String url) {
        java.net.URI uri;
        try {
            uri = new java.net.URI(checkedUrl(name, url));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(name + " must be an http or https URL, not \"" + url + "\" (" + e.getReason() + ")");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(name + " must not hold credentials: it is written into every feed and page");
        }
        if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(name + " must be the site's address, such as https://example.org or "
                    + "https://example.org/news, with a host and no query or fragment; not \"" + url + "\"");
        }
        return url;
    }

    private static long whole(String name, Optional<String> text, long min, long max) {
        String v = required(name, text);
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not \"" + v + "\"");
        }
        if (n < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", not " + n);
        }
        if (n > max) {
            throw new IllegalArgumentException(name + " must be at most " + max + ", not " + n);
        }
        return n;
    }

    private static List<String> items(Optional<String> text) {
        return text.map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()).orElse(List.of());
    }

    @Override
    public String toString() {
        return name;
    }
}
