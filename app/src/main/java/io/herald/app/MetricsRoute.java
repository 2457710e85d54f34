package io.herald.app;

import io.herald.support.HttpAnswers;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/** {@code metrics}: {@code GET /metrics}, Prometheus' text exposition format. */
final class MetricsRoute extends RouteBuilder {

    private final HeraldMetrics metrics;

    MetricsRoute(HeraldMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void configure() {
        from(AppHttp.METRICS.uri())
                .routeId(AppHttp.METRICS.routeId())
                .process(e -> {
                    String text = metrics.scrape();
                    HttpAnswers.answer(e, 200, "text/plain; version=0.0.4; charset=utf-8", text);
                });
    }
}
