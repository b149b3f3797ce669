/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "pf-audit-page.h"
#include "pf-file-util.h"
#include "pf-gate.h"
#include "pf-pages.h"
#include "pf-phase.h"
#include "pf-sign-offs-page.h"
#include "pf-test-score-page.h"
#include "pf-register-page.h"
#include "pf-schema.h"
#include "pf-window-private.h"


G_DEFINE_FINAL_TYPE (PfWindow, pf_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
create_page (PfWindow         *self,
             const PfPageInfo *info)
{
  GtkWidget *page;
  PfPhase phase;

  if (g_str_equal (pf_page_info_get_id (info), "overview"))
    {
      PfApplication *app = PF_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

      page = pf_overview_page_new (pf_application_get_catalog (app));
      self->overview_page = PF_OVERVIEW_PAGE (page);
      return page;
    }

  if (g_str_equal (pf_page_info_get_id (info), "audit-trail"))
    return pf_audit_page_new ();

  if (g_str_equal (pf_page_info_get_id (info), "ml-test-score"))
    {
      PfApplication *app = PF_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

      return pf_test_score_page_new (pf_application_get_catalog (app));
    }

  if (pf_phase_from_id (pf_page_info_get_id (info), &phase))
    {
      PfApplication *app = PF_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

      page = pf_phase_page_new (pf_application_get_catalog (app), phase);
      self->phase_pages[phase] = PF_PHASE_PAGE (page);
      return page;
    }

  if (g_str_equal (pf_page_info_get_id (info), "sign-offs"))
    return pf_sign_offs_page_new (pf_application_get_catalog (PF_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)))),
                                  self->settings);

  /* The registers that have a page of their own: one editor, driven by
   * the schema. */
  if (pf_schema_find_register (pf_page_info_get_id (info)) != NULL)
    return pf_register_page_new (pf_page_info_get_id (info));

  /* The content of each page arrives with the catalog and the registers;
   * until then a page says what it will hold and why. */
  page = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), pf_page_info_get_icon_name (info));
  adw_status_page_set_title (ADW_STATUS_PAGE (page), pf_page_info_get_title (info));
  adw_status_page_set_description (ADW_STATUS_PAGE (page), pf_page_info_get_description (info));
  gtk_widget_add_css_class (page, "pf-page-intro");

  return page;
}

static GtkWidget *
create_sidebar_row (const PfPageInfo *info)
{
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *label;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (pf_page_info_get_icon_name (info)));
  label = gtk_label_new (pf_page_info_get_title (info));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), label);

  /* A phase shows how many of its required questions are answered. */
  if (pf_phase_from_id (pf_page_info_get_id (info), NULL))
    {
      GtkWidget *progress = gtk_label_new (NULL);

      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_set_name (progress, "progress");
      gtk_widget_add_css_class (progress, "dim-label");
      gtk_widget_add_css_class (progress, "caption");
      gtk_widget_add_css_class (progress, "numeric");
      gtk_box_append (GTK_BOX (box), progress);
    }

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, pf_page_info_get_id (info));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, pf_page_info_get_title (info),
                                  -1);

  return row;
}

static void
sidebar_header_func (GtkListBoxRow *row,
                     GtkListBoxRow *before,
                     gpointer       user_data)
{
  const PfPageInfo *info = pf_pages_get_page (gtk_list_box_row_get_index (row));
  PfPageSection section = pf_page_info_get_section (info);
  GtkWidget *header = NULL;

  if (before != NULL)
    {
      const PfPageInfo *before_info = pf_pages_get_page (gtk_list_box_row_get_index (before));

      if (pf_page_info_get_section (before_info) != section)
        {
          header = gtk_label_new (pf_page_section_get_title (section));
          gtk_label_set_xalign (GTK_LABEL (header), 0);
          gtk_widget_add_css_class (header, "heading");
          gtk_widget_add_css_class (header, "pf-sidebar-heading");
        }
    }

  gtk_list_box_row_set_header (row, header);
}

