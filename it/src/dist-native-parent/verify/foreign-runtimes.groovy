// Selector helper: fetches the foreign runtimes a project needs (scripts/fetch-foreign-runtimes.sh, cached in
// ${foreignRuntimes}). Returns false (project skipped, reason printed) only when this machine cannot get them at all.
import java.util.concurrent.TimeUnit

class ForeignRuntimes {
    static boolean prepare(String repositoryRoot, String cache, List<String> targets, boolean needsApt) {
        if (needsApt && !['/usr/bin/apt-get', '/bin/apt-get'].any { new File(it).canExecute() }) {
            println "SKIPPED: ${targets} need Debian's apt-get (arm64 JDK and qemu-user-static); this machine has none"
            return false
        }
        def pb = new ProcessBuilder(['bash', "${repositoryRoot}/it/scripts/fetch-foreign-runtimes.sh".toString()] + targets)
                .redirectErrorStream(true)
        pb.environment().put('GATEWAY_IT_CACHE', cache)
        def process = pb.start()
        String out = process.inputStream.text
        assert process.waitFor(30, TimeUnit.MINUTES) && process.exitValue() == 0 : "fetch-foreign-runtimes.sh failed: ${out}"
        true
    }
}
ForeignRuntimes
