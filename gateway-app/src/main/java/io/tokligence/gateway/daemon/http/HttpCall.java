package io.tokligence.gateway.daemon.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** One request and its response: bounded body reading, query and path parameters, JSON replies. */
public final class HttpCall {
    private static final long DRAIN_LIMIT_BYTES = 16L * 1024 * 1024;

    private final HttpExchange exchange;
    private final long maxBodyBytes;
    private final Map<String, String> pathParams;
    private Map<String, String> query;
    private boolean responded;

    HttpCall(HttpExchange exchange, long maxBodyBytes, Map<String, String> pathParams) {
        this.exchange = exchange;
        this.maxBodyBytes = maxBodyBytes;
        this.pathParams = pathParams;
    }

    public HttpExchange exchange() {
        return exchange;
    }

    public String method() {
        return exchange.getRequestMethod();
    }

    public String path() {
        return exchange.getRequestURI().getPath();
    }

    public String rawPath() {
        return exchange.getRequestURI().getRawPath();
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    public String pathParam(String name) {
        return pathParams.get(name);
    }

    public long pathId(String name) {
        String value = pathParams.get(name);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid_id", "path parameter " + name + " must be a number, got '" + value + "'");
        }
    }

    public Optional<String> query(String name) {
        if (query == null) {
            query = parseQuery(exchange.getRequestURI().getRawQuery());
        }
        return Optional.ofNullable(query.get(name)).filter(v -> !v.isBlank());
    }

    public int queryInt(String name, int defaultValue, int min, int max) {
        Optional<String> raw = query(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.get().trim());
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid_parameter",
                    "query parameter " + name + " must be a whole number from " + min + " to " + max + ", got '" + raw.get() + "'");
        }
    }

    /** Reads the body, refusing more than the configured limit with 413 before or while reading it. */
    public byte[] body() throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > maxBodyBytes) {
                    throw tooLarge(exchange.getRequestBody());
                }
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("invalid_content_length", "Content-Length '" + declared + "' is not a number");
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = exchange.getRequestBody()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (out.size() + n > maxBodyBytes) {
                    throw tooLarge(in);
                }
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }

    /**
     * Reads and discards what the client is still sending (up to a bound) before the 413 goes out: closing a socket
     * with unread input makes TCP reset it, and the client would never see the error.
     */
    private ApiException tooLarge(InputStream in) {
        exchange.getResponseHeaders().set("Connection", "close");
        try {
            long skipped = 0;
            byte[] sink = new byte[65536];
            int n;
            while (skipped < DRAIN_LIMIT_BYTES && (n = in.read(sink)) > 0) {
                skipped += n;
            }
        } catch (IOException ignored) {
            // The client gave up sending; the 413 is still attempted.
        }
        return new ApiException(413, "invalid_request_error", "request_too_large",
                "request body exceeds " + maxBodyBytes + " bytes; send a smaller request");
    }

    /** The body as a JSON object; anything else is a 400 that says what was wrong. */
    public ObjectNode jsonBody() throws IOException {
        return parseObject(body(), false);
    }

    /** Like {@link #jsonBody()}, but an empty body is an empty object (for POSTs whose fields are all optional). */
    public ObjectNode optionalJsonBody() throws IOException {
        return parseObject(body(), true);
    }

    private static ObjectNode parseObject(byte[] bytes, boolean emptyAllowed) {
        if (bytes.length == 0) {
            if (emptyAllowed) {
                return Json.object();
            }
            throw ApiException.badRequest("invalid_json", "request body is empty; send a JSON object");
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("invalid_json", "request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.badRequest("invalid_json", "request body is not readable JSON: " + e.getMessage());
        }
        if (!(node instanceof ObjectNode)) {
            throw ApiException.badRequest("invalid_json", "request body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    /** Names the caller in the access log line of this request. */
    public void tagUser(long userId) {
        RequestTags.userId(userId);
    }

    /** Names the requested model in the access log line of this request. */
    public void tagModel(String model) {
        RequestTags.model(model);
    }

    public boolean responded() {
        return responded;
    }

    public void sendJson(int status, Object body) throws IOException {
        byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        sendBytes(status, bytes);
    }

    public void sendError(ApiException error) throws IOException {
        sendJson(error.status(), Json.error(error.type(), error.code(), error.getMessage()));
    }

    public void sendBytes(int status, byte[] bytes) throws IOException {
        responded = true;
        boolean head = "HEAD".equals(method());
        exchange.sendResponseHeaders(status, head || bytes.length == 0 ? -1 : bytes.length);
        if (!head && bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Sends status and headers for a body of {@code length} bytes (-1 = none) and returns the body stream. */
    public OutputStream sendHeaders(int status, long length) throws IOException {
        responded = true;
        exchange.sendResponseHeaders(status, length);
        return exchange.getResponseBody();
    }

    /** Starts a chunked response of unknown length (SSE, large files); the caller writes and closes the stream. */
    public OutputStream startStream(int status, String contentType) throws IOException {
        responded = true;
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, 0);
        return exchange.getResponseBody();
    }

    static Map<String, String> parseQuery(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                values.putIfAbsent(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("invalid_query", "query parameter '" + pair + "' is not URL-encoded correctly");
            }
        }
        return values;
    }
}
