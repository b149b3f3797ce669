/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pf-scan-dialog.h"
#include "pf-scan-record.h"
#include "pf-scan.h"

/* "Scan a Dataset": choose a CSV or TSV file and its columns, scan it in a
 * worker thread with a progress bar, and record the result in the project
 * in one undo step. The worker thread never touches a widget: it writes its
 * progress into the job under a lock, and a timer on the main context reads
 * it every 50 ms. */

#define PROGRESS_INTERVAL_MS 50

/* What a scan shares between its thread and the dialog. */
typedef struct
{
  GMutex   lock;
  guint64  bytes_read;
  guint64  bytes_total;
  guint64  rows;
} ScanProgress;

typedef struct
{
  GFile         *file;
  PfScanOptions  options;
  char          *target;
  char          *prediction_time;
  GStrv          quasi_ids;
  ScanProgress  *progress;    /* owned by the dialog's job, outlives the task */
} ScanJob;

typedef struct
{
  GFile        *file;
  PfCsvOptions  csv;
  char          delimiter;
  gboolean      has_header;
} PeekJob;

struct _PfScanDialog
{
  AdwWindow            parent_instance;

  /* Borrowed references */
  GtkStack            *stack;
  GtkWidget           *scan_button;
  GtkWidget           *cancel_button;     /* the header bar's: closes */
  AdwActionRow        *file_row;
  GtkWidget           *error_group;
  GtkLabel            *error_label;
  GtkWidget           *dialect_group;
  AdwComboRow         *delimiter_row;
  GtkSwitch           *header_switch;
  AdwActionRow        *header_row;
  GtkWidget           *columns_group;
  AdwComboRow         *target_row;
  AdwComboRow         *time_row;
  GtkSpinButton       *k_spin;
  AdwPreferencesGroup *qi_group;
  GPtrArray           *qi_rows;           /* AdwActionRow, each with its check button */
  GtkLabel            *progress_title;
  GtkProgressBar      *progress_bar;
  GtkLabel            *progress_label;
  AdwPreferencesPage  *done_page;
  GPtrArray           *done_groups;

  /* Owned references */
  PfDocument          *document;
  GFile               *file;
  GStrv                columns;
  GCancellable        *cancellable;       /* the peek or scan under way */
  ScanProgress        *progress;
  char                *error_message;

  guint                progress_source;
  guint64              bytes_shown;
  gint64               started;
  char                 detected_delimiter;
  gboolean             detected_header;
  /* Set while the dialog fills its rows from a peek. */
  guint                updating : 1;
  guint                scanning : 1;
  /* A peek or scan that ends after the window went has nothing to show. */
  guint                disposed : 1;
};

G_DEFINE_FINAL_TYPE (PfScanDialog, pf_scan_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum { RECORDED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* In the order of the delimiter row's choices; the first detects. */
static const char delimiters[] = { 0, ',', ';', '\t', '|' };

static void peek (PfScanDialog *self);

static ScanProgress *
scan_progress_new (void)
{
  ScanProgress *progress = g_atomic_rc_box_new0 (ScanProgress);

  g_mutex_init (&progress->lock);
  return progress;
}

static void
scan_progress_clear (ScanProgress *progress)
{
  g_mutex_clear (&progress->lock);
}

static void
scan_progress_unref (ScanProgress *progress)
{
  g_atomic_rc_box_release_full (progress, (GDestroyNotify)scan_progress_clear);
}

static void
scan_job_free (ScanJob *job)
{
  g_clear_object (&job->file);
  g_free (job->target);
  g_free (job->prediction_time);
  g_strfreev (job->quasi_ids);
  g_clear_pointer (&job->progress, scan_progress_unref);
  g_free (job);
}

static void
peek_job_free (PeekJob *job)
{
  g_clear_object (&job->file);
  g_free (job);
}

static void
show_error (PfScanDialog *self,
            const char   *message)
{
  g_free (self->error_message);
  self->error_message = g_strdup (message);
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (self->error_group, message != NULL);
}

static void
update_scan_button (PfScanDialog *self)
{
  gboolean ready = self->columns != NULL &&
                   adw_combo_row_get_selected (self->target_row) != GTK_INVALID_LIST_POSITION &&
                   !self->scanning &&
                   self->document != NULL && !pf_document_get_read_only (self->document);

  gtk_widget_set_sensitive (self->scan_button, ready);
}

static void
add_done_group (PfScanDialog        *self,
                AdwPreferencesGroup *group)
{
  adw_preferences_page_add (self->done_page, group);
  g_ptr_array_add (self->done_groups, group);
}

static AdwActionRow *
add_figure_row (AdwPreferencesGroup *group,
                const char          *title,
                const char          *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (group, row);
  return ADW_ACTION_ROW (row);
}

/* A figure on the right of its row, for the short ones. */
static void
add_value_row (AdwPreferencesGroup *group,
               const char          *title,
               const char          *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (label, "numeric");
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, value, -1);
  adw_preferences_group_add (group, row);
}

static char *
format_count (guint64 n)
{
  return g_strdup_printf ("%'" G_GUINT64_FORMAT, n);
}

static char *
format_lines (const PfScanResult *result,
              PfCsvProblem        problem)
{
  g_autoptr(GString) lines = g_string_new (NULL);
  guint n = MIN (result->n_problem_sites[problem], 5);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (lines, ", ");
      g_string_append_printf (lines, "%" G_GUINT64_FORMAT, result->problem_sites[problem][i].line);
    }
  if (result->problem_counts[problem] > n)
    g_string_append (lines, ", …");
  return g_string_free (g_steal_pointer (&lines), FALSE);
}

