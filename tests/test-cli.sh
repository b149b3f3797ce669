#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The command-line side of the binary must work without a display.
# usage: test-cli.sh PREFLIGHT VERSION
set -u
preflight=$1
version=$2
failed=0
unset DISPLAY WAYLAND_DISPLAY

check () {
  if [ "$1" = ok ]; then echo "ok - $2"; else echo "not ok - $2"; failed=1; fi
}

out=$("$preflight" --version 2>&1); rc=$?
[ $rc -eq 0 ] && [ "$out" = "preflight $version" ] && r=ok || r=fail
check $r "--version prints 'preflight $version' and exits 0 (got $rc: $out)"

out=$("$preflight" --help 2>&1); rc=$?
case "$out" in *"preflight [OPTION…] [FILE…]"*"--version"*) r=ok ;; *) r=fail ;; esac
[ $rc -eq 0 ] || r=fail
check $r "--help shows usage and options and exits 0"

out=$("$preflight" --no-such-option 2>&1); rc=$?
[ $rc -ne 0 ] && r=ok || r=fail
check $r "an unknown option fails (exit $rc)"

exit $failed
