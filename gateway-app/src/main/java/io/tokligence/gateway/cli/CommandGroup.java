package io.tokligence.gateway.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** A command that only groups subcommands: run alone, it is a usage error naming the choices. */
abstract class CommandGroup implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<String> names = spec.subcommands().entrySet().stream()
                .filter(entry -> entry.getKey().equals(entry.getValue().getCommandName()))
                .map(entry -> entry.getKey()).toList();
        String choices = names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
        CommandLine commandLine = spec.commandLine();
        throw new ParameterException(commandLine, "missing subcommand: " + choices);
    }
}
