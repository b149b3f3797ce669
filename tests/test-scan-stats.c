/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The statistics of the scan, each against values worked out by hand here or
 * computed independently by tests/data/scan-stats-expected.py (plain Python:
 * AUC by counting every pair of rows, Cramér's V from the definitions in
 * exact fractions, the re-identification figures by grouping the rows of
 * tests/data/quasi-identifiers.csv). The random datasets come from
 * SplitMix64, written the same way on both sides. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pf-csv-reader.h"
#include "pf-scan-stats.h"

static guint64
splitmix64_next (guint64 *state)
{
  guint64 z = (*state += 0x9e3779b97f4a7c15ull);

  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

static int
compare_guint64 (const void *a,
                 const void *b)
{
  guint64 x = *(const guint64 *) a, y = *(const guint64 *) b;

  return x < y ? -1 : x > y;
}

/* Hash */

static void
test_hash_no_collisions (void)
{
  const guint n = 1000000;
  g_autofree guint64 *hashes = g_new (guint64, n);

  for (guint i = 0; i < n; i++)
    {
      char text[16];
      int length = g_snprintf (text, sizeof text, "%u", i);

      hashes[i] = pf_hash_bytes (text, length, 0);
    }

  qsort (hashes, n, sizeof *hashes, compare_guint64);
  for (guint i = 1; i < n; i++)
    g_assert_cmpuint (hashes[i - 1], !=, hashes[i]);

  /* the same numbers as 8-byte binary words: the word path alone */
  for (guint64 i = 0; i < n; i++)
    hashes[i] = pf_hash_bytes (&i, sizeof i, 0);
  qsort (hashes, n, sizeof *hashes, compare_guint64);
  for (guint i = 1; i < n; i++)
    g_assert_cmpuint (hashes[i - 1], !=, hashes[i]);
}

static void
test_hash_seeds (void)
{
  static const char *inputs[] = { "", "a", "hello", "0123456789abcdef", "a longer input of several words" };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      gsize length = strlen (inputs[i]);
      guint64 h0 = pf_hash_bytes (inputs[i], length, 0);
      guint64 h1 = pf_hash_bytes (inputs[i], length, 1);
      guint64 h2 = pf_hash_bytes (inputs[i], length, 0xdeadbeef);

      g_assert_cmpuint (h0, !=, h1);
      g_assert_cmpuint (h0, !=, h2);
      g_assert_cmpuint (h1, !=, h2);
      /* deterministic */
      g_assert_cmpuint (h0, ==, pf_hash_bytes (inputs[i], length, 0));
    }
}

/* Every length from 0 to 64 in a buffer of exactly that size (ASan catches
 * a read past it), the same bytes at every misalignment give the same
 * value, and all the prefixes of one text differ, as do a text and the
 * text with a NUL appended. */
static void
test_hash_lengths (void)
{
  const char *text = "The quick brown fox jumps over the lazy dog, then naps a while.!";
  guint64 hashes[65];

  g_assert_cmpuint (strlen (text), ==, 64);

  for (gsize length = 0; length <= 64; length++)
    {
      g_autofree guint8 *exact = length > 0 ? g_malloc (length) : NULL;
      guint8 shifted[64 + 8];

      if (length > 0)
        memcpy (exact, text, length);
      hashes[length] = pf_hash_bytes (exact, length, 42);

      for (gsize offset = 1; offset < 8; offset++)
        {
          memset (shifted, 0xa5, sizeof shifted);
          memcpy (shifted + offset, text, length);
          g_assert_cmpuint (pf_hash_bytes (shifted + offset, length, 42), ==, hashes[length]);
        }
    }

  for (gsize i = 0; i <= 64; i++)
    for (gsize j = i + 1; j <= 64; j++)
      g_assert_cmpuint (hashes[i], !=, hashes[j]);

  g_assert_cmpuint (pf_hash_bytes ("a", 1, 0), !=, pf_hash_bytes ("a\0", 2, 0));
  g_assert_cmpuint (pf_hash_bytes ("\0", 1, 0), !=, pf_hash_bytes ("", 0, 0));
  g_assert_cmpuint (pf_hash_bytes ("\0\0\0\0\0\0\0\0", 8, 0), !=, pf_hash_bytes ("\0\0\0\0\0\0\0", 7, 0));
}