/* The summary of the scan just recorded. */
static void
show_summary (PfScanDialog       *self,
              const PfScanResult *result)
{
  AdwPreferencesGroup *group;
  g_autofree char *rows = format_count (result->n_rows);
  g_autofree char *columns = g_strdup_printf ("%u", result->n_columns);
  /* Translators: the time a scan took, in seconds. */
  g_autofree char *seconds = g_strdup_printf (_("%.2f s"), result->seconds);
  g_autofree char *size = g_format_size (result->n_bytes);
  g_autofree char *file_title = NULL;
  guint n_suspects = 0, n_personal = 0;

  for (guint i = 0; i < self->done_groups->len; i++)
    adw_preferences_page_remove (self->done_page, g_ptr_array_index (self->done_groups, i));
  g_ptr_array_set_size (self->done_groups, 0);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  /* A group's title is markup, without a switch in libadwaita 1.2: "R&D.csv" would show nothing. */
  file_title = g_markup_escape_text (result->file_name != NULL ? result->file_name : "", -1);
  adw_preferences_group_set_title (group, file_title);
  adw_preferences_group_set_description (group, _("Recorded in the project: the features carry what was measured "
                                                  "of their column, never a value of the data."));
  gtk_widget_set_name (GTK_WIDGET (group), "summary");
  add_value_row (group, _("Rows"), rows);
  add_value_row (group, _("Columns"), columns);
  add_value_row (group, _("Size"), size);
  add_value_row (group, _("Time taken"), seconds);
  {
    AdwActionRow *row = add_figure_row (group, _("SHA-256 checksum"), result->sha256);

    gtk_widget_add_css_class (GTK_WIDGET (row), "pf-scan-checksum");
    adw_action_row_set_subtitle_lines (row, 2);
  }
  add_done_group (self, group);

  /* Leakage suspects. */
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Leakage Suspects"));
  gtk_widget_set_name (GTK_WIDGET (group), "suspects");
  for (guint i = 0; i < result->n_columns; i++)
    {
      const PfScanColumn *column = &result->columns[i];
      g_autoptr(JsonNode) node = NULL;
      g_autofree char *text = NULL;
      AdwActionRow *row;
      GtkWidget *icon;

      if ((int)i == result->target_column || !pf_scan_column_is_suspect (column))
        continue;
      n_suspects++;
      node = pf_scan_column_to_json (result, i, FALSE);
      text = pf_scan_evidence_describe (json_node_get_object (node));
      row = add_figure_row (group, column->name, text);
      icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (icon, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Suspect"), -1);
      adw_action_row_add_prefix (row, icon);
    }
  if (n_suspects == 0)
    adw_preferences_group_set_description (group, _("No column separates the target suspiciously well."));
  add_done_group (self, group);

  /* Personal data. */
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Personal Data"));
  gtk_widget_set_name (GTK_WIDGET (group), "personal-data");
  for (guint i = 0; i < result->n_columns; i++)
    {
      const PfScanColumn *column = &result->columns[i];
      g_autoptr(JsonNode) node = NULL;
      g_autofree char *text = NULL;

      if (!column->personal_data)
        continue;
      n_personal++;
      node = pf_scan_column_to_json (result, i, FALSE);
      text = pf_scan_evidence_describe (json_node_get_object (node));
      add_figure_row (group, column->name, text);
    }
  if (n_personal == 0)
    adw_preferences_group_set_description (group, _("No column looks like personal data."));
  add_done_group (self, group);

  /* Re-identification. */
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Re-identification"));
  gtk_widget_set_name (GTK_WIDGET (group), "re-identification");
  if (result->n_quasi_ids == 0)
    adw_preferences_group_set_description (group, _("No quasi-identifier columns were chosen."));
  else
    {
      g_autofree char *k = format_count (result->k);
      g_autofree char *unique = format_count (result->n_unique_rows);
      g_autofree char *at_risk = format_count (result->n_rows_at_risk);
      /* Translators: %u is the threshold k, e.g. "Rows in groups smaller than 5". */
      g_autofree char *at_risk_title = g_strdup_printf (_("Rows in groups smaller than %u"), result->k_threshold);

      add_figure_row (group, _("Smallest group (k)"), k);
      add_figure_row (group, _("Unique rows"), unique);
      add_figure_row (group, at_risk_title, at_risk);
    }
  add_done_group (self, group);

  /* Data quality. */
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Data Quality"));
  gtk_widget_set_name (GTK_WIDGET (group), "data-quality");
  {
    static const struct { PfCsvProblem problem; const char *title; } problems[] = {
      { PF_CSV_PROBLEM_RAGGED_ROW, N_("Rows with a different number of fields") },
      { PF_CSV_PROBLEM_INVALID_UTF8, N_("Lines with bytes that are not UTF-8") },
      { PF_CSV_PROBLEM_STRAY_QUOTE, N_("Stray quotes") },
      { PF_CSV_PROBLEM_UNTERMINATED_QUOTE, N_("Unterminated quotes") },
    };
    g_autoptr(GString) constant = g_string_new (NULL);
    g_autoptr(GString) empty = g_string_new (NULL);
    g_autofree char *duplicates = format_count (result->n_duplicate_rows);

    for (guint i = 0; i < G_N_ELEMENTS (problems); i++)
      {
        g_autofree char *count = NULL;
        g_autofree char *lines = NULL;
        g_autofree char *text = NULL;

        if (result->problem_counts[problems[i].problem] == 0)
          continue;
        count = format_count (result->problem_counts[problems[i].problem]);
        lines = format_lines (result, problems[i].problem);
        /* Translators: a count of problems, then the first line numbers. */
        text = g_strdup_printf (_("%s, first on lines %s"), count, lines);
        add_figure_row (group, _(problems[i].title), text);
      }
    add_figure_row (group, _("Encoding"), pf_csv_encoding_describe (result->encoding));
    add_figure_row (group, _("Duplicate rows"), duplicates);

    for (guint i = 0; i < result->n_columns; i++)
      {
        const PfScanColumn *column = &result->columns[i];

        if (pf_scan_is_constant (column->n_values, column->n_distinct))
          g_string_append_printf (constant, "%s%s", constant->len ? ", " : "", column->name);
        else if (pf_scan_is_nearly_empty (column->n_values, column->n_missing))
          g_string_append_printf (empty, "%s%s", empty->len ? ", " : "", column->name);
      }
    add_figure_row (group, _("Constant columns"), constant->len ? constant->str : _("None"));
    add_figure_row (group, _("Nearly empty columns"), empty->len ? empty->str : _("None"));

    if (result->n_classes > 0)
      {
        g_autoptr(GString) balance = g_string_new (NULL);
        guint64 total = 0;

        for (guint i = 0; i < result->n_classes; i++)
          total += result->classes[i].count;
        for (guint i = 0; i < MIN (result->n_classes, 6); i++)
          g_string_append_printf (balance, "%s%s %.1f %%", i ? ", " : "",
                                  result->classes[i].value ? result->classes[i].value : "",
                                  total ? 100.0 * (double)result->classes[i].count / (double)total : 0.0);
        if (result->n_classes > 6)
          g_string_append (balance, ", …");
        add_figure_row (group, _("Target balance"), balance->str);
      }
  }
  add_done_group (self, group);
}

/* Scanning */

static void
scan_progress_cb (guint64  bytes_read,
                  guint64  bytes_total,
                  guint64  rows,
                  gpointer user_data)
{
  ScanProgress *progress = user_data;

  g_mutex_lock (&progress->lock);
  progress->bytes_read = bytes_read;
  progress->bytes_total = bytes_total;
  progress->rows = rows;
  g_mutex_unlock (&progress->lock);
}

static gboolean
progress_timeout_cb (gpointer user_data)
{
  PfScanDialog *self = user_data;
  guint64 bytes_read, bytes_total, rows;
  g_autofree char *read = NULL;
  g_autofree char *total = NULL;
  g_autofree char *count = NULL;
  g_autofree char *text = NULL;

  g_mutex_lock (&self->progress->lock);
  bytes_read = self->progress->bytes_read;
  bytes_total = self->progress->bytes_total;
  rows = self->progress->rows;
  g_mutex_unlock (&self->progress->lock);

  if (bytes_total == 0)
    {
      gtk_progress_bar_pulse (self->progress_bar);
      return G_SOURCE_CONTINUE;
    }

  self->bytes_shown = bytes_read;
  gtk_progress_bar_set_fraction (self->progress_bar, (double)bytes_read / (double)bytes_total);
  read = g_format_size (bytes_read);
  total = g_format_size (bytes_total);
  count = format_count (rows);
  /* Translators: the scan's progress, e.g. "120.0 MB of 257.0 MB · 480,000 rows". */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s · %s row", "%s of %s · %s rows", rows),
                          read, total, count);
  gtk_label_set_text (self->progress_label, text);

  return G_SOURCE_CONTINUE;
}

