/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "pf-application.h"
#include "pf-draft.h"
#include "pf-export-dialog.h"
#include "pf-overview-page.h"
#include "pf-phase.h"
#include "pf-window.h"
#include "ui-test-project.h"
#include "ui-test-util.h"

/* Editing, undo, saving, the question on close, a file changed on disk and
 * drafts, as a user meets them in a window. */

static PfApplication *app;
static char *tmp_dir;

static const char project[] =
  "{\"format\": \"preflight-project\", \"format-version\": 1,\n"
  " \"metadata\": {\"id\": \"6f1c2a4e-8c1b-4d6e-9a57-0c3d2b1e4f5a\", \"title\": \"Fraud scoring\"},\n"
  " \"kept-from-the-future\": {\"hologram\": true}}\n";

static gboolean
has_title_theirs (gpointer data)
{
  PfDocument *document = pf_window_get_document (data);

  return document != NULL && g_strcmp0 (pf_document_get_title (document), "Theirs") == 0;
}

static gboolean
is_saved (gpointer data)
{
  return !pf_document_get_modified (data);
}

static gboolean
file_exists (gpointer data)
{
  return g_file_query_exists (data, NULL);
}

static GFile *
write_project (const char *name)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, project, -1, &error));
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static PfWindow *
open_in_window (GFile *file)
{
  PfWindow *window;

  g_application_open (G_APPLICATION (app), &file, 1, "");
  window = ui_test_active_window (app);
  ui_test_wait_until (ui_test_has_document, window);
  ui_test_wait_until (ui_test_is_drawn, window);

  return window;
}

static void
destroy_window (PfWindow *window)
{
  gpointer pointer = window;

  g_object_add_weak_pointer (G_OBJECT (window), &pointer);
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_wait_until (ui_test_is_null, &pointer);
}

static void
respond (const char *response)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  gpointer pointer = dialog;

  /* As a click on the button: the response, then the dialog goes away. */
  g_object_add_weak_pointer (G_OBJECT (dialog), &pointer);
  g_object_ref (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  ui_test_wait_until (ui_test_is_null, &pointer);
}

static void
test_edit_undo_save (void)
{
  g_autoptr(GFile) file = write_project ("edit.preflight");
  g_autofree char *contents = NULL;
  PfWindow *window = open_in_window (file);
  PfDocument *document = pf_window_get_document (window);
  GtkWidget *title_row = ui_test_find_widget (GTK_WIDGET (window), "title_row");

  g_assert_nonnull (title_row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "Fraud scoring");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Fraud scoring");
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "undo"));

  /* Typing in the title row edits the project; the title shows the unsaved marker. */
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Fraud scoring v2");
  g_assert_cmpstr (pf_document_get_title (document), ==, "Fraud scoring v2");
  g_assert_true (pf_document_get_modified (document));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Fraud scoring v2");
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "undo"));

  /* Ctrl+Z undoes it, and the row follows; Ctrl+Shift+Z redoes it. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "Fraud scoring");
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "redo"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "redo", NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "Fraud scoring v2");

  /* Ctrl+S writes the file, keeps what Preflight does not know, clears the marker. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "save", NULL);
  ui_test_wait_until (is_saved, document);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Fraud scoring v2");
  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"title\": \"Fraud scoring v2\""));
  g_assert_nonnull (strstr (contents, "\"hologram\": true"));
  g_assert_nonnull (strstr (contents, "\"action\": \"set\""));

  destroy_window (window);
}

static void
test_close_asks (void)
{
  g_autoptr(GFile) file = write_project ("close.preflight");
  PfWindow *window = open_in_window (file);
  gpointer pointer = window;
  GtkWidget *title_row = ui_test_find_widget (GTK_WIDGET (window), "title_row");
  AdwMessageDialog *dialog;

  g_object_add_weak_pointer (G_OBJECT (window), &pointer);
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Unsaved title");

  /* Closing asks first; Cancel keeps the window and the change. */
  gtk_window_close (GTK_WINDOW (window));
  g_assert_nonnull (pointer);
  ui_test_wait_until (ui_test_message_dialog_shown, NULL);
  dialog = ADW_MESSAGE_DIALOG (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes to “Unsaved title”?");
  respond ("cancel");
  g_assert_nonnull (pointer);
  g_assert_true (pf_document_get_modified (pf_window_get_document (window)));

  /* Save saves, then closes. */
  gtk_window_close (GTK_WINDOW (window));
  ui_test_wait_until (ui_test_message_dialog_shown, NULL);
  respond ("save");
  ui_test_wait_until (ui_test_is_null, &pointer);
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL));
    g_assert_nonnull (strstr (contents, "Unsaved title"));
  }

  /* Discard closes without writing. */
  window = open_in_window (file);
  pointer = window;
  g_object_add_weak_pointer (G_OBJECT (window), &pointer);
  title_row = ui_test_find_widget (GTK_WIDGET (window), "title_row");
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Thrown away");
  gtk_window_close (GTK_WINDOW (window));
  ui_test_wait_until (ui_test_message_dialog_shown, NULL);
  respond ("discard");
  ui_test_wait_until (ui_test_is_null, &pointer);
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL));
    g_assert_null (strstr (contents, "Thrown away"));
  }
}

