/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "pf-application.h"
#include "pf-register-page.h"
#include "pf-scan-dialog.h"
#include "pf-scan-record.h"
#include "pf-window.h"
#include "ui-test-project.h"
#include "ui-test-util.h"

/* Scanning a dataset from the window as a user does: choose the file and the
 * target, scan, find the features with what was measured and a reviewer's
 * verdict kept; then cancel a scan of a larger file half-way and find the
 * project as it was. */

static PfApplication *app;
static char *tmp_dir;


/* 200 customers: `refund_issued` is the target in disguise, `email` holds
 * e-mail addresses. */
static char *
write_small_csv (void)
{
  g_autoptr(GString) csv = g_string_new ("customer_id,age,postcode,email,amount,refund_issued,churn\n");
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (tmp_dir, "customers.csv", NULL);

  for (guint i = 0; i < 200; i++)
    {
      gboolean churn = (i * 7919) % 10 < 3;

      g_string_append_printf (csv, "C%05u,%u,%u,person%u@example.org,%u.%02u,%d,%s\n",
                              i, 20 + (i * 37) % 50, 1000 + (i * 13) % 40, i,
                              (i * 4513) % 900, i % 100, churn, churn ? "yes" : "no");
    }
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, &error));
  g_assert_no_error (error);
  return path;
}

/* About 28 MB of the same columns per 500,000 rows, to scan slowly enough
 * to cancel. */
static char *
write_large_csv (guint n_rows)
{
  char *path = g_build_filename (tmp_dir, "customers-large.csv", NULL);
  FILE *file = g_fopen (path, "w");

  g_assert_nonnull (file);
  fputs ("customer_id,age,postcode,email,amount,refund_issued,churn\n", file);
  for (guint i = 0; i < n_rows; i++)
    {
      gboolean churn = (i * 7919u) % 10 < 3;

      fprintf (file, "C%07u,%u,%u,someone.%u@example.org,%u.%02u,%d,%s\n",
               i, 20 + (i * 37) % 50, 1000 + (i * 13) % 400, i,
               (i * 4513) % 900, i % 100, churn, churn ? "yes" : "no");
    }
  g_assert_cmpint (fclose (file), ==, 0);
  return path;
}

static PfScanDialog *
open_dialog (PfWindow *window)
{
  PfScanDialog *dialog;

  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "scan-dataset"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "scan-dataset", NULL);
  dialog = PF_SCAN_DIALOG (ui_test_find_toplevel (PF_TYPE_SCAN_DIALOG));
  g_assert_nonnull (dialog);
  ui_test_wait_until (ui_test_is_drawn, dialog);
  return dialog;
}

/* A screenshot of a step waits until the step is drawn. */
static void
wait_step_shown (PfScanDialog *dialog)
{
  GtkWidget *stack = ui_test_find_of_type (GTK_WIDGET (dialog), GTK_TYPE_STACK);

  ui_test_wait_until (ui_test_stack_settled, stack);
  ui_test_wait_until (ui_test_is_drawn, gtk_stack_get_visible_child (GTK_STACK (stack)));
}

static gboolean
columns_read (gpointer dialog)
{
  return pf_scan_dialog_get_columns (dialog) != NULL || pf_scan_dialog_get_error (dialog) != NULL;
}

typedef struct
{
  PfScanDialog *dialog;
  guint         n_columns;
} PeekQuery;

static gboolean
n_columns_is (gpointer data)
{
  PeekQuery *query = data;
  const char * const *columns = pf_scan_dialog_get_columns (query->dialog);

  return columns != NULL && g_strv_length ((char **)columns) == query->n_columns;
}

static gboolean
scan_ended (gpointer dialog)
{
  return !g_str_equal (pf_scan_dialog_get_step (dialog), PF_SCAN_DIALOG_STEP_PROGRESS);
}

/* Cancels as soon as the progress bar has moved, from the main loop the
 * way a click would. */
