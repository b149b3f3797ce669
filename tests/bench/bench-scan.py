#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The dataset scan's benchmark: `preflight scan` against the tools a user
would otherwise reach for (pandas, sqlite3, datamash), on a generated CSV
file of 1,000,000 rows and 25 columns (about 257 MB) with the traps real
data has.

usage: bench-scan.py PREFLIGHT CACHE-DIR [--rows N] [--repeat N] [--scan-repeat N]

The file is generated once (seeded, so always the same bytes) and kept in
CACHE-DIR. Each tool runs as its own process, timed for wall-clock and CPU
(user + system) time, with its peak resident memory from wait4(). Tools
that are not installed are reported and skipped. Prints a table and the
ratio of pandas' read-and-profile to preflight scan."""

import argparse
import os
import random
import resource
import shutil
import subprocess
import sys
import time

SEED = 20261127
# Part of the cached file's name: change it when generate() changes.
GENERATOR = 2
TARGET = "churn"
PREDICTION_TIME = "prediction_date"
QUASI_IDS = ["zip", "age", "gender"]

HEADER = [
    "customer_id",      # integer id, sequential
    "account_hex",      # hex id like 67e497604350
    "zip",              # five digits with leading zeros: a code, not a number
    "email",            # personal data
    "phone",            # personal data
    "iban",             # personal data, valid check digits
    "signup_date",      # date
    "prediction_date",  # the prediction time
    "last_contact",     # date, sometimes after the prediction time
    "monthly_fee",      # decimal
    "balance",          # decimal, some missing
    "age",              # integer
    "gender",           # categorical, 3
    "country",          # categorical, 20
    "plan",             # categorical, 4
    "city",             # categorical, 1,000
    "product_code",     # categorical, 50,000
    "channel",          # categorical, 3, some empty
    "notes",            # quoted free text with commas, some line breaks
    "is_active",        # boolean
    "retention_score",  # leaky: nearly equals the target
    "refund_amount",    # post-event name
    "tenure_months",    # integer
    "discount",         # decimal, NA for missing
    TARGET,             # binary target
]

WORDS = ("customer called about the invoice and asked for a discount on the next "
         "renewal because the service was slow during the outage last month while "
         "support promised a callback, the technician visited twice").split()
COUNTRIES = ["DE", "FR", "NL", "BE", "AT", "CH", "IT", "ES", "PT", "PL",
             "CZ", "DK", "SE", "NO", "FI", "IE", "GB", "LU", "HU", "SK"]


def iban(rng):
    """A German-style IBAN with valid check digits (ISO 13616 mod 97)."""
    bban = "%08d%010d" % (rng.randrange(10 ** 8), rng.randrange(10 ** 10))
    # DE -> 13 14, check digits 00 while computing.
    check = 98 - int(bban + "131400") % 97
    return "DE%02d%s" % (check, bban)


def generate(path, rows):
    rng = random.Random(SEED)
    cities = ["City %d" % i for i in range(1000)]
    day = 86400
    start = 1577836800  # 2020-01-01
    tmp = path + ".part"
    with open(tmp, "w", encoding="utf-8", newline="") as out:
        out.write(",".join(HEADER) + "\n")
        lines = []
        for i in range(rows):
            churn = 1 if rng.random() < 0.27 else 0
            signup = start + rng.randrange(3 * 365) * day
            prediction = signup + (30 + rng.randrange(700)) * day
            contact = prediction + (rng.randrange(60) - 45) * day
            n_words = 2 + rng.randrange(10)
            words = [WORDS[rng.randrange(len(WORDS))] for _ in range(n_words)]
            if rng.random() < 0.02:
                words.insert(n_words // 2, "\n")
            text = " ".join(words).replace(" \n ", "\n") + ', "ok"'
            notes = '"' + text.replace('"', '""') + '"'
            balance = "" if rng.random() < 0.05 else "%.2f" % rng.uniform(-500, 5000)
            discount = "NA" if rng.random() < 0.3 else "%.3f" % rng.random()
            channel = "" if rng.random() < 0.1 else ("web", "phone", "shop")[rng.randrange(3)]
            leak = churn * 0.8 + rng.random() * 0.25
            refund = "%.2f" % (rng.uniform(5, 200) if churn and rng.random() < 0.6 else 0.0)
            name = "user%d.%d" % (i, rng.randrange(1000))
            lines.append(",".join((
                str(100000 + i),
                "%012x" % rng.getrandbits(48),
                "%05d" % rng.randrange(1000, 99999),
                name + "@example.org",
                "+49 %d %07d" % (30 + rng.randrange(900), rng.randrange(10 ** 7)),
                iban(rng),
                time.strftime("%Y-%m-%d", time.gmtime(signup)),
                time.strftime("%Y-%m-%d", time.gmtime(prediction)),
                time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(contact + rng.randrange(day))),
                "%.2f" % rng.uniform(5, 120),
                balance,
                str(18 + rng.randrange(70)),
                ("f", "m", "d")[rng.randrange(3)],
                COUNTRIES[rng.randrange(len(COUNTRIES))],
                ("basic", "plus", "premium", "family")[rng.randrange(4)],
                cities[int(rng.paretovariate(1.2)) % len(cities)],
                "P%05d" % rng.randrange(50000),
                channel,
                notes,
                ("true", "false")[rng.randrange(2)],
                "%.4f" % leak,
                refund,
                str(1 + rng.randrange(120)),
                discount,
                str(churn),
            )))
            if len(lines) == 10000:
                out.write("\n".join(lines) + "\n")
                lines = []
        if lines:
            out.write("\n".join(lines) + "\n")
    os.replace(tmp, path)


