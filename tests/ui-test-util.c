/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <stdlib.h>

#include "ui-test-util.h"

/* Long enough for a slow build, short enough to fail a hang. Under
 * AddressSanitizer, with the full stack of every allocation recorded for
 * leak reports, the UI runs about ten times slower. */
#if defined(__SANITIZE_ADDRESS__)
#define WAIT_SECONDS 200
#else
#define WAIT_SECONDS 20
#endif

static char *test_home;

static void
delete_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)))
    {
      g_autoptr(GFileInfo) owned = info;
      g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

      delete_tree (child);
    }
  g_file_delete (file, NULL, NULL);
}

static void
remove_test_home (void)
{
  g_autoptr(GFile) home = g_file_new_for_path (test_home);

  delete_tree (home);
  g_clear_pointer (&test_home, g_free);
}

void
ui_test_init (int    *argc,
              char ***argv)
{
  g_autofree char *home = g_dir_make_tmp ("preflight-ui-test-XXXXXX", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  g_autofree char *cache = g_build_filename (home, "cache", NULL);

  /* Recent files, drafts and the like of this run only, set before GLib
   * reads and caches them. */
  g_assert_nonnull (home);
  test_home = g_strdup (home);
  atexit (remove_test_home);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);

  /* gtk_test_init() insists on en_US.UTF-8, which these machines lack. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (argc, argv, NULL);
  gtk_init ();
  adw_init ();
}

void
ui_test_wait_until (gboolean (*condition) (gpointer),
                    gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out after %d s waiting for a condition", WAIT_SECONDS);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Conditions for ui_test_wait_until(). */

gboolean
ui_test_stack_settled (gpointer stack)
{
  return !gtk_stack_get_transition_running (stack);
}

gboolean
ui_test_is_null (gpointer pointer_location)
{
  return *(gpointer *)pointer_location == NULL;
}

gboolean
ui_test_is_drawn (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

gboolean
ui_test_message_dialog_shown (gpointer unused)
{
  return ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

/* Closes @window and waits until it is finalized, failing the test if it
 * never is (something leaked a reference). */
void
ui_test_close_and_wait (GtkWindow *window)
{
  gpointer pointer = window;

  g_object_add_weak_pointer (G_OBJECT (window), &pointer);
  gtk_window_close (window);
  ui_test_wait_until (ui_test_is_null, &pointer);
}

GtkWidget *
ui_test_find_widget (GtkWidget  *root,
                     const char *buildable_id)
{
  const char *id;

  if (GTK_IS_BUILDABLE (root) &&
      (id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (root))) &&
      g_str_equal (id, buildable_id))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_test_find_widget (child, buildable_id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The first widget under @root, itself included, whose widget name is
 * @name (gtk_widget_set_name()). */
GtkWidget *
ui_test_find_named (GtkWidget  *root,
                    const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_test_find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Runs whatever the main loop has ready, without waiting. */
void
ui_test_spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

GtkWindow *
ui_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

/* Renders @widget as it is on screen into "<builddir>/tests/screenshots/NAME.png". */
static GskRenderNode *
render_widget (GdkPaintable *paintable,
               int           width,
               int           height)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

/* Renders @widget as it is on screen into "<builddir>/tests/screenshots/NAME.png". */
void
ui_test_screenshot (GtkWidget  *widget,
                    const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  g_autofree char *file_name = g_strconcat (name, ".png", NULL);
  g_autofree char *path = g_build_filename (dir, file_name, NULL);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  int width, height;

  /* The paintable takes its image of the widget when the widget is next
   * drawn after a layout: draw until there is one. */
  for (;;)
    {
      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
      if (width > 0 && height > 0 && (node = render_widget (paintable, width, height)))
        break;
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting to draw %s for a screenshot", G_OBJECT_TYPE_NAME (widget));
      gtk_widget_queue_draw (widget);
      g_main_context_iteration (NULL, TRUE);
    }

  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot: %s", path);
}

static void
set_color_scheme (AdwColorScheme scheme)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
  ui_test_spin ();
}

/* Writes NAME.png in the light style and NAME-dark.png in the dark one. */
void
ui_test_screenshot_light_and_dark (GtkWidget  *widget,
                                   const char *name)
{
  g_autofree char *dark = g_strconcat (name, "-dark", NULL);

  set_color_scheme (ADW_COLOR_SCHEME_FORCE_LIGHT);
  ui_test_wait_until (ui_test_is_drawn, widget);
  ui_test_screenshot (widget, name);
  set_color_scheme (ADW_COLOR_SCHEME_FORCE_DARK);
  ui_test_screenshot (widget, dark);
  set_color_scheme (ADW_COLOR_SCHEME_DEFAULT);
}

static gboolean
time_passed (gpointer data)
{
  return g_get_monotonic_time () >= *(gint64 *)data;
}

/* Runs the main loop for @ms milliseconds: for animations to finish. */
void
ui_test_wait_ms (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  ui_test_wait_until (time_passed, &until);
}

/* The first widget of @type in the tree under @root (@root included). */
GtkWidget *
ui_test_find_of_type (GtkWidget *root,
                      GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_test_find_of_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}