/* Flipping one input bit flips each output bit with probability 1/2: over
 * 200 random 20-byte inputs × 160 flips the mean number of changed bits is
 * 32 and the rate of every single output bit is near 1/2. */
static void
test_hash_avalanche (void)
{
  guint64 state = 11;
  guint per_bit[64] = { 0 };
  guint64 total = 0, trials = 0;

  for (guint t = 0; t < 200; t++)
    {
      guint8 input[20];
      guint64 h;

      for (guint i = 0; i < sizeof input; i++)
        input[i] = (guint8) splitmix64_next (&state);
      h = pf_hash_bytes (input, sizeof input, 7);

      for (guint bit = 0; bit < 8 * sizeof input; bit++)
        {
          guint64 diff;

          input[bit / 8] ^= 1u << (bit % 8);
          diff = h ^ pf_hash_bytes (input, sizeof input, 7);
          input[bit / 8] ^= 1u << (bit % 8);

          total += __builtin_popcountll (diff);
          trials++;
          for (guint o = 0; o < 64; o++)
            per_bit[o] += (diff >> o) & 1;
        }
    }

  g_assert_cmpfloat_with_epsilon ((double) total / trials, 32.0, 0.5);
  for (guint o = 0; o < 64; o++)
    g_assert_cmpfloat_with_epsilon ((double) per_bit[o] / trials, 0.5, 0.03);
}

static guint64
hash_fields (const char * const *fields)
{
  guint64 h = 0;

  for (guint i = 0; fields[i] != NULL; i++)
    h = pf_hash_combine (h, pf_hash_bytes (fields[i], strlen (fields[i]), 0));

  return h;
}

static void
test_hash_combine (void)
{
  const char *ab_c[] = { "ab", "c", NULL };
  const char *a_bc[] = { "a", "bc", NULL };
  const char *c_ab[] = { "c", "ab", NULL };
  const char *empty_x[] = { "", "x", NULL };
  const char *x_empty[] = { "x", "", NULL };
  const char *x[] = { "x", NULL };

  g_assert_cmpuint (pf_hash_combine (1, 2), !=, pf_hash_combine (2, 1));
  g_assert_cmpuint (pf_hash_combine (0, 0), !=, 0);
  g_assert_cmpuint (pf_hash_combine (0, 0), !=, pf_hash_combine (0, 1));
  g_assert_cmpuint (pf_hash_combine (0, 0), !=, pf_hash_combine (1, 0));

  g_assert_cmpuint (hash_fields (ab_c), !=, hash_fields (a_bc));
  g_assert_cmpuint (hash_fields (ab_c), !=, hash_fields (c_ab));
  g_assert_cmpuint (hash_fields (empty_x), !=, hash_fields (x_empty));
  g_assert_cmpuint (hash_fields (empty_x), !=, hash_fields (x));
  g_assert_cmpuint (hash_fields (x_empty), !=, hash_fields (x));
}

/* HyperLogLog */

static guint64
number_hash (guint64 i)
{
  char text[24];
  int length = g_snprintf (text, sizeof text, "%" G_GUINT64_FORMAT, i);

  return pf_hash_bytes (text, length, 0);
}

static void
check_hll_estimate (guint64 n)
{
  g_autoptr(PfHll) hll = pf_hll_new (PF_HLL_DEFAULT_PRECISION);
  double se = pf_hll_relative_error (PF_HLL_DEFAULT_PRECISION);
  double estimate;

  /* every value twice: duplicates must not count */
  for (guint64 i = 0; i < n; i++)
    pf_hll_add (hll, number_hash (i));
  for (guint64 i = 0; i < n; i++)
    pf_hll_add (hll, number_hash (i));

  estimate = pf_hll_estimate (hll);
  g_test_message ("%" G_GUINT64_FORMAT " distinct: estimate %.1f (%+.3f %%)",
                  n, estimate, 100.0 * (estimate - n) / n);
  g_assert_cmpfloat (fabs (estimate - n), <=, 3.0 * se * n);
}

