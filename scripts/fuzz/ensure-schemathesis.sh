#!/usr/bin/env bash
# Installs schemathesis (from PyPI) into a virtualenv under .cache/venv if it is not there yet, and prints the
# path of its `st` command. The OpenAPI fuzz test (tests/openapi-fuzz.test.ts) runs it.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
venv=$root/.cache/venv
version=4.32.5
if [[ ! -x $venv/bin/st ]] || ! "$venv/bin/st" --version 2>/dev/null | grep -q "$version"; then
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$version" >&2
fi
echo "$venv/bin/st"
