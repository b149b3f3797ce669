/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pf-application.h"
#include "pf-audit-chain-group.h"
#include "pf-audit-list.h"
#include "pf-audit-page.h"
#include "pf-scope-describe.h"

/* The audit trail as a page: the chain's state on top, then every entry,
 * newest first, narrowed by actor, action, object and a search. The trail
 * is read when the page is first shown, not when the project opens, and
 * only the visible rows have widgets: a trail of tens of thousands of
 * entries scrolls and filters without delay. */

typedef enum
{
  COLUMN_SEQ,
  COLUMN_TIME,
  COLUMN_ACTOR,
  COLUMN_ACTION,
  COLUMN_OBJECT,
  COLUMN_FIELD,
  COLUMN_DETAIL,
} Column;

/* The choices of one filter drop-down: "All …" and then each value that
 * occurs in the trail, sorted by how it reads. */
typedef struct
{
  GtkDropDown   *drop_down;  /* borrowed */
  GtkStringList *labels;
  GPtrArray     *values;     /* char *, NULL for "all" */
  GPtrArray     *keys;       /* the labels' collation keys, as values; NULL for "all" */
  GHashTable    *seen;       /* value -> itself, owned by values */
  const char    *(*get) (PfAuditItem *item);
  const char    *(*label) (PfAuditPage *self,
                           const char  *value);
  char          *selected;   /* the value filtered by, or NULL */
} Choices;

enum { CHOICES_ACTOR, CHOICES_ACTION, CHOICES_OBJECT, N_CHOICES };

struct _PfAuditPage
{
  AdwBin               parent_instance;

  /* Template widgets */
  PfAuditChainGroup   *chain_group;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *actor_drop_down;
  GtkDropDown         *action_drop_down;
  GtkDropDown         *object_drop_down;
  GtkLabel            *count_label;
  GtkStack            *list_stack;
  GtkColumnView       *column_view;

  /* Owned references */
  PfDocument          *document;
  PfAuditList         *list;      /* NULL until the page is shown */
  GtkFilterListModel  *filtered;
  GtkCustomFilter     *filter;    /* borrowed from filtered */
  Choices              choices[N_CHOICES];
  char                *folded_search;
  GTimeZone           *local_zone;  /* read once: GLib reads it anew on each use */
  GHashTable          *seq_cells;  /* GtkListItem of the bound "No." cells */
  GHashTable          *object_names;  /* object id -> how it reads, made when first asked for */
  GHashTable          *folded_names;  /* object id -> its name casefolded, for the search */
  gulong               verified_handler;

  /* Set while the page fills the drop-downs itself. */
  guint                updating : 1;
};

