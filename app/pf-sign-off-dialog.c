/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pf-scope.h"
#include "pf-scope-describe.h"
#include "pf-sign-off-dialog.h"

/* Asks who signs a scope, what the signature means and under which
 * conditions, and shows what exactly is being signed. It records nothing
 * itself: whoever opened it does, on the "sign-off" response. */

/* The meanings in the order of the drop-down. */
static const char * const meanings[] = {
  "reviewed", "approved", "approved-with-conditions", "rejected", "acknowledged",
};
#define MEANING_WITH_CONDITIONS 2
/* Signing means "reviewed" unless the signer picks a stronger meaning:
 * an approval should be a choice, never what a hurried Enter gives. */
#define MEANING_DEFAULT 0

/* How many open items the dialog lists before "… and N more". */
#define MAX_OPEN_LISTED 5

struct _PfSignOffDialog
{
  AdwMessageDialog  parent_instance;

  /* Borrowed references */
  GtkWidget        *name;
  GtkWidget        *role;
  GtkWidget        *meaning;
  GtkWidget        *conditions;
  GtkWidget        *conditions_label;
  GtkWidget        *already_signed;
  GtkWidget        *hint;

  /* Owned references */
  PfDocument       *document;
  char             *scope;
};

G_DEFINE_FINAL_TYPE (PfSignOffDialog, pf_sign_off_dialog, ADW_TYPE_MESSAGE_DIALOG)

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text = g_utf8_next_char (text))
    {
      if (!g_unichar_isspace (g_utf8_get_char (text)))
        return FALSE;
    }

  return TRUE;
}

/* The newest current sign-off of this scope by @name, if any. */
static JsonObject *
find_current_sign_off (PfSignOffDialog *self,
                       const char      *name)
{
  JsonArray *sign_offs = pf_document_get_sign_offs (self->document);
  g_autofree char *trimmed = g_strstrip (g_strdup (name));

  for (guint i = json_array_get_length (sign_offs); i > 0; i--)
    {
      JsonObject *record = json_array_get_object_element (sign_offs, i - 1);
      g_autofree char *signer = g_strstrip (g_strdup (json_object_get_string_member_with_default (record, "name", "")));
      const char *id = json_object_get_string_member_with_default (record, "id", "");

      if (g_strcmp0 (json_object_get_string_member_with_default (record, "kind", ""), "sign-off") == 0 &&
          g_strcmp0 (json_object_get_string_member_with_default (record, "scope", ""), self->scope) == 0 &&
          g_utf8_collate (signer, trimmed) == 0 &&
          pf_document_get_sign_off_state (self->document, id, NULL) == PF_SIGN_OFF_CURRENT)
        return record;
    }

  return NULL;
}

static void
update (PfSignOffDialog *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name));
  gboolean with_conditions = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->meaning)) == MEANING_WITH_CONDITIONS;
  g_autofree char *conditions = pf_sign_off_dialog_dup_conditions (self);
  const char *hint = NULL;
  JsonObject *current;

  if (is_blank (name))
    hint = _("Enter your name to sign off. Preferences can fill it in next time.");
  else if (is_blank (gtk_editable_get_text (GTK_EDITABLE (self->role))))
    hint = _("Enter your role, such as “Sponsor” or “Data-protection officer”.");
  else if (with_conditions && is_blank (conditions))
    hint = _("An approval with conditions needs the conditions.");

  gtk_label_set_text (GTK_LABEL (self->hint), hint ? hint : "");
  gtk_widget_set_visible (self->hint, hint != NULL);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "sign-off", hint == NULL);

  gtk_label_set_text_with_mnemonic (GTK_LABEL (self->conditions_label),
                                    with_conditions ? _("C_onditions (required)") : _("C_onditions or comment"));

  current = is_blank (name) ? NULL : find_current_sign_off (self, name);
  if (current != NULL)
    {
      g_autofree char *time = pf_sign_off_format_time (json_object_get_string_member_with_default (current, "time", ""));
      g_autofree char *text = NULL;

      /* Translators: the first %s is a name, the second a meaning such as
       * "approved", the third a date and time. */
      text = g_strdup_printf (_("%s already has a current sign-off of this scope (%s, %s). Signing again adds a new record."),
                              json_object_get_string_member_with_default (current, "name", ""),
                              pf_sign_off_meaning_get_label (json_object_get_string_member_with_default (current, "meaning", "")),
                              time);
      gtk_label_set_text (GTK_LABEL (self->already_signed), text);
    }
  gtk_widget_set_visible (self->already_signed, current != NULL);
}

