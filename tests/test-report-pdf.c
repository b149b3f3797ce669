/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "pf-readiness.h"
#include "pf-report.h"

/* The PDF renderer, checked from the outside with poppler's pdfinfo and
 * pdftotext: pages, paper, metadata, and the text a reader sees. */

#define HOSTILE_WORD_LENGTH 500

static PfCatalog *
load_catalog (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "catalog", "crisp-dm.catalog", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PfCatalog *catalog = pf_catalog_new_from_file (file, &error);

  g_assert_no_error (error);
  return catalog;
}

static void
replace (char       **field,
         const char  *text)
{
  g_free (*field);
  *field = g_strdup (text);
}

static char *
hostile_word (void)
{
  GString *word = g_string_new (NULL);

  for (guint i = 0; i < HOSTILE_WORD_LENGTH; i++)
    g_string_append_c (word, 'a' + i % 26);

  return g_string_free (word, FALSE);
}

/* A report built by hand: every kind of block, a 200-row table and text
 * meant to break a renderer. */
static PfReport *
build_report (guint n_rows)
{
  g_autoptr(PfCatalog) catalog = load_catalog ();
  g_autoptr(PfDocument) document = pf_document_new ();
  g_autoptr(PfReadiness) readiness = pf_readiness_evaluate (catalog, document);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 26, 9, 30, 0);
  g_autofree char *word = hostile_word ();
  static const char * const columns[] = { "Feature", "Decision", "Reviewed by", NULL };
  static const double widths[] = { 0.5, 0.25, 0.25 };
  PfReport *report = pf_report_new (catalog, document, readiness, now);
  PfReportBlock *block;

  /* The blocks below replace the content pf_report_new() built. */
  g_ptr_array_set_size (report->blocks, 0);
  replace (&report->title, "Customer churn <b>model</b>");
  replace (&report->description, "Predict which customers cancel within 90 days.");
  replace (&report->author, "Ada Lovelace");
  replace (&report->verdict_summary, "3 blockers stand between this model and deployment.");
  replace (&report->anchor, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
  report->verdict = PF_VERDICT_NOT_READY;
  report->n_audit_entries = 42;
  report->audit_intact = TRUE;

  pf_report_add_heading (report, 1, "Executive summary", "summary");
  pf_report_add_paragraph (report, "The model is not ready: <script>alert(1)</script> and **bold** stay text.", PF_TONE_BAD);
  pf_report_add_paragraph (report, "Bell\a, escape\x1b[31m, NUL-free but tab\tand\r\nnew line.", PF_TONE_NONE);
  pf_report_add_paragraph (report, word, PF_TONE_NONE);
  pf_report_add_chart (report);

  pf_report_add_heading (report, 2, "Blockers", "blockers");
  block = pf_report_add_list (report);
  pf_report_block_add_item (block, NULL, "A leaky feature is kept", "calls_30d is known only after cancelling.", PF_TONE_BAD);
  pf_report_block_add_item (block, NULL, "The sponsor's sign-off is stale", NULL, PF_TONE_WARNING);
  pf_report_block_add_item (block, NULL, "Not applicable", NULL, PF_TONE_MUTED);

  pf_report_add_heading (report, 1, "Business understanding", "phase-business-understanding");
  block = pf_report_add_fields (report);
  pf_report_block_add_item (block, "What is the business question?", "Which customers will cancel?", "Answered by Ada", PF_TONE_NONE);
  pf_report_block_add_item (block, "Success criterion", word, NULL, PF_TONE_GOOD);

  pf_report_add_heading (report, 1, "Leakage review", "leakage");
  block = pf_report_add_table (report, "Features", columns, widths);
  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *name = g_strdup_printf ("feature_%03u", i);
      const char *cells[] = { name, i % 7 == 0 ? "Dropped" : "Kept", "Grace Hopper", NULL };
      PfTone tones[] = { PF_TONE_NONE, i % 7 == 0 ? PF_TONE_WARNING : PF_TONE_GOOD, PF_TONE_NONE };

      pf_report_table_add_row (block, cells, tones);
    }

  return report;
}

