/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "pf-application.h"
#include "pf-find-bar.h"
#include "pf-preferences-window.h"
#include "pf-search.h"
#include "pf-window.h"
#include "test-util.h"
#include "ui-test-project.h"
#include "ui-test-util.h"

/* Ctrl+F as a user meets it: type, go through the results by keyboard,
 * open one, close with Escape. */

static PfApplication *app;
static char *tmp_dir;

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

/* Until the animations a style change starts have run. */
static void
settle (void)
{
  ui_test_wait_ms (400);
}

static char *searched_text;

static gboolean
searched (gpointer data)
{
  return g_strcmp0 (searched_text, data) == 0;
}

static void
search_changed_cb (GtkEditable *entry)
{
  g_free (searched_text);
  searched_text = g_strdup (gtk_editable_get_text (entry));
}

static gboolean
revealed (gpointer data)
{
  return gtk_revealer_get_child_revealed (data);
}

static gboolean
concealed (gpointer data)
{
  return !gtk_revealer_get_child_revealed (data);
}

static gboolean
has_no_height (gpointer data)
{
  return gtk_widget_get_height (data) == 0;
}

static gboolean
has_focus_within (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* A key as the user presses it in the entry: through its key controllers. */
static void
press_key (GtkWidget *widget,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
  g_assert_true (handled);
}

static PfSearchResult *
result_at (GtkWidget *list,
           int        index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), index);

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (row)));
  return g_object_get_data (G_OBJECT (row), "result");
}

/* The rows that show a result: the others wait, hidden, for the next search. */
static guint
count_rows (GtkWidget *list)
{
  GtkListBoxRow *row;
  guint n = 0;

  while ((row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), n)) && gtk_widget_get_visible (GTK_WIDGET (row)))
    n++;
  return n;
}

static guint
selected_position (GtkWidget *list)
{
  return gtk_list_box_row_get_index (gtk_list_box_get_selected_row (GTK_LIST_BOX (list)));
}

static void
type_query (PfWindow   *window,
            GtkWidget  *entry,
            GtkWidget  *revealer,
            const char *text)
{
  /* The search runs after a short pause in typing. */
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  ui_test_wait_until (searched, (gpointer)text);
  ui_test_wait_until (revealed, revealer);
}

static void
set_string (PfDocument *document,
            const char *object,
            const char *field,
            const char *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pf_document_set_string (document, object, field, value, &error));
  g_assert_no_error (error);
}

