/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pf-feature-import.h"
#include "pf-pages.h"
#include "pf-record-dialog.h"
#include "pf-register-labels.h"
#include "pf-json.h"
#include "pf-register-page.h"
#include "pf-scan-record.h"
#include "pf-schema.h"
#include "pf-window.h"

/* One register of the project as an editable table: a column per field of
 * the schema, a row per record. Rows are items that only point at their
 * record in the document, so that a page of 5,000 features costs 5,000
 * small objects and the widgets of the rows on screen. An edit of one field
 * updates the cells of that record; only adding and removing records
 * changes the list. */

/* PfRegisterItem: a record of the register, as a list item. */

#define PF_TYPE_REGISTER_ITEM (pf_register_item_get_type ())

G_DECLARE_FINAL_TYPE (PfRegisterItem, pf_register_item, PF, REGISTER_ITEM, GObject)

struct _PfRegisterItem
{
  GObject     parent_instance;

  char       *id;
  JsonObject *record;  /* a reference to the record in the document's tree */
};

G_DEFINE_FINAL_TYPE (PfRegisterItem, pf_register_item, G_TYPE_OBJECT)

enum { ITEM_CHANGED, N_ITEM_SIGNALS };
static guint item_signals[N_ITEM_SIGNALS];

static void
pf_register_item_finalize (GObject *object)
{
  PfRegisterItem *self = PF_REGISTER_ITEM (object);

  g_free (self->id);
  g_clear_pointer (&self->record, json_object_unref);

  G_OBJECT_CLASS (pf_register_item_parent_class)->finalize (object);
}

static void
pf_register_item_class_init (PfRegisterItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pf_register_item_finalize;

  /* @field: the field that changed, or %NULL for any */
  item_signals[ITEM_CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
pf_register_item_init (PfRegisterItem *self)
{
}

static PfRegisterItem *
pf_register_item_new (const char *id,
                      JsonObject *record)
{
  PfRegisterItem *self = g_object_new (PF_TYPE_REGISTER_ITEM, NULL);

  self->id = g_strdup (id);
  self->record = json_object_ref (record);
  return self;
}

static const char *
item_get_string (PfRegisterItem *item,
                 const char     *field)
{
  JsonNode *node = json_object_get_member (item->record, field);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return "";
  return json_node_get_string (node);
}

static gboolean
item_get_boolean (PfRegisterItem *item,
                  const char     *field)
{
  JsonNode *node = json_object_get_member (item->record, field);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node);
}

/* Kept leakage: known only after the prediction point, or caused by the
 * target, and still kept as a feature. */
static gboolean
item_is_leaking (PfRegisterItem *item)
{
  return pf_register_feature_is_leaking (item->record);
}

/* What a dataset scan measured of the feature's column, or NULL. */
static JsonObject *
item_get_scan (PfRegisterItem *item)
{
  JsonNode *node = json_object_get_member (item->record, "scan");

  /* A feature never scanned has an empty object, or none. */
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) || json_object_get_size (json_node_get_object (node)) == 0)
    return NULL;
  return json_node_get_object (node);
}

static const char * const verdict_values[] = { "pending", "keep", "drop", "transform" };
/* The verdict filter's last choice: the features a scan suspects. */
#define VERDICT_FILTER_SUSPECTS (G_N_ELEMENTS (verdict_values) + 1)

/* A column of the table: a field of the register, or the leakage flag. */
typedef struct
{
  PfRegisterPage *page;    /* borrowed */
  const PfField  *field;   /* NULL for the leakage flag */
  GPtrArray      *choices; /* enum values in the order of the list */
  gboolean        first_text;
  gboolean        edit_button; /* the column of "Edit entry" buttons */
  gboolean        scan;        /* a scan's evidence: shown, never edited */
} Column;

struct _PfRegisterPage
{
  AdwBin              parent_instance;

  /* Borrowed references */
  GtkStack           *stack;
  GtkColumnView      *column_view;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *verdict_filter;   /* features only */
  GtkLabel           *count_label;
  GtkWidget          *remove_button;
  GtkWidget          *toolbar;

  /* Owned references */
  char               *register_id;
  PfDocument         *document;
  GListStore         *store;
  GPtrArray          *items;            /* the store's items, in document order */
  GHashTable         *items_by_id;      /* id -> PfRegisterItem, borrowed from items */
  GtkCustomFilter    *filter;
  GtkFilterListModel *filter_model;
  GtkSortListModel   *sort_model;
  GtkMultiSelection  *selection;
  GPtrArray          *columns;
  char               *search_key;       /* casefolded, or NULL */
  PfRegisterItem     *edit_on_bind;     /* start editing this new record's first cell */
  GtkWidget          *details;          /* the entry details window, weak */
  AdwToast           *remove_toast;     /* "N entries removed", weak */
  GPtrArray          *removed_ids;      /* the records that toast is about */

  const PfRegister   *reg;
  gulong              changed_handler;
  guint               sync_source;
  guint               scroll_tick;
  guint               scroll_position;
  guint               scroll_frames;
  /* Focus the first cell of the row scrolled to, once it is shown. */
  guint               focus_on_show : 1;
  /* Set while the page writes the document's values into its widgets. */
  guint               updating : 1;
};

G_DEFINE_FINAL_TYPE (PfRegisterPage, pf_register_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_REGISTER_ID,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean is_features (PfRegisterPage *self);
static void     close_details (PfRegisterPage *self);
static void     dismiss_remove_toast (PfRegisterPage *self);

static void
column_free (Column *column)
{
  g_clear_pointer (&column->choices, g_ptr_array_unref);
  g_free (column);
}

static char *
record_object (PfRegisterPage *self,
               PfRegisterItem *item)
{
  return g_strconcat (self->reg->id, "/", item->id, NULL);
}

static void
show_error (PfRegisterPage *self,
            const char     *heading,
            const char     *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_printerr ("%s: %s\n", heading, message);
  if (PF_IS_WINDOW (root))
    pf_window_show_error (PF_WINDOW (root), heading, message);
}

static void
add_toast (PfRegisterPage *self,
           AdwToast       *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

static void
set_field (PfRegisterPage *self,
           PfRegisterItem *item,
           const char     *field,
           JsonNode       *value)
{
  g_autofree char *object = NULL;
  g_autoptr(GError) error = NULL;

  if (self->updating || self->document == NULL)
    return;

  object = record_object (self, item);
  if (!pf_document_set_value (self->document, object, field, value, &error))
    show_error (self, _("Could Not Change the Entry"), error->message);
}

/* Sets the verdict of a feature, and when nobody is named as its reviewer
 * yet, the one who gave it; the caller groups the two into one undo step. */
static gboolean
set_verdict (PfRegisterPage  *self,
             PfRegisterItem  *item,
             const char      *verdict,
             GError         **error)
{
  g_autofree char *object = record_object (self, item);
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), verdict);
  const char *actor = pf_document_get_actor (self->document);

  if (!pf_document_set_value (self->document, object, "verdict", node, error))
    return FALSE;

  if (actor != NULL && actor[0] != '\0' && item_get_string (item, "reviewer")[0] == '\0')
    {
      g_autoptr(JsonNode) reviewer = json_node_init_string (json_node_alloc (), actor);

      return pf_document_set_value (self->document, object, "reviewer", reviewer, error);
    }

  return TRUE;
}

/* Sorting and filtering */

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  Column *column = user_data;
  PfRegisterItem *item_a = (PfRegisterItem *)a;
  PfRegisterItem *item_b = (PfRegisterItem *)b;
  const char *name;

  if (column->field == NULL)
    return (int)item_is_leaking (item_b) - (int)item_is_leaking (item_a);

  /* Suspects first, then by what was measured. */
  if (column->scan)
    {
      JsonObject *scan_a = item_get_scan (item_a);
      JsonObject *scan_b = item_get_scan (item_b);
      double score_a, score_b;
      int suspect = (int)pf_scan_evidence_is_suspect (scan_b) - (int)pf_scan_evidence_is_suspect (scan_a);

      if (suspect != 0)
        return suspect;
      if ((scan_a == NULL) != (scan_b == NULL))
        return scan_a == NULL ? 1 : -1;
      if (scan_a == NULL)
        return 0;
      /* Then the column that separates the target best; then by type.
       * Cheap: a sort of thousands of features compares often. */
      score_a = pf_json_object_get_number (pf_json_object_get_object (scan_a, "leak"), "score", 0);
      score_b = pf_json_object_get_number (pf_json_object_get_object (scan_b, "leak"), "score", 0);
      if (score_a != score_b)
        return score_a > score_b ? -1 : 1;
      return g_strcmp0 (pf_json_object_get_string (scan_a, "type", ""), pf_json_object_get_string (scan_b, "type", ""));
    }

  name = column->field->name;
  /* Chosen from a list that is not an enum: the phases, in their order. */
  if (column->choices != NULL && column->field->type != PF_FIELD_ENUM)
    {
      guint rank_a = column->choices->len, rank_b = column->choices->len;

      g_ptr_array_find_with_equal_func (column->choices, item_get_string (item_a, name), g_str_equal, &rank_a);
      g_ptr_array_find_with_equal_func (column->choices, item_get_string (item_b, name), g_str_equal, &rank_b);
      if (rank_a != rank_b)
        return rank_a < rank_b ? -1 : 1;
      return g_utf8_collate (item_get_string (item_a, name), item_get_string (item_b, name));
    }

  switch (column->field->type)
    {
    case PF_FIELD_ENUM:
      return pf_value_get_rank (item_get_string (item_a, name)) - pf_value_get_rank (item_get_string (item_b, name));
    case PF_FIELD_BOOLEAN:
      return (int)item_get_boolean (item_a, name) - (int)item_get_boolean (item_b, name);
    default:
      return g_utf8_collate (item_get_string (item_a, name), item_get_string (item_b, name));
    }
}

