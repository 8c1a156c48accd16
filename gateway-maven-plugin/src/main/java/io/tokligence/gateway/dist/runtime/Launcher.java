package io.tokligence.gateway.dist.runtime;

import io.tokligence.gateway.dist.DistException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A command in {@code bin/} and the main class it runs on the bundled runtime.
 *
 * <p>The POSIX script resolves its own location through symlinks (so {@code ln -s /opt/gateway/bin/gateway
 * /usr/local/bin/} works) and {@code exec}s java, so signals reach the JVM and its exit code is the script's.
 */
public record Launcher(String name, String mainClass) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern CLASS = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");

    /** The gateway's own commands, per the launch contract: used when a project names none. */
    public static final List<Launcher> GATEWAY = List.of(
            new Launcher("gateway", "io.tokligence.gateway.cli.GatewayCli"),
            new Launcher("gatewayd", "io.tokligence.gateway.daemon.GatewayDaemon"));

    public Launcher {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new DistException("Launcher name '" + name + "' in <launchers> is not a plain file name:"
                    + " use letters, digits, '.', '_' or '-'");
        }
        if (mainClass == null || !CLASS.matcher(mainClass).matches()) {
            throw new DistException("Launcher '" + name + "' in <launchers> has main class '" + mainClass
                    + "', which is not a Java class name: give a fully qualified class such as com.acme.Main");
        }
    }

    /** The POSIX sh script, {@code bin/<name>}. */
    public String posixScript() {
        return Templates.render("launcher.sh", Map.of("NAME", name, "MAIN_CLASS", mainClass));
    }

    /** The Windows batch script, {@code bin/<name>.cmd}, with CRLF line ends as cmd.exe expects. */
    public String windowsScript() {
        return Templates.render("launcher.cmd", Map.of("NAME", name, "MAIN_CLASS", mainClass)).replace("\n", "\r\n");
    }
}
