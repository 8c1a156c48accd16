package io.tokligence.gateway.dist.docker;

import io.tokligence.gateway.dist.StagedDirectory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Unpacks image layers in order into a root file system the way a container engine does: later layers win,
 * {@code .wh.<name>} deletes a lower path, {@code .wh..wh..opq} empties a lower directory; modes and owners kept.
 */
final class ImageRootfs {
    private ImageRootfs() {
    }

    static void unpack(List<byte[]> gzipLayers, Path root) throws IOException {
        Files.createDirectories(root);
        for (byte[] layer : gzipLayers) {
            try (TarArchiveInputStream tar = new TarArchiveInputStream(
                    new GZIPInputStream(new ByteArrayInputStream(layer)))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    apply(tar, entry, root);
                }
            }
        }
    }

    private static void apply(TarArchiveInputStream tar, TarArchiveEntry entry, Path root) throws IOException {
        String name = entry.getName().replaceFirst("^\\./", "").replaceFirst("/$", "");
        if (name.isEmpty()) {
            return;
        }
        Path path = root.resolve(name).normalize();
        if (!path.startsWith(root)) {
            throw new IOException("layer entry escapes the root: " + entry.getName());
        }
        String base = path.getFileName().toString();
        if (base.equals(".wh..wh..opq")) {
            try (Stream<Path> children = Files.list(path.getParent())) {
                for (Path child : children.toList()) {
                    StagedDirectory.deleteRecursively(child);
                }
            }
            return;
        }
        if (base.startsWith(".wh.")) {
            StagedDirectory.deleteRecursively(path.resolveSibling(base.substring(".wh.".length())));
            return;
        }
        Files.createDirectories(path.getParent());
        if (entry.isDirectory()) {
            if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                StagedDirectory.deleteRecursively(path);
                Files.createDirectories(path);
            }
        } else {
            StagedDirectory.deleteRecursively(path);
            if (entry.isSymbolicLink()) {
                Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                return;
            }
            if (entry.isLink()) {
                Files.createLink(path, root.resolve(entry.getLinkName()));
                return;
            }
            Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.setPosixFilePermissions(path, permissions(entry.getMode()));
        Files.setAttribute(path, "unix:uid", (int) entry.getLongUserId(), LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(path, "unix:gid", (int) entry.getLongGroupId(), LinkOption.NOFOLLOW_LINKS);
        if ((entry.getMode() & 01000) != 0) {
            // NIO cannot set the sticky bit (a world-writable /tmp has it).
            new ProcessBuilder("chmod", Integer.toOctalString(entry.getMode() & 07777), path.toString())
                    .inheritIO().start().onExit().join();
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] all = PosixFilePermission.values();
        for (int i = 0; i < all.length; i++) {
            if ((mode & (1 << (8 - i))) != 0) {
                set.add(all[i]);
            }
        }
        return set;
    }
}
