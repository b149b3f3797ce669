/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "pf-application.h"
#include "pf-pages.h"
#include "pf-preferences-window.h"
#include "pf-window.h"
#include "ui-test-project.h"
#include "ui-test-util.h"

static PfApplication *app;

static void
close_all_windows (void)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  /* Each window, and everything it owned, must go away. */
  for (GList *l = windows; l != NULL; l = l->next)
    g_object_add_weak_pointer (l->data, &l->data);
  for (GList *l = windows; l != NULL; l = l->next)
    {
      if (l->data != NULL)
        gtk_window_destroy (l->data);
    }
  for (GList *l = windows; l != NULL; l = l->next)
    ui_test_wait_until (ui_test_is_null, &l->data);
}

static void
test_welcome_page (void)
{
  PfWindow *window;
  GtkWidget *recent_group;
  GtkWidget *main_stack;

  g_application_activate (G_APPLICATION (app));
  window = ui_test_active_window (app);
  g_assert_true (PF_IS_WINDOW (window));
  ui_test_wait_until (ui_test_is_drawn, window);

  main_stack = ui_test_find_widget (GTK_WIDGET (window), "main_stack");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (main_stack)), ==, "welcome");
  g_assert_null (pf_window_get_document (window));
  g_assert_null (pf_window_get_visible_page (window));

  /* Each way out of the welcome page is a real, enabled action. */
  for (guint i = 0; i < 3; i++)
    {
      static const char * const ids[] = { "new_button", "open_button", "sample_button" };
      GtkWidget *button = ui_test_find_widget (GTK_WIDGET (window), ids[i]);
      const char *action = gtk_actionable_get_action_name (GTK_ACTIONABLE (button));

      g_assert_nonnull (button);
      g_assert_true (gtk_widget_get_focusable (button) || gtk_widget_get_focus_on_click (button));
      g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), action + strlen ("app.")));
    }

  /* No project has been opened in this fresh environment. */
  recent_group = ui_test_find_widget (GTK_WIDGET (window), "recent_group");
  g_assert_false (gtk_widget_get_visible (recent_group));

  ui_test_screenshot (GTK_WIDGET (window), "welcome");
  close_all_windows ();
}

static void
test_pages (void)
{
  PfWindow *window;
  guint n_pages = pf_pages_get_n_pages ();
  g_auto(GStrv) actions = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (app), "open-sample", NULL);
  window = ui_test_active_window (app);
  g_assert_true (PF_IS_WINDOW (window));
  ui_test_wait_until (ui_test_is_drawn, window);
  g_assert_nonnull (pf_window_get_document (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Customer churn at Nordwind Telecom");
  g_assert_cmpstr (pf_window_get_visible_page (window), ==, "overview");

  /* Every page, by action. */
  for (guint i = 0; i < n_pages; i++)
    {
      const char *id = pf_page_info_get_id (pf_pages_get_page (i));

      g_action_group_activate_action (G_ACTION_GROUP (window), "show-page", g_variant_new_string (id));
      g_assert_cmpstr (pf_window_get_visible_page (window), ==, id);
    }

  /* Every page, by keyboard: Ctrl+Page Up / Page Down step through them in
   * sidebar order and stop at the ends. */
  actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), "<Control>Page_Down");
  g_assert_cmpstrv (actions, ((const char * const[]) { "win.next-page", NULL }));
  g_clear_pointer (&actions, g_strfreev);
  actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), "<Control>Page_Up");
  g_assert_cmpstrv (actions, ((const char * const[]) { "win.previous-page", NULL }));

  g_action_group_activate_action (G_ACTION_GROUP (window), "show-page", g_variant_new_string ("overview"));
  for (guint i = 1; i < n_pages; i++)
    {
      g_action_group_activate_action (G_ACTION_GROUP (window), "next-page", NULL);
      g_assert_cmpstr (pf_window_get_visible_page (window), ==, pf_page_info_get_id (pf_pages_get_page (i)));
    }
  g_action_group_activate_action (G_ACTION_GROUP (window), "next-page", NULL);
  g_assert_cmpstr (pf_window_get_visible_page (window), ==, "audit-trail");
  for (guint i = n_pages - 1; i > 0; i--)
    g_action_group_activate_action (G_ACTION_GROUP (window), "previous-page", NULL);
  g_assert_cmpstr (pf_window_get_visible_page (window), ==, "overview");

  /* Sidebar rows are reachable with Tab and carry an accessible label. */
  for (guint i = 0; i < n_pages; i++)
    {
      GtkWidget *sidebar = ui_test_find_widget (GTK_WIDGET (window), "sidebar");
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (sidebar), i);

      g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (row)));
    }

  /* Unknown pages are refused rather than showing nothing. */
  g_assert_false (pf_window_show_page (window, "no-such-page"));

  /* Actions that have nothing to do are disabled, never dead buttons. */
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "save"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "undo"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "export-report"));

  pf_window_show_page (window, "business-understanding");
  ui_test_wait_until (ui_test_is_drawn, window);
  g_main_context_iteration (NULL, FALSE);
  ui_test_screenshot (GTK_WIDGET (window), "project");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  ui_test_screenshot (GTK_WIDGET (window), "project-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  close_all_windows ();
}

