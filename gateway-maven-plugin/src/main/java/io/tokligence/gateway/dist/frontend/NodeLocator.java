package io.tokligence.gateway.dist.frontend;

import io.tokligence.gateway.dist.DistException;
import io.tokligence.gateway.dist.ProcessRunner;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the {@code node} and {@code npm} to build with: under {@code nodeHome} when given, otherwise on PATH,
 * and checks that the version satisfies {@code engines.node} of the frontend's package.json.
 */
public final class NodeLocator {
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    private static final String NODE_HOME_HINT = "set <nodeHome> (-Dgateway.frontend.nodeHome=/path/to/node) to a Node.js installation";

    private final ProcessRunner runner;
    private final String searchPath;

    /**
     * @param runner     runs {@code node --version}
     * @param searchPath the PATH to search when no nodeHome is given (normally {@code System.getenv("PATH")})
     */
    public NodeLocator(ProcessRunner runner, String searchPath) {
        this.runner = runner;
        this.searchPath = searchPath == null ? "" : searchPath;
    }

    /**
     * @param nodeHome a Node.js installation (holding {@code bin/node} or, on Windows, {@code node.exe}), or null for PATH
     * @param required engines.node of the project, or null when it states none
     * @throws DistException when no node is found or its version is outside {@code required}
     */
    public NodeInstallation locate(Path nodeHome, NodeVersionRange required) {
        String needed = required == null ? "Node.js" : "Node.js " + required;
        Path node = (nodeHome == null ? onPath(executable("node")) : inHome(nodeHome, executable("node")))
                .orElseThrow(() -> new DistException(needed + " is required (engines.node in package.json) but "
                        + (nodeHome == null ? "no node is on PATH" : "there is no node executable under nodeHome " + nodeHome)
                        + ": install it or " + NODE_HOME_HINT));
        Path npm = inHome(node.getParent(), npmExecutable())
                .or(() -> nodeHome == null ? onPath(npmExecutable()) : Optional.empty())
                .orElseThrow(() -> new DistException("npm was not found next to " + node
                        + ": install npm with Node.js or " + NODE_HOME_HINT));
        ProcessRunner.Result result = runner.run(List.of(node.toString(), "--version"), null, Map.of());
        String version = result.outputTail().isEmpty() ? "" : result.outputTail().get(result.outputTail().size() - 1).trim();
        if (!result.succeeded() || !version.matches("v?\\d+(\\.\\d+)*.*")) {
            throw new DistException(node + " --version failed (exit " + result.exitCode() + ": " + result.tailAsOneLine()
                    + "): install a working " + needed + " or " + NODE_HOME_HINT);
        }
        if (required != null && !required.isSatisfiedBy(version)) {
            throw new DistException("Node.js " + version + " at " + node + " does not satisfy engines.node '" + required
                    + "' in package.json: install " + needed + " or " + NODE_HOME_HINT);
        }
        return new NodeInstallation(node, npm, version);
    }

    private Optional<Path> onPath(String name) {
        for (String dir : searchPath.split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                Path candidate = Path.of(dir).resolve(name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> inHome(Path home, String name) {
        // Unix tarballs keep node in bin/, Windows zips at the top; a bin/ directory itself is accepted too.
        return List.of(home.resolve("bin").resolve(name), home.resolve(name)).stream()
                .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p))
                .findFirst();
    }

    private static String executable(String name) {
        return WINDOWS ? name + ".exe" : name;
    }

    private static String npmExecutable() {
        return WINDOWS ? "npm.cmd" : "npm";
    }
}
