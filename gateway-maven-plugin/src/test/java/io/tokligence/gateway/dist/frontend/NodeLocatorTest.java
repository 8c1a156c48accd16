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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeLocatorTest {
    private static final NodeVersionRange NEEDS_20 = NodeVersionRange.parse(">=20");

    @TempDir
    Path temp;

    private final NodeLocator locator = new NodeLocator(new ProcessRunner(line -> { }), System.getenv("PATH"));

    @Test
    void rejectsANodeThatIsTooOldNamingTheVersionAndNodeHome() throws IOException {
        Path home = fakeNodeHome("v16.0.0");

        assertThatThrownBy(() -> locator.locate(home, NEEDS_20))
                .isInstanceOf(DistException.class)
                .hasMessage("Node.js v16.0.0 at " + home.resolve("bin/node") + " does not satisfy engines.node '>=20' in"
                        + " package.json: install Node.js >=20 or set <nodeHome> (-Dgateway.frontend.nodeHome=/path/to/node)"
                        + " to a Node.js installation");
    }

    @Test
    void acceptsANodeHomeWhoseVersionSatisfiesTheRange() throws IOException {
        Path home = fakeNodeHome("v22.3.1");

        NodeInstallation node = locator.locate(home, NEEDS_20);

        assertThat(node.version()).isEqualTo("v22.3.1");
        assertThat(node.node()).isEqualTo(home.resolve("bin/node"));
        assertThat(node.npm()).isEqualTo(home.resolve("bin/npm"));
        assertThat(node.environment("/usr/bin")).containsValue(home.resolve("bin") + ":/usr/bin");
    }

    @Test
    void saysWhatIsNeededWhenNodeHomeHasNoNode() throws IOException {
        Path empty = Files.createDirectories(temp.resolve("no-node"));

        assertThatThrownBy(() -> locator.locate(empty, NEEDS_20))
                .isInstanceOf(DistException.class)
                .hasMessage("Node.js >=20 is required (engines.node in package.json) but there is no node executable under"
                        + " nodeHome " + empty + ": install it or set <nodeHome> (-Dgateway.frontend.nodeHome=/path/to/node)"
                        + " to a Node.js installation");
    }

    @Test
    void saysWhatIsNeededWhenPathHasNoNode() throws IOException {
        NodeLocator onEmptyPath = new NodeLocator(new ProcessRunner(line -> { }), Files.createDirectories(temp.resolve("bin")).toString());

        assertThatThrownBy(() -> onEmptyPath.locate(null, NEEDS_20))
                .isInstanceOf(DistException.class)
                .hasMessageStartingWith("Node.js >=20 is required (engines.node in package.json) but no node is on PATH: install it or set <nodeHome>");
    }

    @Test
    void findsTheRealNodeOnPath() {
        assumeTrue(System.getenv("PATH") != null && onPath("node"), "no node on PATH: nothing to locate");

        NodeInstallation node = locator.locate(null, NEEDS_20);

        assertThat(node.version()).matches("v\\d+\\.\\d+\\.\\d+");
        assertThat(node.npm().getFileName().toString()).isEqualTo("npm");
    }

    /** A Node home whose bin/node is a real executable printing a chosen version, as an old install would. */
    private Path fakeNodeHome(String version) throws IOException {
        Path bin = Files.createDirectories(temp.resolve("node-" + version).resolve("bin"));
        for (String name : new String[] {"node", "npm"}) {
            Path script = bin.resolve(name);
            Files.writeString(script, "#!/bin/sh\necho " + version + "\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return bin.getParent();
    }

    private static boolean onPath(String name) {
        for (String dir : System.getenv("PATH").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, name))) {
                return true;
            }
        }
        return false;
    }
}
