/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The scan engine (app/scan/pf-scan.c). The figures of tests/data/scan-sample.csv
 * come from tests/data/scan-expected.py, computed there with Python's csv module
 * and plain arithmetic, independently of the engine. */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "pf-pii.h"
#include "pf-scan.h"
#include "pf-scan-record.h"

static char *
sample_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "scan-sample.csv", NULL);
}

static PfScanResult *
scan_path (const char          *path,
           const PfScanOptions *options)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PfScanResult *result = pf_scan_file (file, options, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static char *
write_temp (const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("pf-scan-XXXXXX.csv", &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

static const PfScanColumn *
column (const PfScanResult *result,
        const char         *name)
{
  for (guint c = 0; c < result->n_columns; c++)
    if (g_str_equal (result->columns[c].name, name))
      return &result->columns[c];
  g_error ("no column %s", name);
  return NULL;
}

static PfScanResult *
scan_sample (guint n_threads)
{
  g_autofree char *path = sample_path ();
  const char *quasi_ids[] = { "zip", "plan", NULL };
  PfScanOptions options = {
    .target = "churned",
    .prediction_time = "prediction_date",
    .quasi_ids = quasi_ids,
    .n_threads = n_threads,
  };

  return scan_path (path, &options);
}

static void
test_sample_file (void)
{
  g_autoptr(PfScanResult) result = scan_sample (0);
  g_autofree char *path = sample_path ();
  g_autofree char *contents = NULL;
  g_autofree char *sha = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
  g_assert_cmpstr (result->sha256, ==, sha);
  g_assert_cmpuint (result->n_bytes, ==, length);
  g_assert_cmpstr (result->file_name, ==, "scan-sample.csv");

  g_assert_cmpuint (result->n_rows, ==, 403);
  g_assert_cmpuint (result->n_columns, ==, 13);
  g_assert_cmpint (result->delimiter, ==, ',');
  g_assert_true (result->has_header);
  g_assert_cmpint (result->encoding, ==, PF_CSV_ENCODING_UTF8);
  g_assert_cmpuint (result->n_duplicate_rows, ==, 3);

  /* Target balance, most frequent first. */
  g_assert_cmpint (result->target_column, ==, 12);
  g_assert_cmpuint (result->n_classes, ==, 2);
  g_assert_cmpstr (result->classes[0].value, ==, "no");
  g_assert_cmpuint (result->classes[0].count, ==, 276);
  g_assert_cmpstr (result->classes[1].value, ==, "yes");
  g_assert_cmpuint (result->classes[1].count, ==, 127);

  /* Re-identification over (zip, plan). */
  g_assert_cmpuint (result->n_quasi_ids, ==, 2);
  g_assert_cmpuint (result->k_threshold, ==, 5);
  g_assert_cmpuint (result->n_classes_qi, ==, 24);
  g_assert_cmpuint (result->k, ==, 9);
  g_assert_cmpuint (result->n_unique_rows, ==, 0);
  g_assert_cmpuint (result->n_rows_at_risk, ==, 0);
}

static void
test_sample_types (void)
{
  g_autoptr(PfScanResult) result = scan_sample (0);
  const PfScanColumn *c;

  g_assert_cmpint (column (result, "customer_id")->type, ==, PF_COLUMN_TYPE_IDENTIFIER);
  /* Hexadecimal ids such as 123e45678901 are not numbers. */
  g_assert_cmpint (column (result, "ref")->type, ==, PF_COLUMN_TYPE_IDENTIFIER);
  /* Codes with leading zeros are not numbers. */
  c = column (result, "zip");
  g_assert_cmpint (c->type, ==, PF_COLUMN_TYPE_CATEGORICAL);
  g_assert_true (c->leading_zeros);
  g_assert_cmpuint (c->n_distinct, ==, 6);
  g_assert_cmpint (column (result, "age")->type, ==, PF_COLUMN_TYPE_INTEGER);
  g_assert_cmpint (column (result, "balance")->type, ==, PF_COLUMN_TYPE_DECIMAL);
  g_assert_cmpint (column (result, "plan")->type, ==, PF_COLUMN_TYPE_CATEGORICAL);
  g_assert_cmpint (column (result, "prediction_date")->type, ==, PF_COLUMN_TYPE_DATE_TIME);
  g_assert_cmpint (column (result, "last_contact")->type, ==, PF_COLUMN_TYPE_DATE_TIME);
  g_assert_cmpint (column (result, "notes")->type, ==, PF_COLUMN_TYPE_CATEGORICAL);
  g_assert_cmpint (column (result, "churned")->type, ==, PF_COLUMN_TYPE_BOOLEAN);

  c = column (result, "age");
  g_assert_cmpuint (c->n_missing, ==, 0);
  g_assert_cmpuint (c->n_distinct, ==, 78);
  g_assert_true (c->distinct_exact);
  g_assert_true (c->has_range);
  g_assert_cmpfloat (c->min, ==, 18);
  g_assert_cmpfloat (c->max, ==, 95);
  g_assert_cmpfloat_with_epsilon (c->mean, 55.024813895781641, 1e-9);
  g_assert_cmpfloat_with_epsilon (c->sd, 21.117401742893264, 1e-9);

  c = column (result, "balance");
  g_assert_cmpuint (c->n_missing, ==, 29);
  g_assert_cmpuint (c->n_values, ==, 403 - 29);
  g_assert_cmpuint (c->n_distinct, ==, 370);
  g_assert_cmpfloat_with_epsilon (c->mean, 220.13828877005332, 1e-9);
  g_assert_cmpfloat_with_epsilon (c->sd, 157.91348389203202, 1e-9);
  g_assert_cmpfloat_with_epsilon (c->min, -49.87, 1e-9);
  g_assert_cmpfloat_with_epsilon (c->max, 499.82, 1e-9);

  c = column (result, "last_contact");
  g_assert_cmpstr (c->min_text, ==, "2024-03-01");
  g_assert_cmpstr (c->max_text, ==, "2024-03-28");

  /* Most frequent values, unless personal data. */
  c = column (result, "plan");
  g_assert_false (c->top_masked);
  g_assert_cmpuint (c->n_top, ==, 4);
  g_assert_cmpstr (c->top[0].value, ==, "basic");
  g_assert_cmpuint (c->top[0].count, >=, c->top[1].count);
}

static void
test_sample_leakage (void)
{
  g_autoptr(PfScanResult) result = scan_sample (0);
  const PfScanColumn *c;

  c = column (result, "age");
  g_assert_cmpint (c->leak_measure, ==, PF_LEAK_MEASURE_AUC);
  g_assert_true (c->leak_exact);
  g_assert_cmpfloat_with_epsilon (c->leak_score, 0.52825801666096084, 1e-12);
  g_assert_false (pf_scan_column_is_suspect (c));

  c = column (result, "balance");
  g_assert_cmpfloat_with_epsilon (c->leak_score, 0.50881529082221122, 1e-12);

  c = column (result, "leak_score");
  g_assert_cmpfloat_with_epsilon (c->leak_score, 0.9952071208490243, 1e-12);
  g_assert_true (c->leak_reasons & PF_LEAK_REASON_SEPARATES);
  g_assert_true (pf_scan_column_is_suspect (c));

  c = column (result, "refund_amount");
  g_assert_cmpfloat_with_epsilon (c->leak_score, 1.0, 1e-12);
  g_assert_true (c->leak_reasons & PF_LEAK_REASON_POST_EVENT_NAME);
  g_assert_cmpstr (c->post_event_hint, !=, NULL);

  c = column (result, "plan");
  g_assert_cmpint (c->leak_measure, ==, PF_LEAK_MEASURE_ASSOCIATION);
  g_assert_cmpfloat_with_epsilon (c->leak_score, 0.11015086144945369, 1e-12);
  g_assert_false (pf_scan_column_is_suspect (c));

  /* Identifier-like columns are reported as such, not as leaks: a
   * bias-corrected association of an id with the target is near 0. */
  c = column (result, "ref");
  g_assert_true (c->leak_reasons & PF_LEAK_REASON_IDENTIFIER);
  g_assert_cmpint (c->leak_measure, ==, PF_LEAK_MEASURE_ASSOCIATION);
  g_assert_cmpfloat (c->leak_score, <, 0.2);
  g_assert_false (pf_scan_column_is_suspect (c));

  c = column (result, "last_contact");
  g_assert_cmpuint (c->n_after_prediction, ==, 96);
  g_assert_true (c->leak_reasons & PF_LEAK_REASON_AFTER_PREDICTION);
  g_assert_true (pf_scan_column_is_suspect (c));

  c = column (result, "prediction_date");
  g_assert_cmpuint (c->n_after_prediction, ==, 0);

  c = column (result, "churned");
  g_assert_cmpint (c->leak_measure, ==, PF_LEAK_MEASURE_NONE);
  g_assert_false (pf_scan_column_is_suspect (c));
}

static void
test_sample_personal_data (void)
{
  g_autoptr(PfScanResult) result = scan_sample (0);
  const PfScanColumn *c = column (result, "email");

  g_assert_true (c->personal_data);
  g_assert_cmpuint (c->pii_matches[PF_PII_EMAIL], ==, 403);
  g_assert_true (c->top_masked);
  g_assert_cmpuint (c->n_top, ==, 0);

  c = column (result, "plan");
  g_assert_false (c->personal_data);
  g_assert_cmpuint (c->pii_matches[PF_PII_EMAIL], ==, 0);
}

/* The figures do not depend on how many threads share the columns. */
static void
test_threads_agree (void)
{
  g_autoptr(PfScanResult) one = scan_sample (1);
  g_autoptr(PfScanResult) three = scan_sample (3);

  g_assert_cmpuint (one->n_duplicate_rows, ==, three->n_duplicate_rows);
  g_assert_cmpuint (one->k, ==, three->k);
  for (guint c = 0; c < one->n_columns; c++)
    {
      const PfScanColumn *a = &one->columns[c], *b = &three->columns[c];
      g_assert_cmpint (a->type, ==, b->type);
      g_assert_cmpuint (a->n_missing, ==, b->n_missing);
      g_assert_cmpuint (a->n_distinct, ==, b->n_distinct);
      g_assert_cmpfloat (a->mean, ==, b->mean);
      g_assert_cmpfloat (a->leak_score, ==, b->leak_score);
      g_assert_cmpuint (a->leak_reasons, ==, b->leak_reasons);
    }
}

/* tests/data/quasi-identifiers.csv: figures from scan-stats-expected.py. */
static void
test_reidentification (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "quasi-identifiers.csv", NULL);
  const char *quasi_ids[] = { "age_band", "zip3", "sex", NULL };
  PfScanOptions options = { .quasi_ids = quasi_ids, .k_threshold = 3 };
  g_autoptr(PfScanResult) result = scan_path (path, &options);

  g_assert_cmpuint (result->n_rows, ==, 80);
  g_assert_cmpuint (result->n_classes_qi, ==, 30);
  g_assert_cmpuint (result->k, ==, 1);
  g_assert_cmpuint (result->n_unique_rows, ==, 13);
  g_assert_cmpuint (result->n_rows_at_risk, ==, 23);
  g_assert_cmpint (result->target_column, ==, -1);
  /* zip3 codes are numbers here (no leading zeros). */
  g_assert_cmpint (column (result, "zip3")->type, ==, PF_COLUMN_TYPE_INTEGER);
}

/* Beyond the exact limit the distinct count is an estimate and the AUC
 * comes from a sample. Values x = i / n with P(target | x) = x: the AUC of
 * x is 5/6 (∫∫_{a>b} 2a · 2(1 − b)). */
static void
test_many_distinct (void)
{
  const guint n = 300000;
  g_autoptr(GString) csv = g_string_new ("x,label,target\n");
  g_autofree char *path = NULL;
  g_autoptr(PfScanResult) result = NULL;
  PfScanOptions options = { .target = "target" };
  GRand *rand = g_rand_new_with_seed (7);
  const PfScanColumn *c;

  for (guint i = 0; i < n; i++)
    {
      double x = (double) i / n;
      g_string_append_printf (csv, "%.7f,v%u,%d\n", x, i % 50, g_rand_double (rand) < x);
    }
  g_rand_free (rand);
  path = write_temp (csv->str, csv->len);
  result = scan_path (path, &options);

  c = column (result, "x");
  g_assert_cmpint (c->type, ==, PF_COLUMN_TYPE_DECIMAL);
  g_assert_false (c->distinct_exact);
  g_assert_cmpfloat (fabs ((double) c->n_distinct - n) / n, <, 0.03);
  g_assert_cmpint (c->leak_measure, ==, PF_LEAK_MEASURE_AUC);
  g_assert_false (c->leak_exact);
  g_assert_cmpfloat (fabs (c->leak_score - 5.0 / 6.0), <, 0.01);
  /* The mean and range stay exact. */
  g_assert_cmpfloat_with_epsilon (c->mean, (n - 1) / 2.0 / n, 1e-6);
  g_assert_cmpfloat (c->min, ==, 0);
  g_assert_cmpfloat_with_epsilon (c->max, (double) (n - 1) / n, 1e-7);

  c = column (result, "label");
  g_assert_true (c->distinct_exact);
  g_assert_cmpuint (c->n_distinct, ==, 50);
  g_assert_cmpfloat (c->leak_score, <, 0.05);

  g_unlink (path);
}

/* Beyond max_exact_rows distinct rows or groups, duplicates and the
 * re-identification figures come from a sample of the row hashes: every
 * row here appears twice (5,000 duplicates) and the quasi-identifier g
 * makes 2,500 groups of 4 rows. */
static void
test_sampled_counts (void)
{
  g_autoptr(GString) csv = g_string_new ("id,g,x\n");
  g_autofree char *path = NULL;
  g_autoptr(PfScanResult) exact = NULL;
  g_autoptr(PfScanResult) sampled = NULL;
  const char *quasi_ids[] = { "g", NULL };
  PfScanOptions options = { .quasi_ids = quasi_ids };

  for (guint copy = 0; copy < 2; copy++)
    for (guint i = 0; i < 5000; i++)
      g_string_append_printf (csv, "%u,g%u,%u\n", i, i % 2500, i * 7);
  path = write_temp (csv->str, csv->len);

  exact = scan_path (path, &options);
  g_assert_true (exact->duplicates_exact);
  g_assert_cmpuint (exact->n_duplicate_rows, ==, 5000);
  g_assert_true (exact->reidentification_exact);
  g_assert_cmpuint (exact->n_classes_qi, ==, 2500);
  g_assert_cmpuint (exact->k, ==, 4);
  g_assert_cmpuint (exact->n_rows_at_risk, ==, 10000);

  options.max_exact_rows = 500;
  sampled = scan_path (path, &options);
  g_assert_false (sampled->duplicates_exact);
  g_assert_cmpfloat (fabs ((double) sampled->n_duplicate_rows - 5000) / 5000, <, 0.25);
  g_assert_false (sampled->reidentification_exact);
  g_assert_cmpfloat (fabs ((double) sampled->n_classes_qi - 2500) / 2500, <, 0.25);
  /* Whole groups are kept: their sizes stay exact. */
  g_assert_cmpuint (sampled->k, ==, 4);
  g_assert_cmpuint (sampled->n_unique_rows, ==, 0);

  /* The JSON form says which figures are estimates. */
  {
    g_autoptr(JsonNode) json = pf_scan_result_to_json (sampled, FALSE);
    g_autoptr(JsonNode) json_exact = pf_scan_result_to_json (exact, FALSE);
    JsonObject *metrics = json_object_get_object_member (json_node_get_object (json), "metrics");
    JsonObject *metrics_exact = json_object_get_object_member (json_node_get_object (json_exact), "metrics");

    g_assert_true (json_object_get_boolean_member (metrics, "duplicate-rows-estimated"));
    g_assert_true (json_object_get_boolean_member (json_object_get_object_member (metrics, "reidentification"),
                                                   "estimated"));
    g_assert_false (json_object_has_member (metrics_exact, "duplicate-rows-estimated"));
    g_assert_false (json_object_has_member (json_object_get_object_member (metrics_exact, "reidentification"),
                                            "estimated"));
  }
  g_unlink (path);
}

/* Every file of the CSV reader's fuzz corpus (broken quoting, bad bytes,
 * ragged rows, BOMs, no header…) scans without a crash or a leak, with its
 * first column as the target and the first two as quasi-identifiers, and
 * the figures add up. */
static void
test_corpus (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "fuzz", "csv-corpus", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n_files = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) names = pf_scan_peek_columns (file, NULL, NULL, NULL, NULL, &error);
      g_autoptr(PfScanResult) result = NULL;
      const char *quasi_ids[3] = { NULL };
      PfScanOptions options = { .quasi_ids = quasi_ids, .n_threads = 2 };

      if (names == NULL)
        {
          g_test_message ("%s: %s", name, error->message);
          continue;
        }
      if (names[0] != NULL)
        {
          options.target = names[0];
          quasi_ids[0] = names[0];
          quasi_ids[1] = names[1];
          options.prediction_time = names[1];
        }
      result = pf_scan_file (file, &options, NULL, &error);
      n_files++;
      if (result == NULL)
        {
          /* Only "no rows" is a reason not to scan what the reader reads. */
          g_assert_error (error, PF_SCAN_ERROR, PF_SCAN_ERROR_EMPTY);
          continue;
        }
      for (guint c = 0; c < result->n_columns; c++)
        {
          const PfScanColumn *column = &result->columns[c];

          g_assert_cmpuint (column->n_values + column->n_missing, ==, result->n_rows);
          g_assert_cmpuint (column->n_distinct, <=, column->n_values);
          g_assert_true (g_utf8_validate (column->name, -1, NULL));
          for (guint i = 0; i < column->n_top; i++)
            g_assert_true (g_utf8_validate (column->top[i].value, -1, NULL));
          if (column->leak_measure != PF_LEAK_MEASURE_NONE)
            g_assert_cmpfloat (column->leak_score, >=, 0);
        }
      g_assert_cmpuint (result->n_duplicate_rows, <, result->n_rows);
    }
  g_assert_cmpuint (n_files, >, 20);
}

