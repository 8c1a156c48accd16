// Helpers shared by the dist-native verify.groovy scripts (loaded with evaluate(new File(...))).
import java.nio.file.Files
import java.security.MessageDigest

class NativeDist {
    File basedir

    NativeDist(File basedir) { this.basedir = basedir }

    File nativeDir() { new File(basedir, 'dist/native') }

    /** Runs a command, returns [exitCode, output]; fails the IT when it does not end in time. */
    List run(List<String> command, File dir = basedir, String stdin = null, Map<String, String> env = [:]) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir).redirectErrorStream(true)
        pb.environment().putAll(env)
        Process p = pb.start()
        if (stdin != null) { p.outputStream.withWriter { it << stdin } } else { p.outputStream.close() }
        String out = p.inputStream.text
        assert p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS) : "timed out: ${command}"
        [p.exitValue(), out]
    }

    String sha256(File f) {
        MessageDigest.getInstance('SHA-256').digest(f.bytes).encodeHex().toString()
    }

    /** SHA256SUMS lists exactly the archives, with their real hashes. */
    void checkSums(List<String> archives) {
        def lines = new File(nativeDir(), 'SHA256SUMS').readLines()
        assert lines == archives.sort().collect { "${sha256(new File(nativeDir(), it))}  ${it}".toString() }
    }

    /** Unpacks a tar.gz with the system tar (as a user would), returns the extraction directory. */
    File untar(String archive) {
        File dir = new File(basedir, 'target/unpacked')
        dir.deleteDir(); dir.mkdirs()
        def (code, out) = run(['tar', '-xzf', new File(nativeDir(), archive).path, '-C', dir.path])
        assert code == 0 : out
        dir
    }

    /** tar -tv lines as [mode, owner, name]. */
    List<List<String>> tarListing(String archive) {
        def (code, out) = run(['tar', '--numeric-owner', '-tvzf', new File(nativeDir(), archive).path])
        assert code == 0 : out
        out.readLines().collect { def f = it.split(/\s+/); [f[0], f[1], f[-1]] }
    }

    /** zip entries as name -> unix mode (from the external attributes), read with Python's zipfile. */
    Map<String, Integer> zipModes(String archive) {
        def (code, out) = run(['python3', '-c', 'import sys, zipfile\n' +
                'for i in zipfile.ZipFile(sys.argv[1]).infolist(): print(oct(i.external_attr >> 16), i.filename)',
                new File(nativeDir(), archive).path])
        assert code == 0 : out
        out.readLines().collectEntries { def (m, n) = it.split(' ', 2); [(n): Integer.parseInt(m.substring(2), 8) & 07777] }
    }

    /** After a failed build: the expected line is in build.log and dist/ holds nothing half-written. */
    void checkFailure(String expected) {
        String log = new File(basedir, 'build.log').text
        assert log.contains(expected) : "build.log lacks: ${expected}"
        File dist = new File(basedir, 'dist')
        def left = dist.exists() ? dist.listFiles().collect { it.name } : []
        assert left.isEmpty() : "dist/ should be empty after a failure, has ${left}"
    }
}
new NativeDist(basedir)
