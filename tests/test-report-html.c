/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "pf-report.h"

#define SCRIPT     "<script>alert(1)</script>"
#define BREAKOUT   "\"><img src=x onerror=alert(1)>"
#define RTL        "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d \xd7\xa2\xd7\x95\xd7\x9c\xd7\x9d"  /* שלום עולם */
#define EMOJI      "\xf0\x9f\x9a\x80\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd"                  /* 🚀👍🏽 */

static PfCatalog *
load_builtin (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "catalog", "crisp-dm.catalog", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PfCatalog *catalog = pf_catalog_new_from_file (file, &error);

  g_assert_no_error (error);
  return catalog;
}

static PfReport *
new_report (void)
{
  g_autoptr(PfCatalog) catalog = load_builtin ();
  g_autoptr(PfDocument) document = pf_document_new ();
  g_autoptr(PfReadiness) readiness = pf_readiness_evaluate (catalog, document);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 26, 9, 30, 0);
  PfReport *report = pf_report_new (catalog, document, readiness, now);

  g_assert_nonnull (report);

  /* An empty report: each test sets the cover and adds the blocks it checks. */
  g_ptr_array_set_size (report->blocks, 0);
  g_clear_pointer (&report->author, g_free);
  g_clear_pointer (&report->verdict_summary, g_free);
  g_clear_pointer (&report->anchor, g_free);
  g_clear_pointer (&report->description, g_free);
  return report;
}

static char *
render (const PfReport *report)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = pf_report_render_html (report, &error);
  gsize size;
  const char *data;

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  data = g_bytes_get_data (bytes, &size);
  g_assert_cmpuint (strlen (data), ==, size);  /* no NUL inside */
  g_assert_true (g_utf8_validate (data, size, NULL));

  if (g_getenv ("PF_TEST_HTML_OUT") != NULL)
    g_assert_true (g_file_set_contents (g_getenv ("PF_TEST_HTML_OUT"), data, size, NULL));

  return g_strndup (data, size);
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

/* Whether @needle (lower case) is in @haystack, ignoring ASCII case. */
static gboolean
contains_ci (const char *haystack,
             const char *needle)
{
  g_autofree char *lower = g_ascii_strdown (haystack, -1);

  return strstr (lower, needle) != NULL;
}

static gboolean
is_void_element (const char *name)
{
  static const char * const names[] = { "meta", "br", "col", "img", "hr", "input", "link", NULL };

  return g_strv_contains (names, name);
}

/* Checks that every element opened is closed, in order, and that every
 * '&' starts one of the references the renderer writes. */
static void
assert_well_formed (const char *html)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new_with_free_func (g_free);
  const char *p = html;

  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>\n"));
  p += strlen ("<!DOCTYPE html>");

  while (*p != '\0')
    {
      if (*p == '&')
        {
          g_assert_true (g_str_has_prefix (p, "&amp;") || g_str_has_prefix (p, "&lt;") ||
                         g_str_has_prefix (p, "&gt;") || g_str_has_prefix (p, "&quot;") ||
                         g_str_has_prefix (p, "&#39;"));
          p++;
        }
      else if (*p == '>')
        g_assert_not_reached ();  /* a '>' outside a tag is escaped */
      else if (*p == '<')
        {
          gboolean closing = p[1] == '/';
          const char *name = p + (closing ? 2 : 1);
          const char *end = name;
          const char *close;
          g_autofree char *tag = NULL;

          while (g_ascii_isalnum (*end) || *end == '-' || *end == ':')
            end++;
          g_assert_cmpint (end - name, >, 0);
          tag = g_ascii_strdown (name, end - name);

          /* The tag ends at the first '>' outside an attribute value. */
          close = end;
          for (char quote = 0; *close != '\0' && (quote != 0 || *close != '>'); close++)
            {
              if (quote == 0 && (*close == '"' || *close == '\''))
                quote = *close;
              else if (quote != 0 && *close == quote)
                quote = 0;
              else if (quote == 0)
                g_assert_true (*close != '<');
            }
          g_assert_cmpint (*close, ==, '>');

          if (closing)
            {
              g_assert_cmpuint (stack->len, >, 0);
              g_assert_cmpstr (g_ptr_array_index (stack, stack->len - 1), ==, tag);
              g_ptr_array_remove_index (stack, stack->len - 1);
            }
          else if (close[-1] != '/' && !is_void_element (tag))
            g_ptr_array_add (stack, g_strdup (tag));

          p = close + 1;

          /* Raw text: skip to its end tag. */
          if (!closing && g_str_equal (tag, "style"))
            {
              p = strstr (p, "</style>");
              g_assert_nonnull (p);
            }
        }
      else
        p++;
    }

  g_assert_cmpuint (stack->len, ==, 0);
}

