/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "report-test-util.h"

/* The Markdown report: the golden file of a fixed project, and text that
 * tries to break out of its place. */

static void
test_markdown_golden (void)
{
  g_autoptr(PfCatalog) catalog = report_test_load_catalog ();
  g_autoptr(PfDocument) document = report_test_build_project ();
  g_autoptr(PfReport) report = report_test_make_report (catalog, document);
  g_autofree char *markdown = report_test_render (report, PF_REPORT_MARKDOWN);
  g_autofree char *normalised = report_test_normalise (markdown);

  report_test_check_golden ("report.md", normalised);
}

/* The report's structure, whatever the readiness rules decide. */
static void
test_markdown_structure (void)
{
  g_autoptr(PfCatalog) catalog = report_test_load_catalog ();
  g_autoptr(PfDocument) document = report_test_build_project ();
  g_autoptr(PfReport) report = report_test_make_report (catalog, document);
  g_autofree char *markdown = report_test_render (report, PF_REPORT_MARKDOWN);
  g_autofree char *verdict = g_strdup_printf ("**Verdict: %s**\n", pf_verdict_get_title (report->verdict));
  g_autofree char *anchor = g_strdup_printf ("`%s`", pf_document_get_audit_head (document));
  static const char * const headings[] = {
    "\n## Executive summary\n", "\n## Risk profile\n", "\n## Blockers and conditions\n", "\n## Phases\n",
    "\n### Business Understanding\n", "\n### Deployment\n", "\n## Sign-offs\n", "\n## Registers\n",
    "\n### Leakage review\n", "\n## Privacy review\n", "\n## Deployment plan\n", "\n## ML Test Score\n",
    "\n## Audit trail\n",
  };
  const char *previous = markdown;

  g_assert_true (g_str_has_prefix (markdown, "# Customer churn\n\n"));
  g_assert_nonnull (strstr (markdown, verdict));
  g_assert_nonnull (strstr (markdown, anchor));
  g_assert_nonnull (strstr (markdown, "- [Executive summary](#executive-summary)\n"));
  g_assert_nonnull (strstr (markdown, "- [Sign-offs](#sign-offs)\n"));
  g_assert_nonnull (strstr (markdown, "  - [Business Understanding](#business-understanding)\n"));

  /* In DESIGN.md §6's order. */
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    {
      const char *found = strstr (previous, headings[i]);

      if (found == NULL)
        g_error ("heading %s missing or out of order", headings[i]);
      previous = found;
    }

  /* Answers in words: the choice's label, yes/no, the record's name. */
  g_assert_nonnull (strstr (markdown, "**What kind of data mining problem is it?**  \nClassification: which class"));
  g_assert_nonnull (strstr (markdown, "\nGrace Hopper\n"));
  g_assert_nonnull (strstr (markdown, "(f) Legitimate interests"));
  /* Not applicable, with the justification. */
  g_assert_nonnull (strstr (markdown, "*Not applicable*  \n*The board approved the programme as a whole.*"));
  /* An unanswered required question. */
  g_assert_nonnull (strstr (markdown, "*Not answered*"));
  /* The leaky feature is flagged, the stale and withdrawn sign-offs show. */
  g_assert_nonnull (strstr (markdown, "| **Leak** |"));
  g_assert_nonnull (strstr (markdown, "**Stale: The business question changed after signing**"));
  g_assert_nonnull (strstr (markdown, "*Withdrawn*"));
  /* The rows of the ML Test Score: 28 tests. */
  g_assert_nonnull (strstr (markdown, "| Tests for features and data | Feature expectations are captured in a schema | Automated |"));
  g_assert_nonnull (strstr (markdown, "tamper-evident"));
  /* Never claims more: "tamper-proof" only in "not tamper-proof". */
  for (const char *p = strstr (markdown, "tamper-proof"); p != NULL; p = strstr (p + 1, "tamper-proof"))
    g_assert_true (p - markdown >= 4 && strncmp (p - 4, "not ", 4) == 0);
  g_assert_null (strstr (markdown, "complian"));
  g_assert_null (strstr (markdown, "<"));
}

static PfDocument *
hostile_project (const char *text)
{
  PfDocument *document = pf_document_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *record = NULL;

  pf_document_set_actor (document, text);
  g_assert_true (pf_document_set_string (document, "metadata", "title", text, &error));
  g_assert_true (pf_document_set_string (document, "metadata", "description", text, &error));
  g_assert_true (pf_document_change_business_question (document, text, text, NULL, &error));
  report_test_answer (document, "business-understanding.objective", report_test_string (text));
  record = report_test_record (document, "features", "name", text, "rationale", text, "reviewer", text, NULL);
  g_assert_nonnull (pf_document_sign_off (document, "project", text, text, "approved-with-conditions", text, &error));
  g_assert_no_error (error);

  return document;
}

static char *
render_hostile (const char *text)
{
  g_autoptr(PfCatalog) catalog = report_test_load_catalog ();
  g_autoptr(PfDocument) document = hostile_project (text);
  g_autoptr(PfReport) report = report_test_make_report (catalog, document);
  char *markdown = report_test_render (report, PF_REPORT_MARKDOWN);

  /* To look at what a test checks: PF_REPORT_DUMP=FILE. */
  if (g_getenv ("PF_REPORT_DUMP") != NULL)
    g_file_set_contents (g_getenv ("PF_REPORT_DUMP"), markdown, -1, NULL);

  return markdown;
}

