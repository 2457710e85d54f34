package io.herald.ingest;

import io.herald.events.QaPair;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Q&amp;A post written as plain text: the first non-empty line is the title, text before
 * the first question is the intro, and labelled lines ({@code Q:}/{@code A:}, {@code Question:}/
 * {@code Answer:}, Dutch {@code Vraag:}/{@code Antwoord:}) start questions and answers. An answer
 * runs, paragraphs and all, until the next question.
 */
public final class PlainTextParser {

    private static final Pattern QUESTION = Pattern.compile("(?i)^\\s*(?:Q|Question|Vraag|V)\\s*[:：]\\s*(.*)$");
    private static final Pattern ANSWER = Pattern.compile("(?i)^\\s*(?:A|Answer|Antwoord)\\s*[:：]\\s*(.*)$");
    // Site chrome that comes along when people copy a post out of a web page.
    private static final Pattern CHROME = Pattern.compile(
            "(?i)^\\s*(?:back to (?:blog|top|overview|news|all posts)|share(?: this(?: post| article)?)?(?: on \\w+)?"
                    + "|read more|previous post|next post|print|tweet|related posts?)\\s*[:»›>]?\\s*$");
    // A closing paragraph speaks to the reader about the post itself, not about the question.
    private static final Pattern OUTRO_START = Pattern.compile(
            "(?i)^(?:if you (?:missed|want|would like|have)|thank(?:s| you)\\b|want to (?:know|learn|watch)|"
                    + "missed the|watch the|subscribe|stay tuned|for more (?:information|questions)|"
                    + "questions\\?|interested in|contact us)");

    private enum State { INTRO, QUESTION, ANSWER }

    public ParsedPost parse(String text) {
        List<String> lines = text.replace("\r\n", "\n").replace('\r', '\n').lines().toList();
        String title = null;
        List<String> intro = new ArrayList<>();
        List<QaPair> pairs = new ArrayList<>();
        StringBuilder question = new StringBuilder();
        List<String> answer = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        State state = State.INTRO;

        for (String raw : lines) {
            String line = raw.strip();
            if (title == null) {
                if (!line.isEmpty()) {
                    title = line;
                }
                continue;
            }
            if (CHROME.matcher(line).matches()) {
                continue;
            }
            Matcher q = QUESTION.matcher(line);
            Matcher a = ANSWER.matcher(line);
            if (q.matches()) {
                flush(paragraph, state == State.INTRO ? intro : answer);
                if (state == State.ANSWER || state == State.QUESTION) {
                    pairs.add(new QaPair(question.toString().strip(), String.join("\n\n", answer)));
                }
                question.setLength(0);
                question.append(q.group(1));
                answer.clear();
                state = State.QUESTION;
            } else if (a.matches() && state == State.QUESTION) {
                state = State.ANSWER;
                paragraph.append(a.group(1));
            } else if (line.isEmpty()) {
                if (state != State.QUESTION) {
                    flush(paragraph, state == State.INTRO ? intro : answer);
                }
            } else if (state == State.QUESTION) {
                question.append(' ').append(line);
            } else {
                if (!paragraph.isEmpty()) {
                    paragraph.append(' ');
                }
                paragraph.append(line);
            }
        }
        flush(paragraph, state == State.INTRO ? intro : answer);

        List<String> outro = new ArrayList<>();
        if (state == State.ANSWER || state == State.QUESTION) {
            // Only the last answer can hide the outro; its first paragraph is always the answer.
            int cut = answer.size();
            for (int i = 1; i < answer.size(); i++) {
                if (OUTRO_START.matcher(answer.get(i)).find()) {
                    cut = i;
                    break;
                }
            }
            outro.addAll(answer.subList(cut, answer.size()));
            pairs.add(new QaPair(question.toString().strip(), String.join("\n\n", answer.subList(0, cut))));
        }
        String introText = String.join("\n\n", intro);
        String outroText = String.join("\n\n", outro);
        return new ParsedPost(null, title, null, null, null, List.of(),
                introText.isEmpty() ? null : introText, pairs, outroText.isEmpty() ? null : outroText,
                Links.find(text), List.of());
    }

    private static void flush(StringBuilder paragraph, List<String> into) {
        if (!paragraph.isEmpty()) {
            into.add(paragraph.toString().strip());
            paragraph.setLength(0);
        }
    }
}
