/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pf-export-dialog.h"
#include "pf-readiness.h"

/* Exporting the readiness report: the format and paper size, where to
 * save it, then the export itself. The report is built from the project
 * on the main thread and rendered and written in a worker thread, so the
 * window stays usable; the file is replaced atomically, so a failed or
 * cancelled export leaves whatever was there. A finished export is an
 * entry in the audit trail, with the anchor (the audit trail's head hash)
 * the report prints. */

struct _PfExportDialog
{
  AdwWindow        parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkButton       *cancel_button;
  GtkButton       *export_button;
  GtkStack        *stack;
  AdwComboRow     *format_row;
  AdwComboRow     *paper_row;
  GtkSpinner      *spinner;
  GtkLabel        *exporting_label;
  GtkLabel        *done_label;
  GtkLabel        *anchor_label;
  GtkWidget       *copy_button;

  /* Owned references */
  PfCatalog       *catalog;
  PfDocument      *document;
  GSettings       *settings;
  GCancellable    *cancellable;   /* of the export under way */
  GtkFileChooserNative *chooser;
  GFile           *exported;      /* the last file written */
  char            *anchor;        /* its anchor */

  guint            disposed : 1;
};

G_DEFINE_FINAL_TYPE (PfExportDialog, pf_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  PfReport       *report;
  PfReportFormat  format;
  PfPaper         paper;
  GFile          *file;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_pointer (&job->report, pf_report_free);
  g_clear_object (&job->file);
  g_free (job);
}

/* The order of the format list: that of PfReportFormat. */
static const char * const format_ids[] = { "pdf", "html", "md", "json" };

static PfPaper
default_paper (void)
{
  g_autoptr(GtkPaperSize) size = gtk_paper_size_new (NULL);
  const char *name = gtk_paper_size_get_name (size);

  /* North America and the few others that use Letter. */
  if (g_str_has_prefix (name, "na_letter") || g_str_has_prefix (name, "na_legal"))
    return PF_PAPER_LETTER;

  return PF_PAPER_A4;
}

static void
update_paper_row (PfExportDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->paper_row),
                          pf_export_dialog_get_format (self) == PF_REPORT_PDF);
}

static void
format_changed_cb (PfExportDialog *self)
{
  update_paper_row (self);
}

static void
set_busy (PfExportDialog *self,
          gboolean        busy)
{
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), !busy);
  gtk_stack_set_visible_child_name (self->stack, busy ? "exporting" : "options");
}

static void
show_error (PfExportDialog *self,
            const char     *message)
{
  GtkWidget *dialog;

  /* Over the export dialog, which stays open for another try. */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Export the Report"), message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
remember_choices (PfExportDialog *self,
                  GFile          *file)
{
  g_autoptr(GFile) folder = g_file_get_parent (file);

  g_settings_set_string (self->settings, "report-format", format_ids[pf_export_dialog_get_format (self)]);
  g_settings_set_string (self->settings, "report-paper",
                         pf_export_dialog_get_paper (self) == PF_PAPER_LETTER ? "letter" : "a4");
  /* GSettings strings are UTF-8: a folder named otherwise is not remembered. */
  if (folder != NULL && g_file_peek_path (folder) != NULL && g_utf8_validate (g_file_peek_path (folder), -1, NULL))
    g_settings_set_string (self->settings, "report-folder", g_file_peek_path (folder));
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  if (!(bytes = pf_report_render (job->report, job->format, job->paper, cancellable, &error)) ||
      g_cancellable_set_error_if_cancelled (cancellable, &error) ||
      /* Written beside the target and renamed over it: whatever was there
       * stays until the new file is complete. */
      !g_file_replace_contents (job->file,
                                g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                NULL, FALSE, G_FILE_CREATE_NONE,
                                NULL, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
export_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  PfExportDialog *self = PF_EXPORT_DIALOG (object);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *done = NULL;

  g_clear_object (&self->cancellable);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (self->disposed)
        return;
      set_busy (self, FALSE);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_printerr ("%s: %s\n", g_file_peek_path (job->file) ? g_file_peek_path (job->file) : "report", error->message);
          show_error (self, error->message);
        }
      return;
    }

  g_set_object (&self->exported, job->file);
  g_free (self->anchor);
  self->anchor = g_strdup (job->report->anchor);

  /* The audit trail records what went out, and which history it vouches
   * for — also when the dialog was closed just as the file was written.
   * Not a change of content: only the trail grows. */
  name = g_file_get_basename (job->file);
  if (self->anchor != NULL)
    detail = g_strdup_printf ("%s %s anchor %s", format_ids[job->format], name, self->anchor);
  else
    detail = g_strdup_printf ("%s %s", format_ids[job->format], name);
  pf_document_record_event (self->document, "export", "report", detail);

  if (self->disposed)
    return;

  set_busy (self, FALSE);
  /* Translators: %s is the file name of the exported report. */
  done = g_strdup_printf (_("Saved as “%s”."), name);
  gtk_label_set_text (self->done_label, done);
  gtk_label_set_text (self->anchor_label,
                      self->anchor ? self->anchor : _("None: the audit trail has no entries yet"));
  gtk_widget_set_sensitive (self->copy_button, self->anchor != NULL);
  gtk_stack_set_visible_child_name (self->stack, "done");
  gtk_widget_set_visible (GTK_WIDGET (self->export_button), FALSE);
  gtk_button_set_label (self->cancel_button, _("_Close"));

  g_signal_emit (self, signals[EXPORTED], 0, job->file, self->anchor);
}

static void
chooser_response_cb (PfExportDialog       *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file != NULL)
    pf_export_dialog_export_to_file (self, file);
}

