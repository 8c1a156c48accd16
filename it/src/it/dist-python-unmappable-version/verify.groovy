def nd = evaluate(new File(basedir, '../../../src/dist-native-parent/verify/native-dist-checks.groovy'))
String log = new File(basedir, 'build.log').text
String expected = ":dist-python (dist-python) on project dist-python-unmappable-version: Project version '1.0.0-M1' has no" +
        " PEP 440 form for the Python package: use <numbers>[-alpha|-beta|-rc[-N]][-SNAPSHOT], e.g. 1.2.0, 1.2.0-rc1," +
        " 1.2.0-beta-2, 1.2.0-SNAPSHOT (milestones such as -M1 have no PEP 440 equivalent) -> [Help 1]"
assert log.contains(expected) : "build.log lacks: ${expected}"

// dist-native ran first and its output is whole; dist-python left nothing, not even a staging directory.
String host = System.getProperty('os.arch') in ['aarch64', 'arm64'] ? 'linux-aarch64' : 'linux-x64'
String archive = "gateway-1.0.0-M1-${host}.tar.gz"
assert nd.nativeDir().list().sort() == ['SHA256SUMS', archive, "gateway-${host}".toString()].sort()
nd.checkSums([archive])
assert new File(nd.nativeDir(), "gateway-${host}/bin/gateway").canExecute()
assert new File(basedir, 'dist').list().sort() == ['native'] : "dist/ should hold only native/: ${new File(basedir, 'dist').list()}"
assert !new File(basedir, 'dist/python').exists()
true
