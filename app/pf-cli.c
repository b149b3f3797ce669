/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <signal.h>
#include <string.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "pf-audit.h"
#include "pf-catalog-builtin.h"
#include "pf-cli.h"
#include "pf-document.h"
#include "pf-json.h"
#include "pf-pages.h"
#include "pf-readiness.h"
#include "pf-report.h"
#include "pf-scan-record.h"
#include "pf-scope.h"

/* The command-line side of the binary: it never opens a display. */

typedef struct
{
  const char *name;
  int       (*run) (int argc, char **argv);
} Command;

static int run_check (int argc, char **argv);
static int run_report (int argc, char **argv);
static int run_verify (int argc, char **argv);
static int run_scan (int argc, char **argv);

static const Command commands[] = {
  { "check", run_check },
  { "report", run_report },
  { "verify", run_verify },
  { "scan", run_scan },
};

gboolean
pf_cli_is_command (const char *arg)
{
  g_return_val_if_fail (arg != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (arg, commands[i].name))
        return TRUE;
    }

  return FALSE;
}

const char *
pf_cli_get_commands_help (void)
{
  return _("Commands (no display needed):\n"
           "  check FILE [--strict] [--json]  Print the readiness verdict, its blockers, conditions and warnings\n"
           "  report FILE -o OUT [--format pdf|html|md|json] [--paper a4|letter]\n"
           "                                  Export the readiness report\n"
           "  verify FILE [--anchor HASH]     Check the audit trail's hash chain and the sign-off records\n"
           "  scan DATA.csv --target COL [--prediction-time COL] [--quasi-id COL,…] [--json] [--project FILE]\n"
           "                                  Measure a dataset: leakage suspects, data quality, personal data\n"
           "\n"
           "Run “preflight COMMAND --help” for a command's options and exit codes.");
}

/* Parses @argv for a subcommand; prints the problem and returns FALSE on a
 * usage error. */
static gboolean
parse_options (GOptionContext  *context,
               int             *argc,
               char          ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      /* Translators: the first %s is e.g. "preflight verify", the second the problem. */
      g_printerr (_("%s: %s\nRun “%s --help” to see the options.\n"),
                  g_get_prgname (), error->message, g_get_prgname ());
      return FALSE;
    }

  return TRUE;
}

static PfDocument *
load_document (const char  *path,
               GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length;

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    return NULL;

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  return pf_document_new_from_bytes (bytes, error);
}

/* Loads the project at @path; prints what went wrong as the running
 * command. */
static PfDocument *
open_document (const char *path)
{
  g_autoptr(GError) error = NULL;
  PfDocument *document;

  if (!(document = load_document (path, &error)))
    {
      /* File errors name the file already; parse errors do not. */
      if (error->domain == G_IO_ERROR)
        g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      else
        g_printerr ("%s: %s: %s\n", g_get_prgname (), path, error->message);
    }

  return document;
}

/* Loads the project at @path and the catalog to judge it by (@catalog_path,
 * or the built-in one); prints what went wrong as the running command. */
