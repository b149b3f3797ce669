/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>

#include "pf-document.h"

/* Test helper for test-cli.sh: writes a project built through the API, with
 * N audit entries and a sign-off record, to PATH. Prints the head hash after
 * the first entry ("early HASH") and the final one ("head HASH").
 *
 * usage: make-project PATH N */

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PfDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *early = NULL;
  g_autofree char *sign_off = NULL;
  guint n;

  if (argc != 3 || (n = strtoul (argv[2], NULL, 10)) < 2)
    {
      g_printerr ("usage: make-project PATH N (N ≥ 2)\n");
      return 2;
    }

  document = pf_document_new ();
  pf_document_set_actor (document, "Ada Lovelace");

  /* Title and description in turn, so that no two edits fold into one entry. */
  for (guint i = 1; i < n; i++)
    {
      g_autofree char *value = g_strdup_printf ("Value %u", i);

      if (!pf_document_set_string (document, "metadata", i % 2 ? "title" : "description", value, &error))
        g_error ("%s", error->message);
      if (i == 1)
        early = g_strdup (pf_document_get_audit_head (document));
    }

  sign_off = pf_document_sign_off (document, "project", "Grace Hopper", "Sponsor", "approved", NULL, &error);
  if (sign_off == NULL)
    g_error ("%s", error->message);

  file = g_file_new_for_commandline_arg (argv[1]);
  pf_document_save_async (document, file, TRUE, NULL, done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (!pf_document_save_finish (document, result, &error))
    {
      g_printerr ("make-project: %s\n", error->message);
      return 1;
    }

  g_print ("early %s\n", early);
  g_print ("head %s\n", pf_document_get_audit_head (document));

  return 0;
}
