package io.herald.transform;

/**
 * One normalization or enrichment step. Its name and version go into every post's provenance,
 * so a reader can tell which logic produced what; bump the version when the output changes.
 */
public interface Step {

    String name();

    String version();

    void apply(Draft draft);
}
