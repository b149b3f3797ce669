/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Benchmark of a large project: 5,000 features, 1,000 assumptions and
 * 20,000 audit entries, made through the public API. Measures, each
 * repeated (PF_BENCH_REPEAT, default 7) and reported as median and min:
 *
 *   open    pf_document_load_async() of the file: read, parse, schema
 *           validation and audit verification, until the callback;
 *   save    pf_document_save_async() to a temporary file, write included;
 *   verify  pf_document_verify_audit();
 *
 * plus the file's size and the peak memory (VmHWM) of a fresh process that
 * only opens the file and verifies its audit trail. Then the same work in
 * phases (read, UTF-8 check, JSON parse, schema validation, audit
 * verification, serialization, write), to show where the time goes.
 *
 * Fails when a median or the peak memory exceeds its budget (issue figures):
 * open ≤ 150 ms, save ≤ 150 ms, verify ≤ 100 ms, peak memory ≤ 100 MB.
 *
 *   bench-document                 the benchmark
 *   bench-document --write F       only writes the project to F (for profiling:
 *                                  valgrind --tool=callgrind bench-document --open-only F)
 *   bench-document --open-only F   opens F and verifies it: the child measured for memory
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pf-audit.h"
#include "pf-document.h"
#include "pf-json-parser.h"
#include "pf-schema.h"

#define N_FEATURES    5000
#define N_ASSUMPTIONS 1000
#define N_AUDIT       20000

#define BUDGET_OPEN_MS   150.0
#define BUDGET_SAVE_MS   150.0
#define BUDGET_VERIFY_MS 100.0
#define BUDGET_PEAK_MB   100.0

#define CHECK_OK(call, error) \
  G_STMT_START { \
    if (!(call)) \
      g_error ("%s: %s", #call, (error) ? (error)->message : "failed"); \
  } G_STMT_END

/* ------------------------------------------------------------ helpers */

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

typedef struct
{
  double median;
  double min;
} Figure;

static Figure
summarize (GArray *samples)
{
  Figure figure;
  guint n = samples->len;

  g_array_sort (samples, compare_doubles);
  figure.min = g_array_index (samples, double, 0);
  figure.median = n % 2 ? g_array_index (samples, double, n / 2)
                        : (g_array_index (samples, double, n / 2 - 1) + g_array_index (samples, double, n / 2)) / 2;
  return figure;
}

/* Runs the default main context until *done. */
static void
wait_for (gboolean *done)
{
  while (!*done)
    g_main_context_iteration (NULL, TRUE);
}

typedef struct
{
  gboolean    done;
  PfDocument *document;
  gboolean    saved;
  GError     *error;
} AsyncResult;

static void
load_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  AsyncResult *r = user_data;

  r->document = pf_document_load_finish (result, &r->error);
  r->done = TRUE;
}

static PfDocument *
load (GFile *file)
{
  AsyncResult r = { 0 };

  pf_document_load_async (file, NULL, load_cb, &r);
  wait_for (&r.done);
  CHECK_OK (r.document != NULL, r.error);
  return r.document;
}

static void
save_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  AsyncResult *r = user_data;

  r->saved = pf_document_save_finish (PF_DOCUMENT (source), result, &r->error);
  r->done = TRUE;
}

static void
save (PfDocument *document,
      GFile      *file)
{
  AsyncResult r = { 0 };

  pf_document_save_async (document, file, TRUE, NULL, save_cb, &r);
  wait_for (&r.done);
  CHECK_OK (r.saved, r.error);
}

static void
verify (PfDocument *document)
{
  PfAuditStatus status = { 0 };

  pf_document_verify_audit (document, &status);
  if (status.broken_at != 0 || status.n_entries != N_AUDIT)
    g_error ("audit: %u entries, broken at %u: %s", status.n_entries, status.broken_at, status.problem);
  pf_audit_status_clear (&status);
}

/* Peak resident memory of this process so far, in kB. */
static guint64
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      !(line = strstr (status, "VmHWM:")))
    return 0;

  return g_ascii_strtoull (line + strlen ("VmHWM:"), NULL, 10);
}

/* ------------------------------------------------------------ the project */

static void
set_string (PfDocument *document,
            const char *reg,
            const char *id,
            const char *field,
            const char *value)
{
  g_autofree char *object = g_strconcat (reg, "/", id, NULL);
  g_autoptr(GError) error = NULL;

  CHECK_OK (pf_document_set_string (document, object, field, value, &error), error);
}

