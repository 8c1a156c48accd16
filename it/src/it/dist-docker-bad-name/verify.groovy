def nd = evaluate(new File(basedir, '../../../src/dist-native-parent/verify/native-dist-checks.groovy'))
nd.checkFailure("imageName 'Registry.Example.com/Bad Name' is not a valid image name: use lowercase [registry/]path"
        + " such as ghcr.io/tokligence/gateway (-Dgateway.docker.imageName) -> [Help 1]")
true