static void
scan_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ScanJob *job = task_data;
  GError *error = NULL;
  PfScanResult *result;

  result = pf_scan_file (job->file, &job->options, cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify)pf_scan_result_free);
}

static void
set_step (PfScanDialog *self,
          const char   *step)
{
  gtk_stack_set_visible_child_name (self->stack, step);
  gtk_widget_set_visible (self->scan_button, g_str_equal (step, PF_SCAN_DIALOG_STEP_SETUP));
  gtk_widget_set_visible (self->cancel_button, g_str_equal (step, PF_SCAN_DIALOG_STEP_SETUP));
}

static void
scan_done_cb (GObject      *object,
              GAsyncResult *res,
              gpointer      user_data)
{
  PfScanDialog *self = PF_SCAN_DIALOG (object);
  g_autoptr(PfScanResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *scan_id = NULL;
  guint n_added = 0, n_updated = 0;

  result = g_task_propagate_pointer (G_TASK (res), &error);

  self->scanning = FALSE;
  if (self->disposed)
    return;
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_object (&self->cancellable);

  if (result == NULL)
    {
      set_step (self, PF_SCAN_DIALOG_STEP_SETUP);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      update_scan_button (self);
      return;
    }

  if (self->document == NULL ||
      !(scan_id = pf_scan_record (self->document, result, &n_added, &n_updated, &error)))
    {
      set_step (self, PF_SCAN_DIALOG_STEP_SETUP);
      show_error (self, error ? error->message : _("The project is closed"));
      update_scan_button (self);
      return;
    }

  show_summary (self, result);
  set_step (self, PF_SCAN_DIALOG_STEP_DONE);
  g_signal_emit (self, signals[RECORDED], 0, n_added, n_updated, scan_id);
}

void
pf_scan_dialog_start (PfScanDialog *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) quasi_ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *basename = NULL;
  g_autofree char *title = NULL;
  ScanJob *job;
  guint target, time;

  g_return_if_fail (PF_IS_SCAN_DIALOG (self));

  if (!gtk_widget_get_sensitive (self->scan_button))
    return;

  target = adw_combo_row_get_selected (self->target_row);
  time = adw_combo_row_get_selected (self->time_row);
  for (guint i = 0; i < self->qi_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->qi_rows, i);
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "check");

      if (gtk_check_button_get_active (check))
        g_ptr_array_add (quasi_ids, g_strdup (self->columns[GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "index"))]));
    }
  g_ptr_array_add (quasi_ids, NULL);

  g_clear_pointer (&self->progress, scan_progress_unref);
  self->progress = scan_progress_new ();

  job = g_new0 (ScanJob, 1);
  job->file = g_object_ref (self->file);
  job->target = g_strdup (self->columns[target]);
  job->prediction_time = time > 0 && time != GTK_INVALID_LIST_POSITION ? g_strdup (self->columns[time - 1]) : NULL;
  job->quasi_ids = (GStrv)g_ptr_array_free (g_steal_pointer (&quasi_ids), FALSE);
  job->progress = g_atomic_rc_box_acquire (self->progress);
  job->options.csv.delimiter = self->detected_delimiter;
  job->options.csv.header = self->detected_header ? PF_CSV_HEADER_PRESENT : PF_CSV_HEADER_ABSENT;
  job->options.target = job->target;
  job->options.prediction_time = job->prediction_time;
  job->options.quasi_ids = job->quasi_ids[0] ? (const char * const *)job->quasi_ids : NULL;
  job->options.k_threshold = gtk_spin_button_get_value_as_int (self->k_spin);
  job->options.progress = scan_progress_cb;
  job->options.progress_data = job->progress;

  show_error (self, NULL);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_set_object (&self->cancellable, g_cancellable_new ());
  self->scanning = TRUE;
  self->bytes_shown = 0;
  update_scan_button (self);

  basename = g_file_get_basename (self->file);
  /* Translators: %s is a file name. */
  title = g_strdup_printf (_("Scanning “%s”"), basename);
  gtk_label_set_text (self->progress_title, title);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_label_set_text (self->progress_label, _("Starting…"));
  set_step (self, PF_SCAN_DIALOG_STEP_PROGRESS);
  self->progress_source = g_timeout_add (PROGRESS_INTERVAL_MS, progress_timeout_cb, self);

  task = g_task_new (self, self->cancellable, scan_done_cb, NULL);
  g_task_set_source_tag (task, pf_scan_dialog_start);
  g_task_set_task_data (task, job, (GDestroyNotify)scan_job_free);
  g_task_run_in_thread (task, scan_thread);
}