static void
test_hll_estimates (void)
{
  g_assert_cmpfloat_with_epsilon (pf_hll_relative_error (14), 1.04 / 128.0, 1e-15);
  g_assert_cmpfloat_with_epsilon (pf_hll_relative_error (4), 0.26, 1e-15);

  check_hll_estimate (1000);
  check_hll_estimate (100000);
  check_hll_estimate (1000000);
}

static void
test_hll_small (void)
{
  g_autoptr(PfHll) hll = pf_hll_new (PF_HLL_DEFAULT_PRECISION);

  g_assert_cmpuint (pf_hll_get_precision (hll), ==, 14);
  g_assert_cmpfloat (pf_hll_estimate (hll), ==, 0.0);

  pf_hll_add (hll, number_hash (0));
  g_assert_cmpfloat_with_epsilon (pf_hll_estimate (hll), 1.0, 0.01);

  for (guint64 i = 1; i < 10; i++)
    pf_hll_add (hll, number_hash (i));
  g_assert_cmpfloat_with_epsilon (pf_hll_estimate (hll), 10.0, 0.05);

  for (guint64 i = 10; i < 100; i++)
    pf_hll_add (hll, number_hash (i));
  g_assert_cmpfloat_with_epsilon (pf_hll_estimate (hll), 100.0, 1.0);

  /* the extreme hashes: register 0 with the highest rank, and the last one */
  pf_hll_add (hll, 0);
  pf_hll_add (hll, G_MAXUINT64);
  g_assert_cmpfloat_with_epsilon (pf_hll_estimate (hll), 102.0, 1.5);
}

static void
test_hll_precisions (void)
{
  for (guint p = PF_HLL_MIN_PRECISION; p <= PF_HLL_MAX_PRECISION; p++)
    {
      g_autoptr(PfHll) hll = pf_hll_new (p);
      const guint64 n = 50000;
      double estimate;

      for (guint64 i = 0; i < n; i++)
        pf_hll_add (hll, number_hash (i));

      estimate = pf_hll_estimate (hll);
      g_assert_cmpfloat (fabs (estimate - n), <=, 3.0 * pf_hll_relative_error (p) * n);
    }
}

/* The estimator itself, from register states set by hand: a hash whose top
 * p bits are j and whose next bit is 1 sets register j to rank 1. */
static void
test_hll_formula (void)
{
  g_autoptr(PfHll) small = pf_hll_new (4);
  g_autoptr(PfHll) large = pf_hll_new (14);
  double m = 16384.0;

  /* linear counting: one register of 16 set, 15 still zero */
  pf_hll_add (small, ((guint64) 3 << 60) | ((guint64) 1 << 59));
  g_assert_cmpfloat_with_epsilon (pf_hll_estimate (small), 16.0 * log (16.0 / 15.0), 1e-12);

  /* all 16 at rank 1: α_16 m² / (m / 2) = 0.673 · 32; no zero register,
   * so no linear counting even below 5m/2 */
  for (guint64 j = 0; j < 16; j++)
    pf_hll_add (small, (j << 60) | ((guint64) 1 << 59));
  g_assert_cmpfloat_with_epsilon (pf_hll_estimate (small), 0.673 * 32.0, 1e-12);

  /* a higher rank replaces a lower one, never the reverse: register 0 at
   * rank 3 (2^-3) */
  pf_hll_add (small, (guint64) 1 << 57);
  pf_hll_add (small, (guint64) 1 << 59);
  g_assert_cmpfloat_with_epsilon (pf_hll_estimate (small), 0.673 * 256.0 / (15 * 0.5 + 0.125), 1e-12);

  /* m ≥ 128: α_m = 0.7213 / (1 + 1.079 / m) */
  for (guint64 j = 0; j < 16384; j++)
    pf_hll_add (large, (j << 50) | ((guint64) 1 << 49));
  g_assert_cmpfloat_with_epsilon (pf_hll_estimate (large), 0.7213 / (1.0 + 1.079 / m) * 2.0 * m, 1e-9);
}

