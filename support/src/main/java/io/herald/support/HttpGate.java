package io.herald.support;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.HostAndPort;
import java.time.Duration;
import java.util.TreeSet;

/**
 * The one door in front of every HTTP endpoint Herald has, ahead of the routes (so ahead of any body
 * being read): a request whose {@code Host} is not one Herald answers for is refused (a DNS-rebinding
 * name cannot reach the API), a state-changing request from another site's page is refused (a form or
 * a {@code text/plain} fetch needs no CORS preflight), and with {@code api-token} set every request
 * that writes, does work on request or reads private data needs the token. Nothing an unauthenticated
 * caller sends is read, let alone stored: the refusal goes out before the body is.
 *
 * <p>Public reads, open to anyone: the feeds, the post pages, the posts' API, the snippets, health,
 * metrics, the contracts and the dashboard's files. Everything else is private.
 */
public final class HttpGate {

    /** GET/HEAD paths that read private data: the refused inputs, the newsletter's delivery state and where a post went (followers' inboxes). */
    private static final Pattern PRIVATE_READS = Pattern.compile("/api/dlq(/.*)?|/api/posts/[^/]+/newsletter(/.*)?|/api/posts/[^/]+/channels");

    /** The ActivityPub inbox: what other servers POST there carries their HTTP signature, not Herald's token. */
    public static final String SIGNED_INBOX = "/ap/inbox";

    private final Optional<String> token;
    private final boolean ghostSigned;
    private final Set<String> hosts;
    private final boolean anyHost;
    private final String baseOrigin;
    private final long requestMillis;

    /**
     * @param token        the API token, if set
     * @param ghostSigned  whether a Ghost-signed webhook may come without the token (the route checks its signature)
     * @param baseUrl      Herald's public URL: its host is answered for, its origin may write
     * @param bindHost     the address the server binds: answered for when it is a specific one
     * @param allowedHosts more host names to answer for ({@code *}: any)
     */
    public HttpGate(Optional<String> token, boolean ghostSigned, String baseUrl, String bindHost, List<String> allowedHosts) {
        this(token, ghostSigned, baseUrl, bindHost, allowedHosts, Duration.ofSeconds(60));
    }

    /** @param requestTimeout how long a request may take to arrive whole: a slower one is answered 408 and its connection closed */
    public HttpGate(Optional<String> token, boolean ghostSigned, String baseUrl, String bindHost, List<String> allowedHosts,
                    Duration requestTimeout) {
        this.requestMillis = Math.max(1, requestTimeout.toMillis());
        this.token = token;
        this.ghostSigned = ghostSigned;
        Set<String> h = new HashSet<>(List.of("localhost", "127.0.0.1", "::1"));
        URI base = URI.create(baseUrl);
        if (base.getHost() != null) {
            h.add(bare(base.getHost()));
        }
        if (!bindHost.equals("0.0.0.0") && !bindHost.equals("::")) {
            h.add(bare(bindHost));
        }
        allowedHosts.forEach(a -> h.add(bare(a)));
        this.anyHost = h.contains("*");
        this.hosts = Set.copyOf(h);
        this.baseOrigin = origin(base.getScheme(), base.getRawAuthority());
    }

    /** Puts the gate in front of everything else on the router. */
    public void install(Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        var request = ctx.request();
        Optional<Refusal> refusal = refusal(request.method().name(), request.path(),
                request.version() == HttpVersion.HTTP_2 ? authority(request) : request.getHeader(HttpHeaders.HOST),
                request.isSSL() ? "https" : "http", request.getHeader("Origin"), request.getHeader("Sec-Fetch-Site"),
                request.getHeader("Authorization"), request.getHeader("X-Ghost-Signature") != null);
        if (refusal.isEmpty()) {
            if (!request.isEnded() && mayHaveBody(request)) {
                // A body trickling in (a byte every few seconds) holds a connection, not a thread; it is still
                // cut off once the request has taken longer than a whole request may.
                var vertx = ctx.vertx();
                long timer = vertx.setTimer(requestMillis, id -> {
                    if (!request.isEnded() && !ctx.response().ended()) {
                        endUnread(request, ctx.response().setStatusCode(408).putHeader("Content-Type", Problems.CONTENT_TYPE),
                                Problems.json(408, "Request timeout", "The request did not arrive whole within "
                                        + requestMillis / 1000 + " s (request-timeout-seconds), so Herald stopped waiting for it."));
                    }
                });
                ctx.addEndHandler(done -> vertx.cancelTimer(timer));
            }
            ctx.next();
            return;
        }
        Refusal r = refusal.get();
        var response = ctx.response().setStatusCode(r.status()).putHeader("Content-Type", Problems.CONTENT_TYPE)
                .putHeader("X-Content-Type-Options", "nosniff");
        if (r.status() == 401) {
            response.putHeader("WWW-Authenticate", "Bearer realm=\"herald\"");
        }
        endUnread(request, response, Problems.json(r.status(), r.title(), r.detail()));
    }

