package io.tokligence.gateway.daemon.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokligence.gateway.daemon.http.Json;
import java.io.IOException;
import java.io.InterruptedIOException;

/**
 * The built-in offline model: answers {@code "echo: " + <last user message>} and counts words as tokens, so the
 * whole path (auth, routing, streaming, ledger) can be exercised with no network and no provider key.
 */
public final class LoopbackAdapter implements ChatAdapter {
    public static final String NAME = "loopback";

    private final long streamDelayMillis;

    /** @param streamDelayMillis pause between streamed words, to imitate a real model's pace (0 = none) */
    public LoopbackAdapter(long streamDelayMillis) {
        this.streamDelayMillis = Math.max(0, streamDelayMillis);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ChatResult complete(ObjectNode request) {
        String answer = answer(request);
        Usage usage = usage(request, answer);
        String model = request.path("model").asText(NAME);
        return new ChatResult(ChatMessages.completion(ChatMessages.newId("chatcmpl-"), model, answer, "stop", usage), usage);
    }

    @Override
    public Usage stream(ObjectNode request, ChunkSink sink) throws IOException {
        String answer = answer(request);
        Usage usage = usage(request, answer);
        String model = request.path("model").asText(NAME);
        String id = ChatMessages.newId("chatcmpl-");
        ObjectNode role = Json.object();
        role.put("role", "assistant");
        role.put("content", "");
        sink.accept(ChatMessages.chunk(id, model, role, null));
        String[] words = answer.split(" ");
        for (int i = 0; i < words.length; i++) {
            pause();
            sink.accept(ChatMessages.chunk(id, model, ChatMessages.contentDelta(i == 0 ? words[i] : " " + words[i]), null));
        }
        sink.accept(ChatMessages.chunk(id, model, Json.object(), "stop"));
        sink.accept(ChatMessages.usageChunk(id, model, usage));
        return usage;
    }

    private void pause() throws InterruptedIOException {
        if (streamDelayMillis == 0) {
            return;
        }
        try {
            Thread.sleep(streamDelayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("loopback stream interrupted");
        }
    }

    static String answer(ObjectNode request) {
        String last = "";
        for (JsonNode message : request.path("messages")) {
            if ("user".equals(message.path("role").asText())) {
                last = ChatMessages.text(message.get("content"));
            }
        }
        return "echo: " + last;
    }

    private static Usage usage(ObjectNode request, String answer) {
        return new Usage(ChatMessages.promptWords(request), ChatMessages.words(answer));
    }
}
