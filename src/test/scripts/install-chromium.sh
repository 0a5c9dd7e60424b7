#!/usr/bin/env bash
# Finds a headless-capable Chromium for the report's browser self-test, installing Debian's `chromium` package when
# the machine has none (a one-time cost). A machine that already has Chromium or Chrome (CI runners do) keeps it.
# Prints the browser's path as its only line on stdout; apt's chatter goes to stderr.
set -euo pipefail

find_browser() {
  local candidate
  for candidate in "${CHROME_BIN:-}" chromium chromium-browser google-chrome google-chrome-stable; do
    if [ -n "$candidate" ] && command -v "$candidate" >/dev/null 2>&1; then
      command -v "$candidate"
      return 0
    fi
  done
  return 1
}

if find_browser; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo -n"
fi
export DEBIAN_FRONTEND=noninteractive
# other builds on the machine may hold apt's lock for a while: wait for it rather than fail
$sudo apt-get -o DPkg::Lock::Timeout=300 update -qq >&2
$sudo apt-get -o DPkg::Lock::Timeout=300 install -y -qq chromium fonts-liberation >&2
find_browser || { echo "install-chromium: chromium was installed but is not on PATH" >&2; exit 1; }
