package io.tokligence.gateway.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The core must stay usable outside Maven (a Gradle or CLI adapter later): no Maven type may leak into it. */
class CoreIsMavenFreeTest {

    @Test
    void noCoreSourceImportsMaven() throws IOException {
        Path core = Path.of("src/main/java/io/tokligence/gateway/dist");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(core)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> {
                        try {
                            return Files.readAllLines(p).stream()
                                    .anyMatch(l -> l.startsWith("import org.apache.maven.")
                                            || l.startsWith("import org.codehaus.plexus."));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(Path::toString)
                    .toList();
        }
        assertThat(offenders).as("core sources importing Maven or Plexus").isEmpty();
        assertThat(core).isDirectoryContaining(p -> p.toString().endsWith("ProcessRunner.java"));
    }
}
