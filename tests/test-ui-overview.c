/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "pf-application.h"
#include "pf-export-dialog.h"
#include "pf-gate.h"
#include "pf-overview-page.h"
#include "pf-readiness.h"
#include "pf-sign-off-dialog.h"
#include "pf-window.h"
#include "ui-test-project.h"
#include "ui-test-util.h"

/* The Overview as a user meets it on the sample project: the verdict,
 * findings that lead to their fix, progress by phase kept current, and
 * the Export Report dialog down to the file it writes and the audit entry
 * it leaves. */

static PfApplication *app;
static char *tmp_dir;

static PfCatalog *
get_catalog (void)
{
  return pf_application_get_catalog (app);
}

/* A copy of the sample, so that nothing a test does can touch the one in
 * the source tree. */
static GFile *
copy_sample (const char *name)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "..", "data", "samples", "churn.preflight", NULL);
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (source, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static gboolean
audit_verified (gpointer window)
{
  return pf_document_get_audit_verified (pf_window_get_document (window));
}

static PfWindow *
open_sample (const char *name)
{
  g_autoptr(GFile) file = copy_sample (name);
  PfWindow *window;

  g_application_open (G_APPLICATION (app), &file, 1, "");
  window = ui_test_active_window (app);
  ui_test_wait_until (ui_test_has_document, window);
  ui_test_wait_until (ui_test_is_drawn, window);
  /* The chain's state is one of the rules: judged after it is checked. */
  ui_test_wait_until (audit_verified, window);
  ui_test_wait_until (ui_test_stack_settled, ui_test_find_widget (GTK_WIDGET (window), "main_stack"));
  ui_test_wait_until (ui_test_stack_settled, ui_test_find_widget (GTK_WIDGET (window), "page_stack"));
  ui_test_spin ();

  return window;
}

static GtkWidget *
get_overview (PfWindow *window)
{
  GtkStack *stack = GTK_STACK (ui_test_find_widget (GTK_WIDGET (window), "page_stack"));

  return gtk_stack_get_child_by_name (stack, "overview");
}

typedef struct
{
  GtkLabel   *label;
  const char *text;
} LabelText;

static gboolean
label_is (gpointer data)
{
  LabelText *awaited = data;

  return g_strcmp0 (gtk_label_get_text (awaited->label), awaited->text) == 0;
}

static guint
count_rows_named_like (GtkWidget  *root,
                       const char *prefix)
{
  guint n = 0;

  if (ADW_IS_ACTION_ROW (root) && g_str_has_prefix (gtk_widget_get_name (root), prefix))
    n++;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    n += count_rows_named_like (child, prefix);

  return n;
}

static GtkWidget *
find_first_row_named_like (GtkWidget  *root,
                           const char *prefix)
{
  if (ADW_IS_ACTION_ROW (root) && g_str_has_prefix (gtk_widget_get_name (root), prefix))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_first_row_named_like (child, prefix);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static guint
count_findings (const PfReadiness *readiness,
                PfSeverity         severity)
{
  guint n = 0;

  for (guint i = 0; i < readiness->findings->len; i++)
    n += ((PfFinding *)g_ptr_array_index (readiness->findings, i))->severity == severity;

  return n;
}

/* Scrolls the page so that the widget named @name is at the top. */
static void
scroll_to (GtkWidget  *page,
           const char *name)
{
  GtkWidget *scrolled = ui_test_find_of_type (page, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  double x, y;

  ui_test_spin ();
  g_assert_true (gtk_widget_translate_coordinates (ui_test_find_named (page, name), gtk_widget_get_first_child (content),
                                                   0, 0, &x, &y));
  gtk_adjustment_set_value (adjustment, y - 24);
  ui_test_spin ();
}

/* The verdict, the findings and the phases are those of a fresh
 * evaluation of the same project. */
static void
test_verdict (void)
{
  PfWindow *window = open_sample ("verdict.preflight");
  GtkWidget *overview = get_overview (window);
  g_autoptr(PfReadiness) readiness = pf_readiness_evaluate (get_catalog (), pf_window_get_document (window));
  static const char * const groups[] = { "blockers", "conditions", "warnings" };
  LabelText awaited = { NULL, pf_verdict_get_title (readiness->verdict) };
  GtkWidget *chart;

  g_assert_cmpstr (pf_window_get_visible_page (window), ==, "overview");
  awaited.label = GTK_LABEL (ui_test_find_named (overview, "verdict-label"));
  g_assert_nonnull (awaited.label);
  ui_test_wait_until (label_is, &awaited);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (awaited.label)));
  g_assert_cmpint (pf_overview_page_get_readiness (PF_OVERVIEW_PAGE (overview))->verdict, ==, readiness->verdict);
  g_assert_cmpuint (pf_overview_page_get_readiness (PF_OVERVIEW_PAGE (overview))->findings->len, ==, readiness->findings->len);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ui_test_find_named (overview, "verdict-summary"))), !=, "");
  g_assert_true (gtk_widget_has_css_class (ui_test_find_named (overview, "verdict"),
                                           readiness->verdict == PF_VERDICT_NOT_READY ? "not-ready" :
                                           readiness->verdict == PF_VERDICT_READY ? "ready" : "ready-with-conditions"));

  /* Each finding a row in its group, up to fifty and a row for the rest. */
  for (guint severity = 0; severity < G_N_ELEMENTS (groups); severity++)
    {
      GtkWidget *group = ui_test_find_named (overview, groups[severity]);
      guint n = count_findings (readiness, severity);

      g_assert_nonnull (group);
      g_assert_cmpint (gtk_widget_get_visible (group), ==, n > 0);
      g_assert_cmpuint (count_rows_named_like (group, "finding-"), ==, MIN (n, 50));
      g_assert_cmpint (ui_test_find_named (group, "more") != NULL, ==, n > 50);

      /* The rest on request. */
      if (n > 50)
        {
          adw_action_row_activate (ADW_ACTION_ROW (ui_test_find_named (group, "more")));
          g_assert_cmpuint (count_rows_named_like (group, "finding-"), ==, n);
          g_assert_null (ui_test_find_named (group, "more"));
        }
    }

  /* Six phases, each with its count of answers. */
  g_assert_cmpuint (count_rows_named_like (overview, "phase-"), ==, PF_N_PHASES);
  for (guint phase = 0; phase < PF_N_PHASES; phase++)
    {
      g_autofree char *name = g_strconcat ("phase-", pf_phase_get_id (phase), NULL);
      g_autofree char *count = g_strdup_printf ("%u of %u required", readiness->phases[phase].n_answered,
                                                readiness->phases[phase].n_required);
      GtkWidget *row = ui_test_find_named (overview, name);

      g_assert_nonnull (row);
      g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), count));
    }

  chart = ui_test_find_named (overview, "risk-chart");
  g_assert_nonnull (chart);
  g_assert_cmpint (gtk_widget_get_height (chart), >, 0);

  ui_test_screenshot_light_and_dark (GTK_WIDGET (window), "overview");
  scroll_to (overview, "phases");
  ui_test_screenshot_light_and_dark (GTK_WIDGET (window), "overview-progress");

  ui_test_destroy_window (window);
}