static gboolean
run (const char * const  *argv,
     char               **output)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, output, NULL, &status, &error);
  g_assert_no_error (error);

  return g_spawn_check_wait_status (status, NULL);
}

static gboolean
have_poppler (void)
{
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  if (pdfinfo == NULL || pdftotext == NULL)
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are not installed");
      return FALSE;
    }

  return TRUE;
}

/* Renders @report to a temporary file; returns its path. */
static char *
render_to_file (const PfReport *report,
                PfPaper         paper)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  char *path = NULL;
  int fd;

  pdf = pf_report_render_pdf (report, paper, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  g_assert_true (g_bytes_get_size (pdf) > 1000);
  g_assert_true (memcmp (g_bytes_get_data (pdf, NULL), "%PDF-", 5) == 0);

  fd = g_file_open_tmp ("test-report-XXXXXX.pdf", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error);
  g_assert_no_error (error);

  /* For a look at the pages: PF_TEST_KEEP_PDF=DIR keeps a copy. */
  if (g_getenv ("PF_TEST_KEEP_PDF") != NULL)
    {
      static guint count;
      g_autofree char *name = g_strdup_printf ("%02u-%s-%s.pdf", ++count, g_test_get_path () + strlen ("/report-pdf/"),
                                               paper == PF_PAPER_LETTER ? "letter" : "a4");
      g_autofree char *copy = g_build_filename (g_getenv ("PF_TEST_KEEP_PDF"), name, NULL);

      g_file_set_contents (copy, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error);
      g_assert_no_error (error);
    }

  return path;
}

static char *
pdf_info (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  char *output = NULL;

  g_assert_true (run (argv, &output));
  return output;
}

/* The text of each page, in order. */
static char **
pdf_pages (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *output = NULL;

  g_assert_true (run (argv, &output));
  return g_strsplit (output, "\f", -1);
}

static guint
info_get_pages (const char *info)
{
  const char *line = strstr (info, "Pages:");

  g_assert_nonnull (line);
  return (guint)g_ascii_strtoull (line + strlen ("Pages:"), NULL, 10);
}

static void
assert_has_line (const char *info,
                 const char *key,
                 const char *value)
{
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], key) && strstr (lines[i], value) != NULL)
      return;

  g_error ("pdfinfo has no %s with %s:\n%s", key, value, info);
}

/* pdftotext breaks a long word where the layout wrapped it; join again. */
static char *
without_space (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (out, *p);

  return g_string_free (out, FALSE);
}

/* Every font is embedded, so the report looks the same everywhere. */
static void
assert_fonts_embedded (const char *path)
{
  const char *argv[] = { "pdffonts", path, NULL };
  g_autofree char *program = g_find_program_in_path ("pdffonts");
  g_autofree char *output = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_fonts = 0;

  if (program == NULL)
    return;

  g_assert_true (run (argv, &output));
  lines = g_strsplit (output, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >, 2);
  /* A header line, a line of dashes, then a font a line: name, type,
   * encoding, then "yes"/"no" for embedded, subset and Unicode. */
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = NULL;
      g_autoptr(GPtrArray) columns = g_ptr_array_new ();

      if (lines[i][0] == '\0')
        continue;
      words = g_strsplit_set (lines[i], " ", -1);
      for (guint j = 0; words[j] != NULL; j++)
        if (words[j][0] != '\0')
          g_ptr_array_add (columns, words[j]);
      /* … emb sub uni, then the object's number and generation */
      g_assert_cmpuint (columns->len, >=, 6);
      g_assert_cmpstr (g_ptr_array_index (columns, columns->len - 5), ==, "yes");
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >, 0);
}