static gboolean
load_project (const char  *path,
              const char  *catalog_path,
              PfDocument **document_out,
              PfCatalog  **catalog_out)
{
  g_autoptr(PfDocument) document = NULL;
  g_autoptr(PfCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;

  if (catalog_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (catalog_path);

      if (!(catalog = pf_catalog_new_from_file (file, &error)))
        {
          g_printerr ("%s: %s: %s\n", g_get_prgname (), catalog_path, error->message);
          return FALSE;
        }
    }
  else
    catalog = pf_catalog_load_builtin ();

  if (!(document = open_document (path)))
    return FALSE;

  /* The verdict against another catalog than the project's asks other
   * questions: say so, but go on, as the application does. */
  {
    JsonNode *node = pf_document_get_value (document, "metadata", "catalog");
    const char *id = NULL;

    if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
      id = json_object_get_string_member_with_default (json_node_get_object (node), "id", NULL);
    if (id != NULL && !g_str_equal (id, pf_catalog_get_id (catalog)))
      /* Translators: the first %s is e.g. "preflight check", the second the catalog id in the project, the third the one used. */
      g_printerr (_("%s: the project follows the catalog “%s”, but is judged by “%s”; "
                    "give its catalog with --catalog\n"), g_get_prgname (), id, pf_catalog_get_id (catalog));
  }

  *document_out = g_steal_pointer (&document);
  *catalog_out = g_steal_pointer (&catalog);

  return TRUE;
}

static const char *
state_label (PfSignOffState state)
{
  switch (state)
    {
    case PF_SIGN_OFF_CURRENT:
      return _("current");
    case PF_SIGN_OFF_WITHDRAWN:
      return _("withdrawn");
    case PF_SIGN_OFF_STALE:
    default:
      return _("stale — content changed after signing");
    }
}

static void
print_sign_offs (PfDocument *document)
{
  JsonArray *sign_offs = pf_document_get_sign_offs (document);
  guint n = json_array_get_length (sign_offs);
  guint printed = 0;

  g_print ("%s\n", _("Sign-off records:"));
  for (guint i = 0; i < n; i++)
    {
      JsonObject *record = json_array_get_object_element (sign_offs, i);
      const char *id = json_object_get_string_member_with_default (record, "id", "");
      g_autofree char *scope = NULL;
      g_autoptr(GPtrArray) changes = NULL;
      PfSignOffState state;

      if (g_strcmp0 (json_object_get_string_member_with_default (record, "kind", ""), "sign-off") != 0)
        continue;

      scope = pf_scope_dup_title (json_object_get_string_member_with_default (record, "scope", ""));
      state = pf_document_get_sign_off_state (document, id, &changes);
      /* Translators: e.g. "  sign-off-1  Leakage review: approved by Ada (Lead), 2026-11-26T10:00:00.000Z — current" */
      g_print (_("  %s  %s: %s by %s (%s), %s — %s\n"),
               id, scope,
               pf_sign_off_meaning_get_label (json_object_get_string_member_with_default (record, "meaning", "")),
               json_object_get_string_member_with_default (record, "name", ""),
               json_object_get_string_member_with_default (record, "role", ""),
               json_object_get_string_member_with_default (record, "time", ""),
               state_label (state));
      for (guint j = 0; changes != NULL && j < changes->len; j++)
        g_print ("      %s %s\n", _("changed:"), (const char *)g_ptr_array_index (changes, j));
      printed++;
    }

  if (printed == 0)
    g_print ("  %s\n", _("none"));
}

static int
run_verify (int    argc,
            char **argv)
{
  g_autofree char *anchor = NULL;
  const GOptionEntry entries[] = {
    { "anchor", 0, 0, G_OPTION_ARG_STRING, &anchor,
      N_("An audit head hash kept from an earlier export: check that the history up to it was not rewritten"),
      N_("HASH") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — check a project's audit trail"));
  g_autoptr(PfDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  PfAuditStatus status = { 0 };
  gboolean ok;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Prints whether the audit trail's hash chain is intact, its number of entries, its head "
      "hash (the anchor to keep elsewhere) and the state of each sign-off record.\n"
      "\n"
      "Exit status: 0 when the chain is intact (and the anchor, if given, is in it), 1 when it "
      "is not, 2 when the file cannot be read or the options are wrong.\n"
      "\n"
      "The audit trail is tamper-evident, not tamper-proof: a rewritten history is only "
      "caught for certain against an anchor kept elsewhere."));

  if (!parse_options (context, &argc, &argv))
    return PF_CLI_EXIT_ERROR;

  if (argc != 2)
    {
      g_printerr ("%s\n", _("preflight verify: give exactly one project file\n"
                            "Run “preflight verify --help” to see the options."));
      return PF_CLI_EXIT_ERROR;
    }

  if (!(document = load_document (argv[1], &error)))
    {
      /* File errors name the file already; parse errors do not. */
      if (error->domain == G_IO_ERROR)
        g_printerr ("preflight verify: %s\n", error->message);
      else
        g_printerr ("preflight verify: %s: %s\n", argv[1], error->message);
      return PF_CLI_EXIT_ERROR;
    }

  pf_document_verify_audit (document, &status);

  if (status.broken_at == 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "Audit trail: intact, %u entry\n", "Audit trail: intact, %u entries\n",
                          status.n_entries),
             status.n_entries);
  else
    g_print (_("Audit trail: BROKEN at entry %u of %u: %s\n"), status.broken_at, status.n_entries, status.problem);
  g_print (_("Head hash (anchor): %s\n"), status.head ? status.head : _("none (no entries)"));

  ok = status.broken_at == 0;

  if (anchor != NULL)
    {
      g_autofree char *wanted = g_ascii_strdown (g_strstrip (anchor), -1);

      if (pf_audit_contains_hash (pf_document_get_audit (document), wanted))
        g_print (_("Anchor %s: found in the chain\n"), wanted);
      else
        {
          g_print (_("Anchor %s: NOT found: the history up to it was rewritten, or it belongs to another project\n"), wanted);
          ok = FALSE;
        }
    }

  print_sign_offs (document);
  pf_audit_status_clear (&status);

  return ok ? PF_CLI_EXIT_OK : PF_CLI_EXIT_FAILED;
}

/* ------------------------------------------------------------ check */

/* What a finding's target is called: a record's name, a question's text,
 * a scope's title. */
static char *
dup_target_name (const PfFinding *finding,
                 PfCatalog       *catalog,
                 PfDocument      *document)
{
  const PfQuestion *question;

  switch (finding->fix)
    {
    case PF_FIX_QUESTION:
      question = finding->target ? pf_catalog_find_question (catalog, finding->target) : NULL;
      return g_strdup (question ? question->text : finding->target);

    case PF_FIX_BUSINESS_QUESTION:
      return g_strdup (_("Business question"));

    case PF_FIX_RECORD:
      if (finding->target != NULL)
        {
          JsonObject *record = pf_document_get_record (document, finding->page, finding->target);
          const char *name = NULL;

          if (record != NULL)
            {
              name = json_object_get_string_member_with_default (record, "name", NULL);
              if (name == NULL || name[0] == '\0')
                name = json_object_get_string_member_with_default (record, "title", NULL);
              if (name == NULL || name[0] == '\0')
                name = json_object_get_string_member_with_default (record, "statement", NULL);
            }
          return g_strdup (name != NULL && name[0] != '\0' ? name : finding->target);
        }
      return NULL;

    case PF_FIX_SIGN_OFF:
      return finding->target ? pf_scope_dup_title (finding->target) : NULL;

    case PF_FIX_PAGE:
    default:
      return NULL;
    }
}

/* The width to wrap text at: a terminal's, else none, so that what a
 * script reads from a pipe has one line per item. */
static guint
output_width (void)
{
  const char *columns = g_getenv ("COLUMNS");
  int width;

  if (!isatty (STDOUT_FILENO))
    return 0;

  width = columns ? atoi (columns) : 0;
  return width >= 40 ? (guint)width : 80;
}

/* Prints @text line by line, the first line after @first, the others
 * after @rest, wrapped at word boundaries to output_width(). */
static void
print_wrapped (const char *first,
               const char *rest,
               const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint width = output_width ();
  const char *indent = first;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = NULL;
      g_autofree char *continuation = NULL;
      GString *line;

      if (width == 0)
        {
          g_print ("%s%s\n", indent, lines[i]);
          indent = rest;
          continue;
        }

      words = g_strsplit (lines[i], " ", -1);
      line = g_string_new (indent);
      /* A list item's continuation lines hang under its text. */
      if (g_str_has_prefix (lines[i], "• "))
        continuation = g_strconcat (rest, "  ", NULL);
      else
        continuation = g_strdup (rest);
      for (guint j = 0; words[j] != NULL; j++)
        {
          glong used = g_utf8_strlen (line->str, -1);

          if (used > (glong)g_utf8_strlen (indent, -1) &&
              used + 1 + g_utf8_strlen (words[j], -1) > (glong)width)
            {
              g_print ("%s\n", line->str);
              indent = continuation;
              g_string_assign (line, indent);
            }
          else if (used > (glong)g_utf8_strlen (indent, -1))
            g_string_append_c (line, ' ');
          g_string_append (line, words[j]);
        }
      g_print ("%s\n", line->str);
      g_string_free (line, TRUE);
      indent = rest;
    }
}

static void
print_findings (const PfReadiness *readiness,
                PfSeverity         severity,
                const char        *heading,
                PfCatalog         *catalog,
                PfDocument        *document)
{
  guint n = 0;

  for (guint i = 0; i < readiness->findings->len; i++)
    n += ((PfFinding *)g_ptr_array_index (readiness->findings, i))->severity == severity;
  if (n == 0)
    return;

  g_print ("\n%s (%u)\n", heading, n);
  for (guint i = 0; i < readiness->findings->len; i++)
    {
      const PfFinding *finding = g_ptr_array_index (readiness->findings, i);
      int page_index = pf_pages_find (finding->page);
      const char *page = page_index >= 0 ? pf_page_info_get_title (pf_pages_get_page (page_index)) : finding->page;
      g_autofree char *target = NULL;
      g_autofree char *where = NULL;

      if (finding->severity != severity)
        continue;

      print_wrapped ("  • ", "    ", finding->title);
      if (finding->detail != NULL && finding->detail[0] != '\0')
        print_wrapped ("    ", "    ", finding->detail);

      target = dup_target_name (finding, catalog, document);
      if (target != NULL)
        /* Translators: where a finding is fixed, e.g. "Fix on: Features & Leakage › calls_30d". */
        where = g_strdup_printf (_("Fix on: %s › %s"), page, target);
      else
        /* Translators: where a finding is fixed, e.g. "Fix on: Audit Trail". */
        where = g_strdup_printf (_("Fix on: %s"), page);
      print_wrapped ("    ", "      ", where);
    }
}

