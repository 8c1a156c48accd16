package io.tokligence.gateway.config;

import java.nio.file.Path;

/** Expands a leading {@code ~} the way a shell would; the Go gateway left it literal, creating a directory named ~. */
public final class PathExpansion {

    private PathExpansion() {
    }

    public static String expandHome(String path) {
        if (path.equals("~")) {
            return userHome();
        }
        if (path.startsWith("~/") || path.startsWith("~\\")) {
            return Path.of(userHome(), path.substring(2)).toString();
        }
        return path;
    }

    private static String userHome() {
        return System.getProperty("user.home");
    }
}