/* The contents give @heading the page it is on. */
static void
assert_contents (const char *path,
                 const char *heading,
                 char      **pages)
{
  const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", "-f", "2", "-l", "2", path, "-", NULL };
  g_autofree char *output = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (run (argv, &output));
  lines = g_strsplit (output, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *found = strstr (lines[i], heading);
      guint64 page;

      if (found == NULL)
        continue;

      page = g_ascii_strtoull (g_strchug (lines[i] + (found - lines[i]) + strlen (heading)), NULL, 10);
      g_assert_cmpuint (page, >, 2);
      g_assert_cmpuint (page, <=, g_strv_length (pages));
      g_assert_nonnull (strstr (pages[page - 1], heading));
      /* Not on the page before, unless that is the contents */
      if (page > 3)
        g_assert_null (strstr (pages[page - 2], heading));
      return;
    }

  g_error ("%s is not in the contents:\n%s", heading, output);
}

static void
check_document (PfPaper     paper,
                const char *size_line)
{
  g_autoptr(PfReport) report = NULL;
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  g_autofree char *all = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *word = hostile_word ();
  g_autofree char *page_2 = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_pages;
  guint with_header = 0;

  if (!have_poppler ())
    return;

  report = build_report (200);
  path = render_to_file (report, paper);
  info = pdf_info (path);
  n_pages = info_get_pages (info);
  g_assert_cmpuint (n_pages, >, 4);
  assert_has_line (info, "Page size:", size_line);
  assert_has_line (info, "Title:", "Customer churn <b>model</b>");
  assert_has_line (info, "Author:", "Ada Lovelace");
  assert_has_line (info, "Subject:", "Readiness report");
  assert_has_line (info, "Creator:", "Preflight " PACKAGE_VERSION);
  assert_has_line (info, "CreationDate:", "2026");

  assert_fonts_embedded (path);

  pages = pdf_pages (path);
  /* pdftotext ends the last page with a form feed too. */
  g_assert_cmpuint (g_strv_length (pages), >=, n_pages);

  /* The cover */
  g_assert_nonnull (strstr (pages[0], "NOT READY"));
  g_assert_nonnull (strstr (pages[0], "Customer churn <b>model</b>"));
  g_assert_nonnull (strstr (pages[0], "3 blockers stand between"));
  g_assert_nonnull (strstr (pages[0], "Ada Lovelace"));
  g_assert_nonnull (strstr (pages[0], "tamper-evident"));
  g_assert_nonnull (strstr (pages[0], "26 November 2026"));
  g_assert_null (strstr (pages[0], "Page 1 of"));
  g_assert_null (g_strrstr (pages[0], "ompliant"));

  /* The contents, then the body: a heading on a new page, the running
   * footer */
  g_assert_nonnull (strstr (pages[1], "Contents"));
  page_2 = g_strdup_printf ("Page 2 of %u", n_pages);
  g_assert_nonnull (strstr (pages[1], page_2));
  g_assert_nonnull (strstr (pages[2], "Executive summary"));
  g_assert_nonnull (strstr (pages[2], "<script>"));
  assert_contents (path, "Executive summary", pages);
  assert_contents (path, "Business understanding", pages);
  assert_contents (path, "Leakage review", pages);
  {
    g_autofree char *last = g_strdup_printf ("Page %u of %u", n_pages, n_pages);

    g_assert_nonnull (strstr (pages[n_pages - 1], last));
  }

  /* Hostile text comes out as text */
  all = g_strjoinv ("\n", pages);
  g_assert_nonnull (strstr (all, "<script>alert(1)</script>"));
  g_assert_nonnull (strstr (all, "**bold**"));
  g_assert_nonnull (strstr (all, "Bell"));
  g_assert_nonnull (strstr (all, "escape"));
  g_assert_null (strstr (all, "\x1b"));
  g_assert_null (strstr (all, "\a"));
  joined = without_space (all);
  g_assert_nonnull (strstr (joined, word));

  /* The table breaks over pages and its header comes again on each */
  for (guint i = 0; pages[i] != NULL; i++)
    if (strstr (pages[i], "feature_") != NULL)
      {
        g_assert_nonnull (strstr (pages[i], "Reviewed by"));
        with_header++;
      }
  g_assert_cmpuint (with_header, >=, 2);
  g_assert_nonnull (strstr (all, "Features (continued)"));
  g_assert_nonnull (strstr (all, "feature_000"));
  g_assert_nonnull (strstr (all, "feature_199"));

  g_unlink (path);
}

