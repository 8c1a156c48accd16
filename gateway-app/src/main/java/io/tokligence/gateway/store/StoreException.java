package io.tokligence.gateway.store;

/** A problem the caller can fix: a duplicate email, an unknown id, a bad database URL, an invalid role. */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
