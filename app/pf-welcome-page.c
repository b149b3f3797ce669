/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pf-file-util.h"
#include "pf-welcome-page.h"

/* How many recent projects the welcome page lists. */
#define MAX_RECENT 8

struct _PfWelcomePage
{
  AdwBin            parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *recent_group;
  GtkListBox          *recent_list;

  /* Borrowed references */
  GtkRecentManager    *recent_manager;
};

G_DEFINE_FINAL_TYPE (PfWelcomePage, pf_welcome_page, ADW_TYPE_BIN)

static gboolean
is_project (GtkRecentInfo *info)
{
  return g_str_has_suffix (gtk_recent_info_get_uri (info), ".preflight")
         && gtk_recent_info_exists (info);
}

static int
compare_by_modified (gconstpointer a,
                     gconstpointer b)
{
  GtkRecentInfo *info_a = *(GtkRecentInfo **)a;
  GtkRecentInfo *info_b = *(GtkRecentInfo **)b;
  GDateTime *time_a = gtk_recent_info_get_modified (info_a);
  GDateTime *time_b = gtk_recent_info_get_modified (info_b);

  return g_date_time_compare (time_b, time_a);
}

static GtkWidget *
create_recent_row (GtkRecentInfo *info)
{
  g_autoptr(GFile) file = g_file_new_for_uri (gtk_recent_info_get_uri (info));
  g_autofree char *name = pf_file_dup_project_name (file);
  g_autofree char *folder = pf_file_dup_display_folder (file);
  GtkWidget *row;

  row = adw_action_row_new ();
  /* Off before the title is set: "R&D" set as markup warns. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "app.open-uri");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", gtk_recent_info_get_uri (info));
  gtk_widget_set_tooltip_text (row, g_file_peek_path (file));

  return row;
}

static void
pf_welcome_page_reload_recent (PfWelcomePage *self)
{
  GtkWidget *child;
  GList *items;
  g_autoptr(GPtrArray) projects = g_ptr_array_new ();

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))))
    gtk_list_box_remove (self->recent_list, child);

  items = gtk_recent_manager_get_items (self->recent_manager);
  for (GList *l = items; l != NULL; l = l->next)
    {
      if (is_project (l->data))
        g_ptr_array_add (projects, l->data);
    }
  g_ptr_array_sort (projects, compare_by_modified);

  for (guint i = 0; i < projects->len && i < MAX_RECENT; i++)
    gtk_list_box_append (self->recent_list, create_recent_row (g_ptr_array_index (projects, i)));

  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), projects->len > 0);

  g_list_free_full (items, (GDestroyNotify)gtk_recent_info_unref);
}

static void
recent_manager_changed_cb (PfWelcomePage    *self,
                           GtkRecentManager *manager)
{
  pf_welcome_page_reload_recent (self);
}

static void
pf_welcome_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PF_TYPE_WELCOME_PAGE);

  G_OBJECT_CLASS (pf_welcome_page_parent_class)->dispose (object);
}

static void
pf_welcome_page_class_init (PfWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pf_welcome_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/pf-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PfWelcomePage, recent_group);
  gtk_widget_class_bind_template_child (widget_class, PfWelcomePage, recent_list);
}

static void
pf_welcome_page_init (PfWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->recent_manager = gtk_recent_manager_get_default ();
  g_signal_connect_object (self->recent_manager, "changed",
                           G_CALLBACK (recent_manager_changed_cb), self,
                           G_CONNECT_SWAPPED);
  pf_welcome_page_reload_recent (self);
}

GtkWidget *
pf_welcome_page_new (void)
{
  return g_object_new (PF_TYPE_WELCOME_PAGE, NULL);
}
