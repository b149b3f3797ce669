#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The command-line side of the binary must work without a display.
# usage: test-cli.sh PREFLIGHT VERSION MAKE-PROJECT [SAMPLE]
set -u
preflight=$1
version=$2
make_project=${3:-}
sample=${4:-}
failed=0
unset DISPLAY WAYLAND_DISPLAY

check () {
  # One line per result: command output quoted in a description is flattened.
  desc=$(printf '%s' "$2" | tr '\n' ' ')
  if [ "$1" = ok ]; then echo "ok - $desc"; else echo "not ok - $desc"; failed=1; fi
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

# preflight verify
if [ -z "$make_project" ]; then
  echo "not ok - preflight verify: no make-project helper given"
  exit 1
fi

tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp"; rm -rf "$tmp"' EXIT

heads=$("$make_project" "$tmp/project.preflight" 5); rc=$?
[ $rc -eq 0 ] && [ -s "$tmp/project.preflight" ] && r=ok || r=fail
check $r "make-project writes a project (exit $rc)"
early=$(printf '%s\n' "$heads" | sed -n 's/^early //p')
head=$(printf '%s\n' "$heads" | sed -n 's/^head //p')

out=$("$preflight" verify "$tmp/project.preflight" 2>&1); rc=$?
[ $rc -eq 0 ] && r=ok || r=fail
case "$out" in *"intact, 5 entries"*) ;; *) r=fail ;; esac
case "$out" in *"$head"*) ;; *) r=fail ;; esac
case "$out" in *"sign-off-1"*"approved by Grace Hopper (Sponsor)"*"current"*) ;; *) r=fail ;; esac
[ -n "$head" ] || r=fail
check $r "verify: an intact file exits 0 and prints intact, the head hash and the sign-off (got $rc: $out)"

out=$("$preflight" verify "$tmp/project.preflight" --anchor "$early" 2>&1); rc=$?
[ $rc -eq 0 ] && r=ok || r=fail
case "$out" in *"Anchor $early: found"*) ;; *) r=fail ;; esac
check $r "verify --anchor with an earlier head exits 0 and says found (got $rc: $out)"

upper=$(printf '%s' "$head" | tr a-f A-F)
out=$("$preflight" verify --anchor " $upper " "$tmp/project.preflight" 2>&1); rc=$?
[ $rc -eq 0 ] && r=ok || r=fail
case "$out" in *"Anchor $head: found"*) ;; *) r=fail ;; esac
check $r "verify --anchor takes the head in capitals and with spaces (got $rc: $out)"

out=$("$preflight" verify "$tmp/project.preflight" --anchor 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef 2>&1); rc=$?
[ $rc -eq 1 ] && r=ok || r=fail
case "$out" in *"NOT found"*) ;; *) r=fail ;; esac
check $r "verify --anchor with a made-up hash exits 1 and says NOT found (got $rc: $out)"

# Entry 3's new value changed by hand.
sed 's/"new": "Value 3"/"new": "Value three"/' "$tmp/project.preflight" > "$tmp/tampered.preflight"
out=$("$preflight" verify "$tmp/tampered.preflight" 2>&1); rc=$?
[ $rc -eq 1 ] && r=ok || r=fail
cmp -s "$tmp/project.preflight" "$tmp/tampered.preflight" && r=fail
case "$out" in *"BROKEN at entry 3 of 5"*) ;; *) r=fail ;; esac
check $r "verify: a tampered file exits 1 and says BROKEN at entry 3 (got $rc: $out)"

# The last entry (the sign-off) deleted: the chain holds, the anchor does not.
python3 - "$tmp/project.preflight" "$tmp/shortened.preflight" <<'PY' 2>/dev/null || true
import json, sys
project = json.load(open(sys.argv[1]))
project["audit"].pop()
json.dump(project, open(sys.argv[2], "w"), indent=2, ensure_ascii=False)
PY
if [ -s "$tmp/shortened.preflight" ]; then
  out=$("$preflight" verify "$tmp/shortened.preflight" --anchor "$head" 2>&1); rc=$?
  [ $rc -eq 1 ] && r=ok || r=fail
  case "$out" in *"intact, 4 entries"*"NOT found"*) ;; *) r=fail ;; esac
  check $r "verify: a deleted last entry is caught by the anchor (got $rc: $out)"
