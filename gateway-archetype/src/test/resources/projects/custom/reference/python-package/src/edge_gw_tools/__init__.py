"""The Tokligence Gateway, bundled for this platform.

The ``edge_gw_tools`` and ``edge_gw_toolsd`` commands run the bundled ``gateway`` CLI and ``gatewayd`` daemon;
see :mod:`edge_gw_tools._runner`.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("edge_gw_tools")
except PackageNotFoundError:  # imported from a source checkout rather than an installed wheel
    __version__ = "0+unknown"

__all__ = ["__version__"]
