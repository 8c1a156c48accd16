package io.tokligence.gateway.dist.runtime;

import io.tokligence.gateway.dist.DistException;
import io.tokligence.gateway.dist.ProcessRunner;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Computes the JDK modules an application needs, with jdeps over the application jar and its runtime dependencies. */
public final class ModuleDependencies {

    private static final Pattern MODULE_INFO = Pattern.compile("^(META-INF/versions/\\d+/)?module-info\\.class$");

    private final ProcessRunner runner;

    public ModuleDependencies(ProcessRunner runner) {
        this.runner = runner;
    }

    /**
     * Runs {@code jdeps --print-module-deps --recursive} over {@code applicationJar} and {@code dependencyJars},
     * adds {@code extraModules} and drops {@code excludedModules}.
     *
     * <p>Every jar is on {@code --class-path}; the application and the non-modular jars are also roots, so a JDBC
     * driver only reached through ServiceLoader still counts. Modular jars are not roots: jdeps would resolve them as
     * modules and fail on their optional requirements (commons-compress requiring commons-codec); they are analysed
     * when a root reaches them.
     *
     * @param jdeps the jdeps executable of the JDK doing the linking
     * @param release the Java release whose versioned classes of multi-release jars count
     */
    public SortedSet<String> compute(Path jdeps, int release, Path applicationJar, Collection<Path> dependencyJars,
            Collection<String> extraModules, Collection<String> excludedModules) {
        SortedSet<String> modules = new TreeSet<>();
        List<String> command = new ArrayList<>(List.of(jdeps.toString(), "--print-module-deps", "--ignore-missing-deps",
                "--recursive", "--multi-release", Integer.toString(release), "-q"));
        List<Path> sorted = dependencyJars.stream().sorted().toList();
        if (!sorted.isEmpty()) {
            command.add("--class-path");
            command.add(String.join(File.pathSeparator, sorted.stream().map(Path::toString).toList()));
        }
        command.add(applicationJar.toString());
        sorted.stream().filter(jar -> !isModular(jar)).map(Path::toString).forEach(command::add);
        ProcessRunner.Result result = runner.runChecked("jdeps over the application and its dependencies",
                command, null, Map.of());
        // The last output line is the comma-separated list; warnings, if any, come before it.
        List<String> lines = result.outputTail().stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.isEmpty()) {
            throw new DistException("jdeps printed no module list for " + applicationJar + ": run "
                    + String.join(" ", command) + " to see why");
        }
        Arrays.stream(lines.get(lines.size() - 1).split(",")).map(String::strip).filter(m -> !m.isEmpty())
                .forEach(modules::add);
        extraModules.stream().map(String::strip).filter(m -> !m.isEmpty()).forEach(modules::add);
        excludedModules.stream().map(String::strip).forEach(modules::remove);
        return modules;
    }

    /** Whether {@code jar} has a module descriptor, plain or in a multi-release version directory. */
    static boolean isModular(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(ZipEntry::getName).anyMatch(MODULE_INFO.asPredicate());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + jar, e);
        }
    }
}
