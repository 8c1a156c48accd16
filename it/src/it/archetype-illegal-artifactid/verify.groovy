// archetype:generate -B skips validationRegex (ARCHETYPE-532): the archetype's own check must refuse the path.
String log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] Failed to execute goal org.apache.maven.plugins:maven-archetype-plugin:'
        + "${archetypeVersion}:generate (default-cli) on project standalone-pom: Invalid -DartifactId=../x: it must match"
        + ' ^[A-Za-z0-9][A-Za-z0-9_.-]*$; nothing was generated -> [Help 1]\n')
assert !new File(basedir, '../x').exists() : 'the site escaped its directory and was left behind'
// (.mvn/ is the Invoker's: it marks the project root of a run without a POM.)
assert basedir.list().sort() == ['.mvn', 'build.log', 'invoker.properties', 'verify.groovy']
true
