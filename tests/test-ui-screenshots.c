/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pf-application.h"
#include "pf-pages.h"
#include "pf-window.h"
#include "ui-test-project.h"
#include "ui-test-util.h"

/* Every page of the sample project at 1280×800, in light and dark style,
 * written to build/tests/screenshots/page-<id>-<style>.png for a person to
 * look at. The test also fails if a page still shows only its
 * introduction instead of its content. */

#define WIDTH  1280
#define HEIGHT 800

static PfApplication *app;

static gboolean
has_size (gpointer data)
{
  return gtk_widget_get_width (data) == WIDTH && gtk_widget_get_height (data) == HEIGHT;
}

static gboolean
is_placeholder (GtkWidget *page)
{
  return ADW_IS_STATUS_PAGE (page) && gtk_widget_has_css_class (page, "pf-page-intro");
}

static void
shoot_every_page (PfWindow   *window,
                  const char *style)
{
  GtkStack *stack = GTK_STACK (ui_test_find_widget (GTK_WIDGET (window), "page_stack"));

  g_assert_nonnull (stack);

  for (guint i = 0; i < pf_pages_get_n_pages (); i++)
    {
      const char *id = pf_page_info_get_id (pf_pages_get_page (i));
      g_autofree char *name = g_strdup_printf ("page-%s-%s", id, style);
      GtkWidget *page;

      g_assert_true (pf_window_show_page (window, id));
      page = gtk_stack_get_child_by_name (stack, id);
      g_assert_nonnull (page);
      g_assert_false (is_placeholder (page));
      ui_test_wait_until (ui_test_is_drawn, page);
      ui_test_screenshot (GTK_WIDGET (window), name);
    }
}

static void
test_every_page (void)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  PfWindow *window;

  /* Without a name, a toast offering to set one would cover the pages. */
  g_settings_set_string (settings, "user-name", "Priya Raman");
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-sample", NULL);
  window = PF_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  ui_test_wait_until (ui_test_has_document, window);

  /* The default size counts the client-side decorations' margins too;
   * the screenshot is of the window's content. */
  gtk_window_unmaximize (GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  ui_test_wait_until (ui_test_is_drawn, window);
  {
    gint64 deadline = g_get_monotonic_time () + G_USEC_PER_SEC;

    while (g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, FALSE);
  }
  gtk_window_set_default_size (GTK_WINDOW (window),
                               2 * WIDTH - gtk_widget_get_width (GTK_WIDGET (window)),
                               2 * HEIGHT - gtk_widget_get_height (GTK_WIDGET (window)));
  ui_test_wait_until (has_size, window);

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  shoot_every_page (window, "light");
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
  shoot_every_page (window, "dark");
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);

  /* The sample is a copy from the resources: nothing to save. */
  pf_document_set_modified (pf_window_get_document (window), FALSE);
  ui_test_close_and_wait (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  ui_test_init (&argc, &argv);

  app = pf_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/ui/screenshots/every-page", test_every_page);

  ret = g_test_run ();
  g_object_unref (app);

  return ret;
}