static gboolean
progress_moved_then_cancel (gpointer dialog)
{
  if (!g_str_equal (pf_scan_dialog_get_step (dialog), PF_SCAN_DIALOG_STEP_PROGRESS))
    return TRUE;
  if (pf_scan_dialog_get_bytes_shown (dialog) == 0)
    return FALSE;
  pf_scan_dialog_cancel (dialog);
  return TRUE;
}

static JsonObject *
find_feature (PfDocument *document,
              const char *name)
{
  JsonArray *records = pf_document_get_records (document, "features");

  for (guint i = 0; records != NULL && i < json_array_get_length (records); i++)
    {
      JsonObject *record = json_array_get_object_element (records, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (record, "name", NULL), name) == 0)
        return record;
    }
  return NULL;
}

static JsonObject *
feature_scan (JsonObject *feature)
{
  JsonNode *node = feature ? json_object_get_member (feature, "scan") : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static guint
n_records (PfDocument *document,
           const char *register_id)
{
  JsonArray *records = pf_document_get_records (document, register_id);

  return records ? json_array_get_length (records) : 0;
}

static char *
dup_register (PfDocument *document,
              const char *register_id)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);

  json_node_set_array (node, pf_document_get_records (document, register_id));
  return json_to_string (node, FALSE);
}

static gboolean
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (find_label (child, text))
      return TRUE;
  return FALSE;
}

/* Dismisses the toasts shown, by their close buttons (the last button of
 * each toast). */
static void
ui_test_close_toasts (GtkWidget *root)
{
  if (g_str_equal (gtk_widget_get_css_name (root), "toast"))
    {
      GtkWidget *close = NULL;

      for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_BUTTON (child))
          close = child;
      if (close != NULL)
        gtk_widget_activate (close);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    ui_test_close_toasts (child);
}

static gboolean
toast_shown (gpointer window)
{
  return find_label (window, "Scan recorded");
}

/* A cell of the Scan column marked as a suspect, on screen. */
static gboolean
find_suspect_cell (GtkWidget *root)
{
  if (gtk_widget_has_css_class (root, "pf-scan-suspect") && gtk_widget_get_mapped (root))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (find_suspect_cell (child))
      return TRUE;
  return FALSE;
}

static gboolean
suspect_shown (gpointer page)
{
  return find_suspect_cell (page);
}

