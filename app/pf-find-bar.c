/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pf-find-bar.h"
#include "pf-pages.h"
#include "pf-search.h"

/* Ctrl+F: a search bar under the content header, and the results in a
 * panel over the page. Down and Up move through the results while the
 * entry keeps the focus, Enter opens one, Escape closes and gives the
 * focus back to where it was. */

struct _PfFindBar
{
  AdwBin             parent_instance;

  /* Template widgets */
  GtkSearchBar      *search_bar;
  GtkSearchEntry    *entry;
  GtkRevealer       *results_revealer;
  GtkScrolledWindow *results_scroller;
  GtkListBox        *results_list;
  GtkLabel          *status_label;

  /* Owned references */
  PfSearch          *search;
  GWeakRef           return_focus;

  /* The first rows of the list show results, the others are hidden. */
  guint              n_results;
  /* Typed, but not searched yet: the entry waits for a pause. */
  guint              pending : 1;
};

G_DEFINE_FINAL_TYPE (PfFindBar, pf_find_bar, ADW_TYPE_BIN)

static const char *
page_icon_name (const char *page_id)
{
  int index = page_id ? pf_pages_find (page_id) : -1;

  return index >= 0 ? pf_page_info_get_icon_name (pf_pages_get_page (index)) : "edit-find-symbolic";
}

/* Rows are made once and filled again for each search: making a row is
 * what costs, in GTK 4.8 most of a millisecond; filling one is cheap. */
static GtkWidget *
create_result_row (void)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *location = gtk_label_new (NULL);
  GtkWidget *snippet = gtk_label_new (NULL);

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_margin_top (icon, 2);
  gtk_box_append (GTK_BOX (box), icon);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (title), TRUE);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (title_box), title);

  gtk_widget_add_css_class (location, "dim-label");
  gtk_widget_add_css_class (location, "caption");
  gtk_box_append (GTK_BOX (title_box), location);
  gtk_box_append (GTK_BOX (text_box), title_box);

  gtk_label_set_xalign (GTK_LABEL (snippet), 0);
  gtk_label_set_ellipsize (GTK_LABEL (snippet), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (snippet), TRUE);
  gtk_widget_add_css_class (snippet, "pf-find-snippet");
  gtk_box_append (GTK_BOX (text_box), snippet);

  gtk_widget_set_hexpand (text_box, TRUE);
  gtk_box_append (GTK_BOX (box), text_box);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data (G_OBJECT (row), "icon", icon);
  g_object_set_data (G_OBJECT (row), "title", title);
  g_object_set_data (G_OBJECT (row), "location", location);
  g_object_set_data (G_OBJECT (row), "snippet", snippet);

  return row;
}

/* Takes @result. */
static void
fill_result_row (GtkWidget      *row,
                 PfSearchResult *result)
{
  g_autofree char *before = g_markup_escape_text (result->snippet, result->match_start);
  g_autofree char *match = g_markup_escape_text (result->snippet + result->match_start, result->match_length);
  g_autofree char *after = g_markup_escape_text (result->snippet + result->match_start + result->match_length, -1);
  g_autofree char *markup = g_strdup_printf ("%s<b>%s</b>%s", before, match, after);
  g_autofree char *accessible = NULL;

  gtk_image_set_from_icon_name (g_object_get_data (G_OBJECT (row), "icon"), page_icon_name (result->page_id));
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "title"), result->title);
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "location"), result->location);
  gtk_label_set_markup (g_object_get_data (G_OBJECT (row), "snippet"), markup);
  gtk_widget_set_tooltip_text (row, result->title);

  /* Translators: a search result read by the screen reader: its title,
   * where it is (a phase or register) and the text that matched. */
  accessible = g_strdup_printf (_("%s, in %s: %s"), result->title, result->location, result->snippet);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  g_object_set_data_full (G_OBJECT (row), "result", result, (GDestroyNotify)pf_search_result_free);
  gtk_widget_set_visible (row, TRUE);
}

static PfSearchResult *
result_of_row (GtkListBoxRow *row)
{
  return row != NULL ? g_object_get_data (G_OBJECT (row), "result") : NULL;
}

/* The rows stay for the next search, hidden. */
static void
clear_results (PfFindBar *self)
{
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->results_list, i)); i++)
    {
      gtk_widget_set_visible (GTK_WIDGET (row), FALSE);
      g_object_set_data (G_OBJECT (row), "result", NULL);
    }
  self->n_results = 0;
}

