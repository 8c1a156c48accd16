def log = new File(basedir, 'build.log').text
def node = new File(basedir, 'old-node/bin/node').canonicalPath
assert log.contains("Node.js v16.0.0 at ${node} does not satisfy engines.node '>=20' in package.json: install Node.js >=20 or set <nodeHome> (-Dgateway.frontend.nodeHome=/path/to/node) to a Node.js installation")
assert !new File(basedir, 'dist').exists()
return true