static gboolean
contains_casefolded (const char *text,
                     const char *key)
{
  g_autofree char *folded = NULL;

  if (text[0] == '\0')
    return FALSE;
  folded = g_utf8_casefold (text, -1);
  return strstr (folded, key) != NULL;
}

static gboolean
filter_item (gpointer object,
             gpointer user_data)
{
  PfRegisterPage *self = user_data;
  PfRegisterItem *item = object;

  if (self->verdict_filter != NULL)
    {
      guint selected = gtk_drop_down_get_selected (self->verdict_filter);

      if (selected > 0 && selected <= G_N_ELEMENTS (verdict_values) &&
          !g_str_equal (item_get_string (item, "verdict"), verdict_values[selected - 1]))
        return FALSE;
      if (selected == VERDICT_FILTER_SUSPECTS && !pf_scan_evidence_is_suspect (item_get_scan (item)))
        return FALSE;
    }

  if (self->search_key == NULL)
    return TRUE;

  for (const PfField *field = self->reg->fields; field->name != NULL; field++)
    {
      if (field->type == PF_FIELD_ENUM)
        {
          if (contains_casefolded (pf_value_get_label (item_get_string (item, field->name)), self->search_key))
            return TRUE;
        }
      else if (field->type == PF_FIELD_OBJECT)
        {
          JsonObject *scan = g_str_equal (field->name, "scan") ? item_get_scan (item) : NULL;
          g_autofree char *text = scan ? pf_scan_evidence_describe (scan) : NULL;

          if (text != NULL && contains_casefolded (text, self->search_key))
            return TRUE;
        }
      else
        {
          const char *text = item_get_string (item, field->name);
          const char *label = pf_register_field_value_label (field, text);

          /* A phase by its title too. */
          if (contains_casefolded (text, self->search_key) ||
              (label != text && text[0] != '\0' && contains_casefolded (label, self->search_key)))
            return TRUE;
        }
    }

  return FALSE;
}

static void
update_count (PfRegisterPage *self)
{
  guint total = self->items->len;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *text = NULL;

  if (shown == total)
    /* Translators: the number of entries of a register. */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry", "%u entries", total), total);
  else
    /* Translators: entries that match the filter, of all entries of a register. */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u entry", "%u of %u entries", total),
                            shown, total);
  gtk_label_set_text (self->count_label, text);
}

static void
search_changed_cb (PfRegisterPage *self,
                   GtkSearchEntry *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  g_clear_pointer (&self->search_key, g_free);
  if (text[0] != '\0')
    self->search_key = g_utf8_casefold (text, -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
verdict_filter_changed_cb (PfRegisterPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* Keeping the list in step with the document */

static void
update_actions (PfRegisterPage *self)
{
  gboolean writable = self->document != NULL && !pf_document_get_read_only (self->document);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  gboolean has_selection = !gtk_bitset_is_empty (selected);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "register.add", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "register.remove", writable && has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "register.import", writable && is_features (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "register.edit-entry", self->document != NULL && has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "register.set-verdict",
                                 writable && has_selection && is_features (self));
}

/* A cell being edited commits when the focus leaves it: let that happen
 * before its row goes away rather than while it is destroyed. */
static gboolean
release_focus (PfRegisterPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->column_view)))
    return FALSE;

  gtk_root_set_focus (root, NULL);
  return TRUE;
}

/* Brings the list in line with the document's records: keeps the items of
 * records that are still there and changes only the stretch that differs,
 * so that adding or removing one record leaves the other rows alone. */
static void
sync_items (PfRegisterPage *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *records = NULL;
  guint n_records, prefix = 0, suffix = 0;

  g_clear_handle_id (&self->sync_source, g_source_remove);

  if (self->document != NULL)
    records = pf_document_get_records (self->document, self->reg->id);
  n_records = records ? json_array_get_length (records) : 0;

  for (guint i = 0; i < n_records; i++)
    {
      JsonNode *node = json_array_get_element (records, i);
      JsonObject *record;
      const char *id;
      PfRegisterItem *item;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      record = json_node_get_object (node);
      id = json_object_get_string_member_with_default (record, "id", NULL);
      if (id == NULL || g_hash_table_contains (by_id, id))
        continue;

      if ((item = g_hash_table_lookup (self->items_by_id, id)))
        {
          g_object_ref (item);
          /* Undoing a removal brings the record back as a new object. */
          if (item->record != record)
            {
              json_object_unref (item->record);
              item->record = json_object_ref (record);
              g_signal_emit (item, item_signals[ITEM_CHANGED], 0, NULL);
            }
        }
      else
        item = pf_register_item_new (id, record);

      g_ptr_array_add (items, item);
      g_hash_table_insert (by_id, item->id, item);
    }

  while (prefix < items->len && prefix < self->items->len &&
         g_ptr_array_index (items, prefix) == g_ptr_array_index (self->items, prefix))
    prefix++;
  while (suffix < items->len - prefix && suffix < self->items->len - prefix &&
         g_ptr_array_index (items, items->len - 1 - suffix) ==
         g_ptr_array_index (self->items, self->items->len - 1 - suffix))
    suffix++;

  if (prefix + suffix < items->len || prefix + suffix < self->items->len)
    {
      gboolean had_focus = prefix + suffix < self->items->len && release_focus (self);

      g_list_store_splice (self->store, prefix, self->items->len - prefix - suffix,
                           items->pdata + prefix, items->len - prefix - suffix);
      if (had_focus)
        gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
    }

  g_ptr_array_unref (self->items);
  self->items = g_steal_pointer (&items);
  g_hash_table_unref (self->items_by_id);
  self->items_by_id = g_steal_pointer (&by_id);

  /* Removed records that came back (an undo, from the toast or not) make
   * the toast that offers to undo it stale. */
  if (self->remove_toast != NULL && self->removed_ids != NULL)
    {
      for (guint i = 0; i < self->removed_ids->len; i++)
        {
          if (g_hash_table_contains (self->items_by_id, g_ptr_array_index (self->removed_ids, i)))
            {
              dismiss_remove_toast (self);
              break;
            }
        }
    }

  gtk_stack_set_visible_child_name (self->stack, self->items->len > 0 ? "list" : "empty");
  update_count (self);
  update_actions (self);
}

static gboolean
sync_idle_cb (gpointer user_data)
{
  PfRegisterPage *self = user_data;

  self->sync_source = 0;
  sync_items (self);
  return G_SOURCE_REMOVE;
}

static void
document_changed_cb (PfRegisterPage *self,
                     const char     *object,
                     const char     *field,
                     PfDocument     *document)
{
  gsize len = strlen (self->reg->id);
  PfRegisterItem *item;

  if (strncmp (object, self->reg->id, len) != 0 || object[len] != '/')
    return;

  /* A record came or went: once, after the burst (an import adds
   * thousands). */
  if (field == NULL)
    {
      if (self->sync_source == 0)
        self->sync_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, sync_idle_cb, self, NULL);
      return;
    }

  if ((item = g_hash_table_lookup (self->items_by_id, object + len + 1)))
    g_signal_emit (item, item_signals[ITEM_CHANGED], 0, field);
}

static void
selection_changed_cb (PfRegisterPage *self)
{
  update_actions (self);
}

static void
filter_items_changed_cb (PfRegisterPage *self)
{
  update_count (self);
}

/* Cells */