static void
test_scan (void)
{
  PfWindow *window = ui_test_new_window_as (app, "Ada Lovelace");
  PfDocument *document = pf_window_get_document (window);
  g_autofree char *small = write_small_csv ();
  /* Large enough that the scan is still running when the test gets to
   * cancel it: under the sanitizers the main loop stalls for a second or
   * more while it draws, and the scan of 28 MB would be over. */
#ifdef __SANITIZE_ADDRESS__
  g_autofree char *large = write_large_csv (3000000);
#else
  g_autofree char *large = write_large_csv (500000);
#endif
  g_autoptr(GFile) small_file = g_file_new_for_path (small);
  g_autoptr(GFile) large_file = g_file_new_for_path (large);
  g_autofree char *feature_id = NULL;
  g_autofree char *object = NULL;
  g_autofree char *features_before = NULL;
  g_autofree char *features_after = NULL;
  const char * const *columns;
  PfScanDialog *dialog;
  JsonObject *scan;
  GtkWidget *stack, *page, *summary;

  /* A feature a reviewer already looked at. */
  feature_id = pf_document_add_record (document, "features", NULL);
  object = g_strconcat ("features/", feature_id, NULL);
  g_assert_true (pf_document_set_string (document, object, "name", "amount", NULL));
  g_assert_true (pf_document_set_string (document, object, "verdict", "keep", NULL));
  g_assert_true (pf_document_set_string (document, object, "rationale", "Known at the time of the order.", NULL));

  dialog = open_dialog (window);
  g_assert_cmpstr (pf_scan_dialog_get_step (dialog), ==, PF_SCAN_DIALOG_STEP_SETUP);
  g_assert_false (gtk_widget_get_sensitive (ui_test_find_named (GTK_WIDGET (dialog), "scan")));

  /* Step 1: the file, its columns, the target and a quasi-identifier. */
  pf_scan_dialog_set_file (dialog, small_file);
  ui_test_wait_until (columns_read, dialog);
  g_assert_null (pf_scan_dialog_get_error (dialog));
  columns = pf_scan_dialog_get_columns (dialog);
  g_assert_cmpuint (g_strv_length ((char **)columns), ==, 7);
  g_assert_cmpstr (columns[3], ==, "email");
  /* Another delimiter reads the header again: a semicolon makes it one column. */
  {
    AdwComboRow *delimiter = ADW_COMBO_ROW (ui_test_find_named (GTK_WIDGET (dialog), "delimiter"));
    PeekQuery query = { dialog, 1 };

    adw_combo_row_set_selected (delimiter, 2);
    ui_test_wait_until (n_columns_is, &query);
    query.n_columns = 7;
    adw_combo_row_set_selected (delimiter, 0);
    ui_test_wait_until (n_columns_is, &query);
    columns = pf_scan_dialog_get_columns (dialog);
  }
  g_assert_true (pf_scan_dialog_set_target (dialog, "churn"));
  g_assert_true (pf_scan_dialog_set_quasi_identifier (dialog, "age", TRUE));
  g_assert_true (pf_scan_dialog_set_quasi_identifier (dialog, "postcode", TRUE));
  g_assert_true (gtk_widget_get_sensitive (ui_test_find_named (GTK_WIDGET (dialog), "scan")));
  ui_test_wait_ms (300);
  ui_test_screenshot_light_and_dark (GTK_WIDGET (dialog), "scan-dialog-setup");

  /* Step 3: recorded, in one undo step, and summed up. */
  pf_scan_dialog_start (dialog);
  ui_test_wait_until (scan_ended, dialog);
  g_assert_null (pf_scan_dialog_get_error (dialog));
  g_assert_cmpstr (pf_scan_dialog_get_step (dialog), ==, PF_SCAN_DIALOG_STEP_DONE);
  g_assert_cmpuint (n_records (document, "dataset-scans"), ==, 1);
  ui_test_wait_until (toast_shown, window);
  wait_step_shown (dialog);
  ui_test_screenshot_light_and_dark (GTK_WIDGET (dialog), "scan-dialog-done");
  g_assert_true (find_label (GTK_WIDGET (dialog), "refund_issued"));

  /* Every column but the target is a feature with what was measured. */
  g_assert_cmpuint (n_records (document, "features"), ==, 6);
  g_assert_null (find_feature (document, "churn"));
  for (guint i = 0; columns[i] != NULL; i++)
    {
      if (g_str_equal (columns[i], "churn"))
        continue;
      scan = feature_scan (find_feature (document, columns[i]));
      g_assert_nonnull (scan);
      g_assert_cmpuint (json_object_get_size (scan), >, 0);
    }
  g_assert_true (pf_scan_evidence_is_suspect (feature_scan (find_feature (document, "refund_issued"))));
  g_assert_false (pf_scan_evidence_is_suspect (feature_scan (find_feature (document, "age"))));
  g_assert_true (pf_scan_evidence_is_personal (feature_scan (find_feature (document, "email"))));
  /* What the reviewer wrote stays. */
  g_assert_cmpstr (pf_document_get_string (document, object, "verdict"), ==, "keep");
  g_assert_cmpstr (pf_document_get_string (document, object, "rationale"), ==, "Known at the time of the order.");

  /* Show Features: the register, with the suspect highlighted. */
  {
    gpointer closed = dialog;

    g_object_add_weak_pointer (G_OBJECT (dialog), &closed);
    gtk_widget_activate (ui_test_find_named (GTK_WIDGET (dialog), "show-features"));
    ui_test_wait_until (ui_test_is_null, &closed);
  }
  g_assert_cmpstr (pf_window_get_visible_page (window), ==, "features");
  stack = ui_test_find_widget (GTK_WIDGET (window), "page_stack");
  page = gtk_stack_get_child_by_name (GTK_STACK (stack), "features");
  ui_test_wait_until (suspect_shown, page);
  ui_test_wait_ms (300);
  ui_test_screenshot_light_and_dark (GTK_WIDGET (window), "scan-features");

  /* The entry window shows the scan, read-only, and marks the suspect. */
  {
    JsonObject *feature = find_feature (document, "refund_issued");
    GtkWindow *details = pf_register_page_edit_record (PF_REGISTER_PAGE (page),
                                                       json_object_get_string_member (feature, "id"));
    GtkWidget *row;

    g_assert_nonnull (details);
    ui_test_wait_until (ui_test_is_drawn, details);
    row = ui_test_find_named (GTK_WIDGET (details), "scan");
    g_assert_true (ADW_IS_ACTION_ROW (row));
    g_assert_true (gtk_widget_get_visible (row));
    g_assert_true (gtk_widget_has_css_class (row, "pf-scan-suspect"));
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "AUC"));
    ui_test_screenshot_light_and_dark (GTK_WIDGET (details), "scan-feature-details");
    ui_test_close_and_wait (details);
  }

  /* Data Understanding sums up the latest scan. */
  g_assert_true (pf_window_show_page (window, "data-understanding"));
  stack = ui_test_find_widget (GTK_WIDGET (window), "page_stack");
  page = gtk_stack_get_child_by_name (GTK_STACK (stack), "data-understanding");
  summary = ui_test_find_named (page, "scan-summary");
  g_assert_nonnull (summary);
  ui_test_wait_until (ui_test_is_drawn, summary);
  g_assert_nonnull (ui_test_find_named (summary, "rows"));
  g_assert_nonnull (ui_test_find_named (summary, "target-balance"));
  g_assert_nonnull (ui_test_find_named (ui_test_find_named (page, "scan-privacy"), "k"));
  /* Without the toast, and down to the personal data. */
  ui_test_close_toasts (GTK_WIDGET (window));
  ui_test_wait_ms (300);
  ui_test_screenshot (GTK_WIDGET (window), "scan-data-understanding");

  /* A second scan, of a larger file, cancelled half-way: nothing recorded,
   * back to step 1. */
  features_before = dup_register (document, "features");
  dialog = open_dialog (window);
  pf_scan_dialog_set_file (dialog, large_file);
  ui_test_wait_until (columns_read, dialog);
  g_assert_true (pf_scan_dialog_set_target (dialog, "churn"));
  pf_scan_dialog_start (dialog);
  g_assert_cmpstr (pf_scan_dialog_get_step (dialog), ==, PF_SCAN_DIALOG_STEP_PROGRESS);
  ui_test_wait_until (progress_moved_then_cancel, dialog);
  g_assert_cmpuint (pf_scan_dialog_get_bytes_shown (dialog), >, 0);
  ui_test_wait_until (scan_ended, dialog);
  g_assert_cmpstr (pf_scan_dialog_get_step (dialog), ==, PF_SCAN_DIALOG_STEP_SETUP);
  g_assert_null (pf_scan_dialog_get_error (dialog));
  g_assert_cmpuint (n_records (document, "dataset-scans"), ==, 1);
  features_after = dup_register (document, "features");
  g_assert_cmpstr (features_after, ==, features_before);
  ui_test_close_and_wait (GTK_WINDOW (dialog));

  /* The first scan is one undo step: the record, the features it added and
   * the scan of the feature that was there go together. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  g_assert_cmpuint (n_records (document, "dataset-scans"), ==, 0);
  g_assert_cmpuint (n_records (document, "features"), ==, 1);
  scan = feature_scan (find_feature (document, "amount"));
  g_assert_true (scan == NULL || json_object_get_size (scan) == 0);
  g_assert_cmpstr (pf_document_get_string (document, object, "verdict"), ==, "keep");
  g_action_group_activate_action (G_ACTION_GROUP (window), "redo", NULL);
  g_assert_cmpuint (n_records (document, "dataset-scans"), ==, 1);
  g_assert_cmpuint (n_records (document, "features"), ==, 6);

  ui_test_destroy_window (window);
  g_unlink (small);
  g_unlink (large);
}

/* The progress step, for its screenshot: a large file, caught while it is
 * read, then cancelled. */
