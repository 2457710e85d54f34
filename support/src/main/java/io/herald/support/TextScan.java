package io.herald.support;

/**
 * Small scans of user text written as loops rather than regular expressions, so they run in one pass
 * whatever the input (an expression such as {@code [.,;]+$} retries from every character of a long
 * run of punctuation that is not at the end: quadratic).
 */
public final class TextScan {

    private TextScan() {
    }

    /** The text without any of {@code chars} at its end. */
    public static String stripTrailing(String text, String chars) {
        int end = text.length();
        while (end > 0 && chars.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return end == text.length() ? text : text.substring(0, end);
    }
}
