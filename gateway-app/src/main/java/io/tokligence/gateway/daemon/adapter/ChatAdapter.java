package io.tokligence.gateway.daemon.adapter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * A provider behind the gateway. Requests and answers are in OpenAI chat-completions form; adapters for other
 * wire formats translate at their edge.
 */
public interface ChatAdapter {
    /** The name used in {@code model_provider_routes}. */
    String name();

    ChatResult complete(ObjectNode request) throws UpstreamException;

    /**
     * Streams the answer as OpenAI chunks. An {@link IOException} means the client went away; an
     * {@link UpstreamException} means the provider failed (possibly after some chunks were sent).
     */
    Usage stream(ObjectNode request, ChunkSink sink) throws UpstreamException, IOException;
}