static void
test_changed_on_disk (void)
{
  g_autoptr(GFile) file = write_project ("conflict.preflight");
  PfWindow *window = open_in_window (file);
  PfDocument *document = pf_window_get_document (window);
  GtkWidget *title_row = ui_test_find_widget (GTK_WIDGET (window), "title_row");
  g_autofree char *contents = NULL;
  const char *theirs = "{\"format\": \"preflight-project\", \"format-version\": 1, \"metadata\": {\"title\": \"Theirs\"}}\n";

  gtk_editable_set_text (GTK_EDITABLE (title_row), "Mine");

  /* Someone else saves the file meanwhile: saving must not silently overwrite it. */
  g_usleep (1100 * 1000); /* a new modification time, so a new etag */
  g_assert_true (g_file_replace_contents (file, theirs, strlen (theirs), NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, NULL));
  g_action_group_activate_action (G_ACTION_GROUP (window), "save", NULL);
  ui_test_wait_until (ui_test_message_dialog_shown, NULL);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG))),
                   ==, "“conflict.preflight” Changed on Disk");
  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL));
  g_assert_cmpstr (contents, ==, theirs);
  g_assert_true (pf_document_get_modified (document));

  /* Overwrite is an explicit choice. */
  respond ("overwrite");
  ui_test_wait_until (is_saved, document);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"title\": \"Mine\""));

  /* Or reload: their version replaces mine in the window. */
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Mine again");
  g_usleep (1100 * 1000);
  g_assert_true (g_file_replace_contents (file, theirs, strlen (theirs), NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, NULL));
  g_action_group_activate_action (G_ACTION_GROUP (window), "save", NULL);
  ui_test_wait_until (ui_test_message_dialog_shown, NULL);
  respond ("reload");
  ui_test_wait_until (has_title_theirs, window);
  g_assert_false (pf_document_get_modified (pf_window_get_document (window)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "Theirs");

  destroy_window (window);
}