static gboolean
progress_moved (gpointer dialog)
{
  return !g_str_equal (pf_scan_dialog_get_step (dialog), PF_SCAN_DIALOG_STEP_PROGRESS) ||
         pf_scan_dialog_get_bytes_shown (dialog) > 0;
}

static void
test_progress_screenshot (void)
{
  PfWindow *window = ui_test_new_window_as (app, "Ada Lovelace");
  /* Four times the other: long enough to be caught at it. */
  g_autofree char *large = write_large_csv (2000000);
  g_autoptr(GFile) large_file = g_file_new_for_path (large);
  PfScanDialog *dialog = open_dialog (window);

  ui_test_screenshot (GTK_WIDGET (dialog), "scan-dialog-empty");
  pf_scan_dialog_set_file (dialog, large_file);
  ui_test_wait_until (columns_read, dialog);
  g_assert_true (pf_scan_dialog_set_target (dialog, "churn"));
  pf_scan_dialog_start (dialog);
  wait_step_shown (dialog);
  ui_test_wait_until (progress_moved, dialog);
  if (g_str_equal (pf_scan_dialog_get_step (dialog), PF_SCAN_DIALOG_STEP_PROGRESS))
    {
      ui_test_screenshot_light_and_dark (GTK_WIDGET (dialog), "scan-dialog-progress");
      pf_scan_dialog_cancel (dialog);
    }
  ui_test_wait_until (scan_ended, dialog);
  g_assert_cmpuint (n_records (pf_window_get_document (window), "dataset-scans"), <=, 1);

  ui_test_close_and_wait (GTK_WINDOW (dialog));
  ui_test_destroy_window (window);
  g_unlink (large);
}

