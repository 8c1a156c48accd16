def nd = evaluate(new File(basedir, '../../../src/dist-native-parent/verify/native-dist-checks.groovy'))
nd.checkFailure(":dist-python (default) on project dist-python-no-native: No native trees in ")
nd.checkFailure("/dist/native (gateway-<target>/ folders): run goal dist-native first " +
        "(mvn package -Pdist-native,dist-python) or point -Dgateway.distDirectory at them")
return true