static guint
n_audit (PfDocument *document)
{
  return json_array_get_length (pf_document_get_audit (document));
}

/* Each added record and each change of a field is an audit entry: changes
 * go to a different record each time, so none coalesce with the one before. */
static PfDocument *
make_project (void)
{
  static const char * const verdicts[] = { "keep", "drop", "transform" };
  static const char * const known_at[] = { "before", "at", "after" };
  PfDocument *document = pf_document_new ();
  g_autoptr(GPtrArray) features = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) assumptions = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *withdrawn = NULL;
  char *id;
  guint round;

  pf_document_set_actor (document, "Benchmark");
  CHECK_OK (pf_document_set_string (document, "metadata", "title", "Large benchmark project", &error), error);
  CHECK_OK (pf_document_change_business_question (document, "Which customers will cancel within 60 days?",
                                                  "Top-decile lift ≥ 3", NULL, &error), error);

  for (guint i = 0; i < N_FEATURES; i++)
    {
      CHECK_OK ((id = pf_document_add_record (document, "features", &error)), error);
      g_ptr_array_add (features, id);
    }
  for (guint i = 0; i < N_ASSUMPTIONS; i++)
    {
      CHECK_OK ((id = pf_document_add_record (document, "assumptions", &error)), error);
      g_ptr_array_add (assumptions, id);
    }

  /* Fill the records in rounds, one field per round, until the trail is
   * long enough (leaving room for the sign-off records). */
  for (round = 0; n_audit (document) < N_AUDIT - 6; round++)
    {
      for (guint i = 0; i < features->len && n_audit (document) < N_AUDIT - 6; i++)
        {
          const char *feature = g_ptr_array_index (features, i);
          g_autofree char *text = NULL;

          switch (round % 5)
            {
            case 0:
              text = g_strdup_printf ("customer_%s_count_90d", feature);
              set_string (document, "features", feature, "name", text);
              break;
            case 1:
              text = g_strdup_printf ("Number of %s events in the 90 days before the prediction point, "
                                      "from the billing warehouse", feature);
              set_string (document, "features", feature, "description", text);
              break;
            case 2:
              set_string (document, "features", feature, "known-at", known_at[i % 3]);
              break;
            case 3:
              set_string (document, "features", feature, "verdict", verdicts[i % 3]);
              break;
            default:
              set_string (document, "features", feature, "reviewer", "Grace Hopper");
              break;
            }

          if (i < assumptions->len && n_audit (document) < N_AUDIT - 6)
            {
              const char *assumption = g_ptr_array_index (assumptions, i);

              text = (g_free (text), g_strdup_printf ("Assumption %s holds for round %u of the review", assumption, round));
              set_string (document, "assumptions", assumption, round % 2 ? "evidence" : "statement", text);
            }
        }
    }

  CHECK_OK ((id = pf_document_sign_off (document, "leakage-review", "Grace Hopper", "Lead data scientist",
                                        "approved", NULL, &error)), error);
  g_free (id);
  CHECK_OK ((id = pf_document_sign_off (document, "phase:business-understanding", "Ada Lovelace", "Sponsor",
                                        "approved", NULL, &error)), error);
  g_free (id);
  CHECK_OK ((id = pf_document_sign_off (document, "privacy-review", "Alan Turing", "Data protection officer",
                                        "approved-with-conditions", "Pseudonymise customer ids", &error)), error);
  g_free (id);
  CHECK_OK ((withdrawn = pf_document_sign_off (document, "project", "Ada Lovelace", "Sponsor",
                                               "reviewed", NULL, &error)), error);
  CHECK_OK ((id = pf_document_withdraw_sign_off (document, withdrawn, "Ada Lovelace", "Sponsor",
                                                 "Signed too early", &error)), error);
  g_free (id);
  /* Makes the leakage review sign-off stale. */
  set_string (document, "features", g_ptr_array_index (features, 0), "verdict", "pending");

  while (n_audit (document) < N_AUDIT)
    pf_document_record_event (document, "export", "project", "report.pdf");

  if (n_audit (document) != N_AUDIT)
    g_error ("made %u audit entries, not %d", n_audit (document), N_AUDIT);

  return document;
}

