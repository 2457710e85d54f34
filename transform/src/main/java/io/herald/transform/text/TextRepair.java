package io.herald.transform.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Repairs the typing slips that survive copy and paste, and only where the repair is unambiguous:
 * <ul>
 *   <li>Unicode NFC; characters XML 1.0 forbids, lone surrogates and zero-width marks removed;</li>
 *   <li>white space collapsed, paragraph breaks (blank lines) and list lines kept;</li>
 *   <li>a missing space after sentence punctuation ("powerhouse.They", "U.S.is", "e.g.the") or after
 *       a possessive ("China'sBeautiful"), but never inside URLs, e-mail addresses, decimals or
 *       abbreviations;</li>
 *   <li>a quote left open ("‘crossing the river)") is closed before the clause ends; a closing quote
 *       after a capitalized name whose opening quote was lost ("Beautiful China 2050’") gets it back.</li>
 * </ul>
 */
public final class TextRepair {

    // RE2J (linear time, no recursion): an address-like run with no "@" after it made the JDK engine scan
    // the rest of the line from every letter (quadratic), and a long dotted domain overflowed its stack.
    private static final com.google.re2j.Pattern PROTECTED = com.google.re2j.Pattern.compile(
            "(?i)\\b(?:https?://|www\\.)[^\\s<>\"]+|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
    private static final Pattern SENTENCE_JOIN = Pattern.compile("(?<=\\p{Ll}{2})([.!?])(?=\\p{Lu}\\p{Ll})");
    private static final Pattern ABBREVIATION_JOIN = Pattern.compile("(?<=\\b(?:\\p{L}\\.){2,3})(?=\\p{Ll}{2,})");
    private static final Pattern POSSESSIVE_JOIN = Pattern.compile("(?<=\\p{L}['’]s)(?=\\p{Lu}\\p{Ll})");
    private static final Pattern COMMA_JOIN = Pattern.compile("(?<=\\p{Ll}{2})([,;])(?=\\p{Ll}{2})");
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B\\u200C\\u200D\\u2060\\uFEFF\\u00AD]");

    private TextRepair() {
    }

    /** The whole repair, for a field of plain text. {@code null} stays {@code null}. */
    public static String repair(String text) {
        if (text == null) {
            return null;
        }
        String s = xmlSafe(Normalizer.normalize(text, Normalizer.Form.NFC));
        s = hasInvisible(s) ? INVISIBLE.matcher(s).replaceAll("") : s;
        s = whitespace(s);
        List<String> paragraphs = new ArrayList<>();
        for (String p : s.split("\n\n")) {
            List<String> lines = new ArrayList<>();
            for (String line : p.split("\n")) {
                lines.add(balanceQuotes(spaces(line)));
            }
            paragraphs.add(String.join("\n", lines));
        }
        return String.join("\n\n", paragraphs);
    }