static void
test_hll_merge (void)
{
  g_autoptr(PfHll) all = pf_hll_new (12);
  g_autoptr(PfHll) evens = pf_hll_new (12);
  g_autoptr(PfHll) odds = pf_hll_new (12);
  g_autoptr(PfHll) overlap = pf_hll_new (12);

  for (guint64 i = 0; i < 300000; i++)
    {
      pf_hll_add (all, number_hash (i));
      pf_hll_add (i % 2 ? odds : evens, number_hash (i));
      if (i < 1000)
        pf_hll_add (overlap, number_hash (i));
    }

  g_assert_cmpfloat (pf_hll_estimate (evens), <, pf_hll_estimate (all));

  pf_hll_merge (evens, odds);
  g_assert_cmpfloat (pf_hll_estimate (evens), ==, pf_hll_estimate (all));

  /* a subset changes nothing */
  pf_hll_merge (evens, overlap);
  g_assert_cmpfloat (pf_hll_estimate (evens), ==, pf_hll_estimate (all));
}

/* AUC */

static void
check_auc (const PfAucPoint *points,
           gsize             n_points,
           double            expected)
{
  g_autofree PfAucPoint *copy = g_memdup2 (points, n_points * sizeof *points);
  double auc = pf_stats_auc (copy, n_points);

  if (isnan (expected))
    g_assert_true (isnan (auc));
  else
    g_assert_cmpfloat_with_epsilon (auc, expected, 1e-12);
}

static void
test_auc_hand (void)
{
  const PfAucPoint perfect[] = { { 3, 1, 0 }, { 1, 0, 1 }, { 4, 2, 0 }, { 2, 0, 5 } };
  const PfAucPoint reversed[] = { { 3, 0, 1 }, { 1, 1, 0 }, { 4, 0, 2 }, { 2, 5, 0 } };
  const PfAucPoint ties[] = { { 7, 3, 4 }, { 7, 1, 9 } };
  /* Positives at 3, 5, 5 and negatives at 1, 4, 5 (and a value with no
   * rows). Of the 9 pairs, the positive at 3 beats only 1 (1); each
   * positive at 5 beats 1 and 4 and ties 5 (2.5 each): U = 6, AUC = 2/3. */
  const PfAucPoint six[] = { { 5, 1, 0 }, { 1, 0, 1 }, { 4, 0, 1 }, { 3, 1, 0 }, { 2, 0, 0 }, { 5, 1, 1 } };
  /* −0 and +0 are one value (a tie), NaN is left out */
  const PfAucPoint zeros[] = { { -0.0, 1, 0 }, { 0.0, 0, 1 }, { NAN, 5, 0 }, { -NAN, 0, 3 } };
  const PfAucPoint infinities[] = { { INFINITY, 1, 0 }, { -INFINITY, 0, 1 }, { 0, 1, 1 } };
  const PfAucPoint no_negative[] = { { 1, 1, 0 }, { 2, 3, 0 } };
  const PfAucPoint only_nan[] = { { NAN, 1, 1 } };

  check_auc (perfect, G_N_ELEMENTS (perfect), 1.0);
  check_auc (reversed, G_N_ELEMENTS (reversed), 0.0);
  check_auc (ties, G_N_ELEMENTS (ties), 0.5);
  check_auc (six, G_N_ELEMENTS (six), 2.0 / 3.0);
  check_auc (zeros, G_N_ELEMENTS (zeros), 0.5);
  /* pairs: (inf: beats -inf and 0) 2, (0: beats -inf, ties 0) 1.5 → 3.5 / 4 */
  check_auc (infinities, G_N_ELEMENTS (infinities), 3.5 / 4.0);
  check_auc (no_negative, G_N_ELEMENTS (no_negative), NAN);
  check_auc (only_nan, G_N_ELEMENTS (only_nan), NAN);
  check_auc (NULL, 0, NAN);
}