static GtkWidget *
heading_label (const char *text,
               GtkWidget  *mnemonic_widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  if (mnemonic_widget != NULL)
    {
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), mnemonic_widget);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (mnemonic_widget),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                      -1);
    }

  return label;
}

static GtkWidget *
wrapped_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 50);

  return label;
}

static GtkWidget *
create_entry (PfSignOffDialog *self,
              GtkWidget       *box,
              const char      *label_text,
              const char      *text,
              const char      *name)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_widget_set_name (entry, name);
  g_signal_connect_object (entry, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), heading_label (label_text, entry));
  gtk_box_append (GTK_BOX (box), entry);

  return entry;
}

/* What is being signed: the content in words and its fingerprint. */
static GtkWidget *
create_summary (PfSignOffDialog *self,
                PfCatalog       *catalog)
{
  GtkWidget *frame = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *content = pf_scope_describe_content (self->scope, catalog, self->document);
  g_autofree char *sha256 = pf_document_dup_content_sha256 (self->document, self->scope);
  g_autofree char *short_sha256 = g_strndup (sha256, 12);
  g_autofree char *fingerprint = NULL;
  g_autofree char *tooltip = NULL;
  GtkWidget *label;

  gtk_widget_add_css_class (frame, "card");
  gtk_widget_add_css_class (frame, "pf-sign-off-summary");
  gtk_box_append (GTK_BOX (frame), heading_label (_("What You Sign"), NULL));

  label = wrapped_label (content);
  gtk_widget_set_name (label, "summary");
  gtk_box_append (GTK_BOX (frame), label);

  /* Translators: %s is the start of a SHA-256 hash. */
  fingerprint = g_strdup_printf (_("Content SHA-256: %s…"), short_sha256);
  /* Translators: %s is a full SHA-256 hash. */
  tooltip = g_strdup_printf (_("SHA-256 of the signed content: %s"), sha256);
  label = wrapped_label (fingerprint);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "monospace");
  gtk_widget_set_tooltip_text (label, tooltip);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_name (label, "sha256");
  gtk_box_append (GTK_BOX (frame), label);

  return frame;
}

/* What still blocks the scope: the signer may sign all the same, a
 * sign-off records what a person said, but sees what is open. */
static GtkWidget *
create_still_open (PfSignOffDialog *self,
                   PfCatalog       *catalog)
{
  g_autofree char *open = pf_scope_describe_open (self->scope, MAX_OPEN_LISTED, catalog, self->document);
  GtkWidget *box;
  GtkWidget *header;
  GtkWidget *icon;
  GtkWidget *heading;
  GtkWidget *label;
  GtkWidget *scrolled;

  if (open == NULL)
    return NULL;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_name (box, "still-open");
  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "pf-sign-off-still-open");

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (icon, "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Warning"),
                                  -1);
  gtk_box_append (GTK_BOX (header), icon);
  /* Translators: heads the list of what still blocks a scope in the
   * sign-off dialog. */
  heading = heading_label (_("Still Open"), NULL);
  gtk_widget_add_css_class (heading, "warning");
  gtk_box_append (GTK_BOX (header), heading);
  gtk_box_append (GTK_BOX (box), header);

  label = wrapped_label (open);
  gtk_widget_set_name (label, "still-open-list");
  /* Long questions make a tall list: it scrolls rather than push the
   * buttons off a small screen. */
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 140);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  gtk_box_append (GTK_BOX (box), scrolled);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL,
                                  -1);

  return box;
}