static void
update_cell (GtkWidget *widget)
{
  Column *column = g_object_get_data (G_OBJECT (widget), "column");
  PfRegisterItem *item = g_object_get_data (G_OBJECT (widget), "item");
  PfRegisterPage *self = column->page;

  if (item == NULL || column->edit_button)
    return;

  self->updating = TRUE;

  /* A project opened read-only is shown, not changed. */
  if (column->field != NULL && (column->choices != NULL || column->field->type == PF_FIELD_BOOLEAN))
    gtk_widget_set_sensitive (widget, self->document != NULL && !pf_document_get_read_only (self->document));

  if (column->field == NULL)
    gtk_widget_set_visible (widget, item_is_leaking (item));
  else if (column->scan)
    {
      JsonObject *scan = item_get_scan (item);
      g_autofree char *text = scan ? pf_scan_evidence_describe (scan) : NULL;
      gboolean suspect = pf_scan_evidence_is_suspect (scan);
      g_autofree char *description = NULL;

      gtk_label_set_text (g_object_get_data (G_OBJECT (widget), "label"), text ? text : "");
      gtk_widget_set_tooltip_text (widget, text);
      gtk_widget_set_visible (g_object_get_data (G_OBJECT (widget), "icon"), suspect);
      if (suspect)
        gtk_widget_add_css_class (widget, "pf-scan-suspect");
      else
        gtk_widget_remove_css_class (widget, "pf-scan-suspect");
      if (text == NULL)
        description = g_strdup (_("Not scanned"));
      else if (suspect)
        /* Translators: the accessible description of a feature a scan suspects of leakage; %s is what was measured. */
        description = g_strdup_printf (_("Leakage suspect: %s"), text);
      else
        description = g_strdup (text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
    }
  else if (column->choices != NULL)
    {
      const char *value = item_get_string (item, column->field->name);
      GtkLabel *label = g_object_get_data (G_OBJECT (widget), "label");
      GSimpleAction *action = g_object_get_data (G_OBJECT (widget), "action");

      gtk_label_set_text (label, pf_register_field_value_label (column->field, value));
      g_simple_action_set_state (action, g_variant_new_string (value));
    }
  else if (column->field->type == PF_FIELD_BOOLEAN)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (widget), item_get_boolean (item, column->field->name));
  else if (g_object_get_data (G_OBJECT (widget), "entry") == NULL)
    {
      const char *text = item_get_string (item, column->field->name);

      if (strpbrk (text, "\r\n") == NULL)
        gtk_label_set_text (g_object_get_data (G_OBJECT (widget), "label"), text);
      else
        {
          /* A text of several lines, on the one line of a row. */
          g_auto(GStrv) lines = g_strsplit_set (text, "\r\n", -1);
          g_autoptr(GString) joined = g_string_new (NULL);

          for (guint i = 0; lines[i] != NULL; i++)
            {
              if (lines[i][0] == '\0')
                continue;
              if (joined->len > 0)
                g_string_append (joined, " ");
              g_string_append (joined, lines[i]);
            }
          gtk_label_set_text (g_object_get_data (G_OBJECT (widget), "label"), joined->str);
        }
    }

  self->updating = FALSE;
}

static void
item_changed_cb (PfRegisterItem *item,
                 const char     *field,
                 GtkWidget      *widget)
{
  Column *column = g_object_get_data (G_OBJECT (widget), "column");

  /* The flag depends on three fields; a cell on its own field only. */
  if (field == NULL || column->field == NULL || g_str_equal (field, column->field->name))
    update_cell (widget);
}

/* A text cell is a label that turns into a one-line entry while it is
 * edited: Enter, F2 or a click starts, Enter or leaving the cell keeps
 * the text, Escape drops it. (GtkEditableLabel keeps an entry in every
 * cell and lays it out on every frame, which made scrolling 5,000
 * features slow; GTK 4.8's also crashes when its cell is destroyed
 * within 100 ms after losing the focus.) */
static void
text_cell_stop (GtkWidget *cell,
                gboolean   commit)
{
  Column *column = g_object_get_data (G_OBJECT (cell), "column");
  PfRegisterItem *item = g_object_get_data (G_OBJECT (cell), "item");
  g_autoptr(GtkWidget) entry = g_object_steal_data (G_OBJECT (cell), "entry");
  g_autofree char *text = NULL;
  gboolean had_focus;

  if (entry == NULL)
    return;

  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
  had_focus = gtk_widget_has_focus (entry);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (cell), "label"), TRUE);
  gtk_widget_unparent (entry);
  gtk_widget_remove_css_class (cell, "editing");
  if (had_focus)
    gtk_widget_grab_focus (cell);

  /* A record removed meanwhile (by an undo, say) takes the typing with it. */
  if (commit && item != NULL && !g_str_equal (text, item_get_string (item, column->field->name)) &&
      column->page->document != NULL &&
      pf_document_get_record (column->page->document, column->page->reg->id, item->id) != NULL)
    {
      g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), text);

      set_field (column->page, item, column->field->name, node);
    }
  update_cell (cell);
}

static void
text_cell_entry_activate_cb (GtkText   *entry,
                             GtkWidget *cell)
{
  text_cell_stop (cell, TRUE);
}

/* The cells of a row are our widgets inside the column view's cell
 * widgets, which are the children of the row's widget. */
static GtkWidget *
cell_in_slot (GtkWidget *slot)
{
  GtkWidget *cell = gtk_widget_get_first_child (slot);

  if (cell != NULL && g_object_get_data (G_OBJECT (cell), "column") != NULL &&
      g_object_get_data (G_OBJECT (cell), "item") != NULL &&
      gtk_widget_get_visible (cell) && gtk_widget_is_sensitive (cell) && gtk_widget_get_focusable (cell))
    return cell;
  return NULL;
}

/* The cell before or after @cell that can take the focus: in its row, or
 * else the last or first of the row before or after. GTK 4.8's column view
 * moves right for Shift+Tab as for Tab. */
static GtkWidget *
find_next_cell (GtkWidget *cell,
                gboolean   forward)
{
  GtkWidget *slot = gtk_widget_get_parent (cell);
  GtkWidget *row = slot ? gtk_widget_get_parent (slot) : NULL;

  if (row == NULL)
    return NULL;

  for (int pass = 0; pass < 2 && row != NULL; pass++)
    {
      if (pass == 0)
        slot = forward ? gtk_widget_get_next_sibling (slot) : gtk_widget_get_prev_sibling (slot);
      else
        {
          row = forward ? gtk_widget_get_next_sibling (row) : gtk_widget_get_prev_sibling (row);
          slot = row == NULL ? NULL : forward ? gtk_widget_get_first_child (row) : gtk_widget_get_last_child (row);
        }

      for (; slot != NULL; slot = forward ? gtk_widget_get_next_sibling (slot) : gtk_widget_get_prev_sibling (slot))
        {
          GtkWidget *found = cell_in_slot (slot);

          if (found != NULL)
            return found;
        }
    }

  return NULL;
}

static void text_cell_start (GtkWidget *cell);

static gboolean
is_text_cell (GtkWidget *widget)
{
  return gtk_widget_has_css_class (widget, "pf-text-cell");
}

/* Moves the focus from @cell to the cell before or after it; a text cell
 * reached from one being edited is edited in turn. */
static gboolean
move_cell_focus (GtkWidget *cell,
                 gboolean   forward,
                 gboolean   edit)
{
  GtkWidget *next = find_next_cell (cell, forward);

  if (next == NULL)
    return FALSE;

  gtk_widget_grab_focus (next);
  if (edit && is_text_cell (next))
    text_cell_start (next);
  return TRUE;
}

static gboolean
text_cell_entry_key_pressed_cb (GtkEventControllerKey *controller,
                                guint                  keyval,
                                guint                  keycode,
                                GdkModifierType        state,
                                GtkWidget             *cell)
{
  if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab || keyval == GDK_KEY_ISO_Left_Tab)
    {
      gboolean forward = keyval != GDK_KEY_ISO_Left_Tab && !(state & GDK_SHIFT_MASK);

      return gtk_widget_activate_action (cell, "register.move-cell", "b", forward);
    }

  if (keyval != GDK_KEY_Escape)
    return FALSE;

  text_cell_stop (cell, FALSE);
  return TRUE;
}

/* Shift+Tab on a cell goes to the cell before it: GTK 4.8's column view
 * moves right, as for Tab. */
static gboolean
column_view_key_pressed_cb (GtkEventControllerKey *controller,
                            guint                  keyval,
                            guint                  keycode,
                            GdkModifierType        state,
                            PfRegisterPage        *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL ||
      !(keyval == GDK_KEY_ISO_Left_Tab ||
        ((keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab) && (state & GDK_SHIFT_MASK))))
    return FALSE;

  /* A cell being edited has its own. */
  if (g_object_get_data (G_OBJECT (focus), "column") == NULL)
    return FALSE;

  return gtk_widget_activate_action (focus, "register.move-cell", "b", FALSE);
}

/* (forward): from the cell that has the focus to the next or previous
 * one. A cell being edited keeps its text first, and a text cell reached
 * from it is edited in turn. */
static void
move_cell_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  PfRegisterPage *self = PF_REGISTER_PAGE (widget);
  gboolean forward = g_variant_get_boolean (param);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *cell = focus;
  gboolean editing = FALSE;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->column_view)))
    return;

  if (GTK_IS_TEXT (focus) && (cell = gtk_widget_get_parent (focus)) != NULL &&
      g_object_get_data (G_OBJECT (cell), "entry") == focus)
    {
      editing = TRUE;
      text_cell_stop (cell, TRUE);
    }

  if (g_object_get_data (G_OBJECT (cell), "column") == NULL)
    return;

  if (!move_cell_focus (cell, forward, editing) && editing)
    gtk_widget_child_focus (GTK_WIDGET (root), forward ? GTK_DIR_TAB_FORWARD : GTK_DIR_TAB_BACKWARD);
}

static gboolean
text_cell_left_cb (gpointer user_data)
{
  GtkWidget *cell = user_data;
  GtkWidget *entry = g_object_get_data (G_OBJECT (cell), "entry");

  /* Not for a cell being taken down, nor when the focus came back. */
  if (entry != NULL && gtk_widget_get_root (cell) != NULL && !gtk_widget_has_focus (entry))
    text_cell_stop (cell, TRUE);
  return G_SOURCE_REMOVE;
}

