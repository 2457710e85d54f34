package io.herald.ingest;

import io.herald.events.QaPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Finds the questions and answers in an article's blocks, in the forms people write them, tried in
 * this order (the first that finds a pair wins):
 * <ol>
 *   <li>labelled blocks: "Q:"/"A:", "Question:"/"Answer:", "Vraag:"/"Antwoord:", bold or not;</li>
 *   <li>definition lists: each {@code <dt>} a question, its {@code <dd>}s the answer;</li>
 *   <li>questions as headings, or as paragraphs that are wholly bold and end with a question mark,
 *       each answered by the blocks up to the next question.</li>
 * </ol>
 * Answers keep every paragraph and list; what comes before the first question is the intro, and
 * closing words to the reader after the last answer are the outro.
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
        List<Optional<Extraction>> readings = List.of(speakerTurns(blocks), labelled(blocks), definitionLists(blocks),
                questionHeadings(blocks));
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
            if (q.isPresent()) {
                current = new Pair();
                current.question.append(q.get());
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

    private static Optional<Extraction> definitionLists(List<Element> blocks) {
        if (blocks.stream().noneMatch(b -> b.normalName().equals("dl"))) {
            return Optional.empty();
        }
        List<Element> intro = new ArrayList<>();
        List<Element> after = new ArrayList<>();
        List<Pair> pairs = new ArrayList<>();
        for (Element b : blocks) {
            if (b.normalName().equals("dl")) {
                after.clear();
                Pair current = null;
                for (Element item : b.children()) {
                    if (item.normalName().equals("dt")) {
                        current = new Pair();
                        current.question.append(item.text());
                        pairs.add(current);
                    } else if (item.normalName().equals("dd") && current != null) {
                        Element p = new Element("div");
                        item.childNodes().forEach(n -> p.appendChild(n.clone()));
                        current.answer.addAll(Blocks.of(p).isEmpty() ? List.of(p) : Blocks.of(p));
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

    private static Optional<Extraction> questionHeadings(List<Element> blocks) {
        List<Element> intro = new ArrayList<>();
        List<Pair> pairs = new ArrayList<>();
        List<Element> loose = new ArrayList<>();
        Pair current = null;
        int questionLevel = 7;
        for (Element b : blocks) {
            if (isQuestionBlock(b)) {
                if (current != null) {
                    current.answer.addAll(loose);
                }
                loose.clear();
                current = new Pair();
                current.question.append(b.text());
                pairs.add(current);
                questionLevel = level(b);
            } else if (current == null) {
                intro.add(b);
            } else if (level(b) < 7 && level(b) <= questionLevel || !loose.isEmpty()) {
                // A section heading that is not a question closes the answer; what follows it
                // belongs to the answer only if another question comes after (else it is the outro).
                loose.add(b);
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

    private static boolean isQuestionBlock(Element b) {
        if (b.hasAttr(QuestionMarkup.ATTRIBUTE)) {
            return true; // a question by its markup's role (QuestionMarkup), whatever its punctuation
        }
        String text = b.text().strip();
        if (!text.endsWith("?") || text.length() > 400) {
            return false;
        }
        if (b.normalName().matches("h[1-6]")) {
            return true;
        }
        // <p><strong>Where do I start?</strong></p>: the whole paragraph is bold
        if (b.normalName().equals("p")) {
            String bold = b.select("strong, b").text().strip();
            return bold.equals(text);
        }
        return false;
    }

    private static int level(Element b) {
        return b.normalName().matches("h[1-6]") ? b.normalName().charAt(1) - '0' : 7;
    }

    private static Extraction finish(List<Element> intro, List<Pair> pairs, List<Element> trailing) {
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
