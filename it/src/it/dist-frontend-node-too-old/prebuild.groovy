// An old Node installation: bin/node is a real executable that reports v16.0.0, as Node 16 would.
def bin = new File(basedir, 'old-node/bin')
bin.mkdirs()
['node', 'npm'].each { name ->
    def script = new File(bin, name)
    script.text = '#!/bin/sh\necho v16.0.0\n'
    script.setExecutable(true, false)
}
return true
