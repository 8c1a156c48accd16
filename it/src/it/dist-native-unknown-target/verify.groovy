def nd = evaluate(new File(basedir, '../../../src/dist-native-parent/verify/native-dist-checks.groovy'))
nd.checkFailure("Unknown target 'linux-sparc' in <targets> / -Dgateway.native.targets: use one of linux-x64,"
        + " linux-aarch64, macos-x64, macos-aarch64, windows-x64 -> [Help 1]")
true
