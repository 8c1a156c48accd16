package io.tokligence.gateway.dist.docker;

import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import io.tokligence.gateway.dist.BuildTimestamp;
import io.tokligence.gateway.dist.docker.probe.HealthProbe;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Maps one arch's native distribution tree onto image layers under {@link #APP_ROOT}, ordered from what changes
 * least to what changes most, so a new app version re-ships only its last layer: runtime, dependencies, config
 * (with the image's launchers and the health probe), frontend, application.
 */
final class ImageLayerPlan {
    static final AbsoluteUnixPath APP_ROOT = AbsoluteUnixPath.get("/app");
    static final String PROBE_DIRECTORY = "/app/healthcheck";
    static final String PROBE_CLASS = HealthProbe.class.getName();

    private static final FilePermissions EXECUTABLE = FilePermissions.fromOctalString("755");
    private static final FilePermissions REGULAR = FilePermissions.fromOctalString("644");
    private static final Predicate<Path> APPLICATION_JAR =
            p -> p.getFileName().toString().startsWith("gateway-app-") && p.toString().endsWith(".jar");

    private final Instant modificationTime;
    private final Map<String, String> launchers;

    /** @param launchers command name to main class, e.g. gatewayd to io.tokligence.gateway.daemon.GatewayDaemon */
    ImageLayerPlan(BuildTimestamp timestamp, Map<String, String> launchers) {
        this.modificationTime = timestamp.instant();
        this.launchers = new TreeMap<>(launchers);
    }

    /**
     * @param nativeTree the dist-native tree for the arch
     * @param frontend the directory holding {@code web/} and {@code h5/}, or {@code null} when none was built
     * @param scratch a directory for the probe class file
     */
    List<FileEntriesLayer> layers(Path nativeTree, Path frontend, Path scratch) throws IOException {
        List<FileEntriesLayer> layers = new ArrayList<>();
        layers.add(tree("runtime", nativeTree.resolve("runtime"), "runtime", p -> true));
        layers.add(tree("dependencies", nativeTree.resolve("lib"), "lib", APPLICATION_JAR.negate()));

        FileEntriesLayer.Builder config = FileEntriesLayer.builder().setName("config");
        addTree(config, nativeTree.resolve("config"), APP_ROOT.resolve("config"), p -> true);
        for (var launcher : launchers.entrySet()) {
            config.addEntry(writeLauncher(launcher.getKey(), launcher.getValue(), scratch),
                    APP_ROOT.resolve("bin").resolve(launcher.getKey()), EXECUTABLE, modificationTime);
        }
        for (String file : List.of("LICENSE", "README")) {
            if (Files.isRegularFile(nativeTree.resolve(file))) {
                config.addEntry(nativeTree.resolve(file), APP_ROOT.resolve(file), REGULAR, modificationTime);
            }
        }
        String probeResource = PROBE_CLASS.replace('.', '/') + ".class";
        config.addEntry(extractProbe(probeResource, scratch), AbsoluteUnixPath.get(PROBE_DIRECTORY).resolve(probeResource),
                REGULAR, modificationTime);
        layers.add(config.build());

        if (frontend != null) {
            layers.add(tree("frontend", frontend, "frontend", p -> true));
        }
        layers.add(tree("application", nativeTree.resolve("lib"), "lib", APPLICATION_JAR));
        return layers;
    }

    private FileEntriesLayer tree(String name, Path source, String target, Predicate<Path> include) throws IOException {
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName(name);
        addTree(layer, source, APP_ROOT.resolve(target), include);
        return layer.build();
    }

    private void addTree(FileEntriesLayer.Builder layer, Path source, AbsoluteUnixPath target, Predicate<Path> include)
            throws IOException {
        if (!Files.isDirectory(source)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(source)) {
            files = walk.filter(Files::isRegularFile).filter(include).sorted().toList();
        }
        for (Path file : files) {
            AbsoluteUnixPath destination = target;
            for (Path part : source.relativize(file)) {
                destination = destination.resolve(part.toString());
            }
            // Jib takes 3-digit octal modes only; executables keep their bit, everything else is read-only data.
            layer.addEntry(file, destination, isExecutable(file) ? EXECUTABLE : REGULAR, modificationTime);
        }
    }

    /**
     * The image's own launcher: the distribution's launchers find their home with dirname and readlink, which a
     * distroless base lacks; in the image the home is always /app, so a plain exec on the shell alone suffices.
     */
    private static Path writeLauncher(String name, String mainClass, Path scratch) throws IOException {
        Path file = Files.createDirectories(scratch.resolve("bin")).resolve(name);
        Files.writeString(file, "#!/bin/sh\n"
                + "# " + name + " in the image: the distribution is at /app. Extra JVM options: GATEWAY_JAVA_OPTS.\n"
                + "# shellcheck disable=SC2086\n"
                + "exec /app/runtime/bin/java $GATEWAY_JAVA_OPTS -Dgateway.home=/app -cp '/app/lib/*' " + mainClass
                + " \"$@\"\n");
        return file;
    }

    private static boolean isExecutable(Path file) throws IOException {
        return Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_EXECUTE);
    }

    private static Path extractProbe(String resource, Path scratch) throws IOException {
        Path file = scratch.resolve("HealthProbe.class");
        try (InputStream in = ImageLayerPlan.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("the plugin jar lacks " + resource));
            }
            Files.createDirectories(scratch);
            Files.write(file, in.readAllBytes());
        }
        return file;
    }
}
