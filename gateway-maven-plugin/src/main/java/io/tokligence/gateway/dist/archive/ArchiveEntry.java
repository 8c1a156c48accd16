package io.tokligence.gateway.dist.archive;

import java.nio.file.Path;

/**
 * One entry of a reproducible archive: its name inside the archive ({@code /}-separated, directories end in {@code /}),
 * where its bytes come from (null for a directory) and its Unix permission bits.
 */
public record ArchiveEntry(String name, Path source, int mode) {

    public static final int EXECUTABLE = 0755;
    public static final int REGULAR = 0644;

    public static ArchiveEntry directory(String name) {
        return new ArchiveEntry(name.endsWith("/") ? name : name + "/", null, EXECUTABLE);
    }

    public static ArchiveEntry file(String name, Path source, int mode) {
        return new ArchiveEntry(name, source, mode);
    }

    public boolean isDirectory() {
        return source == null;
    }
}
