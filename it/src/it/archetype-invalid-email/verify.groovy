// An admin email that is not an address is refused and the half-made site removed.
String log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] Failed to execute goal org.apache.maven.plugins:maven-archetype-plugin:'
        + "${archetypeVersion}:generate (default-cli) on project standalone-pom: Invalid -Demail=not-an-email: it must"
        + ' match ^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+$; nothing was generated -> [Help 1]\n')
// (.mvn/ is the Invoker's: it marks the project root of a run without a POM.)
assert basedir.list().sort() == ['.mvn', 'build.log', 'invoker.properties', 'verify.groovy']
true
