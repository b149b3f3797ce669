#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Keeps every translation complete.
#
# Usage: check-translations.sh PO_DIR [SOURCE_ROOT]
#
# For each language listed in PO_DIR/LINGUAS, runs
# `msgfmt --check --check-accelerators=_ --statistics` on PO_DIR/LANG.po and
# fails when the catalog has an error, a fuzzy or an untranslated message.
#
# With SOURCE_ROOT, it also extracts a fresh template from the files in
# PO_DIR/POTFILES.in (same xgettext arguments as meson's "glib" preset) and
# fails when a catalog lacks a translation of a message of the sources: a
# string added or changed in the code without `meson compile preflight-update-po`.
#
# Output is TAP.

set -u

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: $0 PO_DIR [SOURCE_ROOT]" >&2
  exit 2
fi

po_dir=$1
src_root=${2:-}

# The statistics are matched in English below.
LC_ALL=C
export LC_ALL
unset LANGUAGE

for tool in msgfmt msgcmp xgettext; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "1..0 # SKIP $tool is not installed"
    exit 0
  fi
done

if [ ! -r "$po_dir/LINGUAS" ]; then
  echo "Bail out! $po_dir/LINGUAS is missing"
  exit 1
fi

# LINGUAS: languages separated by white space; '#' starts a comment.
langs=$(sed -e 's/#.*//' "$po_dir/LINGUAS" | tr -s ' \t' '\n' | sed -e '/^$/d')

tmp=$(mktemp -d "${TMPDIR:-/tmp}/check-translations.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT HUP INT TERM

pot=
if [ -n "$src_root" ]; then
  pot=$tmp/template.pot
  # po/its has the rules for the texts of catalogs, as meson passes them.
  if ! GETTEXTDATADIRS="$po_dir${GETTEXTDATADIRS:+:$GETTEXTDATADIRS}" \
       xgettext --package-name=preflight -f "$po_dir/POTFILES.in" -D "$src_root" \
         -o "$pot" \
         --from-code=UTF-8 --add-comments \
         -k_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
         --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 \
         --keyword=g_dpgettext2:2c,3 \
         --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format \
         --flag=NC_:2:pass-c-format --flag=g_dngettext:2:pass-c-format \
         --flag=g_strdup_printf:1:c-format --flag=g_string_printf:2:c-format \
         --flag=g_string_append_printf:2:c-format --flag=g_error_new:3:c-format \
         --flag=g_set_error:4:c-format --flag=g_markup_printf_escaped:1:c-format \
         --flag=g_log:3:c-format --flag=g_print:1:c-format \
         --flag=g_printerr:1:c-format --flag=g_printf:1:c-format \
         --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format \
         --flag=g_snprintf:3:c-format \
         2>"$tmp/xgettext.log"; then
    echo "Bail out! xgettext failed:"
    sed -e 's/^/# /' "$tmp/xgettext.log"
    exit 1
  fi
fi

n=0
for lang in $langs; do
  n=$((n + 1))
  [ -n "$pot" ] && n=$((n + 1))
done
echo "1..$n"

i=0
failed=0
for lang in $langs; do
  po=$po_dir/$lang.po
  i=$((i + 1))

  if [ ! -r "$po" ]; then
    echo "not ok $i - $lang: $po is missing"
    failed=$((failed + 1))
    [ -n "$pot" ] && { i=$((i + 1)); echo "not ok $i - $lang: up to date # $po is missing"; }
    continue
  fi

  # msgfmt prints its statistics on stderr, e.g.
  # "200 translated messages, 3 fuzzy translations, 18 untranslated messages."
  if msgfmt --check --check-accelerators=_ --statistics -o /dev/null "$po" \
       >"$tmp/msgfmt.log" 2>&1; then
    stats=$(tail -n 1 "$tmp/msgfmt.log")
    case $stats in
      *fuzzy*|*untranslated*)
        echo "not ok $i - $lang: $stats"
        failed=$((failed + 1))
        ;;
      *)
        echo "ok $i - $lang: $stats"
        ;;
    esac
  else
    echo "not ok $i - $lang: msgfmt --check found errors"
    sed -e 's/^/# /' "$tmp/msgfmt.log"
    failed=$((failed + 1))
  fi

  if [ -n "$pot" ]; then
    i=$((i + 1))
    if msgcmp "$po" "$pot" >"$tmp/msgcmp.log" 2>&1; then
      echo "ok $i - $lang: translates every message of the sources"
    else
      echo "not ok $i - $lang: messages of the sources are missing; run meson compile -C BUILDDIR preflight-update-po and translate them"
      sed -e 's/^/# /' "$tmp/msgcmp.log"
      failed=$((failed + 1))
    fi
  fi
done

[ "$failed" -eq 0 ]
