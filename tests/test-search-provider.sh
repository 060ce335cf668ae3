#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The GNOME Shell search provider, called as the Shell calls it, over D-Bus:
#   test-search-provider.sh PATH-TO-nemo-handbook SEARCH-PROVIDER.ini
# Starts the app as the Shell does (--gapplication-service) on a D-Bus
# session of its own (dbus-run-session), reads the bus name and object path
# from the installed .ini, and checks with `gdbus call` an English and a
# German query, the result metas, ActivateResult (the app opens the page:
# its last-section setting, in a keyfile, says so) and LaunchSearch.
# Needs a display (the test suite runs under xvfb-run).
set -u

app="$1"
ini="$2"

if ! command -v gdbus >/dev/null 2>&1 || ! command -v dbus-run-session >/dev/null 2>&1; then
  echo "SKIP: gdbus or dbus-run-session is missing"
  exit 77
fi

if [ -z "${NH_PROVIDER_INNER:-}" ]; then
  NH_PROVIDER_INNER=1 exec dbus-run-session -- sh "$0" "$@"
fi

status=0
fail() {
  echo "FAIL: $*"
  status=1
}

bus=$(sed -n 's/^BusName=//p' "$ini")
path=$(sed -n 's/^ObjectPath=//p' "$ini")
version=$(sed -n 's/^Version=//p' "$ini")
[ "$version" = 2 ] || fail "the .ini says Version=$version, not 2"
grep -q "^DesktopId=$bus.desktop\$" "$ini" || fail "the .ini's DesktopId is not $bus.desktop"

tmp=$(mktemp -d)
pid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

call() {
  method="$1"
  shift
  gdbus call --session --dest "$bus" --object-path "$path" \
    --method "org.gnome.Shell.SearchProvider2.$method" "$@"
}

# start LANGUAGE [APP OPTIONS]: the app as a D-Bus service, with its own
# settings in a keyfile under $tmp/LANGUAGE.
start() {
  lang="$1"
  shift
  mkdir -p "$tmp/$lang/config" "$tmp/$lang/data"
  LANGUAGE="$lang" GSETTINGS_BACKEND=keyfile XDG_CONFIG_HOME="$tmp/$lang/config" \
    XDG_DATA_HOME="$tmp/$lang/data" "$app" --gapplication-service "$@" &
  pid=$!
  for i in $(seq 100); do
    gdbus introspect --session --dest "$bus" --object-path "$path" 2>/dev/null |
      grep -q org.gnome.Shell.SearchProvider2 && return 0
    sleep 0.1
  done
  fail "the search provider did not appear on $bus at $path"
  return 1
}

stop() {
  kill "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  pid=
}

# expect WHAT GOT PATTERN: GOT matches the grep pattern.
expect() {
  printf '%s\n' "$2" | grep -q -- "$3" || fail "$1: got $2"
}

last_section_is() {
  for i in $(seq 50); do
    grep -q "^last-section='$2'" "$tmp/$1/config/glib-2.0/settings/keyfile" 2>/dev/null && return 0
    sleep 0.1
  done
  fail "after ActivateResult, the app did not open '$2' ($1)"
}

# English
if start en; then
  got=$(call GetInitialResultSet "['fever']")
  expect "fever" "$got" "^(\['@checklist#0'"
  got=$(call GetResultMetas "['@checklist#0']")
  expect "fever metas" "$got" "'name': <'Infection suspected'>"
  expect "fever metas" "$got" "'description': <'Checklist: "
  got=$(call GetInitialResultSet "['live', 'vaccine']")
  expect "live vaccine" "$got" "^(\['infections#"
  got=$(call GetSubsearchResultSet "['@checklist#0']" "['fever', 'high']")
  expect "subsearch" "$got" "'@checklist#0'"
  got=$(call GetInitialResultSet "['zzzzqqq']")
  expect "nothing" "$got" "^(@as \[\],)"
  got=$(call GetResultMetas "['no-such-page#0']")
  expect "unknown id" "$got" "^(@aa{sv} \[\],)"

  id=$(call GetInitialResultSet "['genetic', 'testing']" | sed "s/^(\['\([^']*\)'.*/\1/")
  expect "genetic testing" "$id" "^diagnosis#"
  call ActivateResult "$id" "['genetic', 'testing']" 0 >/dev/null || fail "ActivateResult"
  last_section_is en diagnosis
  call LaunchSearch "['fever']" 0 >/dev/null || fail "LaunchSearch"
  stop
fi

# German: the handbook and the search words in German.
if start de --language=de; then
  got=$(call GetInitialResultSet "['Fieber']")
  expect "Fieber" "$got" "^(\['@checklist#0'"
  got=$(call GetResultMetas "['@checklist#0']")
  expect "Fieber metas" "$got" "'name': <'Verdacht auf Infektion'>"
  expect "Fieber metas" "$got" "'description': <'Checkliste: "
  got=$(call GetInitialResultSet "['Impfungen']")
  expect "Impfungen" "$got" "'infections#"
  call ActivateResult "infections#0" "['Impfungen']" 0 >/dev/null || fail "ActivateResult (de)"
  last_section_is de infections
  stop
fi

[ "$status" -eq 0 ] && echo "PASS"
exit "$status"
