/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The statistics of the dataset scan: pure functions over counts that the
 * scan gathers in one pass. Nothing here reads files or allocates per row.
 *
 * References:
 *  - HyperLogLog: P. Flajolet, É. Fusy, O. Gandouet, F. Meunier,
 *    "HyperLogLog: the analysis of a near-optimal cardinality estimation
 *    algorithm", AofA 2007 (DMTCS proc. AH, 127–146).
 *  - AUC as the Mann–Whitney U: J. A. Hanley, B. J. McNeil, "The meaning and
 *    use of the area under a receiver operating characteristic (ROC) curve",
 *    Radiology 143 (1982) 29–36.
 *  - Cramér's V, bias-corrected: W. Bergsma, "A bias-correction for Cramér's
 *    V and Tschuprow's T", J. Korean Stat. Soc. 42 (2013) 323–328.
 *  - Re-identification risk: the prosecutor model as ARX reports it
 *    (F. Prasser, F. Kohlmayer) and sdcMicro's frequency counts fk
 *    (M. Templ, A. Kowarik, B. Meindl). */

/* Hashing
 *
 * A 64-bit hash of bytes of this project's own design, built from the
 * SplitMix64 finaliser (S. Vigna; D. Stafford's "Mix13" constants):
 *
 *   mix(x)  = x ^= x >> 30; x *= 0xbf58476d1ce4e5b9;
 *             x ^= x >> 27; x *= 0x94d049bb133111eb; x ^= x >> 31
 *   h       = mix(seed + 0x9e3779b97f4a7c15 * (length + 1))
 *   per little-endian 8-byte word w:  h = rotl(h ^ mix(w), 29) * 0x9e3779b97f4a7c15
 *   then the 1–7 remaining bytes, if any, as one more word padded with zeros
 *   result  = mix(h ^ (h >> 32))
 *
 * Each step is a bijection of h for a given word and of the word for a
 * given h, so two inputs of the same length that differ in one word always
 * differ before the last mix; the length enters first, so "a" and "a\0" do
 * not collide. Not cryptographic: it is for counting, not for adversaries.
 * Reads exactly @length bytes with no alignment assumption and gives the
 * same value on every byte order. */
guint64  pf_hash_bytes   (const void *data,
                          gsize       length,
                          guint64     seed);
/* Order-dependent: pf_hash_combine (a, b) != pf_hash_combine (b, a) in
 * general. For hashing a row or a tuple of quasi-identifiers field by field:
 * h = seed; for each field h = pf_hash_combine (h, pf_hash_bytes (field)). */
guint64  pf_hash_combine (guint64     a,
                          guint64     b);

/* HyperLogLog
 *
 * m = 2^p registers of one byte. A hash's top p bits pick the register j,
 * and the register keeps the largest rank ρ (position of the leftmost 1 bit,
 * from 1) of the remaining 64 − p bits. The estimate is
 *
 *   E = α_m m² / Σ_j 2^−M[j],   α_16 = 0.673, α_32 = 0.697, α_64 = 0.709,
 *                                α_m = 0.7213 / (1 + 1.079/m) for m ≥ 128,
 *
 * replaced by linear counting m ln(m / V) when E ≤ 5m/2 and V registers are
 * still zero. With 64-bit hashes the large-range correction of the paper
 * (for 32-bit hashes) is not needed. Standard error 1.04 / √m: p = 14 uses
 * 16 KiB and is within about 0.8 %. The hashes added must be well mixed
 * (pf_hash_bytes(), pf_hash_combine()): raw integers or counters put
 * every value in a few registers and ruin the estimate. */
#define PF_HLL_MIN_PRECISION 4
#define PF_HLL_MAX_PRECISION 18
#define PF_HLL_DEFAULT_PRECISION 14

typedef struct _PfHll PfHll;

