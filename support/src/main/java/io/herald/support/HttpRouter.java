package io.herald.support;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

/** The Vert.x router under Camel's platform-http, for what a stage answers on it directly. */
public final class HttpRouter {

    private HttpRouter() {
    }

    /** The router of the started HTTP server; it is registered under a name that depends on the port, so found by type. */
    public static VertxPlatformHttpRouter of(CamelContext camel) {
        var routers = camel.getRegistry().findByType(VertxPlatformHttpRouter.class);
        if (routers.isEmpty()) {
            throw new IllegalStateException("the HTTP server has not started, so there is no router to answer on");
        }
        return routers.iterator().next();
    }
}
