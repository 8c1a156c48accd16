package sample;

/**
 * Stands in for the gateway CLI in the dist-native ITs: prints its version, and exits with a chosen code so
 * the launcher's exit-code passthrough can be checked.
 */
public final class SampleCli {
    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--version")) {
            System.out.println("gateway " + System.getProperty("gateway.home").replaceAll(".*/", "") + " sample");
            return;
        }
        if (args.length == 2 && args[0].equals("exit")) {
            System.exit(Integer.parseInt(args[1]));
        }
        if (args.length == 1 && args[0].equals("echo-stdin")) {
            System.in.transferTo(System.out);
            return;
        }
        System.out.println("usage: gateway --version | exit N | echo-stdin");
        System.out.println("args=" + String.join("|", args));
        System.exit(2);
    }
}