/* Printed by tests/data/scan-stats-expected.py (brute-force pair counts). */
static const struct
{
  guint64 seed;
  guint   rows;
  guint64 levels;
  int     base;
  int     span;
  double  expected;
  guint   positives;
  guint   negatives;
} auc_datasets[] = {
  { 1, 2000, 7, 200, 420, 0.65229806351275199, 783, 1217 },
  { 2, 3000, 1000, 300, 0, 0.49214523426010975, 883, 2117 },
  { 3, 2500, 1048576, 200, 600, 0.70330016717484745, 1258, 1242 },
  { 4, 1500, 40, 800, -600, 0.31031367164433948, 734, 766 },
  { 5, 1200, 3, 500, 100, 0.53110989060258251, 656, 544 },
};

static gint64
floor_div (gint64 a,
           gint64 b)
{
  gint64 q = a / b;

  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

static void
test_auc_random (void)
{
  for (guint d = 0; d < G_N_ELEMENTS (auc_datasets); d++)
    {
      guint64 state = auc_datasets[d].seed;
      guint rows = auc_datasets[d].rows;
      guint64 levels = auc_datasets[d].levels;
      g_autofree PfAucPoint *per_row = g_new (PfAucPoint, rows);
      g_autofree PfAucPoint *per_level = NULL;
      guint64 positives = 0;

      if (levels <= 1000)
        per_level = g_new0 (PfAucPoint, levels);

      for (guint r = 0; r < rows; r++)
        {
          guint64 a = splitmix64_next (&state);
          guint64 b = splitmix64_next (&state);
          guint64 level = a % levels;
          double value = (double) level * 0.25 - 5.0;
          gint64 threshold = auc_datasets[d].base + floor_div ((gint64) level * auc_datasets[d].span, (gint64) levels);
          gboolean positive = (gint64) (b % 1000) < threshold;

          per_row[r] = (PfAucPoint) { value, positive, !positive };
          positives += positive;
          if (per_level != NULL)
            {
              per_level[level].value = value;
              per_level[level].positives += positive;
              per_level[level].negatives += !positive;
            }
        }

      g_assert_cmpuint (positives, ==, auc_datasets[d].positives);
      g_assert_cmpuint (rows - positives, ==, auc_datasets[d].negatives);

      check_auc (per_row, rows, auc_datasets[d].expected);
      if (per_level != NULL)
        check_auc (per_level, levels, auc_datasets[d].expected);
    }
}

/* Counts in the billions: n_pos n_neg is about 10^19, beyond 64 bits. */
static void
test_auc_big_counts (void)
{
  const PfAucPoint points[] = {
    { 1.5, 1000000000, 3000000000 },
    { 0.5, 2000000000, 7 },
    { 2.5, 4000000001, 1000000000 },
    { 1.5, 5, 5 },
    { -3.0, 0, 2500000000 },
  };

  check_auc (points, G_N_ELEMENTS (points), 0.72527472530310344);
}

/* A million points in any order, many repeated: sorted by the call, the
 * AUC equals the one of the same rows gathered per value, and the sort is
 * fast. */
static void
test_auc_million (void)
{
  const gsize n = 1000000;
  const guint64 levels = 50000;
  g_autofree PfAucPoint *points = g_new (PfAucPoint, n);
  g_autofree PfAucPoint *per_level = g_new0 (PfAucPoint, levels);
  g_autoptr(GTimer) timer = NULL;
  guint64 state = 2024, positives = 0, negatives = 0;
  double auc, seconds;

  for (gsize i = 0; i < n; i++)
    {
      guint64 a = splitmix64_next (&state);
      guint64 level = a % levels;
      /* negative and positive values, fractions, a few NaN */
      double value = level == 17 ? NAN : ((double) level - 20000.0) / 8.0;
      gboolean positive = (splitmix64_next (&state) % levels) < level;

      points[i] = (PfAucPoint) { value, positive, !positive };
      per_level[level].value = value;
      per_level[level].positives += positive;
      per_level[level].negatives += !positive;
    }

  timer = g_timer_new ();
  auc = pf_stats_auc (points, n);
  seconds = g_timer_elapsed (timer, NULL);
  g_test_message ("sort and AUC of %" G_GSIZE_FORMAT " points: %.3f s", n, seconds);
  /* well under 0.2 s alone; lenient for a loaded machine or a sanitizer */
  g_assert_cmpfloat (seconds, <, 2.0);

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && !isnan (points[i].value))
        g_assert_cmpfloat (points[i - 1].value, <=, points[i].value);
      if (i > 0 && isnan (points[i - 1].value))
        g_assert_true (isnan (points[i].value));
      positives += points[i].positives;
      negatives += points[i].negatives;
    }
  g_assert_cmpuint (positives + negatives, ==, n);

  check_auc (per_level, levels, auc);
  g_assert_cmpfloat (auc, >, 0.7);
}