/* The pages are built with the first project, not at start-up. */
static void
pf_window_ensure_pages (PfWindow *self)
{
  guint n_pages = pf_pages_get_n_pages ();

  if (gtk_widget_get_first_child (GTK_WIDGET (self->page_stack)) != NULL)
    return;

  for (guint i = 0; i < n_pages; i++)
    {
      const PfPageInfo *info = pf_pages_get_page (i);

      gtk_stack_add_titled (self->page_stack, create_page (self, info),
                            pf_page_info_get_id (info),
                            pf_page_info_get_title (info));
      gtk_list_box_append (self->sidebar, create_sidebar_row (info));
    }

  gtk_list_box_set_header_func (self->sidebar, sidebar_header_func, NULL, NULL);
}

/* The catalog the project was made with, when it is not the one in use:
 * said once, without stopping the user. Answers to questions the catalog
 * in use does not have stay in the file. */
static void
note_catalog_mismatch (PfWindow *self)
{
  PfCatalog *catalog = pf_application_get_catalog (PF_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  JsonNode *node;
  JsonObject *made_with;
  const char *id;
  gint64 version;
  g_autofree char *version_text = NULL;
  g_autofree char *message = NULL;

  if (self->document == NULL || pf_document_get_file (self->document) == NULL ||
      !(node = pf_document_get_value (self->document, "metadata", "catalog")) ||
      !JSON_NODE_HOLDS_OBJECT (node))
    return;

  made_with = json_node_get_object (node);
  id = json_object_get_string_member_with_default (made_with, "id", "");
  version = json_object_get_int_member_with_default (made_with, "version", 0);
  if (g_str_equal (id, pf_catalog_get_id (catalog)) && version == pf_catalog_get_version (catalog))
    return;

  version_text = g_strdup_printf ("%" G_GINT64_FORMAT, version);
  /* Translators: the first %s is a catalog id, the second its version; the
   * last %s is the title of the catalog in use. */
  message = g_strdup_printf (_("This project was made with the catalog %s, version %s; "
                               "the questions shown are those of “%s”"),
                             id, version_text, pf_catalog_get_title (catalog));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
report_catalog_problem (PfWindow *self)
{
  g_autofree char *problem = NULL;

  problem = pf_application_take_catalog_problem (PF_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  if (problem != NULL)
    pf_window_show_error (self, _("Could Not Load the Question Catalog"), problem);
}

/* Another catalog: the six phase pages again, in their places, with the
 * same page shown. */
static void
application_catalog_changed_cb (PfWindow      *self,
                                GParamSpec    *pspec,
                                PfApplication *app)
{
  g_autofree char *visible = NULL;
  GtkStackTransitionType transition;
  guint n_pages = pf_pages_get_n_pages ();
  int first_phase = pf_pages_find (pf_phase_get_id (0));

  if (self->document == NULL || gtk_widget_get_first_child (GTK_WIDGET (self->page_stack)) == NULL)
    return;

  visible = g_strdup (gtk_stack_get_visible_child_name (self->page_stack));
  transition = gtk_stack_get_transition_type (self->page_stack);
  gtk_stack_set_transition_type (self->page_stack, GTK_STACK_TRANSITION_TYPE_NONE);

  /* GtkStack only appends: the pages after the first phase go and come
   * back in order, the phase pages new, the others as they are. */
  for (guint i = first_phase; i < n_pages; i++)
    {
      const PfPageInfo *info = pf_pages_get_page (i);
      GtkWidget *old = gtk_stack_get_child_by_name (self->page_stack, pf_page_info_get_id (info));
      g_autoptr(GtkWidget) page = NULL;
      PfPhase phase;

      if (pf_phase_from_id (pf_page_info_get_id (info), &phase))
        {
          page = g_object_ref_sink (create_page (self, info));
          pf_phase_page_set_document (PF_PHASE_PAGE (page), self->document);
        }
      else
        page = g_object_ref (old);

      gtk_stack_remove (self->page_stack, old);
      gtk_stack_add_titled (self->page_stack, page, pf_page_info_get_id (info), pf_page_info_get_title (info));
    }

  gtk_stack_set_visible_child_name (self->page_stack, visible);
  gtk_stack_set_transition_type (self->page_stack, transition);

  pf_find_bar_set_project (self->find_bar, pf_application_get_catalog (app), self->document);
  if (self->overview_page != NULL)
    pf_overview_page_set_catalog (self->overview_page, pf_application_get_catalog (app));
  _pf_window_update_progress (self);
  note_catalog_mismatch (self);
}

static gboolean
update_progress_idle_cb (gpointer user_data)
{
  PfWindow *self = user_data;

  self->progress_source = 0;
  _pf_window_update_progress (self);

  return G_SOURCE_REMOVE;
}

/* The "answered of required" beside each phase in the sidebar. */
void
_pf_window_update_progress (PfWindow *self)
{
  PfCatalog *catalog;

  g_clear_handle_id (&self->progress_source, g_source_remove);

  if (self->document == NULL)
    return;

  catalog = pf_application_get_catalog (PF_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  for (guint phase = 0; phase < PF_N_PHASES; phase++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sidebar, pf_pages_find (pf_phase_get_id (phase)));
      GtkWidget *box = row ? gtk_list_box_row_get_child (row) : NULL;
      GtkWidget *progress = box ? gtk_widget_get_last_child (box) : NULL;
      g_autofree char *text = NULL;
      g_autofree char *tooltip = NULL;
      guint answered, required;

      if (progress == NULL || !GTK_IS_LABEL (progress))
        continue;

      pf_gate_count_answered (catalog, self->document, phase, &answered, &required);
      /* Translators: answered of required questions, in the narrow sidebar. */
      text = g_strdup_printf (_("%u/%u"), answered, required);
      tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u of %u required question answered",
                                              "%u of %u required questions answered",
                                              required),
                                 answered, required);
      gtk_label_set_text (GTK_LABEL (progress), text);
      gtk_widget_set_tooltip_text (progress, tooltip);
    }
}

/* Once after a burst of edits, not after each keystroke. */
void
_pf_window_queue_update_progress (PfWindow *self)
{
  if (self->progress_source == 0)
    self->progress_source = g_idle_add_full (G_PRIORITY_LOW, update_progress_idle_cb, self, NULL);
}

static void
pf_window_select_page_index (PfWindow *self,
                             int       index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sidebar, index);

  if (row != NULL)
    gtk_list_box_select_row (self->sidebar, row);
}