typedef struct
{
  PfWindow   *window;
  const char *page;
} PageShown;

static gboolean
page_is (gpointer data)
{
  PageShown *awaited = data;

  return g_strcmp0 (pf_window_get_visible_page (awaited->window), awaited->page) == 0;
}

/* A finding leads to where it is fixed; a phase to its page. */
static void
test_rows_navigate (void)
{
  PfWindow *window = open_sample ("navigate.preflight");
  GtkWidget *overview = get_overview (window);
  GtkWidget *row;
  PageShown awaited = { window, "data-preparation" };

  /* The sample is NOT READY once the rules are in: then its first
   * finding is a blocker whose fix is on another page or in the sign-off
   * dialog. */
  row = find_first_row_named_like (overview, "finding-");
  if (row != NULL && gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)))
    {
      GListModel *toplevels = gtk_window_get_toplevels ();
      guint n_windows = g_list_model_get_n_items (toplevels);
      GtkWindow *other;

      g_signal_emit_by_name (row, "activate");
      ui_test_spin ();
      if (g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)), "win.sign-off") == 0)
        {
          g_assert_cmpuint (g_list_model_get_n_items (toplevels), >, n_windows);
          other = GTK_WINDOW (ui_test_find_toplevel (PF_TYPE_SIGN_OFF_DIALOG));
          g_assert_nonnull (other);
          ui_test_close_and_wait (other);
        }
      else
        g_assert_cmpstr (pf_window_get_visible_page (window), !=, "overview");
      pf_window_show_page (window, "overview");
      ui_test_wait_until (ui_test_is_drawn, overview);
    }
  else
    g_test_message ("No finding to follow: the readiness rules are not merged yet");

  row = ui_test_find_named (overview, "phase-data-preparation");
  g_signal_emit_by_name (row, "activate");
  ui_test_wait_until (page_is, &awaited);

  ui_test_destroy_window (window);
}