static void
test_find (void)
{
  PfWindow *window = ui_test_new_project_window (app);
  PfDocument *document = pf_window_get_document (window);
  GtkWidget *find_bar = ui_test_find_widget (GTK_WIDGET (window), "find_bar");
  GtkWidget *entry = ui_test_find_widget (find_bar, "entry");
  GtkWidget *revealer = ui_test_find_widget (find_bar, "results_revealer");
  GtkWidget *list = ui_test_find_widget (find_bar, "results_list");
  GtkWidget *status = ui_test_find_widget (find_bar, "status_label");
  GtkSearchBar *search_bar = GTK_SEARCH_BAR (ui_test_find_widget (find_bar, "search_bar"));
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) accels = NULL;
  g_autofree char *feature = NULL;
  g_autofree char *object = NULL;
  GtkWidget *sidebar_row;
  PfSearchResult *result;
  guint n_rows;

  g_signal_connect (entry, "search-changed", G_CALLBACK (search_changed_cb), NULL);

  /* Ctrl+F, in the shortcuts window too. */
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.find");
  g_assert_cmpstr (accels[0], ==, "<Control>f");

  feature = pf_document_add_record (document, "features", &error);
  g_assert_no_error (error);
  object = g_strconcat ("features/", feature, NULL);
  set_string (document, object, "name", "days_since_last_login");
  set_string (document, object, "rationale", "Known at the prediction point: no leakage of the cancellation.");
  /* More questions and records than a search lists. */
  pf_document_begin_group (document);
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *id = pf_document_add_record (document, "stakeholders", &error);
      g_autofree char *path = g_strdup_printf ("stakeholders/%s", id);
      g_autofree char *name = g_strdup_printf ("Stakeholder %u", i);

      g_assert_no_error (error);
      set_string (document, path, "name", name);
    }
  pf_document_end_group (document);

  /* The focus is in the sidebar when the user presses Ctrl+F. */
  sidebar_row = ui_test_find_named (GTK_WIDGET (window), "overview");
  gtk_widget_grab_focus (sidebar_row);
  g_action_group_activate_action (G_ACTION_GROUP (window), "find", NULL);
  g_assert_true (gtk_search_bar_get_search_mode (search_bar));
  g_assert_true (has_focus_within (entry));

  /* A register entry is listed, found in a field that is not its name,
   * whatever the case and accents. */
  type_query (window, entry, revealer, "LÉAKAGE OF");
  g_assert_cmpuint (count_rows (list), ==, 1);
  result = result_at (list, 0);
  g_assert_cmpint (result->kind, ==, PF_SEARCH_RESULT_RECORD);
  g_assert_cmpstr (result->register_id, ==, "features");
  g_assert_cmpstr (result->record_id, ==, feature);
  g_assert_cmpstr (result->title, ==, "days_since_last_login");
  g_assert_false (gtk_widget_get_visible (status));

  /* Escape closes and gives the focus back. */
  g_signal_emit_by_name (entry, "stop-search");
  g_assert_false (gtk_search_bar_get_search_mode (search_bar));
  g_assert_true (gtk_widget_has_focus (sidebar_row));
  ui_test_wait_until (concealed, revealer);

  /* Nothing found says so. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "find", NULL);
  type_query (window, entry, revealer, "no such text anywhere");
  g_assert_cmpuint (count_rows (list), ==, 0);
  g_assert_true (gtk_widget_get_visible (status));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (status)), ==, "No results");

  /* Many results: the first ones, and a note to refine the search. */
  type_query (window, entry, revealer, "e");
  g_assert_cmpuint (count_rows (list), ==, PF_FIND_BAR_MAX_RESULTS);
  g_assert_true (gtk_widget_get_visible (status));
  {
    /* What a keystroke costs with a full list: search, rows, their size. */
    g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

    for (guint i = 0; i < 7; i++)
      {
        gint64 start = g_get_monotonic_time ();
        double ms;

        int height;

        g_signal_emit_by_name (entry, "search-changed");
        /* The rows' size, as the next frame's layout asks it. */
        gtk_widget_measure (list, GTK_ORIENTATION_VERTICAL, 600, NULL, &height, NULL, NULL);
        ms = (g_get_monotonic_time () - start) / 1000.0;
        g_array_append_val (times, ms);
        ui_test_spin ();
      }
    g_array_sort (times, compare_double);
    g_test_message ("A keystroke listing %u results: median %.1f ms, min %.1f ms (search, rows and their size)",
                    PF_FIND_BAR_MAX_RESULTS, g_array_index (times, double, 3), g_array_index (times, double, 0));
  }

  /* Down and Up move through the results, the focus stays in the entry;
   * Enter opens the selected question on its page and focuses its input. */
  type_query (window, entry, revealer, "data");
  n_rows = count_rows (list);
  g_assert_cmpuint (n_rows, >=, 3);
  g_assert_cmpuint (selected_position (list), ==, 0);
  press_key (entry, GDK_KEY_Down);
  press_key (entry, GDK_KEY_Down);
  press_key (entry, GDK_KEY_Up);
  g_assert_cmpuint (selected_position (list), ==, 1);
  g_assert_true (has_focus_within (entry));
  settle ();
  ui_test_screenshot (GTK_WIDGET (window), "find");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  settle ();
  ui_test_screenshot (GTK_WIDGET (window), "find-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  result = result_at (list, 1);
  g_assert_cmpint (result->kind, ==, PF_SEARCH_RESULT_QUESTION);
  {
    g_autofree char *question = g_strdup (result->question_id);
    g_autofree char *page = g_strdup (result->page_id);

    g_signal_emit_by_name (entry, "activate");
    g_assert_false (gtk_search_bar_get_search_mode (search_bar));
    g_assert_cmpstr (pf_window_get_visible_page (window), ==, page);
    g_assert_true (has_focus_within (ui_test_find_named (GTK_WIDGET (window), question)));
    ui_test_wait_until (has_no_height, find_bar);
    settle ();
    ui_test_screenshot (GTK_WIDGET (window), "find-opened");
  }

  /* A question in another phase, typed and opened with Enter at once. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "find", NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "first findings and hypotheses");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (pf_window_get_visible_page (window), ==, "data-understanding");
  g_assert_true (has_focus_within (ui_test_find_named (GTK_WIDGET (window), "data-understanding.findings")));

  /* A register entry opens its register. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "find", NULL);
  type_query (window, entry, revealer, "days_since");
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0)));
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  g_assert_cmpstr (pf_window_get_visible_page (window), ==, "features");
  g_assert_false (has_focus_within (find_bar));

  /* The business question opens its page, the focus in the page. */
  g_assert_true (pf_document_change_business_question (document, "Which subscribers cancel next quarter?",
                                                       "Recall of 0.6", NULL, &error));
  g_assert_no_error (error);
  g_action_group_activate_action (G_ACTION_GROUP (window), "find", NULL);
  type_query (window, entry, revealer, "subscribers cancel");
  g_assert_cmpuint (count_rows (list), ==, 1);
  g_assert_cmpint (result_at (list, 0)->kind, ==, PF_SEARCH_RESULT_BUSINESS_QUESTION);
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (pf_window_get_visible_page (window), ==, "business-understanding");
  g_assert_true (has_focus_within (GTK_WIDGET (gtk_stack_get_visible_child (GTK_STACK (ui_test_find_widget (GTK_WIDGET (window), "page_stack"))))));

  /* A question the catalog does not have is not shown. */
  g_assert_false (pf_window_show_question (window, "business-understanding.no-such-question"));

  ui_test_destroy_window (window);
}