void
_pf_window_update_title (PfWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *location = NULL;

  if (self->document == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Preflight"));
      return;
    }

  name = pf_document_dup_display_name (self->document);
  if (pf_document_get_modified (self->document))
    {
      g_autofree char *marked = NULL;

      /* Translators: the window title of a project with unsaved changes. */
      marked = g_strdup_printf (_("• %s"), name);
      g_free (name);
      name = g_steal_pointer (&marked);
    }
  gtk_window_set_title (GTK_WINDOW (self), name);
  gtk_label_set_text (self->project_title, name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->project_title), name);

  if (pf_document_get_file (self->document) != NULL)
    location = pf_file_dup_display_folder (pf_document_get_file (self->document));
  else
    location = g_strdup (_("Not saved yet"));

  if (pf_document_get_read_only (self->document))
    {
      g_autofree char *with_note = NULL;

      /* Translators: %s is the folder of the project file. */
      with_note = g_strdup_printf (_("%s (read-only)"), location);
      g_free (location);
      location = g_steal_pointer (&with_note);
    }

  gtk_label_set_text (self->project_location, location);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->project_location), location);
}

static void update_add_entry_action (PfWindow *self);

static void
sidebar_row_selected_cb (PfWindow      *self,
                         GtkListBoxRow *row)
{
  const PfPageInfo *info;

  if (row == NULL)
    return;

  info = pf_pages_get_page (gtk_list_box_row_get_index (row));
  gtk_stack_set_visible_child_name (self->page_stack, pf_page_info_get_id (info));
  adw_window_title_set_title (self->page_title, pf_page_info_get_title (info));
  update_add_entry_action (self);
}

static void
sidebar_row_activated_cb (PfWindow      *self,
                          GtkListBoxRow *row)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
