#!/usr/bin/env bash
# Creates .venv (if needed) and installs CivicDesk with its development tools into it.
# Sourced by run.sh and test.sh; safe to run again.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# Qt draws even offscreen through these Debian libraries, and the document tests read PDFs with
# poppler's pdftotext and the QR codes with zbarimg; install what is missing (needs root).
if command -v dpkg >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  missing=()
  for package in libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 poppler-utils zbar-tools; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  # .ci/run also runs the storage, service and exchange tests on a throwaway PostgreSQL server.
  if [ "${CIVICDESK_POSTGRES:-0}" = 1 ]; then
    dpkg -s postgresql >/dev/null 2>&1 || missing+=(postgresql)
  fi
  if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    else
      echo "Please install: sudo apt-get install ${missing[*]}" >&2
    fi
  fi
fi

python="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[dev]"