static gboolean
window_count_is (gpointer data)
{
  return g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))) == GPOINTER_TO_UINT (data);
}

static void
test_open_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("preflight-ui-XXXXXX", &error);
  g_autofree char *good_path = g_build_filename (dir, "Demand forecast.preflight", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "broken.preflight", NULL);
  g_autoptr(GFile) good = g_file_new_for_path (good_path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  GtkWindow *dialog;
  PfWindow *window;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (good_path, "{\"format\": \"preflight-project\", \"format-version\": 1}", -1, &error));
  g_assert_true (g_file_set_contents (bad_path, "{\"format\": ", -1, &error));

  /* A file opened from outside (command line, file manager) gets a window. */
  g_application_open (G_APPLICATION (app), &good, 1, "");
  ui_test_wait_until (window_count_is, GUINT_TO_POINTER (1));
  window = ui_test_active_window (app);
  ui_test_wait_until (ui_test_has_document, window);
  g_assert_true (pf_window_holds_file (window, good));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Demand forecast");

  /* Opening it again focuses that window instead of opening a copy. */
  g_application_open (G_APPLICATION (app), &good, 1, "");
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  /* A new project goes to a new window: this one is taken. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "new", NULL);
  ui_test_wait_until (window_count_is, GUINT_TO_POINTER (2));
  window = ui_test_active_window (app);
  g_assert_nonnull (pf_window_get_document (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Untitled project");
  close_all_windows ();

  /* A broken file is explained in a dialog; the welcome page stays. */
  g_application_open (G_APPLICATION (app), &bad, 1, "");
  ui_test_wait_until (ui_test_message_dialog_shown, NULL);
  dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Could Not Open “broken.preflight”");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "Line 1"));
  g_assert_null (pf_window_get_document (ui_test_active_window (app)));
  close_all_windows ();

  /* The project that opened is now a recent project on the welcome page. */
  g_application_activate (G_APPLICATION (app));
  window = ui_test_active_window (app);
  {
    GtkWidget *recent_group = ui_test_find_widget (GTK_WIDGET (window), "recent_group");
    GtkWidget *recent_list = ui_test_find_widget (GTK_WIDGET (window), "recent_list");
    GtkListBoxRow *row;

    g_assert_true (gtk_widget_get_visible (recent_group));
    row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (recent_list), 0);
    g_assert_nonnull (row);
    g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (recent_list), 1));
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Demand forecast");

    /* Activating the row opens the project, in this window. */
    g_signal_emit_by_name (row, "activate");
    ui_test_wait_until (ui_test_has_document, window);
    g_assert_true (pf_window_holds_file (window, good));
  }
  close_all_windows ();

  g_unlink (good_path);
  g_unlink (bad_path);
  g_rmdir (dir);
}

static void
check_dialog (const char *action,
              GType       type)
{
  GtkWindow *dialog;

  g_action_group_activate_action (G_ACTION_GROUP (app), action, NULL);
  dialog = ui_test_find_toplevel (type);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (ui_test_active_window (app)));
  ui_test_wait_until (ui_test_is_drawn, dialog);

  ui_test_close_and_wait (dialog);
}

