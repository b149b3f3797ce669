/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pf-application.h"
#include "pf-audit-list.h"
#include "pf-audit-page.h"
#include "pf-pages.h"
#include "pf-window.h"
#include "ui-test-project.h"
#include "ui-test-util.h"

/* The ML Test Score and Audit Trail pages, driven through their widgets
 * as a user drives them, and photographed in light and dark style. */

static PfApplication *app;
static char *tmp_dir;

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

static GtkWidget *
show_page (PfWindow   *window,
           const char *page_id)
{
  GtkStack *stack = GTK_STACK (ui_test_find_widget (GTK_WIDGET (window), "page_stack"));

  g_assert_true (pf_window_show_page (window, page_id));
  ui_test_wait_until (ui_test_stack_settled, stack);
  ui_test_wait_until (ui_test_stack_settled, ui_test_find_widget (GTK_WIDGET (window), "main_stack"));

  return gtk_stack_get_child_by_name (stack, page_id);
}

static void
after_paint_cb (GdkFrameClock *clock,
                guint         *n_paints)
{
  (*n_paints)++;
}

static gboolean
painted_twice (gpointer data)
{
  return *(guint *)data >= 2;
}

/* Waits until the window has drawn itself again, in its new style. */
static void
wait_for_repaint (PfWindow *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  guint n_paints = 0;
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &n_paints);

  gtk_widget_queue_draw (GTK_WIDGET (window));
  ui_test_wait_until (painted_twice, &n_paints);
  g_signal_handler_disconnect (clock, handler);
}

/* Light, then dark: the same window in both styles. */
static void
screenshots (PfWindow   *window,
             const char *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *dark = g_strconcat (name, "-dark", NULL);

  wait_for_repaint (window);
  ui_test_screenshot (GTK_WIDGET (window), name);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  wait_for_repaint (window);
  ui_test_screenshot (GTK_WIDGET (window), dark);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  wait_for_repaint (window);
}

/* Whether Tab, pressed again and again from where the focus is, reaches
 * @target or something inside it. */
static gboolean
tab_reaches (PfWindow  *window,
             GtkWidget *target)
{
  for (guint i = 0; i < 600; i++)
    {
      GtkWidget *focus;

      if (!gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD))
        continue;  /* past the last: the next Tab starts over */
      focus = gtk_root_get_focus (GTK_ROOT (window));
      if (focus != NULL && (focus == target || gtk_widget_is_ancestor (focus, target)))
        return TRUE;
    }

  return FALSE;
}

static void
set_level (GtkWidget  *page,
           const char *test_id,
           const char *level)
{
  g_autofree char *name = g_strconcat (test_id, ":", level, NULL);
  GtkWidget *button = ui_test_find_named (page, name);

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

  return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (ui_test_find_named (page, name)));
}

static const char *
section_value (GtkWidget  *page,
               const char *section_id)
{
  g_autofree char *name = g_strconcat ("section-", section_id, NULL);

  return gtk_label_get_text (GTK_LABEL (ui_test_find_named (ui_test_find_named (page, name), "value")));
}

