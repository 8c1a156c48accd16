def nd = evaluate(new File(basedir, '../../../src/dist-native-parent/verify/native-dist-checks.groovy'))
nd.checkFailure(":dist-native (default) on project dist-native-malformed-setting: "
        + new File(basedir, 'config/setting.ini').canonicalPath
        + ":3: expected key=value, got 'this is not a key value pair' (fix the line or comment it out with #) -> [Help 1]")
// Refused before jdeps and jlink ran.
String log = new File(basedir, 'build.log').text
assert !log.contains('Runtime modules:') : 'the config was checked only after module resolution'
assert !log.contains('Building target') : 'a target was linked despite the malformed setting.ini'
true