static void
print_readiness (const PfReadiness *readiness,
                 PfCatalog         *catalog,
                 PfDocument        *document,
                 const char        *path)
{
  g_autofree char *title = pf_document_dup_display_name (document);

  g_print ("%s\n", title && title[0] ? title : path);
  g_print (_("Verdict: %s\n"), pf_verdict_get_title (readiness->verdict));

  print_findings (readiness, PF_SEVERITY_BLOCKER, _("Blockers"), catalog, document);
  print_findings (readiness, PF_SEVERITY_CONDITION, _("Conditions"), catalog, document);
  print_findings (readiness, PF_SEVERITY_WARNING, _("Warnings"), catalog, document);

  g_print ("\n");
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u blocker", "%u blockers", readiness->n_blockers), readiness->n_blockers);
  /* Translators: between the counts of a readiness check, e.g. "5 blockers, 1 condition, 3 warnings". */
  g_print ("%s", _(", "));
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u condition", "%u conditions", readiness->n_conditions),
           readiness->n_conditions);
  g_print ("%s", _(", "));
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", readiness->n_warnings), readiness->n_warnings);
  g_print ("\n");

  g_print ("\n%s\n", _("Risk profile (0 = every check fails, 100 = all pass):"));
  for (guint c = 0; c < PF_N_CAUSES; c++)
    {
      const char *cause = pf_cause_get_title (c);
      /* Pads by characters, not bytes: titles may be translated. */
      glong pad = MAX (0, 28 - g_utf8_strlen (cause, -1));

      g_print ("  %s%*s %3.0f\n", cause, (int)pad, "", readiness->scores[c]);
    }
}

static void
print_json (const PfReadiness *readiness,
            PfDocument        *document,
            const char        *path)
{
  g_autoptr(JsonNode) node = pf_readiness_to_json (readiness);
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  JsonObject *out = json_object_new ();
  JsonObject *project = json_object_new ();
  JsonObject *object = json_node_get_object (node);
  g_autoptr(GList) members = json_object_get_members (object);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *file = g_filename_display_name (path);

  json_object_set_string_member (project, "title", pf_document_get_title (document) ? pf_document_get_title (document) : "");
  json_object_set_string_member (project, "file", file);
  json_object_set_object_member (out, "project", project);
  for (GList *l = members; l != NULL; l = l->next)
    json_object_set_member (out, l->data, json_node_ref (json_object_get_member (object, l->data)));
  json_node_take_object (root, out);

  /* The project file's own writer: json-glib 1.6's generator leaves some
   * control characters unescaped, which is not JSON. */
  pf_json_append_pretty (text, root);
  g_print ("%s\n", text->str);
}

