// Helpers shared by the dist-docker verify.groovy scripts (loaded with evaluate(new File(...))): read images with
// skopeo, unpack them with umoci, and run a command of an unpacked image the way an engine would, without one.
import groovy.json.JsonSlurper

class ImageChecks {
    File basedir
    def nd

    ImageChecks(File basedir, nd) { this.basedir = basedir; this.nd = nd }

    /** skopeo with {@code args}; its JSON output parsed. */
    def skopeo(List<String> args) {
        def (code, out) = nd.run(['skopeo'] + args)
        assert code == 0 : out
        new JsonSlurper().parseText(out)
    }

    /** The image's root file system, unpacked by umoci (layers in order, whiteouts honoured, owners kept). */
    File unpack(String source, String arch) {
        File layout = new File(basedir, "target/oci-${arch}"), bundle = new File(basedir, "target/bundle-${arch}")
        def (code, out) = nd.run(['skopeo', '--override-arch', arch, 'copy', source, "oci:${layout}:img".toString()])
        assert code == 0 : out
        (code, out) = nd.run(['umoci', 'unpack', '--image', "${layout}:img".toString(), bundle.path])
        assert code == 0 : out
        File rootfs = new File(bundle, 'rootfs')
        new File(rootfs, 'proc').mkdirs()  // a container engine creates the mount point the same way
        rootfs
    }

    /** Whether this machine lets us make mount and PID namespaces (root, not in a locked-down sandbox). */
    boolean canRun() {
        nd.run(['unshare', '--mount', '--pid', '--fork', 'true'])[0] == 0
    }

    /**
     * Starts {@code command} (a shell command line) in the unpacked image as {@code docker run} would: own mount and
     * PID namespaces with /proc, chrooted, as the image's user, in its working directory, with exactly its
     * environment plus {@code extraEnv} (as -e does). The host network is shared, so 127.0.0.1 reaches it.
     */
    Process start(File rootfs, config, String command, Map<String, String> extraEnv = [:]) {
        String script = "mount -t proc proc '${rootfs}/proc' && exec chroot --userspec=${config.User} '${rootfs}' " +
                "/bin/sh -c 'cd ${config.WorkingDir} && exec ${command}'"
        ProcessBuilder pb = new ProcessBuilder('unshare', '--mount', '--pid', '--fork', '--kill-child', '/bin/sh', '-c',
                script).redirectErrorStream(true)
        pb.environment().clear()
        pb.environment().put('PATH', '/usr/sbin:/usr/bin:/sbin:/bin')  // for unshare's own sh to find chroot
        config.Env.each { def (k, v) = it.split('=', 2); pb.environment().put(k, v) }
        pb.environment().putAll(extraEnv)
        pb.start()
    }

    /** Runs {@code command} in the image to its end; returns [exitCode, output]. */
    List exec(File rootfs, config, String command) {
        Process p = start(rootfs, config, command)
        String out = p.inputStream.text
        assert p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS) : "timed out: ${command}"
        [p.exitValue(), out]
    }

    /**
     * Stops a process started by {@link #start} as {@code docker stop} does: SIGTERM to the image's PID 1 (unshare
     * itself ignores SIGTERM), waiting for its exit code.
     */
    int stop(Process process) {
        process.toHandle().children().each { it.destroy() }
        assert process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) : 'the entrypoint did not stop on SIGTERM'
        process.exitValue()
    }
}
{ File basedir, nd -> new ImageChecks(basedir, nd) }