/* A second opinion from Python's HTML parser, when there is one: elements
 * balanced, and no script, event handler or javascript: URL anywhere. */
static const char python_check[] =
  "import sys\n"
  "from html.parser import HTMLParser\n"
  "VOID = {'meta', 'br', 'col', 'img', 'hr', 'input', 'link'}\n"
  "class Check(HTMLParser):\n"
  "    def __init__(self):\n"
  "        super().__init__(convert_charrefs=True)\n"
  "        self.stack = []\n"
  "    def handle_starttag(self, tag, attrs):\n"
  "        assert tag not in ('script', 'img', 'iframe', 'object', 'embed', 'link'), tag\n"
  "        for name, value in attrs:\n"
  "            assert not name.startswith('on'), name\n"
  "            assert 'javascript:' not in (value or '').lower(), value\n"
  "        if tag not in VOID:\n"
  "            self.stack.append(tag)\n"
  "    def handle_startendtag(self, tag, attrs):\n"
  "        assert tag not in ('script', 'img'), tag\n"
  "    def handle_endtag(self, tag):\n"
  "        assert self.stack and self.stack[-1] == tag, (self.stack[-3:], tag)\n"
  "        self.stack.pop()\n"
  "check = Check()\n"
  "check.feed(open(sys.argv[1], encoding='utf-8').read())\n"
  "check.close()\n"
  "assert not check.stack, check.stack\n";

static void
assert_python_parses (const char *html)
{
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *path = NULL;
  g_autofree char *errors = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { NULL, "-c", python_check, NULL, NULL };
  int fd, wait_status;

  if (python == NULL)
    return;

  fd = g_file_open_tmp ("report-XXXXXX.html", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, html, -1, &error));
  argv[0] = python;
  argv[3] = path;
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, &errors, &wait_status, &error));
  g_assert_no_error (error);
  g_unlink (path);
  if (!g_spawn_check_wait_status (wait_status, NULL))
    g_error ("python3's HTML parser disagrees:\n%s", errors);
}

