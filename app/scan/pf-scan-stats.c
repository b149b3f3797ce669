/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pf-scan-stats.h"

/* Hashing */

#define GOLDEN 0x9e3779b97f4a7c15ull

static inline guint64
mix64 (guint64 x)
{
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  x ^= x >> 31;
  return x;
}

static inline guint64
rotl64 (guint64 x,
        guint   r)
{
  return (x << r) | (x >> (64 - r));
}

static inline guint64
absorb (guint64 h,
        guint64 word)
{
  return rotl64 (h ^ mix64 (word), 29) * GOLDEN;
}

guint64
pf_hash_bytes (const void *data,
               gsize       length,
               guint64     seed)
{
  const guint8 *p = data;
  guint64 h;
  gsize i;

  g_return_val_if_fail (data != NULL || length == 0, 0);

  h = mix64 (seed + GOLDEN * ((guint64) length + 1));

  for (i = 0; i + 8 <= length; i += 8)
    {
      guint64 w;

      /* memcpy: no alignment assumption; compilers make it one load */
      memcpy (&w, p + i, 8);
      h = absorb (h, GUINT64_FROM_LE (w));
    }

  if (i < length)
    {
      guint64 w = 0;
      guint shift = 0;

      for (; i < length; i++, shift += 8)
        w |= (guint64) p[i] << shift;
      h = absorb (h, w);
    }

  return mix64 (h ^ (h >> 32));
}

guint64
pf_hash_combine (guint64 a,
                 guint64 b)
{
  /* a goes through a rotation and a multiplication, b only through mix64:
   * swapping them changes the result. */
  return mix64 (rotl64 (a, 23) * GOLDEN ^ (b + 0x632be59bd9b4e019ull));
}

/* HyperLogLog */

struct _PfHll
{
  guint   precision;
  guint   n_registers;
  guint8  registers[];
};

PfHll *
pf_hll_new (guint precision)
{
  PfHll *hll;

  g_return_val_if_fail (precision >= PF_HLL_MIN_PRECISION, NULL);
  g_return_val_if_fail (precision <= PF_HLL_MAX_PRECISION, NULL);

  hll = g_malloc0 (sizeof (PfHll) + ((gsize) 1 << precision));
  hll->precision = precision;
  hll->n_registers = 1u << precision;

  return hll;
}

void
pf_hll_free (PfHll *hll)
{
  g_free (hll);
}

guint
pf_hll_get_precision (const PfHll *hll)
{
  g_return_val_if_fail (hll != NULL, 0);

  return hll->precision;
}

void
pf_hll_add (PfHll   *hll,
            guint64  hash)
{
  guint64 rest;
  guint index;
  guint8 rank;

  g_return_if_fail (hll != NULL);

  index = (guint) (hash >> (64 - hll->precision));
  rest = hash << hll->precision;
  /* the rank of the leftmost 1 among the 64 − p bits left, from 1; all zero
   * gives 64 − p + 1 */
  rank = rest != 0 ? (guint8) (__builtin_clzll (rest) + 1) : (guint8) (64 - hll->precision + 1);

  if (rank > hll->registers[index])
    hll->registers[index] = rank;
}

void
pf_hll_merge (PfHll       *into,
              const PfHll *from)
{
  g_return_if_fail (into != NULL);
  g_return_if_fail (from != NULL);
  g_return_if_fail (into->precision == from->precision);

  for (guint j = 0; j < into->n_registers; j++)
    into->registers[j] = MAX (into->registers[j], from->registers[j]);
}

static double
hll_alpha (guint m)
{
  switch (m)
    {
    case 16:
      return 0.673;
    case 32:
      return 0.697;
    case 64:
      return 0.709;
    default:
      return 0.7213 / (1.0 + 1.079 / m);
    }
}

double
pf_hll_estimate (const PfHll *hll)
{
  double m, sum = 0.0, estimate;
  guint zeros = 0;

  g_return_val_if_fail (hll != NULL, 0.0);

  m = hll->n_registers;
  for (guint j = 0; j < hll->n_registers; j++)
    {
      /* exact: a power of two, and at most 2^18 terms of at least 2^-51 */
      sum += ldexp (1.0, -(int) hll->registers[j]);
      zeros += hll->registers[j] == 0;
    }

  estimate = hll_alpha (hll->n_registers) * m * m / sum;

  if (estimate <= 2.5 * m && zeros > 0)
    estimate = m * log (m / zeros);

  return estimate;
}

