package io.tokligence.gateway.dist.frontend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokligence.gateway.dist.DistException;
import io.tokligence.gateway.dist.FileTrees;
import io.tokligence.gateway.dist.ProcessRunner;
import io.tokligence.gateway.dist.StagedDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Builds the console bundles: {@code npm ci} when the lockfile changed or node_modules is missing, one
 * {@code npm run build[:target]} per target whose inputs changed, then each bundle is copied to
 * {@code <dist>/frontend/<target>} through a {@link StagedDirectory}. All builds run before anything is
 * copied, so a failing build leaves the previous bundles in place.
 */
public final class FrontendBuild {
    /** Records which lockfile node_modules was installed from; npm ci wipes node_modules, and with it this file. */
    static final String LOCK_STAMP = ".gateway-lock.sha256";

    private final ProcessRunner runner;
    private final NodeLocator locator;
    private final Consumer<String> log;
    private final String inheritedPath;

    public FrontendBuild(ProcessRunner runner, NodeLocator locator, Consumer<String> log, String inheritedPath) {
        this.runner = runner;
        this.locator = locator;
        this.log = log;
        this.inheritedPath = inheritedPath;
    }

    /** What a run did, per target. */
    public record Result(List<String> rebuilt, List<String> upToDate, boolean installed) {
    }

    public Result build(FrontendSpec spec) {
        Path dir = spec.frontendDirectory();
        JsonNode packageJson = readPackageJson(dir);
        Path lockfile = dir.resolve("package-lock.json");
        if (!Files.isRegularFile(lockfile)) {
            throw new DistException("package-lock.json is missing in " + dir
                    + ": run 'npm install' there and commit package-lock.json (npm ci needs it for reproducible builds)");
        }
        for (String target : spec.targets()) {
            String script = FrontendSpec.scriptFor(target);
            if (!packageJson.path("scripts").has(script)) {
                throw new DistException("package.json in " + dir + " has no script '" + script + "' for target '" + target
                        + "': add it or remove the target from <targets> (-Dgateway.frontend.targets)");
            }
        }
        NodeInstallation node = locator.locate(spec.nodeHome(), enginesRange(packageJson, dir));
        log.accept("Using Node.js " + node.version() + " (" + node.node() + ")");

        Map<String, String> fingerprints = new HashMap<>();
        List<String> stale = new ArrayList<>();
        List<String> upToDate = new ArrayList<>();
        for (String target : spec.targets()) {
            String fingerprint = InputFingerprint.compute(dir, node.version(), target);
            fingerprints.put(target, fingerprint);
            boolean current = Files.isDirectory(spec.bundleDestination(target))
                    && InputFingerprint.read(spec.fingerprintFile(target)).filter(fingerprint::equals).isPresent();
            if (current) {
                log.accept(target + " bundle up to date, not rebuilt");
                upToDate.add(target);
            } else {
                stale.add(target);
            }
        }
        if (stale.isEmpty()) {
            return new Result(List.of(), List.copyOf(upToDate), false);
        }

        Map<String, String> env = new HashMap<>(node.environment(inheritedPath));
        // npm's update check and funding/audit requests would reach the network even with a warm cache.
        env.put("npm_config_update_notifier", "false");
        env.put("npm_config_audit", "false");
        env.put("npm_config_fund", "false");
        boolean installed = installIfNeeded(spec, node, env);
        for (String target : stale) {
            String script = FrontendSpec.scriptFor(target);
            log.accept("Building the " + target + " bundle (npm run " + script + ")");
            runner.runChecked("npm run " + script + " in " + dir,
                    List.of(node.npm().toString(), "run", script), dir, env);
            Path output = spec.buildOutput(target);
            if (!Files.isRegularFile(output.resolve("index.html"))) {
                throw new DistException("npm run " + script + " wrote no " + output.resolve("index.html")
                        + ": set build.outDir to dist/" + target + " in the Vite config");
            }
        }
        for (String target : stale) {
            publish(spec.buildOutput(target), spec.bundleDestination(target));
            InputFingerprint.store(spec.fingerprintFile(target), fingerprints.get(target));
            log.accept(target + " bundle written to " + spec.bundleDestination(target));
        }
        return new Result(List.copyOf(stale), List.copyOf(upToDate), installed);
    }

    private boolean installIfNeeded(FrontendSpec spec, NodeInstallation node, Map<String, String> env) {
        Path dir = spec.frontendDirectory();
        Path nodeModules = dir.resolve("node_modules");
        String lockHash = sha256(dir.resolve("package-lock.json"));
        Path stamp = nodeModules.resolve(LOCK_STAMP);
        if (Files.isDirectory(nodeModules) && InputFingerprint.read(stamp).filter(lockHash::equals).isPresent()) {
            log.accept("node_modules matches package-lock.json, npm ci skipped");
            return false;
        }
        String networkFlag = spec.offline() ? "--offline" : "--prefer-offline";
        log.accept("Installing dependencies (npm ci " + networkFlag + ")");
        runner.runChecked("npm ci " + networkFlag + " in " + dir
                        + (spec.offline() ? " (Maven is offline: npm may use only its cache; run once online to fill it)" : ""),
                List.of(node.npm().toString(), "ci", networkFlag), dir, env);
        InputFingerprint.store(stamp, lockHash);
        return true;
    }

    private static void publish(Path source, Path destination) {
        try (StagedDirectory staged = StagedDirectory.beside(destination)) {
            FileTrees.copy(source, staged.path());
            staged.commit();
        }
    }

    private static JsonNode readPackageJson(Path dir) {
        Path file = dir.resolve("package.json");
        if (!Files.isRegularFile(file)) {
            throw new DistException("No package.json in " + dir
                    + ": point <frontendDirectory> (-Dgateway.frontend.directory) at the console's npm project");
        }
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new DistException(file + " is not valid JSON: " + e.getOriginalMessage() + ": fix the file", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static NodeVersionRange enginesRange(JsonNode packageJson, Path dir) {
        Optional<String> range = Optional.ofNullable(packageJson.path("engines").path("node").textValue());
        try {
            return range.map(NodeVersionRange::parse).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new DistException("engines.node in " + dir.resolve("package.json") + ": " + e.getMessage(), e);
        }
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
