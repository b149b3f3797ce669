/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>

#include "pf-document.h"

/* Test helper for test-cli.sh: writes a project built through the API, with
 * N audit entries and a sign-off record, to PATH. Prints the head hash after
 * the first entry ("early HASH") and the final one ("head HASH").
 *
 * With "ready-with-conditions", the project also has a business question, a
 * deployment plan signed by IT, and the whole project approved with
 * conditions: what `preflight check` calls READY WITH CONDITIONS against a
 * catalog that asks nothing else.
 *
 * usage: make-project PATH N [ready-with-conditions] */

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
  gboolean conditional;
  guint n;

  if (argc < 3 || argc > 4 || (n = strtoul (argv[2], NULL, 10)) < 2 ||
      (argc == 4 && !g_str_equal (argv[3], "ready-with-conditions")))
    {
      g_printerr ("usage: make-project PATH N [ready-with-conditions] (N ≥ 2)\n");
      return 2;
    }
  conditional = argc == 4;

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

  if (conditional)
    {
      static const char * const answers[] = {
        "deployment-plan.target-kind", "batch-to-database",
        "deployment-plan.schedule", "Daily at 02:00 UTC",
        "deployment-plan.rollback", "Switch the job back to the previous model version",
        "deployment-plan.it-contact", "stakeholder-1",
      };
      g_autofree char *it = NULL;

      if (!pf_document_change_business_question (document, "Which customers will cancel within 60 days?",
                                                 "Top-decile lift of at least 3", NULL, &error))
        g_error ("%s", error->message);
      for (guint i = 0; i < G_N_ELEMENTS (answers); i += 2)
        {
          g_autoptr(JsonNode) value = json_node_init_string (json_node_alloc (), answers[i + 1]);

          if (!pf_document_set_answer (document, answers[i], value, &error))
            g_error ("%s", error->message);
        }
      if (!(it = pf_document_sign_off (document, "deployment-plan", "Tomasz Nowak", "IT operations", "approved",
                                       NULL, &error)))
        g_error ("%s", error->message);
    }

  sign_off = pf_document_sign_off (document, "project", "Grace Hopper", "Sponsor",
                                   conditional ? "approved-with-conditions" : "approved",
                                   conditional ? "Retrain every month" : NULL, &error);
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
