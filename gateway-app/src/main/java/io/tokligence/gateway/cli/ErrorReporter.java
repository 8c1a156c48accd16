package io.tokligence.gateway.cli;

import io.tokligence.gateway.config.ConfigException;
import io.tokligence.gateway.store.DatabaseException;
import io.tokligence.gateway.store.StoreException;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on stderr ({@code gateway: error: ...}) and an exit code scripts can trust:
 * 2 for usage, 3 for configuration, 1 for anything else. {@code GATEWAY_DEBUG=1} adds the stack trace.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {

    private final boolean debug;

    ErrorReporter(Map<String, String> environment) {
        this.debug = !environment.getOrDefault("GATEWAY_DEBUG", "").isBlank();
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        String command = commandLine.getCommandSpec().qualifiedName();
        report(commandLine.getErr(), e.getMessage() + " (see '" + command + " --help')", e);
        return GatewayCli.EXIT_USAGE;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof ParameterException parameterException) {
            return handleParseException(parameterException, parseResult.originalArgs().toArray(String[]::new));
        }
        if (e instanceof ConfigException) {
            report(err, e.getMessage(), e);
            return GatewayCli.EXIT_CONFIG;
        }
        if (e instanceof StoreException || e instanceof DatabaseException || e instanceof CommandFailure) {
            report(err, e.getMessage(), e);
            return GatewayCli.EXIT_FAILURE;
        }
        report(err, "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage()
                + " (run again with GATEWAY_DEBUG=1 for details)", e);
        return GatewayCli.EXIT_FAILURE;
    }

    private void report(PrintWriter err, String message, Exception e) {
        err.println("gateway: error: " + message.replace('\n', ' '));
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
    }
}