static void
text_cell_entry_leave_cb (GtkEventControllerFocus *controller,
                          GtkWidget               *cell)
{
  /* Not in the middle of GTK moving the focus. */
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, text_cell_left_cb, g_object_ref (cell), g_object_unref);
}

static void
text_cell_start (GtkWidget *cell)
{
  Column *column = g_object_get_data (G_OBJECT (cell), "column");
  PfRegisterItem *item = g_object_get_data (G_OBJECT (cell), "item");
  GtkWidget *entry;
  GtkEventController *controller;

  if (item == NULL || g_object_get_data (G_OBJECT (cell), "entry") != NULL ||
      column->page->document == NULL || pf_document_get_read_only (column->page->document))
    return;

  entry = gtk_text_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), item_get_string (item, column->field->name));
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, pf_register_field_title (column->field),
                                  -1);
  g_signal_connect (entry, "activate", G_CALLBACK (text_cell_entry_activate_cb), cell);
  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (text_cell_entry_key_pressed_cb), cell);
  gtk_widget_add_controller (entry, controller);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", G_CALLBACK (text_cell_entry_leave_cb), cell);
  gtk_widget_add_controller (entry, controller);

  gtk_widget_set_visible (g_object_get_data (G_OBJECT (cell), "label"), FALSE);
  gtk_widget_set_parent (entry, cell);
  gtk_widget_add_css_class (cell, "editing");
  g_object_set_data_full (G_OBJECT (cell), "entry", g_object_ref (entry), g_object_unref);
  gtk_widget_grab_focus (entry);
  gtk_editable_select_region (GTK_EDITABLE (entry), 0, -1);
}

static void
text_cell_edit_cb (GSimpleAction *action,
                   GVariant      *param,
                   GtkWidget     *cell)
{
  text_cell_start (cell);
}

/* Typing on a cell that is not being edited starts editing it with what
 * was typed, replacing the text, as in a spreadsheet. */
static void
text_cell_type_cb (GSimpleAction *action,
                   GVariant      *param,
                   GtkWidget     *cell)
{
  GtkWidget *entry;

  text_cell_start (cell);
  if ((entry = g_object_get_data (G_OBJECT (cell), "entry")) == NULL)
    return;

  gtk_editable_set_text (GTK_EDITABLE (entry), g_variant_get_string (param, NULL));
  gtk_editable_set_position (GTK_EDITABLE (entry), -1);
}

static gboolean
text_cell_key_pressed_cb (GtkEventControllerKey *controller,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state,
                          GtkWidget             *cell)
{
  gunichar c;
  char text[7] = { 0 };

  if (g_object_get_data (G_OBJECT (cell), "entry") != NULL ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK | GDK_META_MASK)) != 0)
    return FALSE;

  /* Printable characters; a space still belongs to the list. */
  c = gdk_keyval_to_unicode (keyval);
  if (c == 0 || !g_unichar_isgraph (c))
    return FALSE;

  g_unichar_to_utf8 (c, text);
  return gtk_widget_activate_action (cell, "cell.type", "s", text);
}

static void
text_cell_stop_cb (GSimpleAction *action,
                   GVariant      *param,
                   GtkWidget     *cell)
{
  text_cell_stop (cell, g_variant_get_boolean (param));
}

static void
text_cell_released_cb (GtkGestureClick *gesture,
                       int              n_press,
                       double           x,
                       double           y,
                       GtkWidget       *cell)
{
  text_cell_start (cell);
}

/* The whole text of a cell too narrow for it. Asked for on hover rather
 * than set on each bind: setting a tooltip makes GTK look for the widget
 * under the pointer, which cost more than the rest of a scrolled frame. */
static gboolean
text_cell_query_tooltip_cb (GtkWidget  *cell,
                            int         x,
                            int         y,
                            gboolean    keyboard_mode,
                            GtkTooltip *tooltip)
{
  GtkLabel *label = g_object_get_data (G_OBJECT (cell), "label");
  Column *column = g_object_get_data (G_OBJECT (cell), "column");
  PfRegisterItem *item = g_object_get_data (G_OBJECT (cell), "item");

  if (g_object_get_data (G_OBJECT (cell), "entry") != NULL ||
      !pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    return FALSE;

  if (item == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, item_get_string (item, column->field->name));
  return TRUE;
}

static GtkWidget *
text_cell_new (void)
{
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *label = gtk_label_new (NULL);
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) edit = g_simple_action_new ("edit", NULL);
  g_autoptr(GSimpleAction) stop = g_simple_action_new ("stop", G_VARIANT_TYPE_BOOLEAN);
  g_autoptr(GSimpleAction) type = g_simple_action_new ("type", G_VARIANT_TYPE_STRING);
  GtkEventController *controller;
  GtkGesture *gesture;

  gtk_widget_add_css_class (cell, "pf-text-cell");
  gtk_widget_set_focusable (cell, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (cell), label);
  g_object_set_data (G_OBJECT (cell), "label", label);
  gtk_widget_set_has_tooltip (cell, TRUE);
  g_signal_connect (cell, "query-tooltip", G_CALLBACK (text_cell_query_tooltip_cb), NULL);

  g_signal_connect (edit, "activate", G_CALLBACK (text_cell_edit_cb), cell);
  g_signal_connect (stop, "activate", G_CALLBACK (text_cell_stop_cb), cell);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (edit));
  g_signal_connect (type, "activate", G_CALLBACK (text_cell_type_cb), cell);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (stop));
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (type));
  gtk_widget_insert_action_group (cell, "cell", G_ACTION_GROUP (group));

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (text_cell_key_pressed_cb), cell);
  gtk_widget_add_controller (cell, controller);

  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
    gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Return, 0),
                                                   gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_KP_Enter, 0),
                                                                                gtk_keyval_trigger_new (GDK_KEY_F2, 0))),
                      gtk_named_action_new ("cell.edit")));
  gtk_widget_add_controller (cell, controller);

  gesture = gtk_gesture_click_new ();
  g_signal_connect (gesture, "released", G_CALLBACK (text_cell_released_cb), cell);
  gtk_widget_add_controller (cell, GTK_EVENT_CONTROLLER (gesture));

  return cell;
}

static gboolean
unparent_idle_cb (GtkWidget *widget)
{
  if (gtk_widget_get_parent (widget) != NULL)
    gtk_widget_unparent (widget);
  return G_SOURCE_REMOVE;
}

/* A choice cell is a button that opens a menu of the values only when
 * clicked: a GtkDropDown per cell builds its popover up front, and with
 * three per row that made scrolling 5,000 features slow. */
static void
choose_change_state_cb (GSimpleAction *action,
                        GVariant      *value,
                        GtkWidget     *button)
{
  Column *column = g_object_get_data (G_OBJECT (button), "column");
  PfRegisterItem *item = g_object_get_data (G_OBJECT (button), "item");
  g_autoptr(JsonNode) node = NULL;

  if (item == NULL || column->page->updating ||
      !g_ptr_array_find_with_equal_func (column->choices, g_variant_get_string (value, NULL), g_str_equal, NULL))
    return;

  if (g_str_equal (column->field->name, "verdict") && is_features (column->page))
    {
      PfRegisterPage *self = column->page;
      g_autoptr(GError) error = NULL;

      if (self->document == NULL)
        return;
      pf_document_begin_group (self->document);
      set_verdict (self, item, g_variant_get_string (value, NULL), &error);
      pf_document_end_group (self->document);
      if (error != NULL)
        show_error (self, _("Could Not Set the Verdict"), error->message);
    }
  else
    {
      node = json_node_init_string (json_node_alloc (), g_variant_get_string (value, NULL));
      set_field (column->page, item, column->field->name, node);
    }
  update_cell (button);
}

