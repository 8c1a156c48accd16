"""The Tokligence Gateway, bundled for this platform.

The ``tokgateway`` and ``tokgatewayd`` commands run the bundled ``gateway`` CLI and ``gatewayd`` daemon;
see :mod:`tokgateway._runner`.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("tokgateway")
except PackageNotFoundError:  # imported from a source checkout rather than an installed wheel
    __version__ = "0+unknown"

__all__ = ["__version__"]