back_button_clicked_cb (PfWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
leaflet_folded_changed_cb (PfWindow   *self,
                           GParamSpec *pspec,
                           AdwLeaflet *leaflet)
{
  gboolean folded = adw_leaflet_get_folded (leaflet);

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), folded);
  adw_header_bar_set_show_end_title_buttons (self->sidebar_header, folded);
  adw_header_bar_set_show_start_title_buttons (self->content_header, folded);
}

static void
verify_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PfWindow) self = user_data;
  PfDocument *document = PF_DOCUMENT (object);
  PfAuditStatus status = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;

  if (!pf_document_verify_audit_finish (document, result, &status, &error) ||
      status.broken_at == 0 ||
      document != self->document)
    {
      pf_audit_status_clear (&status);
      return;
    }

  /* Translators: %u is an entry number, %s what is wrong with it. */
  body = g_strdup_printf (_("The hash chain breaks at entry %u: %s. The history from there on "
                            "cannot be shown to be unchanged. Preflight shows the project as it "
                            "is and does not repair the chain."),
                          status.broken_at, status.problem);
  g_printerr ("%s\n", body);
  pf_window_show_error (self, _("The Audit Trail Is Broken"), body);
  pf_audit_status_clear (&status);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(PfWindow) self = user_data;
  g_autoptr(PfDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_steal_pointer (&self->loading_file);

  document = pf_document_load_finish (result, &error);

  /* Cancelled means the window is going away: touch none of its widgets. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self->welcome_page), TRUE);

  if (document == NULL)
    {
      g_autofree char *name = NULL;
      g_autofree char *heading = NULL;

      name = g_file_get_basename (file);
      /* Translators: %s is a file name. */
      heading = g_strdup_printf (_("Could Not Open “%s”"), name);
      g_printerr ("%s: %s\n", g_file_peek_path (file) ? g_file_peek_path (file) : name, error->message);
      pf_window_show_error (self, heading, error->message);
      return;
    }

  pf_window_set_document (self, document);
  pf_application_add_recent (PF_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), file);

  /* The project shows first; its history is checked right after. */
  pf_document_verify_audit_async (document, self->cancellable, verify_cb, g_object_ref (self));

  if (pf_document_get_read_only (document))
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("Opened read-only: the file was written by a newer version of Preflight (format %" PRId64 ")"),
                                 pf_document_get_format_version (document));
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
    }
}

static void
files_dropped (PfWindow *self,
               GSList   *files)
{
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autoptr(GPtrArray) array = g_ptr_array_new ();

  for (const GSList *l = files; l != NULL; l = l->next)
    g_ptr_array_add (array, l->data);

  if (array->len > 0)
    g_application_open (app, (GFile **)array->pdata, array->len, "");
}

static gboolean
drop_target_drop_cb (PfWindow      *self,
                     const GValue  *value,
                     double         x,
                     double         y,
                     GtkDropTarget *target)
{
  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files_dropped (self, g_value_get_boxed (value));
  return TRUE;
}

static void
save_window_state (PfWindow *self)
{
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));

  g_settings_set_boolean (self->settings, "window-maximized", maximized);

  if (!maximized)
    {
      int width, height;

      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static void
show_page_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  PfWindow *self = user_data;

  if (!pf_window_show_page (self, g_variant_get_string (param, NULL)))
    g_printerr ("No page “%s”\n", g_variant_get_string (param, NULL));
}

/* (register id, record id): shows the record in its register's page, for
 * search results and links from other pages. */
static void
show_record_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  PfWindow *self = user_data;
  const char *register_id;
  const char *record_id;

  g_variant_get (param, "(&s&s)", &register_id, &record_id);
  if (!pf_window_show_record (self, register_id, record_id))
    g_printerr ("No record “%s” in “%s”\n", record_id, register_id);
}

static void
show_question_action (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  PfWindow *self = user_data;

  if (!pf_window_show_question (self, g_variant_get_string (param, NULL)))
    g_printerr ("No question “%s”\n", g_variant_get_string (param, NULL));
}

