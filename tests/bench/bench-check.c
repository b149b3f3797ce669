/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Benchmark of the readiness check on the large project of bench-document
 * (5,000 features, 1,000 assumptions, 20,000 audit entries, a stale leakage
 * review sign-off whose changes must be named). Each figure is repeated
 * (PF_BENCH_REPEAT, default 7) and reported as median and min, each run on
 * a freshly read project, as `preflight check` sees it:
 *
 *   evaluate  pf_readiness_evaluate() alone;
 *   check     read the file, parse and verify it (pf_document_new_from_bytes),
 *             pf_readiness_evaluate() and pf_readiness_to_json();
 *   process   `preflight check --json FILE` as a process, start to exit;
 *   stale     pf_readiness_evaluate() on another project: 5,000 features,
 *             the whole project signed off, then each feature edited, so
 *             that the sign-off is stale with 5,000 changes to sort out.
 *
 * Fails when the median of check exceeds the budget of 100 ms.
 *
 *   bench-check BENCH-DOCUMENT CATALOG [PREFLIGHT]
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench-util.h"
#include "pf-readiness.h"

#define BUDGET_CHECK_MS 100.0

static void
run (const char * const *argv,
     gboolean            may_fail)
{
  g_autoptr(GError) error = NULL;
  int wait_status;

  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                     &wait_status, &error))
    g_error ("%s: %s", argv[0], error->message);
  if (!may_fail && !g_spawn_check_wait_status (wait_status, &error))
    g_error ("%s: %s", argv[0], error->message);
}

static PfDocument *
read_project (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *contents;
  gsize length;
  PfDocument *document;

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s", error->message);
  bytes = g_bytes_new_take (contents, length);
  if (!(document = pf_document_new_from_bytes (bytes, &error)))
    g_error ("%s", error->message);

  return document;
}

/* 5,000 features, the whole project signed, then every feature renamed. */
static PfDocument *
make_stale_project (void)
{
  PfDocument *document = pf_document_new ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *sign_off = NULL;

  pf_document_set_actor (document, "Benchmark");
  pf_document_begin_group (document);
  for (guint i = 0; i < 5000; i++)
    {
      char *id = pf_document_add_record (document, "features", &error);

      if (id == NULL)
        g_error ("%s", error->message);
      g_ptr_array_add (ids, id);
    }
  pf_document_end_group (document);

  if (!(sign_off = pf_document_sign_off (document, "project", "Ada Lovelace", "Sponsor", "approved", NULL, &error)))
    g_error ("%s", error->message);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *object = g_strconcat ("features/", (const char *)g_ptr_array_index (ids, i), NULL);
      g_autofree char *name = g_strdup_printf ("feature_%u", i);

      if (!pf_document_set_string (document, object, "name", name, &error))
        g_error ("%s", error->message);
    }

  return document;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PfCatalog) catalog = NULL;
  g_autoptr(GFile) catalog_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *path = NULL;
  GArray *evaluate_ms = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *check_ms = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *process_ms = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *stale_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(PfDocument) stale = NULL;
  guint repeat = 7;
  guint n_findings = 0, n_blockers = 0;
  double evaluate_median, check_median, process_median = 0, stale_median;
  gboolean ok;

  setlocale (LC_ALL, "");

  if (argc < 3)
    {
      g_printerr ("usage: bench-check BENCH-DOCUMENT CATALOG [PREFLIGHT]\n");
      return 2;
    }
  if (g_getenv ("PF_BENCH_REPEAT"))
    repeat = MAX (5, atoi (g_getenv ("PF_BENCH_REPEAT")));

  catalog_file = g_file_new_for_path (argv[2]);
  if (!(catalog = pf_catalog_new_from_file (catalog_file, &error)))
    g_error ("%s", error->message);

  if (!(tmpdir = g_dir_make_tmp ("preflight-bench-check-XXXXXX", &error)))
    g_error ("%s", error->message);
  path = g_build_filename (tmpdir, "large.preflight", NULL);
  run ((const char * const[]) { argv[1], "--write", path, NULL }, FALSE);

  /* One warm-up round: the file is in the page cache for every run. */
  {
    g_autoptr(PfDocument) document = read_project (path);
    g_autoptr(PfReadiness) readiness = pf_readiness_evaluate (catalog, document);

    n_findings = readiness->findings->len;
    n_blockers = readiness->n_blockers;
  }

  for (guint r = 0; r < repeat; r++)
    {
      double start = bench_now_ms (), loaded, evaluated;
      g_autoptr(PfDocument) document = read_project (path);
      g_autoptr(PfReadiness) readiness = NULL;
      g_autoptr(JsonNode) json = NULL;

      loaded = bench_now_ms ();
      readiness = pf_readiness_evaluate (catalog, document);
      evaluated = bench_now_ms ();
      json = pf_readiness_to_json (readiness);

      g_array_append_vals (evaluate_ms, (double[]) { evaluated - loaded }, 1);
      g_array_append_vals (check_ms, (double[]) { bench_now_ms () - start }, 1);
    }

  if (argc > 3)
    {
      for (guint r = 0; r < repeat; r++)
        {
          double start = bench_now_ms ();

          /* Exit status 1: the project is not ready. */
          run ((const char * const[]) { argv[3], "check", "--json", path, NULL }, TRUE);
          g_array_append_vals (process_ms, (double[]) { bench_now_ms () - start }, 1);
        }
      process_median = bench_median (process_ms);
    }

  stale = make_stale_project ();
  for (guint r = 0; r < repeat; r++)
    {
      double start = bench_now_ms ();
      g_autoptr(PfReadiness) readiness = pf_readiness_evaluate (catalog, stale);

      g_array_append_vals (stale_ms, (double[]) { bench_now_ms () - start }, 1);
    }

  evaluate_median = bench_median (evaluate_ms);
  check_median = bench_median (check_ms);

  printf ("\nReadiness check: 5,000 features, 1,000 assumptions, 20,000 audit entries "
          "(%u findings, %u blockers), %u runs each\n", n_findings, n_blockers, repeat);
  printf ("  %-52s %10s %10s %10s\n", "figure", "median", "min", "budget");
  printf ("  %-52s %10.1f %10.1f %10s\n", "evaluate (pf_readiness_evaluate, ms)",
          evaluate_median, g_array_index (evaluate_ms, double, 0), "");
  printf ("  %-52s %10.1f %10.1f %10.0f\n", "check (read + parse + verify + evaluate, ms)",
          check_median, g_array_index (check_ms, double, 0), BUDGET_CHECK_MS);
  if (argc > 3)
    printf ("  %-52s %10.1f %10.1f %10s\n", "`preflight check --json` process (ms)",
            process_median, g_array_index (process_ms, double, 0), "");

  stale_median = bench_median (stale_ms);
  printf ("  %-52s %10.1f %10.1f %10s\n", "evaluate, whole project stale (5,000 changes, ms)",
          stale_median, g_array_index (stale_ms, double, 0), "");

  ok = check_median <= BUDGET_CHECK_MS;
  printf ("\ncheck: %.1f ms (budget %.0f ms) %s\n", check_median, BUDGET_CHECK_MS, ok ? "OK" : "OVER BUDGET");

  g_unlink (path);
  g_rmdir (tmpdir);
  g_array_unref (evaluate_ms);
  g_array_unref (check_ms);
  g_array_unref (process_ms);
  g_array_unref (stale_ms);

  return ok ? 0 : 1;
}