/* Values are kept to be shown only when they may be shown: the first
 * 1,000 distinct ones, and later ones from their second time on; at most
 * 64 bytes of each, cut at a character and marked with an ellipsis. */
static void
test_top_values_kept (void)
{
  g_autoptr(GString) csv = g_string_new ("v\n");
  g_autofree char *path = NULL;
  g_autoptr(PfScanResult) result = NULL;
  g_autofree char *long_value = g_strnfill (63, 'x');
  const PfScanColumn *c;

  /* "ü" takes bytes 64 and 65: the cut comes before it. */
  for (guint i = 0; i < 1500; i++)
    g_string_append_printf (csv, "value %u\n", i);
  for (guint i = 0; i < 7; i++)
    g_string_append (csv, "value 1200\n");
  for (guint i = 0; i < 5; i++)
    g_string_append_printf (csv, "%süber\n", long_value);
  path = write_temp (csv->str, csv->len);
  result = scan_path (path, NULL);

  c = column (result, "v");
  g_assert_cmpuint (c->n_top, ==, PF_SCAN_N_TOP_VALUES);
  g_assert_cmpstr (c->top[0].value, ==, "value 1200");
  g_assert_cmpuint (c->top[0].count, ==, 8);
  g_assert_true (g_str_has_suffix (c->top[1].value, "x…"));
  g_assert_cmpuint (strlen (c->top[1].value), ==, 63 + strlen ("…"));
  g_assert_cmpuint (c->top[1].count, ==, 5);
  g_unlink (path);
}