static void
find_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  PfWindow *self = user_data;

  if (self->document == NULL)
    return;

  /* On a narrow window the find bar is on the content side. Navigating
   * moves the focus: only then. */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  pf_find_bar_open (self->find_bar);
}

static void
step_page (PfWindow *self,
           int       delta)
{
  GtkListBoxRow *row;
  int index;

  if (self->document == NULL)
    return;

  row = gtk_list_box_get_selected_row (self->sidebar);
  index = row != NULL ? gtk_list_box_row_get_index (row) + delta : 0;
  index = CLAMP (index, 0, (int)pf_pages_get_n_pages () - 1);
  pf_window_select_page_index (self, index);

  /* Keyboard focus in the sidebar follows, so that the focus ring and the
   * selection never point at two different pages. */
  if (gtk_widget_get_focus_child (GTK_WIDGET (self->sidebar)) != NULL &&
      (row = gtk_list_box_get_row_at_index (self->sidebar, index)))
    gtk_widget_grab_focus (GTK_WIDGET (row));

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
next_page_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  step_page (user_data, 1);
}

static void
previous_page_action (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  step_page (user_data, -1);
}

/* The register page shown, if a register page is. */
static PfRegisterPage *
get_visible_register_page (PfWindow *self)
{
  GtkWidget *page;

  if (self->document == NULL ||
      !(page = gtk_stack_get_visible_child (self->page_stack)) ||
      !PF_IS_REGISTER_PAGE (page))
    return NULL;
  return PF_REGISTER_PAGE (page);
}

/* Ctrl+Shift+N wherever the focus is, as long as a register is shown. */
static void
add_entry_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  PfRegisterPage *page = get_visible_register_page (user_data);

  if (page != NULL)
    gtk_widget_activate_action (GTK_WIDGET (page), "register.add", NULL);
}

static void
update_add_entry_action (PfWindow *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "add-entry");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action),
                               get_visible_register_page (self) != NULL &&
                               !pf_document_get_read_only (self->document));
}

static void
close_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
}

void
_pf_window_update_actions (PfWindow *self)
{
  static const char * const project_actions[] = { "show-page", "show-question", "show-record", "find", "next-page", "previous-page" };
  gboolean has_document = self->document != NULL;

  for (guint i = 0; i < G_N_ELEMENTS (project_actions); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), project_actions[i]);

      g_simple_action_set_enabled (G_SIMPLE_ACTION (action), has_document);
    }

  _pf_window_update_document_actions (self);
  _pf_window_sign_off_update_actions (self);
  _pf_window_export_update_actions (self);
  _pf_window_scan_update_actions (self);
  update_add_entry_action (self);
}

static const GActionEntry win_actions[] = {
  { "show-page", show_page_action, "s" },
  { "show-question", show_question_action, "s" },
  { "find", find_action },
  { "show-record", show_record_action, "(ss)" },
  { "add-entry", add_entry_action },
  { "next-page", next_page_action },
  { "previous-page", previous_page_action },
  { "close", close_action },
};

static gboolean
pf_window_close_request (GtkWindow *window)
{
  PfWindow *self = PF_WINDOW (window);

  /* Unsaved changes: ask first, and close later if the answer says so. */
  if (_pf_window_document_close_request (self))
    return TRUE;

  save_window_state (self);

  return GTK_WINDOW_CLASS (pf_window_parent_class)->close_request (window);
}

static void
pf_window_dispose (GObject *object)
{
  PfWindow *self = (PfWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  _pf_window_document_dispose (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), PF_TYPE_WINDOW);

  G_OBJECT_CLASS (pf_window_parent_class)->dispose (object);
}

static void
pf_window_finalize (GObject *object)
{
  PfWindow *self = (PfWindow *)object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->loading_file);
  g_clear_object (&self->document);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pf_window_parent_class)->finalize (object);
}

