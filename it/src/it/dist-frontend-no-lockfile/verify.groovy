def log = new File(basedir, 'build.log').text
def fe = new File(basedir, 'fe').canonicalPath
assert log.contains("[ERROR] Failed to execute goal io.tokligence.gateway:gateway-maven-plugin:")
assert log.contains("package-lock.json is missing in ${fe}: run 'npm install' there and commit package-lock.json (npm ci needs it for reproducible builds)")
assert !new File(basedir, 'dist').exists()
assert !log.contains('at io.tokligence') : 'a stack trace reached the log'
return true
