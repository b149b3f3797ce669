/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "pf-audit.h"
#include "pf-cli.h"
#include "pf-document.h"
#include "pf-scope.h"

/* The command-line side of the binary: it never opens a display. */

typedef struct
{
  const char *name;
  int       (*run) (int argc, char **argv);
} Command;

static int run_verify (int argc, char **argv);

static const Command commands[] = {
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
           "  verify FILE [--anchor HASH]   Check the audit trail's hash chain and the sign-off records\n"
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