static void
pf_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PfWindow *self = PF_WINDOW (object);

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
pf_window_class_init (PfWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = pf_window_dispose;
  object_class->finalize = pf_window_finalize;
  object_class->get_property = pf_window_get_property;

  window_class->close_request = pf_window_close_request;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         PF_TYPE_DOCUMENT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PF_TYPE_WELCOME_PAGE);
  g_type_ensure (PF_TYPE_FIND_BAR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/pf-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PfWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PfWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PfWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, PfWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PfWindow, sidebar_header);
  gtk_widget_class_bind_template_child (widget_class, PfWindow, project_title);
  gtk_widget_class_bind_template_child (widget_class, PfWindow, project_location);
  gtk_widget_class_bind_template_child (widget_class, PfWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, PfWindow, content_header);
  gtk_widget_class_bind_template_child (widget_class, PfWindow, page_title);
  gtk_widget_class_bind_template_child (widget_class, PfWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, PfWindow, page_stack);
  gtk_widget_class_bind_template_child (widget_class, PfWindow, find_bar);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_button_clicked_cb);
}

static void
pf_window_init (PfWindow *self)
{
  GtkDropTarget *drop_target;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (win_actions); i++)
    {
      if (win_actions[i].activate == NULL)
        {
          GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), win_actions[i].name);

          g_simple_action_set_enabled (G_SIMPLE_ACTION (action), FALSE);
        }
    }
  _pf_window_document_init (self);
  _pf_window_sign_off_init (self);
  _pf_window_export_init (self);
  _pf_window_scan_init (self);
  _pf_window_update_actions (self);

  g_signal_connect_object (self->leaflet, "notify::folded",
                           G_CALLBACK (leaflet_folded_changed_cb), self,
                           G_CONNECT_SWAPPED);
  leaflet_folded_changed_cb (self, NULL, self->leaflet);

  drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop_target, "drop",
                           G_CALLBACK (drop_target_drop_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));
}

PfWindow *
pf_window_new (PfApplication *application)
{
  PfWindow *self;

  g_return_val_if_fail (PF_IS_APPLICATION (application), NULL);

  self = g_object_new (PF_TYPE_WINDOW,
                       "application", application,
                       NULL);
  g_signal_connect_object (application, "notify::catalog",
                           G_CALLBACK (application_catalog_changed_cb), self,
                           G_CONNECT_SWAPPED);

  return self;
}

PfDocument *
pf_window_get_document (PfWindow *self)
{
  g_return_val_if_fail (PF_IS_WINDOW (self), NULL);

  return self->document;
}

/**
 * pf_window_set_document:
 *
 * Shows @document in the window, replacing the welcome page.
 */
void
pf_window_set_document (PfWindow   *self,
                        PfDocument *document)
{
  g_return_if_fail (PF_IS_WINDOW (self));
  g_return_if_fail (PF_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  g_signal_group_set_target (self->document_signals, document);
  _pf_window_document_attach (self);
  pf_window_ensure_pages (self);
  for (guint i = 0; i < PF_N_PHASES; i++)
    {
      if (self->phase_pages[i] != NULL)
        pf_phase_page_set_document (self->phase_pages[i], document);
    }
  /* Every other page that shows the project has a "document" property. */
  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (self->page_stack));
       page != NULL;
       page = gtk_widget_get_next_sibling (page))
    {
      if (g_object_class_find_property (G_OBJECT_GET_CLASS (page), "document") != NULL)
        g_object_set (page, "document", document, NULL);
    }
  pf_find_bar_set_project (self->find_bar,
                           pf_application_get_catalog (PF_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)))),
                           document);
  _pf_window_update_title (self);
  _pf_window_update_actions (self);

  _pf_window_update_progress (self);

  if (gtk_list_box_get_selected_row (self->sidebar) == NULL)
    pf_window_select_page_index (self, 0);

  gtk_stack_set_visible_child_name (self->main_stack, "project");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);

  report_catalog_problem (self);
  note_catalog_mismatch (self);
}

/**
 * pf_window_is_busy:
 *
 * Whether the window holds a project or is loading one, so that a file
 * opened now should go to another window.
 */
gboolean
pf_window_is_busy (PfWindow *self)
{
  g_return_val_if_fail (PF_IS_WINDOW (self), FALSE);

  return self->document != NULL || self->loading_file != NULL;
}