static void
test_drafts (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GFile) file = write_project ("draft.preflight");
  g_autoptr(GFile) draft = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  PfWindow *window;
  GtkWidget *title_row;

  g_settings_set_int (settings, "autosave-interval", 1);

  window = open_in_window (file);
  draft = pf_draft_get_file (pf_window_get_document (window));
  title_row = ui_test_find_widget (GTK_WIDGET (window), "title_row");
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Draft title");

  /* A second after the change, the unsaved work is on disk as a draft. */
  g_assert_false (g_file_query_exists (draft, NULL));
  ui_test_wait_until (file_exists, draft);

  /* As after a crash: the window goes away without asking. */
  pf_document_set_modified (pf_window_get_document (window), FALSE);
  destroy_window (window);
  g_assert_true (g_file_query_exists (draft, NULL));

  /* The next start offers the draft back, and recovering it opens the
   * project with the change, still unsaved. */
  pf_application_offer_drafts (app);
  ui_test_wait_until (ui_test_message_dialog_shown, NULL);
  respond ("recover");
  window = ui_test_active_window (app);
  g_assert_nonnull (window);
  g_assert_cmpstr (pf_document_get_title (pf_window_get_document (window)), ==, "Draft title");
  g_assert_true (pf_document_get_modified (pf_window_get_document (window)));
  g_assert_true (pf_window_holds_file (window, file));

  /* Saving removes the draft. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "save", NULL);
  ui_test_wait_until (is_saved, pf_window_get_document (window));
  g_assert_false (g_file_query_exists (draft, NULL));
  drafts = pf_draft_list ();
  g_assert_cmpuint (drafts->len, ==, 0);

  destroy_window (window);
}

static void
test_broken_chain_shown (void)
{
  static const char broken[] =
    "{\"format\": \"preflight-project\", \"format-version\": 1,\n"
    " \"audit\": [{\"seq\": 1, \"time\": \"2026-01-01T00:00:00.000Z\", \"actor\": \"A\", \"action\": \"set\","
    " \"object\": \"metadata\", \"field\": \"title\", \"old\": null, \"new\": \"x\","
    " \"prev\": \"0000000000000000000000000000000000000000000000000000000000000000\","
    " \"hash\": \"ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff\"}]}\n";
  g_autofree char *path = g_build_filename (tmp_dir, "broken-chain.preflight", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PfWindow *window;
  AdwMessageDialog *dialog;
  GtkWidget *chain_row;

  g_assert_true (g_file_set_contents (path, broken, -1, NULL));
  window = open_in_window (file);

  /* The user is told, with the entry; nothing is repaired. */
  ui_test_wait_until (ui_test_message_dialog_shown, NULL);
  dialog = ADW_MESSAGE_DIALOG (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "entry 1"));
  respond ("close");

  chain_row = ui_test_find_widget (GTK_WIDGET (window), "chain_row");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (chain_row)), "Broken at entry 1"));
  ui_test_wait_until (ui_test_stack_settled, ui_test_find_widget (GTK_WIDGET (window), "main_stack"));
  ui_test_screenshot (GTK_WIDGET (window), "overview-broken-chain");

  destroy_window (window);
}

static guint
count_action_rows (GtkWidget *root)
{
  guint n = ADW_IS_ACTION_ROW (root) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    n += count_action_rows (child);

  return n;
}