static void
test_dialogs (void)
{
  PfWindow *window;
  GtkWindow *shortcuts;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *style_row;

  g_application_activate (G_APPLICATION (app));
  window = ui_test_active_window (app);
  ui_test_wait_until (ui_test_is_drawn, window);

  check_dialog ("about", ADW_TYPE_ABOUT_WINDOW);

  /* Preferences edit the settings in place. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  {
    GtkWindow *preferences = ui_test_find_toplevel (PF_TYPE_PREFERENCES_WINDOW);
    GtkWidget *name_row = ui_test_find_widget (GTK_WIDGET (preferences), "name_row");

    g_assert_nonnull (name_row);
    gtk_editable_set_text (GTK_EDITABLE (name_row), "Ada Lovelace");
    {
      g_autofree char *user_name = g_settings_get_string (settings, "user-name");

      g_assert_cmpstr (user_name, ==, "Ada Lovelace");
    }

    style_row = ui_test_find_widget (GTK_WIDGET (preferences), "style_row");
    adw_combo_row_set_selected (ADW_COMBO_ROW (style_row), 2);
    {
      g_autofree char *color_scheme = g_settings_get_string (settings, "color-scheme");

      g_assert_cmpstr (color_scheme, ==, "dark");
    }
    g_assert_true (adw_style_manager_get_dark (adw_style_manager_get_default ()));
    ui_test_wait_until (ui_test_is_drawn, preferences);
    ui_test_screenshot (GTK_WIDGET (preferences), "preferences-dark");
    adw_combo_row_set_selected (ADW_COMBO_ROW (style_row), 0);
    g_assert_false (adw_style_manager_get_dark (adw_style_manager_get_default ()));

    ui_test_close_and_wait (preferences);
  }

  /* The shortcuts window belongs to the main window: it hides on close and
   * goes away with it. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
  shortcuts = ui_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  ui_test_wait_until (ui_test_is_drawn, shortcuts);
  ui_test_screenshot (GTK_WIDGET (shortcuts), "shortcuts");
  g_object_add_weak_pointer (G_OBJECT (shortcuts), (gpointer *)&shortcuts);
  gtk_window_close (shortcuts);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));

  close_all_windows ();
  g_assert_null (shortcuts);
}

static void
test_window_state (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  PfWindow *window;

  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 640);

  g_application_activate (G_APPLICATION (app));
  window = ui_test_active_window (app);
  ui_test_wait_until (ui_test_is_drawn, window);
  {
    int width, height;

    gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
    g_assert_cmpint (width, ==, 900);
    g_assert_cmpint (height, ==, 640);
  }

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  ui_test_close_and_wait (GTK_WINDOW (window));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
}

static void
test_narrow_window (void)
{
  PfWindow *window;
  GtkWidget *leaflet;
  GtkWidget *back_button;

  g_action_group_activate_action (G_ACTION_GROUP (app), "open-sample", NULL);
  window = ui_test_active_window (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 700);
  ui_test_wait_until (ui_test_is_drawn, window);

  /* On a narrow window the sidebar and the page take turns. */
  leaflet = ui_test_find_widget (GTK_WIDGET (window), "leaflet");
  back_button = ui_test_find_widget (GTK_WIDGET (window), "back_button");
  while (!adw_leaflet_get_folded (ADW_LEAFLET (leaflet)))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_visible (back_button));

  pf_window_show_page (window, "risks");
  g_assert_cmpstr (gtk_buildable_get_buildable_id (GTK_BUILDABLE (adw_leaflet_get_visible_child (ADW_LEAFLET (leaflet)))), ==, "content_box");
  g_signal_emit_by_name (back_button, "clicked");
  g_assert_cmpstr (gtk_buildable_get_buildable_id (GTK_BUILDABLE (adw_leaflet_get_visible_child (ADW_LEAFLET (leaflet)))), ==, "sidebar_box");

  close_all_windows ();
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

  g_test_add_func ("/ui/window/welcome-page", test_welcome_page);
  g_test_add_func ("/ui/window/pages", test_pages);
  g_test_add_func ("/ui/window/open-files", test_open_files);
  g_test_add_func ("/ui/window/dialogs", test_dialogs);
  g_test_add_func ("/ui/window/state", test_window_state);
  g_test_add_func ("/ui/window/narrow", test_narrow_window);

  ret = g_test_run ();

  g_object_unref (app);

  return ret;
}
