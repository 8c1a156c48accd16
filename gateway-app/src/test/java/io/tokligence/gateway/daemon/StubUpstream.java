package io.tokligence.gateway.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tokligence.gateway.daemon.http.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local stand-in for OpenAI and Anthropic: answers {@code /v1/chat/completions} and {@code /v1/messages} in their
 * wire formats (JSON and SSE) and remembers what it was sent. Model {@code *-fail} gets a 500; model
 * {@code *-break} gets one streamed chunk and then a connection cut short.
 */
final class StubUpstream implements AutoCloseable {
    record Received(String path, JsonNode body, String authorization, String apiKey, String anthropicVersion) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    StubUpstream() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", exchange -> answer(exchange, false));
        server.createContext("/v1/messages", exchange -> answer(exchange, true));
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange, boolean anthropic) throws IOException {
        JsonNode body = Json.MAPPER.readTree(exchange.getRequestBody().readAllBytes());
        var headers = exchange.getRequestHeaders();
        received.add(new Received(exchange.getRequestURI().getPath(), body, headers.getFirst("Authorization"),
                headers.getFirst("x-api-key"), headers.getFirst("anthropic-version")));
        if (body.path("model").asText().endsWith("-fail")) {
            send(exchange, 500, "application/json", "{\"error\":{\"message\":\"stub says the model is overloaded\"}}");
            return;
        }
        if (body.path("model").asText().endsWith("-break")) {
            byte[] first = sse("", "{\"id\":\"c2\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                    + "\"delta\":{\"content\":\"partial\"}}]}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 100_000);
            OutputStream out = exchange.getResponseBody();
            out.write(first);
            out.flush();
            // Closing with most of the promised length unsent makes the server drop the connection.
            exchange.close();
            return;
        }
        boolean stream = body.path("stream").asBoolean(false);
        if (anthropic) {
            if (stream) {
                send(exchange, 200, "text/event-stream", String.join("",
                        sse("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"usage\":{\"input_tokens\":13,\"output_tokens\":1}}}"),
                        sse("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"),
                        sse("ping", "{\"type\":\"ping\"}"),
                        sse("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Bonjour\"}}"),
                        sse("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\" monde\"}}"),
                        sse("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"),
                        sse("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"max_tokens\"},\"usage\":{\"output_tokens\":6}}"),
                        sse("message_stop", "{\"type\":\"message_stop\"}")));
            } else {
                send(exchange, 200, "application/json", "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\","
                        + "\"content\":[{\"type\":\"text\",\"text\":\"Bonjour monde\"}],\"stop_reason\":\"end_turn\","
                        + "\"usage\":{\"input_tokens\":13,\"output_tokens\":6}}");
            }
        } else if (stream) {
            String model = body.path("model").asText();
            send(exchange, 200, "text/event-stream", String.join("",
                    sse("", "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"" + model + "\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}"),
                    sse("", "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"" + model + "\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hello\"}}]}"),
                    sse("", "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"" + model + "\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" from upstream\"},\"finish_reason\":\"stop\"}]}"),
                    sse("", "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"" + model + "\",\"choices\":[],\"usage\":{\"prompt_tokens\":21,\"completion_tokens\":3,\"total_tokens\":24}}"),
                    sse("", "[DONE]")));
        } else {
            send(exchange, 200, "application/json", "{\"id\":\"chatcmpl-stub\",\"object\":\"chat.completion\",\"model\":\""
                    + body.path("model").asText() + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                    + "\"content\":\"Hello from upstream\"},\"finish_reason\":\"stop\"}],"
                    + "\"usage\":{\"prompt_tokens\":11,\"completion_tokens\":7,\"total_tokens\":18}}");
        }
    }

    private static String sse(String event, String data) {
        return (event.isEmpty() ? "" : "event: " + event + "\n") + "data: " + data + "\n\n";
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
