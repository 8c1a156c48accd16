package io.tokligence.gateway.dist.runtime;

import io.tokligence.gateway.dist.DistException;
import io.tokligence.gateway.dist.ProcessRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/** Computes the JDK modules an application needs, with jdeps over the application jar and its runtime dependencies. */
public final class ModuleDependencies {

    private final ProcessRunner runner;

    public ModuleDependencies(ProcessRunner runner) {
        this.runner = runner;
    }

    /**
     * Runs {@code jdeps --print-module-deps} over {@code jars} (all analysed, so a module needed only by a dependency counts)
     * and adds {@code extraModules}.
     *
     * @param jdeps the jdeps executable of the JDK doing the linking
     * @param release the Java release whose versioned classes of multi-release jars count
     */
    public SortedSet<String> compute(Path jdeps, int release, Collection<Path> jars, Collection<String> extraModules) {
        SortedSet<String> modules = new TreeSet<>();
        if (!jars.isEmpty()) {
            List<String> command = new ArrayList<>(List.of(jdeps.toString(), "--print-module-deps", "--ignore-missing-deps",
                    "--multi-release", Integer.toString(release), "-q"));
            jars.stream().map(Path::toString).sorted().forEach(command::add);
            ProcessRunner.Result result = runner.runChecked("jdeps over the application and its dependencies",
                    command, null, Map.of());
            // The last output line is the comma-separated list; warnings, if any, come before it.
            List<String> lines = result.outputTail().stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
            if (lines.isEmpty()) {
                throw new DistException("jdeps printed no module list for " + jars.size() + " jars: run "
                        + String.join(" ", command) + " to see why");
            }
            Arrays.stream(lines.get(lines.size() - 1).split(",")).map(String::strip).filter(m -> !m.isEmpty())
                    .forEach(modules::add);
        }
        extraModules.stream().map(String::strip).filter(m -> !m.isEmpty()).forEach(modules::add);
        if (modules.isEmpty()) {
            modules.add("java.base");
        }
        return modules;
    }
}