static void
update_results (PfFindBar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_autoptr(GPtrArray) results = NULL;
  GtkListBoxRow *row;
  gboolean more = FALSE;

  self->pending = FALSE;

  /* The rows stay while the panel slides away. */
  if (self->search == NULL || trimmed[0] == '\0')
    {
      gtk_revealer_set_reveal_child (self->results_revealer, FALSE);
      return;
    }

  results = pf_search_query (self->search, text, PF_FIND_BAR_MAX_RESULTS, &more);
  for (guint i = 0; i < results->len; i++)
    {
      if (!(row = gtk_list_box_get_row_at_index (self->results_list, i)))
        {
          row = GTK_LIST_BOX_ROW (create_result_row ());
          gtk_list_box_append (self->results_list, GTK_WIDGET (row));
        }
      fill_result_row (GTK_WIDGET (row), g_ptr_array_index (results, i));
    }
  for (guint i = results->len; (row = gtk_list_box_get_row_at_index (self->results_list, i)); i++)
    {
      gtk_widget_set_visible (GTK_WIDGET (row), FALSE);
      g_object_set_data (G_OBJECT (row), "result", NULL);
    }
  self->n_results = results->len;
  /* The rows own the results now. */
  g_ptr_array_set_free_func (results, NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->results_scroller), results->len > 0);
  if (results->len == 0)
    gtk_label_set_text (self->status_label, _("No results"));
  else if (more)
    {
      g_autofree char *message = NULL;

      /* Translators: %u is the number of results shown, e.g. 200. */
      message = g_strdup_printf (_("The first %u results are shown: there are more. Refine the search."), results->len);
      gtk_label_set_text (self->status_label, message);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), results->len == 0 || more);

  gtk_list_box_select_row (self->results_list, gtk_list_box_get_row_at_index (self->results_list, 0));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->results_scroller), 0);
  gtk_revealer_set_reveal_child (self->results_revealer, TRUE);
}

/* Keeps the selected row in view while the focus stays in the entry. */
static void
scroll_to_row (PfFindBar     *self,
               GtkListBoxRow *row)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->results_scroller);
  graphene_rect_t bounds;
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);

  if (!gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (self->results_list), &bounds))
    return;

  if (bounds.origin.y < value)
    gtk_adjustment_set_value (adjustment, bounds.origin.y);
  else if (bounds.origin.y + bounds.size.height > value + page)
    gtk_adjustment_set_value (adjustment, bounds.origin.y + bounds.size.height - page);
}

static gboolean
move_selection (PfFindBar *self,
                int        delta)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->results_list);
  int index = row ? gtk_list_box_row_get_index (row) + delta : 0;
  GtkListBoxRow *next;

  if (!gtk_revealer_get_reveal_child (self->results_revealer))
    return FALSE;

  if (self->n_results == 0)
    return TRUE;

  index = CLAMP (index, 0, (int)self->n_results - 1);
  next = gtk_list_box_get_row_at_index (self->results_list, index);
  gtk_list_box_select_row (self->results_list, next);
  scroll_to_row (self, next);

  return TRUE;
}

static gboolean
focus_is_within (PfFindBar *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self));
}

static void
activate_result (PfFindBar      *self,
                 PfSearchResult *result)
{
  GtkWidget *widget = GTK_WIDGET (self);

  /* The result takes the focus, not the place Ctrl+F came from. */
  g_weak_ref_set (&self->return_focus, NULL);

  switch (result->kind)
    {
    case PF_SEARCH_RESULT_QUESTION:
      gtk_widget_activate_action (widget, "win.show-question", "s", result->question_id);
      break;

    case PF_SEARCH_RESULT_BUSINESS_QUESTION:
      gtk_widget_activate_action (widget, "win.show-page", "s", result->page_id);
      break;

    case PF_SEARCH_RESULT_RECORD:
      /* The register pages show a record once they have one; until then
       * the register's page. */
      if (!gtk_widget_activate_action (widget, "win.show-record", "(ss)", result->register_id, result->record_id))
        gtk_widget_activate_action (widget, "win.show-page", "s", result->page_id);
      break;

    default:
      g_assert_not_reached ();
    }

  /* A page shown without a question to focus: its first control takes the
   * focus, rather than nothing once the bar hides. */
  if (focus_is_within (self))
    {
      GtkWidget *overlay = gtk_widget_get_parent (widget);
      GtkWidget *content = GTK_IS_OVERLAY (overlay) ? gtk_overlay_get_child (GTK_OVERLAY (overlay)) : NULL;
      GtkWidget *page = GTK_IS_STACK (content) ? gtk_stack_get_visible_child (GTK_STACK (content)) : content;

      if (page != NULL)
        gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
    }

  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
entry_search_changed_cb (PfFindBar *self)
{
  update_results (self);
}

static void
entry_changed_cb (PfFindBar *self)
{
  self->pending = TRUE;
}

static void
entry_activate_cb (PfFindBar *self)
{
  PfSearchResult *result;

  /* Enter right after typing: the results of what is typed, not of the
   * text before the pause. */
  if (self->pending)
    update_results (self);
  if ((result = result_of_row (gtk_list_box_get_selected_row (self->results_list))))
    activate_result (self, result);
}

static void
entry_stop_search_cb (PfFindBar *self)
{
  pf_find_bar_close (self);
}

static void
results_list_row_activated_cb (PfFindBar     *self,
                               GtkListBoxRow *row)
{
  PfSearchResult *result = result_of_row (row);

  if (result != NULL)
    activate_result (self, result);
}

static void
search_mode_changed_cb (PfFindBar *self)
{
  g_autoptr(GtkWidget) focus = NULL;

  if (gtk_search_bar_get_search_mode (self->search_bar))
    return;

  gtk_revealer_set_reveal_child (self->results_revealer, FALSE);

  /* Back to where the user was before Ctrl+F. */
  focus = g_weak_ref_get (&self->return_focus);
  g_weak_ref_set (&self->return_focus, NULL);
  if (focus != NULL && gtk_widget_get_root (focus) == gtk_widget_get_root (GTK_WIDGET (self)))
    gtk_widget_grab_focus (focus);
}

static void
results_revealer_child_revealed_cb (PfFindBar *self)
{
  if (!gtk_revealer_get_child_revealed (self->results_revealer))
    clear_results (self);
}

static gboolean
entry_key_pressed_cb (PfFindBar             *self,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      GtkEventControllerKey *controller)
{
  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      return move_selection (self, 1);

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      return move_selection (self, -1);

    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      return move_selection (self, 8);

    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      return move_selection (self, -8);

    default:
      return FALSE;
    }
}

