package io.tokligence.gateway.daemon.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokligence.gateway.daemon.http.Json;
import java.time.Instant;
import java.util.UUID;

/** Reading and building OpenAI chat-completions JSON, shared by the adapters and the translators. */
public final class ChatMessages {
    private ChatMessages() {
    }

    /** Text of a message content that is a string or a list of {@code {"type":"text","text":...}} parts. */
    public static String text(JsonNode content) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (content.isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode part : content) {
                if (part.isTextual()) {
                    append(text, part.asText());
                } else if (part.path("text").isTextual()) {
                    append(text, part.path("text").asText());
                }
            }
            return text.toString();
        }
        return content.asText();
    }

    private static void append(StringBuilder text, String part) {
        if (text.length() > 0) {
            text.append(' ');
        }
        text.append(part);
    }

    /** The gateway's own token measure (loopback and fall-back estimates): whitespace-separated words. */
    public static int words(String text) {
        String trimmed = text == null ? "" : text.trim();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }

    public static int promptWords(ObjectNode request) {
        int words = 0;
        for (JsonNode message : request.path("messages")) {
            words += words(text(message.get("content")));
        }
        return words;
    }

    public static String newId(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    public static ObjectNode completion(String id, String model, String content, String finishReason, Usage usage) {
        ObjectNode body = Json.object();
        body.put("id", id);
        body.put("object", "chat.completion");
        body.put("created", Instant.now().getEpochSecond());
        body.put("model", model);
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", content);
        choice.put("finish_reason", finishReason);
        putUsage(body, usage);
        return body;
    }

    public static ObjectNode chunk(String id, String model, ObjectNode delta, String finishReason) {
        ObjectNode chunk = Json.object();
        chunk.put("id", id);
        chunk.put("object", "chat.completion.chunk");
        chunk.put("created", Instant.now().getEpochSecond());
        chunk.put("model", model);
        ArrayNode choices = chunk.putArray("choices");
        if (delta != null) {
            ObjectNode choice = choices.addObject();
            choice.put("index", 0);
            choice.set("delta", delta);
            if (finishReason == null) {
                choice.putNull("finish_reason");
            } else {
                choice.put("finish_reason", finishReason);
            }
        }
        return chunk;
    }

    public static ObjectNode contentDelta(String text) {
        ObjectNode delta = Json.object();
        delta.put("content", text);
        return delta;
    }

    /** The last chunk of a stream carries the usage and no choices, as OpenAI does with include_usage. */
    public static ObjectNode usageChunk(String id, String model, Usage usage) {
        ObjectNode chunk = chunk(id, model, null, null);
        putUsage(chunk, usage);
        return chunk;
    }

    public static void putUsage(ObjectNode body, Usage usage) {
        ObjectNode node = body.putObject("usage");
        node.put("prompt_tokens", usage.promptTokens());
        node.put("completion_tokens", usage.completionTokens());
        node.put("total_tokens", usage.promptTokens() + usage.completionTokens());
    }

    /** Usage from an OpenAI body or chunk, or null when it carries none. */
    public static Usage readUsage(JsonNode body) {
        JsonNode usage = body.path("usage");
        if (!usage.isObject()) {
            return null;
        }
        return new Usage(usage.path("prompt_tokens").asInt(0), usage.path("completion_tokens").asInt(0));
    }

    /** Concatenated assistant text of a chunk's delta (used when the upstream reports no usage). */
    public static String deltaText(JsonNode chunk) {
        StringBuilder text = new StringBuilder();
        for (JsonNode choice : chunk.path("choices")) {
            JsonNode content = choice.path("delta").path("content");
            if (content.isTextual()) {
                text.append(content.asText());
            }
        }
        return text.toString();
    }
}
