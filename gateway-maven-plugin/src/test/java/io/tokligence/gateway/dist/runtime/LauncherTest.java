package io.tokligence.gateway.dist.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tokligence.gateway.dist.DistException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {

    private final Launcher launcher = new Launcher("gateway", "io.tokligence.gateway.cli.GatewayCli");

    @TempDir
    Path temp;

    /** A stand-in runtime/bin/java that prints what it was given and exits with a code taken from its arguments. */
    private Path distribution() throws IOException {
        Path home = temp.resolve("opt/gateway");
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("runtime/bin"));
        Files.writeString(home.resolve("runtime/bin/java"), """
                #!/bin/sh
                for a in "$@"; do printf '[%s]\\n' "$a"; done
                read -r line && echo "stdin=$line"
                for a in "$@"; do case $a in exit=*) exit "${a#exit=}" ;; esac; done
                exit 0
                """);
        Files.writeString(home.resolve("bin/gateway"), launcher.posixScript());
        for (Path p : List.of(home.resolve("runtime/bin/java"), home.resolve("bin/gateway"))) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return home;
    }

    @Test
    void posixLauncherFindsItsHomeThroughSymlinksAndPassesArgumentsStdinAndExitCode() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
        Path home = distribution().toRealPath();
        Path links = Files.createDirectories(temp.resolve("usr/local/bin"));
        Path relative = Files.createSymbolicLink(temp.resolve("rel-link"), temp.relativize(home.resolve("bin/gateway")));
        Path chained = Files.createSymbolicLink(links.resolve("gateway"), links.relativize(relative));

        Process process = new ProcessBuilder(chained.toString(), "two words", "", "exit=42", "*")
                .directory(temp.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().write("hello\n".getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).isEqualTo(42);
        assertThat(out.lines().toList()).containsExactly(
                "[-Dgateway.home=" + home + "]", "[-cp]", "[" + home + "/lib/*]",
                "[io.tokligence.gateway.cli.GatewayCli]", "[two words]", "[]", "[exit=42]", "[*]", "stdin=hello");
    }

    @Test
    void windowsLauncherUsesCrlfAndTheBundledJavaExe() {
        String cmd = launcher.windowsScript();
        assertThat(cmd).startsWith("@echo off\r\n").doesNotContain("{{").endsWith("exit /b %ERRORLEVEL%\r\n");
        assertThat(cmd.replace("\r\n", "")).doesNotContain("\n");
        assertThat(cmd).contains("\"%GATEWAY_HOME%\\runtime\\bin\\java.exe\" %GATEWAY_JAVA_OPTS% "
                + "\"-Dgateway.home=%GATEWAY_HOME%\" -cp \"%GATEWAY_HOME%\\lib\\*\" io.tokligence.gateway.cli.GatewayCli %*");
    }

    @Test
    void systemdUnitIsHardened() {
        String unit = SystemdUnit.text("gatewayd");
        assertThat(unit).contains("ExecStart=/opt/gateway/bin/gatewayd --config-dir /etc/gateway", "User=gateway",
                "DynamicUser=yes", "NoNewPrivileges=yes", "ProtectSystem=strict", "ReadWritePaths=/var/lib/gateway",
                "[Install]").doesNotContain("{{", "MemoryDenyWriteExecute");
    }

    @Test
    void badNamesAreRejectedWithTheParameter() {
        assertThatThrownBy(() -> new Launcher("../gw", "a.B")).isInstanceOf(DistException.class)
                .hasMessage("Launcher name '../gw' in <launchers> is not a plain file name: use letters, digits, '.', '_' or '-'");
        assertThatThrownBy(() -> new Launcher("gw", "a b")).hasMessageContaining("is not a Java class name");
    }
}