static const char custom_catalog[] =
  "<catalog id=\"org.example.team\" version=\"2\"><title>Team Catalog</title>\n"
  "<phase id=\"business-understanding\"><step id=\"goal\"><title>The Goal</title>\n"
  "<question id=\"business-understanding.colour\" type=\"text\" required=\"true\">"
  "<text>Which colour does the sponsor like?</text><why>So that the slides please.</why></question>\n"
  "</step><gate><requires question=\"business-understanding.colour\"/></gate></phase>\n"
  "<phase id=\"data-understanding\"><step id=\"b\"><title>B</title></step><gate/></phase>\n"
  "<phase id=\"data-preparation\"><step id=\"c\"><title>C</title></step><gate/></phase>\n"
  "<phase id=\"modeling\"><step id=\"d\"><title>D</title></step><gate/></phase>\n"
  "<phase id=\"evaluation\"><step id=\"e\"><title>E</title></step><gate/></phase>\n"
  "<phase id=\"deployment\"><step id=\"f\"><title>F</title></step><gate/></phase>\n"
  TEST_ML_TEST_SCORE "\n</catalog>\n";

static GFile *
write_file (const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static GtkWidget *
find_label_starting (GtkWidget  *root,
                     const char *prefix)
{
  if (GTK_IS_LABEL (root) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (root)), prefix))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_starting (child, prefix);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static char *
progress_of (PfWindow   *window,
             const char *page)
{
  GtkWidget *row = ui_test_find_named (GTK_WIDGET (window), page);

  return g_strdup (gtk_label_get_text (GTK_LABEL (ui_test_find_named (row, "progress"))));
}

static void
respond_and_wait (AdwMessageDialog *dialog)
{
  gpointer pointer = dialog;

  g_object_add_weak_pointer (G_OBJECT (dialog), &pointer);
  g_object_ref (dialog);
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  ui_test_wait_until (ui_test_is_null, &pointer);
}

/* A catalog of one's own: its questions on the phase pages of the open
 * window, the answers to the others kept; a broken one explained and not
 * used; back to the built-in one. */