static int
run_check (int    argc,
           char **argv)
{
  gboolean strict = FALSE;
  gboolean json = FALSE;
  g_autofree char *catalog_path = NULL;
  const GOptionEntry entries[] = {
    { "strict", 0, 0, G_OPTION_ARG_NONE, &strict,
      N_("Fail (exit 1) also when approvals carry conditions"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the verdict and findings as JSON, for tools"), NULL },
    { "catalog", 0, 0, G_OPTION_ARG_FILENAME, &catalog_path,
      N_("Check against this question catalog instead of the built-in one"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — decide whether a project is ready to deploy"));
  g_autoptr(PfDocument) document = NULL;
  g_autoptr(PfCatalog) catalog = NULL;
  g_autoptr(PfReadiness) readiness = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Verifies the audit trail, then prints the readiness verdict (READY, READY WITH CONDITIONS "
      "or NOT READY), each blocker, condition and warning with where to fix it, and the risk "
      "profile along the six causes of failed deployments.\n"
      "\n"
      "Exit status: 0 when the project is ready, also with conditions unless --strict is given; "
      "1 when it is not ready (or, with --strict, ready only with conditions); 2 when the file "
      "or the catalog cannot be read or the options are wrong."));

  if (!parse_options (context, &argc, &argv))
    return PF_CLI_EXIT_ERROR;

  if (argc != 2)
    {
      g_printerr ("%s\n", _("preflight check: give exactly one project file\n"
                            "Run “preflight check --help” to see the options."));
      return PF_CLI_EXIT_ERROR;
    }

  if (!load_project (argv[1], catalog_path, &document, &catalog))
    return PF_CLI_EXIT_ERROR;

  /* pf_document_new_from_bytes() verified the audit trail already, as
   * pf_document_verify_audit() does: a broken chain is a blocker. */
  readiness = pf_readiness_evaluate (catalog, document);

  if (json)
    print_json (readiness, document, argv[1]);
  else
    print_readiness (readiness, catalog, document, argv[1]);

  switch (readiness->verdict)
    {
    case PF_VERDICT_READY:
      return PF_CLI_EXIT_OK;
    case PF_VERDICT_READY_WITH_CONDITIONS:
      return strict ? PF_CLI_EXIT_FAILED : PF_CLI_EXIT_OK;
    case PF_VERDICT_NOT_READY:
    default:
      return PF_CLI_EXIT_FAILED;
    }
}

static int
run_report (int    argc,
            char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *paper_name = NULL;
  g_autofree char *catalog_path = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Where to write the report (required)"), N_("OUT") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name,
      N_("pdf, html, md or json; by default from OUT's extension"), N_("FORMAT") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_name,
      N_("a4 or letter, for PDF; by default the locale's"), N_("PAPER") },
    { "catalog", 0, 0, G_OPTION_ARG_FILENAME, &catalog_path,
      N_("Judge the project by this question catalog instead of the built-in one"), N_("CATALOG") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — export a project's readiness report"));
  g_autoptr(PfDocument) document = NULL;
  g_autoptr(PfCatalog) catalog = NULL;
  g_autoptr(PfReadiness) readiness = NULL;
  g_autoptr(PfReport) report = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  PfReportFormat format;
  PfPaper paper = pf_paper_get_default ();

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Writes the readiness report: the verdict, the executive summary, the risk profile, the "
      "blockers and conditions, every phase with its answers and gate, the sign-offs, the "
      "registers, the privacy review, the deployment plan, the ML Test Score and the audit "
      "trail's summary with its anchor. PDF and HTML are for people, Markdown for a git forge, "
      "JSON for tools (data/report-format.md). The project file is not changed.\n"
      "\n"
      "Exit status: 0 when the report was written, 2 when the project cannot be read, the "
      "report cannot be written or the options are wrong."));

  if (!parse_options (context, &argc, &argv))
    return PF_CLI_EXIT_ERROR;

  if (argc != 2 || output == NULL)
    {
      g_printerr ("%s\n", _("preflight report: give one project file and the report's name with -o OUT\n"
                            "Run “preflight report --help” to see the options."));
      return PF_CLI_EXIT_ERROR;
    }

  if (format_name != NULL ? !pf_report_format_from_string (format_name, &format)
                          : !pf_report_format_from_filename (output, &format))
    {
      if (format_name != NULL)
        g_printerr (_("preflight report: unknown format “%s”: use pdf, html, md or json\n"), format_name);
      else
        g_printerr (_("preflight report: cannot tell the format from “%s”: name it .pdf, .html, .md or .json, or use --format\n"), output);
      return PF_CLI_EXIT_ERROR;
    }

  if (paper_name != NULL && !pf_paper_from_string (paper_name, &paper))
    {
      g_printerr (_("preflight report: unknown paper “%s”: use a4 or letter\n"), paper_name);
      return PF_CLI_EXIT_ERROR;
    }

  file = g_file_new_for_commandline_arg (output);
  {
    g_autoptr(GFile) project = g_file_new_for_commandline_arg (argv[1]);

    if (g_file_equal (file, project))
      {
        g_printerr (_("preflight report: %s is the project file itself: give the report another name\n"), output);
        return PF_CLI_EXIT_ERROR;
      }
  }

  if (!load_project (argv[1], catalog_path, &document, &catalog))
    return PF_CLI_EXIT_ERROR;

  readiness = pf_readiness_evaluate (catalog, document);
  report = pf_report_new (catalog, document, readiness, NULL);
  bytes = pf_report_render (report, format, paper, NULL, &error);

  /* g_file_replace_contents() writes a temporary file and renames it: a
   * failed export leaves an earlier report as it was. */
  if (bytes == NULL ||
      !g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error))
    {
      g_printerr ("preflight report: %s: %s\n", output, error->message);
      return PF_CLI_EXIT_ERROR;
    }

  /* Translators: e.g. "Wrote churn.pdf (PDF): NOT READY" */
  g_print (_("Wrote %s (%s): %s\n"), output, pf_report_format_get_title (format), pf_verdict_get_title (readiness->verdict));
  if (report->anchor != NULL)
    g_print (_("Anchor (audit head hash): %s\n"), report->anchor);

  return PF_CLI_EXIT_OK;
}

/* preflight scan */

/* The scan runs in a thread while the main thread's loop waits for it or
 * for Ctrl+C, which cancels it: the scan stops within a block of the file,
 * nothing is written to the project, and the status is 130 as a shell
 * gives a command that SIGINT ended. */
typedef struct
{
  GFile         *file;
  PfScanOptions *options;
  GCancellable  *cancellable;
  GMainLoop     *loop;
  PfScanResult  *result;
  GError        *error;
  gboolean       progress_shown;
} ScanJob;

static gboolean
scan_job_done_cb (gpointer user_data)
{
  ScanJob *job = user_data;

  g_main_loop_quit (job->loop);
  return G_SOURCE_REMOVE;
}

static gpointer
scan_job_thread (gpointer user_data)
{
  ScanJob *job = user_data;

  job->result = pf_scan_file (job->file, job->options, job->cancellable, &job->error);
  g_idle_add (scan_job_done_cb, job);
  return NULL;
}

/* The first Ctrl+C cancels the scan, which stops at the end of the block
 * being read; a second one, for a read that does not return (a stalled
 * network file), quits at once. Nothing has been written then. */
static gboolean
scan_job_sigint_cb (gpointer user_data)
{
  ScanJob *job = user_data;

  if (g_cancellable_is_cancelled (job->cancellable))
    {
      if (job->progress_shown)
        fprintf (stderr, "\r\033[K");
      g_printerr ("%s\n", _("preflight scan: interrupted; nothing was recorded"));
      _exit (130);
    }

  g_cancellable_cancel (job->cancellable);
  return G_SOURCE_CONTINUE;
}

/* A count for a translated message: xgettext cannot see through
 * G_GUINT64_FORMAT in a msgid. */
static char *
format_count (guint64 count)
{
  return g_strdup_printf ("%" G_GUINT64_FORMAT, count);
}

/* Called from the scanning thread; only when stderr is a terminal. */
static void
scan_progress_cb (guint64  bytes_read,
                  guint64  bytes_total,
                  guint64  rows,
                  gpointer user_data)
{
  ScanJob *job = user_data;
  double percent = bytes_total > 0 ? 100.0 * bytes_read / bytes_total : 0;
  g_autofree char *count = format_count (rows);

  /* Translators: a progress line, e.g. "Scanning… 45 % (123456 rows)". */
  fputc ('\r', stderr);
  fprintf (stderr, _("Scanning… %3.0f %% (%s rows)"), percent, count);
  fflush (stderr);
  job->progress_shown = TRUE;
}

static char *
format_size (guint64 bytes)
{
  return g_format_size_full (bytes, G_FORMAT_SIZE_DEFAULT);
}

/* Pads @text with spaces to @width characters (not bytes), or shortens it
 * with an ellipsis. */
static void
append_cell (GString    *line,
             const char *text,
             guint       width,
             gboolean    right)
{
  glong length = g_utf8_strlen (text, -1);

  if (length > (glong)width)
    {
      const char *end = g_utf8_offset_to_pointer (text, width - 1);

      g_string_append_len (line, text, end - text);
      g_string_append (line, "…");
      return;
    }
  if (right)
    g_string_append_printf (line, "%*s", (int)(width - length), "");
  g_string_append (line, text);
  if (!right)
    g_string_append_printf (line, "%*s", (int)(width - length), "");
}

/* A header line: the label padded to @width characters. */
static void
print_field (const char *label,
             guint       width,
             const char *value)
{
  g_autoptr(GString) line = g_string_new (NULL);

  append_cell (line, label, width, FALSE);
  g_string_append_printf (line, "  %s", value);
  g_print ("%s\n", line->str);
}

static char *
format_share (guint64 part,
              guint64 whole)
{
  double share = whole > 0 ? 100.0 * part / whole : 0;

  if (part == 0)
    return g_strdup ("0 %");
  if (share < 0.1)
    return g_strdup ("<0.1 %");
  return g_strdup_printf ("%.1f %%", share);
}

static char *
format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.6g", value));
}

