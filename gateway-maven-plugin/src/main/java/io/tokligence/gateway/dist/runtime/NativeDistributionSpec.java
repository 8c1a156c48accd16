package io.tokligence.gateway.dist.runtime;

import io.tokligence.gateway.dist.BuildTimestamp;
import io.tokligence.gateway.dist.DistException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything {@link NativeDistributionBuilder} needs, validated when built so the builder never starts on a bad spec.
 *
 * @param version the application version, in archive names and the README
 * @param applicationJar the application's own jar
 * @param dependencyJars its runtime dependencies, copied to {@code lib/}
 * @param targets the targets asked for, each with the runtime source found for it (or none)
 * @param extraModules JDK modules to link in addition to what jdeps finds (services, locales, crypto providers)
 * @param excludedModules JDK modules jdeps finds but the application never loads (left out of the image)
 * @param launchers the commands written to {@code bin/}
 * @param configDirectory the project's {@code config/} ({@code setting.ini} plus environment overlays)
 * @param frontendDirectory built consoles ({@code web/}, {@code h5/}) to ship, or null
 * @param licenseFile copied to {@code LICENSE}
 * @param distDirectory the {@code dist/} root; this goal owns {@code dist/native/}
 * @param workDirectory scratch space for unpacked JDK archives (e.g. {@code target/gateway-native})
 * @param linkingJdk the JDK whose jlink and jdeps run (the one running the build, or the jdk toolchain)
 * @param timestamp stamped on every archive entry
 * @param skipUnavailableTargets warn and skip a target without runtime source instead of failing
 * @param parallelism how many targets link at once
 * @param pruneForeignNativeLibraries drop sqlite-jdbc's native libraries for other platforms from the copied jars
 * @param jlinkCompression jlink's {@code --compress} value, or null for the strongest the linking JDK knows
 */
public record NativeDistributionSpec(
        String version,
        Path applicationJar,
        List<Path> dependencyJars,
        List<TargetRequest> targets,
        List<String> extraModules,
        List<String> excludedModules,
        List<Launcher> launchers,
        Path configDirectory,
        Path frontendDirectory,
        Path licenseFile,
        Path distDirectory,
        Path workDirectory,
        Path linkingJdk,
        BuildTimestamp timestamp,
        boolean skipUnavailableTargets,
        int parallelism,
        boolean pruneForeignNativeLibraries,
        String jlinkCompression) {

    /** A target and the runtime source chosen for it; {@code source} is null when none of the ways supplied one. */
    public record TargetRequest(Target target, RuntimeSource source) {
    }

    public NativeDistributionSpec {
        dependencyJars = List.copyOf(dependencyJars);
        targets = List.copyOf(targets);
        extraModules = List.copyOf(extraModules);
        excludedModules = List.copyOf(excludedModules);
        if (excludedModules.contains("java.base")) {
            throw new DistException("<excludeModules> / -Dgateway.native.excludeModules lists java.base, which every"
                    + " runtime needs: remove it from the list");
        }
        launchers = List.copyOf(launchers);
        if (applicationJar == null || !Files.isRegularFile(applicationJar)) {
            throw new DistException("The application jar " + applicationJar + " does not exist: run dist-native in the"
                    + " package phase (mvn package -Pdist-native), after the jar is built");
        }
        if (!Files.isDirectory(configDirectory)) {
            throw new DistException("configDirectory " + configDirectory + " does not exist: create it with setting.ini"
                    + " (gateway init writes one) or set <configDirectory> / -Dgateway.configDirectory");
        }
        if (!Files.isRegularFile(configDirectory.resolve("setting.ini"))) {
            throw new DistException("configDirectory " + configDirectory + " has no setting.ini: create it (gateway init"
                    + " writes one) or set <configDirectory> / -Dgateway.configDirectory to the directory that has it");
        }
        if (!Files.isRegularFile(licenseFile)) {
            throw new DistException("licenseFile " + licenseFile + " does not exist: add the project's LICENSE there or set"
                    + " <licenseFile> / -Dgateway.native.licenseFile");
        }
        if (targets.isEmpty()) {
            throw new DistException("<targets> / -Dgateway.native.targets is empty: name at least one of "
                    + String.join(", ", Target.ALL.stream().map(Target::id).toList()));
        }
        Set<Target> seen = new HashSet<>();
        for (TargetRequest request : targets) {
            if (!seen.add(request.target())) {
                throw new DistException("Target " + request.target().id() + " is listed twice in <targets> / "
                        + "-Dgateway.native.targets: list each target once");
            }
        }
        if (launchers.isEmpty()) {
            throw new DistException("<launchers> is empty: name at least one command and its main class");
        }
        if (parallelism < 1) {
            throw new DistException("<parallelism> / -Dgateway.native.parallelism is " + parallelism + ": use 1 or more");
        }
    }
}