else
  echo "ok - verify: a deleted last entry # SKIP python3 is not available"
fi

out=$("$preflight" verify "$tmp/missing.preflight" 2>&1); rc=$?
[ $rc -eq 2 ] && r=ok || r=fail
case "$out" in *"missing.preflight"*) ;; *) r=fail ;; esac
check $r "verify: a missing file exits 2 (got $rc: $out)"

cp "$tmp/project.preflight" "$tmp/unreadable.preflight"
chmod 000 "$tmp/unreadable.preflight"
if [ "$(id -u)" -eq 0 ]; then
  # root reads any file; a folder instead of a file cannot be read by anyone.
  mkdir "$tmp/folder.preflight"
  out=$("$preflight" verify "$tmp/folder.preflight" 2>&1); rc=$?
  [ $rc -eq 2 ] && r=ok || r=fail
  check $r "verify: a folder instead of a file exits 2 (got $rc: $out) (as root, permissions do not apply)"
else
  out=$("$preflight" verify "$tmp/unreadable.preflight" 2>&1); rc=$?
  [ $rc -eq 2 ] && r=ok || r=fail
  check $r "verify: an unreadable file exits 2 (got $rc: $out)"
fi

printf '{\n  "format": "preflight-project",\n  "format-version": 1,\n  "audit": [\n' > "$tmp/broken.preflight"
out=$("$preflight" verify "$tmp/broken.preflight" 2>&1); rc=$?
[ $rc -eq 2 ] && r=ok || r=fail
case "$out" in *"Line "*) ;; *) r=fail ;; esac
check $r "verify: broken JSON exits 2 and names the line (got $rc: $out)"

printf '{"format": "preflight-project", "format-version": 1, "audit": []}\n' > "$tmp/empty-audit.preflight"
out=$("$preflight" verify "$tmp/empty-audit.preflight" 2>&1); rc=$?
[ $rc -eq 0 ] && r=ok || r=fail
case "$out" in *"intact, 0 entries"*"none"*) ;; *) r=fail ;; esac
check $r "verify: an empty audit trail is intact with no head (got $rc: $out)"

out=$("$preflight" verify --no-such-option "$tmp/project.preflight" 2>&1); rc=$?
[ $rc -eq 2 ] && r=ok || r=fail
check $r "verify: a bad option exits 2 (got $rc: $out)"

out=$("$preflight" verify 2>&1); rc=$?
[ $rc -eq 2 ] && r=ok || r=fail
check $r "verify: no file exits 2 (got $rc: $out)"

out=$("$preflight" verify "$tmp/project.preflight" "$tmp/project.preflight" 2>&1); rc=$?
[ $rc -eq 2 ] && r=ok || r=fail
check $r "verify: two files exit 2 (got $rc: $out)"

out=$("$preflight" verify --help 2>&1); rc=$?
[ $rc -eq 0 ] && r=ok || r=fail
case "$out" in *"--anchor"*"Exit status"*) ;; *) r=fail ;; esac
check $r "verify --help exits 0 and explains --anchor and the exit status"