static void
test_custom_catalog (void)
{
  g_autoptr(GFile) file = write_file ("team.catalog", custom_catalog);
  g_autoptr(GFile) broken = write_file ("broken.catalog",
                                        "<catalog id=\"org.example.broken\" version=\"1\">\n"
                                        "  <title>Broken</titel>\n</catalog>\n");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(JsonNode) value = json_node_new (JSON_NODE_VALUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *setting = NULL;
  g_autofree char *progress = NULL;
  PfWindow *window = ui_test_new_project_window (app);
  PfDocument *document = pf_window_get_document (window);
  PfCatalog *builtin = pf_application_get_catalog (app);
  PfPreferencesWindow *preferences;
  AdwMessageDialog *dialog;
  GtkWidget *find_bar = ui_test_find_widget (GTK_WIDGET (window), "find_bar");
  GtkWidget *entry = ui_test_find_widget (find_bar, "entry");
  GtkWidget *revealer = ui_test_find_widget (find_bar, "results_revealer");
  GtkWidget *list = ui_test_find_widget (find_bar, "results_list");

  g_signal_connect (entry, "search-changed", G_CALLBACK (search_changed_cb), NULL);
  json_node_set_string (value, "Fewer cancellations");
  g_assert_true (pf_document_set_answer (document, "business-understanding.objective", value, &error));
  g_assert_no_error (error);
  pf_window_show_page (window, "business-understanding");
  g_assert_nonnull (ui_test_find_named (GTK_WIDGET (window), "business-understanding.objective"));

  /* Loaded: the open window shows its questions at once, on the same page,
   * and the sidebar counts its required questions, plus the business
   * question every catalog's Business Understanding requires. */
  g_assert_true (pf_application_load_catalog (app, file, &error));
  g_assert_no_error (error);
  ui_test_spin ();
  g_assert_cmpstr (pf_catalog_get_id (pf_application_get_catalog (app)), ==, "org.example.team");
  g_assert_cmpstr (pf_window_get_visible_page (window), ==, "business-understanding");
  g_assert_nonnull (ui_test_find_named (GTK_WIDGET (window), "business-understanding.colour"));
  g_assert_null (ui_test_find_named (GTK_WIDGET (window), "business-understanding.objective"));
  progress = progress_of (window, "business-understanding");
  g_assert_cmpstr (progress, ==, "0/2");
  setting = g_settings_get_string (settings, "catalog-file");
  g_assert_true (g_str_has_suffix (setting, "team.catalog"));
  g_clear_pointer (&setting, g_free);

  /* The answer to a question it does not ask stays in the project. */
  g_assert_nonnull (pf_document_get_value (document, "answers/business-understanding.objective", "value"));

  /* Ctrl+F finds its questions. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "find", NULL);
  type_query (window, entry, revealer, "sponsor like");
  g_assert_cmpuint (count_rows (list), ==, 1);
  g_assert_cmpstr (result_at (list, 0)->question_id, ==, "business-understanding.colour");
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (has_focus_within (ui_test_find_named (GTK_WIDGET (window), "business-understanding.colour")));
  ui_test_wait_until (concealed, revealer);
  ui_test_wait_until (has_no_height, find_bar);
  ui_test_screenshot (GTK_WIDGET (window), "custom-catalog");

  /* A project made with the built-in catalog says so, without stopping. */
  {
    g_autoptr(GFile) project = write_file ("made-with-builtin.preflight",
                                           "{\"format\": \"preflight-project\", \"format-version\": 1,\n"
                                           " \"metadata\": {\"id\": \"6f1c2a4e-8c1b-4d6e-9a57-0c3d2b1e4f5a\", \"title\": \"Churn\",\n"
                                           "  \"catalog\": {\"id\": \"io.github.preflight.crisp-dm\", \"version\": 1}}}\n");
    PfWindow *other;

    g_application_open (G_APPLICATION (app), &project, 1, "");
    other = ui_test_active_window (app);
    g_assert_false (other == window);
    ui_test_wait_until (ui_test_has_document, other);
    g_assert_nonnull (find_label_starting (GTK_WIDGET (other), "This project was made with the catalog io.github.preflight.crisp-dm, version 1"));
    ui_test_destroy_window (other);
  }

  /* A new project follows the catalog in use, and records which. */
  {
    PfWindow *other;
    JsonNode *made_with;

    g_action_group_activate_action (G_ACTION_GROUP (app), "new", NULL);
    other = ui_test_active_window (app);
    g_assert_false (other == window);
    ui_test_wait_until (ui_test_has_document, other);
    made_with = pf_document_get_value (pf_window_get_document (other), "metadata", "catalog");
    g_assert_nonnull (made_with);
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (made_with), "id"), ==, "org.example.team");
    g_assert_false (pf_document_get_modified (pf_window_get_document (other)));
    ui_test_destroy_window (other);
  }

  /* The preferences show the catalog in use and where it comes from. */
  preferences = pf_preferences_window_new (settings);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (preferences), 640, 700);
  gtk_window_present (GTK_WINDOW (preferences));
  ui_test_wait_until (ui_test_is_drawn, preferences);
  {
    GtkWidget *row = ui_test_find_widget (GTK_WIDGET (preferences), "catalog_row");

    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Team Catalog, from “team.catalog”");
    g_assert_true (gtk_widget_get_sensitive (ui_test_find_widget (GTK_WIDGET (preferences), "builtin_button")));
  }
  ui_test_spin ();
  ui_test_screenshot (GTK_WIDGET (preferences), "preferences-catalog");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  settle ();
  ui_test_screenshot (GTK_WIDGET (preferences), "preferences-catalog-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* A broken file: a dialog names the file, the line and the problem, and
   * the catalog in use stays. */
  g_assert_false (pf_application_load_catalog_or_explain (app, broken, GTK_WINDOW (preferences)));
  ui_test_wait_until (ui_test_message_dialog_shown, NULL);
  dialog = ADW_MESSAGE_DIALOG (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Load “broken.catalog”");
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog), "broken.catalog: Line 2, column "));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“titel”"));
  ui_test_wait_until (ui_test_is_drawn, dialog);
  ui_test_screenshot (GTK_WIDGET (dialog), "catalog-broken");
  respond_and_wait (dialog);
  g_assert_cmpstr (pf_catalog_get_id (pf_application_get_catalog (app)), ==, "org.example.team");
  g_assert_nonnull (ui_test_find_named (GTK_WIDGET (window), "business-understanding.colour"));
  setting = g_settings_get_string (settings, "catalog-file");
  g_assert_true (g_str_has_suffix (setting, "team.catalog"));
  g_clear_pointer (&setting, g_free);

  /* Back to the built-in catalog, from the preferences. */
  g_signal_emit_by_name (ui_test_find_widget (GTK_WIDGET (preferences), "builtin_button"), "clicked");
  ui_test_spin ();
  g_assert_cmpstr (pf_catalog_get_id (pf_application_get_catalog (app)), ==, PF_CATALOG_BUILTIN_ID);
  g_assert_false (pf_application_get_catalog (app) == builtin);
  g_assert_null (pf_application_get_catalog_file (app));
  g_assert_nonnull (ui_test_find_named (GTK_WIDGET (window), "business-understanding.objective"));
  setting = g_settings_get_string (settings, "catalog-file");
  g_assert_cmpstr (setting, ==, "");
  g_assert_false (gtk_widget_get_sensitive (ui_test_find_widget (GTK_WIDGET (preferences), "builtin_button")));

  gtk_window_destroy (GTK_WINDOW (preferences));
  ui_test_destroy_window (window);
}