void
pf_scan_dialog_cancel (PfScanDialog *self)
{
  g_return_if_fail (PF_IS_SCAN_DIALOG (self));

  if (self->scanning && self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

/* Choosing the file and its columns */

static void
peek_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  PeekJob *job = task_data;
  GError *error = NULL;
  char **columns;

  columns = pf_scan_peek_columns (job->file, &job->csv, &job->delimiter, &job->has_header, cancellable, &error);
  if (columns == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, columns, (GDestroyNotify)g_strfreev);
}

static GtkStringList *
string_list_new (const char  *first,
                 char       **strings)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  if (first != NULL)
    gtk_string_list_append (list, first);
  for (guint i = 0; strings != NULL && strings[i] != NULL; i++)
    gtk_string_list_append (list, strings[i]);
  return list;
}

/* The column that most likely is the target: by its name, or the last. */
static guint
guess_target (char **columns)
{
  static const char * const names[] = { "target", "label", "class", "outcome", "y", NULL };
  guint n = g_strv_length (columns);

  for (guint j = 0; names[j] != NULL; j++)
    for (guint i = 0; i < n; i++)
      if (g_ascii_strcasecmp (columns[i], names[j]) == 0)
        return i;
  return n > 0 ? n - 1 : GTK_INVALID_LIST_POSITION;
}

