package io.tokligence.gateway.daemon.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Method + path-template dispatch ({@code /api/v1/admin/users/{id}}) on one HttpServer context, so unknown paths
 * and wrong methods get the same JSON errors as everything else instead of the JDK server's HTML pages.
 */
public final class Router implements HttpHandler {
    private static final Logger LOG = Logger.getLogger(Router.class.getName());

    private record Route(String method, String[] segments, Handler handler) {
    }

    private final List<Route> routes = new ArrayList<>();
    private final long maxBodyBytes;
    private Handler fallback = call -> {
        throw ApiException.notFound("route_not_found", "no route for " + call.method() + " " + call.path());
    };

    public Router(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    public Router add(String method, String template, Handler handler) {
        routes.add(new Route(method, split(template), handler));
        return this;
    }

    /** Answers requests no route matched (the static consoles). */
    public Router fallback(Handler handler) {
        this.fallback = handler;
        return this;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String[] segments = split(exchange.getRequestURI().getPath());
        Handler handler = null;
        Map<String, String> params = Map.of();
        TreeSet<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            Map<String, String> matched = match(route.segments, segments);
            if (matched == null) {
                continue;
            }
            if (route.method.equals(exchange.getRequestMethod())) {
                handler = route.handler;
                params = matched;
                break;
            }
            allowed.add(route.method);
        }
        HttpCall call = new HttpCall(exchange, maxBodyBytes, params);
        try {
            if (handler != null) {
                handler.handle(call);
            } else if (!allowed.isEmpty()) {
                exchange.getResponseHeaders().set("Allow", String.join(", ", allowed));
                throw new ApiException(405, "invalid_request_error", "method_not_allowed",
                        call.method() + " is not allowed on " + call.path() + "; use " + String.join(" or ", allowed));
            } else {
                fallback.handle(call);
            }
        } catch (ApiException e) {
            respondWithError(call, e);
        } catch (IOException e) {
            // The client went away mid-response; nothing useful can be sent any more.
            LOG.log(Level.FINE, "I/O error answering " + call.path(), e);
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "unexpected error answering " + call.method() + " " + call.path(), e);
            respondWithError(call, new ApiException(500, "server_error", "internal_error",
                    "internal error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())));
        } finally {
            exchange.close();
        }
    }

    private static void respondWithError(HttpCall call, ApiException error) {
        if (call.responded()) {
            return;
        }
        try {
            call.sendError(error);
        } catch (IOException ignored) {
            // Client disconnected; the access log still records the status.
        }
    }

    private static Map<String, String> match(String[] template, String[] path) {
        if (template.length != path.length) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < template.length; i++) {
            String t = template[i];
            if (t.startsWith("{") && t.endsWith("}")) {
                params.put(t.substring(1, t.length() - 1), path[i]);
            } else if (!t.equals(path[i])) {
                return null;
            }
        }
        return params;
    }

    private static String[] split(String path) {
        String trimmed = path.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/+");
    }
}
