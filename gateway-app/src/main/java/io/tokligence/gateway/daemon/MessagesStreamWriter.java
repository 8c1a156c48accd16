package io.tokligence.gateway.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokligence.gateway.daemon.adapter.AnthropicTranslator;
import io.tokligence.gateway.daemon.adapter.ChatMessages;
import io.tokligence.gateway.daemon.adapter.Usage;
import io.tokligence.gateway.daemon.http.Json;
import io.tokligence.gateway.daemon.http.SseStream;
import java.io.IOException;

/** Turns OpenAI chunks into Anthropic's message event sequence for streamed {@code /v1/messages} answers. */
final class MessagesStreamWriter {
    private final String model;
    private final String id = ChatMessages.newId("msg_");
    private boolean started;
    private String finishReason;

    MessagesStreamWriter(String model) {
        this.model = model;
    }

    void accept(SseStream sse, ObjectNode chunk) throws IOException {
        start(sse);
        for (JsonNode choice : chunk.path("choices")) {
            JsonNode content = choice.path("delta").path("content");
            if (content.isTextual() && !content.asText().isEmpty()) {
                ObjectNode event = Json.object();
                event.put("type", "content_block_delta");
                event.put("index", 0);
                ObjectNode delta = event.putObject("delta");
                delta.put("type", "text_delta");
                delta.put("text", content.asText());
                sse.event("content_block_delta", Json.write(event));
            }
            if (choice.path("finish_reason").isTextual()) {
                finishReason = choice.path("finish_reason").asText();
            }
        }
    }

    void finish(SseStream sse, Usage usage) throws IOException {
        start(sse);
        ObjectNode blockStop = Json.object();
        blockStop.put("type", "content_block_stop");
        blockStop.put("index", 0);
        sse.event("content_block_stop", Json.write(blockStop));
        ObjectNode messageDelta = Json.object();
        messageDelta.put("type", "message_delta");
        ObjectNode delta = messageDelta.putObject("delta");
        delta.put("stop_reason", AnthropicTranslator.stopReason(finishReason));
        delta.putNull("stop_sequence");
        messageDelta.set("usage", AnthropicTranslator.anthropicUsage(usage));
        sse.event("message_delta", Json.write(messageDelta));
        ObjectNode stop = Json.object();
        stop.put("type", "message_stop");
        sse.event("message_stop", Json.write(stop));
    }

    private void start(SseStream sse) throws IOException {
        if (started) {
            return;
        }
        started = true;
        ObjectNode messageStart = Json.object();
        messageStart.put("type", "message_start");
        ObjectNode message = messageStart.putObject("message");
        message.put("id", id);
        message.put("type", "message");
        message.put("role", "assistant");
        message.put("model", model);
        message.putArray("content");
        message.putNull("stop_reason");
        message.putNull("stop_sequence");
        message.set("usage", AnthropicTranslator.anthropicUsage(Usage.NONE));
        sse.event("message_start", Json.write(messageStart));
        ObjectNode blockStart = Json.object();
        blockStart.put("type", "content_block_start");
        blockStart.put("index", 0);
        ObjectNode block = blockStart.putObject("content_block");
        block.put("type", "text");
        block.put("text", "");
        sse.event("content_block_start", Json.write(blockStart));
    }
}