/* ------------------------------------------------------------ the child */

static int
open_only (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PfDocument) document = load (file);

  verify (document);
  printf ("%" G_GUINT64_FORMAT "\n", peak_rss_kb ());
  return 0;
}

/* The peak memory of a fresh process running this program with @args. */
static double
child_peak_mb (const char *self,
               const char *mode,
               const char *path)
{
  const char *argv[] = { self, mode, path, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status;

  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &wait_status, &error) ||
      !g_spawn_check_wait_status (wait_status, &error))
    g_error ("%s %s: %s", self, mode, error->message);

  return g_ascii_strtoull (out, NULL, 10) / 1024.0;
}

/* ------------------------------------------------------------ phases */

static void
phases (const char *path,
        const char *save_path,
        guint       repeat)
{
  const char *names[] = { "read file", "UTF-8 check", "parse, audit kept as text", "schema validation",
                          "verify, from the text", "serialize", "write (replace)" };
  GArray *samples[G_N_ELEMENTS (names)];

  for (guint p = 0; p < G_N_ELEMENTS (names); p++)
    samples[p] = g_array_new (FALSE, FALSE, sizeof (double));

  /* The steps of pf_document_load_async(), then of a verification and a
   * save, each timed alone. */
  for (guint r = 0; r < repeat; r++)
    {
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(PfDocument) document = NULL;
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (PfJsonSpan));
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GFile) out = g_file_new_for_path (save_path);
      g_autoptr(GFile) in = g_file_new_for_path (path);
      PfAuditStatus status = { 0 };
      gsize length;
      /* One more than the steps: the load between them is not timed. */
      double t[G_N_ELEMENTS (names) + 2];

      t[0] = now_ms ();
      CHECK_OK (g_file_get_contents (path, &contents, &length, &error), error);
      t[1] = now_ms ();
      g_assert_true (g_utf8_validate_len (contents, length, NULL));
      t[2] = now_ms ();
      CHECK_OK ((root = pf_json_parse_with_raw_member (contents, length, "audit", spans, &error)), error);
      t[3] = now_ms ();
      CHECK_OK (pf_schema_validate (json_node_get_object (root), &error), error);
      t[4] = now_ms ();

      /* Not timed: the document, loaded as the app does. */
      document = load (in);

      t[5] = now_ms ();
      pf_document_verify_audit (document, &status);
      t[6] = now_ms ();
      pf_audit_status_clear (&status);
      bytes = pf_document_serialize (document);
      t[7] = now_ms ();
      CHECK_OK (g_file_replace_contents (out, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                         NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error),
                error);
      t[8] = now_ms ();

      for (guint p = 0; p < 4; p++)
        g_array_append_vals (samples[p], (double[]) { t[p + 1] - t[p] }, 1);
      for (guint p = 4; p < G_N_ELEMENTS (names); p++)
        g_array_append_vals (samples[p], (double[]) { t[p + 2] - t[p + 1] }, 1);
    }

  printf ("\nWhere the time goes (median / min of %u, ms):\n", repeat);
  for (guint p = 0; p < G_N_ELEMENTS (names); p++)
    {
      Figure f = summarize (samples[p]);

      printf ("  %-24s %8.1f %8.1f\n", names[p], f.median, f.min);
      g_array_unref (samples[p]);
    }
}

/* ------------------------------------------------------------ main */

