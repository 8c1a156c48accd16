package io.tokligence.gateway.dist;

/**
 * A mistake the user can fix: a bad parameter, a missing tool, a failing npm build.
 *
 * <p>The message is one line that names the parameter or file, says what is wrong and how to fix it;
 * the Mojos map this type (and only this type) to {@code MojoFailureException}, everything else is a bug
 * or an I/O failure and becomes {@code MojoExecutionException}.
 */
public class DistException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DistException(String message) {
        super(message);
    }

    public DistException(String message, Throwable cause) {
        super(message, cause);
    }
}
