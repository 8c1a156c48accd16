package io.tokligence.gateway.daemon.adapter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** Receives OpenAI {@code chat.completion.chunk} objects as an adapter produces them. */
@FunctionalInterface
public interface ChunkSink {
    void accept(ObjectNode chunk) throws IOException;
}