static GtkWidget *
find_row_titled (GtkWidget  *root,
                 const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row_titled (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static JsonNode *
answer_of (PfWindow   *window,
           const char *question)
{
  g_autofree char *object = g_strconcat ("answers/", question, NULL);

  return pf_document_get_value (pf_window_get_document (window), object, "value");
}

/* A question of every type answered on its phase page, as a user would,
 * reaches the project; undo comes back to the page. */
static void
test_phase_pages (void)
{
  PfWindow *window;
  PfDocument *document;
  GtkWidget *input;
  char *id = NULL;

  window = ui_test_new_project_window (app);
  document = pf_window_get_document (window);

  /* One line of text; the gate below lists one blocker fewer. */
  pf_window_show_page (window, "business-understanding");
  ui_test_spin ();
  {
    GtkWidget *gate = ui_test_find_named (GTK_WIDGET (window), "gate");
    guint before;

    g_assert_nonnull (gate);
    before = count_action_rows (gate);
    g_assert_cmpuint (before, >, 1);
    input = ui_test_find_named (GTK_WIDGET (window), "business-understanding.technical-criterion");
    gtk_editable_set_text (GTK_EDITABLE (input), "AUC ≥ 0.75");
    ui_test_spin ();
    g_assert_cmpuint (count_action_rows (gate), ==, before - 1);

    /* The sidebar counts it too: the first phase's progress. */
    g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (ui_test_find_named (GTK_WIDGET (window), "progress"))), "1/"));
  }
  input = ui_test_find_named (GTK_WIDGET (window), "business-understanding.technical-criterion");
  g_assert_true (GTK_IS_ENTRY (input));
  gtk_editable_set_text (GTK_EDITABLE (input), "AUC ≥ 0.8 on the hold-out quarter");
  g_assert_cmpstr (json_node_get_string (answer_of (window, "business-understanding.technical-criterion")), ==, "AUC ≥ 0.8 on the hold-out quarter");

  /* Several lines. */
  input = ui_test_find_named (GTK_WIDGET (window), "business-understanding.objective");
  g_assert_true (GTK_IS_TEXT_VIEW (input));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (input)), "Call likely leavers first.\nEvery Monday.", -1);
  g_assert_cmpstr (json_node_get_string (answer_of (window, "business-understanding.objective")), ==, "Call likely leavers first.\nEvery Monday.");

  /* A choice: its id is stored, not its label. */
  input = ui_test_find_named (GTK_WIDGET (window), "business-understanding.priority");
  g_assert_true (GTK_IS_DROP_DOWN (input));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (input), 1);
  g_assert_cmpstr (json_node_get_string (answer_of (window, "business-understanding.priority")), ==, "critical");

  /* Undo puts the page back. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (input)), ==, 0);

  /* A number, refused while it is not one. */
  {
    PfCatalog *catalog = pf_application_get_catalog (app);
    const char *types[] = { "number", "date", "yes-no", "reference" };

    for (guint t = 0; t < G_N_ELEMENTS (types); t++)
      {
        const PfQuestion *found = NULL;

        for (guint phase = 0; phase < PF_N_PHASES && found == NULL; phase++)
          {
            GPtrArray *steps = pf_catalog_get_steps (catalog, phase);

            for (guint i = 0; i < steps->len && found == NULL; i++)
              {
                PfStep *step = g_ptr_array_index (steps, i);

                for (guint j = 0; j < step->questions->len && found == NULL; j++)
                  {
                    PfQuestion *question = g_ptr_array_index (step->questions, j);

                    if (g_str_equal (pf_question_type_to_string (question->type), types[t]))
                      found = question;
                  }
              }
          }
        g_assert_nonnull (found);
        pf_window_show_page (window, pf_phase_get_id (found->phase));
        input = ui_test_find_named (GTK_WIDGET (window), found->id);
        g_assert_nonnull (input);

        if (found->type == PF_QUESTION_NUMBER)
          {
            gtk_editable_set_text (GTK_EDITABLE (input), "0.8x");
            g_assert_null (answer_of (window, found->id));
            g_assert_true (gtk_widget_has_css_class (input, "error"));
            gtk_editable_set_text (GTK_EDITABLE (input), "0.8");
            g_assert_cmpfloat (json_node_get_double (answer_of (window, found->id)), ==, 0.8);
            g_assert_false (gtk_widget_has_css_class (input, "error"));
          }
        else if (found->type == PF_QUESTION_DATE)
          {
            gtk_editable_set_text (GTK_EDITABLE (input), "2026-02-30");
            g_assert_null (answer_of (window, found->id));
            gtk_editable_set_text (GTK_EDITABLE (input), "2026-12-01");
            g_assert_cmpstr (json_node_get_string (answer_of (window, found->id)), ==, "2026-12-01");
          }
        else if (found->type == PF_QUESTION_YES_NO)
          {
            GtkWidget *justification = gtk_widget_get_next_sibling (input);
            g_autofree char *object = g_strconcat ("answers/", found->id, NULL);

            gtk_drop_down_set_selected (GTK_DROP_DOWN (input), 1);
            g_assert_true (json_node_get_boolean (answer_of (window, found->id)));
            /* Not applicable counts only with a reason. */
            gtk_drop_down_set_selected (GTK_DROP_DOWN (input), 3);
            g_assert_true (gtk_widget_get_visible (justification));
            g_assert_null (pf_document_get_value (document, object, "not-applicable"));
            gtk_editable_set_text (GTK_EDITABLE (justification), "No personal data at all");
            g_assert_true (json_node_get_boolean (pf_document_get_value (document, object, "not-applicable")));
            g_assert_cmpstr (pf_document_get_string (document, object, "justification"), ==, "No personal data at all");
          }
        else
          {
            /* A reference lists the register's records as they come. */
            g_autoptr(GError) error = NULL;
            g_autofree char *record = NULL;

            id = pf_document_add_record (document, found->register_id, &error);
            g_assert_no_error (error);
            record = g_strconcat (found->register_id, "/", id, NULL);
            g_assert_true (pf_document_set_string (document, record, "name", "Henrik", &error) ||
                           pf_document_set_string (document, record, "title", "Henrik", &error));
            gtk_drop_down_set_selected (GTK_DROP_DOWN (input), 1);
            g_assert_cmpstr (json_node_get_string (answer_of (window, found->id)), ==, id);
            g_clear_pointer (&id, g_free);
          }
      }
  }

  /* Next and Back at the bottom of a phase walk the phases. */
  {
    GtkStack *stack = GTK_STACK (ui_test_find_widget (GTK_WIDGET (window), "page_stack"));

    pf_window_show_page (window, "data-understanding");
    g_signal_emit_by_name (ui_test_find_named (gtk_stack_get_visible_child (stack), "next"), "clicked");
    g_assert_cmpstr (pf_window_get_visible_page (window), ==, "data-preparation");
    g_signal_emit_by_name (ui_test_find_named (gtk_stack_get_visible_child (stack), "back"), "clicked");
    g_assert_cmpstr (pf_window_get_visible_page (window), ==, "data-understanding");
    pf_window_show_page (window, "deployment");
    g_assert_null (ui_test_find_named (gtk_stack_get_visible_child (stack), "next"));
  }

  ui_test_wait_until (ui_test_is_drawn, window);
  pf_window_show_page (window, "business-understanding");
  ui_test_screenshot (GTK_WIDGET (window), "phase-page");

  pf_document_set_modified (document, FALSE);
  destroy_window (window);
}

