package io.herald.ingest;

import io.herald.events.QaPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a Q&amp;A post written as plain text: the first non-empty line is the title, text before
 * the first question is the intro, and labelled lines ({@link Labels}: {@code Q:}/{@code A:},
 * {@code Question:}/{@code Answer:}, Dutch {@code Vraag:}/{@code Antwoord:}, ...) start questions and answers. An answer
 * runs, paragraphs and all, until the next question.
 */
public final class PlainTextParser {

    private enum State { INTRO, QUESTION, ANSWER }

    /**
     * Two readings of the text, the better one kept (QaExtractor's score): the line reading below
     * (labels, speaker turns), and the general reading of the text's blocks (TextBlocks: headings,
     * numbered questions, definition items, read by QaExtractor as HTML is).
     */
    public ParsedPost parse(String text) {
        ParsedPost lines = parseLines(text);
        TextBlocks.Read read = TextBlocks.read(text);
        QaExtractor.Extraction structure = QaExtractor.extract(read.blocks(), read.title());
        int byLines = QaExtractor.score(new QaExtractor.Extraction(null, lines.qa(), null));
        if (QaExtractor.score(structure) <= byLines) {
            return lines;
        }
        return ParsedPost.builder().title(read.title()).intro(structure.intro()).qa(structure.pairs())
                .outro(structure.outro()).links(Links.find(text)).build();
    }

    private ParsedPost parseLines(String text) {
        List<String> lines = text.replace("\r\n", "\n").replace('\r', '\n').lines().toList();
        String title = null;
        List<String> intro = new ArrayList<>();
        List<QaPair> pairs = new ArrayList<>();
        StringBuilder question = new StringBuilder();
        List<String> answer = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        State state = State.INTRO;
        boolean sawAnswerLabel = false;
        String questionStart = "";

        for (String raw : lines) {
            String line = raw.strip();
            if (title == null) {
                // A banner ("=====", "-----") is no title: the first line with a letter in it is.
                if (line.codePoints().anyMatch(Character::isLetter)) {
                    title = line;
                }
                continue;
            }
            if (Boilerplate.isChrome(line)) {
                continue;
            }
            Optional<String> q = Labels.question(line);
            Optional<String> a = Labels.answer(line);
            if (q.isPresent() && state == State.QUESTION && !question.isEmpty()) {
                if (Cues.joinsUnanswered(q.get(), questionStart)) {
                    // "Q3a: ... Q3b: ..." before one answer: one question in several.
                    question.append(' ').append(q.get());
                } else {
                    // An unanswered question, then a "question" that does not ask: its answer, mislabelled.
                    sawAnswerLabel = true;
                    state = State.ANSWER;
                    paragraph.append(q.get());
                }
            } else if (q.isPresent()) {
                flush(paragraph, state == State.INTRO ? intro : answer);
                if (state == State.ANSWER || state == State.QUESTION) {
                    pairs.add(new QaPair(question.toString().strip(), String.join("\n\n", answer)));
                }
                question.setLength(0);
                question.append(q.get());
                questionStart = q.get();
                answer.clear();
                state = State.QUESTION;
            } else if (a.isPresent() && state == State.QUESTION) {
                sawAnswerLabel = true;
                state = State.ANSWER;
                paragraph.append(a.get());
            } else if (line.isEmpty()) {
                if (state != State.QUESTION) {
                    flush(paragraph, state == State.INTRO ? intro : answer);
                }
            } else if (state == State.QUESTION) {
                question.append(' ').append(line);
            } else {
                if (!paragraph.isEmpty()) {
                    // A list item keeps its own line (so it stays a list); other lines of a paragraph join.
                    paragraph.append(LIST_ITEM.matcher(line).lookingAt() ? '\n' : ' ');
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
                if (Boilerplate.startsOutro(answer.get(i))) {
                    cut = i;
                    break;
                }
            }
            outro.addAll(answer.subList(cut, answer.size()));
            pairs.add(new QaPair(question.toString().strip(), String.join("\n\n", answer.subList(0, cut))));
        }
        if (pairs.isEmpty() || !sawAnswerLabel) {
            // No answer labels: maybe a transcript of speaker turns ("Q:" against a named speaker too).
            List<String> paragraphs = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            boolean seenTitle = false;
            for (String raw : lines) {
                String line = raw.strip();
                if (!seenTitle) {
                    seenTitle = line.codePoints().anyMatch(Character::isLetter);
                    continue;
                }
                if (line.isEmpty() || SPEAKER_START.matcher(line).lookingAt()) {
                    flush(current, paragraphs);
                }
                if (!line.isEmpty() && !Boilerplate.isChrome(line)) {
                    current.append(current.isEmpty() ? "" : " ").append(line);
                }
            }
            flush(current, paragraphs);
            Optional<SpeakerTurns.Interview> interview = SpeakerTurns.find(paragraphs);
            if (interview.isPresent()) {
                intro.clear();
                intro.addAll(interview.get().intro());
                pairs.clear();
                pairs.addAll(interview.get().pairs());
                outro.clear();
            }
        }
        String introText = String.join("\n\n", intro);
        String outroText = String.join("\n\n", outro);
        return ParsedPost.builder().title(title).intro(introText.isEmpty() ? null : introText).qa(pairs)
                .outro(outroText.isEmpty() ? null : outroText).links(Links.find(text)).build();
    }

    /** A line that may start a speaker's turn ("Maria Lopez: ..."): it starts a paragraph of its own. */
    static final Pattern SPEAKER_START = Pattern.compile(
            "[\\p{Lu}][\\p{L}.'’-]{0,30}(?:\\s+[\\p{Lu}][\\p{L}.'’-]{0,30}){0,2}\\s*[:：]\\s*\\S");

    /** A line that starts a list item: "- ", "* ", "• " or "1. " / "1) ". */
    static final Pattern LIST_ITEM = Pattern.compile("(?:[-*•]|\\d{1,3}[.)])\\s+\\S");

    private static void flush(StringBuilder paragraph, List<String> into) {
        if (!paragraph.isEmpty()) {
            into.add(paragraph.toString().strip());
            paragraph.setLength(0);
        }
    }
}