static const char *
section_note (GtkWidget  *page,
              const char *name)
{
  const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (ui_test_find_named (page, name)));

  return subtitle ? subtitle : "";
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
  PfWindow *window = ui_test_new_project_window (app);
  PfDocument *document = pf_window_get_document (window);
  GtkWidget *page = show_page (window, "ml-test-score");
  GtkWidget *note;

  g_assert_nonnull (page);
  g_assert_cmpstr (label_text (page, "score_label"), ==, "0");
  /* The built-in catalog's sections have seven tests each. */
  g_assert_cmpstr (label_text (page, "maximum_label"), ==, "of 7");
  g_assert_cmpstr (label_text (page, "band_label"), ==, "Research Project");
  g_assert_true (level_shown (page, "data-1", "none"));
  /* All sections tie: none is singled out as the weakest. */
  g_assert_cmpstr (section_note (page, "section-model"), ==, "");

  /* One automated test: its section scores, the final score stays at the
   * weakest section's. */
  set_level (page, "data-1", "automated");
  g_assert_cmpstr (pf_document_get_string (document, "ml-test-score/data-1", "level"), ==, "automated");
  g_assert_cmpstr (section_value (page, "data"), ==, "1");
  g_assert_cmpstr (section_value (page, "model"), ==, "0");
  g_assert_cmpstr (label_text (page, "score_label"), ==, "0");
  g_assert_cmpstr (section_note (page, "section-data"), ==, "");
  g_assert_cmpstr (section_note (page, "section-model"), ==, "Lowest: sets the final score");

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
  note = ui_test_find_named (ui_test_find_named (page, "data-1"), "note");
  gtk_editable_set_text (GTK_EDITABLE (note), "Checked by the schema job in CI");
  g_assert_cmpstr (pf_document_get_string (document, "ml-test-score/data-1", "note"), ==,
                   "Checked by the schema job in CI");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (ui_test_find_named (page, "data-1")), TRUE);
  ui_test_wait_until (ui_test_is_drawn, note);


  screenshots (window, "ml-test-score");

  /* Every control is reached by Tab. */
  g_assert_true (tab_reaches (window, ui_test_find_named (page, "data-1:manual")));
  g_assert_true (tab_reaches (window, note));
  g_assert_true (tab_reaches (window, ui_test_find_named (page, "monitoring-7:automated")));

  ui_test_destroy_window (window);
}

static GListModel *
shown_entries (GtkWidget *page)
{
  return G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (ui_test_find_widget (page, "column_view"))));
}

/* Chooses @label in the drop-down @id, as a click in its list does. */
static void
choose (GtkWidget  *page,
        const char *id,
        const char *label)
{
  GtkDropDown *drop_down = GTK_DROP_DOWN (ui_test_find_widget (page, id));
  GListModel *labels = gtk_drop_down_get_model (drop_down);

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (labels, i);

      if (g_str_equal (gtk_string_object_get_string (item), label))
        {
          gtk_drop_down_set_selected (drop_down, i);
          return;
        }
    }

  g_error ("No “%s” in %s", label, id);
}

static gboolean
has_choice (GtkWidget  *page,
            const char *id,
            const char *label)
{
  GListModel *labels = gtk_drop_down_get_model (GTK_DROP_DOWN (ui_test_find_widget (page, id)));

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (labels, i);

      if (g_str_equal (gtk_string_object_get_string (item), label))
        return TRUE;
    }

  return FALSE;
}

static const char *
selected_choice (GtkWidget  *page,
                 const char *id)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (ui_test_find_widget (page, id)));

  return item ? gtk_string_object_get_string (item) : NULL;
}

/* After "All …", the choices in the order of how they read. */
static gboolean
choices_sorted (GtkWidget  *page,
                const char *id)
{
  GListModel *labels = gtk_drop_down_get_model (GTK_DROP_DOWN (ui_test_find_widget (page, id)));

  for (guint i = 2; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(GtkStringObject) a = g_list_model_get_item (labels, i - 1);
      g_autoptr(GtkStringObject) b = g_list_model_get_item (labels, i);

      if (g_utf8_collate (gtk_string_object_get_string (a), gtk_string_object_get_string (b)) > 0)
        return FALSE;
    }

  return TRUE;
}

static guint
count_entries (PfDocument *document,
               const char *member,
               const char *value)
{
  JsonArray *audit = pf_document_get_audit (document);
  guint n = 0;

  for (guint i = 0; i < json_array_get_length (audit); i++)
    n += g_strcmp0 (pf_audit_entry_get_string (pf_audit_get_entry (audit, i), member), value) == 0;

  return n;
}

static PfAuditItem *
shown_entry (GtkWidget *page,
             guint      position)
{
  PfAuditItem *item = g_list_model_get_item (shown_entries (page), position);

  g_object_unref (item);
  return item;
}

