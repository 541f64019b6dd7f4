#!/usr/bin/env bash
# Builds the site and serves it on localhost: ./run.sh [--port N] [--dir PATH]
# Needs only JDK 17 and Maven. Ctrl+C stops the server.
set -euo pipefail
cd "$(dirname "$0")"

# Core and web only: the e2e suite is not needed to serve the page.
mvn -q -B -DskipTests -pl web -am package

exec java -jar web/target/pagewalk-server.jar "$@"