# preflight check
if [ -n "$sample" ]; then
  out=$("$preflight" check "$sample" 2>&1); rc=$?
  [ $rc -eq 1 ] && r=ok || r=fail
  case "$out" in *"Customer churn at Nordwind Telecom"*"Verdict: NOT READY"*) ;; *) r=fail ;; esac
  case "$out" in *"calls_to_customer_service_30d"*) ;; *) r=fail ;; esac
  case "$out" in *"Fix on: Features & Leakage › calls_to_customer_service_30d"*) ;; *) r=fail ;; esac
  case "$out" in *"The business question changed after Henrik Sørensen approved it"*) ;; *) r=fail ;; esac
  case "$out" in *"has not signed the privacy review"*"Fix on: Sign-offs › Privacy review"*) ;; *) r=fail ;; esac
  case "$out" in *"blockers,"*"condition"*"warnings"*"Data leakage"*) ;; *) r=fail ;; esac
  check $r "check: the sample exits 1, NOT READY, naming the leaky feature, the stale sponsor sign-off and the missing privacy sign-off (got $rc)"

  "$preflight" check --json "$sample" > "$tmp/check.json" 2> "$tmp/check.err"; rc=$?
  [ $rc -eq 1 ] && [ ! -s "$tmp/check.err" ] && r=ok || r=fail
  if command -v python3 > /dev/null; then
    python3 -m json.tool "$tmp/check.json" > /dev/null 2>&1 || r=fail
    verdict=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["verdict"], d["project"]["title"], list(d)[:2], d["counts"]["blockers"] == sum(f["severity"] == "blocker" for f in d["findings"]))' "$tmp/check.json" 2>&1)
    [ "$verdict" = "not-ready Customer churn at Nordwind Telecom ['project', 'verdict'] True" ] || r=fail
  else
    verdict="(python3 missing: only the exit status checked)"
    grep -q '"verdict": "not-ready"' "$tmp/check.json" || r=fail
  fi
  check $r "check --json: parses, verdict not-ready, counts match the findings (got $rc: $verdict)"
else
  echo "not ok - check: no sample given"
  failed=1
fi

# A catalog that asks nothing: the conditional approval is all that is left.
cat > "$tmp/empty.catalog" <<'XML'
<catalog id="org.example.empty" version="1"><title>Empty</title>
<phase id="business-understanding"><step id="a"><title>A</title></step><gate/></phase>
<phase id="data-understanding"><step id="b"><title>B</title></step><gate/></phase>
<phase id="data-preparation"><step id="c"><title>C</title></step><gate/></phase>
<phase id="modeling"><step id="d"><title>D</title></step><gate/></phase>
<phase id="evaluation"><step id="e"><title>E</title></step><gate/></phase>
<phase id="deployment"><step id="f"><title>F</title></step><gate/></phase>
<ml-test-score>
<section id="data"><title>Data</title><test id="data-1"><title>D1</title></test></section>
<section id="model"><title>Model</title><test id="model-1"><title>M1</title></test></section>
<section id="infrastructure"><title>Infrastructure</title><test id="infrastructure-1"><title>I1</title></test></section>
<section id="monitoring"><title>Monitoring</title><test id="monitoring-1"><title>O1</title></test></section>
</ml-test-score></catalog>
XML
"$make_project" "$tmp/conditional.preflight" 3 ready-with-conditions > /dev/null; rc=$?
[ $rc -eq 0 ] && r=ok || r=fail
check $r "make-project writes a project approved with conditions (exit $rc)"

out=$("$preflight" check --catalog "$tmp/empty.catalog" "$tmp/conditional.preflight" 2>&1); rc=$?
[ $rc -eq 0 ] && r=ok || r=fail
case "$out" in *"Verdict: READY WITH CONDITIONS"*"Conditions (1)"*"approved with conditions by Grace Hopper"*"Retrain every month"*"0 blockers, 1 condition, 2 warnings"*) ;; *) r=fail ;; esac
check $r "check: a conditional approval is READY WITH CONDITIONS and exits 0 (got $rc: $out)"

err=$("$preflight" check --catalog "$tmp/empty.catalog" "$tmp/conditional.preflight" 2>&1 >/dev/null)
case "$err" in *"judged by “org.example.empty”"*) r=ok ;; *) r=fail ;; esac
check $r "check: another catalog than the project's is named on stderr (got: $err)"

out=$("$preflight" check "$sample" 2>&1 >/dev/null)
[ -z "$out" ] && r=ok || r=fail
check $r "check: nothing on stderr for a project of the built-in catalog (got: $out)"

out=$("$preflight" check --strict --catalog "$tmp/empty.catalog" "$tmp/conditional.preflight" 2>&1); rc=$?
[ $rc -eq 1 ] && r=ok || r=fail
case "$out" in *"READY WITH CONDITIONS"*) ;; *) r=fail ;; esac
check $r "check --strict: conditions fail with exit 1 (got $rc)"

