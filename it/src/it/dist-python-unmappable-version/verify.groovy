def nd = evaluate(new File(basedir, '../../../src/dist-native-parent/verify/native-dist-checks.groovy'))
nd.checkFailure(":dist-python (default) on project dist-python-unmappable-version: Project version '1.0.0-M1' has no"
        + " PEP 440 form for the Python package: use <numbers>[-alpha|-beta|-rc[-N]][-SNAPSHOT], e.g. 1.2.0, 1.2.0-rc1,"
        + " 1.2.0-beta-2, 1.2.0-SNAPSHOT (milestones such as -M1 have no PEP 440 equivalent) -> [Help 1]")
assert !new File(basedir, 'dist/python').exists()
true