static char *
dup_suggested_name (PfExportDialog *self,
                    PfReportFormat  format)
{
  g_autofree char *title = pf_document_dup_display_name (self->document);

  g_strdelimit (title, G_DIR_SEPARATOR_S "\\:", '-');
  /* Translators: the suggested file name of an exported report; the first
   * %s is the project's title, the second the file extension. */
  return g_strdup_printf (_("%s – readiness.%s"), title, pf_report_format_get_extension (format));
}

static void
export_clicked_cb (PfExportDialog *self)
{
  PfReportFormat format = pf_export_dialog_get_format (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  g_autofree char *folder_path = NULL;

  if (self->chooser != NULL || self->cancellable != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Export Report"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  gtk_file_filter_set_name (filter, pf_report_format_get_title (format));
  gtk_file_filter_add_suffix (filter, pf_report_format_get_extension (format));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);

  folder_path = g_settings_get_string (self->settings, "report-folder");
  if (folder_path[0] != '\0' && g_file_test (folder_path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (folder_path);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }
  else if (pf_document_get_file (self->document) != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (pf_document_get_file (self->document));

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }

  name = dup_suggested_name (self, format);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
cancel_clicked_cb (PfExportDialog *self)
{
  /* During an export Cancel stops it, and the dialog stays; otherwise it
   * closes the dialog. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
copy_clicked_cb (PfExportDialog *self)
{
  if (self->anchor == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), self->anchor);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Anchor copied")));
}

static void
open_clicked_cb (PfExportDialog *self)
{
  g_autofree char *uri = NULL;

  if (self->exported == NULL)
    return;

  uri = g_file_get_uri (self->exported);
  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static gboolean
pf_export_dialog_close_request (GtkWindow *window)
{
  PfExportDialog *self = PF_EXPORT_DIALOG (window);

  /* Closing stops an export under way; the file it would have replaced is
   * left as it was. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (pf_export_dialog_parent_class)->close_request (window);
}

static void
pf_export_dialog_dispose (GObject *object)
{
  PfExportDialog *self = (PfExportDialog *)object;

  self->disposed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), PF_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (pf_export_dialog_parent_class)->dispose (object);
}

static void
pf_export_dialog_finalize (GObject *object)
{
  PfExportDialog *self = (PfExportDialog *)object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->catalog);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);
  g_clear_object (&self->exported);
  g_clear_pointer (&self->anchor, g_free);

  G_OBJECT_CLASS (pf_export_dialog_parent_class)->finalize (object);
}

static void
pf_export_dialog_class_init (PfExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = pf_export_dialog_dispose;
  object_class->finalize = pf_export_dialog_finalize;

  window_class->close_request = pf_export_dialog_close_request;

  /**
   * PfExportDialog::exported:
   * @file: the report written
   * @anchor: (nullable): the audit trail's head hash the report prints
   */
  signals[EXPORTED] =
    g_signal_new ("exported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/pf-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PfExportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PfExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, PfExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, PfExportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, PfExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, PfExportDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, PfExportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, PfExportDialog, exporting_label);
  gtk_widget_class_bind_template_child (widget_class, PfExportDialog, done_label);
  gtk_widget_class_bind_template_child (widget_class, PfExportDialog, anchor_label);
  gtk_widget_class_bind_template_child (widget_class, PfExportDialog, copy_button);
  gtk_widget_class_bind_template_callback (widget_class, format_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, copy_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pf_export_dialog_init (PfExportDialog *self)
{
  g_autoptr(GtkStringList) formats = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) papers = gtk_string_list_new (NULL);
  g_autofree char *format_id = NULL;
  g_autofree char *paper_id = NULL;
  PfReportFormat format = PF_REPORT_PDF;
  PfPaper paper;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (format_ids); i++)
    gtk_string_list_append (formats, pf_report_format_get_title (i));
  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (formats));

  /* Translators: paper sizes for the PDF report. */
  gtk_string_list_append (papers, C_("paper size", "A4"));
  gtk_string_list_append (papers, C_("paper size", "Letter"));
  adw_combo_row_set_model (self->paper_row, G_LIST_MODEL (papers));

  self->settings = g_settings_new (APP_ID);
  format_id = g_settings_get_string (self->settings, "report-format");
  pf_report_format_from_string (format_id, &format);
  adw_combo_row_set_selected (self->format_row, format);

  paper_id = g_settings_get_string (self->settings, "report-paper");
  if (!pf_paper_from_string (paper_id, &paper))
    paper = default_paper ();
  adw_combo_row_set_selected (self->paper_row, paper);

  update_paper_row (self);
}

/**
 * pf_export_dialog_new:
 *
 * The export dialog for @document, modal over @parent.
 */
GtkWidget *
pf_export_dialog_new (GtkWindow  *parent,
                      PfCatalog  *catalog,
                      PfDocument *document)
{
  PfExportDialog *self;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PF_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (PF_IS_DOCUMENT (document), NULL);

  self = g_object_new (PF_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->catalog = g_object_ref (catalog);
  self->document = g_object_ref (document);

  return GTK_WIDGET (self);
}

PfDocument *
pf_export_dialog_get_document (PfExportDialog *self)
{
  g_return_val_if_fail (PF_IS_EXPORT_DIALOG (self), NULL);

  return self->document;
}

PfReportFormat
pf_export_dialog_get_format (PfExportDialog *self)
{
  guint selected;

  g_return_val_if_fail (PF_IS_EXPORT_DIALOG (self), PF_REPORT_PDF);

  selected = adw_combo_row_get_selected (self->format_row);

  return selected < G_N_ELEMENTS (format_ids) ? (PfReportFormat)selected : PF_REPORT_PDF;
}

void
pf_export_dialog_set_format (PfExportDialog *self,
                             PfReportFormat  format)
{
  g_return_if_fail (PF_IS_EXPORT_DIALOG (self));
  g_return_if_fail (format < G_N_ELEMENTS (format_ids));

  adw_combo_row_set_selected (self->format_row, format);
}

PfPaper
pf_export_dialog_get_paper (PfExportDialog *self)
{
  g_return_val_if_fail (PF_IS_EXPORT_DIALOG (self), PF_PAPER_A4);

  return adw_combo_row_get_selected (self->paper_row) == 1 ? PF_PAPER_LETTER : PF_PAPER_A4;
}

/**
 * pf_export_dialog_export_to_file:
 *
 * Exports the report in the chosen format to @file, as after choosing it
 * in the file chooser: the dialog shows the progress, then the anchor or
 * the error. Also what tests call to leave out the file chooser.
 */
void
pf_export_dialog_export_to_file (PfExportDialog *self,
                                 GFile          *file)
{
  g_autoptr(PfReadiness) readiness = NULL;
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  ExportJob *job;

  g_return_if_fail (PF_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->cancellable != NULL)
    return;

  /* A report never takes the project's place. */
  if (pf_document_get_file (self->document) != NULL &&
      g_file_equal (file, pf_document_get_file (self->document)))
    {
      show_error (self, _("This is the project file itself. Choose another name for the report."));
      return;
    }

  remember_choices (self, file);

  job = g_new0 (ExportJob, 1);
  job->format = pf_export_dialog_get_format (self);
  job->paper = pf_export_dialog_get_paper (self);
  job->file = g_object_ref (file);
  /* A broken chain is a blocker: the verdict waits for the check, which
   * the window runs in the background after opening. */
  if (!pf_document_get_audit_verified (self->document))
    pf_document_verify_audit (self->document, NULL);
  readiness = pf_readiness_evaluate (self->catalog, self->document);
  job->report = pf_report_new (self->catalog, self->document, readiness, NULL);
  /* The anchor is the head the report was made from. */
  if (job->report->anchor == NULL && pf_document_get_audit_head (self->document) != NULL)
    job->report->anchor = g_strdup (pf_document_get_audit_head (self->document));

  name = g_file_get_basename (file);
  /* Translators: %s is the file name of the report being written. */
  message = g_strdup_printf (_("Exporting “%s”…"), name);
  gtk_label_set_text (self->exporting_label, message);

  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);

  task = g_task_new (self, self->cancellable, export_cb, NULL);
  g_task_set_source_tag (task, pf_export_dialog_export_to_file);
  /* A cancel that comes after the file was written must not hide that it
   * was: the thread checks the cancellable itself, before it writes. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, job, (GDestroyNotify)export_job_free);
  g_task_run_in_thread (task, export_thread);
}

/* Whether an export is under way. */
gboolean
pf_export_dialog_get_busy (PfExportDialog *self)
{
  g_return_val_if_fail (PF_IS_EXPORT_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}

/**
 * pf_export_dialog_get_anchor:
 *
 * Returns: (nullable): the anchor of the last report exported
 */
const char *
pf_export_dialog_get_anchor (PfExportDialog *self)
{
  g_return_val_if_fail (PF_IS_EXPORT_DIALOG (self), NULL);

  return self->anchor;
}