out=$("$preflight" check --json --strict --catalog "$tmp/empty.catalog" "$tmp/conditional.preflight" 2>&1); rc=$?
[ $rc -eq 1 ] && r=ok || r=fail
case "$out" in *'"verdict": "ready-with-conditions"'*) ;; *) r=fail ;; esac
check $r "check --json --strict: verdict ready-with-conditions, exit 1 (got $rc)"

# The conditional project, with an entry changed by hand: the chain breaks.
sed 's/"new": "Daily at 02:00 UTC"/"new": "Hourly"/' "$tmp/conditional.preflight" > "$tmp/conditional-tampered.preflight"
out=$("$preflight" check --catalog "$tmp/empty.catalog" "$tmp/conditional-tampered.preflight" 2>&1); rc=$?
[ $rc -eq 1 ] && r=ok || r=fail
cmp -s "$tmp/conditional.preflight" "$tmp/conditional-tampered.preflight" && r=fail
case "$out" in *"NOT READY"*"The audit trail is broken at entry"*"Fix on: Audit Trail"*) ;; *) r=fail ;; esac
check $r "check: a tampered audit trail is a blocker (got $rc: $out)"

out=$("$preflight" check "$tmp/missing.preflight" 2>&1); rc=$?
[ $rc -eq 2 ] && r=ok || r=fail
case "$out" in *"missing.preflight"*) ;; *) r=fail ;; esac
check $r "check: a missing file exits 2 (got $rc: $out)"

out=$("$preflight" check "$tmp/broken.preflight" 2>&1); rc=$?
[ $rc -eq 2 ] && r=ok || r=fail
check $r "check: broken JSON exits 2 (got $rc: $out)"

out=$("$preflight" check --catalog "$tmp/missing.catalog" "$tmp/project.preflight" 2>&1); rc=$?
[ $rc -eq 2 ] && r=ok || r=fail
case "$out" in *"missing.catalog"*) ;; *) r=fail ;; esac
check $r "check: a missing catalog exits 2 (got $rc: $out)"

out=$("$preflight" check --no-such-option "$tmp/project.preflight" 2>/dev/null); rc=$?
err=$("$preflight" check --no-such-option "$tmp/project.preflight" 2>&1 >/dev/null)
[ $rc -eq 2 ] && [ -z "$out" ] && [ -n "$err" ] && r=ok || r=fail
check $r "check: a bad option exits 2, on stderr (got $rc: $err)"

out=$("$preflight" check 2>&1); rc=$?
[ $rc -eq 2 ] && r=ok || r=fail
check $r "check: no file exits 2 (got $rc: $out)"

out=$("$preflight" check --help 2>&1); rc=$?
[ $rc -eq 0 ] && r=ok || r=fail
case "$out" in *"--strict"*"--json"*"--catalog"*"Exit status"*) ;; *) r=fail ;; esac
check $r "check --help exits 0 and explains the options and the exit status"

out=$("$preflight" --help 2>&1)
case "$out" in *"check FILE"*"report FILE"*"verify FILE"*) r=ok ;; *) r=fail ;; esac
check $r "--help lists the check, report and verify commands"

# preflight report: every format, from the extension or --format
project="$tmp/project.preflight"
for ext in pdf html md json; do
  out=$("$preflight" report "$project" -o "$tmp/report.$ext" 2>&1); rc=$?
  [ $rc -eq 0 ] && [ -s "$tmp/report.$ext" ] && r=ok || r=fail
  case "$out" in *"report.$ext"*) ;; *) r=fail ;; esac
  check $r "report -o report.$ext writes the report and exits 0 (got $rc: $out)"
done

r=ok
head -c 5 "$tmp/report.pdf" | grep -q '%PDF-' || r=fail
grep -q '<!DOCTYPE html>' "$tmp/report.html" || r=fail
grep -q 'Verdict' "$tmp/report.md" || r=fail
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["format"] == "preflight-report"' "$tmp/report.json" 2>/dev/null || r=fail
check $r "report: each file is of its format (PDF header, HTML doctype, Markdown verdict, JSON report)"