static void
choice_popover_closed_cb (GtkPopover *popover)
{
  /* After the menu item's action, which runs once the popover is closed. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, (GSourceFunc)unparent_idle_cb, g_object_ref (popover), g_object_unref);
}

static void
choice_clicked_cb (GtkButton *button,
                   Column    *column)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *popover;

  for (guint i = 0; i < column->choices->len; i++)
    {
      const char *value = g_ptr_array_index (column->choices, i);
      g_autoptr(GMenuItem) menu_item = g_menu_item_new (pf_register_field_value_label (column->field, value), NULL);

      g_menu_item_set_action_and_target_value (menu_item, "cell.choose", g_variant_new_string (value));
      g_menu_append_item (menu, menu_item);
    }

  popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_widget_set_parent (popover, GTK_WIDGET (button));
  gtk_popover_set_position (GTK_POPOVER (popover), GTK_POS_BOTTOM);
  g_signal_connect (popover, "closed", G_CALLBACK (choice_popover_closed_cb), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

static GtkWidget *
choice_cell_new (Column *column)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) action = g_simple_action_new_stateful ("choose", G_VARIANT_TYPE_STRING,
                                                                  g_variant_new_string (""));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("pan-down-symbolic"));
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "pf-choice");

  g_signal_connect (action, "change-state", G_CALLBACK (choose_change_state_cb), button);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
  gtk_widget_insert_action_group (button, "cell", G_ACTION_GROUP (group));
  g_signal_connect (button, "clicked", G_CALLBACK (choice_clicked_cb), column);

  g_object_set_data (G_OBJECT (button), "label", label);
  g_object_set_data (G_OBJECT (button), "action", action);

  return button;
}

static void
check_button_toggled_cb (GtkCheckButton *button,
                         Column         *column)
{
  PfRegisterItem *item = g_object_get_data (G_OBJECT (button), "item");
  g_autoptr(JsonNode) node = NULL;

  if (item == NULL || column->page->updating)
    return;

  node = json_node_init_boolean (json_node_alloc (), gtk_check_button_get_active (button));
  set_field (column->page, item, column->field->name, node);
}

/* Asked for on hover, as the text cells' tooltips are. */
static gboolean
edit_button_query_tooltip_cb (GtkWidget  *button,
                              int         x,
                              int         y,
                              gboolean    keyboard_mode,
                              GtkTooltip *tooltip)
{
  gtk_tooltip_set_text (tooltip, _("Edit Entry (Alt+Enter)"));
  return TRUE;
}

static void
edit_button_clicked_cb (GtkButton *button,
                        Column    *column)
{
  PfRegisterItem *item = g_object_get_data (G_OBJECT (button), "item");

  if (item != NULL)
    pf_register_page_edit_record (column->page, item->id);
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               Column                   *column)
{
  GtkWidget *widget;

  if (column->edit_button)
    {
      widget = gtk_button_new_from_icon_name ("document-edit-symbolic");
      gtk_widget_add_css_class (widget, "flat");
      gtk_widget_add_css_class (widget, "pf-edit-entry");
      gtk_widget_set_halign (widget, GTK_ALIGN_CENTER);
      gtk_widget_set_has_tooltip (widget, TRUE);
      g_signal_connect (widget, "query-tooltip", G_CALLBACK (edit_button_query_tooltip_cb), NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Edit entry"),
                                      -1);
      g_signal_connect (widget, "clicked", G_CALLBACK (edit_button_clicked_cb), column);
    }
  else if (column->field == NULL)
    {
      const char *explanation = pf_register_leakage_explanation ();

      widget = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (widget, "warning");
      gtk_widget_set_tooltip_text (widget, explanation);
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Leakage"),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, explanation,
                                      -1);
    }
  else if (column->scan)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      GtkWidget *label = gtk_label_new (NULL);

      /* Read-only: the scan wrote it; a reviewer's word goes into the verdict and rationale. */
      widget = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_widget_add_css_class (widget, "pf-scan-cell");
      gtk_widget_add_css_class (icon, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Leakage suspect"),
                                      -1);
      gtk_widget_set_visible (icon, FALSE);
      gtk_box_append (GTK_BOX (widget), icon);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (widget), label);
      g_object_set_data (G_OBJECT (widget), "icon", icon);
      g_object_set_data (G_OBJECT (widget), "label", label);
    }
  else if (column->choices != NULL)
    {
      widget = choice_cell_new (column);
    }
  else if (column->field->type == PF_FIELD_BOOLEAN)
    {
      widget = gtk_check_button_new ();
      gtk_widget_set_halign (widget, GTK_ALIGN_CENTER);
      g_signal_connect (widget, "toggled", G_CALLBACK (check_button_toggled_cb), column);
    }
  else
    {
      widget = text_cell_new ();
    }

  if (column->field != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, pf_register_field_title (column->field),
                                    -1);
  gtk_widget_set_name (widget, column->field ? column->field->name :
                               column->edit_button ? "edit-entry" : "leakage-flag");
  g_object_set_data (G_OBJECT (widget), "column", column);
  gtk_list_item_set_child (list_item, widget);
}

static gboolean
start_editing_cb (gpointer user_data)
{
  GtkWidget *widget = user_data;

  if (gtk_widget_get_mapped (widget))
    text_cell_start (widget);
  return G_SOURCE_REMOVE;
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              Column                   *column)
{
  GtkWidget *widget = gtk_list_item_get_child (list_item);
  PfRegisterItem *item = gtk_list_item_get_item (list_item);
  gulong handler;

  g_object_set_data (G_OBJECT (widget), "item", item);
  /* The button shows nothing of the record. */
  if (column->edit_button)
    return;
  handler = g_signal_connect (item, "changed", G_CALLBACK (item_changed_cb), widget);
  g_object_set_data (G_OBJECT (widget), "handler", GSIZE_TO_POINTER (handler));
  update_cell (widget);

  /* A record just added opens its first text cell for typing. */
  if (column->first_text && item == column->page->edit_on_bind)
    {
      column->page->edit_on_bind = NULL;
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, start_editing_cb, g_object_ref (widget), g_object_unref);
    }
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                Column                   *column)
{
  GtkWidget *widget = gtk_list_item_get_child (list_item);
  PfRegisterItem *item = g_object_get_data (G_OBJECT (widget), "item");
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (widget), "handler"));

  /* A cell scrolled away mid-edit keeps what was typed. */
  if (item != NULL && is_text_cell (widget))
    text_cell_stop (widget, TRUE);

  if (item != NULL && handler != 0)
    g_signal_handler_disconnect (item, handler);
  g_object_set_data (G_OBJECT (widget), "item", NULL);
  g_object_set_data (G_OBJECT (widget), "handler", NULL);
}

/* Widths that let every column of the widest register fit beside the
 * sidebar at 1280 pixels. The names, titles, statements and descriptions
 * take the width that is left, with the long texts that the entry details
 * show in full; those start narrower, and so do the short texts. */
static const struct
{
  const char *name;
  int         width;
  gboolean    expand;
} column_sizes[] = {
  { "name", 150, TRUE },
  { "title", 230, TRUE },
  { "statement", 240, TRUE },
  { "description", 100, TRUE },
  { "mitigation", 110, TRUE },
  { "rationale", 90, TRUE },
  { "evidence", 110, TRUE },
  { "expectation", 130, TRUE },
  { "source", 90, FALSE },
  { "reviewer", 90, FALSE },
  { "scan", 220, TRUE },
};

/* What the widest of @texts takes in the column view's font. */
static int
text_width (PfRegisterPage *self,
            const char     *text)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->column_view), text);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static int
column_width (PfRegisterPage *self,
              Column         *column,
              gboolean       *expand)
{
  const PfField *field = column->field;
  /* The header's title and its padding. */
  int header = text_width (self, pf_register_field_title (field)) + 24;

  *expand = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (column_sizes); i++)
    {
      if (g_str_equal (column_sizes[i].name, field->name))
        {
          *expand = column_sizes[i].expand;
          return MAX (column_sizes[i].width, header);
        }
    }

  if (column->choices != NULL)
    {
      int widest = 0;

      /* The longest choice, with the button's arrow and padding. */
      for (guint i = 0; i < column->choices->len; i++)
        widest = MAX (widest, text_width (self, pf_register_field_value_label (field, g_ptr_array_index (column->choices, i))));
      return MAX (widest + 48, header);
    }

  switch (field->type)
    {
    case PF_FIELD_BOOLEAN:
      return MAX (60, header);
    default:
      return MAX (100, header);
    }
}

static void
add_column (PfRegisterPage *self,
            const PfField  *field,
            gboolean        first_text,
            gboolean        edit_button)
{
  Column *column = g_new0 (Column, 1);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;
  GtkSorter *sorter;

  column->page = self;
  column->field = field;
  column->first_text = first_text;
  column->edit_button = edit_button;
  column->scan = field != NULL && field->type == PF_FIELD_OBJECT && g_str_equal (field->name, "scan");
  if (field != NULL)
    column->choices = pf_register_dup_field_choices (field);
  g_ptr_array_add (self->columns, column);

  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), column);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), column);
  g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind_cb), column);

  view_column = gtk_column_view_column_new (field ? pf_register_field_title (field) : "", factory);
  if (!edit_button)
    {
      sorter = GTK_SORTER (gtk_custom_sorter_new (compare_items, column, NULL));
      gtk_column_view_column_set_sorter (view_column, sorter);
      g_object_unref (sorter);
    }
  gtk_column_view_column_set_resizable (view_column, field != NULL);

  if (field == NULL)
    gtk_column_view_column_set_fixed_width (view_column, edit_button ? 40 : 32);
  else
    {
      gboolean expand;

      gtk_column_view_column_set_fixed_width (view_column, column_width (self, column, &expand));
      gtk_column_view_column_set_expand (view_column, expand);
    }

  gtk_column_view_append_column (self->column_view, view_column);
  g_object_unref (view_column);
}

/* Actions */

static gboolean
is_features (PfRegisterPage *self)
{
  return g_str_equal (self->reg->id, "features");
}

/* The selected records, in the order they are shown. */
static GPtrArray *
dup_selected_items (PfRegisterPage *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  GtkBitsetIter iter;
  guint position;

  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position);
       more;
       more = gtk_bitset_iter_next (&iter, &position))
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (self->selection), position));

  return items;
}

static guint
find_position (PfRegisterPage *self,
               PfRegisterItem *item)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PfRegisterItem) candidate = g_list_model_get_item (model, i);

      if (candidate == item)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static GtkWidget *
get_list_view (PfRegisterPage *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        return child;
    }
  return NULL;
}

