#!/usr/bin/env bash
# Prints the path of a working Python 3.10 (Rasa 3.6 does not support 3.11+).
# Order: $PYTHON, then python3.10 on PATH (pyenv's shim fails unless 3.10 is selected,
# so each candidate is actually run), then pyenv's versions folder.
set -u
works() { "$1" -c 'import sys; assert sys.version_info[:2] == (3, 10)' >/dev/null 2>&1; }
for candidate in "${PYTHON:-}" "$(command -v python3.10 2>/dev/null)" \
    "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.10*/bin/python3.10 /usr/bin/python3.10 /usr/local/bin/python3.10; do
  if [ -n "$candidate" ] && [ -x "$candidate" ] && works "$candidate"; then
    echo "$candidate"; exit 0
  fi
done
echo "No Python 3.10 found: install it (e.g. 'pyenv install 3.10.13') or set PYTHON=/path/to/python3.10." >&2
exit 1