static void
test_audit_page (void)
{
  PfWindow *window = ui_test_new_project_window (app);
  PfDocument *document = pf_window_get_document (window);
  g_autofree char *risk = NULL;
  g_autofree char *risk_object = NULL;
  g_autofree char *count = NULL;
  GtkWidget *page;
  guint total, n_grace;

  pf_document_set_actor (document, "Ada Lovelace");
  g_assert_true (pf_document_set_string (document, "metadata", "title", "Churn", NULL));
  risk = pf_document_add_record (document, "risks", NULL);
  risk_object = g_strconcat ("risks/", risk, NULL);
  g_assert_true (pf_document_set_string (document, risk_object, "title", "Data drift", NULL));
  pf_document_set_actor (document, "Grace Hopper");
  g_assert_true (pf_document_set_string (document, "metadata", "description", "Who leaves", NULL));
  g_assert_true (pf_document_set_string (document, risk_object, "owner", "Grace", NULL));

  page = show_page (window, "audit-trail");
  g_assert_nonnull (page);
  total = pf_document_get_audit_length (document);
  g_assert_cmpuint (g_list_model_get_n_items (shown_entries (page)), ==, total);
  count = g_strdup_printf ("%u of %u entries", total, total);
  g_assert_cmpstr (label_text (page, "count_label"), ==, count);
  g_clear_pointer (&count, g_free);

  /* Newest first, every edit listed. */
  g_assert_cmpstr (pf_audit_item_get_actor (shown_entry (page, 0)), ==, "Grace Hopper");
  g_assert_cmpstr (pf_audit_item_get_field (shown_entry (page, 0)), ==, "owner");
  g_assert_cmpint (pf_audit_item_get_seq (shown_entry (page, 0)), ==, total);
  g_assert_cmpstr (pf_audit_item_get_object (shown_entry (page, 2)), ==, risk_object);
  g_assert_cmpstr (pf_audit_item_get_detail (shown_entry (page, 2)), ==, "Data drift");

  /* By actor. */
  n_grace = count_entries (document, "actor", "Grace Hopper");
  g_assert_cmpuint (n_grace, ==, 2);
  choose (page, "actor_drop_down", "Grace Hopper");
  g_assert_cmpuint (g_list_model_get_n_items (shown_entries (page)), ==, n_grace);
  count = g_strdup_printf ("%u of %u entries", n_grace, total);
  g_assert_cmpstr (label_text (page, "count_label"), ==, count);
  g_clear_pointer (&count, g_free);

  /* New entries appear live, filtered like the rest. */
  g_assert_true (pf_document_set_string (document, risk_object, "mitigation", "Retrain monthly", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (shown_entries (page)), ==, n_grace + 1);
  g_assert_cmpstr (pf_audit_item_get_field (shown_entry (page, 0)), ==, "mitigation");
  pf_document_set_actor (document, "Linus");
  g_assert_true (pf_document_set_string (document, "metadata", "title", "Churn 2", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (shown_entries (page)), ==, n_grace + 1);
  total += 2;

  /* By object, then by action as well: the filters narrow together. */
  choose (page, "actor_drop_down", "All Actors");
  g_assert_cmpuint (g_list_model_get_n_items (shown_entries (page)), ==, total);
  /* Objects read as names, sorted, not as ids. */
  g_assert_true (has_choice (page, "object_drop_down", "Project details"));
  g_assert_false (has_choice (page, "object_drop_down", "metadata"));
  g_assert_false (has_choice (page, "object_drop_down", risk_object));
  g_assert_true (choices_sorted (page, "object_drop_down"));
  choose (page, "object_drop_down", "Risk “Data drift”");
  g_assert_cmpuint (g_list_model_get_n_items (shown_entries (page)), ==, 4);
  g_assert_cmpstr (pf_audit_item_get_object (shown_entry (page, 0)), ==, risk_object);
  choose (page, "action_drop_down", "Added");
  g_assert_cmpuint (g_list_model_get_n_items (shown_entries (page)), ==, 1);
  g_assert_cmpstr (pf_audit_item_get_action (shown_entry (page, 0)), ==, "add");
  choose (page, "actor_drop_down", "Linus");
  g_assert_cmpuint (g_list_model_get_n_items (shown_entries (page)), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (ui_test_find_widget (page, "list_stack"))), ==, "empty");
  choose (page, "actor_drop_down", "All Actors");
  choose (page, "action_drop_down", "All Actions");
  choose (page, "object_drop_down", "All Objects");
  g_assert_cmpuint (g_list_model_get_n_items (shown_entries (page)), ==, total);

  /* A renamed record is chosen by its new name, and stays chosen. */
  choose (page, "object_drop_down", "Risk “Data drift”");
  g_assert_true (pf_document_set_string (document, risk_object, "title", "Concept drift", NULL));
  total++;
  g_assert_false (has_choice (page, "object_drop_down", "Risk “Data drift”"));
  g_assert_cmpstr (selected_choice (page, "object_drop_down"), ==, "Risk “Concept drift”");
  g_assert_cmpuint (g_list_model_get_n_items (shown_entries (page)), ==, 5);
  g_assert_true (choices_sorted (page, "object_drop_down"));
  choose (page, "object_drop_down", "All Objects");
  g_assert_cmpuint (g_list_model_get_n_items (shown_entries (page)), ==, total);

  /* The search looks at every column, whatever the case. */
  gtk_editable_set_text (GTK_EDITABLE (ui_test_find_widget (page, "search_entry")), "RETRAIN");
  g_signal_emit_by_name (ui_test_find_widget (page, "search_entry"), "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (shown_entries (page)), ==, 1);
  /* By the object's name as the list shows it: every entry of the risk. */
  gtk_editable_set_text (GTK_EDITABLE (ui_test_find_widget (page, "search_entry")), "risk “concept");
  g_signal_emit_by_name (ui_test_find_widget (page, "search_entry"), "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (shown_entries (page)), ==, 5);
  gtk_editable_set_text (GTK_EDITABLE (ui_test_find_widget (page, "search_entry")), "");
  g_signal_emit_by_name (ui_test_find_widget (page, "search_entry"), "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (shown_entries (page)), ==, total);

  /* Undo is listed as well. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (shown_entries (page)), ==, total + 1);
  g_assert_cmpstr (pf_audit_item_get_action (shown_entry (page, 0)), ==, "undo");

  /* The filters, the list and the copy button are reached by Tab. */
  g_assert_true (tab_reaches (window, ui_test_find_widget (page, "copy_head_button")));
  g_assert_true (tab_reaches (window, ui_test_find_widget (page, "search_entry")));
  g_assert_true (tab_reaches (window, ui_test_find_widget (page, "actor_drop_down")));
  g_assert_true (tab_reaches (window, ui_test_find_widget (page, "action_drop_down")));
  g_assert_true (tab_reaches (window, ui_test_find_widget (page, "object_drop_down")));
  g_assert_true (tab_reaches (window, ui_test_find_widget (page, "column_view")));

  /* The chain's state, as on the Overview. */
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (ui_test_find_widget (page, "chain_row"))), "Intact"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (ui_test_find_widget (page, "head_row"))), ==,
                   pf_document_get_audit_head (document));

  ui_test_destroy_window (window);
}

static void
test_audit_page_broken_chain (void)
{
  static const char broken[] =
    "{\"format\": \"preflight-project\", \"format-version\": 1,\n"
    " \"audit\": [{\"seq\": 1, \"time\": \"2026-01-01T00:00:00.000Z\", \"actor\": \"A\", \"action\": \"set\","
    " \"object\": \"metadata\", \"field\": \"title\", \"old\": null, \"new\": \"x\","
    " \"prev\": \"0000000000000000000000000000000000000000000000000000000000000000\","
    " \"hash\": \"ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff\"}]}\n";
  g_autofree char *path = g_build_filename (tmp_dir, "broken-chain.preflight", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwMessageDialog *dialog;
  PfWindow *window;
  GtkWidget *page;

  g_assert_true (g_file_set_contents (path, broken, -1, NULL));
  window = open_in_window (file);
  ui_test_wait_until (ui_test_message_dialog_shown, NULL);
  dialog = ADW_MESSAGE_DIALOG (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));

  page = show_page (window, "audit-trail");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (ui_test_find_widget (page, "chain_row"))),
                            "Broken at entry 1"));
  /* The broken entry is still listed: nothing is repaired or hidden. */
  g_assert_cmpuint (g_list_model_get_n_items (shown_entries (page)), ==, 1);
  g_assert_cmpstr (pf_audit_item_get_actor (shown_entry (page, 0)), ==, "A");
  screenshots (window, "audit-trail-broken");

  ui_test_destroy_window (window);
}

