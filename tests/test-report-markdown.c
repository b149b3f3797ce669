/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "pf-gate.h"
#include "report-test-util.h"

/* The Markdown report: the golden file of a fixed project, and text that
 * tries to break out of its place. */

/* @markdown as a forge shows it, by cmark-gfm (GitHub's own CommonMark
 * parser) with GitHub's extensions; NULL when it is not installed. */
static char *
render_gfm (const char *markdown)
{
  g_autofree char *cmark = g_find_program_in_path ("cmark-gfm");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  char *html = NULL;
  int fd;
  int status;

  if (cmark == NULL)
    return NULL;

  fd = g_file_open_tmp ("report-XXXXXX.md", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, markdown, -1, &error);
  g_assert_no_error (error);

  {
    const char *argv[] = { cmark, "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tagfilter",
                           path, NULL };

    g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &html, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  g_unlink (path);

  return html;
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* The block structure of the rendered report does not depend on what the
 * user wrote: one title, no lists, quotes, rules or code blocks of theirs. */
static char *
check_rendered (const char *markdown)
{
  char *html = render_gfm (markdown);

  if (html == NULL)
    {
      g_test_message ("cmark-gfm not installed: the rendered Markdown is not checked");
      return NULL;
    }

  g_assert_cmpuint (count (html, "<h1>"), ==, 1);
  g_assert_cmpuint (count (html, "<ol"), ==, 0);
  g_assert_cmpuint (count (html, "<blockquote>"), ==, 0);
  g_assert_cmpuint (count (html, "<pre>"), ==, 1);
  g_assert_cmpuint (count (html, "<hr />"), ==, 1);
  g_assert_cmpuint (count (html, "<img"), ==, 0);
  g_assert_cmpuint (count (html, "<script"), ==, 0);
  g_assert_cmpuint (count (html, "<del>"), ==, 0);
  g_assert_cmpuint (count (html, "<table>"), ==, count (markdown, "\n| --- |"));
  g_assert_cmpuint (count (html, "<h2>"), ==, count (markdown, "\n## "));

  return html;
}

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
  g_free (check_rendered (markdown));
  g_assert_null (strstr (markdown, "<"));
}

static void
finding_free (PfFinding *finding)
{
  g_free (finding->rule);
  g_free (finding->title);
  g_free (finding->detail);
  g_free (finding->page);
  g_free (finding->target);
  g_free (finding);
}

static void
add_finding (PfReadiness *readiness,
             PfSeverity   severity,
             int          phase,
             const char  *title,
             const char  *detail,
             PfFixKind    fix,
             const char  *page,
             const char  *target)
{
  PfFinding *finding = g_new0 (PfFinding, 1);

  finding->severity = severity;
  finding->rule = g_strdup ("test");
  finding->cause = -1;
  finding->phase = phase;
  finding->title = g_strdup (title);
  finding->detail = g_strdup (detail);
  finding->fix = fix;
  finding->page = g_strdup (page);
  finding->target = g_strdup (target);
  g_ptr_array_add (readiness->findings, finding);
  if (phase >= 0)
    g_ptr_array_add (readiness->phases[phase].findings, finding);

  readiness->n_blockers += severity == PF_SEVERITY_BLOCKER;
  readiness->n_conditions += severity == PF_SEVERITY_CONDITION;
  readiness->n_warnings += severity == PF_SEVERITY_WARNING;
}

/* Findings as the readiness engine gives them, made by hand: how the
 * report words them does not depend on its rules. */
static void
test_markdown_findings (void)
{
  g_autoptr(PfCatalog) catalog = report_test_load_catalog ();
  g_autoptr(PfDocument) document = report_test_build_project ();
  g_autoptr(PfReadiness) readiness = g_new0 (PfReadiness, 1);
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (REPORT_TEST_NOW, NULL);
  g_autoptr(PfReport) report = NULL;
  g_autofree char *markdown = NULL;
  const char *summary;
  const char *blockers;

  readiness->findings = g_ptr_array_new_with_free_func ((GDestroyNotify)finding_free);
  for (guint i = 0; i < PF_N_PHASES; i++)
    {
      readiness->phases[i].findings = g_ptr_array_new ();
      pf_gate_count_answered (catalog, document, i, &readiness->phases[i].n_answered,
                              &readiness->phases[i].n_required);
    }
  readiness->verdict = PF_VERDICT_NOT_READY;
  for (guint i = 0; i < PF_N_CAUSES; i++)
    readiness->scores[i] = i * 20;

  add_finding (readiness, PF_SEVERITY_BLOCKER, PF_PHASE_BUSINESS_UNDERSTANDING, "The objective is missing",
               NULL, PF_FIX_QUESTION, "business-understanding", "business-understanding.value");
  add_finding (readiness, PF_SEVERITY_BLOCKER, PF_PHASE_DATA_PREPARATION, "A leaky feature is kept",
               "calls_last_30_days is known only after the prediction point.", PF_FIX_RECORD, "features",
               "feature-2");
  add_finding (readiness, PF_SEVERITY_BLOCKER, -1, "No current privacy sign-off", NULL, PF_FIX_SIGN_OFF,
               "sign-offs", "privacy-review");
  add_finding (readiness, PF_SEVERITY_BLOCKER, -1, "The audit trail is broken", NULL, PF_FIX_PAGE,
               "audit-trail", NULL);
  add_finding (readiness, PF_SEVERITY_CONDITION, -1, "Delete the call notes after 12 months", NULL,
               PF_FIX_SIGN_OFF, "sign-offs", "privacy-review");
  add_finding (readiness, PF_SEVERITY_WARNING, PF_PHASE_MODELING, "No baseline", NULL, PF_FIX_QUESTION,
               "modeling", "modeling.baseline-metric");

  report = pf_report_new (catalog, document, readiness, now);
  markdown = report_test_render (report, PF_REPORT_MARKDOWN);
  if (g_getenv ("PF_REPORT_DUMP") != NULL)
    g_file_set_contents (g_getenv ("PF_REPORT_DUMP"), markdown, -1, NULL);

  g_assert_cmpstr (report->verdict_summary, ==, "4 blockers stand between this project and deployment.");
  g_assert_nonnull (strstr (markdown, "**Verdict: NOT READY**\n\n4 blockers stand between this project and deployment.\n"));

  /* The summary names the first three blockers, and counts the rest. */
  summary = strstr (markdown, "The most important blockers:\n\n");
  g_assert_nonnull (summary);
  g_assert_true (g_str_has_prefix (summary + strlen ("The most important blockers:\n\n"),
                                   "- **The objective is missing**\n"
                                   "- **A leaky feature is kept**\n"
                                   "- **No current privacy sign-off**\n\n"
                                   "And 1 more, listed under “Blockers and conditions”.\n"));

  /* Each with its detail and the place that fixes it. */
  blockers = strstr (markdown, "### Blockers\n\n");
  g_assert_nonnull (blockers);
  g_assert_nonnull (strstr (blockers, "- **The objective is missing**  \n  Where to fix it: Business Understanding, "
                                      "“What is a correct prediction worth to the business, and what does a wrong one cost?”.\n"));
  g_assert_nonnull (strstr (blockers, "- **A leaky feature is kept**  \n  calls_last_30_days is known only after the "
                                      "prediction point. Where to fix it: Features & Leakage, “calls_last_30_days”.\n"));
  g_assert_nonnull (strstr (blockers, "- **No current privacy sign-off**  \n  Where to fix it: Sign-offs, Privacy review.\n"));
  g_assert_nonnull (strstr (blockers, "- **The audit trail is broken**  \n  Where to fix it: Audit Trail.\n"));
  g_assert_nonnull (strstr (blockers, "### Conditions\n\n- **Delete the call notes after 12 months**"));
  g_assert_nonnull (strstr (blockers, "### Warnings\n\n- **No baseline**"));

  /* The gates. */
  g_assert_nonnull (strstr (markdown, "### Business Understanding\n\n**Gate blocked by 1 blocker. 4 of 7 required questions answered.**\n"));
  g_assert_nonnull (strstr (markdown, "### Evaluation\n\n**Gate open. 0 of 6 required questions answered.**\n"));

  /* The chart's bars follow the scores. */
  g_assert_nonnull (strstr (markdown, "Infant mortality        ░░░░░░░░░░░░░░░░░░░░   0\n"));
  g_assert_nonnull (strstr (markdown, "IT collaboration        ████░░░░░░░░░░░░░░░░  20\n"));
  g_assert_nonnull (strstr (markdown, "Company politics        ████████████████████ 100\n"));
}

static PfDocument *
hostile_project (const char *text)
{
  PfDocument *document = pf_document_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *record = NULL;
  g_autofree char *sign_off = NULL;

  pf_document_set_actor (document, text);
  g_assert_true (pf_document_set_string (document, "metadata", "title", text, &error));
  g_assert_true (pf_document_set_string (document, "metadata", "description", text, &error));
  g_assert_true (pf_document_change_business_question (document, text, text, NULL, &error));
  report_test_answer (document, "business-understanding.objective", report_test_string (text));
  record = report_test_record (document, "features", "name", text, "rationale", text, "reviewer", text, NULL);
  sign_off = pf_document_sign_off (document, "project", text, text, "approved-with-conditions", text, &error);
  g_assert_nonnull (sign_off);
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
  g_autofree char *html = NULL;

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

  /* Shown as written. */
  html = check_rendered (markdown);
  if (html != NULL)
    g_assert_nonnull (strstr (html, "<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; "
                                    "&amp;lt;b&amp;gt;</p>"));
}

static void
test_markdown_syntax (void)
{
  g_autofree char *markdown = render_hostile ("# Heading\n- item\n1. first\n===\n    code\n> quote\n"
                                              "[link](http://example.com) ![img](x.png) **bold** _it_ ~~del~~ "
                                              "$x$ a|b|c \\ trailing\\");
  g_auto(GStrv) lines = g_strsplit (markdown, "\n", -1);
  g_autofree char *html = NULL;

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

  html = check_rendered (markdown);
  if (html != NULL)
    g_assert_nonnull (strstr (html, "<p># Heading<br />\n- item<br />\n1. first<br />\n===<br />\ncode<br />\n"
                                    "&gt; quote<br />\n[link](<a href=\"http://example.com\">http://example.com</a>) "
                                    "![img](x.png) **bold** _it_ ~~del~~ $x$ a|b|c \\ trailing\\</p>"));
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
  g_free (check_rendered (markdown));
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
  g_free (check_rendered (markdown));
  g_assert_nonnull (strstr (markdown, "\\`\\`\\` fenced \\`\\`\\` and \\`code\\` and \\`\\`\\`\\`"));
  check_table_rows (markdown);
}

/* A heading keeps a hash mark at its end. */
static void
test_markdown_heading (void)
{
  g_autofree char *markdown = render_hostile ("Release #");
  g_autofree char *html = NULL;

  g_assert_true (g_str_has_prefix (markdown, "# Release \\#\n"));
  html = check_rendered (markdown);
  if (html != NULL)
    g_assert_true (g_str_has_prefix (html, "<h1>Release #</h1>"));
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
  g_test_add_func ("/report/markdown/findings", test_markdown_findings);
  g_test_add_func ("/report/markdown/html", test_markdown_html);
  g_test_add_func ("/report/markdown/syntax", test_markdown_syntax);
  g_test_add_func ("/report/markdown/control", test_markdown_control);
  g_test_add_func ("/report/markdown/backticks", test_markdown_backticks);
  g_test_add_func ("/report/markdown/heading", test_markdown_heading);
  g_test_add_func ("/report/markdown/long-word", test_markdown_long_word);

  return g_test_run ();
}
