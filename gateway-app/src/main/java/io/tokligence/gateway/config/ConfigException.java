package io.tokligence.gateway.config;

import java.nio.file.Path;

/**
 * A configuration problem the user can fix: a malformed line, a missing explicitly named directory, or a value
 * of the wrong type. The message names the file and line (or the variable or flag) and says how to fix it.
 */
public class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;

    /** A problem at a line of a file; the message is prefixed with {@code file:line: }. */
    public ConfigException(Path file, int line, String reason) {
        super(file + ":" + line + ": " + reason);
        this.file = file;
        this.line = line;
    }

    /** A problem not tied to a line of a file (an environment variable, a flag, a directory). */
    public ConfigException(Path file, String message) {
        super(message);
        this.file = file;
        this.line = 0;
    }

    public ConfigException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.line = 0;
    }

    /** The file at fault, or {@code null} when the value came from the environment or a flag. */
    public Path file() {
        return file;
    }

    /** The 1-based line at fault, or 0 when not tied to a line. */
    public int line() {
        return line;
    }
}