/* The label of the "No." cell that shows entry @seq, if a row shows it. */
static GtkWidget *
find_seq_label (GtkWidget  *root,
                const char *seq)
{
  if (GTK_IS_LABEL (root) && g_str_equal (gtk_label_get_text (GTK_LABEL (root)), seq) &&
      (gtk_widget_has_css_class (root, "dim-label") || gtk_widget_has_css_class (root, "error")))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_seq_label (child, seq);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  PfDocument **document = user_data;
  g_autoptr(GError) error = NULL;

  *document = pf_document_load_finish (result, &error);
  g_assert_no_error (error);
}

static gboolean
is_set (gpointer pointer_location)
{
  return *(gpointer *)pointer_location != NULL;
}

/* The page is shown before the chain is verified: once it is, the rows
 * turn red with the chain's row, without scrolling or refiltering. */
static void
test_audit_page_verified_later (void)
{
  static const char broken[] =
    "{\"format\": \"preflight-project\", \"format-version\": 1,\n"
    " \"audit\": [{\"seq\": 1, \"time\": \"2026-01-01T00:00:00.000Z\", \"actor\": \"A\", \"action\": \"set\","
    " \"object\": \"metadata\", \"field\": \"title\", \"old\": null, \"new\": \"x\","
    " \"prev\": \"0000000000000000000000000000000000000000000000000000000000000000\","
    " \"hash\": \"ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff\"}]}\n";
  g_autofree char *path = g_build_filename (tmp_dir, "verified-later.preflight", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PfDocument) document = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = pf_audit_page_new ();
  GtkWidget *label;

  /* Loaded as a window loads it: the chain is verified afterwards. */
  g_assert_true (g_file_set_contents (path, broken, -1, NULL));
  pf_document_load_async (file, NULL, loaded_cb, &document);
  ui_test_wait_until (is_set, &document);
  g_assert_false (pf_document_get_audit_verified (document));
  pf_audit_page_set_document (PF_AUDIT_PAGE (page), document);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 600);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_wait_until (ui_test_is_drawn, ui_test_find_widget (page, "column_view"));

  label = find_seq_label (page, "1");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_has_css_class (label, "dim-label"));
  g_assert_false (gtk_widget_has_css_class (label, "error"));

  pf_document_verify_audit (document, NULL);
  g_assert_cmpuint (pf_document_get_audit_broken_at (document, NULL), ==, 1);
  g_assert_true (find_seq_label (page, "1") == label);
  g_assert_true (gtk_widget_has_css_class (label, "error"));
  g_assert_false (gtk_widget_has_css_class (label, "dim-label"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (ui_test_find_widget (page, "chain_row"))),
                            "Broken at entry 1"));

  ui_test_close_and_wait (GTK_WINDOW (window));
}