G_DEFINE_FINAL_TYPE (PfAuditPage, pf_audit_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
same_label (PfAuditPage *self,
            const char  *value)
{
  return value;
}

static const char *
action_label (PfAuditPage *self,
              const char  *value)
{
  return pf_audit_action_get_title (value);
}

static PfCatalog *
get_catalog (void)
{
  GApplication *application = g_application_get_default ();

  return PF_IS_APPLICATION (application) ? pf_application_get_catalog (PF_APPLICATION (application)) : NULL;
}

/* An object reads as the record's name, the question's text and so on,
 * not as its id. Named once per object: the trail repeats the same few
 * objects thousands of times. */
static const char *
object_label (PfAuditPage *self,
              const char  *object)
{
  const char *name;

  if (object == NULL || object[0] == '\0' || self->document == NULL)
    return object;

  if ((name = g_hash_table_lookup (self->object_names, object)) == NULL)
    {
      char *named = pf_scope_describe_object (object, get_catalog (), self->document);

      g_hash_table_insert (self->object_names, g_strdup (object), named);
      name = named;
    }

  return name;
}

static void
choices_clear (Choices *choices)
{
  g_clear_pointer (&choices->seen, g_hash_table_unref);
  g_clear_pointer (&choices->values, g_ptr_array_unref);
  g_clear_pointer (&choices->keys, g_ptr_array_unref);
  g_clear_pointer (&choices->selected, g_free);
}

static void
choices_reset (PfAuditPage *self,
               Choices     *choices,
               const char  *all_label)
{
  const char * const all[] = { all_label, NULL };

  choices_clear (choices);
  choices->values = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (choices->values, NULL);
  choices->keys = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (choices->keys, NULL);
  choices->seen = g_hash_table_new (g_str_hash, g_str_equal);

  self->updating = TRUE;
  gtk_string_list_splice (choices->labels, 0, g_list_model_get_n_items (G_LIST_MODEL (choices->labels)), all);
  gtk_drop_down_set_selected (choices->drop_down, 0);
  self->updating = FALSE;
}

/* Adds @value in its sorted place, unless it is there already; the
 * selection stays on the value it was on. A bulk import brings thousands
 * of new values: the place is found by binary search over collation keys,
 * not by collating against every value known. */
static void
choices_add (PfAuditPage *self,
             Choices     *choices,
             const char  *value)
{
  const char *label;
  char *copy;
  char *key;
  guint low, high;
  guint position;

  if (value == NULL || value[0] == '\0' || g_hash_table_contains (choices->seen, value))
    return;

  label = choices->label (self, value);
  key = g_utf8_collate_key (label, -1);

  /* After any equal key, as a value added later comes later. */
  low = 1;
  high = choices->keys->len;
  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (strcmp (key, g_ptr_array_index (choices->keys, middle)) < 0)
        high = middle;
      else
        low = middle + 1;
    }
  position = low;

  copy = g_strdup (value);
  g_ptr_array_insert (choices->values, position, copy);
  g_ptr_array_insert (choices->keys, position, key);
  g_hash_table_add (choices->seen, copy);

  self->updating = TRUE;
  {
    guint selected = gtk_drop_down_get_selected (choices->drop_down);
    const char * const labels[] = { label, NULL };

    gtk_string_list_splice (choices->labels, position, 0, labels);
    if (selected != GTK_INVALID_LIST_POSITION && selected >= position && selected > 0)
      gtk_drop_down_set_selected (choices->drop_down, selected + 1);
  }
  self->updating = FALSE;
}

/* Puts @value, whose label changed, in the place of its new label; the
 * selection stays on it. */
static void
choices_relabel (PfAuditPage *self,
                 Choices     *choices,
                 const char  *value)
{
  g_autofree char *copy = g_strdup (value);
  guint selected = gtk_drop_down_get_selected (choices->drop_down);
  gboolean was_selected = FALSE;

  for (guint i = 1; i < choices->values->len; i++)
    {
      if (!g_str_equal (g_ptr_array_index (choices->values, i), copy))
        continue;

      was_selected = selected == i;
      g_hash_table_remove (choices->seen, copy);
      g_ptr_array_remove_index (choices->values, i);
      g_ptr_array_remove_index (choices->keys, i);
      self->updating = TRUE;
      gtk_string_list_remove (choices->labels, i);
      if (selected != GTK_INVALID_LIST_POSITION && selected > i)
        gtk_drop_down_set_selected (choices->drop_down, selected - 1);
      self->updating = FALSE;
      break;
    }

  choices_add (self, choices, copy);

  if (was_selected)
    {
      for (guint i = 1; i < choices->values->len; i++)
        {
          if (g_str_equal (g_ptr_array_index (choices->values, i), copy))
            {
              self->updating = TRUE;
              gtk_drop_down_set_selected (choices->drop_down, i);
              self->updating = FALSE;
              break;
            }
        }
    }
}

typedef struct
{
  const char *value;
  char       *key;
} SortEntry;

static int
compare_sort_entries (gconstpointer a,
                      gconstpointer b)
{
  return strcmp (((const SortEntry *)a)->key, ((const SortEntry *)b)->key);
}

/* Replaces the choices with the values of @seen, sorted once: faster than
 * adding a trail's worth of values one by one. */
static void
choices_fill (PfAuditPage *self,
              Choices     *choices,
              const char  *all_label,
              GHashTable  *seen)
{
  guint n = g_hash_table_size (seen);
  g_autofree SortEntry *entries = g_new0 (SortEntry, MAX (n, 1));
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;
  guint i = 0;

  choices_reset (self, choices, all_label);

  g_hash_table_iter_init (&iter, seen);
  while (g_hash_table_iter_next (&iter, &value, NULL))
    {
      entries[i].value = value;
      entries[i].key = g_utf8_collate_key (choices->label (self, value), -1);
      i++;
    }
  qsort (entries, n, sizeof (SortEntry), compare_sort_entries);

  for (i = 0; i < n; i++)
    {
      char *copy = g_strdup (entries[i].value);

      g_ptr_array_add (choices->values, copy);
      g_ptr_array_add (choices->keys, entries[i].key);
      g_hash_table_add (choices->seen, copy);
      g_ptr_array_add (labels, (gpointer)choices->label (self, copy));
    }
  g_ptr_array_add (labels, NULL);

  self->updating = TRUE;
  gtk_string_list_splice (choices->labels, 1, 0, (const char * const *)labels->pdata);
  self->updating = FALSE;
}

