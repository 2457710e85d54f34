package io.herald.app;

import java.util.EnumSet;
import java.util.Set;

/** The stages one Herald process can run. */
public enum Stage {
    INGEST, TRANSFORM, PUBLISH;

    public static Set<Stage> all() {
        return EnumSet.allOf(Stage.class);
    }
}
