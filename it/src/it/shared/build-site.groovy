// Builds a generated site as its operator would (./mvnw package -P<profile>), resolving from this suite's repository
// (the reactor's gateway artifacts) backed by the user's local repository as a file:// remote: no network for Maven.
// Usage: evaluate(new File(basedir, '../../../src/it/shared/build-site.groovy'))(site, 'dist-native')
import java.util.concurrent.TimeUnit

return { File site, String profile ->
    File settingsFile = new File(basedir, 'settings.xml')
    settingsFile.text = new File(basedir, '../../../src/it/settings.xml').text
            .replace('@localRepositoryUrl@', new File(userLocalRepository).toURI().toString())
    File buildLog = new File(basedir, 'site-build.log')
    Process build = new ProcessBuilder('./mvnw', '-B', '-s', settingsFile.path, "-Dmaven.repo.local=${localRepositoryPath}",
            'package', "-P${profile}").directory(site).redirectErrorStream(true).redirectOutput(buildLog).start()
    assert build.waitFor(15, TimeUnit.MINUTES) : 'the site build did not finish in 15 minutes'
    assert build.exitValue() == 0 : "./mvnw package -P${profile} failed in the generated site; see ${buildLog}"
}