PfHll   *pf_hll_new             (guint        precision);
void     pf_hll_free            (PfHll       *hll);
guint    pf_hll_get_precision   (const PfHll *hll);
void     pf_hll_add             (PfHll       *hll,
                                 guint64      hash);
/* @into becomes the sketch of the union: as if every hash added to @from
 * had been added to @into. Both must have the same precision. */
void     pf_hll_merge           (PfHll       *into,
                                 const PfHll *from);
double   pf_hll_estimate        (const PfHll *hll);
double   pf_hll_relative_error  (guint        precision);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PfHll, pf_hll_free)

/* AUC of one numeric column against a binary target
 *
 * Each point is a distinct or repeated value with the number of positive
 * and negative rows that have it. The AUC is the probability that a random
 * positive has a higher value than a random negative, ties counting 1/2:
 *
 *   AUC = U / (n_pos n_neg),
 *   U   = Σ over values v of pos(v) · (negatives below v + neg(v) / 2)
 *
 * computed after sorting @points in place by value (a radix sort on the
 * bits of the doubles: linear in n_points). −0 and +0 are one value; points
 * whose value is NaN are left out (moved to the end). Returns NAN when
 * either class is empty. 0.5 means no signal; values below 0.5 mean the
 * column ranks the classes the other way round. */
typedef struct
{
  double  value;
  guint64 positives;
  guint64 negatives;
} PfAucPoint;

double   pf_stats_auc           (PfAucPoint  *points,
                                 gsize        n_points);

/* Cramér's V of an r × c contingency table
 *
 * @table holds n_rows × n_cols counts, row-major. Rows and columns whose
 * total is zero are left out; r and c below count the others, n is the
 * total and χ² = Σ (O − E)² / E with E = row total · column total / n.
 *
 *   plain:     V  = √(φ² / min(r − 1, c − 1)),  φ² = χ² / n
 *   corrected: φ̃² = max(0, φ² − (r − 1)(c − 1) / (n − 1))
 *              r̃ = r − (r − 1)² / (n − 1),   c̃ = c − (c − 1)² / (n − 1)
 *              Ṽ = √(φ̃² / min(r̃ − 1, c̃ − 1))                  (Bergsma 2013)
 *
 * Both are 0 when fewer than 2 rows or 2 columns are non-empty (or the
 * corrected denominator is not positive) and clamped to [0, 1]. The plain V
 * is biased upwards: a column with a category per row (an identifier) has
 * V near 1 against any target, while the corrected one stays near 0. */
double   pf_stats_cramers_v           (const guint64 *table,
                                       guint          n_rows,
                                       guint          n_cols);
double   pf_stats_cramers_v_corrected (const guint64 *table,
                                       guint          n_rows,
                                       guint          n_cols);

/* Re-identification risk over quasi-identifier groups
 *
 * An equivalence class is the set of rows that share the same values of
 * every quasi-identifier; its size is sdcMicro's fk. From the sizes of all
 * classes (zeros are ignored):
 *
 *   k                          = min fk             the data is k-anonymous
 *   n_unique                   = #rows with fk = 1  sample uniques
 *   n_at_risk                  = #rows with fk < threshold
 *   highest_risk               = 1 / k              prosecutor model, the most exposed row
 *   average_risk               = n_classes / n_rows ARX's average prosecutor risk
 *   expected_reidentifications = Σ_rows 1 / fk = n_classes   (sdcMicro)
 *
 * With no rows everything is 0. A threshold of 0 means the default, 5. */
#define PF_REIDENTIFICATION_DEFAULT_THRESHOLD 5

typedef struct
{
  guint64 n_rows;
  guint64 n_classes;
  guint64 k;
  guint64 n_unique;
  guint64 n_at_risk;
  guint   threshold;
  double  highest_risk;
  double  average_risk;
  double  expected_reidentifications;
} PfReidentification;

void     pf_reidentification_compute (const guint64      *class_sizes,
                                      gsize               n_classes,
                                      guint               threshold,
                                      PfReidentification *out);

G_END_DECLS
