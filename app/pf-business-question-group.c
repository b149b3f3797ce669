/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pf-business-question-group.h"
#include "pf-labelled-entry.h"
#include "pf-window.h"

/* The versioned business question on the Business Understanding page: the
 * current question and success criterion, a way to change them (with a
 * reason once there is one), and every earlier version. */

struct _PfBusinessQuestionGroup
{
  AdwPreferencesGroup  parent_instance;

  /* Borrowed references */
  AdwActionRow        *current_row;
  GtkWidget           *change_button;
  AdwExpanderRow      *history_row;
  GPtrArray           *history_rows;

  /* Owned references */
  PfDocument          *document;
  gulong               changed_handler;
};

G_DEFINE_FINAL_TYPE (PfBusinessQuestionGroup, pf_business_question_group, ADW_TYPE_PREFERENCES_GROUP)

typedef struct
{
  PfBusinessQuestionGroup *self;
  GtkWidget               *question;
  GtkWidget               *criterion;
  GtkWidget               *reason;
  gboolean                 first;
} ChangeDialog;

static void
change_dialog_free (ChangeDialog *change)
{
  g_object_unref (change->self);
  g_free (change);
}

static void
update_response (AdwMessageDialog *dialog,
                 ChangeDialog     *change)
{
  g_autofree char *question = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (change->question))));
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (change->reason))));

  /* A question, and after the first version a reason for the change. */
  adw_message_dialog_set_response_enabled (dialog, "change",
                                           question[0] != '\0' && (change->first || reason[0] != '\0'));
}

static void
entry_changed_cb (GtkEditable *editable,
                  gpointer     user_data)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (gtk_widget_get_ancestor (GTK_WIDGET (editable), ADW_TYPE_MESSAGE_DIALOG));

  if (dialog != NULL)
    update_response (dialog, g_object_get_data (G_OBJECT (dialog), "change"));
}

static void
change_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    ChangeDialog     *change)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "change") || change->self->document == NULL)
    return;

  if (!pf_document_change_business_question (change->self->document,
                                             gtk_editable_get_text (GTK_EDITABLE (change->question)),
                                             gtk_editable_get_text (GTK_EDITABLE (change->criterion)),
                                             gtk_editable_get_text (GTK_EDITABLE (change->reason)),
                                             &error))
    pf_window_show_error (PF_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog))),
                          _("Cannot Change the Business Question"), error->message);
}

static void
change_button_clicked_cb (PfBusinessQuestionGroup *self)
{
  ChangeDialog *change = g_new0 (ChangeDialog, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *dialog;

  change->self = g_object_ref (self);
  change->first = pf_document_get_business_question (self->document)[0] == '\0';

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   change->first ? _("Record the Business Question") : _("Change the Business Question"),
                                   change->first ? NULL
                                                 : _("Every version is kept, with who changed it, when and why. "
                                                     "Sign-offs of this phase go stale and must be given again."));
  change->question = pf_labelled_entry_append (box, _("_Question"), pf_document_get_business_question (self->document), "question", G_CALLBACK (entry_changed_cb), NULL);
  change->criterion = pf_labelled_entry_append (box, _("_Success criterion"), pf_document_get_success_criterion (self->document), "criterion", G_CALLBACK (entry_changed_cb), NULL);
  change->reason = pf_labelled_entry_append (box, change->first ? _("_Reason (optional)") : _("_Reason for the change"), NULL, "reason", G_CALLBACK (entry_changed_cb), NULL);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "change", change->first ? _("_Record") : _("_Change"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "change", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "change");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "change", change, (GDestroyNotify)change_dialog_free);
  g_signal_connect (dialog, "response", G_CALLBACK (change_response_cb), change);
  update_response (ADW_MESSAGE_DIALOG (dialog), change);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update (PfBusinessQuestionGroup *self)
{
  JsonArray *history = pf_document_get_business_question_history (self->document);
  guint n = json_array_get_length (history);
  const char *question = pf_document_get_business_question (self->document);
  const char *criterion = pf_document_get_success_criterion (self->document);
  g_autofree char *subtitle = NULL;

  if (question[0] == '\0')
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->current_row), _("No business question recorded yet"));
      adw_action_row_set_subtitle (self->current_row, NULL);
      gtk_button_set_label (GTK_BUTTON (self->change_button), _("Record…"));
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->current_row), question);
      /* Translators: %s is the success criterion, e.g. "Top-decile lift ≥ 3". */
      subtitle = criterion[0] ? g_strdup_printf (_("Success criterion: %s"), criterion)
                              : g_strdup (_("No success criterion yet"));
      adw_action_row_set_subtitle (self->current_row, subtitle);
      gtk_button_set_label (GTK_BUTTON (self->change_button), _("Change…"));
    }
  gtk_widget_set_sensitive (self->change_button, !pf_document_get_read_only (self->document));

  for (guint i = 0; i < self->history_rows->len; i++)
    adw_expander_row_remove (self->history_row, g_ptr_array_index (self->history_rows, i));
  g_ptr_array_set_size (self->history_rows, 0);

  /* Newest first. */
  for (guint i = n; i > 0; i--)
    {
      JsonObject *version = json_array_get_object_element (history, i - 1);
      const char *reason = json_object_get_string_member_with_default (version, "reason", "");
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *who = NULL;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     json_object_get_string_member_with_default (version, "question", ""));
      /* Translators: who changed the business question, when, and why. */
      who = g_strdup_printf (reason[0] ? _("%s, %s: %s") : _("%s, %s"),
                             json_object_get_string_member_with_default (version, "author", ""),
                             json_object_get_string_member_with_default (version, "time", ""),
                             reason);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), who);
      adw_expander_row_add_row (self->history_row, row);
      g_ptr_array_add (self->history_rows, row);
    }

  {
    g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "History: %u version", "History: %u versions", n), n);

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->history_row), title);
    gtk_widget_set_visible (GTK_WIDGET (self->history_row), n > 0);
  }
}

