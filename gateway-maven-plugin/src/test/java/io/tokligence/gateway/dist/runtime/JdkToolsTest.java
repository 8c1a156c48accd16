package io.tokligence.gateway.dist.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokligence.gateway.dist.DistException;
import io.tokligence.gateway.dist.ProcessRunner;
import io.tokligence.gateway.dist.BuildTimestamp;
import io.tokligence.gateway.dist.archive.ArchiveEntries;
import io.tokligence.gateway.dist.archive.ZipWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jdeps and the JDK's release file, on the JDK running the tests. */
class JdkToolsTest {

    @TempDir
    Path temp;

    @Test
    void jdepsFollowsTheAppIntoItsDependenciesModularOrNot() throws Exception {
        JavaHome jdk = JavaHome.open(Path.of(System.getProperty("java.home")), "java.home");
        // The app uses java.net.http itself and commons-compress (a modular jar whose optional requirements
        // are absent here); a plain jar that nothing references uses java.sql, as a JDBC driver would.
        Path app = compileJar("app", "Main", "package app; public class Main { public static void main(String[] a) throws Exception {"
                + " System.out.println(java.net.http.HttpClient.newHttpClient()"
                + " + \"\" + new org.apache.commons.compress.archivers.tar.TarArchiveEntry(\"x\")); } }");
        Path driver = compileJar("driver", "D", "package driver; public class D { public static Object c() throws Exception {"
                + " return java.sql.DriverManager.getConnection(\"jdbc:x\"); } }");
        Path commonsCompress = Path.of(TarArchiveEntry.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(ModuleDependencies.isModular(commonsCompress)).isTrue();
        assertThat(ModuleDependencies.isModular(driver)).isFalse();

        List<String> log = new ArrayList<>();
        SortedSet<String> modules = new ModuleDependencies(new ProcessRunner(log::add)).compute(
                jdk.tool("jdeps", Target.host()), 17, app, List.of(commonsCompress, driver), List.of("jdk.crypto.ec", " "),
                List.of("java.net.http"));
        assertThat(modules).as(String.join("\n", log)).contains("java.base", "java.sql", "jdk.crypto.ec")
                .doesNotContain("java.net.http");
        assertThat(log).as("jdeps found java.net.http before it was excluded").anyMatch(l -> l.contains("java.net.http"));
        assertThat(modules)
                .allMatch(m -> m.matches("[a-z.]+"));
        assertThat(jdk.featureVersion()).isEqualTo(Runtime.version().feature());
    }

    private Path compileJar(String name, String className, String source) throws IOException {
        Path src = temp.resolve(name + "-src");
        Path classes = temp.resolve(name + "-classes");
        Files.createDirectories(src);
        Files.createDirectories(classes);
        Path file = Files.writeString(src.resolve(className + ".java"), source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int exit = javac.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                file.toString());
        assertThat(exit).isZero();
        Path jar = temp.resolve(name + ".jar");
        ZipWriter.write(jar, ArchiveEntries.fromTree(classes, "", p -> false), BuildTimestamp.ZIP_EPOCH);
        return jar;
    }

    @Test
    void compressionIsTheStrongestTheLinkingJdkKnows() {
        assertThat(Jlink.strongestCompression(17)).isEqualTo("2");
        assertThat(Jlink.strongestCompression(21)).isEqualTo("zip-9");
        assertThat(Jlink.strongestCompression(25)).isEqualTo("zip-9");
        Target host = Target.parse("linux-x64");
        assertThat(Jlink.stripOption(host, host)).isEqualTo("--strip-debug");
        assertThat(Jlink.stripOption(host, Target.parse("linux-aarch64"))).isEqualTo("--strip-java-debug-attributes");
    }

    @Test
    void aDirectoryWithoutReleaseIsNotAJavaHome() throws Exception {
        Files.createDirectories(temp.resolve("bin"));
        assertThatThrownBy(() -> JavaHome.open(temp, "<jdkHome>")).isInstanceOf(DistException.class)
                .hasMessage("<jdkHome> " + temp + " is not a Java home (no release file): point it at the directory"
                        + " that holds bin/, lib/ and release");
        Files.writeString(temp.resolve("release"), "JAVA_VERSION=\"17.0.15\"\nOS_ARCH=\"aarch64\"\n");
        JavaHome home = JavaHome.open(temp, "<jdkHome>");
        assertThat(home.version()).isEqualTo("17.0.15");
        assertThat(home.featureVersion()).isEqualTo(17);
        assertThat(home.hasJmods()).isFalse();
        assertThat(home.isRuntimeImage()).isFalse();
    }
}