/* Sorting must keep every point: equal keys stay together and the counts
 * add up (a radix sort that dropped or doubled a point would fail here). */
static void
test_auc_sort_keeps_points (void)
{
  const gsize n = 5000;
  g_autofree PfAucPoint *points = g_new (PfAucPoint, n);
  guint64 state = 5, sum_before = 0, sum_after = 0;

  for (gsize i = 0; i < n; i++)
    {
      guint64 a = splitmix64_next (&state);
      double values[] = { -1e300, -2.5, -0.0, 0.0, 1e-300, 3.25, 1e300, (double) (a % 1000) };

      points[i] = (PfAucPoint) { values[a % G_N_ELEMENTS (values)], i, 1 };
      sum_before += i;
    }

  pf_stats_auc (points, n);
  for (gsize i = 0; i < n; i++)
    {
      sum_after += points[i].positives;
      if (i > 0)
        g_assert_cmpfloat (points[i - 1].value, <=, points[i].value);
    }
  g_assert_cmpuint (sum_after, ==, sum_before);
}

/* Cramér's V */

static guint64 table_2x2[] = { 10, 20, 30, 40 };
static guint64 table_2x2_strong[] = { 30, 10, 12, 48 };
static guint64 table_3x4[] = { 12, 5, 7, 1, 3, 18, 2, 9, 6, 4, 20, 11 };
static guint64 table_3x4_empty[] = { 12, 0, 5, 7, 1, 0, 0, 0, 0, 0, 3, 0, 18, 2, 9, 6, 0, 4, 20, 11 };
static guint64 table_diagonal[] = { 10, 0, 0, 0, 10, 0, 0, 0, 10 };
static guint64 table_independent[] = { 10, 20, 30, 20, 40, 60 };
static guint64 table_noise[] = { 15, 13, 16, 13, 13, 9, 16, 13, 10, 15, 16, 16, 13, 12, 10 };
static guint64 table_big[] = { 1000000000, 2000000000, 3000000000, 4000000001 };
static guint64 table_row[] = { 4, 5, 6 };
static guint64 table_zeros[] = { 0, 0, 0, 0 };
static guint64 table_one_cell[] = { 0, 0, 0, 9 };
static guint64 table_tiny[] = { 1, 0, 0, 1 };
static guint64 table_id[60 * 2];

/* Printed by tests/data/scan-stats-expected.py (exact fractions). */
static const struct
{
  const char *name;
  guint64    *table;
  guint       rows;
  guint       cols;
  double      plain;
  double      corrected;
} cramer_cases[] = {
  { "2x2", table_2x2, 2, 2, 0.089087080637474794, 0 },
  { "2x2-strong", table_2x2_strong, 2, 2, 0.54592083368401167, 0.53932049186230235 },
  { "3x4", table_3x4, 3, 4, 0.4622063287638612, 0.43191818138317956 },
  { "3x4-empty-row-col", table_3x4_empty, 4, 5, 0.4622063287638612, 0.43191818138317956 },
  { "diagonal", table_diagonal, 3, 3, 1, 1 },
  { "independent", table_independent, 2, 3, 0, 0 },
  { "id-like", table_id, 60, 2, 1, 0 },
  { "noise-5x3", table_noise, 5, 3, 0.074383701611446154, 0 },
  { "big", table_big, 2, 2, 0.089087080579143968, 0.089087080022349704 },
  { "one-row", table_row, 1, 3, 0, 0 },
  { "one-column", table_row, 3, 1, 0, 0 },
  { "zeros", table_zeros, 2, 2, 0, 0 },
  { "one-cell", table_one_cell, 2, 2, 0, 0 },
  { "tiny-n2", table_tiny, 2, 2, 1, 0 },
};