/* Every line that is not the report's own markup: a table row keeps its
 * number of columns, no line starts a block the report did not write. */
static void
check_table_rows (const char *markdown)
{
  g_auto(GStrv) lines = g_strsplit (markdown, "\n", -1);
  guint n_columns = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      guint n = 0;

      if (line[0] != '|')
        {
          n_columns = 0;
          continue;
        }

      /* Unescaped pipes separate cells. */
      for (const char *p = line; *p != '\0'; p++)
        {
          if (*p == '\\' && p[1] != '\0')
            p++;
          else if (*p == '|')
            n++;
        }
      if (n_columns == 0)
        n_columns = n;
      g_assert_cmpuint (n, ==, n_columns);
    }
}

static void
test_markdown_html (void)
{
  g_autofree char *markdown = render_hostile ("<script>alert(1)</script> <img src=x onerror=alert(1)> &lt;b&gt;");

  /* No tag for the forge: every angle bracket escaped, no entity. */
  for (const char *p = markdown; *p != '\0'; p++)
    {
      if (*p == '<' || *p == '>')
        g_assert_true (p > markdown && p[-1] == '\\');
    }
  g_assert_null (strstr (markdown, "&lt;b"));
  g_assert_nonnull (strstr (markdown, "\\<script\\>alert(1)\\</script\\>"));
  g_assert_nonnull (strstr (markdown, "&amp;lt;b&amp;gt;"));
  check_table_rows (markdown);
}

static void
test_markdown_syntax (void)
{
  g_autofree char *markdown = render_hostile ("# Heading\n- item\n1. first\n===\n    code\n> quote\n"
                                              "[link](http://example.com) ![img](x.png) **bold** _it_ ~~del~~ "
                                              "$x$ a|b|c \\ trailing\\");
  g_auto(GStrv) lines = g_strsplit (markdown, "\n", -1);

  g_assert_nonnull (strstr (markdown, "\\# Heading"));
  g_assert_nonnull (strstr (markdown, "\\- item"));
  g_assert_nonnull (strstr (markdown, "1\\. first"));
  g_assert_nonnull (strstr (markdown, "\\==="));
  g_assert_nonnull (strstr (markdown, "\\[link\\](http://example.com) !\\[img\\](x.png) \\*\\*bold\\*\\* "
                                      "\\_it\\_ \\~\\~del\\~\\~ \\$x\\$ a\\|b\\|c \\\\ trailing\\\\"));
  /* "> quote" is text: the ">" escaped; "    code" lost its indent. */
  g_assert_nonnull (strstr (markdown, "\\> quote"));
  g_assert_null (strstr (markdown, "    code"));

  /* Only the report's own headings, lists and tables start lines. */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_false (g_str_has_prefix (lines[i], "# Heading"));
      g_assert_false (g_str_has_prefix (lines[i], "- item"));
      g_assert_false (g_str_has_prefix (lines[i], "1. first"));
      g_assert_false (g_str_has_prefix (lines[i], "> "));
      g_assert_false (g_str_has_prefix (lines[i], "==="));
    }
  check_table_rows (markdown);
}

static void
test_markdown_control (void)
{
  g_autofree char *markdown = render_hostile ("bell\a escape\x1b[31m delete\x7f nul-less\x01\x02 "
                                              "c1\xc2\x85 tab\tend\r\nnext");

  for (const char *p = markdown; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_assert_true (c == '\n' || !g_unichar_iscntrl (c));
    }
  g_assert_nonnull (strstr (markdown, "bell escape\\[31m delete nul-less c1 tab end  \nnext"));
  check_table_rows (markdown);
}

static void
test_markdown_backticks (void)
{
  g_autofree char *markdown = render_hostile ("``` fenced ``` and `code` and ````");

  g_auto(GStrv) lines = g_strsplit (markdown, "\n", -1);
  guint n_fences = 0;

  /* The only fences are the chart's. */
  for (guint i = 0; lines[i] != NULL; i++)
    n_fences += g_str_has_prefix (lines[i], "```");
  g_assert_cmpuint (n_fences, ==, 2);
  g_assert_nonnull (strstr (markdown, "\\`\\`\\` fenced \\`\\`\\` and \\`code\\` and \\`\\`\\`\\`"));
  check_table_rows (markdown);
}

static void
test_markdown_long_word (void)
{
  g_autofree char *word = g_strnfill (5000, 'w');
  g_autofree char *markdown = render_hostile (word);

  g_assert_nonnull (strstr (markdown, word));
  check_table_rows (markdown);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/markdown/golden", test_markdown_golden);
  g_test_add_func ("/report/markdown/structure", test_markdown_structure);
  g_test_add_func ("/report/markdown/html", test_markdown_html);
  g_test_add_func ("/report/markdown/syntax", test_markdown_syntax);
  g_test_add_func ("/report/markdown/control", test_markdown_control);
  g_test_add_func ("/report/markdown/backticks", test_markdown_backticks);
  g_test_add_func ("/report/markdown/long-word", test_markdown_long_word);

  return g_test_run ();
}