/* Escape in the results list closes as in the entry. */
static gboolean
key_pressed_cb (PfFindBar             *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  if (keyval == GDK_KEY_Escape && pf_find_bar_is_open (self))
    {
      pf_find_bar_close (self);
      return TRUE;
    }

  return FALSE;
}

static void
pf_find_bar_dispose (GObject *object)
{
  PfFindBar *self = (PfFindBar *)object;

  g_clear_object (&self->search);
  gtk_widget_dispose_template (GTK_WIDGET (self), PF_TYPE_FIND_BAR);

  G_OBJECT_CLASS (pf_find_bar_parent_class)->dispose (object);
}

static void
pf_find_bar_finalize (GObject *object)
{
  PfFindBar *self = (PfFindBar *)object;

  g_weak_ref_clear (&self->return_focus);

  G_OBJECT_CLASS (pf_find_bar_parent_class)->finalize (object);
}

static void
pf_find_bar_class_init (PfFindBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pf_find_bar_dispose;
  object_class->finalize = pf_find_bar_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/pf-find-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, PfFindBar, search_bar);
  gtk_widget_class_bind_template_child (widget_class, PfFindBar, entry);
  gtk_widget_class_bind_template_child (widget_class, PfFindBar, results_revealer);
  gtk_widget_class_bind_template_child (widget_class, PfFindBar, results_scroller);
  gtk_widget_class_bind_template_child (widget_class, PfFindBar, results_list);
  gtk_widget_class_bind_template_child (widget_class, PfFindBar, status_label);
  gtk_widget_class_bind_template_callback (widget_class, entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, results_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_mode_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, results_revealer_child_revealed_cb);
}

static void
pf_find_bar_init (PfFindBar *self)
{
  GtkEventController *controller;

  g_weak_ref_init (&self->return_focus, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->entry));
  g_signal_connect_object (self->entry, "changed", G_CALLBACK (entry_changed_cb), self, G_CONNECT_SWAPPED);

  /* Before the entry moves the cursor with Up and Down. */
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (entry_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/**
 * pf_find_bar_set_project:
 *
 * What the bar searches: the questions of @catalog and the content of
 * @document. Results already shown are searched again.
 */
void
pf_find_bar_set_project (PfFindBar  *self,
                         PfCatalog  *catalog,
                         PfDocument *document)
{
  g_return_if_fail (PF_IS_FIND_BAR (self));
  g_return_if_fail (PF_IS_CATALOG (catalog));
  g_return_if_fail (!document || PF_IS_DOCUMENT (document));

  g_clear_object (&self->search);
  self->search = pf_search_new (catalog, document);

  if (pf_find_bar_is_open (self))
    update_results (self);
}

/**
 * pf_find_bar_open:
 *
 * Shows the bar with its text selected and focused; Escape gives the focus
 * back to the widget that has it now.
 */
void
pf_find_bar_open (PfFindBar *self)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_if_fail (PF_IS_FIND_BAR (self));

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root ? gtk_root_get_focus (root) : NULL;
  if (focus != NULL && !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    g_weak_ref_set (&self->return_focus, focus);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
  update_results (self);
}

void
pf_find_bar_close (PfFindBar *self)
{
  g_return_if_fail (PF_IS_FIND_BAR (self));

  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

gboolean
pf_find_bar_is_open (PfFindBar *self)
{
  g_return_val_if_fail (PF_IS_FIND_BAR (self), FALSE);

  return gtk_search_bar_get_search_mode (self->search_bar);
}
