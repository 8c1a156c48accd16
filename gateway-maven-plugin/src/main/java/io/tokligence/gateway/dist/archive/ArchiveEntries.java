package io.tokligence.gateway.dist.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Turns a directory tree into the sorted entry list every archive writer takes. */
public final class ArchiveEntries {

    private ArchiveEntries() {
    }

    /**
     * Lists {@code root} (directories included) under the archive prefix {@code prefix} (e.g. {@code gateway-linux-x64/}),
     * sorted by name; a file gets mode 0755 when {@code executable} accepts its path relative to {@code root}, else 0644.
     * File system order, owners and times never reach the archive.
     */
    public static List<ArchiveEntry> fromTree(Path root, String prefix, Predicate<String> executable) {
        String base = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
        List<ArchiveEntry> entries = new ArrayList<>();
        if (!base.isEmpty()) {
            entries.add(ArchiveEntry.directory(base));
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.filter(p -> !p.equals(root)).forEach(p -> {
                String relative = relativeName(root, p);
                if (Files.isDirectory(p)) {
                    entries.add(ArchiveEntry.directory(base + relative));
                } else {
                    int mode = executable.test(relative) ? ArchiveEntry.EXECUTABLE : ArchiveEntry.REGULAR;
                    entries.add(ArchiveEntry.file(base + relative, p, mode));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + root, e);
        }
        entries.sort(Comparator.comparing(ArchiveEntry::name));
        return entries;
    }

    /** The {@code /}-separated path of {@code file} below {@code root}, whatever the platform's separator. */
    public static String relativeName(Path root, Path file) {
        List<String> parts = new ArrayList<>();
        root.relativize(file).forEach(part -> parts.add(part.toString()));
        return String.join("/", parts);
    }
}