out=$("$preflight" report "$project" -o "$tmp/report.txt" --format md 2>&1); rc=$?
[ $rc -eq 0 ] && grep -q 'Verdict' "$tmp/report.txt" && r=ok || r=fail
check $r "report --format md overrides the extension (got $rc: $out)"

if command -v pdfinfo >/dev/null 2>&1; then
  "$preflight" report "$project" -o "$tmp/letter.pdf" --paper letter >/dev/null 2>&1
  info=$(pdfinfo "$tmp/letter.pdf" 2>&1)
  case "$info" in *"612 x 792 pts (letter)"*) r=ok ;; *) r=fail ;; esac
  check $r "report --paper letter writes Letter pages (got: $(printf '%s' "$info" | grep 'Page size'))"
fi

out=$("$preflight" report "$project" -o "$tmp/report.docx" 2>&1); rc=$?
[ $rc -eq 2 ] && [ ! -e "$tmp/report.docx" ] && r=ok || r=fail
case "$out" in *"--format"*) ;; *) r=fail ;; esac
check $r "report: an unknown extension exits 2 and suggests --format (got $rc: $out)"

out=$("$preflight" report "$project" -o "$tmp/x.pdf" --paper a3 2>&1); rc=$?
[ $rc -eq 2 ] && [ ! -e "$tmp/x.pdf" ] && r=ok || r=fail
check $r "report: an unknown paper exits 2 (got $rc: $out)"

cp "$project" "$tmp/same.preflight"
out=$("$preflight" report "$tmp/same.preflight" -o "$tmp/same.preflight" --format json 2>&1); rc=$?
[ $rc -eq 2 ] && cmp -s "$project" "$tmp/same.preflight" && r=ok || r=fail
check $r "report: the project file as the output exits 2 and leaves the project alone (got $rc: $out)"

out=$("$preflight" report "$project" 2>&1); rc=$?
[ $rc -eq 2 ] && r=ok || r=fail
check $r "report: without -o exits 2 (got $rc: $out)"

out=$("$preflight" report "$tmp/missing.preflight" -o "$tmp/missing.pdf" 2>&1); rc=$?
[ $rc -eq 2 ] && [ ! -e "$tmp/missing.pdf" ] && r=ok || r=fail
check $r "report: a missing project exits 2 and writes nothing (got $rc: $out)"

mkdir "$tmp/locked"
printf 'old report\n' > "$tmp/locked/report.md"
chmod a-w "$tmp/locked"
if [ ! -w "$tmp/locked" ]; then
  out=$("$preflight" report "$project" -o "$tmp/locked/report.md" 2>&1); rc=$?
  [ $rc -eq 2 ] && [ "$(cat "$tmp/locked/report.md")" = "old report" ] && r=ok || r=fail
  check $r "report: a read-only folder exits 2 and leaves the old report alone (got $rc: $out)"
fi
chmod u+w "$tmp/locked"

out=$("$preflight" report --help 2>&1); rc=$?
[ $rc -eq 0 ] && r=ok || r=fail
case "$out" in *"--output"*"--format"*"--paper"*"Exit status"*) ;; *) r=fail ;; esac
check $r "report --help exits 0 and explains the options and the exit status"

# preflight scan: 40 rows, a column that nearly equals the target, e-mail
# addresses, a quoted field with a line break and a comma.
data="$tmp/customers.csv"
{
  printf 'customer_id,leak_score,email,plan,notes,churn\n'
  i=1
  while [ $i -le 40 ]; do
    churn=$((i % 3 == 0))
    case $churn in 1) leak="0.9$((i % 10))" ;; *) leak="0.1$((i % 10))" ;; esac
    if [ $i -eq 7 ]; then notes='"called twice,
then cancelled"'; else notes="note $((i % 4))"; fi
    printf '%s,%s,%s,%s,%s,%s\n' $((1000 + i)) "$leak" "person$i@example.org" "plan$((i % 3 == 1))" "$notes" $churn
    i=$((i + 1))
  done
} > "$data"