/* A file that is not there: said in the dialog, nothing recorded. */
static void
test_error (void)
{
  PfWindow *window = ui_test_new_window_as (app, "Ada Lovelace");
  g_autofree char *path = g_build_filename (tmp_dir, "missing.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PfScanDialog *dialog = open_dialog (window);

  pf_scan_dialog_set_file (dialog, file);
  ui_test_wait_until (columns_read, dialog);
  g_assert_nonnull (pf_scan_dialog_get_error (dialog));
  g_assert_null (pf_scan_dialog_get_columns (dialog));
  g_assert_false (gtk_widget_get_sensitive (ui_test_find_named (GTK_WIDGET (dialog), "scan")));
  g_assert_true (gtk_widget_get_visible (ui_test_find_named (GTK_WIDGET (dialog), "error")));
  g_assert_cmpuint (n_records (pf_window_get_document (window), "dataset-scans"), ==, 0);

  ui_test_close_and_wait (GTK_WINDOW (dialog));
  ui_test_destroy_window (window);
}

/* A header without rows: the columns can be chosen, the scan says there is
 * nothing to scan, in the dialog, and records nothing. */
static void
test_no_rows (void)
{
  PfWindow *window = ui_test_new_window_as (app, "Ada Lovelace");
  g_autofree char *path = g_build_filename (tmp_dir, "header-only.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PfScanDialog *dialog;

  g_assert_true (g_file_set_contents (path, "id,amount,churn\n", -1, NULL));
  dialog = open_dialog (window);
  pf_scan_dialog_set_file (dialog, file);
  ui_test_wait_until (columns_read, dialog);
  g_assert_null (pf_scan_dialog_get_error (dialog));
  g_assert_true (pf_scan_dialog_set_target (dialog, "churn"));
  pf_scan_dialog_start (dialog);
  ui_test_wait_until (scan_ended, dialog);
  g_assert_cmpstr (pf_scan_dialog_get_step (dialog), ==, PF_SCAN_DIALOG_STEP_SETUP);
  g_assert_nonnull (pf_scan_dialog_get_error (dialog));
  g_assert_true (gtk_widget_get_visible (ui_test_find_named (GTK_WIDGET (dialog), "error")));
  g_assert_cmpuint (n_records (pf_window_get_document (window), "dataset-scans"), ==, 0);
  g_assert_cmpuint (n_records (pf_window_get_document (window), "features"), ==, 0);
  wait_step_shown (dialog);
  ui_test_screenshot (GTK_WIDGET (dialog), "scan-dialog-error");

  ui_test_close_and_wait (GTK_WINDOW (dialog));
  ui_test_destroy_window (window);
  g_unlink (path);
}

/* A label under @root, shown or not, whose text holds @text. */
static GtkLabel *
find_any_label (GtkWidget  *root,
                const char *text)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text))
    return GTK_LABEL (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *label = find_any_label (child, text);

      if (label != NULL)
        return label;
    }
  return NULL;
}

