def nd = evaluate(new File(basedir, '../../../src/dist-native-parent/verify/native-dist-checks.groovy'))
nd.checkFailure("configDirectory ${basedir.canonicalPath}/no-such-config does not exist: create it with setting.ini"
        + " (gateway init writes one) or set <configDirectory> / -Dgateway.configDirectory -> [Help 1]")
true
