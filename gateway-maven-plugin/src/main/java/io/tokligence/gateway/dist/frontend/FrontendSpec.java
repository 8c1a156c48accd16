package io.tokligence.gateway.dist.frontend;

import io.tokligence.gateway.dist.DistException;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@link FrontendBuild} builds: the console project, the bundle targets (Vite modes), the Node to use
 * and where {@code frontend/<target>} lands.
 *
 * @param frontendDirectory the npm project (package.json, package-lock.json, vite config)
 * @param targets           Vite modes to build; {@code web} runs script {@code build}, any other {@code t} runs {@code build:t}
 * @param nodeHome          a Node.js installation, or null to use node/npm on PATH
 * @param distDirectory     the distribution root; bundles go to {@code <distDirectory>/frontend/<target>}
 * @param offline           Maven runs offline: npm must not reach the network
 */
public record FrontendSpec(Path frontendDirectory, List<String> targets, Path nodeHome, Path distDirectory, boolean offline) {

    public FrontendSpec {
        if (frontendDirectory == null) {
            throw new DistException("frontendDirectory is not set: point <frontendDirectory> (-Dgateway.frontend.directory) at the console sources");
        }
        if (distDirectory == null) {
            throw new DistException("distDirectory is not set: set <distDirectory> (-Dgateway.distDirectory)");
        }
        if (targets == null || targets.isEmpty()) {
            throw new DistException("targets is empty: list at least one of web, h5 in <targets> (-Dgateway.frontend.targets=web,h5)");
        }
        for (String target : targets) {
            if (!target.matches("[a-z0-9][a-z0-9-]*")) {
                throw new DistException("targets entry '" + target
                        + "' is not a Vite mode name (lowercase letters, digits, '-'): use web, h5 in <targets> (-Dgateway.frontend.targets)");
            }
        }
        frontendDirectory = frontendDirectory.toAbsolutePath().normalize();
        distDirectory = distDirectory.toAbsolutePath().normalize();
        nodeHome = nodeHome == null ? null : nodeHome.toAbsolutePath().normalize();
        targets = List.copyOf(targets.stream().distinct().toList());
    }

    /** The npm script that builds {@code target}. */
    public static String scriptFor(String target) {
        return target.equals("web") ? "build" : "build:" + target;
    }

    /** Where Vite writes {@code target} (the console's vite.config sets {@code build.outDir} to this). */
    public Path buildOutput(String target) {
        return frontendDirectory.resolve("dist").resolve(target);
    }

    public Path bundleDestination(String target) {
        return distDirectory.resolve("frontend").resolve(target);
    }

    /**
     * In the npm project's {@code node_modules/.cache} (where Vite, Babel and ESLint keep theirs), so the stamp is
     * neither served nor packed into archives, and a fresh {@code node_modules} rebuilds, as it should.
     */
    public Path fingerprintFile(String target) {
        return frontendDirectory.resolve("node_modules/.cache/tokligence-gateway").resolve(target + ".fingerprint");
    }
}