out=$("$preflight" scan "$data" --target churn 2>"$tmp/scan.err"); rc=$?
[ $rc -eq 0 ] && [ ! -s "$tmp/scan.err" ] && r=ok || r=fail
case "$out" in *"customers.csv"*"40 rows, 6 columns"*) ;; *) r=fail ;; esac
case "$out" in *"COLUMN"*"TYPE"*"MISSING"*"DISTINCT"*) ;; *) r=fail ;; esac
printf '%s\n' "$out" | grep -q '^leak_score .*SUSPECT' || r=fail
printf '%s\n' "$out" | grep -q '^email .*masked.*e-mail' || r=fail
case "$out" in *"Leakage suspects"*"leak_score — "*"separates the target"*) ;; *) r=fail ;; esac
case "$out" in *"Personal data"*"email — "*"E-mail addresses in 100 % of values"*) ;; *) r=fail ;; esac
case "$out" in *"person1@example.org"*|*"person7@"*) r=fail ;; esac
check $r "scan: a table of the columns, the leak a SUSPECT, the e-mails masked, no progress on a pipe (got $rc: $out $(cat "$tmp/scan.err"))"

"$preflight" scan "$data" --target churn --json > "$tmp/scan.json" 2> "$tmp/scan.err"; rc=$?
[ $rc -eq 0 ] && [ ! -s "$tmp/scan.err" ] && r=ok || r=fail
got=$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
m = d["metrics"]
cols = {c["name"]: c for c in m["columns"]}
print(d["format"], d["rows"], d["columns"], len(m["columns"]), m["target"],
      cols["leak_score"]["suspect"], "email" in cols["email"]["personal-data"],
      "top" in cols["email"], cols["email"].get("top-masked"), len(cols["plan"]["top"]) > 0,
      sorted(c["value"] for c in m["classes"]))
' "$tmp/scan.json" 2>&1)
[ "$got" = "preflight-scan 40 6 6 churn True True False True True ['0', '1']" ] || r=fail
check $r "scan --json: 40 rows (the quoted line break parsed), the leak suspect, e-mails masked, the target balance (got $rc: $got)"

sha=$(sha256sum "$data" | cut -d' ' -f1)
cp "$project" "$tmp/scanned.preflight"
out=$("$preflight" scan "$data" --target churn --project "$tmp/scanned.preflight" 2>&1); rc=$?
[ $rc -eq 0 ] && r=ok || r=fail
case "$out" in *"Recorded in $tmp/scanned.preflight as "*": 5 features added, 0 updated"*) ;; *) r=fail ;; esac
got=$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
f = {x["name"]: x for x in d["registers"]["features"]}
s = d["registers"]["dataset-scans"]
print(len(s), s[-1]["sha256"] == sys.argv[2], s[-1]["rows"], sorted(f) == ["customer_id", "email", "leak_score", "notes", "plan"],
      f["leak_score"]["scan"]["suspect"], f["email"]["source"], "churn" in f)
' "$tmp/scanned.preflight" "$sha" 2>&1)
[ "$got" = "1 True 40 True True customers.csv False" ] || r=fail
grep -q 'person1@example.org\|"top"' "$tmp/scanned.preflight" && r=fail
check $r "scan --project: a dataset-scans record with the SHA-256, a feature per column but the target, no value of the data (got $rc: $out $got)"

out=$("$preflight" scan "$data" --target churn --project "$tmp/scanned.preflight" --json 2>&1 >/dev/null); rc=$?
[ $rc -eq 0 ] && r=ok || r=fail
case "$out" in *": 0 features added, 5 updated"*) ;; *) r=fail ;; esac
check $r "scan --project a second time updates the features, adds none (got $rc: $out)"