static gboolean
document_is (gpointer data)
{
  PfWindow *window = data;
  PfDocument *document = pf_window_get_document (window);

  return document != NULL && pf_document_get_audit_length (document) > 10;
}

static void
test_audit_page_sample (void)
{
  PfWindow *window = ui_test_new_project_window (app);
  GtkWidget *page;

  pf_window_open_resource (window, RESOURCE_BASE "/samples/churn.preflight");
  ui_test_wait_until (document_is, window);
  ui_test_wait_until (ui_test_is_drawn, window);
  page = show_page (window, "audit-trail");
  g_assert_cmpuint (g_list_model_get_n_items (shown_entries (page)), ==,
                    pf_document_get_audit_length (pf_window_get_document (window)));
  screenshots (window, "audit-trail");

  ui_test_destroy_window (window);
}

static gboolean
is_folded (gpointer leaflet)
{
  return adw_leaflet_get_folded (leaflet);
}

/* A narrow window folds the sidebar away: the audit page must not ask
 * for more width than the window has (its table scrolls sideways). */
static void
test_audit_page_narrow (void)
{
  PfWindow *window;
  GtkWidget *page;
  GtkWidget *leaflet;
  int page_min, window_min;

  g_action_group_activate_action (G_ACTION_GROUP (app), "new", NULL);
  window = ui_test_active_window (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 700);
  ui_test_wait_until (ui_test_has_document, window);
  ui_test_wait_until (ui_test_is_drawn, window);
  pf_window_open_resource (window, RESOURCE_BASE "/samples/churn.preflight");
  ui_test_wait_until (document_is, window);

  leaflet = ui_test_find_widget (GTK_WIDGET (window), "leaflet");
  page = show_page (window, "audit-trail");
  ui_test_wait_until (ui_test_is_drawn, ui_test_find_widget (page, "column_view"));

  gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, &page_min, NULL, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &window_min, NULL, NULL, NULL);
  g_test_message ("narrow window: %d px wide, at least %d; the audit page at least %d",
                  gtk_widget_get_width (GTK_WIDGET (window)), window_min, page_min);
  /* The window's own narrow test is 400 px wide. */
  g_assert_cmpint (page_min, <=, 360);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 600);
  screenshots (window, "audit-trail-narrow");

  /* Narrower still: the sidebar folds away, the page keeps the window. */
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 700);
  ui_test_wait_until (is_folded, leaflet);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 400);
  g_assert_true (gtk_widget_get_mapped (page));
  screenshots (window, "audit-trail-folded");

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  ui_test_destroy_window (window);
}