static gboolean
report (const char *name,
        Figure      figure,
        const char *unit,
        double      budget)
{
  gboolean ok = figure.median <= budget;

  printf ("%s: %.1f %s (budget %.0f %s) %s\n", name, figure.median, unit, budget, unit,
          ok ? "OK" : "OVER BUDGET");
  return ok;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PfDocument) generated = NULL;
  g_autoptr(PfDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) save_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *save_path = NULL;
  GArray *open_ms = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *save_ms = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *verify_ms = g_array_new (FALSE, FALSE, sizeof (double));
  Figure open_figure, save_figure, verify_figure, peak_figure;
  GStatBuf st;
  guint repeat = 7;
  double t, peak_mb, baseline_mb;
  gboolean ok = TRUE;

  setlocale (LC_ALL, "");

  if (argc == 3 && g_str_equal (argv[1], "--open-only"))
    return open_only (argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "--write"))
    {
      g_autoptr(GFile) out = g_file_new_for_path (argv[2]);

      generated = make_project ();
      save (generated, out);
      return 0;
    }
  if (argc == 3 && g_str_equal (argv[1], "--baseline"))
    {
      /* The same process without the project: GLib, GIO and the types. */
      g_autoptr(PfDocument) empty = pf_document_new ();

      printf ("%" G_GUINT64_FORMAT "\n", peak_rss_kb ());
      return 0;
    }

  if (g_getenv ("PF_BENCH_REPEAT"))
    repeat = MAX (5, atoi (g_getenv ("PF_BENCH_REPEAT")));

  CHECK_OK ((tmpdir = g_dir_make_tmp ("preflight-bench-XXXXXX", &error)), error);
  path = g_build_filename (tmpdir, "large.preflight", NULL);
  save_path = g_build_filename (tmpdir, "saved.preflight", NULL);
  file = g_file_new_for_path (path);
  save_file = g_file_new_for_path (save_path);

  t = now_ms ();
  generated = make_project ();
  printf ("Generated %d features, %d assumptions, %u audit entries through the API in %.1f s\n",
          N_FEATURES, N_ASSUMPTIONS, n_audit (generated), (now_ms () - t) / 1000);
  save (generated, file);
  g_clear_object (&generated);
  g_assert_true (g_stat (path, &st) == 0);

  /* One warm-up round: the file is in the page cache for every run. */
  document = load (file);
  save (document, save_file);
  verify (document);
  g_clear_object (&document);

  for (guint r = 0; r < repeat; r++)
    {
      double start = now_ms ();

      document = load (file);
      g_array_append_vals (open_ms, (double[]) { now_ms () - start }, 1);

      start = now_ms ();
      save (document, save_file);
      g_array_append_vals (save_ms, (double[]) { now_ms () - start }, 1);

      start = now_ms ();
      verify (document);
      g_array_append_vals (verify_ms, (double[]) { now_ms () - start }, 1);

      g_clear_object (&document);
    }

  peak_mb = child_peak_mb (argv[0], "--open-only", path);
  baseline_mb = child_peak_mb (argv[0], "--baseline", path);

  open_figure = summarize (open_ms);
  save_figure = summarize (save_ms);
  verify_figure = summarize (verify_ms);
  peak_figure.median = peak_figure.min = peak_mb;

  printf ("\nDocument benchmark: %d features, %d assumptions, %d audit entries, %u runs each\n",
          N_FEATURES, N_ASSUMPTIONS, N_AUDIT, repeat);
  printf ("  %-34s %10s %10s %10s\n", "figure", "median", "min", "budget");
  printf ("  %-34s %10.1f %10.1f %10.0f\n", "open (load_async, ms)", open_figure.median, open_figure.min, BUDGET_OPEN_MS);
  printf ("  %-34s %10.1f %10.1f %10.0f\n", "save (save_async, ms)", save_figure.median, save_figure.min, BUDGET_SAVE_MS);
  printf ("  %-34s %10.1f %10.1f %10.0f\n", "verify (verify_audit, ms)", verify_figure.median, verify_figure.min, BUDGET_VERIFY_MS);
  printf ("  %-34s %10.1f %10s %10.0f\n", "peak RSS open+verify (MB)", peak_mb, "", BUDGET_PEAK_MB);
  printf ("  %-34s %10.1f %10s %10s\n", "  of which process baseline (MB)", baseline_mb, "", "");
  printf ("  %-34s %10.2f %10s %10s\n", "file size (MB)", st.st_size / (1024.0 * 1024.0), "", "");

  phases (path, save_path, repeat);
  printf ("\n");

  ok &= report ("open", open_figure, "ms", BUDGET_OPEN_MS);
  ok &= report ("save", save_figure, "ms", BUDGET_SAVE_MS);
  ok &= report ("verify", verify_figure, "ms", BUDGET_VERIFY_MS);
  ok &= report ("peak memory", peak_figure, "MB", BUDGET_PEAK_MB);
  printf ("file size: %.2f MB (%" G_GINT64_FORMAT " bytes)\n", st.st_size / (1024.0 * 1024.0), (gint64)st.st_size);

  g_array_unref (open_ms);
  g_array_unref (save_ms);
  g_array_unref (verify_ms);
  g_unlink (path);
  g_unlink (save_path);
  g_rmdir (tmpdir);

  return ok ? 0 : 1;
}
