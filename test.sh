#!/usr/bin/env bash
# Runs every test: the core's unit tests and the end-to-end suite in headless Chromium.
# Installs the Debian packages below first when they are missing: without them the tests that
# need them fail (they never skip), with a message that points here.
set -euo pipefail
cd "$(dirname "$0")"

# Debian packages the suite needs, installed with apt-get when missing: chromium and
# chromium-driver (end-to-end tests), firefox-esr, webkit2gtk-driver and xvfb (the cross-engine
# set in Firefox and WebKit), qemu-system-x86 and binutils (conformance against QEMU,
# docs/CONFORMANCE.md). A missing one fails the suite, never skips it.
MISSING=""
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    MISSING="$MISSING chromium chromium-driver"
fi
if [ ! -x /usr/bin/firefox-esr ]; then
    MISSING="$MISSING firefox-esr"
fi
if [ ! -x /usr/bin/WebKitWebDriver ]; then
    MISSING="$MISSING webkit2gtk-driver"
fi
if [ ! -x /usr/bin/xvfb-run ] || [ ! -x /usr/bin/Xvfb ]; then
    MISSING="$MISSING xvfb"
fi
if [ ! -x /usr/bin/qemu-system-i386 ]; then
    MISSING="$MISSING qemu-system-x86"
fi
if [ ! -x /usr/bin/as ] || [ ! -x /usr/bin/ld ]; then
    MISSING="$MISSING binutils"
fi
if [ -n "$MISSING" ]; then
    echo "test.sh: installing$MISSING"
    if [ "$(id -u)" -eq 0 ]; then
        SUDO=""
    elif command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "test.sh: not root and no sudo: install$MISSING yourself" >&2
        exit 1
    fi
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y $MISSING
fi

exec mvn -B verify "$@"
