package io.tokligence.gateway.store;

import java.sql.SQLException;

/** The database itself failed (I/O, lost connection, corrupt file): not something the caller's input caused. */
public class DatabaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatabaseException(String message, SQLException cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
