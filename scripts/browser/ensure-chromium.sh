#!/usr/bin/env bash
# Makes sure Debian's Chromium is installed for the browser tests (playwright-core drives /usr/bin/chromium;
# we never download Playwright's own browsers). CI machines are bare: install it from Debian's packages.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  echo "ensure-chromium: $("$CHROMIUM" --version 2>/dev/null | grep -v 'unexpected operator' || echo "$CHROMIUM")"
  exit 0
fi
echo "ensure-chromium: $CHROMIUM missing; installing Debian's chromium package"
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core
if [ ! -x "$CHROMIUM" ]; then
  echo "ensure-chromium: chromium still missing at $CHROMIUM after apt-get install" >&2
  exit 1
fi
"$CHROMIUM" --version 2>/dev/null | grep -v 'unexpected operator' || true