static const PfQuestion *
find_unanswered_text_question (PfDocument *document)
{
  for (guint phase = 0; phase < PF_N_PHASES; phase++)
    {
      GPtrArray *steps = pf_catalog_get_steps (get_catalog (), phase);

      for (guint i = 0; i < steps->len; i++)
        {
          PfStep *step = g_ptr_array_index (steps, i);

          for (guint j = 0; j < step->questions->len; j++)
            {
              const PfQuestion *question = g_ptr_array_index (step->questions, j);

              if (question->required && question->type == PF_QUESTION_TEXT &&
                  !pf_question_is_answered (document, question))
                return question;
            }
        }
    }

  return NULL;
}

typedef struct
{
  GtkWidget  *row;
  const char *text;
} SubtitleHas;

static gboolean
subtitle_has (gpointer data)
{
  SubtitleHas *awaited = data;

  return strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (awaited->row)), awaited->text) != NULL;
}

/* Shown, the Overview follows edits once a burst of them is over; hidden,
 * it waits until it is shown. */
static void
test_follows_edits (void)
{
  PfWindow *window = open_sample ("follows.preflight");
  PfDocument *document = pf_window_get_document (window);
  GtkWidget *overview = get_overview (window);
  const PfQuestion *question = find_unanswered_text_question (document);
  g_autoptr(PfReadiness) before = pf_readiness_evaluate (get_catalog (), document);
  g_autoptr(PfReadiness) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *name = NULL;
  g_autofree char *old_count = NULL;
  g_autofree char *new_count = NULL;
  SubtitleHas awaited;
  gint64 until;

  g_assert_nonnull (question);
  name = g_strconcat ("phase-", pf_phase_get_id (question->phase), NULL);
  awaited.row = ui_test_find_named (overview, name);
  old_count = g_strdup_printf ("%u of %u required", before->phases[question->phase].n_answered,
                               before->phases[question->phase].n_required);
  awaited.text = old_count;
  ui_test_wait_until (subtitle_has, &awaited);

  /* Hidden: nothing is evaluated. */
  pf_window_show_page (window, "audit-trail");
  ui_test_wait_until (ui_test_stack_settled, ui_test_find_widget (GTK_WIDGET (window), "page_stack"));
  answer = json_node_init_string (json_node_alloc (), "Answered while the Overview was hidden");
  g_assert_true (pf_document_set_answer (document, question->id, answer, &error));
  g_assert_no_error (error);
  after = pf_readiness_evaluate (get_catalog (), document);
  new_count = g_strdup_printf ("%u of %u required", after->phases[question->phase].n_answered,
                               after->phases[question->phase].n_required);
  g_assert_cmpstr (old_count, !=, new_count);
  until = g_get_monotonic_time () + 400 * G_TIME_SPAN_MILLISECOND;
  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_true (subtitle_has (&awaited));

  /* Shown again: up to date before it is seen. */
  pf_window_show_page (window, "overview");
  awaited.text = new_count;
  g_assert_true (subtitle_has (&awaited));

  /* Shown: after the burst. */
  g_assert_true (pf_document_undo (document));
  awaited.text = old_count;
  ui_test_wait_until (subtitle_has, &awaited);

  ui_test_destroy_window (window);
}