static void
fill_columns (PfScanDialog *self)
{
  g_autoptr(GtkStringList) targets = string_list_new (NULL, self->columns);
  /* Translators: no prediction-time column. */
  g_autoptr(GtkStringList) times = string_list_new (C_("prediction time", "None"), self->columns);
  g_autofree char *subtitle = NULL;

  self->updating = TRUE;

  adw_combo_row_set_model (self->target_row, G_LIST_MODEL (targets));
  adw_combo_row_set_selected (self->target_row, guess_target (self->columns));
  adw_combo_row_set_model (self->time_row, G_LIST_MODEL (times));
  adw_combo_row_set_selected (self->time_row, 0);

  /* Translators: %s is a delimiter, e.g. "Comma". */
  subtitle = g_strdup_printf (_("Detected: %s"), pf_csv_delimiter_describe (self->detected_delimiter));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->delimiter_row), subtitle);
  gtk_switch_set_active (self->header_switch, self->detected_header);

  for (guint i = 0; i < self->qi_rows->len; i++)
    adw_preferences_group_remove (self->qi_group, g_ptr_array_index (self->qi_rows, i));
  g_ptr_array_set_size (self->qi_rows, 0);
  for (guint i = 0; self->columns[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), self->columns[i]);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, self->columns[i],
                                      -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data (G_OBJECT (row), "check", check);
      g_object_set_data (G_OBJECT (row), "index", GUINT_TO_POINTER (i));
      adw_preferences_group_add (self->qi_group, row);
      g_ptr_array_add (self->qi_rows, row);
    }

  gtk_widget_set_visible (self->dialect_group, TRUE);
  gtk_widget_set_visible (self->columns_group, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->qi_group), TRUE);
  self->updating = FALSE;
  update_scan_button (self);
}

static void
peek_done_cb (GObject      *object,
              GAsyncResult *res,
              gpointer      user_data)
{
  PfScanDialog *self = PF_SCAN_DIALOG (object);
  PeekJob *job = g_task_get_task_data (G_TASK (res));
  g_autoptr(GError) error = NULL;
  char **columns;

  columns = g_task_propagate_pointer (G_TASK (res), &error);
  if (self->disposed)
    {
      g_strfreev (columns);
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  if (columns == NULL)
    {
      g_clear_pointer (&self->columns, g_strfreev);
      gtk_widget_set_visible (self->dialect_group, FALSE);
      gtk_widget_set_visible (self->columns_group, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->qi_group), FALSE);
      show_error (self, error->message);
      update_scan_button (self);
      return;
    }

  g_strfreev (self->columns);
  self->columns = columns;
  self->detected_delimiter = job->delimiter;
  self->detected_header = job->has_header;
  show_error (self, NULL);
  fill_columns (self);
}

static void
peek (PfScanDialog *self)
{
  g_autoptr(GTask) task = NULL;
  PeekJob *job;
  guint delimiter = adw_combo_row_get_selected (self->delimiter_row);

  if (self->file == NULL || self->scanning)
    return;

  job = g_new0 (PeekJob, 1);
  job->file = g_object_ref (self->file);
  job->csv.delimiter = delimiter < G_N_ELEMENTS (delimiters) ? delimiters[delimiter] : 0;
  /* Once read, the header switch tells; a new file is detected afresh. */
  if (self->columns != NULL)
    job->csv.header = gtk_switch_get_active (self->header_switch) ? PF_CSV_HEADER_PRESENT : PF_CSV_HEADER_ABSENT;
  else
    job->csv.header = PF_CSV_HEADER_DETECT;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_set_object (&self->cancellable, g_cancellable_new ());

  task = g_task_new (self, self->cancellable, peek_done_cb, NULL);
  g_task_set_source_tag (task, peek);
  g_task_set_task_data (task, job, (GDestroyNotify)peek_job_free);
  g_task_run_in_thread (task, peek_thread);
}