double
pf_hll_relative_error (guint precision)
{
  return 1.04 / sqrt (ldexp (1.0, (int) precision));
}

/* AUC */

/* A key whose unsigned order is the order of the doubles: flip every bit of
 * a negative, only the sign bit of a positive. −0 is +0, NaN sorts last. */
static inline guint64
auc_key (double value)
{
  guint64 bits;

  if (isnan (value))
    return G_MAXUINT64;
  if (value == 0.0)
    value = 0.0;

  memcpy (&bits, &value, sizeof bits);
  return (bits >> 63) ? ~bits : bits | ((guint64) 1 << 63);
}

static int
auc_point_compare (const void *a,
                   const void *b)
{
  guint64 ka = auc_key (((const PfAucPoint *) a)->value);
  guint64 kb = auc_key (((const PfAucPoint *) b)->value);

  return ka < kb ? -1 : ka > kb;
}

#define RADIX_BITS 11
#define RADIX_SIZE (1u << RADIX_BITS)
#define RADIX_PASSES ((64 + RADIX_BITS - 1) / RADIX_BITS)

/* LSD radix sort on auc_key(): six passes of 11 bits, each stable, skipping
 * the passes where every key has the same digit (often most of them: the
 * low mantissa bits of integers and short decimals are all zero). */
static void
auc_sort (PfAucPoint *points,
          gsize       n_points)
{
  g_autofree gsize *counts = NULL;
  g_autofree PfAucPoint *scratch = NULL;
  PfAucPoint *src = points, *dst;

  if (n_points < 2)
    return;
  if (n_points < 256)
    {
      qsort (points, n_points, sizeof *points, auc_point_compare);
      return;
    }

  counts = g_new0 (gsize, (gsize) RADIX_PASSES * RADIX_SIZE);
  for (gsize i = 0; i < n_points; i++)
    {
      guint64 key = auc_key (points[i].value);

      for (guint pass = 0; pass < RADIX_PASSES; pass++)
        counts[pass * RADIX_SIZE + ((key >> (pass * RADIX_BITS)) & (RADIX_SIZE - 1))]++;
    }

  scratch = g_new (PfAucPoint, n_points);
  dst = scratch;

  for (guint pass = 0; pass < RADIX_PASSES; pass++)
    {
      gsize *count = counts + pass * RADIX_SIZE;
      guint shift = pass * RADIX_BITS;
      gsize offset = 0;
      gboolean trivial = FALSE;

      for (guint d = 0; d < RADIX_SIZE; d++)
        {
          gsize c = count[d];

          if (c == n_points)
            {
              trivial = TRUE;
              break;
            }
          count[d] = offset;
          offset += c;
        }
      if (trivial)
        continue;

      for (gsize i = 0; i < n_points; i++)
        {
          guint d = (auc_key (src[i].value) >> shift) & (RADIX_SIZE - 1);

          dst[count[d]++] = src[i];
        }

      {
        PfAucPoint *tmp = src;
        src = dst;
        dst = tmp;
      }
    }

  if (src != points)
    memcpy (points, src, n_points * sizeof *points);
}

double
pf_stats_auc (PfAucPoint *points,
              gsize       n_points)
{
  long double u = 0.0L;
  guint64 n_pos = 0, n_neg = 0;
  gsize i = 0;

  g_return_val_if_fail (points != NULL || n_points == 0, NAN);

  auc_sort (points, n_points);

  while (i < n_points && !isnan (points[i].value))
    {
      double value = points[i].value;
      guint64 pos = 0, neg = 0;

      for (; i < n_points && points[i].value == value; i++)
        {
          pos += points[i].positives;
          neg += points[i].negatives;
        }

      /* in long double: pos · n_neg reaches 10^18 and more */
      u += (long double) pos * ((long double) n_neg + 0.5L * (long double) neg);
      n_pos += pos;
      n_neg += neg;
    }

  if (n_pos == 0 || n_neg == 0)
    return NAN;

  return (double) (u / ((long double) n_pos * (long double) n_neg));
}

/* Cramér's V */

typedef struct
{
  long double chi2;
  long double n;
  guint       r;  /* non-empty rows */
  guint       c;  /* non-empty columns */
} Contingency;