static PfExportDialog *
open_export_dialog (PfWindow *window)
{
  PfExportDialog *dialog;

  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "export-report"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "export-report", NULL);
  ui_test_spin ();
  dialog = PF_EXPORT_DIALOG (ui_test_find_toplevel (PF_TYPE_EXPORT_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  ui_test_wait_until (ui_test_is_drawn, dialog);

  return dialog;
}

/* Escape is bound to closing the dialog. */
static void
press_escape (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  guint n = g_list_model_get_n_items (controllers);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      guint n_shortcuts;

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      n_shortcuts = g_list_model_get_n_items (G_LIST_MODEL (controller));
      for (guint j = 0; j < n_shortcuts; j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_str_equal (trigger, "Escape"))
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                           gtk_shortcut_get_arguments (shortcut)));
              return;
            }
        }
    }

  g_assert_not_reached ();
}

static void
close_with_escape (GtkWindow *window)
{
  gpointer pointer = window;

  g_object_add_weak_pointer (G_OBJECT (window), &pointer);
  press_escape (GTK_WIDGET (window));
  ui_test_wait_until (ui_test_is_null, &pointer);
}

/* Export… asks where, suggesting a name from the project's title. Not
 * in the sanitizer build: GTK 4.8's file chooser leaks what it reads of
 * the folders it shows (LeakSanitizer, inside GTK and GIO). */
