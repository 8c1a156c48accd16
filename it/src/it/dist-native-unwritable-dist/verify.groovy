def nd = evaluate(new File(basedir, '../../../src/dist-native-parent/verify/native-dist-checks.groovy'))
String dist = new File(basedir, 'pom.xml/dist').absolutePath
nd.checkFailure(":dist-native (default) on project dist-native-unwritable-dist: Cannot write to ${dist}"
        + " (FileSystemException: ${dist}: Not a directory): make it a writable directory"
        + " or point <distDirectory> / -Dgateway.distDirectory elsewhere -> [Help 1]")
// Refused before linking; pom.xml is still the file it was and no staging directory was left anywhere.
String log = new File(basedir, 'build.log').text
assert !log.contains('Building target') : 'a target was linked although its output could not be written'
assert new File(basedir, 'pom.xml').isFile() && new File(basedir, 'pom.xml').text.contains('<artifactId>dist-native-unwritable-dist</artifactId>')
def staging = []
basedir.eachFileRecurse { if (it.name.contains('.staging-') || it.name.contains('.old-')) staging << it }
assert staging.isEmpty() : "half-written staging left behind: ${staging}"
true
