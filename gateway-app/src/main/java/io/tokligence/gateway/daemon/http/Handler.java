package io.tokligence.gateway.daemon.http;

/** Answers one routed request. */
@FunctionalInterface
public interface Handler {
    void handle(HttpCall call) throws Exception;
}