static gboolean
names_x_csv (gpointer group)
{
  return find_any_label (group, "x.csv") != NULL;
}

static gboolean
names_file (gpointer group)
{
  return find_any_label (group, "R&D <1>.csv") != NULL;
}

/* The row under @root titled @title. */
static AdwActionRow *
find_row_titled (GtkWidget  *root,
                 const char *title)
{
  if (ADW_IS_ACTION_ROW (root) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return ADW_ACTION_ROW (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      AdwActionRow *row = find_row_titled (child, title);

      if (row != NULL)
        return row;
    }
  return NULL;
}

/* A file, a column and a summary with & and <: shown as text, not parsed as
 * Pango markup (which shows nothing, and warns: fatal in tests). */
static void
test_markup (void)
{
  PfWindow *window = ui_test_new_window_as (app, "Ada Lovelace");
  PfDocument *document = pf_window_get_document (window);
  g_autofree char *path = g_build_filename (tmp_dir, "R&D <1>.csv", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GString) csv = g_string_new ("id,a&b<c,churn\n");
  PfScanDialog *dialog;
  AdwActionRow *row;
  GtkWidget *stack, *page, *group;
  GtkLabel *label;
  JsonObject *feature;

  /* a&b<c separates the target, and misses 1 value of 200 (0.5 %). */
  for (guint i = 0; i < 200; i++)
    {
      gboolean churn = (i * 7919) % 10 < 3;

      if (i == 7)
        g_string_append_printf (csv, "C%05u,,%s\n", i, churn ? "yes" : "no");
      else
        g_string_append_printf (csv, "C%05u,%u.%02u,%s\n", i, churn ? 50 + i % 7 : 1 + i % 5, i % 100,
                                churn ? "yes" : "no");
    }
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, NULL));
  file = g_file_new_for_path (path);

  dialog = open_dialog (window);
  pf_scan_dialog_set_file (dialog, file);
  ui_test_wait_until (columns_read, dialog);
  g_assert_null (pf_scan_dialog_get_error (dialog));
  /* The file's row: its subtitle, as shown. */
  row = find_row_titled (GTK_WIDGET (dialog), "File");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "R&D <1>.csv");
  g_assert_nonnull (find_any_label (GTK_WIDGET (row), "R&D <1>.csv"));
  /* The column's quasi-identifier row. */
  row = find_row_titled (GTK_WIDGET (dialog), "a&b<c");
  g_assert_nonnull (row);
  g_assert_nonnull (find_any_label (GTK_WIDGET (row), "a&b<c"));
  g_assert_true (pf_scan_dialog_set_target (dialog, "churn"));

  pf_scan_dialog_start (dialog);
  ui_test_wait_until (scan_ended, dialog);
  g_assert_null (pf_scan_dialog_get_error (dialog));
  g_assert_cmpstr (pf_scan_dialog_get_step (dialog), ==, PF_SCAN_DIALOG_STEP_DONE);
  wait_step_shown (dialog);

  /* The summary's title is the file's name. */
  group = ui_test_find_named (GTK_WIDGET (dialog), "summary");
  g_assert_nonnull (group);
  label = find_any_label (group, "R&D <1>.csv");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (label)));
  /* The suspect's row: its name and its summary. */
  group = ui_test_find_named (GTK_WIDGET (dialog), "suspects");
  row = find_row_titled (group, "a&b<c");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "< 1 % missing"));
  label = find_any_label (GTK_WIDGET (row), "a&b<c");
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_text (label), ==, "a&b<c");
  label = find_any_label (GTK_WIDGET (row), "< 1 % missing");
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_text (label), ==, adw_action_row_get_subtitle (row));
  ui_test_screenshot (GTK_WIDGET (dialog), "scan-dialog-markup");

  ui_test_close_and_wait (GTK_WINDOW (dialog));

  /* The feature's entry window: its scan summary, as shown. */
  g_assert_true (pf_window_show_page (window, "features"));
  stack = ui_test_find_widget (GTK_WIDGET (window), "page_stack");
  page = gtk_stack_get_child_by_name (GTK_STACK (stack), "features");
  ui_test_wait_until (ui_test_is_drawn, page);
  g_assert_true (find_label (page, "< 1 % missing"));
  feature = find_feature (document, "a&b<c");
  g_assert_nonnull (feature);
  {
    GtkWindow *details = pf_register_page_edit_record (PF_REGISTER_PAGE (page),
                                                       json_object_get_string_member (feature, "id"));

    g_assert_nonnull (details);
    ui_test_wait_until (ui_test_is_drawn, details);
    row = ADW_ACTION_ROW (ui_test_find_named (GTK_WIDGET (details), "scan"));
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "< 1 % missing"));
    label = find_any_label (GTK_WIDGET (row), "< 1 % missing");
    g_assert_nonnull (label);
    g_assert_true (g_str_has_prefix (gtk_label_get_text (label), "Decimal · < 1 % missing"));
    ui_test_close_and_wait (details);
  }

  /* Data Understanding: the summary's description names the file. */
  g_assert_true (pf_window_show_page (window, "data-understanding"));
  page = gtk_stack_get_child_by_name (GTK_STACK (stack), "data-understanding");
  group = ui_test_find_named (page, "scan-summary");
  ui_test_wait_until (ui_test_is_drawn, group);
  ui_test_wait_until (names_file, group);
  label = find_any_label (group, "R&D <1>.csv");
  g_assert_nonnull (label);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (label), "“R&D <1>.csv”, scanned "));
  g_assert_nonnull (find_any_label (ui_test_find_named (page, "scan-privacy"), "R&D <1>.csv"));

  ui_test_destroy_window (window);
  g_unlink (path);
}