void
pf_scan_dialog_set_file (PfScanDialog *self,
                         GFile        *file)
{
  g_autofree char *name = NULL;

  g_return_if_fail (PF_IS_SCAN_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->scanning)
    return;

  g_set_object (&self->file, file);
  g_clear_pointer (&self->columns, g_strfreev);
  name = g_file_get_basename (file);
  adw_action_row_set_subtitle (self->file_row, name);
  self->updating = TRUE;
  adw_combo_row_set_selected (self->delimiter_row, 0);
  self->updating = FALSE;
  update_scan_button (self);
  peek (self);
}

static void
dialect_changed_cb (PfScanDialog *self)
{
  if (!self->updating && self->columns != NULL)
    peek (self);
}

static void
target_changed_cb (PfScanDialog *self)
{
  update_scan_button (self);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     PfScanDialog    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        pf_scan_dialog_set_file (self, file);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
choose_file_cb (PfScanDialog *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Choose a Dataset"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("CSV and TSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_mime_type (filter, "text/tab-separated-values");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "tsv");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         PfScanDialog  *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || self->scanning)
    return FALSE;
  files = g_value_get_boxed (value);
  if (files == NULL)
    return FALSE;
  pf_scan_dialog_set_file (self, files->data);
  return TRUE;
}

static void
show_features_cb (PfScanDialog *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-page", "s", "features");
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  PfScanDialog *self = PF_SCAN_DIALOG (widget);

  if (self->scanning)
    pf_scan_dialog_cancel (self);
  else
    gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

/* Building the steps */

static GtkWidget *
build_setup_page (PfScanDialog *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group, *button, *row, *spin;
  const char *delimiter_labels[] = {
    C_("delimiter", "Auto"), C_("delimiter", "Comma"), C_("delimiter", "Semicolon"),
    C_("delimiter", "Tab"), C_("delimiter", "Bar"), NULL
  };
  g_autoptr(GtkStringList) delimiter_list = gtk_string_list_new (delimiter_labels);

  /* The file. */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("A CSV or TSV file, read once from start to end. "
                                           "The project keeps figures about its columns, never its values."));
  self->file_row = ADW_ACTION_ROW (adw_action_row_new ());
  /* Its subtitle is the file's name: text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->file_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row), _("File"));
  adw_action_row_set_subtitle (self->file_row, _("No file chosen: choose one or drop it here"));
  button = gtk_button_new_with_mnemonic (_("C_hoose…"));
  gtk_widget_set_name (button, "choose-file");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (choose_file_cb), self);
  adw_action_row_add_suffix (self->file_row, button);
  adw_action_row_set_activatable_widget (self->file_row, button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->file_row));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  /* What went wrong, in the dialog. */
  self->error_group = adw_preferences_group_new ();
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->error_label), "error");
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_label_set_selectable (self->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->error_group), GTK_WIDGET (self->error_label));
  gtk_widget_set_visible (self->error_group, FALSE);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (self->error_group));

  /* The dialect. */
  self->dialect_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->dialect_group), _("Format"));
  self->delimiter_row = ADW_COMBO_ROW (adw_combo_row_new ());
  gtk_widget_set_name (GTK_WIDGET (self->delimiter_row), "delimiter");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->delimiter_row), _("Delimiter"));
  adw_combo_row_set_model (self->delimiter_row, G_LIST_MODEL (delimiter_list));
  g_signal_connect_swapped (self->delimiter_row, "notify::selected", G_CALLBACK (dialect_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->dialect_group), GTK_WIDGET (self->delimiter_row));
  self->header_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->header_row), _("First row holds the column names"));
  self->header_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_name (GTK_WIDGET (self->header_switch), "header");
  gtk_widget_set_valign (GTK_WIDGET (self->header_switch), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->header_switch),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("First row holds the column names"),
                                  -1);
  g_signal_connect_swapped (self->header_switch, "notify::active", G_CALLBACK (dialect_changed_cb), self);
  adw_action_row_add_suffix (self->header_row, GTK_WIDGET (self->header_switch));
  adw_action_row_set_activatable_widget (self->header_row, GTK_WIDGET (self->header_switch));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->dialect_group), GTK_WIDGET (self->header_row));
  gtk_widget_set_visible (self->dialect_group, FALSE);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (self->dialect_group));

  /* The columns. */
  self->columns_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->columns_group), _("Columns"));
  self->target_row = ADW_COMBO_ROW (adw_combo_row_new ());
  gtk_widget_set_name (GTK_WIDGET (self->target_row), "target");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->target_row), _("Target column"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->target_row), _("What the model predicts"));
  g_signal_connect_swapped (self->target_row, "notify::selected", G_CALLBACK (target_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->columns_group), GTK_WIDGET (self->target_row));
  self->time_row = ADW_COMBO_ROW (adw_combo_row_new ());
  gtk_widget_set_name (GTK_WIDGET (self->time_row), "prediction-time");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->time_row), _("Prediction-time column"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->time_row),
                               _("When each prediction is made: later dates in other columns are suspect"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->columns_group), GTK_WIDGET (self->time_row));
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Smallest safe group size (k)"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Rows that share their quasi-identifiers with fewer rows are at risk"));
  spin = gtk_spin_button_new_with_range (2, 1000, 1);
  self->k_spin = GTK_SPIN_BUTTON (spin);
  gtk_widget_set_name (spin, "k-threshold");
  gtk_spin_button_set_value (self->k_spin, PF_SCAN_DEFAULT_K);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Smallest safe group size (k)"),
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->columns_group), row);
  gtk_widget_set_visible (self->columns_group, FALSE);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (self->columns_group));

  /* The quasi-identifiers. */
  self->qi_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  gtk_widget_set_name (GTK_WIDGET (self->qi_group), "quasi-identifiers");
  adw_preferences_group_set_title (self->qi_group, _("Quasi-identifiers"));
  adw_preferences_group_set_description (self->qi_group,
                                         _("Columns that together could single out a person, "
                                           "such as postcode, birth date and sex"));
  gtk_widget_set_visible (GTK_WIDGET (self->qi_group), FALSE);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->qi_group);

  return page;
}

