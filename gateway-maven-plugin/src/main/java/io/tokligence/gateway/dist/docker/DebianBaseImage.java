package io.tokligence.gateway.dist.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokligence.gateway.dist.BuildTimestamp;
import io.tokligence.gateway.dist.DistException;
import io.tokligence.gateway.dist.ProcessRunner;
import io.tokligence.gateway.dist.StagedDirectory;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The default base image for machines that reach no container registry: a distroless-style root file system made
 * from Debian packages ({@code apt-get download} + {@code dpkg-deb -x}, honestly per architecture), plus the
 * files a non-root service needs ({@code /etc/passwd} with uid 65532, {@code group}, {@code nsswitch.conf},
 * {@code /tmp}), written as a one-layer docker-save tar that Jib takes as a {@code tar://} base.
 *
 * <p>Cached under {@link Settings#cacheDirectory()}{@code /<debian-arch>-<key>/base.tar}, the key being a hash of the
 * package list and timestamp, so the download runs once per machine. The packages come from whatever Debian
 * release the build machine's apt sources name: the base is as current as the host's apt index when first cached.
 */
public final class DebianBaseImage {
    /** glibc, what Debian's OpenJDK jlink runtime links against (libz, libstdc++, libgcc_s), and dash for the launchers. */
    public static final List<String> DEFAULT_PACKAGES = List.of("libc6", "libgcc-s1", "libstdc++6", "zlib1g", "dash");

    /** The uid and gid the image runs as (distroless "nonroot"). */
    public static final int USER_ID = 65532;

    /** Paths dropped from the packages: docs, locales and iconv modules, none of which a JVM service reads. */
    private static final List<String> EXCLUDED = List.of("usr/share", "usr/lib/%s/gconv");

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param packages Debian package names (without arch), downloaded for each image arch
     * @param cacheDirectory where assembled bases are kept between builds
     */
    public record Settings(List<String> packages, Path cacheDirectory) {
        public Settings {
            packages = packages.stream().map(String::trim).filter(p -> !p.isEmpty()).distinct().sorted().toList();
            if (packages.isEmpty()) {
                throw new DistException("basePackages is empty: list the Debian packages of the default base, e.g. "
                        + String.join(",", DEFAULT_PACKAGES) + " (-Dgateway.docker.basePackages)");
            }
        }

        /** The cache directory users get unless they choose one: {@code ~/.cache/tokligence-gateway/docker-base}. */
        public static Path defaultCacheDirectory() {
            return Path.of(System.getProperty("user.home"), ".cache", "tokligence-gateway", "docker-base");
        }
    }

    /**
     * An assembled base: the Jib reference to use, the exact package files it was made from, and the names of all
     * its files (to check that a runtime finds every library it links).
     */
    public record Assembled(Path archive, List<String> debianPackages, Set<String> fileNames) {
        public String jibReference() {
            return "tar://" + archive.toAbsolutePath();
        }
    }

    private final Settings settings;
    private final ProcessRunner runner;

    public DebianBaseImage(Settings settings, ProcessRunner runner) {
        this.settings = settings;
        this.runner = runner;
    }

    /** Returns the cached base for {@code arch}, assembling it first when it is not cached yet. */
    public Assembled assemble(ImageArch arch, BuildTimestamp timestamp) {
        Path entry = settings.cacheDirectory().resolve(arch.debianArch() + "-" + key(timestamp));
        Path archive = entry.resolve("base.tar");
        Path packageList = entry.resolve("packages.txt");
        Path fileList = entry.resolve("files.txt");
        try {
            if (!Files.isRegularFile(archive) || !Files.isRegularFile(packageList) || !Files.isRegularFile(fileList)) {
                try (StagedDirectory staged = StagedDirectory.beside(entry)) {
                    build(arch, timestamp, staged.path());
                    staged.commit();
                }
            }
            return new Assembled(archive, Files.readAllLines(packageList), new TreeSet<>(Files.readAllLines(fileList)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot assemble the Debian base image in " + entry, e);
        }
    }

    private void build(ImageArch arch, BuildTimestamp timestamp, Path work) throws IOException {
        Path debs = Files.createDirectories(work.resolve("debs"));
        List<String> command = new ArrayList<>(List.of("apt-get", "download", "-q"));
        settings.packages().forEach(p -> command.add(p + ":" + arch.debianArch()));
        try {
            runner.runChecked("apt-get download of " + String.join(" ", command.subList(3, command.size())),
                    command, debs, Map.of());
        } catch (DistException e) {
            throw new DistException(e.getMessage() + " — the default base needs Debian's apt for "
                    + arch.debianArch() + " (run: dpkg --add-architecture " + arch.debianArch()
                    + " && apt-get update), or set <baseImage> (-Dgateway.docker.baseImage) to a registry or tar:// base",
                    e);
        }
        Path rootfs = Files.createDirectories(work.resolve("rootfs"));
        List<String> debNames;
        try (Stream<Path> files = Files.list(debs)) {
            debNames = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".deb")).sorted().toList();
        }
        for (String deb : debNames) {
            runner.runChecked("dpkg-deb -x " + deb, List.of("dpkg-deb", "-x", debs.resolve(deb).toString(),
                    rootfs.toString()), work, Map.of());
        }
        for (String excluded : EXCLUDED) {
            StagedDirectory.deleteRecursively(rootfs.resolve(excluded.formatted(tripletDirectory(rootfs))));
        }
        addServiceFiles(rootfs);
        writeDockerArchive(rootfs, arch, timestamp, work.resolve("base.tar"));
        Files.write(work.resolve("packages.txt"), debNames);
        try (Stream<Path> files = Files.walk(rootfs)) {
            Files.write(work.resolve("files.txt"), files.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> p.getFileName().toString()).distinct().sorted().toList());
        }
        StagedDirectory.deleteRecursively(rootfs);
        StagedDirectory.deleteRecursively(debs);
    }

    /** The multiarch directory name (e.g. {@code aarch64-linux-gnu}) the libc package put its libraries in. */
    private static String tripletDirectory(Path rootfs) throws IOException {
        Path lib = rootfs.resolve("lib");
        try (Stream<Path> dirs = Files.list(lib)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith("-linux-gnu")).findFirst().orElse("none");
        }
    }

    private static void addServiceFiles(Path rootfs) throws IOException {
        Path etc = Files.createDirectories(rootfs.resolve("etc"));
        Files.writeString(etc.resolve("passwd"), "root:x:0:0:root:/root:/sbin/nologin\n"
                + "nonroot:x:" + USER_ID + ":" + USER_ID + ":nonroot:/home/nonroot:/sbin/nologin\n");
        Files.writeString(etc.resolve("group"), "root:x:0:\nnonroot:x:" + USER_ID + ":\n");
        Files.writeString(etc.resolve("nsswitch.conf"), "passwd: files\ngroup: files\nhosts: files dns\n");
        Files.writeString(etc.resolve("hosts"), "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n");
        Files.createDirectories(rootfs.resolve("root"));
        if (!Files.exists(rootfs.resolve("bin/sh"), LinkOption.NOFOLLOW_LINKS)
                && Files.exists(rootfs.resolve("bin/dash"))) {
            Files.createSymbolicLink(rootfs.resolve("bin/sh"), Path.of("dash"));
        }
    }

    private static void writeDockerArchive(Path rootfs, ImageArch arch, BuildTimestamp timestamp, Path archive)
            throws IOException {
        Path layer = archive.resolveSibling("layer.tar");
        try (OutputStream out = Files.newOutputStream(layer); ReproducibleTar tar = new ReproducibleTar(out, timestamp)) {
            tar.tree(rootfs, "");
            // Modes a service user needs that a .deb never ships: a world-writable sticky /tmp and its own home.
            tar.directory("tmp", 01777, 0);
            tar.directory("home", 0755, 0);
            tar.directory("home/nonroot", 0700, USER_ID);
        }
        ObjectNode config = JSON.createObjectNode();
        config.put("architecture", arch.ociName());
        config.put("os", "linux");
        config.put("created", timestamp.instant().toString());
        config.putObject("config").putArray("Env")
                .add("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        ObjectNode rootfsNode = config.putObject("rootfs");
        rootfsNode.put("type", "layers");
        rootfsNode.putArray("diff_ids").add(Sha256.prefixed(layer));
        byte[] configBytes = JSON.writeValueAsBytes(config);

        ArrayNode manifest = JSON.createArrayNode();
        ObjectNode image = manifest.addObject();
        image.put("Config", "config.json");
        image.putArray("RepoTags").add("tokligence/gateway-base:" + arch.debianArch());
        image.putArray("Layers").add("layer.tar");
        Path partial = archive.resolveSibling(archive.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(partial); ReproducibleTar tar = new ReproducibleTar(out, timestamp)) {
            tar.file("config.json", configBytes, 0644);
            tar.file("layer.tar", layer, 0644);
            tar.file("manifest.json", JSON.writeValueAsBytes(manifest), 0644);
        }
        Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING);
        Files.delete(layer);
    }

    private String key(BuildTimestamp timestamp) {
        return Sha256.of(String.join(",", settings.packages()) + "@" + timestamp.epochSeconds()).substring(0, 12);
    }
}