static void
add_item_choices (PfAuditPage *self,
                  PfAuditItem *item)
{
  for (guint i = 0; i < N_CHOICES; i++)
    choices_add (self, &self->choices[i], self->choices[i].get (item));
}

/* The search finds an entry by its object's name as well, as the list
 * shows it. */
static gboolean
object_name_matches (PfAuditPage *self,
                     PfAuditItem *item)
{
  const char *object = pf_audit_item_get_object (item);
  const char *folded;

  if (self->folded_search == NULL || object[0] == '\0')
    return FALSE;

  if ((folded = g_hash_table_lookup (self->folded_names, object)) == NULL)
    {
      char *text = g_utf8_casefold (object_label (self, object), -1);

      g_hash_table_insert (self->folded_names, g_strdup (object), text);
      folded = text;
    }

  return strstr (folded, self->folded_search) != NULL;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  PfAuditPage *self = user_data;
  PfAuditItem *entry = item;

  for (guint i = 0; i < N_CHOICES; i++)
    {
      if (self->choices[i].selected != NULL &&
          !g_str_equal (self->choices[i].selected, self->choices[i].get (entry)))
        return FALSE;
    }

  return pf_audit_item_matches_text (entry, self->folded_search) || object_name_matches (self, entry);
}

static void
update_count (PfAuditPage *self)
{
  guint total = self->list ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
  guint shown = self->filtered ? g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) : 0;
  g_autofree char *text = NULL;

  /* Disposed once already: the template's widgets are gone. */
  if (self->count_label == NULL || self->list_stack == NULL)
    return;

  /* Translators: entries shown of all entries in the audit trail. */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u entry", "%u of %u entries", total), shown, total);
  gtk_label_set_text (self->count_label, text);
  gtk_stack_set_visible_child_name (self->list_stack, shown > 0 || total == 0 ? "list" : "empty");
}

/* Back to the top, where the newest entry is: after a filter changes, the
 * old position points somewhere in the middle of another list. GTK 4.8
 * has no gtk_column_view_scroll_to(); the column view's list has the
 * "list.scroll-to-item" action, which moves the list's anchor to the item
 * and lays out from there. Setting the scroll position instead makes the
 * list look for a row it has not laid out yet. */
static void
scroll_to_newest (PfAuditPage *self)
{
  if (self->column_view == NULL || self->filtered == NULL ||
      g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        {
          gtk_widget_activate_action (child, "list.scroll-to-item", "u", 0);
          return;
        }
    }
}

/* Without any criterion the filter matches everything without looking at
 * a single entry. */
static void
refilter (PfAuditPage *self)
{
  gboolean any = self->folded_search != NULL;

  for (guint i = 0; i < N_CHOICES; i++)
    any = any || self->choices[i].selected != NULL;

  if (any)
    gtk_custom_filter_set_filter_func (self->filter, filter_func, self, NULL);
  else
    gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);

  update_count (self);
  scroll_to_newest (self);
}

static void
drop_down_selected_cb (GtkDropDown *drop_down,
                       GParamSpec  *pspec,
                       PfAuditPage *self)
{
  for (guint i = 0; i < N_CHOICES; i++)
    {
      Choices *choices = &self->choices[i];
      guint selected;

      if (choices->drop_down != drop_down)
        continue;

      selected = gtk_drop_down_get_selected (drop_down);
      g_free (choices->selected);
      choices->selected = NULL;
      if (choices->values != NULL && selected != GTK_INVALID_LIST_POSITION && selected < choices->values->len)
        choices->selected = g_strdup (g_ptr_array_index (choices->values, selected));
    }

  if (!self->updating)
    refilter (self);
}

