#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The headless command line opens no network socket, and the app links no
# networking library: a family's data never leaves the computer.
#   test-no-network.sh PATH-TO-nemo-handbook
# Runs each headless command under strace -f -e trace=network, with HOME
# and the XDG folders in a fresh temporary folder and no display, and
# fails on any socket of family AF_INET, AF_INET6 or AF_PACKET. Other
# sockets (AF_UNIX, for D-Bus or a display) are listed, not failed: these
# commands need none. Exits 77 (skip) when strace is missing.
set -u

app="$1"

if ! command -v strace >/dev/null 2>&1; then
  echo "SKIP: strace is not installed (build-aux/setup installs it)"
  exit 77
fi
if ! strace -qq -o /dev/null true 2>/dev/null; then
  echo "SKIP: strace cannot trace here (ptrace not permitted)"
  exit 77
fi

status=0
fail() {
  echo "FAIL: $*"
  status=1
}

# A networking library linked in is a way out even if today's code never
# calls it.
linked=$(ldd "$app" | grep -iE 'libsoup|libcurl|libnghttp|libgnutls|libssl|libcups|libavahi' || true)
if [ -n "$linked" ]; then
  fail "the app links networking libraries:"
  echo "$linked"
else
  echo "ok: links no libsoup, libcurl, nghttp2, GnuTLS, OpenSSL, CUPS or Avahi"
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/nh-no-network.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home" "$tmp/data" "$tmp/config" "$tmp/cache" "$tmp/state" "$tmp/runtime"
chmod 700 "$tmp/runtime"
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" \
  XDG_CACHE_HOME="$tmp/cache" XDG_STATE_HOME="$tmp/state" XDG_RUNTIME_DIR="$tmp/runtime"
unset DISPLAY WAYLAND_DISPLAY
# In a -Db_sanitize=address build: LeakSanitizer cannot run under ptrace.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"

# run NAME ARGS...: runs the app under strace; fails on its exit status or
# on a network socket.
run() {
  name="$1"
  shift
  log="$tmp/$name.strace"
  if ! strace -f -qq -e trace=network -o "$log" "$app" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"; then
    fail "$name: nemo-handbook $* failed:"
    cat "$tmp/$name.err"
    return 1
  fi

  inet=$(grep -E 'AF_INET6?|AF_PACKET' "$log" || true)
  if [ -n "$inet" ]; then
    fail "$name opened a network socket:"
    echo "$inet"
  fi

  other=$(grep -E '(socket|connect|bind|sendto|sendmsg)\(' "$log" || true)
  if [ -z "$other" ]; then
    echo "ok: $name: no socket at all"
  elif [ -z "$inet" ]; then
    echo "ok: $name: no network socket; other socket calls:"
    echo "$other" | sed 's/^/    /'
  fi
  return 0
}

if run list-sections --list-sections; then
  [ -s "$tmp/list-sections.out" ] || fail "list-sections printed nothing"
fi

if run export-checklist --export=checklist --blank --output="$tmp/checklist.pdf"; then
  head -c 5 "$tmp/checklist.pdf" 2>/dev/null | grep -q '%PDF-' || fail "export-checklist wrote no PDF"
fi

# The emergency card export came later; check it when the app has it.
if "$app" --help 2>/dev/null | grep -q 'emergency-card'; then
  if run export-card --export=emergency-card --blank --output="$tmp/card.pdf"; then
    head -c 5 "$tmp/card.pdf" 2>/dev/null | grep -q '%PDF-' || fail "export-card wrote no PDF"
  fi
else
  echo "note: this build has no --export=emergency-card; not checked"
fi

exit "$status"