static GtkWidget *
build_progress_page (PfScanDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *cancel;

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (box, 36);
  gtk_widget_set_margin_end (box, 36);

  self->progress_title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->progress_title, TRUE);
  gtk_label_set_justify (self->progress_title, GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->progress_title), "title-2");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->progress_title));

  self->progress_bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_widget_set_name (GTK_WIDGET (self->progress_bar), "progress");
  gtk_widget_set_margin_top (GTK_WIDGET (self->progress_bar), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Scan progress"),
                                  -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->progress_bar));

  self->progress_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->progress_label), "progress-text");
  gtk_widget_add_css_class (GTK_WIDGET (self->progress_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->progress_label), "numeric");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->progress_label));

  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_widget_set_name (cancel, "cancel-scan");
  gtk_widget_set_halign (cancel, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (cancel, 12);
  gtk_widget_add_css_class (cancel, "pill");
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (pf_scan_dialog_cancel), self);
  gtk_box_append (GTK_BOX (box), cancel);

  return box;
}

static GtkWidget *
build_done_page (PfScanDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *show, *close;

  self->done_page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->done_page), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->done_page));

  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_margin_start (buttons, 12);
  gtk_widget_set_margin_end (buttons, 12);
  gtk_widget_set_margin_top (buttons, 12);
  gtk_widget_set_margin_bottom (buttons, 12);
  close = gtk_button_new_with_mnemonic (_("_Close"));
  gtk_widget_set_name (close, "close");
  g_signal_connect_swapped (close, "clicked", G_CALLBACK (gtk_window_close), self);
  gtk_box_append (GTK_BOX (buttons), close);
  show = gtk_button_new_with_mnemonic (_("_Show Features"));
  gtk_widget_set_name (show, "show-features");
  gtk_widget_add_css_class (show, "suggested-action");
  g_signal_connect_swapped (show, "clicked", G_CALLBACK (show_features_cb), self);
  gtk_box_append (GTK_BOX (buttons), show);
  gtk_box_append (GTK_BOX (box), buttons);

  return box;
}

static void
pf_scan_dialog_dispose (GObject *object)
{
  PfScanDialog *self = PF_SCAN_DIALOG (object);

  self->disposed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);

  G_OBJECT_CLASS (pf_scan_dialog_parent_class)->dispose (object);
}

static void
pf_scan_dialog_finalize (GObject *object)
{
  PfScanDialog *self = PF_SCAN_DIALOG (object);

  g_clear_object (&self->document);
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->columns, g_strfreev);
  g_clear_pointer (&self->progress, scan_progress_unref);
  g_clear_pointer (&self->qi_rows, g_ptr_array_unref);
  g_clear_pointer (&self->done_groups, g_ptr_array_unref);
  g_free (self->error_message);

  G_OBJECT_CLASS (pf_scan_dialog_parent_class)->finalize (object);
}

/* Closing the window while it scans cancels the scan; nothing is recorded. */
static gboolean
pf_scan_dialog_close_request (GtkWindow *window)
{
  PfScanDialog *self = PF_SCAN_DIALOG (window);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (pf_scan_dialog_parent_class)->close_request (window);
}

