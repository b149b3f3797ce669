/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pf-application.h"
#include "pf-window.h"
#include "ui-test-util.h"

/* The ML Test Score and Audit Trail pages, driven through their widgets
 * as a user drives them, and photographed in light and dark style. */

static PfApplication *app;
static char *tmp_dir;

static PfWindow *
active_window (void)
{
  return PF_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
}

static gboolean
has_document (gpointer data)
{
  return pf_window_get_document (data) != NULL;
}

static gboolean
stack_settled (gpointer data)
{
  return !gtk_stack_get_transition_running (data);
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static PfWindow *
new_project_window (void)
{
  PfWindow *window;

  g_action_group_activate_action (G_ACTION_GROUP (app), "new", NULL);
  window = active_window ();
  ui_test_wait_until (has_document, window);
  ui_test_wait_until (ui_test_is_drawn, window);

  return window;
}

static G_GNUC_UNUSED PfWindow *
open_in_window (GFile *file)
{
  PfWindow *window;

  g_application_open (G_APPLICATION (app), &file, 1, "");
  window = active_window ();
  ui_test_wait_until (has_document, window);
  ui_test_wait_until (ui_test_is_drawn, window);

  return window;
}

static void
destroy_window (PfWindow *window)
{
  gpointer pointer = window;

  pf_document_set_modified (pf_window_get_document (window), FALSE);
  g_object_add_weak_pointer (G_OBJECT (window), &pointer);
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_wait_until (ui_test_is_null, &pointer);
}

static GtkWidget *
show_page (PfWindow   *window,
           const char *page_id)
{
  GtkStack *stack = GTK_STACK (ui_test_find_widget (GTK_WIDGET (window), "page_stack"));

  g_assert_true (pf_window_show_page (window, page_id));
  ui_test_wait_until (stack_settled, stack);
  ui_test_wait_until (stack_settled, ui_test_find_widget (GTK_WIDGET (window), "main_stack"));

  return gtk_stack_get_child_by_name (stack, page_id);
}

/* Light, then dark: the same window in both styles. */
static void
screenshots (PfWindow   *window,
             const char *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *dark = g_strconcat (name, "-dark", NULL);

  ui_test_screenshot (GTK_WIDGET (window), name);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  ui_test_screenshot (GTK_WIDGET (window), dark);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
set_level (GtkWidget  *page,
           const char *test_id,
           const char *level)
{
  g_autofree char *name = g_strconcat (test_id, ":", level, NULL);
  GtkWidget *button = find_named (page, name);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  /* As a click: the toggle turns on, and its group turns the others off. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
}

static gboolean
level_shown (GtkWidget  *page,
             const char *test_id,
             const char *level)
{
  g_autofree char *name = g_strconcat (test_id, ":", level, NULL);

  return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_named (page, name)));
}

static const char *
section_value (GtkWidget  *page,
               const char *section_id)
{
  g_autofree char *name = g_strconcat ("section-", section_id, NULL);

  return gtk_label_get_text (GTK_LABEL (find_named (find_named (page, name), "value")));
}

static const char *
label_text (GtkWidget  *page,
            const char *id)
{
  return gtk_label_get_text (GTK_LABEL (ui_test_find_widget (page, id)));
}

static void
test_score_page (void)
{
  static const char * const sections[] = { "data", "model", "infrastructure", "monitoring" };
  PfWindow *window = new_project_window ();
  PfDocument *document = pf_window_get_document (window);
  GtkWidget *page = show_page (window, "ml-test-score");
  GtkWidget *note;

  g_assert_nonnull (page);
  g_assert_cmpstr (label_text (page, "score_label"), ==, "0");
  g_assert_cmpstr (label_text (page, "band_label"), ==, "Research Project");
  g_assert_true (level_shown (page, "data-1", "none"));

  /* One automated test: its section scores, the final score stays at the
   * weakest section's. */
  set_level (page, "data-1", "automated");
  g_assert_cmpstr (pf_document_get_string (document, "ml-test-score/data-1", "level"), ==, "automated");
  g_assert_cmpstr (section_value (page, "data"), ==, "1");
  g_assert_cmpstr (section_value (page, "model"), ==, "0");
  g_assert_cmpstr (label_text (page, "score_label"), ==, "0");

  /* Every test done by hand: 3.5 everywhere but the data section. */
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    for (guint j = 1; j <= 7; j++)
      {
        g_autofree char *id = g_strdup_printf ("%s-%u", sections[i], j);

        if (!g_str_equal (id, "data-1"))
          set_level (page, id, "manual");
      }
  g_assert_cmpstr (section_value (page, "data"), ==, "4");
  g_assert_cmpstr (section_value (page, "monitoring"), ==, "3.5");
  g_assert_cmpstr (label_text (page, "score_label"), ==, "3.5");
  g_assert_cmpstr (label_text (page, "band_label"), ==, "Strongly Tested");
  g_assert_cmpuint (json_array_get_length (pf_document_get_records (document, "ml-test-score")), ==, 28);

  /* Back to none: the record stays, at none, and the weakest section drops. */
  set_level (page, "monitoring-7", "none");
  g_assert_cmpstr (pf_document_get_string (document, "ml-test-score/monitoring-7", "level"), ==, "none");
  g_assert_cmpstr (label_text (page, "score_label"), ==, "3");
  g_assert_cmpstr (label_text (page, "band_label"), ==, "Reasonably Tested");

  /* Undo brings the level back, in the record and on the page. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  g_assert_cmpstr (pf_document_get_string (document, "ml-test-score/monitoring-7", "level"), ==, "manual");
  g_assert_true (level_shown (page, "monitoring-7", "manual"));
  g_assert_cmpstr (label_text (page, "score_label"), ==, "3.5");

  /* A change from elsewhere shows as well. */
  g_assert_true (pf_document_set_string (document, "ml-test-score/model-2", "level", "automated", NULL));
  g_assert_true (level_shown (page, "model-2", "automated"));
  g_assert_cmpstr (section_value (page, "model"), ==, "4");

  /* A note on a test that had no record yet creates it: one undo step. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  note = find_named (find_named (page, "data-1"), "note");
  gtk_editable_set_text (GTK_EDITABLE (note), "Checked by the schema job in CI");
  g_assert_cmpstr (pf_document_get_string (document, "ml-test-score/data-1", "note"), ==,
                   "Checked by the schema job in CI");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (find_named (page, "data-1")), TRUE);

  screenshots (window, "ml-test-score");
  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = NULL;
  int status;

  ui_test_init (&argc, &argv);

  tmp_dir = g_build_filename (g_get_user_cache_dir (), "projects", NULL);
  g_assert_cmpint (g_mkdir_with_parents (tmp_dir, 0700), ==, 0);

  /* Screenshots at the size the design is judged at. */
  settings = g_settings_new (APP_ID);
  g_settings_set_int (settings, "window-width", 1280);
  g_settings_set_int (settings, "window-height", 800);
  g_settings_set_boolean (settings, "window-maximized", FALSE);

  app = pf_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/ui/pages/test-score", test_score_page);

  status = g_test_run ();
  g_clear_object (&app);
  g_clear_pointer (&tmp_dir, g_free);

  return status;
}
