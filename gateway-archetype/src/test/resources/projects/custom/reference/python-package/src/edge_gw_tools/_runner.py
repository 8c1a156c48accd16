"""Runs the gateway bundled in this wheel under ``edge_gw_tools/bin/<target>/``.

On POSIX the launcher replaces this Python process (``os.execv``), so signals sent to ``edge_gw_toolsd`` reach
the gateway and its exit code is the command's exit code, exactly as if the launcher had been run directly.
Windows has no exec: the launcher runs as a child whose exit code is returned; Ctrl-C reaches it through the
shared console, and this process keeps waiting for it to finish instead of dying first.
"""

import os
import platform
import stat
import subprocess
import sys
from pathlib import Path

BIN_DIR = Path(__file__).resolve().parent / "bin"

# platform.system(), platform.machine() -> the target id the native trees are named after
_TARGETS = {
    ("linux", "x86_64"): "linux-x64",
    ("linux", "amd64"): "linux-x64",
    ("linux", "aarch64"): "linux-aarch64",
    ("linux", "arm64"): "linux-aarch64",
    ("darwin", "x86_64"): "macos-x64",
    ("darwin", "arm64"): "macos-aarch64",
    ("darwin", "aarch64"): "macos-aarch64",
    ("windows", "amd64"): "windows-x64",
    ("windows", "x86_64"): "windows-x64",
}


def current_target():
    """The target id of the running platform, or None when the gateway is not built for it."""
    return _TARGETS.get((platform.system().lower(), platform.machine().lower()))


def bundled_targets():
    """The target ids this wheel carries a build for."""
    if not BIN_DIR.is_dir():
        return []
    return sorted(child.name for child in BIN_DIR.iterdir() if child.is_dir())


def _fail(message):
    sys.stderr.write("edge_gw_tools: " + message + "\n")
    sys.exit(1)


def _launcher(command):
    target = current_target()
    home = BIN_DIR / target if target else None
    if home is None or not home.is_dir():
        supported = ", ".join(bundled_targets()) or "none"
        _fail(
            "this installation has no gateway build for %s %s (target %s); it supports: %s. "
            "Install the edge_gw_tools wheel made for this platform (pip picks it when one is published)."
            % (platform.system(), platform.machine(), target or "unknown", supported)
        )
    name = command + ".cmd" if os.name == "nt" else command
    launcher = home / "bin" / name
    if not launcher.is_file():
        _fail("%s is missing from this installation; reinstall edge_gw_tools" % launcher)
    return home, launcher


def _restore_exec_bits(home, launcher):
    """Some installers and copies drop the executable bit; the launcher and the runtime's tools need it."""
    if os.name == "nt":
        return
    runtime_bin = home / "runtime" / "bin"
    candidates = [launcher] + (sorted(runtime_bin.iterdir()) if runtime_bin.is_dir() else [])
    for path in candidates:
        if path.is_file() and not os.access(str(path), os.X_OK):
            mode = path.stat().st_mode
            try:
                path.chmod(mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
            except OSError as error:
                _fail("%s is not executable and cannot be made so (%s); run: chmod +x %s" % (path, error, path))


def run(command, args):
    """Runs bundled ``bin/<command>`` with ``args``; returns its exit code (only on Windows: POSIX execs)."""
    home, launcher = _launcher(command)
    _restore_exec_bits(home, launcher)
    if os.name != "nt":
        os.execv(str(launcher), [str(launcher)] + list(args))
    child = subprocess.Popen([str(launcher)] + list(args))
    while True:
        try:
            return child.wait()
        except KeyboardInterrupt:
            # The console delivered Ctrl-C to the gateway too; let it shut down and report its own exit code.
            continue


def main_cli():
    """Console script ``edge_gw_tools``: the ``gateway`` CLI."""
    sys.exit(run("gateway", sys.argv[1:]))


def main_daemon():
    """Console script ``edge_gw_toolsd``: the ``gatewayd`` daemon."""
    sys.exit(run("gatewayd", sys.argv[1:]))