/* A project from a newer version is shown, not changed. */
static void
test_score_page_read_only (void)
{
  static const char newer[] =
    "{\"format\": \"preflight-project\", \"format-version\": 99,\n"
    " \"registers\": {\"ml-test-score\": [{\"id\": \"data-1\", \"level\": \"automated\", \"note\": \"CI\"}]}}\n";
  g_autofree char *path = g_build_filename (tmp_dir, "newer.preflight", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PfWindow *window;
  GtkWidget *page;

  g_assert_true (g_file_set_contents (path, newer, -1, NULL));
  window = open_in_window (file);
  g_assert_true (pf_document_get_read_only (pf_window_get_document (window)));

  page = show_page (window, "ml-test-score");
  g_assert_true (level_shown (page, "data-1", "automated"));
  g_assert_cmpstr (section_value (page, "data"), ==, "1");
  /* The levels stay reachable and readable, but the pointer passes
   * through them, and a key press is turned back. */
  g_assert_true (gtk_widget_get_sensitive (ui_test_find_named (page, "data-1:manual")));
  g_assert_false (gtk_widget_get_can_target (ui_test_find_named (page, "data-1:manual")));
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_parent (ui_test_find_named (page, "data-1:manual")), "pf-read-only"));
  g_assert_true (tab_reaches (window, ui_test_find_named (page, "data-1:automated")));
  /* As Space on the focused button does. */
  g_signal_emit_by_name (ui_test_find_named (page, "data-1:manual"), "clicked");
  g_assert_true (level_shown (page, "data-1", "automated"));
  g_assert_false (level_shown (page, "data-1", "manual"));
  g_assert_cmpstr (pf_document_get_string (pf_window_get_document (window), "ml-test-score/data-1", "level"), ==, "automated");
  g_signal_emit_by_name (ui_test_find_named (page, "data-1:none"), "clicked");
  g_assert_true (level_shown (page, "data-1", "automated"));
  g_assert_false (pf_document_get_modified (pf_window_get_document (window)));
  g_assert_cmpstr (section_value (page, "data"), ==, "1");
  screenshots (window, "ml-test-score-read-only");
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (ui_test_find_named (ui_test_find_named (page, "data-1"), "note"))));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_test_find_named (ui_test_find_named (page, "data-1"), "note"))), ==, "CI");

  ui_test_destroy_window (window);
}

/* Every page of the sidebar with the sample project, light and dark, to
 * judge the whole application at the size it is designed for. */
static void
test_every_page (void)
{
  PfWindow *window = ui_test_new_project_window (app);

  pf_window_open_resource (window, RESOURCE_BASE "/samples/churn.preflight");
  ui_test_wait_until (document_is, window);

  for (guint i = 0; i < pf_pages_get_n_pages (); i++)
    {
      const char *id = pf_page_info_get_id (pf_pages_get_page (i));
      g_autofree char *name = g_strconcat ("page-", id, NULL);

      show_page (window, id);
      g_assert_cmpstr (pf_window_get_visible_page (window), ==, id);
      screenshots (window, name);
    }

  ui_test_destroy_window (window);
}

/* The sanitizer build checks memory, not speed, and runs about ten times
 * slower: it gets smaller projects. */
#if defined(__SANITIZE_ADDRESS__)
#define N_LARGE_AUDIT   2000
#define N_KNOWN_OBJECTS 500
#define N_NEW_OBJECTS   200
#else
#define N_LARGE_AUDIT   20000
#define N_KNOWN_OBJECTS 5000
#define N_NEW_OBJECTS   2000
#endif

