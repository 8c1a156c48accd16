package io.tokligence.gateway.daemon.adapter;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A complete (non-streamed) answer in OpenAI chat.completion form, with the usage the ledger records. */
public record ChatResult(ObjectNode body, Usage usage) {
}
