/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pf-pages.h"
#include "pf-record-dialog.h"
#include "pf-register-labels.h"
#include "pf-scan-record.h"
#include "pf-schema.h"

/* Every field of one record of a register, in full: the texts the table
 * cuts off, with their line breaks. Edits go through the document as the
 * table's cells do, and the window follows undo, redo and edits made
 * elsewhere; it closes when the record goes away. */

typedef struct
{
  const PfField *field;
  GtkWidget     *widget;   /* the entry row, text view, combo row or switch */
  GPtrArray     *choices;  /* enum values, in the order of the combo row */
} FieldRow;

struct _PfRecordDialog
{
  AdwWindow       parent_instance;

  /* Borrowed references */
  AdwWindowTitle *window_title;
  GtkWidget      *leakage_row;  /* features only */
  GtkWidget      *scan_row;     /* features only: what a dataset scan measured */
  GtkWidget      *scan_icon;

  /* Owned references */
  PfDocument     *document;
  char           *record_id;
  char           *object;     /* "register/record-id" */
  GArray         *rows;       /* FieldRow */

  const PfRegister *reg;
  gulong          changed_handler;
  /* Set while the window writes the document's values into its widgets. */
  guint           updating : 1;
};

G_DEFINE_FINAL_TYPE (PfRecordDialog, pf_record_dialog, ADW_TYPE_WINDOW)

static const char *
get_string (PfRecordDialog *self,
            const char     *field)
{
  JsonNode *node = pf_document_get_value (self->document, self->object, field);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return "";
  return json_node_get_string (node);
}

static gboolean
get_boolean (PfRecordDialog *self,
             const char     *field)
{
  JsonNode *node = pf_document_get_value (self->document, self->object, field);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node);
}

static gboolean
record_exists (PfRecordDialog *self)
{
  return pf_document_get_record (self->document, self->reg->id, self->record_id) != NULL;
}

