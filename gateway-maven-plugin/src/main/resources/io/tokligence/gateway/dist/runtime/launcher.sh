#!/bin/sh
# {{NAME}}: runs {{MAIN_CLASS}} on the Java runtime bundled in this distribution.
# Extra JVM options: GATEWAY_JAVA_OPTS="-Xmx512m" {{NAME}} ...
self=$0
# Follow symlinks so a link in /usr/local/bin still finds the distribution it points into.
while [ -h "$self" ]; do
  link=$(readlink -- "$self")
  case $link in
    /*) self=$link ;;
    *) self=$(dirname -- "$self")/$link ;;
  esac
done
GATEWAY_HOME=$(cd -P -- "$(dirname -- "$self")/.." && pwd -P) || exit 1
# exec: the JVM replaces this shell, so signals reach it and its exit code is ours.
# shellcheck disable=SC2086
exec "$GATEWAY_HOME/runtime/bin/java" $GATEWAY_JAVA_OPTS "-Dgateway.home=$GATEWAY_HOME" \
  -cp "$GATEWAY_HOME/lib/*" {{MAIN_CLASS}} "$@"
