package io.herald.transform.steps;

import io.herald.events.Entity;
import io.herald.transform.Draft;
import io.herald.transform.Step;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Comparator;
import java.util.TreeMap;

/**
 * Organizations, people, places and programs a post mentions. Two sources, the first winning:
 * <ol>
 *   <li>a gazetteer, {@code entities.tsv} on the classpath ({@code name<TAB>type<TAB>alias|alias}),
 *       of well-known names: countries, regions and cities, large companies and institutions,
 *       named policies;</li>
 *   <li>heuristics on capitalization: a run of Capitalized Words ending in a year ("Made in China
 *       2025") or in Plan/Strategy/Initiative/Program is a program; one ending in Party, University,
 *       Institute, Ministry, Bank, Inc... is an organization; one or two Capitalized Words right
 *       after a role ("colleague", "Fellow", "CEO", "Dr.", "@") is a person; a capitalized word that
 *       is also the name of a site the post links to is an organization.</li>
 * </ol>
 * To extend it, add lines to {@code entities.tsv} (a file of the same name earlier on the classpath
 * replaces the built-in one).
 */
public final class Entities implements Step {

    private static final String CAP = "\\p{Lu}[\\p{L}\\p{M}'’-]*";
    private static final String CAP_OR_NUMBER = "(?:" + CAP + "|\\d{1,4}(?:st|nd|rd|th)?)";
    static final Pattern PROGRAM = Pattern.compile(
            "\\b((?:" + CAP + "|\\d{1,3}(?:st|nd|rd|th))(?:\\s++(?:(?:in|of|for|the)\\s++)?" + CAP_OR_NUMBER + "){0,5}\\s++(?:(?:19|20)\\d\\d\\b|"
                    + "(?:Plan|Strategy|Initiative|Programme|Program|Policy|Agenda|Act|Road)\\b))");
    static final Pattern ORGANIZATION = Pattern.compile(
            "\\b(" + CAP + "(?:\\s+(?:of\\s+)?" + CAP + "){0,4}\\s+(?:Party|University|Institute|Ministry|Bank|Commission|"
                    + "Council|Agency|Foundation|Association|Group|Inc\\.?|Ltd\\.?|Corporation|Corp\\.?|Company|Authority))\\b");
    static final Pattern PERSON = Pattern.compile(
            "(?:\\b(?:colleague|Fellow|CEO|CTO|CFO|founder|director|Director|professor|Professor|Prof\\.|Dr\\.|Mr\\.|Mrs\\.|Ms\\.|"
                    + "minister|Minister|President|president|analyst|researcher|host|speaker)\\s+|@)"
                    + "(\\p{Lu}\\p{Ll}+(?:\\s+(?:(?:de|van|der|den|von|da|di|du|le|la|ten|ter|bin|al)\\s+)*\\p{Lu}\\p{Ll}+)?)");
    static final Pattern ORGANIZATION_OF = Pattern.compile(
            "\\b((?:Ministry|Department|University|Bank|Institute|Council|Office|Chamber|Academy)\\s+of\\s+(?:the\\s+)?"
                    + CAP + "(?:\\s+(?:and\\s+)?" + CAP + "){0,3})");
    private static final Pattern SPACE_RUN = Pattern.compile("\\s+");
    private static final Pattern LEADING_WORD = Pattern.compile("^(?:The|A|An|Our|Their|Its|In|On|At|See|Both|While|This|That)\\s+");
    private static final Pattern TWO_LETTERS = Pattern.compile("\\p{L}{2,}");
    static final Pattern CAPITALIZED_WORD = Pattern.compile("\\b(\\p{Lu}\\p{Ll}{2,})\\b");

    private record Known(String name, String type) {
    }

    private static final Map<String, Known> GAZETTEER = load();