def find_pandas_python():
    for python in (sys.executable, "/usr/bin/python3"):
        if python and os.path.exists(python) and subprocess.run(
                [python, "-c", "import pandas"], stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL).returncode == 0:
            return python
    return None


# A process forked from this one starts with Python's resident memory, and
# Linux keeps that peak across exec(): wait4() on a tool started from here
# reports at least Python's own peak. GNU time forks the tool from a small
# process and reports its wait4() peak (%M); without it, peaks at or below
# this process's own are shown as "≤ N".
GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def run(argv, stdin=None, stdin_file=None):
    """Runs argv with stdout to /dev/null; returns (wall, cpu, peak MB, rc, stderr)."""
    import tempfile

    with open(os.devnull, "wb") as devnull, tempfile.NamedTemporaryFile("r") as report:
        command = [GNU_TIME, "-q", "-f", "%M", "-o", report.name, "--"] + argv if GNU_TIME else argv
        source = open(stdin_file, "rb") if stdin_file else (subprocess.PIPE if stdin else None)
        begin = time.monotonic()
        process = subprocess.Popen(command, stdin=source, stdout=devnull, stderr=subprocess.PIPE)
        if stdin:
            process.stdin.write(stdin.encode())
            process.stdin.close()
        err = process.stderr.read()
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.monotonic() - begin
        if stdin_file:
            source.close()
        peak = usage.ru_maxrss / 1024.0
        if GNU_TIME:
            lines = [line for line in report.read().splitlines() if line.strip().isdigit()]
            if lines:
                peak = int(lines[-1]) / 1024.0
    return (wall, usage.ru_utime + usage.ru_stime, peak,
            os.waitstatus_to_exitcode(status), err.decode(errors="replace"))


PANDAS_READ = """
import sys
import pandas as pd
pd.read_csv(sys.argv[1], low_memory=False)
"""

