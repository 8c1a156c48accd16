package io.tokligence.gateway.dist.runtime;

import java.util.Locale;

/** The CPU architectures a distribution can target, named as in target ids and toolchains.xml {@code arch} keys. */
public enum Architecture {
    X64("x64"),
    AARCH64("aarch64");

    private final String id;

    Architecture(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Maps a JVM {@code os.arch} value ("amd64", "x86_64", "aarch64", "arm64"). */
    public static Architecture fromOsArch(String osArch) {
        return switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64", "x64" -> X64;
            case "aarch64", "arm64" -> AARCH64;
            default -> throw new IllegalArgumentException("Unsupported architecture: " + osArch);
        };
    }
}
