def nd = evaluate(new File(basedir, '../../../src/dist-native-parent/verify/native-dist-checks.groovy'))
String jdk = new File(basedir, 'build.log').text.find(/linked from <jdkHome> (\S+) is/) { all, path -> path }
assert jdk != null && new File(jdk, 'jmods/java.base.jmod').isFile()
nd.checkFailure("Target linux-aarch64: runtime/bin/java linked from <jdkHome> ${jdk} is ELF64 e_machine 0x3e (linux x64),"
        + " not linux-aarch64: give a JDK built for linux-aarch64 (jlink falls back to the host's modules when the module"
        + " path has none for the target, adoptium-support#1271) -> [Help 1]")
true