#ifndef __SANITIZE_ADDRESS__
static gboolean
file_chooser_shown (gpointer unused)
{
  return ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

static void
check_file_chooser (PfWindow       *window,
                    PfExportDialog *dialog)
{
  GtkWindow *chooser;
  g_autofree char *title = NULL;
  g_autofree char *suggested = NULL;
  g_autofree char *current = NULL;

  g_signal_emit_by_name (ui_test_find_named (GTK_WIDGET (dialog), "export"), "clicked");
  ui_test_wait_until (file_chooser_shown, NULL);
  chooser = ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  title = pf_document_dup_display_name (pf_window_get_document (window));
  suggested = g_strdup_printf ("%s – readiness.json", title);
  current = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (current, ==, suggested);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  G_GNUC_END_IGNORE_DEPRECATIONS
  ui_test_spin ();
  g_assert_null (ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
  g_assert_false (pf_export_dialog_get_busy (dialog));
}
#endif

/* The dialog opens over the window, offers the paper size only for PDF,
 * and closes with Escape and with Cancel. */
static void
test_export_dialog (void)
{
  PfWindow *window = open_sample ("dialog.preflight");
  PfExportDialog *dialog = open_export_dialog (window);
  GtkWidget *paper = ui_test_find_named (GTK_WIDGET (dialog), "paper");
  GtkWidget *cancel;
  gpointer pointer;

  pf_export_dialog_set_format (dialog, PF_REPORT_PDF);
  g_assert_true (gtk_widget_get_visible (paper));
  ui_test_screenshot_light_and_dark (GTK_WIDGET (dialog), "export-dialog");
  for (guint format = PF_REPORT_HTML; format <= PF_REPORT_JSON; format++)
    {
      pf_export_dialog_set_format (dialog, format);
      g_assert_cmpint (pf_export_dialog_get_format (dialog), ==, format);
      g_assert_false (gtk_widget_get_visible (paper));
    }

#ifndef __SANITIZE_ADDRESS__
  check_file_chooser (window, dialog);
#endif

  close_with_escape (GTK_WINDOW (dialog));

  dialog = open_export_dialog (window);
  cancel = ui_test_find_named (GTK_WIDGET (dialog), "cancel");
  pointer = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &pointer);
  g_signal_emit_by_name (cancel, "clicked");
  ui_test_wait_until (ui_test_is_null, &pointer);

  g_assert_false (pf_document_get_modified (pf_window_get_document (window)));
  ui_test_destroy_window (window);
}

static gboolean
not_busy (gpointer dialog)
{
  return !pf_export_dialog_get_busy (dialog);
}

static void
close_message_dialog (void)
{
  GtkWindow *message;

  ui_test_wait_until (ui_test_message_dialog_shown, NULL);
  message = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (message);
  gtk_window_destroy (message);
  ui_test_spin ();
}

/* A failed export says why and damages nothing: not the project file,
 * which is refused as a target, and no audit entry is made. */
static void
test_export_fails_safely (void)
{
  PfWindow *window = open_sample ("fails.preflight");
  PfDocument *document = pf_window_get_document (window);
  GFile *project = pf_document_get_file (document);
  PfExportDialog *dialog = open_export_dialog (window);
  guint n_entries = pf_document_get_audit_length (document);
  g_autofree char *missing_dir = g_build_filename (tmp_dir, "no-such-folder", "report.json", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_dir);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_file_load_contents (project, NULL, &before, NULL, NULL, NULL));

  /* The project file is never a report's target. */
  pf_export_dialog_set_format (dialog, PF_REPORT_JSON);
  pf_export_dialog_export_to_file (dialog, project);
  g_assert_false (pf_export_dialog_get_busy (dialog));
  close_message_dialog ();

  /* A folder that is not there: the error, shown, and nothing written. */
  pf_export_dialog_export_to_file (dialog, missing);
  ui_test_wait_until (not_busy, dialog);
  close_message_dialog ();
  g_assert_false (g_file_query_exists (missing, NULL));

  g_assert_true (g_file_load_contents (project, NULL, &after, NULL, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (pf_document_get_audit_length (document), ==, n_entries);
  g_assert_false (pf_document_get_modified (document));

  ui_test_close_and_wait (GTK_WINDOW (dialog));
  ui_test_destroy_window (window);
}

static void
clipboard_read_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("");
}

static gboolean
is_set (gpointer pointer_location)
{
  return *(gpointer *)pointer_location != NULL;
}

static gboolean
shows_label (GtkWidget  *root,
             const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      if (shows_label (child, text))
        return TRUE;
    }

  return FALSE;
}

static gboolean
shows_exported_toast (gpointer window)
{
  return shows_label (GTK_WIDGET (window), "Report exported");
}

/* The window has grown to hold its content. */
static gboolean
fits (gpointer window)
{
  GtkWidget *content = adw_window_get_content (window);
  int natural;

  gtk_widget_measure (content, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (content), NULL, &natural, NULL, NULL);

  return gtk_widget_get_height (content) >= natural;
}

/* DEPENDS ON THE RENDERERS (app/report/pf-report-{json,markdown}.c): until
 * they are merged they refuse with G_IO_ERROR_NOT_SUPPORTED and this test
 * fails. An export replaces the file there was, adds one audit entry with
 * the anchor, and the anchor is one click from the clipboard. */