static void
set_field (PfRecordDialog *self,
           const PfField  *field,
           JsonNode       *value)
{
  g_autoptr(GError) error = NULL;

  if (self->updating || pf_document_get_read_only (self->document) || !record_exists (self))
    return;

  /* Typing into one field coalesces into one undo step in the document. */
  if (!pf_document_set_value (self->document, self->object, field->name, value, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Change the Entry"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
set_string (PfRecordDialog *self,
            const PfField  *field,
            const char     *text)
{
  g_autoptr(JsonNode) node = NULL;

  if (g_str_equal (text, get_string (self, field->name)))
    return;

  node = json_node_init_string (json_node_alloc (), text);
  set_field (self, field, node);
}

/* The window's title: the record's name, on one line. */
static void
update_title (PfRecordDialog *self)
{
  for (const PfField *field = self->reg->fields; field->name != NULL; field++)
    {
      if (field->type == PF_FIELD_STRING || field->type == PF_FIELD_TEXT)
        {
          const char *text = get_string (self, field->name);
          g_autofree char *line = g_strndup (text, strcspn (text, "\r\n"));

          g_strstrip (line);
          adw_window_title_set_title (self->window_title, line[0] != '\0' ? line : _("Untitled Entry"));
          gtk_window_set_title (GTK_WINDOW (self), adw_window_title_get_title (self->window_title));
          return;
        }
    }
}

static void
update_row (PfRecordDialog *self,
            FieldRow       *row)
{
  const char *name = row->field->name;

  self->updating = TRUE;

  if (row->choices != NULL)
    {
      guint index;

      if (g_ptr_array_find_with_equal_func (row->choices, get_string (self, name), g_str_equal, &index) &&
          adw_combo_row_get_selected (ADW_COMBO_ROW (row->widget)) != index)
        adw_combo_row_set_selected (ADW_COMBO_ROW (row->widget), index);
      self->updating = FALSE;
      return;
    }

  switch (row->field->type)
    {
    case PF_FIELD_TEXT:
      {
        GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (row->widget));
        GtkTextIter start, end;
        g_autofree char *text = NULL;

        gtk_text_buffer_get_bounds (buffer, &start, &end);
        text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
        /* Not while it is the text being typed: the cursor stays. */
        if (!g_str_equal (text, get_string (self, name)))
          gtk_text_buffer_set_text (buffer, get_string (self, name), -1);
      }
      break;

    case PF_FIELD_BOOLEAN:
      gtk_switch_set_active (GTK_SWITCH (row->widget), get_boolean (self, name));
      break;

    default:
      if (!g_str_equal (gtk_editable_get_text (GTK_EDITABLE (row->widget)), get_string (self, name)))
        gtk_editable_set_text (GTK_EDITABLE (row->widget), get_string (self, name));
      break;
    }

  self->updating = FALSE;
}

/* The table's ⚠, with its reason, for the keyboard and the eye alike. */
static void
update_leakage (PfRecordDialog *self)
{
  JsonObject *record;

  if (self->leakage_row == NULL)
    return;

  record = pf_document_get_record (self->document, self->reg->id, self->record_id);
  gtk_widget_set_visible (self->leakage_row, record != NULL && pf_register_feature_is_leaking (record));
}

/* Read-only: the scan wrote it. */
static void
update_scan (PfRecordDialog *self)
{
  JsonObject *record;
  JsonNode *node;
  JsonObject *scan = NULL;
  g_autofree char *text = NULL;
  g_autofree char *figures = NULL;
  gboolean suspect;

  if (self->scan_row == NULL)
    return;

  record = pf_document_get_record (self->document, self->reg->id, self->record_id);
  if (record != NULL && (node = json_object_get_member (record, "scan")) && JSON_NODE_HOLDS_OBJECT (node))
    scan = json_node_get_object (node);
  /* A feature never scanned has an empty object, or none. */
  text = pf_scan_evidence_describe (scan);
  gtk_widget_set_visible (self->scan_row, text != NULL);
  if (text == NULL)
    return;

  suspect = pf_scan_evidence_is_suspect (scan);
  /* The entry window has room for the column's figures too. */
  figures = pf_scan_evidence_describe_figures (scan);
  if (figures != NULL)
    {
      char *both = g_strconcat (text, "\n", figures, NULL);

      g_free (text);
      text = both;
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->scan_row), text);
  gtk_widget_set_visible (self->scan_icon, suspect);
  if (suspect)
    gtk_widget_add_css_class (self->scan_row, "pf-scan-suspect");
  else
    gtk_widget_remove_css_class (self->scan_row, "pf-scan-suspect");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->scan_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

static void
update_all (PfRecordDialog *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    update_row (self, &g_array_index (self->rows, FieldRow, i));
  update_title (self);
  update_leakage (self);
  update_scan (self);
}

static void
document_changed_cb (PfRecordDialog *self,
                     const char     *object,
                     const char     *field,
                     PfDocument     *document)
{
  if (object == NULL || !g_str_equal (object, self->object))
    return;

  /* Removed, by an undo of its adding, say: nothing left to edit. */
  if (!record_exists (self))
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  if (field == NULL)
    {
      update_all (self);
      return;
    }

  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *row = &g_array_index (self->rows, FieldRow, i);

      if (g_str_equal (row->field->name, field))
        update_row (self, row);
    }
  update_title (self);
  update_leakage (self);
  update_scan (self);
}

static FieldRow *
find_row (PfRecordDialog *self,
          GtkWidget      *widget)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *row = &g_array_index (self->rows, FieldRow, i);

      if (row->widget == widget)
        return row;
    }
  g_return_val_if_reached (NULL);
}

static void
entry_changed_cb (GtkEditable    *editable,
                  PfRecordDialog *self)
{
  FieldRow *row = find_row (self, GTK_WIDGET (editable));

  if (row != NULL && !self->updating)
    set_string (self, row->field, gtk_editable_get_text (editable));
}

static void
buffer_changed_cb (GtkTextBuffer *buffer,
                   GtkWidget     *text_view)
{
  PfRecordDialog *self = PF_RECORD_DIALOG (gtk_widget_get_root (text_view));
  FieldRow *row;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (self == NULL || self->updating)
    return;

  if (!(row = find_row (self, text_view)))
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  set_string (self, row->field, text);
}

static void
combo_selected_cb (AdwComboRow    *combo,
                   GParamSpec     *pspec,
                   PfRecordDialog *self)
{
  FieldRow *row = find_row (self, GTK_WIDGET (combo));
  guint selected = adw_combo_row_get_selected (combo);

  if (row != NULL && !self->updating && selected < row->choices->len)
    set_string (self, row->field, g_ptr_array_index (row->choices, selected));
}

static void
switch_active_cb (GtkSwitch      *button,
                  GParamSpec     *pspec,
                  PfRecordDialog *self)
{
  FieldRow *row = find_row (self, GTK_WIDGET (button));
  g_autoptr(JsonNode) node = NULL;

  if (row == NULL || self->updating || gtk_switch_get_active (button) == get_boolean (self, row->field->name))
    return;

  node = json_node_init_boolean (json_node_alloc (), gtk_switch_get_active (button));
  set_field (self, row->field, node);
}

/* A text of several lines: its title above a text view, in a row of the
 * list like the other fields. */