/* The first cell of @item's row that takes the focus, if the row is shown. */
static GtkWidget *
find_first_cell (PfRegisterPage *self,
                 PfRegisterItem *item)
{
  GtkWidget *list_view = get_list_view (self);

  if (list_view == NULL)
    return NULL;

  for (GtkWidget *row = gtk_widget_get_first_child (list_view); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      for (GtkWidget *slot = gtk_widget_get_first_child (row); slot != NULL; slot = gtk_widget_get_next_sibling (slot))
        {
          GtkWidget *cell = cell_in_slot (slot);

          if (cell != NULL && g_object_get_data (G_OBJECT (cell), "item") == item)
            return cell;
        }
    }

  return NULL;
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  PfRegisterPage *self = user_data;
  GtkWidget *list_view = get_list_view (self);

  /* GTK 4.8's column view has no scroll_to(); its list view has the action
   * that keyboard navigation uses. It needs the rows laid out, so it runs
   * at the next frames, once the page is shown, and once more after the
   * rows it scrolled to were measured. */
  if (list_view != NULL && self->scroll_position < g_list_model_get_n_items (G_LIST_MODEL (self->selection)))
    gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", self->scroll_position);

  if (++self->scroll_frames < 3)
    return G_SOURCE_CONTINUE;

  self->scroll_tick = 0;
  if (self->focus_on_show)
    {
      g_autoptr(PfRegisterItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), self->scroll_position);
      GtkWidget *cell = item ? find_first_cell (self, item) : NULL;

      self->focus_on_show = FALSE;
      if (cell != NULL)
        gtk_widget_grab_focus (cell);
    }
  return G_SOURCE_REMOVE;
}

static void
select_and_show (PfRegisterPage *self,
                 guint           position)
{
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);

  self->scroll_position = position;
  self->scroll_frames = 0;
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->column_view), scroll_tick_cb, self, NULL);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  PfRegisterPage *self = PF_REGISTER_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  PfRegisterItem *item;
  guint position;

  if (self->document == NULL)
    return;

  if (!(id = pf_document_add_record (self->document, self->reg->id, &error)))
    {
      show_error (self, _("Could Not Add an Entry"), error->message);
      return;
    }

  sync_items (self);
  item = g_hash_table_lookup (self->items_by_id, id);

  /* A filter that hides the new record would make Add look broken. */
  if (item != NULL && !filter_item (item, self))
    {
      if (self->verdict_filter != NULL)
        gtk_drop_down_set_selected (self->verdict_filter, 0);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      search_changed_cb (self, self->search_entry);
    }

  if (item != NULL && (position = find_position (self, item)) != GTK_INVALID_LIST_POSITION)
    {
      self->edit_on_bind = item;
      select_and_show (self, position);
    }
}

/* The record of the row that has the focus, or else the first selected. */
static PfRegisterItem *
get_current_item (PfRegisterPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  g_autoptr(GPtrArray) selected = NULL;

  for (GtkWidget *widget = focus; widget != NULL && widget != GTK_WIDGET (self->column_view);
       widget = gtk_widget_get_parent (widget))
    {
      Column *column = g_object_get_data (G_OBJECT (widget), "column");
      PfRegisterItem *item = g_object_get_data (G_OBJECT (widget), "item");

      if (column != NULL && column->page == self && item != NULL)
        return item;
    }

  /* A focused row rather than a cell of it. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->column_view)))
    {
      for (GtkWidget *cell = gtk_widget_get_first_child (focus); cell != NULL; cell = gtk_widget_get_first_child (cell))
        {
          PfRegisterItem *item = g_object_get_data (G_OBJECT (cell), "item");

          if (item != NULL && g_object_get_data (G_OBJECT (cell), "column") != NULL)
            return item;
        }
    }

  selected = dup_selected_items (self);
  return selected->len > 0 ? g_ptr_array_index (selected, 0) : NULL;
}

static void
edit_entry_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  PfRegisterPage *self = PF_REGISTER_PAGE (widget);
  PfRegisterItem *item = get_current_item (self);

  if (item != NULL)
    pf_register_page_edit_record (self, item->id);
}

static void
close_details (PfRegisterPage *self)
{
  if (self->details != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->details), (gpointer *)&self->details);
      gtk_window_destroy (GTK_WINDOW (self->details));
      self->details = NULL;
    }
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PfRegisterPage *self = PF_REGISTER_PAGE (widget);
  g_autoptr(GPtrArray) items = dup_selected_items (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (self->document == NULL || items->len == 0)
    return;

  pf_document_begin_group (self->document);
  for (guint i = 0; i < items->len && error == NULL; i++)
    {
      PfRegisterItem *item = g_ptr_array_index (items, i);

      pf_document_remove_record (self->document, self->reg->id, item->id, &error);
    }
  pf_document_end_group (self->document);
  sync_items (self);

  if (error != NULL)
    {
      show_error (self, _("Could Not Remove the Entries"), error->message);
      return;
    }

  /* Translators: a toast after removing entries from a register. */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry removed", "%u entries removed", items->len),
                             items->len);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");

  dismiss_remove_toast (self);
  g_clear_pointer (&self->removed_ids, g_ptr_array_unref);
  self->removed_ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (self->removed_ids, g_strdup (((PfRegisterItem *)g_ptr_array_index (items, i))->id));
  self->remove_toast = toast;
  g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *)&self->remove_toast);
  add_toast (self, toast);
}

static void
dismiss_remove_toast (PfRegisterPage *self)
{
  AdwToast *toast = self->remove_toast;

  if (toast == NULL)
    return;

  g_object_remove_weak_pointer (G_OBJECT (toast), (gpointer *)&self->remove_toast);
  self->remove_toast = NULL;
  adw_toast_dismiss (toast);
}

static void
set_verdict_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  PfRegisterPage *self = PF_REGISTER_PAGE (widget);
  g_autoptr(GPtrArray) items = dup_selected_items (self);
  const char *verdict = g_variant_get_string (param, NULL);
  g_autoptr(GError) error = NULL;

  if (self->document == NULL || items->len == 0)
    return;

  /* One undo step for the whole selection. */
  pf_document_begin_group (self->document);
  for (guint i = 0; i < items->len && error == NULL; i++)
    set_verdict (self, g_ptr_array_index (items, i), verdict, &error);
  pf_document_end_group (self->document);

  if (error != NULL)
    show_error (self, _("Could Not Set the Verdict"), error->message);
  if (self->verdict_filter != NULL && gtk_drop_down_get_selected (self->verdict_filter) > 0)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* ("field", descending): what a click on a column's header does, for the
 * keyboard; "leakage" for the column of flags. */
static void
sort_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PfRegisterPage *self = PF_REGISTER_PAGE (widget);
  GListModel *view_columns = gtk_column_view_get_columns (self->column_view);
  const char *key;
  gboolean descending;

  g_variant_get (param, "(&sb)", &key, &descending);
  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = g_ptr_array_index (self->columns, i);
      g_autoptr(GtkColumnViewColumn) view_column = NULL;

      if (column->edit_button ||
          !g_str_equal (column->field != NULL ? column->field->name : "leakage", key))
        continue;

      view_column = g_list_model_get_item (view_columns, i);
      gtk_column_view_sort_by_column (self->column_view, view_column,
                                      descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
      return;
    }
}

static GtkWidget *
build_sort_button (PfRegisterPage *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *button = gtk_menu_button_new ();

  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = g_ptr_array_index (self->columns, i);
      const char *key = column->field != NULL ? column->field->name : "leakage";
      g_autoptr(GMenu) directions = g_menu_new ();
      g_autoptr(GMenuItem) item = NULL;

      if (column->edit_button)
        continue;

      item = g_menu_item_new (_("Ascending"), NULL);
      g_menu_item_set_action_and_target (item, "register.sort", "(sb)", key, FALSE);
      g_menu_append_item (directions, item);
      g_clear_object (&item);
      item = g_menu_item_new (_("Descending"), NULL);
      g_menu_item_set_action_and_target (item, "register.sort", "(sb)", key, TRUE);
      g_menu_append_item (directions, item);

      g_menu_append_submenu (menu, column->field != NULL ? pf_register_field_title (column->field) : _("Leakage"),
                             G_MENU_MODEL (directions));
    }

  gtk_widget_set_name (button, "sort");
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-sort-ascending-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_tooltip_text (button, _("Sort by a column"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Sort by"),
                                  -1);
  return button;
}

static void
import_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(PfRegisterPage) self = user_data;
  GFile *file = G_FILE (object);
  g_autofree char *contents = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = NULL;
  g_autofree char *added_text = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GPtrArray) features = NULL;
  g_autoptr(GError) error = NULL;
  guint n_added = 0, n_present = 0;
  gsize length = 0;

  /* Translators: %s is a file name. */
  heading = g_strdup_printf (_("Could Not Import “%s”"), name);

  if (!g_file_load_contents_finish (file, result, &contents, &length, NULL, &error) ||
      !(features = pf_feature_import_parse_csv (contents, length, NULL, &error)))
    {
      show_error (self, heading, error->message);
      return;
    }

  if (self->document == NULL)
    return;

  if (!pf_feature_import_apply (self->document, features, &n_added, &n_present, &error))
    {
      sync_items (self);
      show_error (self, heading, error->message);
      return;
    }
  sync_items (self);

  /* Translators: the first half of "3 features added, 2 already present". */
  added_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u feature added", "%u features added", n_added),
                                n_added);
  /* Translators: %s is "N features added"; %u the features the register already had. */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u already present", "%s, %u already present",
                                          n_present),
                             added_text, n_present);
  add_toast (self, adw_toast_new (message));
}

