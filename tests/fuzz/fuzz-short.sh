#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The 'fuzz-short' meson test: build-aux/fuzz for 20 s per loader, only when
# NH_FUZZ=1 (it needs clang and libFuzzer, and takes about a minute).
if [ "${NH_FUZZ:-}" != 1 ]; then
  echo "SKIP: set NH_FUZZ=1 to fuzz the loaders for 20 s each"
  exit 77
fi
exec "$1" 20