static char *
format_date (const PfScanColumn *column,
             gboolean            max)
{
  const char *text = max ? column->max_text : column->min_text;
  g_autoptr(GDateTime) time = NULL;

  if (text != NULL)
    return g_strdup (text);
  if (!(time = g_date_time_new_from_unix_utc ((gint64)(max ? column->max : column->min))))
    return g_strdup ("?");
  return g_date_time_format (time, "%Y-%m-%d");
}

/* The column's range, or its most frequent values. */
static char *
format_values (const PfScanColumn *column)
{
  GString *text;

  if (column->top_masked)
    /* Translators: instead of the most frequent values of a column with personal data. */
    return g_strdup (_("(masked: personal data)"));

  if (column->has_range && column->type == PF_COLUMN_TYPE_DATE_TIME)
    {
      g_autofree char *min = format_date (column, FALSE);
      g_autofree char *max = format_date (column, TRUE);

      return g_strdup_printf ("%s … %s", min, max);
    }

  if (column->has_range && (column->type == PF_COLUMN_TYPE_INTEGER || column->type == PF_COLUMN_TYPE_DECIMAL ||
                            column->type == PF_COLUMN_TYPE_IDENTIFIER))
    {
      g_autofree char *min = format_number (column->min);
      g_autofree char *max = format_number (column->max);

      return g_strdup_printf ("%s … %s", min, max);
    }

  text = g_string_new (NULL);
  for (guint i = 0; i < column->n_top; i++)
    {
      g_autofree char *value = NULL;

      if (column->top[i].value == NULL)
        continue;
      /* One line per row of the table: line breaks and tabs as spaces. */
      value = g_strdup (column->top[i].value);
      g_strdelimit (value, "\r\n\t", ' ');
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append_printf (text, "%s (%" G_GUINT64_FORMAT ")", value, column->top[i].count);
    }

  return g_string_free (text, FALSE);
}

static char *
format_personal (JsonObject *scan)
{
  JsonArray *kinds = pf_json_object_get_array (scan, "personal-data");
  GString *text = g_string_new (NULL);

  for (guint i = 0; kinds != NULL && i < json_array_get_length (kinds); i++)
    {
      const char *id = pf_json_array_get_string (kinds, i);
      const char *label = id;

      if (id == NULL)
        continue;

      /* Translators: short names of kinds of personal data, for a table. */
      if (g_str_equal (id, "email"))
        label = C_("personal data", "e-mail");
      else if (g_str_equal (id, "phone"))
        label = C_("personal data", "phone");
      else if (g_str_equal (id, "iban"))
        label = C_("personal data", "IBAN");
      else if (g_str_equal (id, "card"))
        label = C_("personal data", "card");
      else if (g_str_equal (id, "ip"))
        label = C_("personal data", "IP");
      else if (g_str_equal (id, "person-name"))
        label = C_("personal data", "name");
      else if (g_str_equal (id, "address"))
        label = C_("personal data", "address");
      else if (g_str_equal (id, "birth-date"))
        label = C_("personal data", "birth date");
      else if (g_str_equal (id, "national-id"))
        label = C_("personal data", "national ID");
      else if (g_str_equal (id, "contact"))
        label = C_("personal data", "contact");
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, label);
    }

  return g_string_free (text, FALSE);
}

static char *
format_leak (const PfScanColumn *column)
{
  const char *approximate = column->leak_exact ? "" : "~";

  switch (column->leak_measure)
    {
    case PF_LEAK_MEASURE_AUC:
      /* Translators: AUC is the area under the ROC curve; keep it short. */
      return g_strdup_printf (_("AUC %s%.2f"), approximate, column->leak_score);
    case PF_LEAK_MEASURE_ASSOCIATION:
      /* Translators: V is Cramér's V, an association measure; keep it short. */
      return g_strdup_printf (_("V %s%.2f"), approximate, column->leak_score);
    case PF_LEAK_MEASURE_NONE:
    default:
      return g_strdup ("");
    }
}