    /**
     * Ends a refusal whose request body was not (or not wholly) read. Over HTTP/1.1 the connection is
     * closed once the answer is out, rather than kept open for the rest of a body nobody will read (or
     * that never comes); over HTTP/2 only the request's own stream ends (closing the connection would
     * end every other request on it).
     */
    public static void endUnread(HttpServerRequest request, HttpServerResponse response, String body) {
        boolean close = !request.isEnded() && request.version() != HttpVersion.HTTP_2;
        if (close) {
            response.putHeader("Connection", "close");
        }
        response.end(body).onComplete(done -> {
            if (close) {
                request.connection().close();
            }
        });
    }

    /** HTTP/1.x: a request has a body only when it says so (RFC 9112 section 6); HTTP/2 may send one unannounced. */
    private static boolean mayHaveBody(HttpServerRequest request) {
        if (request.version() == HttpVersion.HTTP_2) {
            return true;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return length != null && !length.equals("0") || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    /** The host the request names: its Host header, or HTTP/2's :authority (clients that upgrade to h2c send no Host). */
    private static String authority(HttpServerRequest request) {
        HostAndPort a = request.authority();
        if (a == null) {
            return request.getHeader("Host");
        }
        String host = a.host();
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return a.port() > 0 ? host + ":" + a.port() : host;
    }

    /** Why a request is refused, or empty when it may go on to its route. */
    public record Refusal(int status, String title, String detail) {
    }

    /** The decision, on the request's parts: a plain function, for tests. */
    public Optional<Refusal> refusal(String method, String path, String host, String scheme, String origin, String fetchSite,
                                     String authorization, boolean signedByGhost) {
        String name = hostName(host);
        if (name == null || !anyHost && !hosts.contains(name)) {
            return Optional.of(new Refusal(421, "Misdirected request", "Herald does not answer for the host \""
                    + (host == null ? "" : Masking.shorten(host)) + "\": it answers for " + String.join(", ", new TreeSet<>(hosts))
                    + ". Add the name to allowed-hosts if it is Herald's."));
        }
        boolean safe = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        if (!safe) {
            if (origin != null) {
                String own = origin(scheme, host);
                String o = origin.strip().toLowerCase(Locale.ROOT);
                if (!o.equals(own) && !o.equals(baseOrigin)) {
                    return Optional.of(new Refusal(403, "Cross-origin request refused", "A page on " + Masking.shorten(origin)
                            + " may not change anything here; only Herald's own pages (" + baseOrigin + ") may."));
                }
            } else if ("cross-site".equalsIgnoreCase(fetchSite)) {
                return Optional.of(new Refusal(403, "Cross-origin request refused",
                        "A page on another site may not change anything here."));
            }
        }
        if (token.isEmpty() || safe && !(path.startsWith("/api/") && PRIVATE_READS.matcher(path).matches())) {
            return Optional.empty();
        }
        if (method.equals("POST") && path.equals(SIGNED_INBOX)) {
            return Optional.empty(); // other servers sign what they send; its route verifies that before it reads anything
        }
        if (signedByGhost && ghostSigned && method.equals("POST") && path.equals("/api/webhooks/cms")) {
            return Optional.empty(); // its route verifies the signature before reading anything else
        }
        return ApiTokens.refusal(token, authorization).map(why -> new Refusal(401, "Unauthorized", why));
    }

    /** The host name of a Host header, without its port, lower case; null when there is none. */
    static String hostName(String host) {
        if (host == null || host.isBlank()) {
            return null;
        }
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? null : h.substring(1, end);
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    private static String bare(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    private static String origin(String scheme, String authority) {
        if (authority == null) {
            return "";
        }
        String s = scheme == null ? "http" : scheme.toLowerCase(Locale.ROOT);
        String a = authority.toLowerCase(Locale.ROOT);
        if (s.equals("http") && a.endsWith(":80") || s.equals("https") && a.endsWith(":443")) {
            a = a.substring(0, a.lastIndexOf(':'));
        }
        return s + "://" + a;
    }
}