static void
document_changed_cb (PfBusinessQuestionGroup *self,
                     const char              *object,
                     const char              *field,
                     PfDocument              *document)
{
  if (g_str_equal (object, "business-question"))
    update (self);
}

static void
pf_business_question_group_dispose (GObject *object)
{
  PfBusinessQuestionGroup *self = (PfBusinessQuestionGroup *)object;

  g_clear_signal_handler (&self->changed_handler, self->document);
  g_clear_object (&self->document);
  g_clear_pointer (&self->history_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (pf_business_question_group_parent_class)->dispose (object);
}

static void
pf_business_question_group_class_init (PfBusinessQuestionGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pf_business_question_group_dispose;
}

static void
pf_business_question_group_init (PfBusinessQuestionGroup *self)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (self);

  adw_preferences_group_set_title (group, _("Business Question"));
  adw_preferences_group_set_description (group,
    _("What the model must answer, and how the business measures success. Changing it needs a reason."));

  self->current_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->current_row), FALSE);
  self->change_button = gtk_button_new_with_label (_("Change…"));
  gtk_widget_set_valign (self->change_button, GTK_ALIGN_CENTER);
  gtk_widget_set_name (self->change_button, "change-business-question");
  g_signal_connect_swapped (self->change_button, "clicked", G_CALLBACK (change_button_clicked_cb), self);
  adw_action_row_add_suffix (self->current_row, self->change_button);
  adw_preferences_group_add (group, GTK_WIDGET (self->current_row));

  self->history_row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  gtk_widget_set_name (GTK_WIDGET (self->history_row), "business-question-history");
  adw_preferences_group_add (group, GTK_WIDGET (self->history_row));
  self->history_rows = g_ptr_array_new ();
}

GtkWidget *
pf_business_question_group_new (void)
{
  return g_object_new (PF_TYPE_BUSINESS_QUESTION_GROUP, NULL);
}

void
pf_business_question_group_set_document (PfBusinessQuestionGroup *self,
                                         PfDocument              *document)
{
  g_return_if_fail (PF_IS_BUSINESS_QUESTION_GROUP (self));
  g_return_if_fail (PF_IS_DOCUMENT (document));

  g_clear_signal_handler (&self->changed_handler, self->document);
  g_set_object (&self->document, document);
  self->changed_handler = g_signal_connect_object (document, "changed",
                                                   G_CALLBACK (document_changed_cb), self,
                                                   G_CONNECT_SWAPPED);
  update (self);
}

/**
 * pf_business_question_group_focus:
 *
 * Moves the keyboard focus to the button that records or changes the
 * business question, as the gate's "not recorded yet" row does.
 */
gboolean
pf_business_question_group_focus (PfBusinessQuestionGroup *self)
{
  g_return_val_if_fail (PF_IS_BUSINESS_QUESTION_GROUP (self), FALSE);

  return gtk_widget_grab_focus (self->change_button);
}