static void
search_changed_cb (PfAuditPage    *self,
                   GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  g_clear_pointer (&self->folded_search, g_free);
  if (text[0] != '\0')
    self->folded_search = g_utf8_casefold (text, -1);

  refilter (self);
}

static void
list_items_changed_cb (PfAuditPage *self,
                       guint        position,
                       guint        removed,
                       guint        added,
                       GListModel  *list)
{
  /* New and amended entries are on top: only they may bring new values. */
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(PfAuditItem) item = g_list_model_get_item (list, i);
      const char *object = pf_audit_item_get_object (item);
      const char *name = g_hash_table_lookup (self->object_names, object);

      /* A renamed record reads as its new name from here on. */
      if (name != NULL)
        {
          g_autofree char *renamed = pf_scope_describe_object (object, get_catalog (), self->document);

          if (!g_str_equal (renamed, name))
            {
              g_hash_table_insert (self->object_names, g_strdup (object), g_steal_pointer (&renamed));
              g_hash_table_remove (self->folded_names, object);
              choices_relabel (self, &self->choices[CHOICES_OBJECT], object);
            }
        }

      add_item_choices (self, item);
    }
}

static void
filtered_items_changed_cb (PfAuditPage *self)
{
  update_count (self);
}

/* Reads the trail once, when it is first needed. */
static void
load_list (PfAuditPage *self)
{
  JsonArray *audit;
  guint n;

  if (self->list != NULL || self->document == NULL)
    return;

  self->list = pf_audit_list_new (self->document);
  g_hash_table_remove_all (self->object_names);
  g_hash_table_remove_all (self->folded_names);
  g_clear_pointer (&self->local_zone, g_time_zone_unref);
  audit = pf_document_get_audit (self->document);
  n = json_array_get_length (audit);

  /* Straight from the entries: no item objects for the whole trail. */
  {
    static const char * const members[N_CHOICES] = { "actor", "action", "object" };
    const char *all_labels[N_CHOICES] = { _("All Actors"), _("All Actions"), _("All Objects") };
    GHashTable *seen[N_CHOICES];

    for (guint c = 0; c < N_CHOICES; c++)
      seen[c] = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint i = 0; i < n; i++)
      {
        JsonObject *entry = pf_audit_get_entry (audit, i);

        for (guint c = 0; entry != NULL && c < N_CHOICES; c++)
          {
            const char *value = pf_audit_entry_get_string (entry, members[c]);

            if (value != NULL && value[0] != '\0')
              g_hash_table_add (seen[c], (gpointer)value);
          }
      }

    for (guint c = 0; c < N_CHOICES; c++)
      {
        choices_fill (self, &self->choices[c], all_labels[c], seen[c]);
        g_hash_table_unref (seen[c]);
      }
  }

  g_signal_connect_object (self->list, "items-changed",
                           G_CALLBACK (list_items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (self->list));

  g_clear_pointer (&self->folded_search, g_free);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  refilter (self);
}

static void
unload_list (PfAuditPage *self)
{
  gtk_filter_list_model_set_model (self->filtered, NULL);
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_func (self->list, list_items_changed_cb, self);
  g_clear_object (&self->list);
  update_count (self);
}

static char *
format_time (PfAuditPage *self,
             const char  *iso8601)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (iso8601, NULL);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (iso8601);

  /* Without TZ set, g_date_time_to_local() looks the zone up on the disk
   * each time: with a row per new entry, that was a third of the time. */
  if (self->local_zone == NULL)
    self->local_zone = g_time_zone_new_local ();
  local = g_date_time_to_timezone (utc, self->local_zone);
  /* Translators: the time of an audit entry, see g_date_time_format(). */
  return g_date_time_format (local, _("%Y-%m-%d %H:%M:%S"));
}

/* A cut text is whole in its tooltip. Asked for on hover: setting a
 * tooltip on every bind costs a round trip to the display server. */