"$preflight" check "$tmp/scanned.preflight" > /dev/null 2>&1; rc=$?
[ $rc -eq 0 ] || [ $rc -eq 1 ] && r=ok || r=fail
out=$("$preflight" verify "$tmp/scanned.preflight" 2>&1); rc2=$?
[ $rc2 -eq 0 ] || r=fail
case "$out" in *"intact"*) ;; *) r=fail ;; esac
check $r "scan --project: the project still checks and its audit trail is intact (check $rc, verify $rc2: $out)"

# A project file someone else wrote: every member of the scan's metrics and
# of the features' scan objects of another JSON type than expected. The
# commands must still end normally (G_DEBUG makes a critical fatal).
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
wrong = [5, "five", 1e300, -1, None, True, [1, "x", {}], {"a": [None]}]
m = d["registers"]["dataset-scans"][-1]["metrics"]
for i, key in enumerate(sorted(m)):
    if key != "columns":
        m[key] = wrong[i % len(wrong)]
m["reidentification"] = {"k": "one", "threshold": [5], "rows-at-risk": 1e300, "quasi-identifiers": [3, None, "plan"]}
m["problems"] = {"ragged-rows": {"count": 1e300, "lines": ["x", {}, 2]}, "stray-quote": 7}
m["classes"] = [{"value": 1, "count": "many"}, 3, {"value": "yes", "count": 9223372036854775807},
                {"value": "no", "count": 9223372036854775807}]
cols = m["columns"]
for i, c in enumerate(cols):
    for j, key in enumerate(sorted(c)):
        c[key] = wrong[(i + j) % len(wrong)]
cols.extend([7, None, "column", [1]])
for i, f in enumerate(d["registers"]["features"]):
    s = f["scan"]
    for j, key in enumerate(sorted(s)):
        s[key] = wrong[(i + j + 1) % len(wrong)]
    s["leak"] = {"measure": 1, "score": "high"}
    s["reasons"] = [1, None, {}, "separates"]
    s["personal-data"] = [5, {}, "email"]
    s["pii-share"] = {"email": "all"}
json.dump(d, open(sys.argv[2], "w"), indent=2)
' "$tmp/scanned.preflight" "$tmp/hostile.preflight"
"$preflight" report "$tmp/hostile.preflight" -o "$tmp/hostile.md" --format md > "$tmp/hostile.out" 2>&1; rc=$?
[ $rc -eq 0 ] || [ $rc -eq 1 ] && [ -s "$tmp/hostile.md" ] && r=ok || r=fail
check $r "report --format md: a project whose scan members are of the wrong JSON types is reported (got $rc: $(head -c 400 "$tmp/hostile.out"))"
"$preflight" report "$tmp/hostile.preflight" -o "$tmp/hostile.json" --format json > "$tmp/hostile.out" 2>&1; rc=$?
[ $rc -eq 0 ] || [ $rc -eq 1 ] && r=ok || r=fail
check $r "report --format json: the same project is reported (got $rc: $(head -c 400 "$tmp/hostile.out"))"
"$preflight" check "$tmp/hostile.preflight" > "$tmp/hostile.out" 2>&1; rc=$?
[ $rc -eq 0 ] || [ $rc -eq 1 ] && r=ok || r=fail
check $r "check: the same project is checked (got $rc: $(head -c 400 "$tmp/hostile.out"))"

cp "$tmp/scanned.preflight" "$tmp/before.preflight"
out=$("$preflight" scan "$data" --target no_such_column --project "$tmp/scanned.preflight" 2>&1); rc=$?
[ $rc -eq 2 ] && cmp -s "$tmp/before.preflight" "$tmp/scanned.preflight" && r=ok || r=fail
case "$out" in *"no_such_column"*) ;; *) r=fail ;; esac
check $r "scan: an unknown target exits 2, names it and leaves the project alone (got $rc: $out)"

out=$("$preflight" scan "$data" --target churn --quasi-id plan,nope 2>&1); rc=$?
[ $rc -eq 2 ] && r=ok || r=fail
check $r "scan: an unknown quasi-identifier exits 2 (got $rc: $out)"

out=$("$preflight" scan "$tmp/missing.csv" --target churn 2>&1); rc=$?
[ $rc -eq 1 ] && r=ok || r=fail
case "$out" in *"missing.csv"*) ;; *) r=fail ;; esac
check $r "scan: a missing data file exits 1 and names it (got $rc: $out)"

