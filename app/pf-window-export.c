/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pf-export-dialog.h"
#include "pf-window-private.h"

/* The "win.export-report" action (Ctrl+E): the export dialog for the
 * project shown, and the toast that offers to open what it wrote. */

static void
export_dialog_exported_cb (PfWindow       *self,
                           GFile          *file,
                           const char     *anchor,
                           PfExportDialog *dialog)
{
  g_autofree char *uri = g_file_get_uri (file);
  AdwToast *toast;

  toast = adw_toast_new (_("Report exported"));
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-report");
  adw_toast_set_action_target (toast, "s", uri);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
export_report_action (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  PfWindow *self = user_data;
  PfCatalog *catalog;
  GtkWidget *dialog;

  if (self->document == NULL)
    return;

  catalog = pf_application_get_catalog (PF_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  dialog = pf_export_dialog_new (GTK_WINDOW (self), catalog, self->document);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (export_dialog_exported_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The URI of a report just exported, from the toast's Open button. */
static void
open_report_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  gtk_show_uri (GTK_WINDOW (user_data), g_variant_get_string (param, NULL), GDK_CURRENT_TIME);
}

static const GActionEntry export_actions[] = {
  { "export-report", export_report_action },
  { "open-report", open_report_action, "s" },
};

void
_pf_window_export_init (PfWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), export_actions, G_N_ELEMENTS (export_actions), self);
}

/* A read-only project can be exported: the report only reads it. */
void
_pf_window_export_update_actions (PfWindow *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "export-report");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->document != NULL);
}
