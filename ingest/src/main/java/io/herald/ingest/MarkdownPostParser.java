package io.herald.ingest;

import java.util.List;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import java.util.ArrayList;

/**
 * Reads a Markdown post, with or without YAML front matter ({@code title}, {@code date},
 * {@code author}, {@code tags}, {@code canonical_url}, {@code id}, {@code image}). The Markdown is
 * rendered to HTML and read like any HTML post, so bold labels, question headings and lists in
 * answers are understood the same way in both.
 */
public final class MarkdownPostParser {

    private static final Parser MARKDOWN = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().build();

    public ParsedPost parse(String text) {
        FrontMatter.Split split = FrontMatter.split(text);
        String url = split.string("canonical_url", "canonical", "url");
        PostMeta meta = new PostMeta(split.string("id"), split.string("title"), split.string("author"),
                Dates.required("date", split.string("date", "published", "published_at")), url,
                split.list("tags", "categories", "keywords"), split.string("image", "cover", "og_image"));
        String html = "<article>" + HTML.render(MARKDOWN.parse(DefinitionLists.asHtmlBlocks(split.body()))) + "</article>";
        ParsedPost post = new HtmlPostParser().parse(html, url, meta);
        // Bare www. links in the Markdown source are links too, though Markdown does not make them so.
        List<String> links = new ArrayList<>(post.links());
        Links.find(split.body()).stream().filter(l -> !links.contains(l)).forEach(links::add);
        return post.toBuilder().links(links).build();
    }
}
