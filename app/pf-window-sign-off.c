/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pf-scope.h"
#include "pf-sign-off-dialog.h"
#include "pf-window-private.h"

/* The "win.sign-off" action: the sign-off dialog for a scope, and the
 * record it makes. Pages offer it with the scope id as the target, e.g.
 * "phase:modeling" or "leakage-review". */

static char *
dup_setting (PfWindow   *self,
             const char *key)
{
  return g_strstrip (g_settings_get_string (self->settings, key));
}

static void
sign_off_response_cb (PfSignOffDialog *dialog,
                      const char      *response,
                      PfWindow        *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *conditions = NULL;
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;
  PfDocument *document = pf_sign_off_dialog_get_document (dialog);

  if (!g_str_equal (response, "sign-off"))
    return;

  /* Signed is what the dialog showed: not another project opened in this
   * window meanwhile. */
  if (document != self->document)
    {
      pf_window_show_error (self, _("Could Not Record the Sign-off"),
                            _("The project you were signing is no longer open in this window. Nothing was recorded."));
      return;
    }

  name = g_strstrip (g_strdup (pf_sign_off_dialog_get_name (dialog)));
  role = g_strstrip (g_strdup (pf_sign_off_dialog_get_role (dialog)));
  conditions = g_strstrip (pf_sign_off_dialog_dup_conditions (dialog));
  id = pf_document_sign_off (document, pf_sign_off_dialog_get_scope (dialog),
                             name, role, pf_sign_off_dialog_get_meaning (dialog), conditions,
                             &error);
  if (id == NULL)
    {
      pf_window_show_error (self, _("Could Not Record the Sign-off"), error->message);
      return;
    }

  {
    g_autofree char *title = pf_scope_dup_title (pf_sign_off_dialog_get_scope (dialog));
    g_autofree char *message = NULL;

    /* Translators: %s is what was signed, such as "Modeling phase". */
    message = g_strdup_printf (_("Signed off %s"), title);
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
  }
}

static void
sign_off_action (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  PfWindow *self = user_data;
  const char *scope = g_variant_get_string (param, NULL);
  PfCatalog *catalog;
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;
  GtkWidget *dialog;

  if (self->document == NULL)
    return;

  if (!pf_scope_is_valid (scope))
    {
      g_autofree char *body = NULL;

      /* Translators: %s is the id of a sign-off scope. */
      body = g_strdup_printf (_("There is no sign-off scope “%s”."), scope);
      pf_window_show_error (self, _("Could Not Sign Off"), body);
      return;
    }

  /* An empty name in Preferences means the name the audit trail uses. */
  name = dup_setting (self, "user-name");
  if (name[0] == '\0' && pf_document_get_actor (self->document) != NULL)
    {
      g_free (name);
      name = g_strdup (pf_document_get_actor (self->document));
    }
  role = dup_setting (self, "user-role");

  catalog = pf_application_get_catalog (PF_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  dialog = pf_sign_off_dialog_new (GTK_WINDOW (self), catalog, self->document, scope, name, role);
  g_signal_connect_object (dialog, "response", G_CALLBACK (sign_off_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static const GActionEntry sign_off_actions[] = {
  { "sign-off", sign_off_action, "s" },
};

void
_pf_window_sign_off_init (PfWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), sign_off_actions, G_N_ELEMENTS (sign_off_actions), self);
}

/* Nothing is signed in a project this version may not change. */
void
_pf_window_sign_off_update_actions (PfWindow *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "sign-off");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action),
                               self->document != NULL && !pf_document_get_read_only (self->document));
}
