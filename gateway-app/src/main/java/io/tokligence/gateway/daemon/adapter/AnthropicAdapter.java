package io.tokligence.gateway.daemon.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokligence.gateway.daemon.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

/** Serves OpenAI chat completions from Anthropic's {@code /v1/messages} ({@code anthropic_base_url}, {@code anthropic_api_key}). */
public final class AnthropicAdapter implements ChatAdapter {
    public static final String NAME = "anthropic";

    private final URI messagesUri;
    private final Map<String, String> headers;
    private final UpstreamClient client = new UpstreamClient(NAME);

    public AnthropicAdapter(String baseUrl, String apiKey, String version) {
        this.messagesUri = URI.create(baseUrl.replaceAll("/+$", "") + "/v1/messages");
        this.headers = Map.of("x-api-key", apiKey, "anthropic-version", version);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ChatResult complete(ObjectNode request) throws UpstreamException {
        ObjectNode body = AnthropicTranslator.toMessagesRequest(request);
        body.remove("stream");
        ObjectNode message = client.readJson(client.post(messagesUri, headers, body));
        return AnthropicTranslator.toChatResult(message, request.path("model").asText());
    }

    @Override
    public Usage stream(ObjectNode request, ChunkSink sink) throws UpstreamException, IOException {
        ObjectNode body = AnthropicTranslator.toMessagesRequest(request);
        body.put("stream", true);
        String model = request.path("model").asText();
        HttpResponse<InputStream> response = client.post(messagesUri, headers, body);
        String id = ChatMessages.newId("chatcmpl-");
        int[] tokens = {0, 0};
        client.readEvents(response, event -> {
            ObjectNode data = client.parseEventData(event);
            String type = data.path("type").asText(event.name());
            switch (type) {
                case "message_start" -> {
                    tokens[0] = data.path("message").path("usage").path("input_tokens").asInt(0);
                    ObjectNode role = Json.object();
                    role.put("role", "assistant");
                    role.put("content", "");
                    sink.accept(ChatMessages.chunk(id, model, role, null));
                }
                case "content_block_delta" -> {
                    JsonNode delta = data.path("delta");
                    if (delta.path("text").isTextual()) {
                        sink.accept(ChatMessages.chunk(id, model, ChatMessages.contentDelta(delta.path("text").asText()), null));
                    }
                }
                case "message_delta" -> {
                    tokens[1] = data.path("usage").path("output_tokens").asInt(tokens[1]);
                    String stop = data.path("delta").path("stop_reason").asText(null);
                    sink.accept(ChatMessages.chunk(id, model, Json.object(), AnthropicTranslator.finishReason(stop)));
                }
                case "message_stop" -> {
                    return false;
                }
                case "error" -> throw new UpstreamException(NAME + " upstream stream error: "
                        + data.path("error").path("message").asText(event.data()));
                default -> {
                    // ping, content_block_start/stop: nothing to forward
                }
            }
            return true;
        });
        Usage usage = new Usage(tokens[0], tokens[1]);
        sink.accept(ChatMessages.usageChunk(id, model, usage));
        return usage;
    }
}
