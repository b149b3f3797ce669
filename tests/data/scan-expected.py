#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes tests/data/scan-sample.csv (--write-csv) and prints, computed
independently of Preflight with Python's csv module and plain arithmetic,
the figures tests/test-scan.c expects of a scan of it: missing and distinct
counts, mean and standard deviation, the AUC of numeric columns (counting
every positive/negative pair), the bias-corrected Cramér's V of a
categorical column (Bergsma 2013, from scan-stats-expected.py), dates later
than the prediction time, duplicates and the re-identification figures."""

import csv
import importlib.util
import math
import os
import random
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
CSV = os.path.join(HERE, "scan-sample.csv")

spec = importlib.util.spec_from_file_location("stats", os.path.join(HERE, "scan-stats-expected.py"))
stats = importlib.util.module_from_spec(spec)
spec.loader.exec_module(stats)

MISSING = {"", "na", "n/a", "nan", "null", "none", "nil", "-", "?", "#n/a"}


def write_csv():
    rnd = random.Random(6)
    header = ["customer_id", "ref", "zip", "age", "balance", "plan", "email",
              "prediction_date", "last_contact", "refund_amount", "leak_score",
              "notes", "churned"]
    rows = []
    for i in range(400):
        churned = rnd.random() < 0.3
        plan = rnd.choice(["basic", "plus", "pro", "family"] if not churned else ["basic", "basic", "plus", "pro", "family"])
        age = rnd.randint(18, 90) + (5 if churned else 0)
        balance = "NA" if rnd.random() < 0.05 else ("" if rnd.random() < 0.03 else "%.2f" % rnd.uniform(-50, 500))
        pred_day = rnd.randint(1, 28)
        later = churned and rnd.random() < 0.8
        contact_day = min(28, pred_day + rnd.randint(1, 5)) if later else max(1, pred_day - rnd.randint(1, 20))
        notes = rnd.choice(["called, no answer", "asked about \"pro\" plan", "line one\nline two", "fine", "moving abroad, wants to cancel"])
        rows.append([
            str(i + 1),
            "%03xe%08x" % (rnd.randrange(4096), rnd.randrange(1 << 32)),
            rnd.choice(["01234", "01067", "10115", "80331", "20095", "04109"]),
            str(age),
            balance,
            plan,
            "user%d@example.%s" % (i, rnd.choice(["com", "de", "org"])),
            "2024-03-%02d" % pred_day,
            "2024-03-%02d" % contact_day,
            "%.1f" % (rnd.uniform(0, 30) if churned else 0),
            "%.3f" % (rnd.uniform(0.7, 1.0) if churned else rnd.uniform(0.0, 0.75)),
            notes,
            "yes" if churned else "no",
        ])
    rows += [list(r) for r in rows[10:13]]  # three exact duplicates
    with open(CSV, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(header)
        w.writerows(rows)


def main():
    if "--write-csv" in sys.argv:
        write_csv()
    with open(CSV, newline="") as f:
        rows = list(csv.DictReader(f))
    target = [r["churned"] == "yes" for r in rows]

    def present(col):
        return [(r[col], t) for r, t in zip(rows, target) if r[col].strip().lower() not in MISSING]

    print("rows", len(rows))
    for col in ("age", "balance", "refund_amount", "leak_score"):
        vals = [(float(v), t) for v, t in present(col)]
        xs = [v for v, _ in vals]
        mean = sum(xs) / len(xs)
        sd = math.sqrt(sum((x - mean) ** 2 for x in xs) / (len(xs) - 1))
        auc = float(stats.auc_brute(vals)[0])
        print("%s missing %d distinct %d mean %.17g sd %.17g auc %.17g min %.17g max %.17g" % (
            col, len(rows) - len(xs), len(set(v for v, _ in present(col))), mean, sd, max(auc, 1 - auc), min(xs), max(xs)))
    plans = sorted(set(r["plan"] for r in rows))
    table = [[sum(1 for r, t in zip(rows, target) if r["plan"] == p and t == k) for k in (False, True)] for p in plans]
    print("plan corrected-v %.17g plain-v %.17g" % (stats.cramers_v(table)[1], stats.cramers_v(table)[0]))
    after = sum(1 for r in rows if r["last_contact"] > r["prediction_date"])
    print("last_contact after", after)
    print("duplicates", len(rows) - len(set(tuple(r.values()) for r in rows)))
    groups = Counter((r["zip"], r["plan"]) for r in rows)
    sizes = list(groups.values())
    print("reid zip,plan: classes %d k %d unique %d at-risk(5) %d" % (
        len(sizes), min(sizes), sum(1 for s in sizes if s == 1), sum(s for s in sizes if s < 5)))
    groups = Counter((r["zip"], r["age"]) for r in rows)
    sizes = list(groups.values())
    print("reid zip,age: classes %d k %d unique %d at-risk(5) %d" % (
        len(sizes), min(sizes), sum(1 for s in sizes if s == 1), sum(s for s in sizes if s < 5)))
    print("churned", Counter(r["churned"] for r in rows))


if __name__ == "__main__":
    main()