/* A UTF-16 file (Excel's "Unicode text") is converted as it is read. */
static void
test_utf16 (void)
{
  const char *text = "name\tcity\nZoë\tKöln\nAda\tLondon\n";
  g_autoptr(GError) error = NULL;
  gsize length;
  g_autofree char *utf16 = g_convert (text, -1, "UTF-16LE", "UTF-8", NULL, &length, &error);
  g_autofree char *bytes = g_malloc (length + 2);
  g_autofree char *path = NULL;
  g_autoptr(PfScanResult) result = NULL;
  g_autoptr(GFile) file = NULL;
  g_auto(GStrv) names = NULL;

  g_assert_no_error (error);
  bytes[0] = (char) 0xFF;
  bytes[1] = (char) 0xFE;
  memcpy (bytes + 2, utf16, length);
  path = write_temp (bytes, length + 2);
  file = g_file_new_for_path (path);

  names = pf_scan_peek_columns (file, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (names[0], ==, "name");
  g_assert_cmpstr (names[1], ==, "city");

  result = scan_path (path, NULL);
  g_assert_cmpint (result->encoding, ==, PF_CSV_ENCODING_UTF16);
  g_assert_cmpint (result->delimiter, ==, '\t');
  g_assert_cmpuint (result->n_rows, ==, 2);
  g_assert_cmpuint (result->n_bytes, ==, length + 2);
  g_assert_cmpstr (column (result, "city")->top[0].value, ==, "Köln");
  g_unlink (path);
}

/* Wide files: batches hold fewer rows, so memory stays small; beyond
 * PF_SCAN_MAX_COLUMNS columns the scan says it will not. */
static void
test_wide (void)
{
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *too_wide = NULL;
  g_autoptr(PfScanResult) result = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  PfScanOptions options = { .target = "c19999" };

  for (guint r = 0; r < 4; r++)
    {
      for (guint c = 0; c < 20000; c++)
        {
          if (r == 0)
            g_string_append_printf (csv, "%sc%u", c ? "," : "", c);
          else
            g_string_append_printf (csv, "%s%u", c ? "," : "", (r * c) % 7);
        }
      g_string_append_c (csv, '\n');
    }
  path = write_temp (csv->str, csv->len);
  result = scan_path (path, &options);
  g_assert_cmpuint (result->n_columns, ==, 20000);
  g_assert_cmpuint (result->n_rows, ==, 3);
  g_assert_cmpint (column (result, "c5")->type, ==, PF_COLUMN_TYPE_INTEGER);
  g_unlink (path);

  g_string_truncate (csv, 0);
  for (guint c = 0; c <= PF_SCAN_MAX_COLUMNS; c++)
    g_string_append (csv, c ? ",1" : "1");
  g_string_append_c (csv, '\n');
  too_wide = write_temp (csv->str, csv->len);
  file = g_file_new_for_path (too_wide);
  g_assert_null (pf_scan_file (file, NULL, NULL, &error));
  g_assert_error (error, PF_SCAN_ERROR, PF_SCAN_ERROR_TOO_WIDE);
  g_unlink (too_wide);
}

/* A numeric target with many values (a regression target) is cut into
 * bins of equal frequency, so that a column that follows it is still
 * caught. */
static void
test_numeric_target (void)
{
  g_autoptr(GString) csv = g_string_new ("price,twice,noise,colour\n");
  g_autofree char *path = NULL;
  g_autoptr(PfScanResult) result = NULL;
  PfScanOptions options = { .target = "price" };
  GRand *rand = g_rand_new_with_seed (3);

  for (guint i = 0; i < 5000; i++)
    {
      double price = g_rand_double_range (rand, 1, 1000);
      g_string_append_printf (csv, "%.2f,%.2f,%.3f,%s\n", price, 2 * price, g_rand_double (rand),
                              (const char *[]) { "red", "green", "blue" }[g_rand_int_range (rand, 0, 3)]);
    }
  g_rand_free (rand);
  path = write_temp (csv->str, csv->len);
  result = scan_path (path, &options);

  g_assert_true (result->target_binned);
  {
    g_autoptr(JsonNode) json = pf_scan_result_to_json (result, FALSE);
    JsonObject *metrics = json_object_get_object_member (json_node_get_object (json), "metrics");

    g_assert_true (json_object_get_boolean_member (metrics, "classes-binned"));
  }
  g_assert_false (result->classes_truncated);
  g_assert_cmpuint (result->n_classes, ==, 10);
  g_assert_true (g_str_has_prefix (result->classes[0].value, "< "));
  g_assert_true (g_str_has_prefix (result->classes[9].value, "≥ "));
  for (guint k = 0; k < 10; k++)
    g_assert_cmpuint (result->classes[k].count, >, 400);
  g_assert_cmpint (column (result, "twice")->leak_measure, ==, PF_LEAK_MEASURE_ASSOCIATION);
  g_assert_cmpfloat (column (result, "twice")->leak_score, >, 0.95);
  g_assert_true (pf_scan_column_is_suspect (column (result, "twice")));
  g_assert_cmpfloat (column (result, "noise")->leak_score, <, 0.1);
  g_assert_cmpfloat (column (result, "colour")->leak_score, <, 0.1);
  g_unlink (path);
}

/* One rule for constant and nearly empty columns, for the command line,
 * the dialog and the project's summary. */
static void
test_quality_rules (void)
{
  g_assert_true (pf_scan_is_constant (10, 1));
  g_assert_false (pf_scan_is_constant (10, 2));
  g_assert_false (pf_scan_is_constant (0, 0));
  g_assert_true (pf_scan_is_nearly_empty (5, 95));
  g_assert_false (pf_scan_is_nearly_empty (6, 94));
  g_assert_true (pf_scan_is_nearly_empty (0, 3));
  g_assert_false (pf_scan_is_nearly_empty (0, 0));
}

static void
test_missing_and_problems (void)
{
  const char *text = "a,b,c\n"
                     "1,NA,x\n"
                     "2,,y\n"
                     "3,null\n"          /* ragged: line 4 */
                     "4,N/A,z,extra\n"   /* ragged: line 5 */
                     "\n"
                     "5,-,\"w\"\n";
  g_autofree char *path = write_temp (text, -1);
  g_autoptr(PfScanResult) result = scan_path (path, NULL);
  const PfScanColumn *b = column (result, "b");

  g_assert_cmpuint (result->n_rows, ==, 5);
  g_assert_cmpuint (result->n_blank_lines, ==, 1);
  g_assert_cmpuint (b->n_missing, ==, 5);
  g_assert_cmpint (b->type, ==, PF_COLUMN_TYPE_EMPTY);
  g_assert_cmpuint (column (result, "c")->n_missing, ==, 1);
  g_assert_cmpuint (result->problem_counts[PF_CSV_PROBLEM_RAGGED_ROW], ==, 2);
  g_assert_cmpuint (result->n_problem_sites[PF_CSV_PROBLEM_RAGGED_ROW], ==, 2);
  g_assert_cmpuint (result->problem_sites[PF_CSV_PROBLEM_RAGGED_ROW][0].line, ==, 4);
  g_assert_cmpuint (result->problem_sites[PF_CSV_PROBLEM_RAGGED_ROW][1].line, ==, 5);
  g_unlink (path);
}

static void
test_errors (void)
{
  g_autofree char *path = write_temp ("a,b\n1,2\n", -1);
  g_autofree char *header_only = write_temp ("a,b\n", -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) empty = g_file_new_for_path (header_only);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/data.csv");
  g_autoptr(GError) error = NULL;
  PfScanOptions options = { .target = "c" };
  const char *quasi_ids[] = { "a", "nope", NULL };

  g_assert_null (pf_scan_file (file, &options, NULL, &error));
  g_assert_error (error, PF_SCAN_ERROR, PF_SCAN_ERROR_NO_COLUMN);
  g_assert_nonnull (strstr (error->message, "“c”"));
  g_clear_error (&error);

  options.target = NULL;
  options.quasi_ids = quasi_ids;
  g_assert_null (pf_scan_file (file, &options, NULL, &error));
  g_assert_error (error, PF_SCAN_ERROR, PF_SCAN_ERROR_NO_COLUMN);
  g_clear_error (&error);

  g_assert_null (pf_scan_file (empty, NULL, NULL, &error));
  g_assert_error (error, PF_SCAN_ERROR, PF_SCAN_ERROR_EMPTY);
  g_clear_error (&error);

  g_assert_null (pf_scan_file (missing, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_unlink (path);
  g_unlink (header_only);
}

typedef struct
{
  GCancellable *cancellable;
  guint64       calls;
  guint64       last_bytes;
  guint64       last_rows;
} Progress;

static void
cancel_on_progress (guint64  bytes,
                    guint64  total,
                    guint64  rows,
                    gpointer data)
{
  Progress *progress = data;

  g_assert_cmpuint (bytes, <=, total);
  g_assert_cmpuint (bytes, >=, progress->last_bytes);
  g_assert_cmpuint (rows, >=, progress->last_rows);
  progress->last_bytes = bytes;
  progress->last_rows = rows;
  progress->calls++;
  if (rows > 0)
    g_cancellable_cancel (progress->cancellable);
}

static void
test_cancel (void)
{
  g_autoptr(GString) csv = g_string_new ("a,b\n");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Progress progress = { cancellable };
  PfScanOptions options = { .progress = cancel_on_progress, .progress_data = &progress, .csv.block_size = 4096 };

  for (guint i = 0; i < 400000; i++)
    g_string_append_printf (csv, "%u,text %u\n", i, i % 77);
  path = write_temp (csv->str, csv->len);
  file = g_file_new_for_path (path);

  /* Every block is slow enough to see progress: cancel at the first report. */
  g_assert_null (pf_scan_file (file, &options, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (progress.calls, >=, 1);
  g_unlink (path);
}

static void
test_multiclass (void)
{
  g_autoptr(GString) csv = g_string_new ("x;colour;kind\n");
  g_autofree char *path = NULL;
  g_autoptr(PfScanResult) result = NULL;
  PfScanOptions options = { .target = "kind" };

  /* x determines the class exactly; colour is noise. */
  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (csv, "%u;%s;%s\n", i, (const char *[]) { "red", "green", "blue", "grey" }[(i * 7) % 4],
                            (const char *[]) { "a", "b", "c" }[i / 1000]);
  path = write_temp (csv->str, csv->len);
  result = scan_path (path, &options);

  g_assert_cmpint (result->delimiter, ==, ';');
  g_assert_cmpuint (result->n_classes, ==, 3);
  g_assert_cmpint (column (result, "x")->leak_measure, ==, PF_LEAK_MEASURE_ASSOCIATION);
  g_assert_cmpfloat (column (result, "x")->leak_score, >, 0.9);
  g_assert_cmpfloat (column (result, "colour")->leak_score, <, 0.1);
  g_unlink (path);
}

static void
test_column_types (void)
{
  for (guint t = 0; t < PF_N_COLUMN_TYPES; t++)
    {
      g_assert_cmpint (pf_column_type_from_id (pf_column_type_id (t)), ==, t);
      g_assert_cmpstr (pf_column_type_describe (t), !=, "");
    }
}

static void
test_peek (void)
{
  g_autofree char *path = write_temp ("name\tage\nAda\t36\n", -1);
  g_autofree char *no_header = write_temp ("1,2\n3,4\n5,6\n", -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) file2 = g_file_new_for_path (no_header);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  char delimiter = 0;
  gboolean has_header = FALSE;

  names = pf_scan_peek_columns (file, NULL, &delimiter, &has_header, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names), ==, 2);
  g_assert_cmpstr (names[0], ==, "name");
  g_assert_cmpstr (names[1], ==, "age");
  g_assert_cmpint (delimiter, ==, '\t');
  g_assert_true (has_header);
  g_clear_pointer (&names, g_strfreev);

  names = pf_scan_peek_columns (file2, NULL, &delimiter, &has_header, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (has_header);
  g_assert_cmpuint (g_strv_length (names), ==, 2);
  g_unlink (path);
  g_unlink (no_header);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scan/sample/file", test_sample_file);
  g_test_add_func ("/scan/sample/types", test_sample_types);
  g_test_add_func ("/scan/sample/leakage", test_sample_leakage);
  g_test_add_func ("/scan/sample/personal-data", test_sample_personal_data);
  g_test_add_func ("/scan/threads-agree", test_threads_agree);
  g_test_add_func ("/scan/reidentification", test_reidentification);
  g_test_add_func ("/scan/many-distinct", test_many_distinct);
  g_test_add_func ("/scan/sampled-counts", test_sampled_counts);
  g_test_add_func ("/scan/corpus", test_corpus);
  g_test_add_func ("/scan/top-values-kept", test_top_values_kept);
  g_test_add_func ("/scan/utf16", test_utf16);
  g_test_add_func ("/scan/wide", test_wide);
  g_test_add_func ("/scan/numeric-target", test_numeric_target);
  g_test_add_func ("/scan/quality-rules", test_quality_rules);
  g_test_add_func ("/scan/missing-and-problems", test_missing_and_problems);
  g_test_add_func ("/scan/errors", test_errors);
  g_test_add_func ("/scan/cancel", test_cancel);
  g_test_add_func ("/scan/multiclass", test_multiclass);
  g_test_add_func ("/scan/column-types", test_column_types);
  g_test_add_func ("/scan/peek", test_peek);

  return g_test_run ();
}
