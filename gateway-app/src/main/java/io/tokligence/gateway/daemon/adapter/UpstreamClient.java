package io.tokligence.gateway.daemon.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokligence.gateway.daemon.http.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** JSON POSTs to a provider and reading its answer as one JSON body or as server-sent events. */
final class UpstreamClient {
    /** One server-sent event: the {@code event:} name (may be empty) and its {@code data:} payload. */
    record Event(String name, String data) {
    }

    @FunctionalInterface
    interface EventHandler {
        /** @return false to stop reading */
        boolean onEvent(Event event) throws IOException, UpstreamException;
    }

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);

    private final HttpClient http;
    private final String providerName;

    UpstreamClient(String providerName) {
        this.providerName = providerName;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** POSTs {@code body}; a transport failure or a non-2xx answer becomes an UpstreamException with the provider's message. */
    HttpResponse<InputStream> post(URI uri, Map<String, String> headers, ObjectNode body) throws UpstreamException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)));
        headers.forEach(request::header);
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UpstreamException(providerName + " upstream " + uri + " unreachable: " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamException(providerName + " upstream call interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new UpstreamException(providerName + " upstream answered HTTP " + response.statusCode() + ": "
                    + errorMessage(response.body()));
        }
        return response;
    }

    ObjectNode readJson(HttpResponse<InputStream> response) throws UpstreamException {
        try (InputStream in = response.body()) {
            JsonNode node = Json.MAPPER.readTree(in);
            if (!(node instanceof ObjectNode)) {
                throw new UpstreamException(providerName + " upstream answered with a non-object JSON body");
            }
            return (ObjectNode) node;
        } catch (IOException e) {
            throw new UpstreamException(providerName + " upstream sent an unreadable body: " + describe(e), e);
        }
    }

    /**
     * Reads events until the stream ends or the handler stops. Reading failures are the provider's fault
     * (UpstreamException); the handler's IOExceptions (client gone) pass through unchanged.
     */
    void readEvents(HttpResponse<InputStream> response, EventHandler handler) throws UpstreamException, IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String name = "";
            StringBuilder data = new StringBuilder();
            while (true) {
                String line;
                try {
                    line = reader.readLine();
                } catch (IOException e) {
                    throw new UpstreamException(providerName + " upstream stream broke: " + describe(e), e);
                }
                if (line == null) {
                    return;
                }
                if (line.isEmpty()) {
                    if (data.length() > 0 && !handler.onEvent(new Event(name, data.toString()))) {
                        return;
                    }
                    name = "";
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    if (data.length() > 0) {
                        data.append('\n');
                    }
                    data.append(line.substring(5).stripLeading());
                }
            }
        }
    }

    ObjectNode parseEventData(Event event) throws UpstreamException {
        try {
            JsonNode node = Json.MAPPER.readTree(event.data());
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException e) {
            // reported below
        }
        throw new UpstreamException(providerName + " upstream sent an event that is not a JSON object: " + abbreviate(event.data()));
    }

    private static String errorMessage(InputStream body) {
        String text;
        try (InputStream in = body) {
            text = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no body)";
        }
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            JsonNode message = node.path("error").path("message");
            if (message.isTextual()) {
                return message.asText();
            }
        } catch (IOException notJson) {
            // fall through to the raw text
        }
        return abbreviate(text);
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
    }
}
