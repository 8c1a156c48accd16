def nd = evaluate(new File(basedir, '../../../src/dist-native-parent/verify/native-dist-checks.groovy'))
nd.checkFailure("baseImage 'tar:///nonexistent/base.tar' cannot be read: /nonexistent/base.tar is not a readable file;"
        + " give a docker-save tar (tar:///path/base.tar) or a registry reference (-Dgateway.docker.baseImage) -> [Help 1]")
true
