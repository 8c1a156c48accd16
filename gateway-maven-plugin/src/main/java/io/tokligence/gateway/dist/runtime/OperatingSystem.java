package io.tokligence.gateway.dist.runtime;

import java.util.Locale;

/** The operating systems a distribution can target, named as in target ids and toolchains.xml {@code os} keys. */
public enum OperatingSystem {
    LINUX("linux"),
    MACOS("macos"),
    WINDOWS("windows");

    private final String id;

    OperatingSystem(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Maps a JVM {@code os.name} value ("Linux", "Mac OS X", "Windows 11"). */
    public static OperatingSystem fromOsName(String osName) {
        String name = osName.toLowerCase(Locale.ROOT);
        if (name.startsWith("windows")) {
            return WINDOWS;
        }
        if (name.startsWith("mac") || name.startsWith("darwin")) {
            return MACOS;
        }
        if (name.startsWith("linux")) {
            return LINUX;
        }
        throw new IllegalArgumentException("Unsupported operating system: " + osName);
    }
}