static gboolean
cell_query_tooltip_cb (GtkLabel   *label,
                       int         x,
                       int         y,
                       gboolean    keyboard_mode,
                       GtkTooltip *tooltip)
{
  if (!pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    return FALSE;

  gtk_tooltip_set_text (tooltip, gtk_label_get_text (label));
  return TRUE;
}

/* An object's name, whole, and its id, which the file and the command
 * line go by. */
static gboolean
object_query_tooltip_cb (GtkLabel   *label,
                         int         x,
                         int         y,
                         gboolean    keyboard_mode,
                         GtkTooltip *tooltip)
{
  const char *object = g_object_get_data (G_OBJECT (label), "pf-object");
  g_autofree char *text = NULL;

  if (object == NULL || object[0] == '\0')
    return FALSE;

  if (g_strcmp0 (object, gtk_label_get_text (label)) == 0)
    text = g_strdup (object);
  else
    /* Translators: the tooltip of an object in the audit trail: its name
     * and its id in the project file. */
    text = g_strdup_printf (_("%s\nId: %s"), gtk_label_get_text (label), object);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

typedef struct
{
  PfAuditPage *page;    /* borrowed: the page outlives its columns */
  Column       column;
} ColumnData;

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               ColumnData               *data)
{
  Column column = data->column;
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_SEQ ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (column == COLUMN_SEQ || column == COLUMN_TIME)
    gtk_widget_add_css_class (label, "numeric");
  if (column == COLUMN_SEQ)
    gtk_widget_add_css_class (label, "dim-label");
  if (column == COLUMN_OBJECT)
    {
      gtk_widget_set_has_tooltip (label, TRUE);
      g_signal_connect (label, "query-tooltip", G_CALLBACK (object_query_tooltip_cb), NULL);
    }
  else if (column == COLUMN_DETAIL)
    {
      gtk_widget_set_has_tooltip (label, TRUE);
      g_signal_connect (label, "query-tooltip", G_CALLBACK (cell_query_tooltip_cb), NULL);
    }
  gtk_list_item_set_child (list_item, label);
}

/* From the first entry that does not hold on, the chain proves nothing. */
static void
style_seq_cell (PfAuditPage *self,
                GtkListItem *list_item)
{
  PfAuditItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  guint broken_at = 0;

  if (item == NULL || label == NULL)
    return;

  if (self->document != NULL && pf_document_get_audit_verified (self->document))
    broken_at = pf_document_get_audit_broken_at (self->document, NULL);

  if (broken_at > 0 && pf_audit_item_get_seq (item) >= broken_at)
    {
      gtk_widget_remove_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "error");
    }
  else
    {
      gtk_widget_remove_css_class (label, "error");
      gtk_widget_add_css_class (label, "dim-label");
    }
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              ColumnData               *data)
{
  Column column = data->column;
  PfAuditItem *item = gtk_list_item_get_item (list_item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  g_autofree char *owned = NULL;
  const char *text = "";

  switch (column)
    {
    case COLUMN_SEQ:
      text = owned = g_strdup_printf ("%" G_GINT64_FORMAT, pf_audit_item_get_seq (item));
      break;
    case COLUMN_TIME:
      text = owned = format_time (data->page, pf_audit_item_get_time (item));
      break;
    case COLUMN_ACTOR:
      text = pf_audit_item_get_actor (item);
      break;
    case COLUMN_ACTION:
      text = pf_audit_action_get_title (pf_audit_item_get_action (item));
      break;
    case COLUMN_OBJECT:
      text = object_label (data->page, pf_audit_item_get_object (item));
      break;
    case COLUMN_FIELD:
      text = owned = pf_scope_describe_field (pf_audit_item_get_object (item), pf_audit_item_get_field (item));
      break;
    case COLUMN_DETAIL:
      text = pf_audit_item_get_detail (item);
      break;
    default:
      g_assert_not_reached ();
    }

  gtk_label_set_text (label, text);
  if (column == COLUMN_OBJECT)
    g_object_set_data_full (G_OBJECT (label), "pf-object", g_strdup (pf_audit_item_get_object (item)), g_free);

  if (column == COLUMN_SEQ)
    {
      g_hash_table_add (data->page->seq_cells, list_item);
      style_seq_cell (data->page, list_item);
    }
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                ColumnData               *data)
{
  if (data->column == COLUMN_SEQ && data->page->seq_cells != NULL)
    g_hash_table_remove (data->page->seq_cells, list_item);
}

/* The chain is verified in the background: once it is, the shown numbers
 * take its verdict, as the chain's row above them does. */
static void
document_audit_verified_cb (PfAuditPage *self,
                            GParamSpec  *pspec,
                            PfDocument  *document)
{
  GHashTableIter iter;
  gpointer list_item;

  g_hash_table_iter_init (&iter, self->seq_cells);
  while (g_hash_table_iter_next (&iter, &list_item, NULL))
    style_seq_cell (self, list_item);
}

static void
add_column (PfAuditPage *self,
            Column       column,
            const char  *title,
            int          fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;
  ColumnData *data = g_new0 (ColumnData, 1);

  data->page = self;
  data->column = column;
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), data);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), data);
  g_signal_connect_data (factory, "bind", G_CALLBACK (bind_cell_cb), data,
                         (GClosureNotify)(void (*) (void))g_free, 0);
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (view_column, fixed_width);
  else
    gtk_column_view_column_set_expand (view_column, TRUE);
  gtk_column_view_append_column (self->column_view, view_column);
  g_object_unref (view_column);
}

