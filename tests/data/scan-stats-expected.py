#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The expected values of tests/test-scan-stats.c, computed independently of
the C code: AUC by counting every (positive, negative) pair, Cramer's V from
the definitions (Bergsma 2013 for the corrected one) in exact fractions, and
the re-identification figures by grouping the rows of
tests/data/quasi-identifiers.csv (which --write-csv writes, from a fixed seed).

Run:  python3 tests/data/scan-stats-expected.py [--write-csv]
and paste what it prints into the test. Plain Python 3, no modules beyond
the standard library."""

import csv
import math
import os
import random
import sys
from collections import Counter
from fractions import Fraction

M = (1 << 64) - 1


class SplitMix64:
    """The generator the C test uses too (Vigna's SplitMix64), so that both
    sides make the same rows from the same seed."""

    def __init__(self, seed):
        self.state = seed & M

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & M
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
        return z ^ (z >> 31)


# (seed, rows, levels, base, span): row r draws a then b; its value is
# (a % levels) * 0.25 - 5 and it is positive when
# b % 1000 < base + (a % levels) * span // levels   (floor division)
AUC_DATASETS = [
    (1, 2000, 7, 200, 420),        # heavy ties, signal
    (2, 3000, 1000, 300, 0),       # no signal
    (3, 2500, 1 << 20, 200, 600),  # nearly all values distinct
    (4, 1500, 40, 800, -600),      # reversed signal
    (5, 1200, 3, 500, 100),        # three values only
]


def auc_rows(seed, rows, levels, base, span):
    rng = SplitMix64(seed)
    out = []
    for _ in range(rows):
        a = rng.next()
        b = rng.next()
        level = a % levels
        value = level * 0.25 - 5.0
        threshold = base + (level * span) // levels
        out.append((value, (b % 1000) < threshold))
    return out


def auc_brute(rows):
    pos = [v for v, p in rows if p]
    neg = [v for v, p in rows if not p]
    twice_u = 0
    for x in pos:
        for y in neg:
            twice_u += 2 if x > y else (1 if x == y else 0)
    return Fraction(twice_u, 2 * len(pos) * len(neg)), len(pos), len(neg)


# Points with counts in the billions: U by summing pairs of points (exact
# integers), each pair of points standing for pos_i * neg_j row pairs.
AUC_BIG = [(1.5, 1000000000, 3000000000), (0.5, 2000000000, 7),
           (2.5, 4000000001, 1000000000), (1.5, 5, 5), (-3.0, 0, 2500000000)]


def auc_points_brute(points):
    twice_u = 0
    for x, px, _ in points:
        for y, _, ny in points:
            if x > y:
                twice_u += 2 * px * ny
            elif x == y:
                twice_u += px * ny
    n_pos = sum(p for _, p, _ in points)
    n_neg = sum(n for _, _, n in points)
    return Fraction(twice_u, 2 * n_pos * n_neg)


def cramers_v(table):
    rows = [r for r in table if sum(r) > 0]
    cols = [j for j in range(len(table[0])) if sum(r[j] for r in rows) > 0] if rows else []
    r, c = len(rows), len(cols)
    if r < 2 or c < 2:
        return 0.0, 0.0
    n = sum(sum(row) for row in rows)
    row_tot = [sum(row) for row in rows]
    col_tot = [sum(row[j] for row in rows) for j in cols]
    chi2 = Fraction(0)
    for i, row in enumerate(rows):
        for jj, j in enumerate(cols):
            e = Fraction(row_tot[i] * col_tot[jj], n)
            chi2 += (row[j] - e) ** 2 / e
    phi2 = chi2 / n
    plain = min(1.0, math.sqrt(phi2 / (min(r, c) - 1)))
    # Bergsma (2013), section 3
    phi2_tilde = max(Fraction(0), phi2 - Fraction((r - 1) * (c - 1), n - 1))
    r_tilde = r - Fraction((r - 1) ** 2, n - 1)
    c_tilde = c - Fraction((c - 1) ** 2, n - 1)
    den = min(r_tilde, c_tilde) - 1
    corrected = 0.0 if den <= 0 else min(1.0, math.sqrt(phi2_tilde / den))
    return plain, corrected


def id_like_table():
    # 60 categories with one row each against a binary target
    rng = SplitMix64(99)
    return [[1, 0] if rng.next() % 2 else [0, 1] for _ in range(60)]


def noisy_table(seed, r, c, n):
    rng = SplitMix64(seed)
    t = [[0] * c for _ in range(r)]
    for _ in range(n):
        a = rng.next() % r
        b = rng.next() % c
        t[a][b] += 1
    return t


CRAMER_TABLES = [
    ("2x2", [[10, 20], [30, 40]]),
    ("2x2-strong", [[30, 10], [12, 48]]),
    ("3x4", [[12, 5, 7, 1], [3, 18, 2, 9], [6, 4, 20, 11]]),
    ("3x4-empty-row-col", [[12, 0, 5, 7, 1], [0, 0, 0, 0, 0], [3, 0, 18, 2, 9], [6, 0, 4, 20, 11]]),
    ("diagonal", [[10, 0, 0], [0, 10, 0], [0, 0, 10]]),
    ("independent", [[10, 20, 30], [20, 40, 60]]),
    ("id-like", id_like_table()),
    ("noise-5x3", noisy_table(7, 5, 3, 200)),
    ("big", [[1000000000, 2000000000], [3000000000, 4000000001]]),
    ("one-row", [[4, 5, 6]]),
    ("one-column", [[4], [5], [6]]),
    ("zeros", [[0, 0], [0, 0]]),
    ("one-cell", [[0, 0], [0, 9]]),
    ("tiny-n2", [[1, 0], [0, 1]]),
]

QI_CSV = os.path.join(os.path.dirname(os.path.abspath(__file__)), "quasi-identifiers.csv")


def write_csv():
    rnd = random.Random(2013)
    with open(QI_CSV, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["age_band", "zip3", "sex", "diagnosis"])
        for _ in range(80):
            age = rnd.choice(["20-29", "30-39", "40-49", "50-59", "60-69"][: rnd.choice([2, 5])])
            zip3 = rnd.choice(["101", "102", "103", "205"])
            sex = rnd.choice(["F", "M"])
            diagnosis = rnd.choice(["flu", "asthma", "diabetes, type 2"])
            w.writerow([age, zip3, sex, diagnosis])


def reidentification(threshold):
    with open(QI_CSV, newline="") as f:
        rows = list(csv.DictReader(f))
    classes = Counter((r["age_band"], r["zip3"], r["sex"]) for r in rows)
    sizes = list(classes.values())
    n = len(rows)
    k = min(sizes)
    return dict(n_rows=n, n_classes=len(sizes), k=k,
                n_unique=sum(1 for s in sizes if s == 1),
                n_at_risk=sum(s for s in sizes if s < threshold),
                highest_risk=1 / k, average_risk=len(sizes) / n,
                expected=sum(Fraction(1, classes[(r["age_band"], r["zip3"], r["sex"])]) for r in rows))


def main():
    if "--write-csv" in sys.argv:
        write_csv()
    print("/* AUC: seed, rows, levels, base, span, expected, positives, negatives */")
    for d in AUC_DATASETS:
        auc, p, n = auc_brute(auc_rows(*d))
        print("  { %d, %d, %d, %d, %d, %.17g, %d, %d }," % (d + (float(auc), p, n)))
    print("/* AUC with counts in the billions */")
    print("  %.17g" % float(auc_points_brute(AUC_BIG)))
    print("/* Cramer's V: name, plain, corrected */")
    for name, t in CRAMER_TABLES:
        plain, corrected = cramers_v(t)
        print('  { "%s", %.17g, %.17g },' % (name, plain, corrected))
    print("/* id-like table rows (1 = first column) */")
    print("  " + "".join("1" if r[0] else "0" for r in id_like_table()))
    print("/* noise-5x3 table */")
    print("  " + repr(noisy_table(7, 5, 3, 200)))
    for threshold in (2, 3, 5):
        r = reidentification(threshold)
        print("/* re-identification, threshold %d */" % threshold)
        print("  " + ", ".join("%s %s" % (k, v if not isinstance(v, (float, Fraction)) else "%.17g" % float(v))
                               for k, v in r.items()))


if __name__ == "__main__":
    main()