/* The business question is recorded, then changed only with a reason, and
 * every version stays in its history. */
static void
test_business_question (void)
{
  PfWindow *window;
  PfDocument *document;
  AdwMessageDialog *dialog;
  GtkWidget *history;

  window = ui_test_new_project_window (app);
  document = pf_window_get_document (window);
  pf_window_show_page (window, "business-understanding");
  ui_test_spin ();

  history = ui_test_find_named (GTK_WIDGET (window), "business-question-history");
  g_assert_false (gtk_widget_get_visible (history));

  /* The gate waits for it; its row leads to the button that records it. */
  {
    GtkWidget *gate = ui_test_find_named (GTK_WIDGET (window), "gate");
    GtkWidget *row = find_row_titled (gate, "Business question and success criterion");
    GtkWidget *button = ui_test_find_named (GTK_WIDGET (window), "change-business-question");

    g_assert_nonnull (row);
    gtk_window_present (GTK_WINDOW (window));
    ui_test_wait_until (ui_test_is_drawn, window);
    g_signal_emit_by_name (row, "activated");
    g_assert_true (gtk_widget_has_focus (button));
  }

  /* The first version needs no reason. */
  g_signal_emit_by_name (ui_test_find_named (GTK_WIDGET (window), "change-business-question"), "clicked");
  dialog = ADW_MESSAGE_DIALOG (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "change"));
  gtk_editable_set_text (GTK_EDITABLE (ui_test_find_named (GTK_WIDGET (dialog), "question")), "Who will cancel in 90 days?");
  gtk_editable_set_text (GTK_EDITABLE (ui_test_find_named (GTK_WIDGET (dialog), "criterion")), "Lift ≥ 3");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "change"));
  adw_message_dialog_response (dialog, "change");
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_test_spin ();
  g_assert_cmpstr (pf_document_get_business_question (document), ==, "Who will cancel in 90 days?");
  g_assert_cmpstr (pf_document_get_success_criterion (document), ==, "Lift ≥ 3");
  g_assert_true (gtk_widget_get_visible (history));
  g_assert_null (find_row_titled (ui_test_find_named (GTK_WIDGET (window), "gate"), "Business question and success criterion"));

  /* A change waits for its reason. */
  g_signal_emit_by_name (ui_test_find_named (GTK_WIDGET (window), "change-business-question"), "clicked");
  dialog = ADW_MESSAGE_DIALOG (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  gtk_editable_set_text (GTK_EDITABLE (ui_test_find_named (GTK_WIDGET (dialog), "question")), "Who will cancel in 60 days?");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "change"));
  ui_test_wait_until (ui_test_is_drawn, dialog);
  ui_test_screenshot (GTK_WIDGET (dialog), "business-question-change");
  gtk_editable_set_text (GTK_EDITABLE (ui_test_find_named (GTK_WIDGET (dialog), "reason")), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "change"));
  gtk_editable_set_text (GTK_EDITABLE (ui_test_find_named (GTK_WIDGET (dialog), "reason")), "Retention calls take 60 days now");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "change"));
  adw_message_dialog_response (dialog, "change");
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_test_spin ();
  g_assert_cmpstr (pf_document_get_business_question (document), ==, "Who will cancel in 60 days?");
  g_assert_cmpuint (json_array_get_length (pf_document_get_business_question_history (document)), ==, 2);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (history)), ==, "History: 2 versions");
  /* One row per version, plus the expander's own header row. */
  g_assert_cmpuint (count_action_rows (history), ==, 2 + 1);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (history), TRUE);
  ui_test_wait_until (ui_test_is_drawn, window);
  ui_test_screenshot (GTK_WIDGET (window), "business-question");

  /* Undo takes the change back, history and all. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  ui_test_spin ();
  g_assert_cmpstr (pf_document_get_business_question (document), ==, "Who will cancel in 90 days?");
  g_assert_cmpuint (count_action_rows (history), ==, 1 + 1);

  pf_document_set_modified (document, FALSE);
  destroy_window (window);
}

/* The toasts on show, newest last; one that is leaving still counts. */
static void
collect_toasts (GtkWidget *root,
                GPtrArray *toasts)
{
  if (g_str_equal (G_OBJECT_TYPE_NAME (root), "AdwToastWidget"))
    {
      g_ptr_array_add (toasts, root);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    collect_toasts (child, toasts);
}

static guint
count_toasts (PfWindow *window)
{
  g_autoptr(GPtrArray) toasts = g_ptr_array_new ();

  collect_toasts (GTK_WIDGET (window), toasts);
  return toasts->len;
}

static gboolean
has_one_toast (gpointer data)
{
  return count_toasts (data) == 1;
}

static gboolean
has_no_toast (gpointer data)
{
  return count_toasts (data) == 0;
}

/* The first label of a toast is its title, a button's label follows. */
static GtkWidget *
find_label (GtkWidget  *root,
            gboolean  (*match) (const char *text, gconstpointer data),
            gconstpointer data)
{
  if (GTK_IS_LABEL (root) && match (gtk_label_get_text (GTK_LABEL (root)), data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_text (const char    *text,
         gconstpointer  data)
{
  return g_strcmp0 (text, data) == 0;
}

static gboolean
has_prefix (const char    *text,
            gconstpointer  data)
{
  return g_str_has_prefix (text, data);
}

/* Whether a toast shows a title (or button) that is @text. */
static gboolean
toast_says (PfWindow   *window,
            const char *text)
{
  g_autoptr(GPtrArray) toasts = g_ptr_array_new ();

  collect_toasts (GTK_WIDGET (window), toasts);
  for (guint i = 0; i < toasts->len; i++)
    {
      if (find_label (g_ptr_array_index (toasts, i), is_text, text) != NULL)
        return TRUE;
    }

  return FALSE;
}

static gboolean
toast_starts_with (PfWindow   *window,
                   const char *prefix)
{
  g_autoptr(GPtrArray) toasts = g_ptr_array_new ();

  collect_toasts (GTK_WIDGET (window), toasts);
  for (guint i = 0; i < toasts->len; i++)
    {
      if (find_label (g_ptr_array_index (toasts, i), has_prefix, prefix) != NULL)
        return TRUE;
    }

  return FALSE;
}

static gboolean
name_toast_shown (gpointer window)
{
  return toast_starts_with (window, "Your changes are recorded as “");
}

/* Lets a toast finish sliding in before a screenshot. */
static void
wait_for_animations (void)
{
  ui_test_wait_ms (500);
}

static GtkWidget *
find_close_button (GtkWidget *root)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (root)), "window-close-symbolic") == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_close_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Closes the toast on show as its × button would. */
static void
close_toast (PfWindow *window)
{
  g_autoptr(GPtrArray) toasts = g_ptr_array_new ();
  GtkWidget *button;

  collect_toasts (GTK_WIDGET (window), toasts);
  g_assert_cmpuint (toasts->len, ==, 1);
  button = find_close_button (g_ptr_array_index (toasts, 0));
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  ui_test_wait_until (has_no_toast, window);
}

/* Undo and redo say what they took back or put back: the field may be out
 * of sight. One such toast at a time. */
static void
test_undo_toast (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  PfCatalog *catalog = pf_application_get_catalog (app);
  const char *ids[] = {
    "business-understanding.technical-criterion",
    "business-understanding.objective",
    "business-understanding.priority",
  };
  const PfQuestion *question;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  PfWindow *window;
  PfDocument *document;
  GtkWidget *input;

  g_settings_set_string (settings, "user-name", "Priya Raman");
  window = ui_test_new_project_window (app);
  document = pf_window_get_document (window);
  pf_window_show_page (window, "business-understanding");
  ui_test_spin ();
  ui_test_wait_until (has_no_toast, window);

  question = pf_catalog_find_question (catalog, ids[0]);
  g_assert_nonnull (question);
  undone = g_strdup_printf ("Undone: The answer to “%s”", question->text);
  redone = g_strdup_printf ("Redone: The answer to “%s”", question->text);

  input = ui_test_find_named (GTK_WIDGET (window), ids[0]);
  gtk_editable_set_text (GTK_EDITABLE (input), "AUC ≥ 0.8");
  g_assert_false (toast_starts_with (window, "Undone: "));

  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (input)), ==, "");
  g_assert_true (toast_says (window, undone));
  ui_test_wait_until (ui_test_is_drawn, window);
  wait_for_animations ();
  ui_test_screenshot (GTK_WIDGET (window), "undo-toast");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  wait_for_animations ();
  ui_test_screenshot (GTK_WIDGET (window), "undo-toast-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* Redo replaces the undo's toast rather than queueing behind it. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "redo", NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (input)), ==, "AUC ≥ 0.8");
  g_assert_true (toast_says (window, redone));
  ui_test_wait_until (has_one_toast, window);
  g_assert_true (toast_says (window, redone));
  g_assert_false (toast_says (window, undone));
  /* Nothing was left waiting behind it. */
  close_toast (window);
  wait_for_animations ();
  g_assert_cmpuint (count_toasts (window), ==, 0);

  /* A bulk edit is counted. */
  pf_document_begin_group (document);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) value = json_node_init_string (json_node_alloc (), i == 2 ? "critical" : "Monday");

      g_assert_true (pf_document_set_answer (document, ids[i], value, &error));
      g_assert_no_error (error);
    }
  pf_document_end_group (document);

  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  g_assert_true (toast_says (window, "Undone: 3 changes"));
  ui_test_wait_until (has_one_toast, window);
  /* Pressed again at once, the toast just shown says the new step. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "redo", NULL);
  g_assert_cmpuint (count_toasts (window), ==, 1);
  g_assert_true (toast_says (window, "Redone: 3 changes"));

  /* A record is named, also when undoing takes it away. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *id = pf_document_add_record (document, "risks", &error);

    g_assert_no_error (error);
    g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
    g_assert_null (pf_document_get_record (document, "risks", id));
    ui_test_wait_until (has_one_toast, window);
    g_assert_true (toast_starts_with (window, "Undone: Risk "));
    g_assert_false (toast_starts_with (window, "Undone: risks/"));
  }

  g_settings_reset (settings, "user-name");
  pf_document_set_modified (document, FALSE);
  destroy_window (window);
}

static GFile *
write_contents (const char *name,
                const char *contents)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return g_file_new_for_path (path);
}

/* Until a name is set, the audit trail records the account's: a project
 * window says so once per session and leads to the preferences. Runs
 * first, before any other window has said it. */