static GtkWidget *
text_row_new (const PfField *field,
              gboolean       writable,
              GtkWidget    **text_view_out)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (pf_register_field_title (field));
  GtkWidget *text_view = gtk_text_view_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pf_register_field_title (field));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_add_css_class (box, "pf-text-field");

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "dim-label");
  gtk_widget_add_css_class (title, "caption");
  gtk_box_append (GTK_BOX (box), title);

  gtk_widget_set_name (text_view, field->name);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text_view), GTK_WRAP_WORD_CHAR);
  /* Tab moves on to the next field, as everywhere else in the window. */
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (text_view), FALSE);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (text_view), writable);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (text_view), writable);
  gtk_widget_set_size_request (text_view, -1, 72);
  gtk_widget_add_css_class (text_view, "pf-text-field-view");
  gtk_accessible_update_property (GTK_ACCESSIBLE (text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, pf_register_field_title (field),
                                  GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE,
                                  GTK_ACCESSIBLE_PROPERTY_READ_ONLY, !writable,
                                  -1);
  gtk_box_append (GTK_BOX (box), text_view);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  *text_view_out = text_view;
  return row;
}

static void
build_rows (PfRecordDialog *self,
            AdwPreferencesGroup *group)
{
  gboolean writable = !pf_document_get_read_only (self->document);

  for (const PfField *field = self->reg->fields; field->name != NULL; field++)
    {
      FieldRow row = { field, NULL, NULL };
      const char *title = pf_register_field_title (field);
      GtkWidget *list_row;

      /* Chosen from a list: an enum, or the phase, which the file keeps as
       * a string; a phase unknown to this version is kept, as it is. */
      if ((row.choices = pf_register_dup_field_choices (field)) != NULL)
        {
          g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
          const char *value = get_string (self, field->name);

          if (field->type != PF_FIELD_ENUM &&
              !g_ptr_array_find_with_equal_func (row.choices, value, g_str_equal, NULL))
            g_ptr_array_add (row.choices, (gpointer)g_intern_string (value));
          for (guint i = 0; i < row.choices->len; i++)
            gtk_string_list_append (labels, pf_register_field_value_label (field, g_ptr_array_index (row.choices, i)));
          list_row = row.widget = adw_combo_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (list_row), title);
          adw_combo_row_set_model (ADW_COMBO_ROW (list_row), G_LIST_MODEL (labels));
          gtk_widget_set_sensitive (list_row, writable);
          g_signal_connect (list_row, "notify::selected", G_CALLBACK (combo_selected_cb), self);
          gtk_widget_set_name (row.widget, field->name);
          adw_preferences_group_add (group, list_row);
          g_array_append_val (self->rows, row);
          continue;
        }

      switch (field->type)
        {
        case PF_FIELD_STRING:
          list_row = row.widget = adw_entry_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (list_row), title);
          gtk_editable_set_editable (GTK_EDITABLE (list_row), writable);
          g_signal_connect (list_row, "changed", G_CALLBACK (entry_changed_cb), self);
          break;

        case PF_FIELD_TEXT:
          list_row = text_row_new (field, writable, &row.widget);
          g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (row.widget)), "changed",
                            G_CALLBACK (buffer_changed_cb), row.widget);
          break;

        case PF_FIELD_BOOLEAN:
          list_row = adw_action_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (list_row), title);
          row.widget = gtk_switch_new ();
          gtk_widget_set_valign (row.widget, GTK_ALIGN_CENTER);
          gtk_widget_set_sensitive (row.widget, writable);
          gtk_accessible_update_property (GTK_ACCESSIBLE (row.widget),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                          -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (list_row), row.widget);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (list_row), row.widget);
          g_signal_connect (row.widget, "notify::active", G_CALLBACK (switch_active_cb), self);
          break;

        default:
          /* No register that has a page has fields of other types. */
          continue;
        }

      gtk_widget_set_name (row.widget, field->name);
      adw_preferences_group_add (group, list_row);
      g_array_append_val (self->rows, row);
    }
}

static void
pf_record_dialog_dispose (GObject *object)
{
  PfRecordDialog *self = PF_RECORD_DIALOG (object);

  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_handler, self->document);

  G_OBJECT_CLASS (pf_record_dialog_parent_class)->dispose (object);
}

static void
pf_record_dialog_finalize (GObject *object)
{
  PfRecordDialog *self = PF_RECORD_DIALOG (object);

  for (guint i = 0; i < self->rows->len; i++)
    g_clear_pointer (&g_array_index (self->rows, FieldRow, i).choices, g_ptr_array_unref);
  g_array_unref (self->rows);
  g_clear_object (&self->document);
  g_free (self->record_id);
  g_free (self->object);

  G_OBJECT_CLASS (pf_record_dialog_parent_class)->finalize (object);
}