out=$("$preflight" scan "$data" 2>&1); rc=$?
[ $rc -eq 2 ] && r=ok || r=fail
check $r "scan: without --target exits 2 (got $rc: $out)"

out=$("$preflight" scan "$data" --target churn --project "$data" 2>&1); rc=$?
[ $rc -eq 2 ] && [ "$(sha256sum "$data" | cut -d' ' -f1)" = "$sha" ] && r=ok || r=fail
check $r "scan: the data file as the project exits 2 and leaves it alone (got $rc: $out)"

out=$("$preflight" scan "$data" --target churn --delimiter ab 2>&1); rc=$?
[ $rc -eq 2 ] && r=ok || r=fail
check $r "scan: a delimiter of two characters exits 2 (got $rc: $out)"

# Semicolons, a ragged row, a blank line and names beyond ASCII.
printf 'größe;straße;ziel\n1;Hauptstraße;ja\n2;Bahnhofstraße;nein\n3;Gänseweg;ja\n4;Gänseweg;nein;extra\n\n5;Gänseweg;ja\n' > "$tmp/umlaut.csv"
out=$("$preflight" scan "$tmp/umlaut.csv" --target ziel 2>&1); rc=$?
[ $rc -eq 0 ] && r=ok || r=fail
case "$out" in *"Semicolon-separated"*"Rows with more or fewer fields than the header: 1 (line 5)"*"1 blank line skipped"*) ;; *) r=fail ;; esac
case "$out" in *"ziel — ja: 3 (60.0 %), nein: 2 (40.0 %)"*) ;; *) r=fail ;; esac
aligned=$(printf '%s\n' "$out" | python3 -c '
import sys
lines = sys.stdin.read().splitlines()
head = next(l for l in lines if l.startswith("COLUMN"))
row = next(l for l in lines if l.startswith("größe"))
print(head.index("TYPE") == row.index("Integer") and head.index("MISSING") + len("MISSING") == row.index("0 %") + 3)
')
[ "$aligned" = True ] || r=fail
check $r "scan: a semicolon file with a ragged row and a blank line; columns aligned by characters, not bytes (got $rc: $out)"

printf '1,a,x\n2,b,y\n3,c,x\n' > "$tmp/nohead.csv"
got=$("$preflight" scan "$tmp/nohead.csv" --no-header --delimiter , --target "Column 3" --json 2>&1 |
      python3 -c 'import json, sys; d = json.load(sys.stdin); print([c["name"] for c in d["metrics"]["columns"]], d["metrics"]["header"], d["rows"])' 2>&1)
[ "$got" = "['Column 1', 'Column 2', 'Column 3'] False 3" ] && r=ok || r=fail
check $r "scan --no-header --delimiter: columns named Column N, three rows (got $got)"

# Repeated names would make detection doubt the header: --header says so.
printf 'x,x,label\nA,b,yes\nC,d,no\n' > "$tmp/forced.csv"
got=$("$preflight" scan "$tmp/forced.csv" --header --target label --json 2>&1 |
      python3 -c 'import json, sys; d = json.load(sys.stdin); print([c["name"] for c in d["metrics"]["columns"]], d["rows"])' 2>&1)
[ "$got" = "['x', 'x', 'label'] 2" ] && r=ok || r=fail
check $r "scan --header: the first row named the columns (got $got)"

"$preflight" scan "$tmp/forced.csv" --header --no-header --target label > /dev/null 2>&1; rc=$?
[ $rc -eq 2 ] && r=ok || r=fail
check $r "scan --header --no-header: a usage error (got $rc)"

out=$("$preflight" scan --help 2>&1); rc=$?
[ $rc -eq 0 ] && r=ok || r=fail
case "$out" in *"--target"*"--prediction-time"*"--quasi-id"*"--json"*"--project"*"Exit status"*) ;; *) r=fail ;; esac
check $r "scan --help exits 0 and explains the options and the exit status"

exit $failed
