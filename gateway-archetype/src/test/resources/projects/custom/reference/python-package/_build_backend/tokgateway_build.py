"""In-tree PEP 517 build backend of the tokgateway sdist: it refuses to build, with the reason.

A tokgateway wheel is only useful with the gateway it bundles (a Java runtime, the app and its launchers),
and those come from the project's Maven build, not from these Python sources. Building a wheel here would
give an installation whose commands cannot run, so every build hook stops with a message instead.
"""

import sys

MESSAGE = (
    "tokgateway cannot be built from source: it is published as platform wheels that bundle the gateway "
    "and its Java runtime. No wheel matches this platform or installer ({platform}). Use a platform with a "
    "published wheel (Linux x86-64/aarch64 with glibc, macOS x86-64/arm64, Windows x86-64) and make sure "
    "pip can download wheels (do not pass --no-binary), or build the wheels with "
    "'./mvnw package -Pdist-native,dist-python' in the gateway repository."
)


def _refuse(*_args, **_kwargs):
    import platform

    sys.stderr.write("error: " + MESSAGE.format(platform=platform.platform()) + "\n")
    sys.stderr.flush()
    raise SystemExit(1)


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


prepare_metadata_for_build_wheel = _refuse
build_wheel = _refuse
build_sdist = _refuse
build_editable = _refuse
prepare_metadata_for_build_editable = _refuse