/* A configured catalog that no longer loads: the built-in one, and the
 * user is told once, when a project opens. */
static void
test_catalog_fallback (void)
{
  g_autoptr(GFile) broken = write_file ("gone-bad.catalog", "<catalog id=\"x\" version=\"1\"><phase>");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(PfApplication) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_file_get_uri (broken);
  g_autoptr(PfDocument) document = NULL;
  AdwMessageDialog *dialog;
  PfWindow *window;

  g_settings_set_string (settings, "catalog-file", uri);

  /* A fresh start of the application. */
  second = pf_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (second), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pf_catalog_get_id (pf_application_get_catalog (second)), ==, PF_CATALOG_BUILTIN_ID);
  g_assert_null (pf_application_get_catalog_file (second));

  /* Told when the first project opens, in a dialog that does not stop it
   * from opening; the next project does not tell again. */
  window = pf_window_new (second);
  document = pf_document_new ();
  pf_window_set_document (window, document);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_wait_until (ui_test_message_dialog_shown, NULL);
  dialog = ADW_MESSAGE_DIALOG (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Load the Question Catalog");
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog), "gone-bad.catalog: Line 1, column "));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "built-in catalog"));
  g_assert_true (pf_window_get_document (window) == document);
  g_assert_nonnull (ui_test_find_named (GTK_WIDGET (window), "business-understanding.objective"));
  respond_and_wait (dialog);
  g_assert_null (pf_application_take_catalog_problem (second));
  ui_test_destroy_window (window);

  g_settings_set_string (settings, "catalog-file", "");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = NULL;
  int ret;

  ui_test_init (&argc, &argv);

  /* Inside this run's own folders, removed at exit. */
  tmp_dir = g_build_filename (g_get_user_cache_dir (), "catalogs", NULL);
  g_assert_cmpint (g_mkdir_with_parents (tmp_dir, 0700), ==, 0);

  /* The size of the screenshots. */
  settings = g_settings_new (APP_ID);
  g_settings_set_int (settings, "window-width", 1280);
  g_settings_set_int (settings, "window-height", 800);

  app = pf_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/ui/find/find", test_find);
  g_test_add_func ("/ui/find/custom-catalog", test_custom_catalog);
  g_test_add_func ("/ui/find/catalog-fallback", test_catalog_fallback);

  ret = g_test_run ();

  g_clear_object (&app);
  g_clear_pointer (&tmp_dir, g_free);
  g_clear_pointer (&searched_text, g_free);

  return ret;
}
