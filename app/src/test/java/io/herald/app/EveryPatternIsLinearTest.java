package io.herald.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every regular expression constant of the stages (each {@code static Pattern} of ingest, transform,
 * publish and support, found by reflection, so a new one cannot be missed) is run on adversarial text
 * made from its own characters: runs of each, after a prefix, with and without a character that makes
 * the match fail at the end. A pattern whose time grows with the square of the text (or that recurses
 * until the stack overflows) fails the test with the input that shows it.
 */
class EveryPatternIsLinearTest {

    static final String[] UNITS = {"a", " ", ".", "a.", "1", "Q", "\n", "<a", "aA", "a@", "ab ", "a-", "www.", "-", "*", "#", ":",
        "a:", " \n", "<", "A", "1.", "\t", "&", "?", "'", "’", "a,", "é", "中", "_", "/", "\"", "(", "[", "Ab ", "—"};
    static final String[] PREFIXES = {"", "Q", "a", "<", "www.", "a@", "http://", "1"};
    static final String[] SUFFIXES = {"", "!"};

    @Test
    void no_pattern_that_can_see_user_text_takes_quadratic_time_or_overflows_the_stack() throws Exception {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Class<?> anchor : List.of(io.herald.ingest.Intake.class, io.herald.transform.Pipeline.class,
                io.herald.publish.PublishStage.class, io.herald.support.Settings.class)) {
            for (String name : classNames(anchor)) {
                Class<?> c;
                try {
                    c = Class.forName(name, true, anchor.getClassLoader());
                } catch (Throwable e) {
                    continue;
                }
                for (Field f : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers()) || f.getType() != Pattern.class) {
                        continue;
                    }
                    f.setAccessible(true);
                    Pattern p = (Pattern) f.get(null);
                    if (p != null) {
                        checked++;
                        String why = quadratic(p);
                        if (why != null) {
                            problems.add(name + "." + f.getName() + " /" + p.pattern() + "/: " + why);
                        }
                    }
                }
            }
        }
        assertTrue(checked > 20, "found only " + checked + " patterns: is the class scan broken?");
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** Why a pattern is not linear on some adversarial input, or null. */
    static String quadratic(Pattern p) {
        Set<String> units = new LinkedHashSet<>(List.of(UNITS));
        for (char ch : p.pattern().toCharArray()) {
            if (ch >= 32 && ch != '\\') {
                units.add(String.valueOf(ch));
            }
        }
        for (String prefix : PREFIXES) {
            for (String unit : units) {
                for (String suffix : SUFFIXES) {
                    try {
                        double small = time(p, prefix, unit, 4_000, suffix);
                        if (small < 25) {
                            continue;
                        }
                        // Confirmed at four times the size: linear work takes about four times as long, quadratic sixteen.
                        // The best of three tries, so a pause of a busy machine is not taken for the pattern's cost.
                        double large = Double.MAX_VALUE;
                        for (int i = 0; i < 3 && large > 8 * small; i++) {
                            large = Math.min(large, time(p, prefix, unit, 16_000, suffix));
                        }
                        if (large > 8 * small) {
                            return String.format("%.0f ms on 4,000 characters, %.0f ms on 16,000, of \"%s\" + \"%s\"… + \"%s\"", small, large,
                                    prefix, unit.replace("\n", "\\n").replace("\t", "\\t"), suffix);
                        }
                    } catch (StackOverflowError e) {
                        return "the stack overflowed on \"" + prefix + "\" + \"" + unit.replace("\n", "\\n") + "\"…";
                    }
                }
            }
        }
        return null;
    }

    static double time(Pattern p, String prefix, String unit, int size, String suffix) {
        StringBuilder b = new StringBuilder(prefix);
        while (b.length() < size) {
            b.append(unit);
        }
        String s = b.append(suffix).toString();
        long t0 = System.nanoTime();
        Matcher m = p.matcher(s);
        int found = 0;
        while (m.find() && found++ < 100_000) {
            if (m.end() >= s.length()) {
                break;
            }
        }
        p.matcher(s).matches();
        p.matcher(s).lookingAt();
        return (System.nanoTime() - t0) / 1e6;
    }

    /** The classes in the jar or folder a class was loaded from. */
    static List<String> classNames(Class<?> anchor) throws java.io.IOException, URISyntaxException {
        Path where = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(where)) {
            try (var files = Files.walk(where)) {
                files.filter(f -> f.toString().endsWith(".class")).forEach(f -> names.add(where.relativize(f).toString()
                        .replace(java.io.File.separatorChar, '.').replaceAll("\\.class$", "")));
            }
        } else {
            try (JarFile jar = new JarFile(where.toFile())) {
                jar.stream().filter(e -> e.getName().endsWith(".class")).forEach(e -> names.add(e.getName().replace('/', '.')
                        .replaceAll("\\.class$", "")));
            }
        }
        return names;
    }
}
