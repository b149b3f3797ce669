/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Benchmark of the report on the large project of bench-document (5,000
 * features, 1,000 assumptions, 20,000 audit entries), each figure the
 * median of PF_BENCH_REPEAT runs (default 5); `preflight check` has its
 * own, bench-check:
 *
 *   model      pf_report_new(): the report's content, on the main thread;
 *   html, md, json, pdf
 *              the model plus its rendering: what an export costs before
 *              the file is written.
 *
 * Fails when a median exceeds the budget: HTML ≤ 0.5 s, PDF ≤ 2 s.
 *
 *   bench-report BENCH-DOCUMENT CATALOG
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "pf-catalog.h"
#include "pf-document.h"
#include "bench-util.h"
#include "pf-readiness.h"
#include "pf-report.h"

#define BUDGET_HTML_MS  500.0
#define BUDGET_PDF_MS   2000.0

/* Reads the project and verifies its audit chain, as an export finds it. */
static PfDocument *
load (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  PfAuditStatus status = { 0 };
  PfDocument *document;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s", error->message);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  if (!(document = pf_document_new_from_bytes (bytes, &error)))
    g_error ("%s", error->message);
  pf_document_verify_audit (document, &status);
  pf_audit_status_clear (&status);

  return document;
}

int
main (int   argc,
      char *argv[])
{
  static const struct
  {
    const char     *name;
    PfReportFormat  format;
    double          budget;
  } formats[] = {
    { "html", PF_REPORT_HTML, BUDGET_HTML_MS },
    { "md", PF_REPORT_MARKDOWN, 0 },
    { "json", PF_REPORT_JSON, 0 },
    { "pdf", PF_REPORT_PDF, BUDGET_PDF_MS },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(PfCatalog) catalog = NULL;
  g_autoptr(GFile) catalog_file = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *path = NULL;
  GArray *model_ms = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *format_ms[G_N_ELEMENTS (formats)];
  gsize sizes[G_N_ELEMENTS (formats)] = { 0 };
  guint n_blockers = 0;
  guint repeat = 5;
  PfVerdict verdict = PF_VERDICT_READY;
  gboolean ok = TRUE;
  int status;

  setlocale (LC_ALL, "");

  if (argc != 3)
    {
      g_printerr ("usage: bench-report BENCH-DOCUMENT CATALOG\n");
      return 2;
    }
  if (g_getenv ("PF_BENCH_REPEAT"))
    repeat = MAX (3, atoi (g_getenv ("PF_BENCH_REPEAT")));

  catalog_file = g_file_new_for_path (argv[2]);
  if (!(catalog = pf_catalog_new_from_file (catalog_file, &error)))
    g_error ("%s", error->message);

  if (!(tmpdir = g_dir_make_tmp ("preflight-bench-XXXXXX", &error)))
    g_error ("%s", error->message);
  path = g_build_filename (tmpdir, "large.preflight", NULL);
  {
    const char *write_argv[] = { argv[1], "--write", path, NULL };

    if (!g_spawn_sync (NULL, (char **)write_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error) ||
        !g_spawn_check_wait_status (status, &error))
      g_error ("bench-document --write: %s", error->message);
  }

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    format_ms[f] = g_array_new (FALSE, FALSE, sizeof (double));

  /* The first round warms the page cache and the font caches; it is not counted. */
  for (guint r = 0; r <= repeat; r++)
    {
      g_autoptr(PfDocument) document = NULL;
      g_autoptr(PfReadiness) readiness = NULL;
      double start;
      double t;

      document = load (path);
      readiness = pf_readiness_evaluate (catalog, document);
      verdict = readiness->verdict;
      n_blockers = readiness->n_blockers;

      for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
        {
          g_autoptr(PfReport) report = NULL;
          g_autoptr(GBytes) bytes = NULL;
          double model;

          start = bench_now_ms ();
          report = pf_report_new (catalog, document, readiness, NULL);
          model = bench_now_ms () - start;
          if (!(bytes = pf_report_render (report, formats[f].format, PF_PAPER_A4, NULL, &error)))
            g_error ("%s: %s", formats[f].name, error->message);
          t = bench_now_ms () - start;
          sizes[f] = g_bytes_get_size (bytes);
          if (r > 0)
            {
              g_array_append_val (format_ms[f], t);
              if (f == 0)
                g_array_append_val (model_ms, model);
            }
        }
    }

  printf ("Report benchmark: the bench-document project (5,000 features, 1,000 assumptions, "
          "20,000 audit entries), median of %u runs\n", repeat);
  printf ("  verdict %s with %u blockers\n", pf_verdict_get_id (verdict), n_blockers);
  printf ("  %-40s %10s %10s\n", "figure", "median", "budget");
  printf ("  %-40s %10.1f %10s\n", "report model (ms)", bench_median (model_ms), "");
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *name = g_strdup_printf ("%s: model + render (ms), %.1f MB", formats[f].name,
                                               sizes[f] / (1024.0 * 1024.0));

      if (formats[f].budget > 0)
        printf ("  %-40s %10.1f %10.0f\n", name, bench_median (format_ms[f]), formats[f].budget);
      else
        printf ("  %-40s %10.1f %10s\n", name, bench_median (format_ms[f]), "");
    }

  ok &= bench_median (format_ms[0]) <= BUDGET_HTML_MS;
  ok &= bench_median (format_ms[3]) <= BUDGET_PDF_MS;
  printf ("%s\n", ok ? "Within budget" : "OVER BUDGET");

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    g_array_unref (format_ms[f]);
  g_array_unref (model_ms);
  g_remove (path);
  g_rmdir (tmpdir);

  return ok ? 0 : 1;
}