static void
test_cramers_v (void)
{
  /* the id-like table: 60 categories of one row each against a binary target */
  const char *id_rows = "101101110010100100011000010010001100000001101010110101111100";

  g_assert_cmpuint (strlen (id_rows), ==, 60);
  for (guint i = 0; i < 60; i++)
    {
      table_id[2 * i] = id_rows[i] == '1';
      table_id[2 * i + 1] = id_rows[i] != '1';
    }

  for (guint i = 0; i < G_N_ELEMENTS (cramer_cases); i++)
    {
      double plain = pf_stats_cramers_v (cramer_cases[i].table, cramer_cases[i].rows, cramer_cases[i].cols);
      double corrected = pf_stats_cramers_v_corrected (cramer_cases[i].table, cramer_cases[i].rows, cramer_cases[i].cols);

      g_test_message ("%s: V %.6f, corrected %.6f", cramer_cases[i].name, plain, corrected);
      g_assert_cmpfloat_with_epsilon (plain, cramer_cases[i].plain, 1e-12);
      g_assert_cmpfloat_with_epsilon (corrected, cramer_cases[i].corrected, 1e-12);
      g_assert_cmpfloat (corrected, <=, plain + 1e-12);
    }

  g_assert_cmpfloat (pf_stats_cramers_v (NULL, 0, 0), ==, 0.0);
  g_assert_cmpfloat (pf_stats_cramers_v_corrected (NULL, 0, 3), ==, 0.0);
}

/* Re-identification */

static void
test_reidentification_hand (void)
{
  const guint64 sizes[] = { 1, 1, 2, 5, 10 };
  const guint64 threes[] = { 3, 3, 4 };
  const guint64 with_zeros[] = { 0, 6, 0, 7 };
  PfReidentification r;

  pf_reidentification_compute (sizes, G_N_ELEMENTS (sizes), 5, &r);
  g_assert_cmpuint (r.n_rows, ==, 19);
  g_assert_cmpuint (r.n_classes, ==, 5);
  g_assert_cmpuint (r.k, ==, 1);
  g_assert_cmpuint (r.n_unique, ==, 2);
  g_assert_cmpuint (r.n_at_risk, ==, 4);
  g_assert_cmpuint (r.threshold, ==, 5);
  g_assert_cmpfloat (r.highest_risk, ==, 1.0);
  g_assert_cmpfloat_with_epsilon (r.average_risk, 5.0 / 19.0, 1e-15);
  g_assert_cmpfloat (r.expected_reidentifications, ==, 5.0);

  /* threshold 0: the default, 5 */
  pf_reidentification_compute (threes, G_N_ELEMENTS (threes), 0, &r);
  g_assert_cmpuint (r.threshold, ==, PF_REIDENTIFICATION_DEFAULT_THRESHOLD);
  g_assert_cmpuint (r.n_rows, ==, 10);
  g_assert_cmpuint (r.k, ==, 3);
  g_assert_cmpuint (r.n_unique, ==, 0);
  g_assert_cmpuint (r.n_at_risk, ==, 10);
  g_assert_cmpfloat_with_epsilon (r.highest_risk, 1.0 / 3.0, 1e-15);
  g_assert_cmpfloat_with_epsilon (r.average_risk, 0.3, 1e-15);

  pf_reidentification_compute (threes, G_N_ELEMENTS (threes), 4, &r);
  g_assert_cmpuint (r.n_at_risk, ==, 6);
  pf_reidentification_compute (threes, G_N_ELEMENTS (threes), 3, &r);
  g_assert_cmpuint (r.n_at_risk, ==, 0);

  pf_reidentification_compute (with_zeros, G_N_ELEMENTS (with_zeros), 5, &r);
  g_assert_cmpuint (r.n_classes, ==, 2);
  g_assert_cmpuint (r.k, ==, 6);
  g_assert_cmpuint (r.n_rows, ==, 13);
  g_assert_cmpuint (r.n_at_risk, ==, 0);

  pf_reidentification_compute (NULL, 0, 5, &r);
  g_assert_cmpuint (r.n_rows, ==, 0);
  g_assert_cmpuint (r.n_classes, ==, 0);
  g_assert_cmpuint (r.k, ==, 0);
  g_assert_cmpfloat (r.highest_risk, ==, 0.0);
  g_assert_cmpfloat (r.average_risk, ==, 0.0);
}

