/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pf-application.h"
#include "pf-draft.h"
#include "pf-scope-describe.h"
#include "pf-window-private.h"

/* Saving, Save As, a file changed on disk, drafts of unsaved work, undo and
 * the question asked when a window with unsaved changes closes. */

/* Longer than a toast's show animation (at most 500 ms in libadwaita 1.2). */
#define UNDO_TOAST_SETTLE_USEC (G_USEC_PER_SEC)

static void pf_window_save (PfWindow *self,
                            gboolean  save_as);

static char *
dup_actor (PfWindow *self)
{
  g_autofree char *name = g_strstrip (g_settings_get_string (self->settings, "user-name"));
  const char *real_name;

  if (name[0] != '\0')
    return g_steal_pointer (&name);

  real_name = g_get_real_name ();
  if (real_name == NULL || real_name[0] == '\0' || g_str_equal (real_name, "Unknown"))
    real_name = g_get_user_name ();

  return g_strdup (real_name);
}

static void
update_actor (PfWindow *self)
{
  g_autofree char *actor = NULL;

  if (self->document == NULL)
    return;

  actor = dup_actor (self);
  pf_document_set_actor (self->document, actor);
}

static gboolean
has_user_name (PfWindow *self)
{
  g_autofree char *name = g_strstrip (g_settings_get_string (self->settings, "user-name"));

  return name[0] != '\0';
}

static void
name_toast_dismissed_cb (PfWindow *self,
                         AdwToast *toast)
{
  if (self->name_toast == toast)
    self->name_toast = NULL;
}

/* Until a name is set, the audit trail records the account's name: said
 * once per session, in the first window that can change a project. */
static void
offer_user_name (PfWindow *self)
{
  GObject *app = G_OBJECT (gtk_window_get_application (GTK_WINDOW (self)));
  g_autofree char *actor = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (app == NULL ||
      pf_document_get_read_only (self->document) ||
      has_user_name (self) ||
      g_object_get_data (app, "pf-user-name-offered") != NULL)
    return;

  g_object_set_data (app, "pf-user-name-offered", GINT_TO_POINTER (TRUE));

  actor = dup_actor (self);
  /* Translators: a toast when a project opens and no name is set in the
   * preferences; %s is the name of the user's account, e.g. "root". */
  title = g_strdup_printf (_("Your changes are recorded as “%s”"), actor);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("Set _Name…"));
  adw_toast_set_action_name (toast, "app.preferences");
  adw_toast_set_timeout (toast, 10);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (name_toast_dismissed_cb), self, G_CONNECT_SWAPPED);
  self->name_toast = toast;
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
settings_changed_cb (PfWindow   *self,
                     const char *key,
                     GSettings  *settings)
{
  if (!g_str_equal (key, "user-name"))
    return;

  update_actor (self);
  /* Done what it asked for. */
  if (self->name_toast != NULL && has_user_name (self))
    adw_toast_dismiss (g_steal_pointer (&self->name_toast));
}

void
_pf_window_update_document_actions (PfWindow *self)
{
  gboolean writable = self->document != NULL && !pf_document_get_read_only (self->document) && !self->saving;
  struct {
    const char *name;
    gboolean    enabled;
  } states[] = {
    { "save", writable },
    { "save-as", writable },
    { "undo", writable && pf_document_can_undo (self->document) },
    { "redo", writable && pf_document_can_redo (self->document) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), states[i].name);

      g_simple_action_set_enabled (G_SIMPLE_ACTION (action), states[i].enabled);
    }
}

static void
show_toast (PfWindow   *self,
            const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static gboolean
draft_timeout_cb (gpointer user_data)
{
  PfWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  self->draft_source = 0;

  if (self->document == NULL || !pf_document_get_modified (self->document))
    return G_SOURCE_REMOVE;

  if (!pf_draft_write (self->document, NULL, &error))
    {
      g_autofree char *message = NULL;

      g_printerr ("Could not write a draft: %s\n", error->message);
      /* Translators: %s says why, e.g. "No space left on device". */
      message = g_strdup_printf (_("Could not keep a draft of your changes: %s"), error->message);
      show_toast (self, message);
    }

  return G_SOURCE_REMOVE;
}

/* A draft is written a few seconds after the last change, not after each. */
static void
schedule_draft (PfWindow *self)
{
  int seconds = g_settings_get_int (self->settings, "autosave-interval");

  g_clear_handle_id (&self->draft_source, g_source_remove);
  self->draft_source = g_timeout_add_seconds (MAX (seconds, 1), draft_timeout_cb, self);
}

static void
remove_draft (PfWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->draft_source, g_source_remove);
  if (self->document != NULL && !pf_draft_remove (self->document, &error))
    g_printerr ("Could not remove a draft: %s\n", error->message);
}

static void
document_changed_cb (PfWindow   *self,
                     const char *object,
                     const char *field,
                     PfDocument *document)
{
  schedule_draft (self);

  if (g_str_has_prefix (object, "answers/"))
    _pf_window_queue_update_progress (self);
}