static void
pf_record_dialog_class_init (PfRecordDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pf_record_dialog_dispose;
  object_class->finalize = pf_record_dialog_finalize;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pf_record_dialog_init (PfRecordDialog *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (FieldRow));
}

/**
 * pf_record_dialog_new:
 * @register_id: a register of the schema that has a page
 * @record_id: a record of it in @document
 *
 * A window to read and edit every field of the record. Not shown yet; make
 * it transient for the project's window and present it.
 */
PfRecordDialog *
pf_record_dialog_new (PfDocument *document,
                      const char *register_id,
                      const char *record_id)
{
  PfRecordDialog *self;
  GtkWidget *box, *header, *scroller, *clamp, *group;
  int page_index;

  g_return_val_if_fail (PF_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (pf_schema_find_register (register_id) != NULL, NULL);
  g_return_val_if_fail (record_id != NULL, NULL);

  self = g_object_new (PF_TYPE_RECORD_DIALOG,
                       "modal", TRUE,
                       "default-width", 560,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->document = g_object_ref (document);
  self->reg = pf_schema_find_register (register_id);
  self->record_id = g_strdup (record_id);
  self->object = g_strconcat (register_id, "/", record_id, NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self), "pf-record-dialog");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  header = adw_header_bar_new ();
  self->window_title = ADW_WINDOW_TITLE (adw_window_title_new ("", NULL));
  page_index = pf_pages_find (register_id);
  if (page_index >= 0)
    adw_window_title_set_subtitle (self->window_title, pf_page_info_get_title (pf_pages_get_page (page_index)));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->window_title));
  gtk_box_append (GTK_BOX (box), header);

  group = adw_preferences_group_new ();
  if (pf_document_get_read_only (document))
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("The project is open read-only: the entry can be read, not changed."));
  if (g_str_equal (register_id, "features"))
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      self->leakage_row = adw_action_row_new ();
      gtk_widget_set_name (self->leakage_row, "leakage");
      /* Translators: the warning the table shows as ⚠ on a feature. */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->leakage_row), _("Leakage"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->leakage_row),
                                   _("Kept, although its value is known only after the prediction point "
                                     "or is a consequence of the target"));
      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (self->leakage_row), icon);
      gtk_widget_add_css_class (self->leakage_row, "pf-leakage-row");
      /* Read out with the other rows when the keyboard reaches it. */
      gtk_widget_set_focusable (self->leakage_row, TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->leakage_row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, pf_register_leakage_explanation (),
                                      -1);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->leakage_row);

      self->scan_row = adw_action_row_new ();
      gtk_widget_set_name (self->scan_row, "scan");
      /* The summary holds column names and "< 1 %": text, not markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->scan_row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->scan_row), _("Dataset Scan"));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self->scan_row), 0);
      self->scan_icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (self->scan_icon, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->scan_icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Leakage suspect"),
                                      -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (self->scan_row), self->scan_icon);
      gtk_widget_set_focusable (self->scan_row, TRUE);
      gtk_widget_set_visible (self->scan_row, FALSE);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->scan_row);
    }
  build_rows (self, ADW_PREFERENCES_GROUP (group));

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (clamp), group);
  gtk_widget_set_margin_top (clamp, 18);
  gtk_widget_set_margin_bottom (clamp, 24);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 640);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);

  adw_window_set_content (ADW_WINDOW (self), box);

  update_all (self);

  self->changed_handler = g_signal_connect_object (document, "changed",
                                                   G_CALLBACK (document_changed_cb), self,
                                                   G_CONNECT_SWAPPED);

  return self;
}

const char *
pf_record_dialog_get_record_id (PfRecordDialog *self)
{
  g_return_val_if_fail (PF_IS_RECORD_DIALOG (self), NULL);

  return self->record_id;
}

/**
 * pf_record_dialog_get_field_widget:
 *
 * Returns: (transfer none) (nullable): the widget that edits @field: an
 *   #AdwEntryRow, a #GtkTextView, an #AdwComboRow or a #GtkSwitch
 */
GtkWidget *
pf_record_dialog_get_field_widget (PfRecordDialog *self,
                                   const char     *field)
{
  g_return_val_if_fail (PF_IS_RECORD_DIALOG (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *row = &g_array_index (self->rows, FieldRow, i);

      if (g_str_equal (row->field->name, field))
        return row->widget;
    }
  return NULL;
}
