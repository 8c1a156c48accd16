package io.tokligence.gateway.dist.frontend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tokligence.gateway.dist.DistException;
import io.tokligence.gateway.dist.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real npm on PATH against a dependency-free npm project whose build script writes
 * {@code dist/<target>/index.html} from {@code src/app.txt} (and fails on a "syntax error" in it), so
 * install, incremental skip, publishing and failure handling are exercised without a network.
 */
class FrontendBuildTest {
    private static final String BUILD_SCRIPT = """
            import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
            const target = process.argv[2];
            const source = readFileSync('src/app.txt', 'utf8');
            if (source.includes('syntax error')) {
              console.error('src/app.txt:1:1: ERROR: Unexpected "syntax error"');
              process.exit(1);
            }
            mkdirSync(`dist/${target}/assets`, { recursive: true });
            writeFileSync(`dist/${target}/index.html`, `<title>${target}</title>${source}`);
            writeFileSync(`dist/${target}/assets/app.js`, source);
            console.log(`built ${target}`);
            """;

    @TempDir
    Path work;

    private Path fe;
    private Path dist;
    private final List<String> log = new ArrayList<>();

    @BeforeEach
    void npmProject() throws IOException {
        assumeTrue(onPath("node") && onPath("npm"), "node and npm are not on PATH: the frontend build cannot run here");
        fe = Files.createDirectories(work.resolve("fe"));
        dist = work.resolve("dist");
        write("package.json", """
                {"name":"console","version":"1.0.0","private":true,"engines":{"node":">=18"},
                 "scripts":{"build":"node build.mjs web","build:h5":"node build.mjs h5"}}
                """);
        write("package-lock.json", """
                {"name":"console","version":"1.0.0","lockfileVersion":3,"requires":true,
                 "packages":{"":{"name":"console","version":"1.0.0","engines":{"node":">=18"}}}}
                """);
        write("build.mjs", BUILD_SCRIPT);
        write("src/app.txt", "hello");
    }

    @Test
    void buildsEveryTargetThenSkipsWhatIsUpToDate() throws IOException {
        FrontendBuild.Result first = build();

        assertThat(first.rebuilt()).containsExactly("web", "h5");
        assertThat(first.installed()).isTrue();
        assertThat(dist.resolve("frontend/web/index.html")).hasContent("<title>web</title>hello");
        assertThat(dist.resolve("frontend/h5/assets/app.js")).hasContent("hello");
        assertThat(log).contains("built web", "built h5");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dist.resolve("frontend/web"))))
                .isEqualTo("rwxr-xr-x");

        log.clear();
        FrontendBuild.Result second = build();

        assertThat(second.rebuilt()).isEmpty();
        assertThat(log).contains("web bundle up to date, not rebuilt", "h5 bundle up to date, not rebuilt");
        assertThat(log).doesNotContain("built web");
    }

    @Test
    void rebuildsWhenASourceChangesButNotForAnUnrelatedFile() throws IOException {
        build();
        write("README.md", "notes");
        assertThat(build().rebuilt()).isEmpty();

        write("src/app.txt", "changed");
        log.clear();
        FrontendBuild.Result result = build();

        assertThat(result.rebuilt()).containsExactly("web", "h5");
        assertThat(result.installed()).as("lockfile unchanged: no npm ci").isFalse();
        assertThat(log).contains("node_modules matches package-lock.json, npm ci skipped");
        assertThat(dist.resolve("frontend/web/index.html")).hasContent("<title>web</title>changed");
    }

    @Test
    void reinstallsWhenTheLockfileChanges() throws IOException {
        build();
        write("package-lock.json", Files.readString(fe.resolve("package-lock.json")).replace("\"requires\":true", "\"requires\": true"));

        assertThat(build().installed()).isTrue();
    }

    @Test
    void aFailingBuildFailsWithItsErrorAndLeavesThePreviousBundlesUntouched() throws IOException {
        build();
        write("src/app.txt", "a syntax error");

        assertThatThrownBy(this::build)
                .isInstanceOf(DistException.class)
                .hasMessageStartingWith("npm run build in " + fe + " failed (exit 1): ")
                .hasMessageContaining("src/app.txt:1:1: ERROR: Unexpected \"syntax error\"");
        assertThat(dist.resolve("frontend/web/index.html")).hasContent("<title>web</title>hello");
        assertThat(dist.resolve("frontend/h5/index.html")).hasContent("<title>h5</title>hello");
        try (var entries = Files.list(dist.resolve("frontend"))) {
            assertThat(entries.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("web", "h5");
        }
    }

    @Test
    void aMissingLockfileIsOneLine() throws IOException {
        Files.delete(fe.resolve("package-lock.json"));

        assertThatThrownBy(this::build)
                .isInstanceOf(DistException.class)
                .hasMessage("package-lock.json is missing in " + fe + ": run 'npm install' there and commit"
                        + " package-lock.json (npm ci needs it for reproducible builds)");
    }

    @Test
    void aTargetWithoutItsScriptIsOneLine() {
        assertThatThrownBy(() -> build(List.of("web", "tablet")))
                .isInstanceOf(DistException.class)
                .hasMessage("package.json in " + fe + " has no script 'build:tablet' for target 'tablet': add it or remove"
                        + " the target from <targets> (-Dgateway.frontend.targets)");
    }

    private FrontendBuild.Result build() {
        return build(List.of("web", "h5"));
    }

    private FrontendBuild.Result build(List<String> targets) {
        ProcessRunner runner = new ProcessRunner(log::add);
        String path = System.getenv("PATH");
        return new FrontendBuild(runner, new NodeLocator(runner, path), log::add, path)
                .build(new FrontendSpec(fe, targets, null, dist, false));
    }

    private void write(String relative, String content) throws IOException {
        Path file = fe.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static boolean onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return true;
            }
        }
        return false;
    }
}
