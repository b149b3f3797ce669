/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Benchmark of the CSV reader alone: writes a file of PF_BENCH_ROWS rows
 * (default 1,000,000) and 25 columns, about 257 MB (ids, zero-padded codes,
 * integers, decimals, dates and times, categories, e-mail addresses, phone
 * numbers, hexadecimal ids, UTF-8 text, quoted text with commas, doubled
 * quotes and, every 50th row, a line break), to a temporary folder, reads it
 * PF_BENCH_REPEAT times (default 3) from the page cache, touching every
 * field, and prints MB/s and rows/s at the median.
 *
 * The whole scan (reading, profiling, detectors) has 2 s for such a file;
 * this fails when reading alone takes all of it.
 *
 *   meson test -C build --benchmark --suite bench csv -v
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pf-csv-reader.h"

#include "bench-util.h"

#define BUDGET_MS 2000.0

static const char * const countries[] = { "DE", "AT", "CH", "FR", "NL", "IT", "ES", "PL" };
static const char * const segments[] = { "premium", "standard", "basic", "trial", "enterprise" };
static const char * const cities[] = { "München", "Zürich", "Köln", "Wien", "Graz", "Basel", "Bern" };
static const char * const products[] = { "Widget Pro", "Widget", "Gadget Max", "Doohickey" };
static const char * const comments[] = {
  "\"Called twice, no answer\"",
  "\"Asked about the \"\"premium\"\" plan, will call back\"",
  "\"Complained: slow delivery, wrong size\"",
  "\"\"",
  "\"Happy customer; renewed early\"",
};

static guint32
next_random (guint32 *state)
{
  *state ^= *state << 13;
  *state ^= *state >> 17;
  *state ^= *state << 5;
  return *state;
}

static void
write_file (const char *path,
            guint       n_rows)
{
  FILE *out = fopen (path, "wb");
  guint32 state = 2463534242u;
  static char block[1 << 16];

  if (out == NULL)
    g_error ("Cannot write %s", path);
  setvbuf (out, block, _IOFBF, sizeof block);

  fputs ("id,customer_code,age,income,signup_date,last_seen,country,segment,score,n_orders,"
         "email,phone,comment,zip,amount,active,grade,ratio,device_id,city,product,churned,"
         "balance,clicks,note\n", out);

  for (guint i = 0; i < n_rows; i++)
    {
      guint32 r = next_random (&state);
      guint32 s = next_random (&state);

      fprintf (out,
               "%u,%08u,%u,%u.%02u,20%02u-%02u-%02u,2024-%02u-%02u %02u:%02u:%02u,%s,%s,0.%05u,%u,"
               "user%u@example.com,+49 170 %07u,%s,%05u,%s%u.%02u,%s,%c,0.%u,%012" G_GINT64_MODIFIER "x,%s,%s,%u,"
               "%u.%02u,%u,",
               1000000 + i, r % 100000000, 18 + r % 70, 20000 + s % 90000, s % 100,
               10 + r % 14, 1 + s % 12, 1 + r % 28, 1 + r % 12, 1 + s % 28, r % 24, s % 60, r % 60,
               countries[r % G_N_ELEMENTS (countries)], segments[s % G_N_ELEMENTS (segments)],
               r % 100000, s % 40,
               r % 1000000, s % 10000000, comments[(r >> 8) % G_N_ELEMENTS (comments)],
               s % 100000, r % 3 ? "" : "-", s % 1000, r % 100, s % 2 ? "true" : "false",
               'A' + (char)(r % 6), s % 10,
               ((guint64)r << 16 | s) & G_GUINT64_CONSTANT (0xffffffffffff),
               cities[s % G_N_ELEMENTS (cities)], products[r % G_N_ELEMENTS (products)], (r >> 3) % 2,
               s % 100000, r % 100, s % 500);
      if (i % 50 == 0)
        fputs ("\"first line, of two\nsecond line, checked by the team\"\n", out);
      else
        fprintf (out, "\"note %u, checked by the support team\"\n", r % 1000);
    }

  if (fclose (out) != 0)
    g_error ("Cannot write %s", path);
}

static double
read_file (const char *path,
           guint64    *n_records,
           guint64    *n_bytes)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(PfCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  const PfCsvRecord *record;
  guint64 checksum = 0;
  double start = bench_now_ms ();

  if (!(stream = g_file_read (file, NULL, &error)))
    g_error ("%s", error->message);
  reader = pf_csv_reader_new (G_INPUT_STREAM (stream), NULL);

  while ((record = pf_csv_reader_next (reader, NULL, &error)))
    {
      for (guint i = 0; i < record->n_fields; i++)
        checksum += record->fields[i].length + (record->fields[i].length ? (guchar)record->fields[i].data[0] : 0);
    }
  if (error)
    g_error ("%s", error->message);

  *n_records = pf_csv_reader_get_n_records (reader);
  *n_bytes = pf_csv_reader_get_offset (reader);
  if (checksum == 0 || pf_csv_reader_get_n_columns (reader) != 25 ||
      pf_csv_reader_get_problem_count (reader, PF_CSV_PROBLEM_RAGGED_ROW) != 0 ||
      pf_csv_reader_get_problem_count (reader, PF_CSV_PROBLEM_STRAY_QUOTE) != 0 ||
      pf_csv_reader_get_encoding (reader) != PF_CSV_ENCODING_UTF8)
    g_error ("The benchmark file was not read as written");

  return bench_now_ms () - start;
}

int
main (int   argc,
      char *argv[])
{
  const char *rows_env = g_getenv ("PF_BENCH_ROWS");
  const char *repeat_env = g_getenv ("PF_BENCH_REPEAT");
  guint n_rows = rows_env ? (guint)atoi (rows_env) : 1000000;
  guint repeat = repeat_env ? (guint)atoi (repeat_env) : 3;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  guint64 n_records = 0, n_bytes = 0;
  double start, median;

  setlocale (LC_ALL, "");

  if (!(dir = g_dir_make_tmp ("preflight-bench-csv-XXXXXX", &error)))
    g_error ("%s", error->message);
  path = g_build_filename (dir, "data.csv", NULL);

  start = bench_now_ms ();
  write_file (path, n_rows);
  printf ("\nCSV reader benchmark: %u rows, 25 columns, written in %.0f ms\n", n_rows, bench_now_ms () - start);

  for (guint i = 0; i < MAX (repeat, 1); i++)
    {
      double ms = read_file (path, &n_records, &n_bytes);

      g_array_append_val (times, ms);
      printf ("  run %u: %.1f ms\n", i + 1, ms);
    }

  g_unlink (path);
  g_rmdir (dir);

  median = bench_median (times);
  printf ("\n%" G_GUINT64_FORMAT " records, %.1f MB: median %.1f ms, %.0f MB/s, %.2f M rows/s\n",
          n_records, n_bytes / 1e6, median, n_bytes / 1e6 / (median / 1000.0),
          n_records / 1e6 / (median / 1000.0));
  printf ("Reading alone, of a whole-scan budget of %.0f ms: %s\n", BUDGET_MS,
          median <= BUDGET_MS ? "ok" : "OVER BUDGET");

  return median <= BUDGET_MS ? 0 : 1;
}