static void
test_export_writes_file (void)
{
  PfWindow *window = open_sample ("writes.preflight");
  PfDocument *document = pf_window_get_document (window);
  g_autofree char *head = g_strdup (pf_document_get_audit_head (document));
  guint n_entries = pf_document_get_audit_length (document);
  static const PfReportFormat formats[] = { PF_REPORT_JSON, PF_REPORT_MARKDOWN };
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      PfExportDialog *dialog = open_export_dialog (window);
      g_autofree char *name = g_strconcat ("report.", pf_report_format_get_extension (formats[i]), NULL);
      g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *contents = NULL;
      g_autofree char *copied = NULL;
      g_autofree char *settings_format = NULL;
      JsonArray *audit;
      JsonObject *entry;
      GtkStack *stack;

      g_assert_true (g_file_set_contents (path, "an older report", -1, NULL));
      pf_export_dialog_set_format (dialog, formats[i]);
      pf_export_dialog_export_to_file (dialog, file);
      ui_test_wait_until (not_busy, dialog);

      /* The window says so, with a way to open the file (a toast, maybe
       * after the one before it). */
      ui_test_wait_until (shows_exported_toast, window);
      g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "open-report"));

      g_assert_null (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
      stack = GTK_STACK (ui_test_find_widget (GTK_WIDGET (dialog), "stack"));
      g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "done");
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_cmpstr (contents, !=, "an older report");
      g_assert_cmpuint (strlen (contents), >, 0);

      /* One entry more, naming the file and the anchor. */
      g_assert_cmpuint (pf_document_get_audit_length (document), ==, n_entries + i + 1);
      audit = pf_document_get_audit (document);
      entry = json_array_get_object_element (audit, json_array_get_length (audit) - 1);
      g_assert_cmpstr (json_object_get_string_member (entry, "action"), ==, "export");
      g_assert_nonnull (strstr (json_object_get_string_member (entry, "new"), name));
      g_assert_nonnull (pf_export_dialog_get_anchor (dialog));
      if (i == 0)
        g_assert_cmpstr (pf_export_dialog_get_anchor (dialog), ==, head);
      g_assert_nonnull (strstr (json_object_get_string_member (entry, "new"), pf_export_dialog_get_anchor (dialog)));
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ui_test_find_named (GTK_WIDGET (dialog), "anchor"))),
                       ==, pf_export_dialog_get_anchor (dialog));
      if (i == 0)
        {
          ui_test_wait_until (ui_test_stack_settled, stack);
          ui_test_wait_until (fits, dialog);
          ui_test_screenshot_light_and_dark (GTK_WIDGET (dialog), "export-dialog-done");
        }

      g_signal_emit_by_name (ui_test_find_named (GTK_WIDGET (dialog), "copy-anchor"), "clicked");
      gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (dialog)), NULL, clipboard_read_cb, &copied);
      ui_test_wait_until (is_set, &copied);
      g_assert_cmpstr (copied, ==, pf_export_dialog_get_anchor (dialog));

      settings_format = g_settings_get_string (settings, "report-format");
      g_assert_cmpstr (settings_format, ==, i == 0 ? "json" : "md");

      ui_test_close_and_wait (GTK_WINDOW (dialog));
    }

  ui_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = NULL;
  int ret;

  ui_test_init (&argc, &argv);

  tmp_dir = g_build_filename (g_get_user_cache_dir (), "projects", NULL);
  g_assert_cmpint (g_mkdir_with_parents (tmp_dir, 0700), ==, 0);

  settings = g_settings_new (APP_ID);
  g_settings_set_int (settings, "window-width", 1280);
  g_settings_set_int (settings, "window-height", 800);
  g_settings_set_string (settings, "user-name", "Ada Lovelace");

  app = pf_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/ui/overview/verdict", test_verdict);
  g_test_add_func ("/ui/overview/rows-navigate", test_rows_navigate);
  g_test_add_func ("/ui/overview/follows-edits", test_follows_edits);
  g_test_add_func ("/ui/overview/export-dialog", test_export_dialog);
  g_test_add_func ("/ui/overview/export-fails-safely", test_export_fails_safely);
  g_test_add_func ("/ui/overview/export-writes-file", test_export_writes_file);

  ret = g_test_run ();

  g_object_unref (app);
  g_free (tmp_dir);

  return ret;
}
