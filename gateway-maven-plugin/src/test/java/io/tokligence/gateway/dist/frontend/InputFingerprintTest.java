package io.tokligence.gateway.dist.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InputFingerprintTest {
    @TempDir
    Path fe;

    @BeforeEach
    void consoleProject() throws IOException {
        write("package.json", "{\"name\":\"console\",\"scripts\":{\"build\":\"vite build\"}}");
        write("package-lock.json", "{\"lockfileVersion\":3}");
        write("index.html", "<div id=root></div>");
        write(".env.web", "VITE_TARGET=web");
        write(".env.production", "VITE_API_BASE_URL=");
        write("vite.config.ts", "export default {}");
        write("tsconfig.json", "{}");
        write("src/main.tsx", "console.log('hi')");
        write("src/screens/Usage.tsx", "export const a = 1");
        write("README.md", "docs");
        write("e2e/console.spec.mjs", "test");
        write("node_modules/react/index.js", "module.exports = 1");
        write("dist/web/index.html", "built");
    }

    @ParameterizedTest
    @ValueSource(strings = {"src/screens/Usage.tsx", "src/main.tsx", "package.json", "package-lock.json", "index.html",
        ".env.web", ".env.production", "vite.config.ts", "tsconfig.json"})
    void changesWhenAnInputChanges(String input) throws IOException {
        String before = InputFingerprint.compute(fe, "v20.20.2", "web");

        write(input, Files.readString(fe.resolve(input)) + " ");

        assertThat(InputFingerprint.compute(fe, "v20.20.2", "web")).isNotEqualTo(before);
    }

    @Test
    void changesWhenASourceIsAddedOrRenamed() throws IOException {
        String before = InputFingerprint.compute(fe, "v20.20.2", "web");
        Files.move(fe.resolve("src/main.tsx"), fe.resolve("src/index.tsx"));
        String renamed = InputFingerprint.compute(fe, "v20.20.2", "web");
        write("src/extra.css", "body{}");

        assertThat(renamed).isNotEqualTo(before);
        assertThat(InputFingerprint.compute(fe, "v20.20.2", "web")).isNotEqualTo(renamed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"README.md", "e2e/console.spec.mjs", "node_modules/react/index.js", "dist/web/index.html"})
    void ignoresFilesThatAreNotInputs(String unrelated) throws IOException {
        String before = InputFingerprint.compute(fe, "v20.20.2", "web");

        write(unrelated, "changed");

        assertThat(InputFingerprint.compute(fe, "v20.20.2", "web")).isEqualTo(before);
    }

    @Test
    void differsPerNodeVersionAndTarget() {
        String web = InputFingerprint.compute(fe, "v20.20.2", "web");

        assertThat(InputFingerprint.compute(fe, "v22.0.0", "web")).isNotEqualTo(web);
        assertThat(InputFingerprint.compute(fe, "v20.20.2", "h5")).isNotEqualTo(web);
        assertThat(InputFingerprint.compute(fe, "v20.20.2", "web")).isEqualTo(web).hasSize(64);
    }

    @Test
    void storesAndReadsBack(@TempDir Path dist) {
        Path stamp = dist.resolve("frontend/.web.fingerprint");
        assertThat(InputFingerprint.read(stamp)).isEmpty();

        InputFingerprint.store(stamp, "abc123");

        assertThat(InputFingerprint.read(stamp)).contains("abc123");
    }

    private void write(String relative, String content) throws IOException {
        Path file = fe.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
