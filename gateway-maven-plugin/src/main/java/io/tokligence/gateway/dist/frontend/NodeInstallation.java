package io.tokligence.gateway.dist.frontend;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;

/** A located Node.js: its {@code node} and {@code npm} executables and the version {@code node --version} printed. */
public record NodeInstallation(Path node, Path npm, String version) {

    /**
     * The environment npm runs with: this Node's directory first on PATH, so npm's
     * {@code #!/usr/bin/env node} and every script it starts use this Node rather than another one on PATH.
     */
    public Map<String, String> environment(String inheritedPath) {
        String dir = node.getParent().toString();
        String path = inheritedPath == null || inheritedPath.isEmpty() ? dir : dir + File.pathSeparator + inheritedPath;
        return Map.of(pathVariableName(), path);
    }

    private static String pathVariableName() {
        // Windows spells it "Path"; ProcessBuilder's environment map there is case-insensitive anyway.
        return System.getenv().keySet().stream().filter(k -> k.equalsIgnoreCase("PATH")).findFirst().orElse("PATH");
    }
}
