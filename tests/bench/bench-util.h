/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the benchmarks: wall time and the median of samples.
 * Header-only: each benchmark is one source file. */

#include <glib.h>

static inline double
bench_now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static inline int
bench_compare_doubles (gconstpointer a,
                       gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

/* Sorts @samples (doubles) and returns their median. */
static inline double
bench_median (GArray *samples)
{
  guint n = samples->len;

  g_array_sort (samples, bench_compare_doubles);
  return n % 2 ? g_array_index (samples, double, n / 2)
               : (g_array_index (samples, double, n / 2 - 1) + g_array_index (samples, double, n / 2)) / 2;
}
