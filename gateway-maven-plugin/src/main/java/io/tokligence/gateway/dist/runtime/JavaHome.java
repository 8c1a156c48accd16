package io.tokligence.gateway.dist.runtime;

import io.tokligence.gateway.dist.DistException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** A JDK or runtime image on disk, described by its {@code release} file. */
public record JavaHome(Path path, Properties release) {

    /**
     * Opens {@code path} as a Java home.
     *
     * @param what names the parameter or source for the error message
     * @throws DistException when {@code path} has no {@code release} file
     */
    public static JavaHome open(Path path, String what) {
        Path release = path.resolve("release");
        if (!Files.isRegularFile(release)) {
            throw new DistException(what + " " + path + " is not a Java home (no release file): point it at the directory"
                    + " that holds bin/, lib/ and release");
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(release, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + release, e);
        }
        return new JavaHome(path, properties);
    }

    /** JAVA_VERSION as written, e.g. {@code 17.0.15}. */
    public String version() {
        return unquote(release.getProperty("JAVA_VERSION", ""));
    }

    /** The feature release (17, 21, 25): jlink only links modules of its own feature release. */
    public int featureVersion() {
        String version = version();
        String feature = version.split("[.+-]", 2)[0];
        try {
            return Integer.parseInt(feature);
        } catch (NumberFormatException e) {
            throw new DistException(path.resolve("release") + " has no readable JAVA_VERSION ('" + version
                    + "'): the Java home is damaged");
        }
    }

    public Path jmods() {
        return path.resolve("jmods");
    }

    public boolean hasJmods() {
        return Files.isRegularFile(jmods().resolve("java.base.jmod"));
    }

    public boolean isRuntimeImage() {
        return Files.isRegularFile(path.resolve("lib").resolve("modules"));
    }

    public Path tool(String name, Target hostTarget) {
        return path.resolve("bin").resolve(hostTarget.isWindows() ? name + ".exe" : name);
    }

    private static String unquote(String value) {
        String v = value.trim();
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }
}