static void
contingency_measure (const guint64 *table,
                     guint          n_rows,
                     guint          n_cols,
                     Contingency   *out)
{
  g_autofree long double *row_totals = g_new0 (long double, MAX (n_rows, 1));
  g_autofree long double *col_totals = g_new0 (long double, MAX (n_cols, 1));
  long double n = 0.0L, chi2 = 0.0L;
  guint r = 0, c = 0;

  for (guint i = 0; i < n_rows; i++)
    for (guint j = 0; j < n_cols; j++)
      {
        long double o = (long double) table[(gsize) i * n_cols + j];

        row_totals[i] += o;
        col_totals[j] += o;
        n += o;
      }

  for (guint i = 0; i < n_rows; i++)
    r += row_totals[i] > 0.0L;
  for (guint j = 0; j < n_cols; j++)
    c += col_totals[j] > 0.0L;

  if (r >= 2 && c >= 2)
    for (guint i = 0; i < n_rows; i++)
      {
        if (row_totals[i] == 0.0L)
          continue;

        for (guint j = 0; j < n_cols; j++)
          {
            long double e, d;

            if (col_totals[j] == 0.0L)
              continue;

            e = row_totals[i] * col_totals[j] / n;
            d = (long double) table[(gsize) i * n_cols + j] - e;
            chi2 += d * d / e;
          }
      }

  out->chi2 = chi2;
  out->n = n;
  out->r = r;
  out->c = c;
}

static double
clamp_unit (long double v)
{
  if (!(v > 0.0L))
    return 0.0;
  if (v > 1.0L)
    return 1.0;
  return (double) v;
}

double
pf_stats_cramers_v (const guint64 *table,
                    guint          n_rows,
                    guint          n_cols)
{
  Contingency t;

  g_return_val_if_fail (table != NULL || n_rows == 0 || n_cols == 0, 0.0);

  contingency_measure (table, n_rows, n_cols, &t);
  if (t.r < 2 || t.c < 2)
    return 0.0;

  return clamp_unit (sqrtl (t.chi2 / t.n / (MIN (t.r, t.c) - 1)));
}

double
pf_stats_cramers_v_corrected (const guint64 *table,
                              guint          n_rows,
                              guint          n_cols)
{
  Contingency t;
  long double phi2, r_tilde, c_tilde, denominator;

  g_return_val_if_fail (table != NULL || n_rows == 0 || n_cols == 0, 0.0);

  contingency_measure (table, n_rows, n_cols, &t);
  if (t.r < 2 || t.c < 2)
    return 0.0;

  /* r, c ≥ 2 non-empty rows and columns: n ≥ 2 */
  phi2 = t.chi2 / t.n - (long double) (t.r - 1) * (t.c - 1) / (t.n - 1.0L);
  if (phi2 < 0.0L)
    phi2 = 0.0L;

  r_tilde = t.r - (long double) (t.r - 1) * (t.r - 1) / (t.n - 1.0L);
  c_tilde = t.c - (long double) (t.c - 1) * (t.c - 1) / (t.n - 1.0L);
  denominator = MIN (r_tilde, c_tilde) - 1.0L;
  if (!(denominator > 0.0L))
    return 0.0;

  return clamp_unit (sqrtl (phi2 / denominator));
}

/* Re-identification risk */

void
pf_reidentification_compute (const guint64      *class_sizes,
                             gsize               n_classes,
                             guint               threshold,
                             PfReidentification *out)
{
  g_return_if_fail (class_sizes != NULL || n_classes == 0);
  g_return_if_fail (out != NULL);

  memset (out, 0, sizeof *out);
  out->threshold = threshold != 0 ? threshold : PF_REIDENTIFICATION_DEFAULT_THRESHOLD;

  for (gsize i = 0; i < n_classes; i++)
    {
      guint64 size = class_sizes[i];

      if (size == 0)
        continue;

      out->n_rows += size;
      out->n_classes++;
      if (out->k == 0 || size < out->k)
        out->k = size;
      if (size == 1)
        out->n_unique++;
      if (size < out->threshold)
        out->n_at_risk += size;
    }

  if (out->n_rows == 0)
    return;

  out->highest_risk = 1.0 / (double) out->k;
  out->average_risk = (double) out->n_classes / (double) out->n_rows;
  out->expected_reidentifications = (double) out->n_classes;
}