    /** Whether a text has one of the marks {@link #INVISIBLE} removes (zero-width ones, the BOM, the soft hyphen). */
    private static boolean hasInvisible(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF' || c == '\u00AD') {
                return true;
            }
        }
        return false;
    }

    /** Removes what XML 1.0 cannot carry: control characters, lone surrogates, U+FFFE/U+FFFF. */
    public static String xmlSafe(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    out.append(c).append(s.charAt(++i));
                }
            } else if (Character.isLowSurrogate(c)) {
                continue;
            } else if (c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Spaces and tabs to one space, lines trimmed, three or more line breaks to a paragraph break: in
     * one pass over the text (what three expressions and two replacements did in five), the same result.
     */
    public static String whitespace(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        int breaks = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r') {
                if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    continue;
                }
                c = '\n';
            }
            if (isSpace(c)) {
                space = true;
            } else if (c == '\n') {
                // spaces either side of a line break go; a third break in a row and more go too
                space = false;
                if (++breaks <= 2) {
                    out.append('\n');
                }
            } else {
                if (space && breaks == 0) {
                    out.append(' ');
                }
                space = false;
                breaks = 0;
                out.append(c);
            }
        }
        if (space && breaks == 0) {
            out.append(' ');
        }
        return out.toString().strip();
    }

    /** The characters that count as a space between words: space, tab, vertical tab, form feed, the no-break ones, ideographic. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == 0x0B || c == '\f' || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\u3000';
    }

    /**
     * Whether any of the repairs can apply: each needs a mark of punctuation or an apostrophe with a
     * letter right after it. Most lines have none, and skip the regular expressions.
     */
    static boolean mayNeedSpace(String line) {
        for (int i = 0; i + 1 < line.length(); i++) {
            char c = line.charAt(i);
            if ((c == '.' || c == '!' || c == '?' || c == ',' || c == ';' || c == '\'' || c == '’') && Character.isLetter(line.codePointAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    /** Inserts the missing spaces, with URLs and e-mail addresses kept out of reach. */
    public static String spaces(String line) {
        return mayNeedSpace(line) ? repairSpaces(line, true) : line;
    }

    /** {@link #spaces} with every expression run, whatever the line: what the shortcuts must agree with. */
    public static String spacesWithoutShortcut(String text) {
        return repairSpaces(text, false);
    }

    private static String repairSpaces(String text, boolean onlyWhereNeeded) {
        // The two private-use marks below hold the kept parts' places: a post cannot bring its own.
        String line = text.indexOf('\uE000') < 0 && text.indexOf('\uE001') < 0 ? text : text.replace("\uE000", "").replace("\uE001", "");
        // Each expression needs a pair of characters side by side (a mark, then a letter of a case): where the
        // line has none of an expression's pairs, it changes nothing, and neither masking nor inserted spaces
        // can make such a pair. A line none can change comes back as it is.
        boolean sentence = !onlyWhereNeeded;
        boolean abbreviation = !onlyWhereNeeded;
        boolean possessive = !onlyWhereNeeded;
        boolean comma = !onlyWhereNeeded;
        for (int i = 0; onlyWhereNeeded && i + 1 < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '.' || c == '!' || c == '?' || c == ',' || c == ';' || c == 's') {
                int type = Character.getType(line.codePointAt(i + 1));
                boolean upper = type == Character.UPPERCASE_LETTER;
                boolean lower = type == Character.LOWERCASE_LETTER;
                sentence |= upper && c != ',' && c != ';' && c != 's';
                abbreviation |= lower && c == '.';
                possessive |= upper && c == 's';
                comma |= lower && (c == ',' || c == ';');
            }
        }
        if (!(sentence || abbreviation || possessive || comma)) {
            return line;
        }
        List<String> kept = new ArrayList<>();
        com.google.re2j.Matcher m = PROTECTED.matcher(line);
        StringBuilder masked = new StringBuilder();
        int last = 0;
        while (m.find()) {
            kept.add(m.group());
            masked.append(line, last, m.start()).append('\uE000').append(kept.size() - 1).append('\uE001');
            last = m.end();
        }
        masked.append(line, last, line.length());
        String s = masked.toString();
        s = sentence ? SENTENCE_JOIN.matcher(s).replaceAll("$1 ") : s;
        s = abbreviation ? ABBREVIATION_JOIN.matcher(s).replaceAll(" ") : s;
        s = possessive ? POSSESSIVE_JOIN.matcher(s).replaceAll(" ") : s;
        s = comma ? COMMA_JOIN.matcher(s).replaceAll("$1 ") : s;
        if (kept.isEmpty()) {
            return s;
        }
        // Put back in one pass (a replace per kept part would be quadratic in a line of many addresses).
        StringBuilder out = new StringBuilder(s.length() + 16 * kept.size());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int close = c == '\uE000' ? s.indexOf('\uE001', i) : -1;
            if (close > i + 1 && close - i <= 11) {
                out.append(kept.get(Integer.parseInt(s, i + 1, close, 10)));
                i = close;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Closes a curly quote left open, and opens one left closed after a capitalized name. A single
     * closing mark between letters, or after a plural "s", is an apostrophe, not a quote.
     */
    public static String balanceQuotes(String line) {
        if (line.indexOf('‘') < 0 && line.indexOf('’') < 0 && line.indexOf('“') < 0 && line.indexOf('”') < 0) {
            return line;
        }
        String s = closeOpened(line, '‘', '’');
        s = closeOpened(s, '“', '”');
        s = openClosed(s, '‘', '’');
        return openClosed(s, '“', '”');
    }

    private static boolean isApostrophe(CharSequence s, int i) {
        char c = s.charAt(i);
        if (c != '’' && c != '\'') {
            return false;
        }
        boolean letterBefore = i > 0 && Character.isLetterOrDigit(s.charAt(i - 1));
        boolean letterAfter = i + 1 < s.length() && Character.isLetter(s.charAt(i + 1));
        boolean pluralPossessive = letterBefore && s.charAt(i - 1) == 's' && i + 2 < s.length()
                && s.charAt(i + 1) == ' ' && Character.isLowerCase(s.charAt(i + 2));
        return letterBefore && letterAfter || pluralPossessive;
    }

    private static String closeOpened(String s, char open, char close) {
        StringBuilder out = new StringBuilder(s);
        for (int i = 0; i < out.length(); i++) {
            if (out.charAt(i) != open) {
                continue;
            }
            int end = -1;
            for (int j = i + 1; j < out.length(); j++) {
                char c = out.charAt(j);
                if (c == close && !isApostrophe(out, j)) {
                    end = j;
                    break;
                }
                if (c == open) {
                    break;
                }
            }
            if (end < 0) {
                // Close it where the clause ends: before a closing bracket or sentence punctuation.
                int j = i + 1;
                while (j < out.length() && ")].!?;".indexOf(out.charAt(j)) < 0) {
                    j++;
                }
                if (j - i > 1) {
                    out.insert(j, close);
                }
            }
        }
        return out.toString();
    }

    private static String openClosed(String s, char open, char close) {
        StringBuilder out = new StringBuilder(s);
        int depth = 0;
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if (c == open) {
                depth++;
            } else if (c == close && !isApostrophe(out, i)) {
                if (depth > 0) {
                    depth--;
                    continue;
                }
                int start = capitalizedPhraseStart(out, i);
                if (start >= 0) {
                    out.insert(start, open);
                    i++;
                }
            }
        }
        return out.toString();
    }

    /** Where a run of Capitalized words (and numbers) ending at {@code end} starts, or -1 if there is none. */
    private static int capitalizedPhraseStart(CharSequence s, int end) {
        int i = end;
        int start = -1;
        while (i > 0) {
            int wordEnd = i;
            int j = i - 1;
            while (j >= 0 && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '-')) {
                j--;
            }
            String word = s.subSequence(j + 1, wordEnd).toString();
            if (word.isEmpty() || !(Character.isUpperCase(word.charAt(0)) || word.chars().allMatch(Character::isDigit))) {
                break;
            }
            start = j + 1;
            if (j < 0 || s.charAt(j) != ' ') {
                break;
            }
            i = j;
        }
        if (start < 0) {
            return -1;
        }
        // Only a name: it must begin with a capital, not with a number.
        return Character.isUpperCase(s.charAt(start)) ? start : -1;
    }
}
