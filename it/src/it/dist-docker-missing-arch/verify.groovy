def nd = evaluate(new File(basedir, '../../../src/dist-native-parent/verify/native-dist-checks.groovy'))
nd.checkFailure("Missing native tree for linux/amd64: ${new File(basedir, 'dist/native/gateway-linux-x64/runtime/bin/java')}"
        + " does not exist; run goal dist-native with linux-x64 in gateway.native.targets first, or drop amd64 from"
        + " <architectures> (-Dgateway.docker.architectures) -> [Help 1]")
true
