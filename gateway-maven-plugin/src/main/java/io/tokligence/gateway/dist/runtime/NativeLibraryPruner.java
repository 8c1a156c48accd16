package io.tokligence.gateway.dist.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Copies a jar without the native libraries it carries for other platforms. sqlite-jdbc ships one library per
 * OS and CPU under {@code org/sqlite/native/<OS>/<arch>/} (about 13 MB); a distribution for one target needs one.
 * Entries are copied raw, so the result is as reproducible as the input.
 */
public final class NativeLibraryPruner {

    private static final String SQLITE_NATIVE = "org/sqlite/native/";

    private NativeLibraryPruner() {
    }

    /** Whether {@code jar} carries per-platform native libraries this class knows how to prune. */
    public static boolean applies(Path jar) {
        try (ZipFile zip = ZipFile.builder().setPath(jar).get()) {
            return Collections.list(zip.getEntries()).stream().anyMatch(e -> e.getName().startsWith(SQLITE_NATIVE));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + jar, e);
        }
    }

    /** Writes {@code jar} to {@code output}, keeping only {@code target}'s native libraries. */
    public static void copyFor(Path jar, Path output, Target target) {
        List<String> kept = keptDirectories(target);
        try (ZipFile zip = ZipFile.builder().setPath(jar).get();
             ZipArchiveOutputStream out = new ZipArchiveOutputStream(Files.newOutputStream(output))) {
            // Keep a native entry inside a kept directory, or a directory entry on the way to one.
            zip.copyRawEntries(out, entry -> !entry.getName().startsWith(SQLITE_NATIVE)
                    || kept.stream().anyMatch(dir -> entry.getName().startsWith(dir) || dir.startsWith(entry.getName())));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prune " + jar + " into " + output, e);
        }
    }

    /** sqlite-jdbc's own folder names for a platform; musl builds are kept on linux since the JVM picks at run time. */
    private static List<String> keptDirectories(Target target) {
        String arch = target.arch() == Architecture.X64 ? "x86_64" : "aarch64";
        return switch (target.os()) {
            case LINUX -> List.of(SQLITE_NATIVE + "Linux/" + arch + "/", SQLITE_NATIVE + "Linux-Musl/" + arch + "/");
            case MACOS -> List.of(SQLITE_NATIVE + "Mac/" + arch + "/");
            case WINDOWS -> List.of(SQLITE_NATIVE + "Windows/" + arch + "/");
        };
    }
}