static void
pf_audit_page_map (GtkWidget *widget)
{
  PfAuditPage *self = PF_AUDIT_PAGE (widget);

  GTK_WIDGET_CLASS (pf_audit_page_parent_class)->map (widget);

  load_list (self);
}

static void
pf_audit_page_dispose (GObject *object)
{
  PfAuditPage *self = (PfAuditPage *)object;

  for (guint i = 0; i < N_CHOICES; i++)
    {
      /* Borrowed from the template, which goes next. */
      if (self->choices[i].drop_down != NULL)
        g_signal_handlers_disconnect_by_func (self->choices[i].drop_down, drop_down_selected_cb, self);
      self->choices[i].drop_down = NULL;
      self->choices[i].labels = NULL;
    }
  unload_list (self);
  g_clear_signal_handler (&self->verified_handler, self->document);
  g_clear_object (&self->document);

  gtk_widget_dispose_template (GTK_WIDGET (self), PF_TYPE_AUDIT_PAGE);

  G_OBJECT_CLASS (pf_audit_page_parent_class)->dispose (object);
}

static void
pf_audit_page_finalize (GObject *object)
{
  PfAuditPage *self = (PfAuditPage *)object;

  for (guint i = 0; i < N_CHOICES; i++)
    choices_clear (&self->choices[i]);
  g_clear_pointer (&self->folded_search, g_free);
  g_clear_object (&self->filtered);
  g_clear_pointer (&self->seq_cells, g_hash_table_unref);
  g_clear_pointer (&self->object_names, g_hash_table_unref);
  g_clear_pointer (&self->folded_names, g_hash_table_unref);
  g_clear_pointer (&self->local_zone, g_time_zone_unref);

  G_OBJECT_CLASS (pf_audit_page_parent_class)->finalize (object);
}

static void
pf_audit_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PfAuditPage *self = PF_AUDIT_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_audit_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PfAuditPage *self = PF_AUDIT_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      pf_audit_page_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_audit_page_class_init (PfAuditPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pf_audit_page_dispose;
  object_class->finalize = pf_audit_page_finalize;
  object_class->get_property = pf_audit_page_get_property;
  object_class->set_property = pf_audit_page_set_property;
  widget_class->map = pf_audit_page_map;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         PF_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PF_TYPE_AUDIT_CHAIN_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/pf-audit-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PfAuditPage, chain_group);
  gtk_widget_class_bind_template_child (widget_class, PfAuditPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PfAuditPage, actor_drop_down);
  gtk_widget_class_bind_template_child (widget_class, PfAuditPage, action_drop_down);
  gtk_widget_class_bind_template_child (widget_class, PfAuditPage, object_drop_down);
  gtk_widget_class_bind_template_child (widget_class, PfAuditPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, PfAuditPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, PfAuditPage, column_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
}

/* The chosen value on the drop-down's button gives way in a narrow window;
 * the list that opens shows every value whole. */
static void
setup_choice_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  button)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (button != NULL)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 5);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
    }
  gtk_list_item_set_child (list_item, label);
}

static void
bind_choice_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  button)
{
  GtkStringObject *item = gtk_list_item_get_item (list_item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), gtk_string_object_get_string (item));
}

static GtkListItemFactory *
choice_factory_new (gboolean button)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_choice_cb), GINT_TO_POINTER (button));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_choice_cb), GINT_TO_POINTER (button));
  return factory;
}