/* The classes of tests/data/quasi-identifiers.csv over (age_band, zip3,
 * sex), gathered the way the scan does: the fields' hashes combined per
 * row, counted per hash. Expected figures from the Python script. */
static void
test_reidentification_csv (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "quasi-identifiers.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, &error);
  g_autoptr(PfCsvReader) reader = NULL;
  g_autoptr(GHashTable) classes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (guint64));
  const PfCsvRecord *record;
  GHashTableIter iter;
  gpointer value;
  PfReidentification r;
  static const struct { guint threshold; guint64 at_risk; } expected[] = { { 2, 13 }, { 3, 23 }, { 5, 44 } };

  g_assert_no_error (error);
  reader = pf_csv_reader_new (G_INPUT_STREAM (stream), NULL);

  while ((record = pf_csv_reader_next (reader, NULL, &error)) != NULL)
    {
      guint64 h = 0;
      guint64 *count;

      g_assert_cmpuint (record->n_fields, ==, 4);
      for (guint i = 0; i < 3; i++)
        h = pf_hash_combine (h, pf_hash_bytes (record->fields[i].data, record->fields[i].length, 0));

      count = g_hash_table_lookup (classes, &h);
      if (count == NULL)
        {
          count = g_new0 (guint64, 1);
          g_hash_table_insert (classes, g_memdup2 (&h, sizeof h), count);
        }
      (*count)++;
    }
  g_assert_no_error (error);
  g_assert_true (pf_csv_reader_get_has_header (reader));

  g_hash_table_iter_init (&iter, classes);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_array_append_val (sizes, *(guint64 *) value);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      pf_reidentification_compute ((const guint64 *) sizes->data, sizes->len, expected[i].threshold, &r);
      g_assert_cmpuint (r.n_rows, ==, 80);
      g_assert_cmpuint (r.n_classes, ==, 30);
      g_assert_cmpuint (r.k, ==, 1);
      g_assert_cmpuint (r.n_unique, ==, 13);
      g_assert_cmpuint (r.n_at_risk, ==, expected[i].at_risk);
      g_assert_cmpfloat (r.highest_risk, ==, 1.0);
      g_assert_cmpfloat_with_epsilon (r.average_risk, 0.375, 1e-15);
      g_assert_cmpfloat_with_epsilon (r.expected_reidentifications, 30.0, 1e-12);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scan-stats/hash/no-collisions", test_hash_no_collisions);
  g_test_add_func ("/scan-stats/hash/seeds", test_hash_seeds);
  g_test_add_func ("/scan-stats/hash/lengths", test_hash_lengths);
  g_test_add_func ("/scan-stats/hash/avalanche", test_hash_avalanche);
  g_test_add_func ("/scan-stats/hash/combine", test_hash_combine);
  g_test_add_func ("/scan-stats/hll/estimates", test_hll_estimates);
  g_test_add_func ("/scan-stats/hll/small", test_hll_small);
  g_test_add_func ("/scan-stats/hll/precisions", test_hll_precisions);
  g_test_add_func ("/scan-stats/hll/formula", test_hll_formula);
  g_test_add_func ("/scan-stats/hll/merge", test_hll_merge);
  g_test_add_func ("/scan-stats/auc/hand", test_auc_hand);
  g_test_add_func ("/scan-stats/auc/random", test_auc_random);
  g_test_add_func ("/scan-stats/auc/big-counts", test_auc_big_counts);
  g_test_add_func ("/scan-stats/auc/million", test_auc_million);
  g_test_add_func ("/scan-stats/auc/sort-keeps-points", test_auc_sort_keeps_points);
  g_test_add_func ("/scan-stats/cramers-v", test_cramers_v);
  g_test_add_func ("/scan-stats/reidentification/hand", test_reidentification_hand);
  g_test_add_func ("/scan-stats/reidentification/csv", test_reidentification_csv);

  return g_test_run ();
}
