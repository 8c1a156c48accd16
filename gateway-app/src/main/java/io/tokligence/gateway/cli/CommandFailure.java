package io.tokligence.gateway.cli;

/** A command could not do its job for a reason the user can fix (a file in the way, an unknown user). */
final class CommandFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CommandFailure(String message) {
        super(message);
    }

    CommandFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