static void
import_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    PfRegisterPage  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        pf_register_page_import_file (self, file);
    }

  g_object_unref (dialog);
  g_object_unref (self);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PfRegisterPage *self = PF_REGISTER_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import Features"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (csv, _("CSV Files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  g_signal_connect (chooser, "response", G_CALLBACK (import_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
drop_cb (PfRegisterPage *self,
         const GValue   *value,
         double          x,
         double          y,
         GtkDropTarget  *target)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || self->document == NULL ||
      pf_document_get_read_only (self->document))
    return FALSE;

  files = g_value_get_boxed (value);
  for (GSList *l = files; l != NULL; l = l->next)
    pf_register_page_import_file (self, l->data);

  return files != NULL;
}

/* Building the page */

static GtkWidget *
button_new (const char *icon_name,
            const char *label,
            const char *action_name)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon_name);
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  return button;
}

static GtkWidget *
build_empty_page (PfRegisterPage   *self,
                  const PfPageInfo *info)
{
  GtkWidget *status = adw_status_page_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *add = button_new ("list-add-symbolic", _("_Add Entry"), "register.add");

  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (add, "suggested-action");
  gtk_widget_add_css_class (add, "pill");
  gtk_widget_set_name (add, "empty-add");
  gtk_box_append (GTK_BOX (buttons), add);
  if (is_features (self))
    {
      GtkWidget *import = button_new ("document-open-symbolic", _("_Import…"), "register.import");

      gtk_widget_add_css_class (import, "pill");
      gtk_widget_set_tooltip_text (import, _("Feature names from a CSV header or a data dictionary (name, description); "
                                             "or drop a CSV file here"));
      gtk_box_append (GTK_BOX (buttons), import);
    }

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), pf_page_info_get_icon_name (info));
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Entries Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status), pf_page_info_get_description (info));
  adw_status_page_set_child (ADW_STATUS_PAGE (status), buttons);

  return status;
}

static GtkWidget *
build_toolbar (PfRegisterPage *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *add;

  gtk_widget_add_css_class (toolbar, "pf-register-toolbar");

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_name (GTK_WIDGET (self->search_entry), "filter");
  gtk_widget_set_size_request (GTK_WIDGET (self->search_entry), 160, -1);
  gtk_widget_set_hexpand (GTK_WIDGET (self->search_entry), TRUE);
  gtk_widget_set_halign (GTK_WIDGET (self->search_entry), GTK_ALIGN_START);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->search_entry), 28);
  g_object_set (self->search_entry, "placeholder-text", _("Filter"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Filter entries"),
                                  -1);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->search_entry));

  if (is_features (self))
    {
      const char *labels[] = {
        _("All Verdicts"), _("Pending"), _("Keep"), _("Drop"), _("Transform"),
        /* Translators: a choice of the verdict filter: the features a dataset scan suspects of leakage. */
        C_("verdict filter", "Scan Suspects"), NULL
      };
      GtkWidget *menu_button;
      GtkWidget *import;
      GtkWidget *scan;
      g_autoptr(GMenu) menu = g_menu_new ();

      self->verdict_filter = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (labels));
      gtk_widget_set_name (GTK_WIDGET (self->verdict_filter), "verdict-filter");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->verdict_filter), _("Show only features with this verdict"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->verdict_filter),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Filter by verdict"),
                                      -1);
      g_signal_connect_swapped (self->verdict_filter, "notify::selected",
                                G_CALLBACK (verdict_filter_changed_cb), self);
      gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->verdict_filter));

      for (guint i = 0; i < G_N_ELEMENTS (verdict_values); i++)
        {
          g_autofree char *detailed = g_strdup_printf ("register.set-verdict::%s", verdict_values[i]);

          g_menu_append (menu, pf_value_get_label (verdict_values[i]), detailed);
        }
      menu_button = gtk_menu_button_new ();
      gtk_widget_set_name (menu_button, "set-verdict");
      gtk_menu_button_set_label (GTK_MENU_BUTTON (menu_button), _("Set _Verdict"));
      gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (menu_button), TRUE);
      gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), G_MENU_MODEL (menu));
      gtk_widget_set_tooltip_text (menu_button, _("Set the verdict of every selected feature"));
      gtk_widget_set_margin_start (menu_button, 6);
      gtk_box_append (GTK_BOX (toolbar), menu_button);

      import = button_new ("document-open-symbolic", _("_Import…"), "register.import");
      gtk_widget_set_name (import, "import");
      gtk_widget_set_tooltip_text (import, _("Feature names from a CSV header or a data dictionary "
                                             "(name, description); or drop a CSV file on the page"));
      gtk_box_append (GTK_BOX (toolbar), import);

      scan = button_new ("system-search-symbolic", _("S_can a Dataset…"), "win.scan-dataset");
      gtk_widget_set_name (scan, "scan-dataset");
      gtk_widget_set_tooltip_text (scan, _("Measure every column of a CSV or TSV file and record "
                                           "leakage suspects and personal data (Ctrl+Shift+D)"));
      gtk_box_append (GTK_BOX (toolbar), scan);
    }

  self->remove_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->remove_button), "register.remove");
  gtk_widget_set_name (self->remove_button, "remove");
  gtk_widget_set_tooltip_text (self->remove_button, _("Remove the selected entries (Delete)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove the selected entries"),
                                  -1);
  gtk_box_append (GTK_BOX (toolbar), self->remove_button);

  add = button_new ("list-add-symbolic", _("_Add"), "register.add");
  gtk_widget_set_name (add, "add");
  gtk_widget_add_css_class (add, "suggested-action");
  gtk_widget_set_tooltip_text (add, _("Add an entry (Ctrl+Shift+N)"));
  gtk_box_append (GTK_BOX (toolbar), add);

  return toolbar;
}

/* The number of entries, and for the features the sign-off of the review. */
static GtkWidget *
build_footer (PfRegisterPage *self)
{
  GtkWidget *footer = gtk_action_bar_new ();

  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->count_label), "count");
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "numeric");
  gtk_action_bar_pack_start (GTK_ACTION_BAR (footer), GTK_WIDGET (self->count_label));

  if (is_features (self))
    {
      GtkWidget *sign_off = gtk_button_new_with_mnemonic (_("_Sign Off Leakage Review…"));

      gtk_widget_set_name (sign_off, "sign-off-leakage-review");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (sign_off), "win.sign-off");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (sign_off), "s", "leakage-review");
      gtk_action_bar_pack_end (GTK_ACTION_BAR (footer), sign_off);
    }

  return footer;
}

static void
pf_register_page_constructed (GObject *object)
{
  PfRegisterPage *self = PF_REGISTER_PAGE (object);
  const PfPageInfo *info;
  GtkWidget *box, *description, *scroller;
  gboolean first_text = TRUE;
  int page_index;

  G_OBJECT_CLASS (pf_register_page_parent_class)->constructed (object);

  self->reg = pf_schema_find_register (self->register_id);
  g_assert (self->reg != NULL);
  page_index = pf_pages_find (self->reg->id);
  g_assert (page_index >= 0);
  info = pf_pages_get_page (page_index);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  description = gtk_label_new (pf_page_info_get_description (info));
  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  gtk_label_set_xalign (GTK_LABEL (description), 0);
  gtk_widget_add_css_class (description, "dim-label");
  gtk_widget_add_css_class (description, "pf-register-description");
  gtk_box_append (GTK_BOX (box), description);
  gtk_widget_add_css_class (box, "pf-register-page");

  self->toolbar = build_toolbar (self);
  gtk_box_append (GTK_BOX (box), self->toolbar);

  self->filter = gtk_custom_filter_new (filter_item, self, NULL);
  self->filter_model = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->store)),
                                                  GTK_FILTER (g_object_ref (self->filter)));
  g_signal_connect_swapped (self->filter_model, "items-changed", G_CALLBACK (filter_items_changed_cb), self);
  self->sort_model = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filter_model)), NULL);
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (g_object_ref (self->sort_model)));
  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->selection, "items-changed", G_CALLBACK (selection_changed_cb), self);

  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection))));
  gtk_widget_set_name (GTK_WIDGET (self->column_view), "records");
  gtk_column_view_set_show_row_separators (self->column_view, TRUE);
  gtk_column_view_set_show_column_separators (self->column_view, TRUE);
  gtk_column_view_set_reorderable (self->column_view, FALSE);
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect (keys, "key-pressed", G_CALLBACK (column_view_key_pressed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->column_view), keys);
  }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, pf_page_info_get_title (info),
                                  -1);
  if (is_features (self))
    add_column (self, NULL, FALSE, FALSE);
  for (const PfField *field = self->reg->fields; field->name != NULL; field++)
    {
      g_autoptr(GPtrArray) choices = pf_register_dup_field_choices (field);
      gboolean text = (field->type == PF_FIELD_STRING || field->type == PF_FIELD_TEXT) && choices == NULL;

      add_column (self, field, text && first_text, FALSE);
      if (text)
        first_text = FALSE;
    }
  add_column (self, NULL, FALSE, TRUE);
  /* The toolbar was built before the columns; the sort menu lists them. */
  gtk_box_insert_child_after (GTK_BOX (self->toolbar), build_sort_button (self), GTK_WIDGET (self->search_entry));
  gtk_sort_list_model_set_sorter (self->sort_model, gtk_column_view_get_sorter (self->column_view));

  scroller = gtk_scrolled_window_new ();
  gtk_widget_set_name (scroller, "scroller");
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->column_view));
  gtk_widget_set_vexpand (scroller, TRUE);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, scroller, "list");
  gtk_stack_add_named (self->stack, build_empty_page (self, info), "empty");
  gtk_stack_set_visible_child_name (self->stack, "empty");
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  gtk_box_append (GTK_BOX (box), build_footer (self));

  adw_bin_set_child (ADW_BIN (self), box);

  if (is_features (self))
    {
      GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

      g_signal_connect_swapped (target, "drop", G_CALLBACK (drop_cb), self);
      gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
    }

  update_count (self);
  update_actions (self);
}

