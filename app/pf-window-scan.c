/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pf-scan-dialog.h"
#include "pf-window-private.h"

/* The "win.scan-dataset" action (Ctrl+Shift+D): the dialog that scans a
 * CSV or TSV file into the project shown, and the toast that offers to undo
 * what it recorded. */

static void
scan_dialog_recorded_cb (PfWindow     *self,
                         guint         n_added,
                         guint         n_updated,
                         const char   *scan_id,
                         PfScanDialog *dialog)
{
  g_autofree char *added = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  /* Translators: the first half of "Scan recorded: 3 features added, 2 updated". */
  added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u feature added", "%u features added", n_added), n_added);
  /* Translators: %s is "3 features added"; %u the features updated. */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Scan recorded: %s, %u updated", "Scan recorded: %s, %u updated", n_updated),
                           added, n_updated);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
scan_dataset_action (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  PfWindow *self = user_data;
  GtkWidget *dialog;

  if (self->document == NULL || pf_document_get_read_only (self->document))
    return;

  dialog = pf_scan_dialog_new (GTK_WINDOW (self), self->document);
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (scan_dialog_recorded_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static const GActionEntry scan_actions[] = {
  { "scan-dataset", scan_dataset_action },
};

void
_pf_window_scan_init (PfWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), scan_actions, G_N_ELEMENTS (scan_actions), self);
}

/* A scan writes into the project: not into one opened read-only. */
void
_pf_window_scan_update_actions (PfWindow *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "scan-dataset");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action),
                               self->document != NULL && !pf_document_get_read_only (self->document));
}