# A profile comparable to the scan's: types, missing, distinct, summary
# statistics, most frequent values, duplicates, the smallest group over the
# quasi-identifiers and each numeric column's AUC against the target (the
# rank formula of Mann–Whitney U).
PANDAS_PROFILE = """
import sys
import pandas as pd
df = pd.read_csv(sys.argv[1], low_memory=False)
target, qi = sys.argv[2], sys.argv[3].split(",")
out = {}
out["dtypes"] = df.dtypes
out["missing"] = df.isna().sum()
out["distinct"] = df.nunique()
out["describe"] = df.describe(include="all")
out["top"] = {c: df[c].value_counts().head(5) for c in df.columns}
out["duplicates"] = int(df.duplicated().sum())
out["k"] = int(df.groupby(qi, dropna=False).size().min())
y = df[target] == 1
auc = {}
for c in df.select_dtypes("number").columns:
    if c == target:
        continue
    s = df[c]
    mask = s.notna()
    r = s[mask].rank()
    pos = y[mask]
    n1 = int(pos.sum()); n0 = int(mask.sum()) - n1
    if n1 and n0:
        a = (r[pos].sum() - n1 * (n1 + 1) / 2) / (n1 * n0)
        auc[c] = max(a, 1 - a)
out["auc"] = auc
print(out["duplicates"], out["k"], sorted(auc.items(), key=lambda kv: -kv[1])[:3], file=sys.stderr)
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("preflight")
    parser.add_argument("cache_dir")
    parser.add_argument("--rows", type=int, default=1000000, help="rows of the generated file")
    parser.add_argument("--repeat", type=int, default=1, help="runs per peer (the median is shown)")
    parser.add_argument("--scan-repeat", type=int, default=3,
                        help="runs of preflight scan (the median is shown, the fastest too)")
    args = parser.parse_args()

    os.makedirs(args.cache_dir, exist_ok=True)
    path = os.path.join(args.cache_dir, "bench-scan-%d-%d-v%d.csv" % (args.rows, SEED, GENERATOR))
    if not os.path.exists(path):
        begin = time.monotonic()
        print("Generating %s (%d rows)…" % (path, args.rows), flush=True)
        generate(path, args.rows)
        print("  generated in %.1f s" % (time.monotonic() - begin), flush=True)
    size = os.path.getsize(path)
    print("File: %s, %.1f MB, %d rows, %d columns" % (path, size / 1e6, args.rows, len(HEADER)))
    print("CPU cores: %d" % (os.cpu_count() or 1), flush=True)

    pandas_python = find_pandas_python()
    tools = []
    tools.append(("preflight scan",
                  [args.preflight, "scan", path, "--target", TARGET, "--prediction-time", PREDICTION_TIME,
                   "--quasi-id", ",".join(QUASI_IDS), "--json"], None, None))
    if pandas_python:
        tools.append(("pandas read_csv", [pandas_python, "-c", PANDAS_READ, path], None, None))
        tools.append(("pandas read + profile",
                      [pandas_python, "-c", PANDAS_PROFILE, path, TARGET, ",".join(QUASI_IDS)], None, None))
    else:
        tools.append(("pandas read_csv", None, None, "apt install python3-pandas"))
        tools.append(("pandas read + profile", None, None, "apt install python3-pandas"))
    if shutil.which("sqlite3"):
        script = (".mode csv\n.import '%s' t\n"
                  "SELECT count(*), count(DISTINCT zip), avg(monthly_fee) FROM t;\n"
                  "SELECT min(n) FROM (SELECT count(*) AS n FROM t GROUP BY %s);\n"
                  % (path.replace("'", "''"), ", ".join(QUASI_IDS)))
        tools.append(("sqlite3 .import + query", ["sqlite3", ":memory:"], script, None))
    else:
        tools.append(("sqlite3 .import + query", None, None, "apt install sqlite3"))
    if shutil.which("datamash"):
        # datamash does not read CSV quoting: a line break inside the
        # free-text column makes two lines of it, the second with at least 7
        # fields, so only the first 7 columns are asked for (--no-strict
        # tolerates the lines' varying field counts).
        tools.append(("datamash count/countunique",
                      ["datamash", "-t", ",", "--header-in", "--no-strict",
                       "count", "1", "countunique", "3", "countunique", "7"], None, None))
    else:
        tools.append(("datamash count/countunique", None, None, "apt install datamash"))

    results = {}
    print()
    print("%-28s %8s %8s %9s  %s" % ("tool", "wall s", "CPU s", "peak MB", "note"))
    for name, argv, stdin, missing in tools:
        if argv is None:
            print("%-28s %8s %8s %9s  not installed (%s)" % (name, "-", "-", "-", missing), flush=True)
            continue
        runs = []
        repeat = args.scan_repeat if name == "preflight scan" else args.repeat
        for _ in range(max(1, repeat)):
            runs.append(run(argv, stdin, path if name.startswith("datamash") else None))
        runs.sort(key=lambda r: r[0])
        wall, cpu, peak, rc, err = runs[len(runs) // 2]
        note = "" if rc == 0 else "exit %d: %s" % (rc, err.strip().splitlines()[-1] if err.strip() else "")
        if rc == 0 and len(runs) > 1:
            note = "median of %d runs; fastest %.2f s" % (len(runs), runs[0][0])
        results[name] = (wall, cpu, peak, rc)
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
        shown = "%.1f" % peak if GNU_TIME or peak > own * 1.05 else "≤ %.0f" % own
        print("%-28s %8.2f %8.2f %9s  %s" % (name, wall, cpu, shown, note), flush=True)

    print()
    scan = results.get("preflight scan")
    profile = results.get("pandas read + profile")
    read = results.get("pandas read_csv")
    if scan and scan[3] == 0 and profile and profile[3] == 0:
        print("pandas read + profile / preflight scan: %.1f× wall, %.1f× CPU, %.1f× peak memory"
              % (profile[0] / scan[0], profile[1] / max(scan[1], 1e-9), profile[2] / max(scan[2], 1e-9)))
    if scan and scan[3] == 0 and read and read[3] == 0:
        print("pandas read_csv / preflight scan: %.1f× wall" % (read[0] / scan[0]))
    if scan and scan[3] == 0:
        print("preflight scan: %.0f MB/s, %.0f rows/s, CPU/wall %.2f (cores used)"
              % (size / 1e6 / scan[0], args.rows / scan[0], scan[1] / scan[0]))

    return 0 if scan and scan[3] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
