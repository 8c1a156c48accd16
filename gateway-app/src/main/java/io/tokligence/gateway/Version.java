package io.tokligence.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The gateway's version, filtered into a resource by the build so it always equals the Maven project version. */
public final class Version {

    private static final String RESOURCE = "version.properties";
    private static final String CURRENT = load();

    private Version() {
    }

    /** The Maven project version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String current() {
        return CURRENT;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("io/tokligence/gateway/" + RESOURCE
                        + " is missing from the classpath; the jar was not built by Maven");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read io/tokligence/gateway/" + RESOURCE, e);
        }
    }
}