static void
pf_scan_dialog_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PfScanDialog *self = PF_SCAN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_scan_dialog_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PfScanDialog *self = PF_SCAN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_set_object (&self->document, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_scan_dialog_class_init (PfScanDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = pf_scan_dialog_dispose;
  object_class->finalize = pf_scan_dialog_finalize;
  object_class->get_property = pf_scan_dialog_get_property;
  object_class->set_property = pf_scan_dialog_set_property;
  window_class->close_request = pf_scan_dialog_close_request;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         PF_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PfScanDialog::recorded:
   * @n_added: features added
   * @n_updated: features whose scan was updated
   * @scan_id: the dataset-scans record's id
   *
   * The scan was recorded in the document, in one undo step.
   */
  signals[RECORDED] =
    g_signal_new ("recorded",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_STRING);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
}

static void
pf_scan_dialog_init (PfScanDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *title = adw_window_title_new (_("Scan a Dataset"), NULL);
  GtkDropTarget *drop;

  self->qi_rows = g_ptr_array_new ();
  self->done_groups = g_ptr_array_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Scan a Dataset"));
  gtk_window_set_default_size (GTK_WINDOW (self), 600, 720);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_hide_on_close (GTK_WINDOW (self), FALSE);

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  self->cancel_button = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_widget_set_name (self->cancel_button, "cancel");
  g_signal_connect_swapped (self->cancel_button, "clicked", G_CALLBACK (gtk_window_close), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->cancel_button);
  self->scan_button = gtk_button_new_with_mnemonic (_("_Scan"));
  gtk_widget_set_name (self->scan_button, "scan");
  gtk_widget_add_css_class (self->scan_button, "suggested-action");
  g_signal_connect_swapped (self->scan_button, "clicked", G_CALLBACK (pf_scan_dialog_start), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->scan_button);
  gtk_box_append (GTK_BOX (box), header);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, build_setup_page (self), PF_SCAN_DIALOG_STEP_SETUP);
  gtk_stack_add_named (self->stack, build_progress_page (self), PF_SCAN_DIALOG_STEP_PROGRESS);
  gtk_stack_add_named (self->stack, build_done_page (self), PF_SCAN_DIALOG_STEP_DONE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  adw_window_set_content (ADW_WINDOW (self), box);

  gtk_window_set_default_widget (GTK_WINDOW (self), self->scan_button);
  gtk_widget_set_sensitive (self->scan_button, FALSE);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

GtkWidget *
pf_scan_dialog_new (GtkWindow  *parent,
                    PfDocument *document)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PF_IS_DOCUMENT (document), NULL);

  return g_object_new (PF_TYPE_SCAN_DIALOG,
                       "transient-for", parent,
                       "document", document,
                       NULL);
}

PfDocument *
pf_scan_dialog_get_document (PfScanDialog *self)
{
  g_return_val_if_fail (PF_IS_SCAN_DIALOG (self), NULL);

  return self->document;
}

const char * const *
pf_scan_dialog_get_columns (PfScanDialog *self)
{
  g_return_val_if_fail (PF_IS_SCAN_DIALOG (self), NULL);

  return (const char * const *)self->columns;
}

gboolean
pf_scan_dialog_set_target (PfScanDialog *self,
                           const char   *column)
{
  g_return_val_if_fail (PF_IS_SCAN_DIALOG (self), FALSE);

  for (guint i = 0; self->columns != NULL && self->columns[i] != NULL; i++)
    {
      if (g_str_equal (self->columns[i], column))
        {
          adw_combo_row_set_selected (self->target_row, i);
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
pf_scan_dialog_set_quasi_identifier (PfScanDialog *self,
                                     const char   *column,
                                     gboolean      chosen)
{
  g_return_val_if_fail (PF_IS_SCAN_DIALOG (self), FALSE);

  for (guint i = 0; i < self->qi_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->qi_rows, i);

      if (g_str_equal (self->columns[GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "index"))], column))
        {
          gtk_check_button_set_active (g_object_get_data (G_OBJECT (row), "check"), chosen);
          return TRUE;
        }
    }
  return FALSE;
}

const char *
pf_scan_dialog_get_step (PfScanDialog *self)
{
  g_return_val_if_fail (PF_IS_SCAN_DIALOG (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

guint64
pf_scan_dialog_get_bytes_shown (PfScanDialog *self)
{
  g_return_val_if_fail (PF_IS_SCAN_DIALOG (self), 0);

  return self->bytes_shown;
}

const char *
pf_scan_dialog_get_error (PfScanDialog *self)
{
  g_return_val_if_fail (PF_IS_SCAN_DIALOG (self), NULL);

  return self->error_message;
}