static void
test_report_pdf_a4 (void)
{
  check_document (PF_PAPER_A4, "595 x 842 pts (A4)");
}

static void
test_report_pdf_letter (void)
{
  check_document (PF_PAPER_LETTER, "612 x 792 pts (letter)");
}

/* A row taller than a page is split between its lines, not looped over. */
static void
test_report_pdf_tall_row (void)
{
  g_autoptr(PfReport) report = build_report (0);
  static const char * const columns[] = { "Name", "Text", NULL };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *all = NULL;
  PfReportBlock *table;

  if (!have_poppler ())
    return;

  for (guint i = 0; i < 400; i++)
    g_string_append_printf (text, "line %u of a very long answer\n", i);

  table = pf_report_add_table (report, NULL, columns, NULL);
  {
    const char *cells[] = { "short", text->str, NULL };

    pf_report_table_add_row (table, cells, NULL);
    pf_report_table_add_row (table, cells, NULL);
  }
  pf_report_add_paragraph (report, "After the table", PF_TONE_NONE);

  path = render_to_file (report, PF_PAPER_A4);
  info = pdf_info (path);
  g_assert_cmpuint (info_get_pages (info), >, 10);

  pages = pdf_pages (path);
  all = g_strjoinv ("\n", pages);
  g_assert_nonnull (strstr (all, "line 0 of a very long answer"));
  g_assert_nonnull (strstr (all, "line 399 of a very long answer"));
  g_assert_nonnull (strstr (all, "After the table"));
  g_unlink (path);
}

static void
test_report_pdf_empty (void)
{
  g_autoptr(PfCatalog) catalog = load_catalog ();
  g_autoptr(PfDocument) document = pf_document_new ();
  g_autoptr(PfReadiness) readiness = pf_readiness_evaluate (catalog, document);
  g_autoptr(PfReport) report = pf_report_new (catalog, document, readiness, NULL);
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  g_auto(GStrv) pages = NULL;

  if (!have_poppler ())
    return;

  g_ptr_array_set_size (report->blocks, 0);
  g_clear_pointer (&report->author, g_free);
  g_clear_pointer (&report->anchor, g_free);

  /* No blocks, no author, no anchor: only the cover. */
  path = render_to_file (report, PF_PAPER_A4);
  info = pdf_info (path);
  g_assert_cmpuint (info_get_pages (info), ==, 1);
  pages = pdf_pages (path);
  g_assert_nonnull (strstr (pages[0], "READY"));
  g_assert_nonnull (strstr (pages[0], "no anchor"));
  g_unlink (path);
}

/* Each verdict on the cover; a long title and description are cut (the
 * PDF's text keeps what an ellipsis hides), not pushed off the cover. */
static void
test_report_pdf_verdicts (void)
{
  static const struct
  {
    PfVerdict   verdict;
    const char *text;
  } cases[] = {
    { PF_VERDICT_NOT_READY, "NOT READY" },
    { PF_VERDICT_READY_WITH_CONDITIONS, "READY WITH CONDITIONS" },
    { PF_VERDICT_READY, "READY" },
  };
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GString) description = g_string_new (NULL);

  if (!have_poppler ())
    return;

  for (guint i = 0; i < 40; i++)
    g_string_append (title, "Churn ");
  for (guint i = 0; i < 400; i++)
    g_string_append (description, "A description that goes on. ");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PfReport) report = build_report (3);
      g_autofree char *path = NULL;
      g_auto(GStrv) pages = NULL;

      report->verdict = cases[i].verdict;
      if (cases[i].verdict == PF_VERDICT_READY)
        {
          replace (&report->title, title->str);
          replace (&report->description, description->str);
        }
      path = render_to_file (report, PF_PAPER_A4);
      pages = pdf_pages (path);
      g_assert_nonnull (strstr (pages[0], cases[i].text));
      g_assert_nonnull (strstr (pages[0], "tamper-evident"));
      g_assert_nonnull (strstr (pages[0], "9f86d081884c7d65"));
      g_assert_nonnull (strstr (pages[2], "Executive summary"));
      g_assert_nonnull (strstr (pages[0], "Readiness report"));
      g_assert_nonnull (strstr (pages[0], "26 November 2026"));
      g_unlink (path);
    }
}