/* 20,000 entries: shown, filtered and searched without rebuilding rows. */
static void
test_audit_page_large (void)
{
  g_autoptr(PfDocument) document = pf_document_new ();
  PfWindow *window = ui_test_new_project_window (app);
  GtkWidget *page;
  gint64 start;
  double load_ms, filter_ms, search_ms, clear_ms;
  guint n;

  pf_document_make_new_project (document);
  for (guint i = 0; i < N_LARGE_AUDIT; i++)
    {
      g_autofree char *object = g_strdup_printf ("features/feature-%u", i % 500);

      pf_document_set_actor (document, i % 3 == 0 ? "Ada" : i % 3 == 1 ? "Grace" : "Linus");
      pf_document_record_event (document, i % 2 ? "export" : "import", object, "report.pdf");
    }
  n = pf_document_get_audit_length (document);
  g_assert_cmpuint (n, >=, N_LARGE_AUDIT);
  pf_window_set_document (window, document);

  start = g_get_monotonic_time ();
  page = show_page (window, "audit-trail");
  ui_test_wait_until (ui_test_is_drawn, ui_test_find_widget (page, "column_view"));
  load_ms = (g_get_monotonic_time () - start) / 1000.0;
  g_assert_cmpuint (g_list_model_get_n_items (shown_entries (page)), ==, n);

  start = g_get_monotonic_time ();
  choose (page, "actor_drop_down", "Grace");
  filter_ms = (g_get_monotonic_time () - start) / 1000.0;
  g_assert_cmpuint (g_list_model_get_n_items (shown_entries (page)), ==, count_entries (document, "actor", "Grace"));

  start = g_get_monotonic_time ();
  gtk_editable_set_text (GTK_EDITABLE (ui_test_find_widget (page, "search_entry")), "feature-42");
  g_signal_emit_by_name (ui_test_find_widget (page, "search_entry"), "search-changed");
  search_ms = (g_get_monotonic_time () - start) / 1000.0;
  g_assert_cmpuint (g_list_model_get_n_items (shown_entries (page)), >, 0);

  start = g_get_monotonic_time ();
  gtk_editable_set_text (GTK_EDITABLE (ui_test_find_widget (page, "search_entry")), "");
  g_signal_emit_by_name (ui_test_find_widget (page, "search_entry"), "search-changed");
  choose (page, "actor_drop_down", "All Actors");
  clear_ms = (g_get_monotonic_time () - start) / 1000.0;
  g_assert_cmpuint (g_list_model_get_n_items (shown_entries (page)), ==, n);

  g_test_message ("%u entries: shown in %.1f ms, filtered by actor in %.1f ms, "
                  "searched in %.1f ms, filters cleared in %.1f ms",
                  n, load_ms, filter_ms, search_ms, clear_ms);
  /* Reported, not asserted: the sanitizer build is ten times slower and
   * the machines are noisy. */

  ui_test_destroy_window (window);
}

/* Clearing a filter goes back to the newest entry, on top; a filter that
 * matches nothing says so. */
static void
test_audit_page_filter_scrolls_to_top (void)
{
  g_autoptr(PfDocument) document = pf_document_new ();
  PfWindow *window = ui_test_new_project_window (app);
  GtkWidget *page;
  GtkAdjustment *adjustment;

  pf_document_make_new_project (document);
  for (guint i = 0; i < 400; i++)
    {
      pf_document_set_actor (document, i % 2 ? "Ada" : "Grace");
      pf_document_record_event (document, "export", "metadata", "report.pdf");
    }
  pf_window_set_document (window, document);
  page = show_page (window, "audit-trail");
  ui_test_wait_until (ui_test_is_drawn, ui_test_find_widget (page, "column_view"));
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (ui_test_find_widget (page, "column_view")));

  choose (page, "actor_drop_down", "Grace");
  wait_for_repaint (window);
  gtk_adjustment_set_value (adjustment, (gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment)) / 2);
  wait_for_repaint (window);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);

  choose (page, "actor_drop_down", "All Actors");
  wait_for_repaint (window);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, gtk_adjustment_get_lower (adjustment));
  g_assert_cmpint (pf_audit_item_get_seq (shown_entry (page, 0)), ==, pf_document_get_audit_length (document));

  gtk_editable_set_text (GTK_EDITABLE (ui_test_find_widget (page, "search_entry")), "nothing like this");
  g_signal_emit_by_name (ui_test_find_widget (page, "search_entry"), "search-changed");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (ui_test_find_widget (page, "list_stack"))), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (ui_test_find_widget (page, "empty_page"))), ==,
                   "No Matching Entries");

  ui_test_destroy_window (window);
}