static void
pf_register_page_dispose (GObject *object)
{
  PfRegisterPage *self = PF_REGISTER_PAGE (object);

  g_clear_handle_id (&self->sync_source, g_source_remove);
  close_details (self);
  if (self->remove_toast != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->remove_toast), (gpointer *)&self->remove_toast);
      self->remove_toast = NULL;
    }
  if (self->column_view != NULL)
    release_focus (self);
  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_handler, self->document);
  g_clear_object (&self->document);
  adw_bin_set_child (ADW_BIN (self), NULL);

  G_OBJECT_CLASS (pf_register_page_parent_class)->dispose (object);
}

static void
pf_register_page_finalize (GObject *object)
{
  PfRegisterPage *self = PF_REGISTER_PAGE (object);

  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->items_by_id, g_hash_table_unref);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->removed_ids, g_ptr_array_unref);
  g_free (self->search_key);
  g_free (self->register_id);

  G_OBJECT_CLASS (pf_register_page_parent_class)->finalize (object);
}

static void
pf_register_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PfRegisterPage *self = PF_REGISTER_PAGE (object);

  switch (prop_id)
    {
    case PROP_REGISTER_ID:
      g_value_set_string (value, self->register_id);
      break;

    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_register_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PfRegisterPage *self = PF_REGISTER_PAGE (object);

  switch (prop_id)
    {
    case PROP_REGISTER_ID:
      self->register_id = g_value_dup_string (value);
      break;

    case PROP_DOCUMENT:
      pf_register_page_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_register_page_class_init (PfRegisterPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pf_register_page_constructed;
  object_class->dispose = pf_register_page_dispose;
  object_class->finalize = pf_register_page_finalize;
  object_class->get_property = pf_register_page_get_property;
  object_class->set_property = pf_register_page_set_property;

  properties[PROP_REGISTER_ID] =
    g_param_spec_string ("register-id", NULL, NULL,
                         "assumptions",
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         PF_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "register.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "register.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "register.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "register.set-verdict", "s", set_verdict_action);
  gtk_widget_class_install_action (widget_class, "register.edit-entry", NULL, edit_entry_action);
  gtk_widget_class_install_action (widget_class, "register.move-cell", "b", move_cell_action);
  gtk_widget_class_install_action (widget_class, "register.sort", "(sb)", sort_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "register.remove", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "register.remove", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "register.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_ALT_MASK, "register.edit-entry", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_ALT_MASK, "register.edit-entry", NULL);
}

static void
pf_register_page_init (PfRegisterPage *self)
{
  self->store = g_list_store_new (PF_TYPE_REGISTER_ITEM);
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->items_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->columns = g_ptr_array_new_with_free_func ((GDestroyNotify)column_free);
}

/**
 * pf_register_page_new:
 * @register_id: a register of the schema that has a page, e.g. "features"
 */
GtkWidget *
pf_register_page_new (const char *register_id)
{
  g_return_val_if_fail (register_id != NULL, NULL);
  g_return_val_if_fail (pf_schema_find_register (register_id) != NULL, NULL);

  return g_object_new (PF_TYPE_REGISTER_PAGE, "register-id", register_id, NULL);
}

const char *
pf_register_page_get_register_id (PfRegisterPage *self)
{
  g_return_val_if_fail (PF_IS_REGISTER_PAGE (self), NULL);

  return self->reg->id;
}

PfDocument *
pf_register_page_get_document (PfRegisterPage *self)
{
  g_return_val_if_fail (PF_IS_REGISTER_PAGE (self), NULL);

  return self->document;
}

void
pf_register_page_set_document (PfRegisterPage *self,
                               PfDocument     *document)
{
  g_return_if_fail (PF_IS_REGISTER_PAGE (self));
  g_return_if_fail (document == NULL || PF_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_handler, self->document);
  g_set_object (&self->document, document);
  close_details (self);

  /* Another project: none of the old items stand for its records. */
  g_hash_table_remove_all (self->items_by_id);
  sync_items (self);

  if (document != NULL)
    self->changed_handler = g_signal_connect_object (document, "changed",
                                                     G_CALLBACK (document_changed_cb), self,
                                                     G_CONNECT_SWAPPED);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * pf_register_page_select_record:
 *
 * Selects the record @record_id alone and scrolls it into view, clearing a
 * filter that hides it.
 *
 * Returns: whether the register has the record
 */
gboolean
pf_register_page_select_record (PfRegisterPage *self,
                                const char     *record_id)
{
  PfRegisterItem *item;
  guint position;

  g_return_val_if_fail (PF_IS_REGISTER_PAGE (self), FALSE);
  g_return_val_if_fail (record_id != NULL, FALSE);

  if (self->sync_source != 0)
    sync_items (self);

  if (!(item = g_hash_table_lookup (self->items_by_id, record_id)))
    return FALSE;

  /* The entry applies what was typed only after a pause: judge by the text. */
  search_changed_cb (self, self->search_entry);
  if (!filter_item (item, self))
    {
      if (self->verdict_filter != NULL)
        gtk_drop_down_set_selected (self->verdict_filter, 0);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      search_changed_cb (self, self->search_entry);
    }

  if ((position = find_position (self, item)) == GTK_INVALID_LIST_POSITION)
    return FALSE;

  select_and_show (self, position);

  /* Into the table now, away from where the record was asked for (the find
   * bar, say); onto its first cell once the row is shown. */
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
  self->focus_on_show = TRUE;
  return TRUE;
}

/**
 * pf_register_page_import_file:
 *
 * Reads feature names from @file (CSV) into the features register in the
 * background, as one undo step, and says in a toast how many were new.
 */
void
pf_register_page_import_file (PfRegisterPage *self,
                              GFile          *file)
{
  g_return_if_fail (PF_IS_REGISTER_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (is_features (self));

  g_file_load_contents_async (file, NULL, import_loaded_cb, g_object_ref (self));
}

GtkColumnView *
pf_register_page_get_column_view (PfRegisterPage *self)
{
  g_return_val_if_fail (PF_IS_REGISTER_PAGE (self), NULL);

  return self->column_view;
}

/**
 * pf_register_page_get_model:
 *
 * Returns: (transfer none): the rows as shown: filtered and sorted
 */
GListModel *
pf_register_page_get_model (PfRegisterPage *self)
{
  g_return_val_if_fail (PF_IS_REGISTER_PAGE (self), NULL);

  if (self->sync_source != 0)
    sync_items (self);

  return G_LIST_MODEL (self->selection);
}

/**
 * pf_register_page_get_record_id:
 *
 * Returns: (nullable): the id of the record shown at @position
 */
const char *
pf_register_page_get_record_id (PfRegisterPage *self,
                                guint           position)
{
  g_autoptr(PfRegisterItem) item = NULL;

  g_return_val_if_fail (PF_IS_REGISTER_PAGE (self), NULL);

  if (!(item = g_list_model_get_item (pf_register_page_get_model (self), position)))
    return NULL;

  return item->id;  /* the store holds another reference */
}

/**
 * pf_register_page_edit_record:
 *
 * Opens the entry details of @record_id: a modal window that shows every
 * field of the record in full and edits it through the document.
 *
 * Returns: (transfer none) (nullable): the window, or %NULL if the register
 *   has no such record
 */
GtkWindow *
pf_register_page_edit_record (PfRegisterPage *self,
                              const char     *record_id)
{
  GtkRoot *root;

  g_return_val_if_fail (PF_IS_REGISTER_PAGE (self), NULL);
  g_return_val_if_fail (record_id != NULL, NULL);

  if (self->document == NULL || pf_document_get_record (self->document, self->reg->id, record_id) == NULL)
    return NULL;

  /* What a cell is being typed into belongs to the document first. */
  release_focus (self);
  close_details (self);

  self->details = GTK_WIDGET (pf_record_dialog_new (self->document, self->reg->id, record_id));
  g_object_add_weak_pointer (G_OBJECT (self->details), (gpointer *)&self->details);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self->details), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (self->details));

  return GTK_WINDOW (self->details);
}