/* Binary-safe, unlike g_strstr_len(): a PDF holds NUL bytes. */
static gboolean
contains (const char *data,
          gsize       size,
          const char *needle)
{
  gsize length = strlen (needle);

  for (gsize i = 0; i + length <= size; i++)
    if (memcmp (data + i, needle, length) == 0)
      return TRUE;

  return FALSE;
}

/* Level-1 and level-2 headings are bookmarks. */
static void
test_report_pdf_outline (void)
{
  g_autoptr(PfReport) report = build_report (3);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = pf_report_render_pdf (report, PF_PAPER_A4, NULL, &error);
  gsize size;
  const char *data = g_bytes_get_data (pdf, &size);

  g_assert_no_error (error);
  /* cairo writes the outline's objects uncompressed. */
  g_assert_true (contains (data, size, "/Outlines"));
  g_assert_true (contains (data, size, "(Executive summary)"));
  g_assert_true (contains (data, size, "(Blockers)"));
  g_assert_true (contains (data, size, "(Leakage review)"));
  /* The contents link to the chapters. */
  g_assert_true (contains (data, size, "/Subtype /Link"));
  g_assert_true (contains (data, size, "/Dest (chapter-2)"));
  g_assert_true (contains (data, size, "(chapter-2) ["));
}

static void
test_report_pdf_cancelled (void)
{
  g_autoptr(PfReport) report = build_report (200);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;

  g_cancellable_cancel (cancellable);
  pdf = pf_report_render_pdf (report, PF_PAPER_A4, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (pdf);
}

static gpointer
cancel_thread (gpointer data)
{
  g_usleep (20 * G_TIME_SPAN_MILLISECOND);
  g_cancellable_cancel (data);

  return NULL;
}

/* Cancelled while it renders a long report: it stops at the next page. */
static void
test_report_pdf_cancelled_midway (void)
{
  g_autoptr(PfReport) report = build_report (5000);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  GThread *thread = g_thread_new ("cancel", cancel_thread, cancellable);

  pdf = pf_report_render_pdf (report, PF_PAPER_A4, cancellable, &error);
  g_thread_join (thread);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (pdf);
}

static gpointer
render_thread (gpointer data)
{
  const PfReport *report = data;
  g_autoptr(GError) error = NULL;
  GBytes *pdf = pf_report_render_pdf (report, PF_PAPER_A4, NULL, &error);

  g_assert_no_error (error);
  return pdf;
}

/* Renders in threads at once from the same model: same output size. */
static void
test_report_pdf_threads (void)
{
  g_autoptr(PfReport) report = build_report (50);
  GThread *threads[3];
  gsize size = 0;

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("render", render_thread, report);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_autoptr(GBytes) pdf = g_thread_join (threads[i]);

      g_assert_nonnull (pdf);
      if (i == 0)
        size = g_bytes_get_size (pdf);
      g_assert_cmpuint (g_bytes_get_size (pdf), >, 1000);
      /* The creation date is the report's; only the document id may differ. */
      g_assert_cmpint (ABS ((gssize)g_bytes_get_size (pdf) - (gssize)size), <, 64);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* The cover's date is local: 9:30 UTC is the same day only near UTC. */
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report-pdf/a4", test_report_pdf_a4);
  g_test_add_func ("/report-pdf/letter", test_report_pdf_letter);
  g_test_add_func ("/report-pdf/tall-row", test_report_pdf_tall_row);
  g_test_add_func ("/report-pdf/empty", test_report_pdf_empty);
  g_test_add_func ("/report-pdf/verdicts", test_report_pdf_verdicts);
  g_test_add_func ("/report-pdf/outline", test_report_pdf_outline);
  g_test_add_func ("/report-pdf/cancelled", test_report_pdf_cancelled);
  g_test_add_func ("/report-pdf/cancelled-midway", test_report_pdf_cancelled_midway);
  g_test_add_func ("/report-pdf/threads", test_report_pdf_threads);

  return g_test_run ();
}