static void
print_scan_header (const PfScanResult *result,
                   const char         *path)
{
  const char *labels[] = {
    _("File"), _("SHA-256"), _("Rows"), _("Dialect"), _("Problems"), _("Duplicates"),
    _("Target"), _("Prediction time"), _("Re-identification"),
  };
  guint width = 0;
  g_autofree char *size = format_size (result->n_bytes);
  g_autofree char *file = g_filename_display_name (path);
  g_autofree char *value = NULL;
  gboolean any_problem = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    width = MAX (width, (guint)g_utf8_strlen (labels[i], -1));

  value = g_strdup_printf ("%s (%s)", file, size);
  print_field (labels[0], width, value);
  print_field (labels[1], width, result->sha256);
  g_clear_pointer (&value, g_free);
  {
    g_autofree char *rows = format_count (result->n_rows);

    /* Translators: e.g. "1000000 rows, 25 columns, scanned in 1.4 s". */
    value = g_strdup_printf (_("%s rows, %u columns, scanned in %.1f s"),
                             rows, result->n_columns, result->seconds);
  }
  print_field (labels[2], width, value);
  g_clear_pointer (&value, g_free);
  /* Translators: the CSV dialect, e.g. "Comma-separated, with a header, UTF-8". */
  value = g_strdup_printf (_("%s-separated, %s, %s"),
                           pf_csv_delimiter_describe (result->delimiter),
                           result->has_header ? _("with a header") : _("no header"),
                           pf_csv_encoding_describe (result->encoding));
  print_field (labels[3], width, value);

  for (guint p = 0; p < PF_CSV_N_PROBLEMS; p++)
    {
      g_autoptr(GString) text = NULL;

      if (result->problem_counts[p] == 0)
        continue;
      text = g_string_new (NULL);
      g_string_append_printf (text, "%s: %" G_GUINT64_FORMAT, pf_csv_problem_describe (p), result->problem_counts[p]);
      if (result->n_problem_sites[p] > 0)
        {
          /* Translators: before the first line numbers where a problem is. */
          g_string_append_printf (text, " (%s ", g_dngettext (GETTEXT_PACKAGE, "line", "lines",
                                                             (gulong)MIN (result->problem_counts[p], G_MAXULONG)));
          for (guint i = 0; i < result->n_problem_sites[p] && i < 5; i++)
            g_string_append_printf (text, "%s%" G_GUINT64_FORMAT, i > 0 ? ", " : "", result->problem_sites[p][i].line);
          if (result->problem_counts[p] > 5)
            g_string_append (text, ", …");
          g_string_append_c (text, ')');
        }
      print_field (any_problem ? "" : labels[4], width, text->str);
      any_problem = TRUE;
    }
  if (result->n_blank_lines > 0)
    {
      g_autofree char *count = format_count (result->n_blank_lines);
      g_autofree char *blank = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%s blank line skipped",
                                                             "%s blank lines skipped",
                                                             (gulong)MIN (result->n_blank_lines, G_MAXULONG)),
                                                count);
      print_field (any_problem ? "" : labels[4], width, blank);
      any_problem = TRUE;
    }
  if (!any_problem)
    print_field (labels[4], width, _("none"));

  g_clear_pointer (&value, g_free);
  if (result->n_duplicate_rows > 0)
    {
      g_autofree char *share = format_share (result->n_duplicate_rows, result->n_rows);
      g_autofree char *count = format_count (result->n_duplicate_rows);

      /* Translators: e.g. "12 rows (0.1 %) equal an earlier row". */
      value = g_strdup_printf (_("%s rows (%s) equal an earlier row"), count, share);
      if (!result->duplicates_exact)
        {
          char *estimated = g_strconcat ("~", value, NULL);

          g_free (value);
          value = estimated;
        }
    }
  else
    value = g_strdup (_("none"));
  print_field (labels[5], width, value);

  if (result->target_column >= 0)
    {
      g_autoptr(GString) text = g_string_new (result->columns[result->target_column].name);

      g_string_append (text, " — ");
      for (guint i = 0; i < result->n_classes && i < 8; i++)
        {
          g_autofree char *share = format_share (result->classes[i].count, result->n_rows);

          /* A class: its label, its count and share, e.g. "yes: 30 (30.0 %)". */
          g_string_append_printf (text, "%s%s: %" G_GUINT64_FORMAT " (%s)", i > 0 ? ", " : "",
                                  result->classes[i].value, result->classes[i].count, share);
        }
      if (result->n_classes > 8 || result->classes_truncated)
        g_string_append (text, ", …");
      if (result->n_classes == 0)
        /* Translators: the target has too many values to be a class label. */
        g_string_append (text, _("not a class label (too many values)"));
      print_field (labels[6], width, text->str);
    }
  if (result->prediction_time_column >= 0)
    print_field (labels[7], width, result->columns[result->prediction_time_column].name);

  if (result->n_quasi_ids > 0)
    {
      g_autoptr(GString) names = g_string_new (NULL);
      g_autofree char *unique = format_share (result->n_unique_rows, result->n_rows);
      g_autofree char *risk = format_share (result->n_rows_at_risk, result->n_rows);
      g_autofree char *k = format_count (result->k);
      g_autofree char *n_unique = format_count (result->n_unique_rows);
      g_autofree char *n_risk = format_count (result->n_rows_at_risk);

      for (guint i = 0; i < result->n_quasi_ids; i++)
        g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", result->columns[result->quasi_ids[i]].name);
      g_clear_pointer (&value, g_free);
      /* Translators: re-identification risk; k is the smallest group of rows
       * sharing the quasi-identifiers' values, e.g. "k = 1 over zip, age
       * (threshold 5): 25 unique rows (2.5 %), 70 rows (7.0 %) at risk". */
      value = g_strdup_printf (_("k = %s over %s (threshold %u): %s unique rows (%s), %s rows (%s) at risk"),
                               k, names->str, result->k_threshold, n_unique, unique, n_risk, risk);
      if (!result->reidentification_exact)
        {
          /* Translators: after the re-identification figures when they come from a sample of the rows. */
          char *estimated = g_strconcat (value, _(" (estimated from a sample)"), NULL);

          g_free (value);
          value = estimated;
        }
      print_field (labels[8], width, value);
    }
}

enum { T_NAME, T_TYPE, T_MISSING, T_DISTINCT, T_VALUES, T_PERSONAL, T_LEAK, T_MARK, N_T };

static void
print_scan_table (const PfScanResult *result)
{
  const char *headings[N_T] = {
    /* Translators: headings of the scan's table of columns; keep them short. */
    C_("scan table", "COLUMN"), C_("scan table", "TYPE"), C_("scan table", "MISSING"),
    C_("scan table", "DISTINCT"), C_("scan table", "RANGE OR TOP VALUES"),
    C_("scan table", "PERSONAL"), C_("scan table", "LEAK"), "",
  };
  const guint max_widths[N_T] = { 24, 18, 8, 10, 34, 18, 10, 10 };
  const gboolean right[N_T] = { FALSE, FALSE, TRUE, TRUE, FALSE, FALSE, FALSE, FALSE };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  guint widths[N_T] = { 0 };

  for (guint i = 0; i < result->n_columns; i++)
    {
      const PfScanColumn *column = &result->columns[i];
      g_autoptr(JsonNode) scan = pf_scan_column_to_json (result, i, FALSE);
      char **cells = g_new0 (char *, N_T + 1);

      cells[T_NAME] = g_strdup (column->name);
      if ((int)i == result->target_column)
        /* Translators: a mark after the target column's type. */
        cells[T_TYPE] = g_strdup_printf ("%s %s", pf_column_type_describe (column->type), _("(target)"));
      else
        cells[T_TYPE] = g_strdup (pf_column_type_describe (column->type));
      cells[T_MISSING] = format_share (column->n_missing, column->n_missing + column->n_values);
      cells[T_DISTINCT] = g_strdup_printf ("%s%" G_GUINT64_FORMAT, column->distinct_exact ? "" : "~", column->n_distinct);
      cells[T_VALUES] = format_values (column);
      cells[T_PERSONAL] = format_personal (json_node_get_object (scan));
      cells[T_LEAK] = format_leak (column);
      if (pf_scan_column_is_suspect (column))
        /* Translators: the mark of a leakage suspect in the scan's table. */
        cells[T_MARK] = g_strdup (_("SUSPECT"));
      else if (column->leak_reasons & PF_LEAK_REASON_IDENTIFIER)
        /* Translators: the mark of an identifier-like column in the scan's table. */
        cells[T_MARK] = g_strdup (_("identifier"));
      else
        cells[T_MARK] = g_strdup ("");
      g_ptr_array_add (rows, cells);
    }

  for (guint t = 0; t < N_T; t++)
    {
      widths[t] = g_utf8_strlen (headings[t], -1);
      for (guint i = 0; i < rows->len; i++)
        widths[t] = MAX (widths[t], (guint)g_utf8_strlen (((char **)g_ptr_array_index (rows, i))[t], -1));
      widths[t] = MIN (widths[t], MAX (max_widths[t], (guint)g_utf8_strlen (headings[t], -1)));
    }

  for (int i = -1; i < (int)rows->len; i++)
    {
      const char * const *cells = i < 0 ? headings : (const char * const *)g_ptr_array_index (rows, i);
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint t = 0; t < N_T; t++)
        {
          if (t > 0)
            g_string_append (line, "  ");
          append_cell (line, cells[t], widths[t], right[t]);
        }
      /* No trailing spaces. */
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      g_print ("%s\n", line->str);
    }
}

