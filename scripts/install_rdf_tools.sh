#!/usr/bin/env bash
# The non-Python RDF tools the tests and `make validate` parse Turtle with:
# Raptor's `rapper` (Debian package raptor2-utils) and N3.js (npm `n3`,
# pinned by tools/n3/package-lock.json). Idempotent; safe to re-run.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v rapper >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq raptor2-utils
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "install_rdf_tools: npm (Node.js) is missing; install nodejs and npm first" >&2
  exit 1
fi
(cd tools/n3 && npm ci --no-audit --no-fund --silent)

rapper --version >/dev/null
echo "install_rdf_tools: rapper $(rapper --version), n3 $(node -p 'require("./tools/n3/node_modules/n3/package.json").version')"