static void
build (PfSignOffDialog *self,
       PfCatalog       *catalog,
       const char      *name,
       const char      *role)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *frame;
  GtkWidget *scrolled;
  GtkWidget *still_open;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *heading = pf_scope_dup_sign_off_heading (self->scope);

  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), heading);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                               _("This records who said what about the content as it is now. "
                                 "It is not an electronic signature: Preflight verifies no identity."));

  gtk_box_append (GTK_BOX (box), create_summary (self, catalog));
  if ((still_open = create_still_open (self, catalog)) != NULL)
    gtk_box_append (GTK_BOX (box), still_open);

  self->already_signed = wrapped_label (NULL);
  gtk_widget_set_name (self->already_signed, "already-signed");
  gtk_widget_add_css_class (self->already_signed, "caption");
  gtk_widget_set_visible (self->already_signed, FALSE);
  gtk_box_append (GTK_BOX (box), self->already_signed);

  self->name = create_entry (self, box, _("_Name"), name, "name");
  gtk_widget_set_margin_top (gtk_widget_get_prev_sibling (self->name), 6);
  self->role = create_entry (self, box, _("_Role"), role, "role");

  for (guint i = 0; i < G_N_ELEMENTS (meanings); i++)
    g_ptr_array_add (labels, pf_sign_off_meaning_dup_title (meanings[i]));
  g_ptr_array_add (labels, NULL);
  self->meaning = gtk_drop_down_new_from_strings ((const char * const *)labels->pdata);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->meaning), MEANING_DEFAULT);
  gtk_widget_set_name (self->meaning, "meaning");
  g_signal_connect_object (self->meaning, "notify::selected", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), heading_label (_("_Meaning"), self->meaning));
  gtk_box_append (GTK_BOX (box), self->meaning);

  self->conditions = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->conditions), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self->conditions), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->conditions), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->conditions), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->conditions), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->conditions), 8);
  gtk_widget_set_name (self->conditions, "conditions");
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->conditions)), "changed",
                           G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 72);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 160);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->conditions);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), scrolled);
  self->conditions_label = heading_label (_("C_onditions or comment"), self->conditions);
  gtk_box_append (GTK_BOX (box), self->conditions_label);
  gtk_box_append (GTK_BOX (box), frame);

  self->hint = wrapped_label (NULL);
  gtk_widget_set_name (self->hint, "hint");
  gtk_widget_add_css_class (self->hint, "caption");
  gtk_widget_add_css_class (self->hint, "dim-label");
  gtk_box_append (GTK_BOX (box), self->hint);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"),
                                    "sign-off", _("_Sign Off"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "sign-off", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "sign-off");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");

  update (self);
}

static void
pf_sign_off_dialog_finalize (GObject *object)
{
  PfSignOffDialog *self = (PfSignOffDialog *)object;

  g_clear_object (&self->document);
  g_clear_pointer (&self->scope, g_free);

  G_OBJECT_CLASS (pf_sign_off_dialog_parent_class)->finalize (object);
}

static void
pf_sign_off_dialog_class_init (PfSignOffDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pf_sign_off_dialog_finalize;
}

static void
pf_sign_off_dialog_init (PfSignOffDialog *self)
{
}

/**
 * pf_sign_off_dialog_new:
 * @name: (nullable): the signer's name to suggest
 * @role: (nullable): the signer's role to suggest
 *
 * A modal dialog for signing off @scope of @document. Its "sign-off"
 * response is enabled only when the answers make a valid record.
 */
GtkWidget *
pf_sign_off_dialog_new (GtkWindow  *parent,
                        PfCatalog  *catalog,
                        PfDocument *document,
                        const char *scope,
                        const char *name,
                        const char *role)
{
  PfSignOffDialog *self;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PF_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (PF_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (scope != NULL, NULL);

  self = g_object_new (PF_TYPE_SIGN_OFF_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->document = g_object_ref (document);
  self->scope = g_strdup (scope);
  build (self, catalog, name, role);

  return GTK_WIDGET (self);
}

/**
 * pf_sign_off_dialog_get_document:
 *
 * Returns: (transfer none): the document whose content the dialog shows,
 *   the one a "sign-off" response is meant for
 */
PfDocument *
pf_sign_off_dialog_get_document (PfSignOffDialog *self)
{
  g_return_val_if_fail (PF_IS_SIGN_OFF_DIALOG (self), NULL);

  return self->document;
}

const char *
pf_sign_off_dialog_get_scope (PfSignOffDialog *self)
{
  g_return_val_if_fail (PF_IS_SIGN_OFF_DIALOG (self), NULL);

  return self->scope;
}

const char *
pf_sign_off_dialog_get_name (PfSignOffDialog *self)
{
  g_return_val_if_fail (PF_IS_SIGN_OFF_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->name));
}

const char *
pf_sign_off_dialog_get_role (PfSignOffDialog *self)
{
  g_return_val_if_fail (PF_IS_SIGN_OFF_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->role));
}

/* The meaning as stored, e.g. "approved-with-conditions". */
const char *
pf_sign_off_dialog_get_meaning (PfSignOffDialog *self)
{
  guint selected;

  g_return_val_if_fail (PF_IS_SIGN_OFF_DIALOG (self), NULL);

  selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->meaning));
  return meanings[MIN (selected, G_N_ELEMENTS (meanings) - 1)];
}

char *
pf_sign_off_dialog_dup_conditions (PfSignOffDialog *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (PF_IS_SIGN_OFF_DIALOG (self), NULL);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->conditions));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}
