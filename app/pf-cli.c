/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
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

static const Command commands[] = {
  { "check", run_check },
  { "report", run_report },
  { "verify", run_verify },
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

  if (!(document = load_document (path, &error)))
    {
      /* File errors name the file already; parse errors do not. */
      if (error->domain == G_IO_ERROR)
        g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      else
        g_printerr ("%s: %s: %s\n", g_get_prgname (), path, error->message);
      return FALSE;
    }

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