static void
pf_audit_page_init (PfAuditPage *self)
{
  GtkDropDown *drop_downs[N_CHOICES];
  GtkSelectionModel *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Typing anywhere on the page searches. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  drop_downs[CHOICES_ACTOR] = self->actor_drop_down;
  drop_downs[CHOICES_ACTION] = self->action_drop_down;
  drop_downs[CHOICES_OBJECT] = self->object_drop_down;
  self->choices[CHOICES_ACTOR].get = pf_audit_item_get_actor;
  self->choices[CHOICES_ACTION].get = pf_audit_item_get_action;
  self->choices[CHOICES_OBJECT].get = pf_audit_item_get_object;
  self->choices[CHOICES_ACTOR].label = same_label;
  self->choices[CHOICES_ACTION].label = action_label;
  self->choices[CHOICES_OBJECT].label = object_label;

  for (guint i = 0; i < N_CHOICES; i++)
    {
      Choices *choices = &self->choices[i];
      /* The drop-down takes a reference of its own. */
      g_autoptr(GtkExpression) expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
      g_autoptr(GtkListItemFactory) factory = choice_factory_new (TRUE);
      g_autoptr(GtkListItemFactory) list_factory = choice_factory_new (FALSE);

      choices->drop_down = drop_downs[i];
      choices->labels = gtk_string_list_new (NULL);
      gtk_drop_down_set_model (choices->drop_down, G_LIST_MODEL (choices->labels));
      /* The drop-down holds the list from here on. */
      g_object_unref (choices->labels);
      gtk_drop_down_set_expression (choices->drop_down, expression);
      gtk_drop_down_set_factory (choices->drop_down, factory);
      gtk_drop_down_set_list_factory (choices->drop_down, list_factory);
      g_signal_connect (choices->drop_down, "notify::selected", G_CALLBACK (drop_down_selected_cb), self);
    }
  choices_reset (self, &self->choices[CHOICES_ACTOR], _("All Actors"));
  choices_reset (self, &self->choices[CHOICES_ACTION], _("All Actions"));
  choices_reset (self, &self->choices[CHOICES_OBJECT], _("All Objects"));

  self->seq_cells = g_hash_table_new (NULL, NULL);
  self->object_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->folded_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->filter = gtk_custom_filter_new (NULL, NULL, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  g_signal_connect_object (self->filtered, "items-changed",
                           G_CALLBACK (filtered_items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  selection = GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->filtered))));
  gtk_single_selection_set_autoselect (GTK_SINGLE_SELECTION (selection), FALSE);
  gtk_single_selection_set_can_unselect (GTK_SINGLE_SELECTION (selection), TRUE);
  gtk_column_view_set_model (self->column_view, selection);
  g_object_unref (selection);

  /* Translators: the column of audit entry numbers. */
  add_column (self, COLUMN_SEQ, C_("audit column", "No."), 64);
  add_column (self, COLUMN_TIME, C_("audit column", "Time"), 160);
  add_column (self, COLUMN_ACTOR, C_("audit column", "Actor"), 120);
  add_column (self, COLUMN_ACTION, C_("audit column", "Action"), 90);
  add_column (self, COLUMN_OBJECT, C_("audit column", "Object"), 260);
  add_column (self, COLUMN_FIELD, C_("audit column", "Field"), 120);
  add_column (self, COLUMN_DETAIL, C_("audit column", "Detail"), -1);

  update_count (self);
}

GtkWidget *
pf_audit_page_new (void)
{
  return g_object_new (PF_TYPE_AUDIT_PAGE, NULL);
}

PfDocument *
pf_audit_page_get_document (PfAuditPage *self)
{
  g_return_val_if_fail (PF_IS_AUDIT_PAGE (self), NULL);

  return self->document;
}

void
pf_audit_page_set_document (PfAuditPage *self,
                            PfDocument  *document)
{
  g_return_if_fail (PF_IS_AUDIT_PAGE (self));
  g_return_if_fail (!document || PF_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  unload_list (self);
  g_clear_signal_handler (&self->verified_handler, self->document);
  g_set_object (&self->document, document);
  pf_audit_chain_group_set_document (self->chain_group, document);
  if (document != NULL)
    self->verified_handler = g_signal_connect_object (document, "notify::audit-verified",
                                                      G_CALLBACK (document_audit_verified_cb), self,
                                                      G_CONNECT_SWAPPED);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load_list (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}