/* A bulk import into a long trail: each new object is a new choice of the
 * object filter, put in its sorted place as it arrives. */
static void
test_audit_page_new_values (void)
{
  g_autoptr(PfDocument) document = pf_document_new ();
  PfWindow *window = ui_test_new_project_window (app);
  GtkWidget *page;
  GListModel *objects;
  gint64 start;
  double add_ms;
  guint n_before;

  pf_document_make_new_project (document);
  pf_document_set_actor (document, "Ada");
  for (guint i = 0; i < N_KNOWN_OBJECTS; i++)
    {
      g_autofree char *object = g_strdup_printf ("features/feature-%u", i);

      pf_document_record_event (document, "import", object, "data.csv");
    }
  pf_window_set_document (window, document);
  page = show_page (window, "audit-trail");
  ui_test_wait_until (ui_test_is_drawn, ui_test_find_widget (page, "column_view"));
  objects = gtk_drop_down_get_model (GTK_DROP_DOWN (ui_test_find_widget (page, "object_drop_down")));
  n_before = g_list_model_get_n_items (objects);
  g_assert_cmpuint (n_before, >=, N_KNOWN_OBJECTS + 1);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < N_NEW_OBJECTS; i++)
    {
      g_autofree char *object = g_strdup_printf ("risks/risk-%u", i);

      pf_document_record_event (document, "import", object, "data.csv");
    }
  add_ms = (g_get_monotonic_time () - start) / 1000.0;

  /* Every new object is a choice, in its sorted place. */
  g_assert_cmpuint (g_list_model_get_n_items (objects), ==, n_before + N_NEW_OBJECTS);
  for (guint i = 2; i < g_list_model_get_n_items (objects); i++)
    {
      g_autoptr(GtkStringObject) a = g_list_model_get_item (objects, i - 1);
      g_autoptr(GtkStringObject) b = g_list_model_get_item (objects, i);

      g_assert_cmpint (g_utf8_collate (gtk_string_object_get_string (a), gtk_string_object_get_string (b)), <=, 0);
    }

  g_test_message ("%u new objects recorded against %u known ones in %.1f ms (%.3f ms each)",
                  N_NEW_OBJECTS, n_before - 1, add_ms, add_ms / N_NEW_OBJECTS);
  /* Reported, not asserted: the machines are too noisy for a time limit.
   * The linear insertion took 14 s in a plain build, the binary search
   * 2.5 s. */

  ui_test_destroy_window (window);
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
  /* Without a name, a toast offering to set one would cover the pages and
   * take the first place in the Tab order. */
  g_settings_set_string (settings, "user-name", "Priya Raman");

  app = pf_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/ui/pages/test-score", test_score_page);
  g_test_add_func ("/ui/pages/test-score-read-only", test_score_page_read_only);
  g_test_add_func ("/ui/pages/audit", test_audit_page);
  g_test_add_func ("/ui/pages/audit-broken-chain", test_audit_page_broken_chain);
  g_test_add_func ("/ui/pages/audit-sample", test_audit_page_sample);
  g_test_add_func ("/ui/pages/audit-verified-later", test_audit_page_verified_later);
  g_test_add_func ("/ui/pages/audit-large", test_audit_page_large);
  g_test_add_func ("/ui/pages/audit-new-values", test_audit_page_new_values);
  g_test_add_func ("/ui/pages/audit-filter-scrolls-to-top", test_audit_page_filter_scrolls_to_top);
  g_test_add_func ("/ui/pages/audit-narrow", test_audit_page_narrow);
  g_test_add_func ("/ui/pages/every-page", test_every_page);

  status = g_test_run ();
  g_clear_object (&app);
  g_clear_pointer (&tmp_dir, g_free);

  return status;
}
