package io.herald.ingest;

import io.herald.events.QaPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Finds the questions and answers in an article's blocks, in the forms people write them: speaker
 * turns, labelled blocks ("Q:"/"A:", "Question:"/"Answer:", "Vraag:"/"Antwoord:"), definition lists
 * whose terms ask, and the repeated unit of a document (a heading level, wholly bold or numbered
 * paragraphs) whose members ask, or all of them in a section that calls itself an FAQ. Every reading
 * is tried and the one that explains the post best wins ({@link #extract(List, String)}). Answers keep
 * every paragraph and list; what comes before the first question is the intro, and closing words to
 * the reader after the last answer are the outro.
 */
final class QaExtractor {

    /** What was found: text before the questions, the pairs, text after them. */
    record Extraction(String intro, List<QaPair> pairs, String outro) {
    }

    private QaExtractor() {
    }

    /**
     * Every reading of the blocks (speaker turns, labels, definition lists, question headings, the
     * latter also finding questions marked by their markup's role: disclosures, accordions, FAQ blocks,
     * question lists and tables) is tried, and the one that explains the post best wins: the most pairs
     * with both a question and an answer, a pair missing its answer counting against its reading. On a
     * tie the earlier reading in that order wins. Whatever a reading does not take as a pair stays in the
     * intro or the outro.
     */
    static Extraction extract(List<Element> blocks) {
        return extract(blocks, null);
    }

    /** As {@link #extract(List)}, knowing the post's title (an FAQ's title says its headings are questions). */
    static Extraction extract(List<Element> all, String title) {
        List<Element> blocks = Contents.withoutContents(all);
        List<Optional<Extraction>> readings = List.of(speakerTurns(blocks), labelled(blocks), definitionLists(blocks),
                questionHeadings(blocks, title));
        Extraction best = null;
        int bestScore = 0;
        for (Optional<Extraction> reading : readings) {
            if (reading.isPresent() && score(reading.get()) > bestScore) {
                best = reading.get();
                bestScore = score(best);
            }
        }
        return best != null ? best : new Extraction(join(blocks), List.of(), null);
    }

    /** How well a reading explains the post: 2 per whole pair, minus 1 per pair without an answer. */
    static int score(Extraction e) {
        if (e == null) {
            return 0;
        }
        int score = 0;
        for (QaPair p : e.pairs()) {
            boolean whole = p.question() != null && !p.question().isBlank() && p.answer() != null && !p.answer().isBlank();
            score += whole ? 2 : -1;
        }
        return score;
    }

    /** An interview transcript (SpeakerTurns), unless it carries answer labels. */
    private static Optional<Extraction> speakerTurns(List<Element> blocks) {
        List<String> texts = blocks.stream().map(Blocks::text).toList();
        if (texts.stream().anyMatch(Labels::isAnswer)) {
            return Optional.empty(); // Q:/A: labels: the labelled reading knows them better
        }
        return SpeakerTurns.find(texts).map(i -> new Extraction(i.intro().isEmpty() ? null : String.join("\n\n", i.intro()),
                i.pairs(), null));
    }

    /** Pairs already known (schema.org FAQPage); the blocks give the intro before the first question. */
    static Extraction withKnownPairs(List<Element> blocks, List<QaPair> pairs) {
        String first = pairs.get(0).question();
        List<Element> intro = new ArrayList<>();
        for (Element b : blocks) {
            if (b.text().contains(first) || Labels.isQuestion(b.text())) {
                break;
            }
            intro.add(b);
        }
        if (intro.size() == blocks.size()) {
            // The page shows the questions differently (or not at all): its leading paragraphs are the intro.
            intro = blocks.stream().takeWhile(b -> b.normalName().equals("p")).toList();
        }
        return new Extraction(join(intro), pairs, null);
    }

    private static final class Pair {
        final StringBuilder question = new StringBuilder();
        /** The question's first words, to tell (Cues, when it matters) whether they ask. */
        String first;
        final List<Element> answer = new ArrayList<>();
    }

    private static Optional<Extraction> labelled(List<Element> blocks) {
        List<Element> intro = new ArrayList<>();
        List<Pair> pairs = new ArrayList<>();
        Pair current = null;
        boolean answering = false;
        for (Element b : blocks) {
            String text = b.text();
            Optional<String> q = Labels.question(text);
            Optional<String> a = Labels.answer(text);
            if (q.isPresent() && current != null && !answering && current.answer.isEmpty() && !current.question.isEmpty()) {
                if (Cues.joinsUnanswered(q.get(), current.first)) {
                    current.question.append(' ').append(q.get()); // several questions over one answer
                } else {
                    answering = true; // a "question" that does not ask, after one unanswered: the answer, mislabelled
                    Element stripped = b.clone().text(q.get());
                    current.answer.add(stripped);
                }
            } else if (q.isPresent()) {
                current = new Pair();
                current.question.append(q.get());
                current.first = q.get();
                pairs.add(current);
                answering = false;
            } else if (current == null) {
                intro.add(b);
            } else if (a.isPresent() && !answering) {
                answering = true;
                Element stripped = withoutLabel(b);
                if (!stripped.text().isBlank()) {
                    current.answer.add(stripped);
                }
            } else if (!answering && current.question.isEmpty()) {
                // "Q:" alone on its line: the question follows in the next block.
                current.question.append(text);
            } else {
                // An answer without its label still answers; later blocks continue it.
                answering = true;
                current.answer.add(b);
            }
        }
        if (pairs.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(finish(intro, pairs, List.of()));
    }

    /**
     * Definition lists whose terms ask (or carry a question label): each run of {@code <dt>} a question
     * (several terms over one definition are one question: "Can I pay by card? Can I pay by invoice?"),
     * its {@code <dd>}s the answer. A list of terms that do not ask ("Read the Docs", "Epydoc") is a
     * glossary, not questions.
     */
    private static Optional<Extraction> definitionLists(List<Element> blocks) {
        if (blocks.stream().noneMatch(b -> b.normalName().equals("dl"))) {
            return Optional.empty();
        }
        List<Element> intro = new ArrayList<>();
        List<Element> after = new ArrayList<>();
        List<Pair> pairs = new ArrayList<>();
        for (Element b : blocks) {
            boolean asks = b.normalName().equals("dl") && b.children().stream()
                    .anyMatch(c -> c.normalName().equals("dt") && Cues.of(c.text()).asks());
            if (asks) {
                after.clear();
                Pair current = null;
                boolean answered = true;
                for (Element item : b.children()) {
                    if (item.normalName().equals("dt")) {
                        String term = Labels.question(item.text()).orElse(item.text()).strip();
                        if (current != null && !answered) {
                            current.question.append(' ').append(term);
                        } else {
                            current = new Pair();
                            current.question.append(term);
                            pairs.add(current);
                        }
                        answered = false;
                    } else if (item.normalName().equals("dd") && current != null) {
                        answered = true;
                        Element p = new Element("div");
                        item.childNodes().forEach(node -> p.appendChild(node.clone()));
                        List<Element> parts = Blocks.of(p).isEmpty() ? List.of(p) : Blocks.of(p);
                        for (Element part : parts) {
                            current.answer.add(current.answer.isEmpty() && Labels.isAnswer(part.text()) ? withoutLabel(part) : part);
                        }
                    }
                }
            } else if (pairs.isEmpty()) {
                intro.add(b);
            } else {
                after.add(b);
            }
        }
        return pairs.isEmpty() ? Optional.empty() : Optional.of(finish(intro, pairs, after));
    }

    /** The role a block plays as a possible question: a heading's level (1 to 6), a bold paragraph (7), a numbered one (8); else 0. */
    static int role(Element b) {
        String name = b.normalName();
        if (name.length() == 2 && name.charAt(0) == 'h' && name.charAt(1) >= '1' && name.charAt(1) <= '6') {
            return name.charAt(1) - '0';
        }
        if (b.normalName().equals("p") && b.hasAttr(TextBlocks.NUMBERED)) {
            return 8;
        }
        if (b.normalName().equals("p")) {
            String text = b.text().strip();
            String bold = b.select("strong, b").text().strip();
            return !text.isEmpty() && bold.equals(text) && text.length() <= 400 ? 7 : 0;
        }
        return 0;
    }

    /**
     * The general reading: the repeated unit. Every block that may carry a question has a role (its
     * heading level, a wholly bold paragraph, a numbered paragraph of plain text) and a cue (Cues: a
     * question mark, a label, an interrogative word). The role most question-like blocks share is the
     * unit, and each unit that asks, with what follows it up to the next unit, is a pair. In a section
     * that calls itself an FAQ (or whose units mostly ask), every unit is a question, however it is
     * worded ("rclone gives x509 error"), except informational ones ("See also") and closing words.
     * Roles above the unit group the questions and close answers; roles below it are the answer's own
     * sections, unless they ask too (a follow-up question under a question). Marked questions
     * (QuestionMarkup) always count.
     */
    private static Optional<Extraction> questionHeadings(List<Element> blocks, String title) {
        int n = blocks.size();
        int[] roles = new int[n];
        Cues.Cue[] cues = new Cues.Cue[n];
        double[] weight = new double[9];
        int[] total = new int[9];
        boolean anyMarked = false;
        for (int i = 0; i < n; i++) {
            Element b = blocks.get(i);
            roles[i] = role(b);
            boolean marked = b.hasAttr(QuestionMarkup.ATTRIBUTE);
            anyMarked |= marked;
            cues[i] = marked ? Cues.Cue.STRONG : roles[i] == 0 ? Cues.Cue.NONE : Cues.of(b.text());
            if (roles[i] > 0 && !marked) {
                total[roles[i]]++;
                // A bold paragraph asks only by its punctuation: bold is emphasis as often as it is a question.
                weight[roles[i]] += cues[i] == Cues.Cue.STRONG ? 1 : cues[i] == Cues.Cue.OPENER && roles[i] != 7 ? 0.5 : 0;
            }
        }
        int unit = 0;
        for (int r = 1; r <= 8; r++) {
            if (weight[r] > 0 && (unit == 0 || weight[r] > weight[unit]
                    || weight[r] == weight[unit] && weight[r] / total[r] >= weight[unit] / total[unit])) {
                unit = r;
            }
        }
        boolean documentFaq = Cues.namesFaq(title);
        if (unit == 0) {
            // Nothing asks, but the document or one of its sections calls itself an FAQ ("Troubleshooting":
            // "The sensor blinks red"): its most frequent heading level is the unit.
            unit = faqUnit(blocks, roles, documentFaq);
        }
        if (unit == 0 && !anyMarked) {
            return Optional.empty();
        }
        // Where the units carry question labels ("### Q: ..."), the labels say which are questions.
        int labelledUnits = 0;
        for (int i = 0; i < n; i++) {
            labelledUnits += unit > 0 && roles[i] == unit && Labels.isQuestion(blocks.get(i).text()) ? 1 : 0;
        }
        boolean labelsDecide = unit > 0 && labelledUnits * 2 >= total[unit];
        // Which units are questions: per section (the blocks under one heading above the unit).
        boolean[] question = new boolean[n];
        int sectionStart = 0;
        boolean sectionFaq = documentFaq;
        for (int i = 0; i <= n; i++) {
            boolean boundary = i == n || unit > 0 && roles[i] > 0 && roles[i] < unit && roles[i] <= 6;
            if (boundary) {
                int units = 0;
                int asking = 0;
                for (int j = sectionStart; j < i; j++) {
                    if (unit > 0 && roles[j] == unit) {
                        units++;
                        asking += cues[j] == Cues.Cue.STRONG || cues[j] == Cues.Cue.OPENER && unit != 7 ? 1 : 0;
                    }
                }
                boolean dense = unit != 7 && !labelsDecide && (sectionFaq || units > 2 && asking * 3 > units * 2);
                for (int j = sectionStart; j < i; j++) {
                    Element b = blocks.get(j);
                    if (b.hasAttr(QuestionMarkup.ATTRIBUTE)) {
                        question[j] = true;
                    } else if (Boilerplate.startsOutro(b.text())) {
                        question[j] = false; // "More questions?": the closing words, however they are set
                    } else if (unit > 0 && roles[j] == unit) {
                        question[j] = cues[j] == Cues.Cue.STRONG || cues[j] == Cues.Cue.OPENER && dense
                                || dense && !Cues.informational(b.text());
                    } else if (roles[j] > unit && roles[j] <= 6) {
                        // A follow-up question under a question; the answer's own sections stay in it.
                        question[j] = cues[j] == Cues.Cue.STRONG || cues[j] == Cues.Cue.OPENER && dense;
                    } else if (roles[j] > 0 && roles[j] < unit && roles[j] <= 6) {
                        question[j] = cues[j] == Cues.Cue.STRONG;
                    }
                }
                if (i < n) {
                    sectionStart = i;
                    sectionFaq = documentFaq || Cues.namesFaq(blocks.get(i).text());
                }
            }
        }
        List<Element> intro = new ArrayList<>();
        List<Pair> pairs = new ArrayList<>();
        List<Element> loose = new ArrayList<>();
        Pair current = null;
        int questionLevel = 9;
        boolean grouping = false;
        for (int i = 0; i < n; i++) {
            Element b = blocks.get(i);
            if (question[i]) {
                if (current != null) {
                    current.answer.addAll(loose);
                }
                loose.clear();
                current = new Pair();
                current.question.append(Cues.withoutAttribute(Labels.question(b.text()).orElse(b.text())).strip());
                pairs.add(current);
                questionLevel = roles[i] == 0 ? 9 : roles[i];
                grouping = false;
            } else if (current == null) {
                intro.add(b);
            } else if (roles[i] > 0 && roles[i] < unit && roles[i] <= 6 && roles[i] < questionLevel) {
                // A heading that groups questions: it and the words under it belong to no answer.
                grouping = true;
            } else if (grouping) {
                continue;
            } else if (roles[i] > 0 && roles[i] <= questionLevel && roles[i] <= 6 || !loose.isEmpty()) {
                // A section heading that is not a question closes the answer; what follows it
                // belongs to the answer only if another question comes after (else it is the outro).
                loose.add(b);
            } else if (current.answer.isEmpty() && restates(b, current.question.toString())) {
                // "<h2>Is it free?</h2><p>Q: Is it free?</p><p>A: Yes.</p>": the question said again is not its answer.
                continue;
            } else {
                // "<h2>Is it free?</h2><p>A: Yes.</p>": the answer's label is not part of it.
                current.answer.add(current.answer.isEmpty() && Labels.isAnswer(b.text()) ? withoutLabel(b) : b);
            }
        }
        if (pairs.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(finish(intro, pairs, loose));
    }

    private static boolean restates(Element b, String question) {
        return Labels.question(b.text()).filter(q -> same(q, question)).isPresent();
    }

    /**
     * The heading level that repeats most (at least twice) in the whole document when its title names
     * it an FAQ, else under the first heading that does, below that heading's level; 0 when neither.
     */
    private static int faqUnit(List<Element> blocks, int[] roles, boolean documentFaq) {
        int from = 0;
        int to = blocks.size();
        int above = 0;
        if (!documentFaq) {
            from = -1;
            for (int i = 0; i < blocks.size() && from < 0; i++) {
                if (roles[i] > 0 && roles[i] <= 6 && Cues.namesFaq(blocks.get(i).text())) {
                    from = i + 1;
                    above = roles[i];
                }
            }
            if (from < 0) {
                return 0;
            }
            for (int i = from; i < blocks.size(); i++) {
                if (roles[i] > 0 && roles[i] <= above) {
                    to = i;
                    break;
                }
            }
        }
        int[] count = new int[7];
        for (int i = from; i < to; i++) {
            if (roles[i] > above && roles[i] <= 6) {
                count[roles[i]]++;
            }
        }
        int best = 0;
        for (int r = 1; r <= 6; r++) {
            if (count[r] >= 2 && (best == 0 || count[r] > count[best])) {
                best = r;
            }
        }
        return best;
    }

    /** Whether two questions are the same one, told apart only by case, spacing and punctuation. */
    private static boolean same(String a, String b) {
        String x = Contents.key(a);
        String y = Contents.key(b);
        return !x.isEmpty() && (x.equals(y) || x.contains(y) || y.contains(x));
    }

    private static Extraction finish(List<Element> given, List<Pair> pairs, List<Element> trailing) {
        // A lead that says the first answer again (a docs page's description shown above its questions) is no intro.
        List<Element> intro = given;
        if (!pairs.isEmpty() && !pairs.get(0).answer.isEmpty()) {
            String first = Contents.key(pairs.get(0).answer.get(0).text());
            intro = given.stream().filter(b -> first.isEmpty() || !Contents.key(b.text()).equals(first)).toList();
        }
        List<QaPair> out = new ArrayList<>();
        List<Element> outro = new ArrayList<>(trailing);
        for (int i = 0; i < pairs.size(); i++) {
            Pair p = pairs.get(i);
            List<Element> answer = p.answer;
            if (i == pairs.size() - 1) {
                // Only the last answer can hide the outro, and never in its first block.
                for (int j = 1; j < answer.size(); j++) {
                    if (Boilerplate.startsOutro(answer.get(j).text())) {
                        outro.addAll(0, answer.subList(j, answer.size()));
                        answer = answer.subList(0, j);
                        break;
                    }
                }
            }
            StringBuilder html = new StringBuilder();
            answer.forEach(b -> html.append(b.outerHtml()).append('\n'));
            out.add(new QaPair(p.question.toString().strip(), join(answer), answer.isEmpty() ? null : html.toString().strip()));
        }
        return new Extraction(join(intro), out, join(outro));
    }

    private static String join(List<Element> blocks) {
        List<String> parts = new ArrayList<>();
        for (Element b : blocks) {
            String t = Blocks.text(b);
            if (!t.isBlank()) {
                parts.add(t);
            }
        }
        return parts.isEmpty() ? null : String.join("\n\n", parts);
    }

    /** The block without its leading "A:" label, whether the label is bold or plain text. */
    static Element withoutLabel(Element block) {
        Element copy = block.clone();
        for (Node node : new ArrayList<>(copy.childNodes())) {
            if (node instanceof TextNode t && t.isBlank()) {
                continue;
            }
            if (node instanceof Element e && Labels.answer(e.text()).map(String::isEmpty).orElse(false)) {
                e.remove();
            } else if (node instanceof Element e && Labels.answer(e.text()).isPresent() && e.childrenSize() == 0) {
                e.text(Labels.answer(e.text()).get());
            } else if (node instanceof TextNode t) {
                // "A: See " before a link keeps its trailing space, or "See" and the link's text run together.
                String whole = t.getWholeText();
                boolean spaceAfter = !whole.isEmpty() && Character.isWhitespace(whole.charAt(whole.length() - 1));
                Labels.answer(whole).ifPresent(rest -> t.text(rest.isEmpty() || !spaceAfter ? rest : rest + " "));
            }
            break;
        }
        return copy;
    }
}
