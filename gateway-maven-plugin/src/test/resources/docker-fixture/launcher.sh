#!/bin/sh
# Uses only sh built-ins: the image has no coreutils.
case "$0" in */*) bin=${0%/*} ;; *) bin=. ;; esac
home=$(cd "$bin/.." && pwd -P)
exec "$home/runtime/bin/java" -Dgateway.home="$home" -cp "$home/lib/*" @MAIN@ "$@"
