package io.tokligence.gateway.dist.runtime;

import io.tokligence.gateway.dist.DistException;
import io.tokligence.gateway.dist.FileTrees;
import io.tokligence.gateway.dist.ProcessRunner;
import io.tokligence.gateway.dist.StagedDirectory;
import io.tokligence.gateway.dist.archive.Sha256Sums;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Builds {@code dist/native/}: one tree and one archive per target, linked in parallel, plus {@code SHA256SUMS}.
 * The whole directory is staged and replaces the old one only when every target succeeded.
 */
public final class NativeDistributionBuilder {

    private final ProcessRunner runner;
    private final Consumer<String> info;
    private final Consumer<String> warn;

    public NativeDistributionBuilder(ProcessRunner runner, Consumer<String> info, Consumer<String> warn) {
        this.runner = runner;
        this.info = info;
        this.warn = warn;
    }

    /** What was written: the archives, the checksum file, and the targets skipped for lack of a runtime. */
    public record Result(Path nativeDirectory, List<Path> archives, Path checksums, List<Target> skipped) {
    }

    public Result build(NativeDistributionSpec spec) {
        List<NativeDistributionSpec.TargetRequest> buildable = new ArrayList<>();
        List<Target> skipped = new ArrayList<>();
        for (NativeDistributionSpec.TargetRequest request : spec.targets()) {
            if (request.source() != null) {
                buildable.add(request);
            } else if (spec.skipUnavailableTargets()) {
                warn.accept("Skipping target " + request.target().id() + ": no Java runtime for it; to build it, "
                        + RuntimeSource.howToSupply(request.target()));
                skipped.add(request.target());
            } else {
                throw new DistException("Target " + request.target().id() + " has no Java runtime: "
                        + RuntimeSource.howToSupply(request.target()) + " (or set <skipUnavailableTargets>true)");
            }
        }
        // Every tree ships this directory: a line the gateway would refuse must fail here, before anything is linked.
        ConfigTemplateCheck.check(spec.configDirectory());
        JavaHome linkingJdk = JavaHome.open(spec.linkingJdk(), "The JDK running the build");
        Target host = Target.host();
        Path nativeDirectory = spec.distDirectory().resolve("native");
        try (StagedDirectory staged = StagedDirectory.beside(nativeDirectory,
                "point <distDirectory> / -Dgateway.distDirectory elsewhere")) {
            SortedSet<String> modules = new ModuleDependencies(runner).compute(linkingJdk.tool("jdeps", host),
                    linkingJdk.featureVersion(), spec.applicationJar(), spec.dependencyJars(), spec.extraModules(),
                    spec.excludedModules());
            info.accept("Runtime modules: " + String.join(",", modules));
            TargetDistributionWriter writer = new TargetDistributionWriter(spec, new Jlink(runner), linkingJdk, host, modules);
            List<Path> archives = linkAll(buildable, writer, staged.path(), spec.parallelism());
            Path sums = staged.path().resolve("SHA256SUMS");
            Sha256Sums.write(sums, archives);
            staged.commit();
            return new Result(nativeDirectory,
                    archives.stream().map(a -> nativeDirectory.resolve(a.getFileName())).toList(),
                    nativeDirectory.resolve("SHA256SUMS"), List.copyOf(skipped));
        }
    }

    private List<Path> linkAll(List<NativeDistributionSpec.TargetRequest> requests, TargetDistributionWriter writer,
            Path nativeDirectory, int parallelism) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, requests.size())));
        try {
            List<Future<Path>> futures = new ArrayList<>();
            for (NativeDistributionSpec.TargetRequest request : requests) {
                futures.add(pool.submit(() -> {
                    info.accept("Building target " + request.target().id() + " from " + request.source().origin());
                    return writer.write(request.target(), request.source(), nativeDirectory);
                }));
            }
            List<Path> archives = new ArrayList<>();
            for (Future<Path> future : futures) {
                archives.add(await(future, pool));
            }
            return archives;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Path await(Future<Path> future, ExecutorService pool) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            pool.shutdownNow();
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DistException("Interrupted while linking the native distributions", e);
        }
    }
}