static void
test_name_toast (void)
{
  static const char newer[] =
    "{\"format\": \"preflight-project\", \"format-version\": 99,\n"
    " \"metadata\": {\"id\": \"1b0c6a2e-2a6f-4c39-8a55-7f3e6c2d9b10\", \"title\": \"From the future\"}}\n";
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GFile) named = write_project ("named.preflight");
  g_autoptr(GFile) read_only = write_contents ("newer.preflight", newer);
  g_autoptr(GFile) unnamed = write_project ("unnamed.preflight");
  g_autoptr(GFile) again = write_project ("again.preflight");
  const char *prefix = "Your changes are recorded as “";
  PfWindow *window;

  /* Not with a name set. */
  g_settings_set_string (settings, "user-name", "Priya Raman");
  window = open_in_window (named);
  ui_test_spin ();
  g_assert_false (toast_starts_with (window, prefix));
  destroy_window (window);

  /* Not in a project nobody can change here. */
  g_settings_set_string (settings, "user-name", "  ");
  window = open_in_window (read_only);
  g_assert_true (pf_document_get_read_only (pf_window_get_document (window)));
  ui_test_spin ();
  g_assert_false (toast_starts_with (window, prefix));
  destroy_window (window);

  /* Without a name, with the name used instead and a way to set one. */
  window = open_in_window (unnamed);
  ui_test_wait_until (name_toast_shown, window);
  g_assert_true (toast_says (window, "Set Name…"));
  ui_test_wait_until (ui_test_stack_settled, ui_test_find_widget (GTK_WIDGET (window), "main_stack"));
  wait_for_animations ();
  ui_test_screenshot (GTK_WIDGET (window), "name-toast");

  /* Setting the name takes it away. */
  g_settings_set_string (settings, "user-name", "Priya Raman");
  ui_test_wait_until (has_no_toast, window);
  destroy_window (window);

  /* Once a session is enough. */
  g_settings_reset (settings, "user-name");
  window = open_in_window (again);
  ui_test_spin ();
  g_assert_false (toast_starts_with (window, prefix));
  destroy_window (window);
}