    @Override
    public String name() {
        return "entities";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public void apply(Draft d) {
        d.entities = find(d.fullText(), d.links);
    }

    public static List<Entity> find(String text, List<String> links) {
        Map<String, Entity> found = new LinkedHashMap<>();
        if (text == null) {
            return List.of();
        }
        // Gazetteer names, longest first, matched on word boundaries; a match is blanked out so that
        // "Washington" inside "Washington Consensus" does not count as the city as well.
        StringBuilder masked = new StringBuilder(text);
        // Lower-casing keeps every index for these scripts' names; one copy serves every look-up.
        String lowerText = text.toLowerCase(Locale.ROOT);
        for (var e : GAZETTEER.entrySet()) {
            if (lowerText.contains(e.getKey()) && mask(masked, lowerText, e.getKey())) {
                found.putIfAbsent(e.getValue().name(), new Entity(e.getValue().name(), e.getValue().type()));
            }
        }
        NameStarts starts = NameStarts.of(text);
        addAll(found, PROGRAM, starts.programs(), "program", text);
        addAll(found, ORGANIZATION_OF, starts.capitals(), "organization", text);
        addAll(found, ORGANIZATION, starts.capitals(), "organization", text);
        addAll(found, PERSON, starts.persons(), "person", text);
        Set<String> domains = new HashSet<>();
        for (String link : links) {
            String host = link.replaceFirst("(?i)^https?://", "").replaceFirst("^www\\.", "").split("[/:?#]")[0];
            for (String label : host.toLowerCase(Locale.ROOT).split("\\.")) {
                if (label.length() >= 4) {
                    domains.add(label);
                }
            }
        }
        for (MatchResult m : domains.isEmpty() ? List.<MatchResult>of() : matches(CAPITALIZED_WORD, starts.capitals(), text)) {
            String word = m.group(1);
            if (domains.contains(word.toLowerCase(Locale.ROOT)) && !covered(found, word)) {
                found.putIfAbsent(word, new Entity(word, "organization"));
            }
        }
        // In the order the post first mentions them (aliases count: "US" places the United States).
        Map<String, Integer> first = new HashMap<>();
        for (Entity e : found.values()) {
            int i = text.indexOf(e.name());
            first.put(e.name(), i < 0 ? Integer.MAX_VALUE : i);
        }
        String lower = lowerText;
        for (var e : GAZETTEER.entrySet()) {
            Integer known = first.get(e.getValue().name());
            if (known != null) {
                int i = lower.indexOf(e.getKey());
                if (i >= 0 && i < known) {
                    first.put(e.getValue().name(), i);
                }
            }
        }
        List<Entity> out = new ArrayList<>(found.values());
        out.sort(Comparator.comparingInt(e -> first.get(e.name())));
        return out;
    }

    /** The roles {@link #PERSON} begins with (or its "@"). */
    private static final List<String> ROLES = List.of("colleague", "Fellow", "CEO", "CTO", "CFO", "founder", "director", "Director",
            "professor", "Professor", "Prof.", "Dr.", "Mr.", "Mrs.", "Ms.", "minister", "Minister", "President", "president", "analyst",
            "researcher", "host", "speaker");

    /**
     * Where in a text a name can start, found in one pass and shared by every expression: a capital
     * at a word's start ({@link #ORGANIZATION}, {@link #ORGANIZATION_OF}, {@link #CAPITALIZED_WORD}),
     * also a digit ({@link #PROGRAM}), a role's word or an "@" ({@link #PERSON}). A word starts where no
     * letter, digit or underscore is before it. Each list is in text order.
     */
    record NameStarts(int[] capitals, int[] programs, int[] persons) {

        static NameStarts of(String text) {
            int[] capitals = new int[16];
            int[] programs = new int[16];
            int[] persons = new int[16];
            int nc = 0;
            int np = 0;
            int nr = 0;
            boolean wordBefore = false;
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                if (cp == '@') {
                    persons = add(persons, nr++, i);
                } else if (!wordBefore) {
                    if (Character.getType(cp) == Character.UPPERCASE_LETTER) {
                        capitals = add(capitals, nc++, i);
                        programs = add(programs, np++, i);
                    } else if (cp >= '0' && cp <= '9') {
                        programs = add(programs, np++, i);
                    }
                    if (cp <= 'z' && startsRole(text, i)) {
                        persons = add(persons, nr++, i);
                    }
                }
                wordBefore = cp == '_' || Character.isLetterOrDigit(cp);
                i += Character.charCount(cp);
            }
            return new NameStarts(Arrays.copyOf(capitals, nc), Arrays.copyOf(programs, np), Arrays.copyOf(persons, nr));
        }

        private static int[] add(int[] to, int at, int value) {
            int[] out = at < to.length ? to : Arrays.copyOf(to, to.length * 2);
            out[at] = value;
            return out;
        }

        private static boolean startsRole(String text, int i) {
            char c = text.charAt(i);
            for (String role : ROLES) {
                if (role.charAt(0) == c && text.startsWith(role, i)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Every match {@code find()} would give, in order, tried only where a match can start (a superset
     * of where one does, in text order): an expression that begins with a capital at a word's start
     * need not be tried at each of the text's characters. The region moves, its bounds transparent, so
     * a boundary or look-behind sees the text before it.
     */
    static List<MatchResult> matches(Pattern pattern, int[] starts, String text) {
        List<MatchResult> out = new ArrayList<>();
        Matcher m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int from = 0;
        for (int i : starts) {
            if (i < from) {
                continue;
            }
            m.region(i, text.length());
            if (m.lookingAt()) {
                out.add(m.toMatchResult());
                from = Math.max(m.end(), i + 1);
            }
        }
        return out;
    }

    private static void addAll(Map<String, Entity> found, Pattern pattern, int[] starts, String type, String text) {
        for (MatchResult m : matches(pattern, starts, text)) {
            String name = SPACE_RUN.matcher(m.group(1).strip()).replaceAll(" ");
            // A run that starts a sentence may have picked up its first word: "The Made in..." → drop "The".
            name = LEADING_WORD.matcher(name).replaceFirst("");
            if (name.length() < 3 || !TWO_LETTERS.matcher(name).find() || found.containsKey(name) || GAZETTEER.containsKey(name.toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (covered(found, name)) {
                continue;
            }
            found.put(name, new Entity(name, type));
        }
    }

    /** Whether a longer entity already found contains this one ("China" inside "Made in China 2025" still counts alone). */
    private static boolean covered(Map<String, Entity> found, String name) {
        for (String k : found.keySet()) {
            if (k.contains(name) && !k.equals(name) && !GAZETTEER.containsKey(name.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static boolean mask(StringBuilder text, String lower, String key) {
        boolean any = false;
        int from = 0;
        while (true) {
            int i = lower.indexOf(key, from);
            if (i < 0) {
                return any;
            }
            int end = i + key.length();
            boolean startOk = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
            boolean endOk = end >= text.length() || !Character.isLetterOrDigit(text.charAt(end));
            // Short all-caps names ("US", "EU") must appear in capitals, so "us" is not the United States.
            boolean caseOk = key.length() > 3 || text.substring(i, end).equals(key.toUpperCase(Locale.ROOT));
            // A name is written capitalized: "china" the porcelain, or "apple" the fruit, is not the name.
            boolean capitalized = Character.isUpperCase(text.charAt(i)) || !Character.isLetter(text.charAt(i));
            if (startOk && endOk && caseOk && capitalized) {
                any = true;
                for (int k = i; k < end; k++) {
                    text.setCharAt(k, ' ');
                }
            }
            from = i + 1;
        }
    }

    private static Map<String, Known> load() {
        Map<String, Known> byAlias = new TreeMap<>((a, b) -> b.length() != a.length()
                ? Integer.compare(b.length(), a.length()) : a.compareTo(b));
        try (InputStream in = Entities.class.getResourceAsStream("/entities.tsv")) {
            if (in == null) {
                return byAlias;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                Known known = new Known(cols[0].strip(), cols.length > 1 ? cols[1].strip() : "organization");
                byAlias.put(known.name().toLowerCase(Locale.ROOT), known);
                if (cols.length > 2) {
                    for (String alias : cols[2].split("\\|")) {
                        if (!alias.isBlank()) {
                            byAlias.put(alias.strip().toLowerCase(Locale.ROOT), known);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byAlias;
    }
}
