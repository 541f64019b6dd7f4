#!/usr/bin/env bash
# Builds the site and serves it on localhost: ./run.sh [--port N] [--dir PATH] [--frame-ancestors SOURCES]
# Needs only JDK 17 and Maven. Ctrl+C stops the server.
set -euo pipefail
cd "$(dirname "$0")"

# Core and web only: the e2e suite is not needed to serve the page.
# Quiet on success (Debian's Maven prints stray colour codes even with -q); everything on failure.
echo "Building Pagewalk (core and web; the first build also downloads its dependencies)..."
if ! build_log=$(mvn -q -B -DskipTests -pl web -am package 2>&1); then
    printf '%s\n' "$build_log"
    echo "run.sh: the build failed (see above)" >&2
    exit 1
fi

exec java -jar web/target/pagewalk-server.jar "$@"