static GtkWidget *
find_shortcut (GtkWidget  *root,
               const char *action_name)
{
  g_autofree char *name = NULL;

  if (GTK_IS_SHORTCUTS_SHORTCUT (root))
    {
      g_object_get (root, "action-name", &name, NULL);
      if (g_strcmp0 (name, action_name) == 0)
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_shortcut (child, action_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Ctrl+E is listed among the shortcuts and opens the export dialog;
 * closing it unused changes nothing. */
static void
test_export_shortcut (void)
{
  g_autoptr(GFile) file = write_project ("export.preflight");
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.export-report");
  PfWindow *window = open_in_window (file);
  GtkWindow *overlay;
  GtkWindow *dialog;
  GtkWidget *shortcut;

  g_assert_nonnull (accels);
  g_assert_cmpstr (accels[0], ==, "<Control>e");
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "export-report"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "export-report", NULL);
  ui_test_spin ();
  dialog = ui_test_find_toplevel (PF_TYPE_EXPORT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  ui_test_close_and_wait (dialog);
  g_assert_false (pf_document_get_modified (pf_window_get_document (window)));

  g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
  overlay = GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_nonnull (overlay);
  ui_test_wait_until (ui_test_is_drawn, overlay);
  shortcut = find_shortcut (GTK_WIDGET (overlay), "win.export-report");
  g_assert_nonnull (shortcut);
  ui_test_spin ();
  gtk_window_close (overlay);

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  ui_test_init (&argc, &argv);

  /* Inside this run's own folders, removed at exit. */
  tmp_dir = g_build_filename (g_get_user_cache_dir (), "projects", NULL);
  g_assert_cmpint (g_mkdir_with_parents (tmp_dir, 0700), ==, 0);

  app = pf_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  /* First: the offer to set a name is made once per session. */
  g_test_add_func ("/ui/document/name-toast", test_name_toast);
  g_test_add_func ("/ui/document/edit-undo-save", test_edit_undo_save);
  g_test_add_func ("/ui/document/close-asks", test_close_asks);
  g_test_add_func ("/ui/document/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/ui/document/drafts", test_drafts);
  g_test_add_func ("/ui/document/broken-chain", test_broken_chain_shown);
  g_test_add_func ("/ui/document/phase-pages", test_phase_pages);
  g_test_add_func ("/ui/document/business-question", test_business_question);
  g_test_add_func ("/ui/document/undo-toast", test_undo_toast);
  g_test_add_func ("/ui/document/export-shortcut", test_export_shortcut);

  ret = g_test_run ();

  g_object_unref (app);
  g_free (tmp_dir);

  return ret;
}
