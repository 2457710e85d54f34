package io.herald.events;

/**
 * Where a snippet's text shows a link that points elsewhere than it reads: Bluesky shows a short form
 * of the link and carries the whole URL in a facet (app.bsky.richtext.facet#link), with the span in
 * UTF-8 bytes of the text, as Bluesky counts it.
 *
 * @param byteStart the first byte of the shown link in the text's UTF-8
 * @param byteEnd   the byte after it
 * @param uri       the whole URL the shown link stands for
 */
public record LinkFacet(int byteStart, int byteEnd, String uri) {
}
