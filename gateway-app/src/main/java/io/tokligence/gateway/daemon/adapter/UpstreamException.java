package io.tokligence.gateway.daemon.adapter;

/** The provider could not be reached or answered with an error; the daemon answers 502 and still records the request. */
public final class UpstreamException extends Exception {
    public UpstreamException(String message) {
        super(message);
    }

    public UpstreamException(String message, Throwable cause) {
        super(message, cause);
    }
}
