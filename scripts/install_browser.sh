#!/usr/bin/env bash
# Debian's headless-capable Chromium (+ CJK fonts, so Chinese labels are not boxes in
# screenshots) for tests/test_browser.py, `make screenshot` and `make bench-html`.
# playwright drives it through executable_path; playwright's own browser download is
# never used (it cannot reach its host from here or from CI). Idempotent.
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
if [ -x /usr/lib/chromium/chromium ] && fc-list : family 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null; then
  echo "install_browser: chromium and CJK fonts already installed"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk fontconfig >/dev/null
echo "install_browser: $(/usr/lib/chromium/chromium --version 2>/dev/null || chromium --version)"