typedef enum
{
  LIST_SUSPECTS,
  LIST_PERSONAL,
  LIST_IDENTIFIERS,
  LIST_QUALITY,
} ListKind;

static gboolean
column_in_list (const PfScanResult *result,
                guint               index,
                ListKind            kind)
{
  const PfScanColumn *column = &result->columns[index];

  switch (kind)
    {
    case LIST_SUSPECTS:
      return pf_scan_column_is_suspect (column);
    case LIST_PERSONAL:
      return column->personal_data;
    case LIST_IDENTIFIERS:
      return (column->leak_reasons & PF_LEAK_REASON_IDENTIFIER) != 0;
    case LIST_QUALITY:
      return pf_scan_is_constant (column->n_values, column->n_distinct) ||
             pf_scan_is_nearly_empty (column->n_values, column->n_missing);
    default:
      return FALSE;
    }
}

static void
print_scan_list (const PfScanResult *result,
                 ListKind            kind,
                 const char         *heading)
{
  guint n = 0;

  for (guint i = 0; i < result->n_columns; i++)
    n += column_in_list (result, i, kind);
  if (n == 0)
    return;

  g_print ("\n%s (%u)\n", heading, n);
  for (guint i = 0; i < result->n_columns; i++)
    {
      const PfScanColumn *column = &result->columns[i];
      g_autofree char *item = NULL;
      g_autofree char *summary = NULL;
      guint64 total = column->n_values + column->n_missing;

      if (!column_in_list (result, i, kind))
        continue;

      if (kind == LIST_QUALITY)
        {
          if (column->type == PF_COLUMN_TYPE_EMPTY || column->n_values == 0)
            summary = g_strdup (_("Every value missing"));
          else if (column->n_distinct == 1)
            summary = g_strdup (_("Constant: one value only"));
          else
            {
              g_autofree char *share = format_share (column->n_missing, total);

              /* Translators: %s is a share such as "97.0 %". */
              summary = g_strdup_printf (_("Nearly empty: %s missing"), share);
            }
        }
      else
        {
          g_autoptr(JsonNode) scan = pf_scan_column_to_json (result, i, FALSE);

          summary = pf_scan_evidence_describe (json_node_get_object (scan));
        }
      /* Translators: a list item, a column's name and why it is listed. */
      item = g_strdup_printf (_("%s — %s"), column->name, summary);
      print_wrapped ("  • ", "    ", item);
    }
}

static void
print_scan (const PfScanResult *result,
            const char         *path)
{
  print_scan_header (result, path);
  g_print ("\n");
  print_scan_table (result);
  print_scan_list (result, LIST_SUSPECTS, _("Leakage suspects: review before training"));
  print_scan_list (result, LIST_PERSONAL, _("Personal data: for the privacy review"));
  print_scan_list (result, LIST_IDENTIFIERS, _("Identifier-like columns: not features to train on"));
  print_scan_list (result, LIST_QUALITY, _("Constant or nearly empty columns"));
}

static gboolean
parse_delimiter (const char *text,
                 char       *delimiter)
{
  if (g_str_equal (text, "tab") || g_str_equal (text, "\\t") || g_str_equal (text, "\t"))
    *delimiter = '\t';
  else if (strlen (text) == 1 && text[0] != '"' && text[0] != '\r' && text[0] != '\n')
    *delimiter = text[0];
  else
    return FALSE;

  return TRUE;
}