gboolean
pf_window_holds_file (PfWindow *self,
                      GFile    *file)
{
  GFile *document_file;

  g_return_val_if_fail (PF_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->loading_file != NULL && g_file_equal (self->loading_file, file))
    return TRUE;

  document_file = self->document ? pf_document_get_file (self->document) : NULL;

  return document_file != NULL && g_file_equal (document_file, file);
}

/**
 * pf_window_open_file:
 *
 * Loads @file in the background and shows it; a file that cannot be read
 * is reported in a dialog and the window stays as it was.
 */
void
pf_window_open_file (PfWindow *self,
                     GFile    *file)
{
  g_return_if_fail (PF_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->loading_file != NULL)
    return;

  self->loading_file = g_object_ref (file);
  gtk_widget_set_sensitive (GTK_WIDGET (self->welcome_page), FALSE);
  pf_document_load_async (file, self->cancellable, load_cb, g_object_ref (self));
}

/**
 * pf_window_open_resource:
 *
 * Shows a project shipped inside the application, such as the sample, as a
 * new project that has no file yet: saving it asks where.
 */
void
pf_window_open_resource (PfWindow   *self,
                         const char *resource_path)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PfDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PF_IS_WINDOW (self));
  g_return_if_fail (resource_path != NULL);

  if (!(bytes = g_resources_lookup_data (resource_path, 0, &error)) ||
      !(document = pf_document_new_from_bytes (bytes, &error)))
    {
      g_printerr ("%s: %s\n", resource_path, error->message);
      pf_window_show_error (self, _("Could Not Open the Sample Project"), error->message);
      return;
    }

  /* A copy of its own: saving it asks where, and its draft is its own. */
  pf_document_make_new_project (document);
  pf_window_set_document (self, document);
}

const char *
pf_window_get_visible_page (PfWindow *self)
{
  g_return_val_if_fail (PF_IS_WINDOW (self), NULL);

  if (self->document == NULL)
    return NULL;

  return gtk_stack_get_visible_child_name (self->page_stack);
}

gboolean
pf_window_show_page (PfWindow   *self,
                     const char *page_id)
{
  int index;

  g_return_val_if_fail (PF_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (page_id != NULL, FALSE);

  if (self->document == NULL || (index = pf_pages_find (page_id)) < 0)
    return FALSE;

  pf_window_select_page_index (self, index);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);

  return TRUE;
}

/**
 * pf_window_show_question:
 *
 * Shows the phase page that asks @question_id and focuses its input.
 *
 * Returns: whether the catalog in use has that question
 */
gboolean
pf_window_show_question (PfWindow   *self,
                         const char *question_id)
{
  PfCatalog *catalog;
  const PfQuestion *question;

  g_return_val_if_fail (PF_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (question_id != NULL, FALSE);

  catalog = pf_application_get_catalog (PF_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  if (self->document == NULL ||
      (question = pf_catalog_find_question (catalog, question_id)) == NULL ||
      self->phase_pages[question->phase] == NULL)
    return FALSE;

  pf_window_show_page (self, pf_phase_get_id (question->phase));
  return pf_phase_page_focus_question (self->phase_pages[question->phase], question_id);
}

/**
 * pf_window_show_record:
 *
 * Shows the page of @register_id with @record_id selected and scrolled into
 * view. The same as the action "win.show-record" with ("features", "feature-3").
 *
 * Returns: whether there is such a register page and record
 */
gboolean
pf_window_show_record (PfWindow   *self,
                       const char *register_id,
                       const char *record_id)
{
  GtkWidget *page;

  g_return_val_if_fail (PF_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (register_id != NULL, FALSE);
  g_return_val_if_fail (record_id != NULL, FALSE);

  if (self->document == NULL ||
      !(page = gtk_stack_get_child_by_name (self->page_stack, register_id)) ||
      !PF_IS_REGISTER_PAGE (page) ||
      !pf_window_show_page (self, register_id))
    return FALSE;

  return pf_register_page_select_record (PF_REGISTER_PAGE (page), record_id);
}

void
pf_window_show_error (PfWindow   *self,
                      const char *heading,
                      const char *body)
{
  GtkWidget *dialog;

  g_return_if_fail (PF_IS_WINDOW (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}