static void
document_state_cb (PfWindow   *self,
                   GParamSpec *pspec,
                   PfDocument *document)
{
  _pf_window_update_title (self);
  _pf_window_update_document_actions (self);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data);

static void
save_to (PfWindow *self,
         GFile    *file,
         gboolean  overwrite_changes)
{
  self->saving = TRUE;
  _pf_window_update_document_actions (self);
  pf_document_save_async (self->document, file, overwrite_changes, self->cancellable,
                          save_cb, g_object_ref (self));
}

static void
conflict_response_cb (PfWindow        *self,
                      const char      *response,
                      AdwMessageDialog *dialog)
{
  if (g_str_equal (response, "overwrite"))
    save_to (self, NULL, TRUE);
  else if (g_str_equal (response, "save-as"))
    pf_window_save (self, TRUE);
  else if (g_str_equal (response, "reload"))
    {
      /* Their version replaces this window's, changes and draft included. */
      self->close_after_save = FALSE;
      remove_draft (self);
      pf_window_open_file (self, pf_document_get_file (self->document));
    }
  else
    self->close_after_save = FALSE;
}

static void
ask_about_conflict (PfWindow *self)
{
  g_autofree char *name = g_file_get_basename (pf_document_get_file (self->document));
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  /* Translators: %s is a file name. */
  heading = g_strdup_printf (_("“%s” Changed on Disk"), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("Someone else saved the project after you opened it. "
                                     "Reloading shows their version and drops your changes; "
                                     "overwriting replaces their version with yours; "
                                     "saving under another name keeps both."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reload", _("_Reload"),
                                    "overwrite", _("_Overwrite"),
                                    "save-as", _("Save _As…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reload", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save-as", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save-as");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (conflict_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(PfWindow) self = user_data;
  PfDocument *document = PF_DOCUMENT (object);
  g_autoptr(GError) error = NULL;

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  self->saving = FALSE;
  _pf_window_update_document_actions (self);

  if (!pf_document_save_finish (document, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
        {
          ask_about_conflict (self);
          return;
        }

      self->close_after_save = FALSE;
      g_printerr ("Could not save: %s\n", error->message);
      /* The changes stay in the window and in the draft. */
      pf_window_show_error (self, _("Could Not Save the Project"), error->message);
      return;
    }

  remove_draft (self);
  pf_application_add_recent (PF_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))),
                             pf_document_get_file (document));
  _pf_window_update_title (self);

  if (self->close_after_save)
    gtk_window_destroy (GTK_WINDOW (self));
  else
    show_toast (self, _("Saved"));
}

static void
save_as_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     PfWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      /* The file chooser already asked before replacing another file. */
      save_to (self, file, TRUE);
    }
  else
    {
      self->close_after_save = FALSE;
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
pf_window_save (PfWindow *self,
                gboolean  save_as)
{
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;
  g_autofree char *file_name = NULL;
  g_autoptr(GtkFileFilter) filter = NULL;

  if (self->document == NULL || self->saving)
    return;

  if (!save_as && pf_document_get_file (self->document) != NULL)
    {
      save_to (self, NULL, FALSE);
      return;
    }

  dialog = gtk_file_chooser_native_new (_("Save Project"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Preflight Projects"));
  gtk_file_filter_add_suffix (filter, "preflight");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);

  if (pf_document_get_file (self->document) != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (dialog), pf_document_get_file (self->document), NULL);
  else
    {
      name = pf_document_dup_display_name (self->document);
      g_strdelimit (name, "/\\:", '-');
      file_name = g_strconcat (name, ".preflight", NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), file_name);
    }

  g_signal_connect (dialog, "response", G_CALLBACK (save_as_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
save_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  pf_window_save (user_data, FALSE);
}

static void
save_as_action (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  pf_window_save (user_data, TRUE);
}

static gboolean
is_record_missing (PfDocument *document,
                   const char *change)
{
  g_autofree char *object = g_strndup (change, strcspn (change, " "));
  char *slash = strchr (object, '/');

  if (slash == NULL || g_str_has_prefix (object, "answers/"))
    return FALSE;

  *slash = '\0';
  return pf_document_get_record (document, object, slash + 1) == NULL;
}

/* The undo step about to be replayed, in words: what it touched when that
 * is one thing, else how many things. A record is named while it exists:
 * before undoing its addition, after undoing its removal. */
static char *
describe_undo_step (PfWindow  *self,
                    GPtrArray *changes)
{
  PfCatalog *catalog;
  g_autoptr(GHashTable) objects = NULL;
  const char *change;
  g_autofree char *object = NULL;
  guint n_objects;

  objects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < changes->len; i++)
    {
      const char *text = g_ptr_array_index (changes, i);

      g_hash_table_add (objects, g_strndup (text, strcspn (text, " ")));
    }

  n_objects = g_hash_table_size (objects);
  if (n_objects != 1)
    /* Translators: what an undo or redo step touched, when it touched
     * several things at once; goes into "Undone: %s" and "Redone: %s". */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change", "%u changes", n_objects), n_objects);

  /* Several fields of one thing read as the thing. */
  change = g_ptr_array_index (changes, 0);
  if (changes->len > 1)
    change = object = g_strndup (change, strcspn (change, " "));

  if (is_record_missing (self->document, change))
    return NULL;

  catalog = pf_application_get_catalog (PF_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  return pf_scope_describe_change (change, catalog, self->document);
}

static void
undo_toast_dismissed_cb (PfWindow *self,
                         AdwToast *toast)
{
  if (self->undo_toast == toast)
    self->undo_toast = NULL;
}

/* One at a time: a new undo or redo replaces the toast of the last one.
 * A toast still sliding in keeps its place and takes the new title: with
 * libadwaita 1.2, dismissing one during its show animation crashes. */
static void
show_undo_toast (PfWindow   *self,
                 const char *title)
{
  gint64 now = g_get_monotonic_time ();
  AdwToast *toast;

  if (self->undo_toast != NULL && now - self->undo_toast_shown < UNDO_TOAST_SETTLE_USEC)
    {
      adw_toast_set_title (self->undo_toast, title);
      return;
    }

  if (self->undo_toast != NULL)
    adw_toast_dismiss (g_steal_pointer (&self->undo_toast));

  toast = adw_toast_new (title);
  /* Shown at once, even over another toast: it answers a key just pressed. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb), self, G_CONNECT_SWAPPED);
  self->undo_toast = toast;
  self->undo_toast_shown = now;
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Undoes or redoes the newest step and says in a toast what it was, since
 * the field it changes may be out of sight. */
static void
replay_step (PfWindow *self,
             gboolean  redo)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *what = NULL;
  g_autofree char *title = NULL;
  gboolean done;

  if (self->document == NULL)
    return;

  changes = pf_document_dup_undo_changes (self->document, redo);
  if (changes != NULL && changes->len > 0)
    what = describe_undo_step (self, changes);

  done = redo ? pf_document_redo (self->document) : pf_document_undo (self->document);
  if (!done || changes == NULL || changes->len == 0)
    return;

  if (what == NULL)
    what = describe_undo_step (self, changes);

  if (redo)
    /* Translators: a toast after Ctrl+Shift+Z; %s is what was redone, e.g.
     * "The answer to “Who decides?”" or "3 changes". */
    title = g_strdup_printf (_("Redone: %s"), what);
  else
    /* Translators: a toast after Ctrl+Z; %s is what was undone, e.g.
     * "The answer to “Who decides?”" or "3 changes". */
    title = g_strdup_printf (_("Undone: %s"), what);

  show_undo_toast (self, title);
}

static void
undo_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  replay_step (user_data, FALSE);
}

static void
redo_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  replay_step (user_data, TRUE);
}

static const GActionEntry document_actions[] = {
  { "save", save_action },
  { "save-as", save_as_action },
  { "undo", undo_action },
  { "redo", redo_action },
};

static void
close_window_idle_cb (gpointer user_data)
{
  g_autoptr(PfWindow) self = user_data;

  gtk_window_close (GTK_WINDOW (self));
}

static void
close_response_cb (PfWindow         *self,
                   const char       *response,
                   AdwMessageDialog *dialog)
{
  if (g_str_equal (response, "save"))
    {
      self->close_after_save = TRUE;
      pf_window_save (self, FALSE);
    }
  else if (g_str_equal (response, "discard"))
    {
      remove_draft (self);
      pf_document_set_modified (self->document, FALSE);
      /* After the dialog is done with its response: it dies with the window. */
      g_idle_add_once (close_window_idle_cb, g_object_ref (self));
    }
}

/**
 * _pf_window_document_close_request:
 *
 * Returns: %TRUE to keep the window open while the user decides what
 *   happens to unsaved changes
 */
gboolean
_pf_window_document_close_request (PfWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (self->document == NULL ||
      !pf_document_get_modified (self->document) ||
      pf_document_get_read_only (self->document))
    return FALSE;

  if (self->saving)
    {
      self->close_after_save = TRUE;
      return TRUE;
    }

  gtk_window_present (GTK_WINDOW (self));

  name = pf_document_dup_display_name (self->document);
  /* Translators: %s is the project's name. */
  heading = g_strdup_printf (_("Save Changes to “%s”?"), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("Changes that are not saved are lost when the window closes."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

void
_pf_window_document_init (PfWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), document_actions,
                                   G_N_ELEMENTS (document_actions), self);

  self->document_signals = g_signal_group_new (PF_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "changed",
                                 G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "notify::modified",
                                 G_CALLBACK (document_state_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "notify::title",
                                 G_CALLBACK (document_state_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "notify::file",
                                 G_CALLBACK (document_state_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "notify::can-undo",
                                 G_CALLBACK (document_state_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "notify::can-redo",
                                 G_CALLBACK (document_state_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->settings, "changed",
                           G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Called when the window starts showing a document. */
void
_pf_window_document_attach (PfWindow *self)
{
  update_actor (self);
  offer_user_name (self);

  /* A recovered draft is written again right away under its new owner. */
  if (pf_document_get_modified (self->document))
    schedule_draft (self);
}

void
_pf_window_document_dispose (PfWindow *self)
{
  g_clear_handle_id (&self->draft_source, g_source_remove);
}