static int
run_scan (int    argc,
          char **argv)
{
  g_autofree char *target = NULL;
  g_autofree char *prediction_time = NULL;
  g_auto(GStrv) quasi_id_args = NULL;
  g_autofree char *delimiter_name = NULL;
  g_autofree char *project_path = NULL;
  gboolean no_header = FALSE;
  gboolean header = FALSE;
  gboolean json = FALSE;
  int k = 0;
  const GOptionEntry entries[] = {
    { "target", 't', 0, G_OPTION_ARG_STRING, &target,
      N_("The column the model predicts (required)"), N_("COL") },
    { "prediction-time", 0, 0, G_OPTION_ARG_STRING, &prediction_time,
      N_("The column with the time of each prediction: later dates in other columns are suspect"), N_("COL") },
    { "quasi-id", 'q', 0, G_OPTION_ARG_STRING_ARRAY, &quasi_id_args,
      N_("Quasi-identifier columns for the re-identification risk, separated by commas"), N_("COL,…") },
    { "k", 'k', 0, G_OPTION_ARG_INT, &k,
      N_("The smallest group size to reach (default 5)"), N_("N") },
    { "delimiter", 'd', 0, G_OPTION_ARG_STRING, &delimiter_name,
      N_("The field delimiter (one character, or “tab”) instead of detecting it"), N_("C") },
    { "header", 0, 0, G_OPTION_ARG_NONE, &header,
      N_("The first row holds the column names (instead of detecting it)"), NULL },
    { "no-header", 0, 0, G_OPTION_ARG_NONE, &no_header,
      N_("The first row is data, not column names (columns are then “Column 1”, …)"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the whole result as JSON (data/scan-format.md), for tools"), NULL },
    { "project", 'p', 0, G_OPTION_ARG_FILENAME, &project_path,
      N_("Record the scan in this project: its features and a dataset-scans record"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("DATA.csv — measure a dataset: leakage suspects, data quality, personal data"));
  g_autoptr(GPtrArray) quasi_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(PfDocument) document = NULL;
  g_autoptr(GFile) data_file = NULL;
  g_autoptr(GFile) project_file = NULL;
  g_autoptr(GCancellable) cancellable = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(PfScanResult) result = NULL;
  g_autoptr(GError) error = NULL;
  PfScanOptions options = { 0 };
  ScanJob job = { 0 };
  GThread *thread;
  guint sigint_id;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Reads a CSV or TSV file once and prints, per column, its type, missing values, distinct "
      "values, range or most frequent values, the personal data found and how well the column "
      "alone separates the target; then the leakage suspects, the personal-data columns, the "
      "re-identification risk over the quasi-identifiers, duplicates and the target balance. "
      "The values of personal-data columns are never shown. With --project, the figures (never "
      "the data) are recorded in the project as the application does: a feature per column, "
      "new ones added, nothing a reviewer wrote changed, in one undo step. "
      "Ctrl+C stops the scan; nothing is recorded then.\n"
      "\n"
      "Exit status: 0 when the file was scanned, also when it has suspects (the scan is "
      "evidence; “preflight check” is the gate); 1 when the data cannot be read or scanned; "
      "2 when the options are wrong, a named column is not in the file, or the project cannot "
      "be read or written; 130 when interrupted."));

  if (!parse_options (context, &argc, &argv))
    return PF_CLI_EXIT_ERROR;

  if (argc != 2 || target == NULL || target[0] == '\0')
    {
      g_printerr ("%s\n", _("preflight scan: give one data file and the target column with --target COL\n"
                            "Run “preflight scan --help” to see the options."));
      return PF_CLI_EXIT_ERROR;
    }

  if (header && no_header)
    {
      g_printerr (_("preflight scan: give --header or --no-header, not both\n"));
      return PF_CLI_EXIT_ERROR;
    }

  if (k < 0 || k == 1)
    {
      g_printerr (_("preflight scan: --k must be 2 or more (got %d)\n"), k);
      return PF_CLI_EXIT_ERROR;
    }

  if (delimiter_name != NULL && !parse_delimiter (delimiter_name, &options.csv.delimiter))
    {
      g_printerr (_("preflight scan: the delimiter must be one character or “tab”, not “%s”\n"), delimiter_name);
      return PF_CLI_EXIT_ERROR;
    }

  for (guint i = 0; quasi_id_args != NULL && quasi_id_args[i] != NULL; i++)
    {
      g_auto(GStrv) names = g_strsplit (quasi_id_args[i], ",", -1);

      for (guint j = 0; names[j] != NULL; j++)
        {
          if (names[j][0] != '\0')
            g_ptr_array_add (quasi_ids, g_strdup (names[j]));
        }
    }
  g_ptr_array_add (quasi_ids, NULL);

  data_file = g_file_new_for_commandline_arg (argv[1]);

  /* The project first: a wrong project fails before a long scan. */
  if (project_path != NULL)
    {
      project_file = g_file_new_for_commandline_arg (project_path);
      if (g_file_equal (project_file, data_file))
        {
          g_printerr (_("preflight scan: %s is the data file itself: give the project file to --project\n"), project_path);
          return PF_CLI_EXIT_ERROR;
        }
      if (!(document = open_document (project_path)))
        return PF_CLI_EXIT_ERROR;
      if (pf_document_get_read_only (document))
        {
          g_printerr (_("preflight scan: %s was written by a newer Preflight: it cannot be changed here\n"), project_path);
          return PF_CLI_EXIT_ERROR;
        }
    }

  options.csv.header = no_header ? PF_CSV_HEADER_ABSENT : header ? PF_CSV_HEADER_PRESENT : PF_CSV_HEADER_DETECT;
  options.target = target;
  options.prediction_time = prediction_time;
  options.quasi_ids = quasi_ids->len > 1 ? (const char * const *)quasi_ids->pdata : NULL;
  options.k_threshold = (guint)k;

  cancellable = g_cancellable_new ();
  loop = g_main_loop_new (NULL, FALSE);
  job.file = data_file;
  job.options = &options;
  job.cancellable = cancellable;
  job.loop = loop;
  if (isatty (STDERR_FILENO))
    {
      options.progress = scan_progress_cb;
      options.progress_data = &job;
    }

  sigint_id = g_unix_signal_add (SIGINT, scan_job_sigint_cb, &job);
  thread = g_thread_new ("scan", scan_job_thread, &job);
  g_main_loop_run (loop);
  g_thread_join (thread);
  g_source_remove (sigint_id);

  if (job.progress_shown)
    fprintf (stderr, "\r\033[K");
  result = g_steal_pointer (&job.result);
  error = g_steal_pointer (&job.error);

  if (result == NULL)
    {
      g_autofree char *name = g_filename_display_name (argv[1]);

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_printerr ("%s\n", _("preflight scan: interrupted; nothing was recorded"));
          return 130;
        }
      /* File errors name the file already. */
      if (error->domain == G_IO_ERROR)
        g_printerr ("preflight scan: %s\n", error->message);
      else
        g_printerr ("preflight scan: %s: %s\n", name, error->message);
      return g_error_matches (error, PF_SCAN_ERROR, PF_SCAN_ERROR_NO_COLUMN) ? PF_CLI_EXIT_ERROR : PF_CLI_EXIT_FAILED;
    }

  if (json)
    {
      g_autoptr(JsonNode) node = pf_scan_result_to_json (result, TRUE);
      g_autoptr(GString) text = g_string_new (NULL);

      /* The project file's own writer: json-glib 1.6's generator leaves
       * some control characters unescaped, which is not JSON. */
      pf_json_append_pretty (text, node);
      g_print ("%s", text->str);
    }
  else
    print_scan (result, argv[1]);

  if (document != NULL)
    {
      g_autofree char *id = NULL;
      g_autoptr(GBytes) bytes = NULL;
      guint added = 0, updated = 0;

      if (!(id = pf_scan_record (document, result, &added, &updated, &error)))
        {
          g_printerr ("preflight scan: %s: %s\n", project_path, error->message);
          return PF_CLI_EXIT_ERROR;
        }

      /* g_file_replace_contents() writes a temporary file and renames it:
       * a failed write leaves the project as it was. */
      bytes = pf_document_serialize (document);
      if (!g_file_replace_contents (project_file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error))
        {
          g_printerr ("preflight scan: %s: %s\n", project_path, error->message);
          return PF_CLI_EXIT_ERROR;
        }

      /* With --json, stdout holds the JSON only. */
      {
        g_autofree char *message = NULL;
        g_autofree char *features = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                  "%u feature added",
                                                                  "%u features added", added), added);
        g_autofree char *changed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                 "%u updated",
                                                                 "%u updated", updated), updated);

        /* Translators: e.g. "Recorded in churn.preflight as scan-2: 20 features added, 4 updated". */
        message = g_strdup_printf (_("Recorded in %s as %s: %s, %s"), project_path, id, features, changed);
        if (json)
          g_printerr ("%s\n", message);
        else
          g_print ("\n%s\n", message);
      }
    }

  return PF_CLI_EXIT_OK;
}

/**
 * pf_cli_run:
 * @argv: the program's arguments, argv[1] being a command
 *
 * Returns: the exit status
 */
int
pf_cli_run (int    argc,
            char **argv)
{
  g_return_val_if_fail (argc > 1, PF_CLI_EXIT_ERROR);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (argv[1], commands[i].name))
        {
          g_autofree char *prgname = g_strconcat ("preflight ", commands[i].name, NULL);

          g_set_prgname (prgname);
          /* The command sees itself as argv[0]. */
          return commands[i].run (argc - 1, argv + 1);
        }
    }

  g_printerr ("preflight: unknown command “%s”\n", argv[1]);
  return PF_CLI_EXIT_ERROR;
}
