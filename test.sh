#!/usr/bin/env bash
# Runs every test: the core's unit tests and the end-to-end suite in headless Chromium.
# Installs Debian's chromium and chromium-driver first when they are missing: without them the
# end-to-end tests fail (they never skip), with a message that points here.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    echo "test.sh: installing chromium and chromium-driver (for the end-to-end tests)"
    if [ "$(id -u)" -eq 0 ]; then
        SUDO=""
    elif command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "test.sh: not root and no sudo: install chromium and chromium-driver yourself" >&2
        exit 1
    fi
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
fi

exec mvn -B verify "$@"