/* A project file someone else wrote, with members of a scan's metrics and of
 * a feature's scan of other JSON types than expected: the pages that show
 * them neither crash nor warn (fatal in tests). */
static const char hostile_project[] =
  "{\"format\": \"preflight-project\", \"format-version\": 1, \"registers\": {"
  "\"features\": ["
  "{\"id\": \"feature-1\", \"name\": \"a\", \"scan\": {\"type\": 5, \"values\": \"many\", \"missing\": 1e300, "
  "\"leak\": {\"measure\": [], \"score\": \"high\"}, \"reasons\": [1, null, {}, \"separates\"], \"suspect\": \"yes\", "
  "\"personal-data\": [5, {}, \"email\"], \"pii-share\": {\"email\": \"all\"}, \"post-event-hint\": 3}},"
  "{\"id\": \"feature-2\", \"name\": \"b\", \"scan\": {\"type\": {}, \"values\": -1, \"distinct\": [], "
  "\"personal-data\": \"email\", \"after-prediction\": 1e300, \"suspect\": true}}],"
  "\"dataset-scans\": [{\"id\": \"scan-1\", \"file-name\": \"x.csv\", \"scanned-at\": \"2026-11-27T01:00:00Z\", "
  "\"rows\": 10, \"columns\": 2, \"metrics\": {\"duplicate-rows\": \"none\", \"classes\": [1, {\"value\": 2, "
  "\"count\": \"x\"}, {\"value\": \"yes\", \"count\": 9223372036854775807}, {\"value\": \"no\", \"count\": "
  "9223372036854775807}], \"problems\": {\"ragged-rows\": {\"count\": 1e300, \"lines\": [\"x\", {}, 2]}, "
  "\"stray-quote\": 7}, \"reidentification\": {\"k\": \"one\", \"threshold\": 1e300, \"rows-at-risk\": [], "
  "\"unique-rows\": -1, \"quasi-identifiers\": [3, null, \"a\"]}, \"columns\": [7, null, \"c\", "
  "{\"name\": 4, \"values\": \"1\", \"missing\": 1e300, \"distinct\": 1, \"personal-data\": [1, \"phone\"], "
  "\"pii-share\": {\"phone\": \"most\"}}, {\"name\": \"d\", \"values\": 1e300, \"missing\": 1e300, "
  "\"personal-data\": {}}]}}]}}";