static void
test_html_structure (void)
{
  g_autoptr(PfReport) report = new_report ();
  const char * const columns[] = { "Feature", "Decision", "Reason", NULL };
  const double widths[] = { 2, 1, 3 };
  const char * const row[] = { "calls_30d", "Kept", "Known before the prediction", NULL };
  const PfTone tones[] = { PF_TONE_NONE, PF_TONE_BAD, PF_TONE_NONE };
  g_autofree char *html = NULL;
  PfReportBlock *block;

  report->author = g_strdup ("Dana Analyst");
  report->verdict = PF_VERDICT_NOT_READY;
  report->verdict_summary = g_strdup ("3 blockers stand between the model and deployment.");
  report->anchor = g_strdup ("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
  report->n_audit_entries = 42;
  report->audit_intact = TRUE;
  for (guint i = 0; i < PF_N_CAUSES; i++)
    report->scores[i] = 20 * i;

  pf_report_add_heading (report, 1, "Summary", "summary");
  pf_report_add_paragraph (report, "Not ready.", PF_TONE_BAD);
  pf_report_add_chart (report);
  pf_report_add_heading (report, 2, "Blockers", "blockers");
  block = pf_report_add_list (report);
  pf_report_block_add_item (block, NULL, "A leaky feature", "calls_30d", PF_TONE_BAD);
  pf_report_add_heading (report, 1, "Business understanding", "phase-business-understanding");
  block = pf_report_add_fields (report);
  pf_report_block_add_item (block, "What is the question?", "Who cancels next month?", "Dana", PF_TONE_GOOD);
  pf_report_block_add_item (block, "Unanswered", "Not answered", NULL, PF_TONE_MUTED);
  pf_report_add_heading (report, 1, "Registers", "registers");
  block = pf_report_add_table (report, "Leakage review", columns, widths);
  pf_report_table_add_row (block, row, tones);
  pf_report_add_table (report, "Risks", columns, NULL);
  /* Missing, repeated and unusable anchors still give unique ids. */
  pf_report_add_heading (report, 1, "Again", "summary");
  pf_report_add_heading (report, 3, "No anchor", NULL);
  pf_report_add_heading (report, 3, "Odd anchor", "a b\"c");

  html = render (report);
  assert_well_formed (html);
  assert_python_parses (html);

  g_assert_nonnull (strstr (html, "<html lang=\"en\">"));
  g_assert_nonnull (strstr (html, "<meta charset=\"utf-8\">"));
  g_assert_nonnull (strstr (html, "Content-Security-Policy"));
  g_assert_nonnull (strstr (html, "default-src 'none'"));
  g_assert_nonnull (strstr (html, "<title>"));
  g_assert_cmpuint (count (html, "<style>"), ==, 1);

  /* The cover: verdict badge, summary, date, author, anchor. */
  g_assert_nonnull (strstr (html, "class=\"verdict verdict-not-ready\""));
  g_assert_nonnull (strstr (html, "3 blockers stand between"));
  g_assert_nonnull (strstr (html, "2026-11-26 09:30 UTC"));
  g_assert_nonnull (strstr (html, "<time datetime=\"2026-11-26T09:30:00Z\">"));
  g_assert_nonnull (strstr (html, "Dana Analyst"));
  g_assert_nonnull (strstr (html, "<code>9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08</code>"));
  g_assert_nonnull (strstr (html, "tamper-evident"));
  g_assert_null (strstr (html, "complian"));

  /* Headings with ids; the contents link to the level-1 ones only. */
  g_assert_nonnull (strstr (html, "<h2 id=\"summary\">Summary</h2>"));
  g_assert_nonnull (strstr (html, "<h3 id=\"blockers\">Blockers</h3>"));
  g_assert_nonnull (strstr (html, "<h2 id=\"summary-2\">Again</h2>"));
  g_assert_nonnull (strstr (html, "<h4 id=\"section-"));
  g_assert_nonnull (strstr (html, "<h4 id=\"a-b-c\">Odd anchor</h4>"));
  g_assert_nonnull (strstr (html, "<a href=\"#summary\">Summary</a>"));
  g_assert_nonnull (strstr (html, "<a href=\"#phase-business-understanding\">"));
  g_assert_nonnull (strstr (html, "<a href=\"#summary-2\">Again</a>"));
  g_assert_null (strstr (html, "<a href=\"#blockers\">"));

  /* Tables: header, widths, tones, and a row for an empty one. */
  g_assert_cmpuint (count (html, "<thead>"), ==, 2);
  g_assert_nonnull (strstr (html, "<caption>Leakage review</caption>"));
  g_assert_nonnull (strstr (html, "<th scope=\"col\">Decision</th>"));
  g_assert_nonnull (strstr (html, "<col style=\"width:33.33%\">"));
  g_assert_nonnull (strstr (html, "<td class=\"tone-bad\">Kept</td>"));
  g_assert_nonnull (strstr (html, "<td class=\"empty\" colspan=\"3\">"));

  /* Lists and fields keep their tones and notes. */
  g_assert_nonnull (strstr (html, "<li class=\"tone-bad\">"));
  g_assert_nonnull (strstr (html, "<span class=\"note\">calls_30d</span>"));
  g_assert_nonnull (strstr (html, "<div class=\"field tone-good\"><dt>What is the question?</dt>"));
  g_assert_nonnull (strstr (html, "<div class=\"field tone-muted\">"));

  /* The chart: inline SVG, light and dark, no XML declaration. */
  g_assert_nonnull (strstr (html, "<svg class=\"light\" role=\"img\""));
  g_assert_nonnull (strstr (html, "<svg class=\"dark\" role=\"img\""));
  g_assert_cmpuint (count (html, "</svg>"), ==, 2);
  g_assert_null (strstr (html, "<?xml"));
  g_assert_nonnull (strstr (html, "Data leakage: 60 of 100"));

  /* Self-contained: no script, no URL, no external resource. */
  g_assert_false (contains_ci (html, "<script"));
  g_assert_null (strstr (html, "http://"));
  g_assert_null (strstr (html, "https://"));
  g_assert_null (strstr (html, "@import"));
  g_assert_null (strstr (html, "<link"));

  /* Printing: a page per section, no row split, headers repeated. */
  g_assert_nonnull (strstr (html, "@media print"));
  g_assert_nonnull (strstr (html, "@page"));
  g_assert_nonnull (strstr (html, "main h2{break-before:page"));
  g_assert_nonnull (strstr (html, "thead{display:table-header-group}"));
  g_assert_nonnull (strstr (html, "prefers-color-scheme:dark"));
  g_assert_nonnull (strstr (html, "overflow-wrap:anywhere"));
}

/* Every id="…" in @html is unique. */
static void
assert_unique_ids (const char *html)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (const char *p = strstr (html, " id=\""); p != NULL; p = strstr (p + 1, " id=\""))
    {
      const char *start = p + 5;
      const char *end = strchr (start, '"');
      char *id = g_strndup (start, end - start);

      g_assert_false (g_hash_table_contains (seen, id));
      g_hash_table_add (seen, id);
    }
}

