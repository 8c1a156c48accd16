package io.tokligence.gateway.daemon.adapter;

/** Token counts of one completion, as the ledger records them. */
public record Usage(int promptTokens, int completionTokens) {
    public static final Usage NONE = new Usage(0, 0);
}
