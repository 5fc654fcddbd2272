#!/usr/bin/env bash
# Installs CivicDesk into .venv and opens it. `scripts/run.sh --demo` opens the demo database.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup-env.sh"
exec "$root/.venv/bin/civicdesk" "$@"