static void
test_html_hostile (void)
{
  g_autoptr(PfReport) report = new_report ();
  g_autoptr(GString) word = g_string_new (NULL);
  g_autofree char *hostile = NULL;
  g_autofree char *html = NULL;
  const char *columns[] = { SCRIPT, BREAKOUT, NULL };
  const char *cells[] = { NULL, NULL, NULL };
  PfReportBlock *block;

  for (guint i = 0; i < 2000; i++)
    g_string_append_c (word, 'a' + i % 26);
  hostile = g_strconcat (SCRIPT, " ", BREAKOUT, " **md** `code` [x](javascript:alert(1)) ",
                         "a\x01" "b\x1b[31mc\x7f" "d\xc2\x85" "e\r\n", "line two\t'quoted' & done ",
                         RTL, " ", EMOJI, " ", word->str, NULL);
  cells[0] = hostile;
  cells[1] = SCRIPT;

  g_free (report->title);
  report->title = g_strdup (SCRIPT);
  report->description = g_strdup (hostile);
  report->author = g_strdup (BREAKOUT);
  report->verdict_summary = g_strdup (hostile);
  report->anchor = g_strdup (BREAKOUT);
  report->n_audit_entries = 1;
  report->audit_intact = FALSE;

  pf_report_add_heading (report, 1, hostile, BREAKOUT);
  pf_report_add_heading (report, 1, SCRIPT, SCRIPT);
  pf_report_add_paragraph (report, hostile, PF_TONE_NONE);
  block = pf_report_add_list (report);
  pf_report_block_add_item (block, BREAKOUT, hostile, hostile, PF_TONE_WARNING);
  block = pf_report_add_fields (report);
  pf_report_block_add_item (block, hostile, hostile, hostile, PF_TONE_NONE);
  block = pf_report_add_table (report, hostile, columns, NULL);
  pf_report_table_add_row (block, cells, NULL);
  pf_report_add_chart (report);
  pf_report_add_chart (report);

  html = render (report);
  assert_well_formed (html);
  assert_python_parses (html);
  assert_unique_ids (html);

  /* Never live markup. */
  g_assert_false (contains_ci (html, "<script"));
  g_assert_false (contains_ci (html, "<img"));
  g_assert_null (strstr (html, "onerror=alert(1)>"));
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  g_assert_nonnull (strstr (html, "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
  g_assert_nonnull (strstr (html, "<title>Readiness report: &lt;script&gt;"));
  g_assert_nonnull (strstr (html, "&#39;quoted&#39; &amp; done"));
  g_assert_null (strstr (html, "href=\"javascript"));

  /* Markdown syntax is just text. */
  g_assert_nonnull (strstr (html, "**md** `code` [x](javascript:alert(1))"));
  g_assert_null (strstr (html, "<strong>md"));

  /* Control characters dropped, newlines kept as line breaks. */
  for (const char *p = html; *p != '\0'; p++)
    g_assert_true ((guchar)*p >= 0x20 || *p == '\n' || *p == '\t');
  g_assert_null (strstr (html, "\x7f"));
  g_assert_null (strstr (html, "\xc2\x85"));
  g_assert_nonnull (strstr (html, "ab[31mcde<br>\nline two\t&#39;quoted&#39;"));

  /* Right-to-left text, emoji and the long word arrive unchanged. */
  g_assert_nonnull (strstr (html, RTL));
  g_assert_nonnull (strstr (html, EMOJI));
  g_assert_nonnull (strstr (html, word->str));
  g_assert_cmpuint (count (html, word->str), >=, 8);

  /* Ids from hostile anchors are reduced to safe characters. */
  g_assert_cmpuint (count (html, "<h2 id=\"section-"), ==, 2);

  /* A broken chain is said on the cover. */
  g_assert_nonnull (strstr (html, "1 entry, chain broken"));
  g_assert_nonnull (strstr (html, "The chain is broken"));
}

static void
test_html_invalid_utf8 (void)
{
  g_autoptr(PfReport) report = new_report ();
  g_autofree char *html = NULL;

  pf_report_add_paragraph (report, "caf\xe9 \xff\xfe ok", PF_TONE_NONE);
  html = render (report);
  g_assert_nonnull (strstr (html, "caf\xef\xbf\xbd"));
  assert_well_formed (html);
}

static void
test_html_language (void)
{
  g_autoptr(PfReport) report = new_report ();
  g_autofree char *html = NULL;

  g_setenv ("LANGUAGE", "de_CH.UTF-8@euro", TRUE);
  html = render (report);
  g_unsetenv ("LANGUAGE");
  /* GLib reads LANGUAGE first; the encoding and modifier are dropped. */
  g_assert_nonnull (strstr (html, "<html lang=\"de-CH\">"));
}

static gpointer
render_in_thread (gpointer data)
{
  g_autoptr(GError) error = NULL;

  return pf_report_render_html (data, &error);
}

/* Rendering only reads the model: threads get the same file. */
static void
test_html_threads (void)
{
  g_autoptr(PfReport) report = new_report ();
  g_autoptr(GBytes) expected = NULL;
  GThread *threads[4];

  pf_report_add_heading (report, 1, "Summary", "summary");
  pf_report_add_chart (report);
  expected = pf_report_render_html (report, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("html", render_in_thread, report);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_autoptr(GBytes) bytes = g_thread_join (threads[i]);

      g_assert_nonnull (bytes);
      g_assert_true (g_bytes_equal (bytes, expected));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report-html/structure", test_html_structure);
  g_test_add_func ("/report-html/hostile", test_html_hostile);
  g_test_add_func ("/report-html/invalid-utf8", test_html_invalid_utf8);
  g_test_add_func ("/report-html/language", test_html_language);
  g_test_add_func ("/report-html/threads", test_html_threads);

  return g_test_run ();
}
