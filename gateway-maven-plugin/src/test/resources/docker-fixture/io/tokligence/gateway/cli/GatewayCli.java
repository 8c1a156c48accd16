package io.tokligence.gateway.cli;

/** Stand-in for the real gateway CLI in the image tests: answers --version per the launch contract. */
public final class GatewayCli {
    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("--version") || args[0].equals("version"))) {
            System.out.println("gateway 0.1.0-SNAPSHOT");
            return;
        }
        System.err.println("usage: gateway --version");
        System.exit(2);
    }
}