static void
test_hostile_project (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (hostile_project, strlen (hostile_project));
  g_autoptr(GError) error = NULL;
  g_autoptr(PfDocument) document = pf_document_new_from_bytes (bytes, &error);
  PfWindow *window = pf_window_new (app);
  GtkWidget *stack, *page;

  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  pf_window_set_document (window, document);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_wait_until (ui_test_is_drawn, window);

  g_assert_true (pf_window_show_page (window, "features"));
  stack = ui_test_find_widget (GTK_WIDGET (window), "page_stack");
  page = gtk_stack_get_child_by_name (GTK_STACK (stack), "features");
  ui_test_wait_until (ui_test_is_drawn, page);
  ui_test_wait_ms (200);
  {
    GtkWindow *details = pf_register_page_edit_record (PF_REGISTER_PAGE (page), "feature-1");

    g_assert_nonnull (details);
    ui_test_wait_until (ui_test_is_drawn, details);
    ui_test_close_and_wait (details);
  }

  g_assert_true (pf_window_show_page (window, "data-understanding"));
  page = gtk_stack_get_child_by_name (GTK_STACK (stack), "data-understanding");
  ui_test_wait_until (ui_test_is_drawn, page);
  ui_test_wait_until (names_x_csv, ui_test_find_named (page, "scan-summary"));
  g_assert_nonnull (ui_test_find_named (ui_test_find_named (page, "scan-summary"), "rows"));
  ui_test_wait_ms (200);

  ui_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  ui_test_init (&argc, &argv);

  tmp_dir = g_build_filename (g_get_user_cache_dir (), "scan", NULL);
  g_assert_cmpint (g_mkdir_with_parents (tmp_dir, 0700), ==, 0);

  app = pf_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/ui/scan/scan-and-cancel", test_scan);
  g_test_add_func ("/ui/scan/progress", test_progress_screenshot);
  g_test_add_func ("/ui/scan/error", test_error);
  g_test_add_func ("/ui/scan/no-rows", test_no_rows);
  g_test_add_func ("/ui/scan/markup", test_markup);
  g_test_add_func ("/ui/scan/hostile-project", test_hostile_project);

  ret = g_test_run ();

  g_object_unref (app);
  g_free (tmp_dir);

  return ret;
}
