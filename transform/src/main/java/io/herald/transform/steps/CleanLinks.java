package io.herald.transform.steps;

import io.herald.transform.Draft;
import io.herald.transform.Step;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.ArrayList;

/** The post's URL, links and images: absolute, without tracking parameters, each once. */
public final class CleanLinks implements Step {

    @Override
    public String name() {
        return "clean-links";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public void apply(Draft d) {
        d.url = Urls.clean(d.url);
        d.links = clean(d.url, d.links);
        d.images = clean(d.url, d.images);
    }

    private static List<String> clean(String base, List<String> urls) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        urls.stream().map(u -> Urls.clean(Urls.absolute(base, u))).filter(Objects::nonNull)
                .filter(u -> u.matches("(?i)https?://.+")).forEach(out::add);
        return new ArrayList<>(out);
    }
}
