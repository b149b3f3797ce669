/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pf-json.h"
#include "pf-scan-record.h"
#include "pf-scan-summary-group.h"

/* "From the Dataset Scan": what the project's latest dataset scan found,
 * above the questions it helps answer. On Data Understanding the data's
 * shape and quality, on the privacy review the personal data and the
 * re-identification risk. Hidden while the project has no scan. */

struct _PfScanSummaryGroup
{
  AdwPreferencesGroup  parent_instance;

  /* Borrowed references */
  GPtrArray           *rows;
  GtkWidget           *button;

  /* Owned references */
  PfDocument          *document;

  gulong               changed_handler;
  guint                update_source;
  PfScanSummaryKind    kind;
};

G_DEFINE_FINAL_TYPE (PfScanSummaryGroup, pf_scan_summary_group, ADW_TYPE_PREFERENCES_GROUP)

static void
add_row (PfScanSummaryGroup *self,
         const char         *name,
         const char         *title,
         const char         *value,
         gboolean            warning)
{
  GtkWidget *row = adw_action_row_new ();

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* A short figure on the right, a longer text below the title. */
  if (g_utf8_strlen (value, -1) <= 16)
    {
      GtkWidget *label = gtk_label_new (value);

      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  else
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, value, -1);
  if (warning)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Worth a look"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
    }
  /* Read out when the keyboard reaches it. */
  gtk_widget_set_focusable (row, TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);
}

/* A project file's metrics may hold any JSON type anywhere: read them
 * through pf-json.h's type-checked readers only. A count that is none is 0. */
static gint64
get_int (JsonObject *object,
         const char *member)
{
  return pf_json_object_get_count (object, member, 0);
}

static char *
format_count (gint64 n)
{
  return g_strdup_printf ("%'" G_GINT64_FORMAT, n);
}

static const char *
describe_kind (const char *kind)
{
  static const struct { const char *id; const char *label; } kinds[] = {
    { "person-name", N_("names") },
    { "address", N_("addresses") },
    { "birth-date", N_("birth dates") },
    { "national-id", N_("national ids") },
    { "contact", N_("contact details") },
    { "email", N_("e-mail addresses") },
    { "phone", N_("phone numbers") },
    { "iban", N_("bank accounts (IBAN)") },
    { "card", N_("card numbers") },
    { "ip", N_("IP addresses") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kinds[i].id, kind))
      return _(kinds[i].label);
  return kind;
}

static void
add_data_rows (PfScanSummaryGroup *self,
               JsonObject         *scan,
               JsonObject         *metrics)
{
  static const struct { const char *id; const char *title; } problems[] = {
    { "ragged-rows", N_("Rows with a different number of fields") },
    { "invalid-utf8", N_("Lines with bytes that are not UTF-8") },
    { "stray-quote", N_("Stray quotes") },
    { "unterminated-quote", N_("Unterminated quotes") },
  };
  JsonArray *classes = pf_json_object_get_array (metrics, "classes");
  JsonArray *columns = pf_json_object_get_array (metrics, "columns");
  JsonObject *problem_counts = pf_json_object_get_object (metrics, "problems");
  gint64 rows = get_int (scan, "rows");
  gint64 duplicates = get_int (metrics, "duplicate-rows");
  g_autofree char *rows_text = format_count (rows);
  g_autofree char *columns_text = format_count (get_int (scan, "columns"));
  g_autofree char *duplicates_text = format_count (duplicates);
  g_autoptr(GString) constant = g_string_new (NULL);
  g_autoptr(GString) empty = g_string_new (NULL);
  guint n_problems = 0;

  add_row (self, "rows", _("Rows"), rows_text, FALSE);
  add_row (self, "columns", _("Columns"), columns_text, FALSE);

  /* A file that is not UTF-8 was read as Windows-1252 or converted: say so. */
  {
    PfCsvEncoding encoding;

    if (pf_csv_encoding_from_id (pf_json_object_get_string (metrics, "encoding", NULL), &encoding) &&
        encoding != PF_CSV_ENCODING_UTF8)
      add_row (self, "encoding", _("Encoding"), pf_csv_encoding_describe (encoding), TRUE);
  }

  if (classes != NULL && json_array_get_length (classes) > 0)
    {
      g_autoptr(GString) balance = g_string_new (NULL);
      gint64 total = 0;
      guint n = json_array_get_length (classes);

      /* Counts that are negative or would overflow the total are left out. */
      for (guint i = 0; i < n; i++)
        {
          gint64 count = get_int (pf_json_array_get_object (classes, i), "count");

          if (count > 0 && total <= G_MAXINT64 - count)
            total += count;
        }
      for (guint i = 0; i < MIN (n, 6); i++)
        {
          JsonObject *class = pf_json_array_get_object (classes, i);

          g_string_append_printf (balance, "%s%s %.1f %%", i > 0 ? ", " : "",
                                  pf_json_object_get_string (class, "value", "?"),
                                  total > 0 ? 100.0 * (double)get_int (class, "count") / (double)total : 0.0);
        }
      if (n > 6)
        g_string_append (balance, ", …");
      add_row (self, "target-balance", _("Target balance"), balance->str, FALSE);
    }

  add_row (self, "duplicate-rows", _("Duplicate rows"), duplicates_text, duplicates > 0);

  for (guint i = 0; columns != NULL && i < json_array_get_length (columns); i++)
    {
      JsonObject *column = pf_json_array_get_object (columns, i);
      const char *name = column ? pf_json_object_get_string (column, "name", "") : "";
      gint64 values = get_int (column, "values"), missing = get_int (column, "missing");

      if (column == NULL)
        continue;
      if (values < 0 || missing < 0)
        continue;
      if (pf_scan_is_constant (values, get_int (column, "distinct")))
        g_string_append_printf (constant, "%s%s", constant->len > 0 ? ", " : "", name);
      else if (pf_scan_is_nearly_empty (values, missing))
        g_string_append_printf (empty, "%s%s", empty->len > 0 ? ", " : "", name);
    }
  if (constant->len > 0)
    add_row (self, "constant-columns", _("Constant columns"), constant->str, TRUE);
  if (empty->len > 0)
    add_row (self, "nearly-empty-columns", _("Nearly empty columns"), empty->str, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (problems); i++)
    {
      JsonObject *problem = pf_json_object_get_object (problem_counts, problems[i].id);
      JsonArray *lines = pf_json_object_get_array (problem, "lines");
      gint64 count = get_int (problem, "count");
      g_autoptr(GString) text = NULL;
      g_autofree char *count_text = NULL;

      if (count <= 0)
        continue;
      n_problems++;
      count_text = format_count (count);
      text = g_string_new (count_text);
      if (lines != NULL && json_array_get_length (lines) > 0)
        {
          /* Translators: before the first line numbers of a problem in a CSV file. */
          g_string_append (text, _(", first on lines "));
          for (guint j = 0; j < MIN (json_array_get_length (lines), 5); j++)
            g_string_append_printf (text, "%s%" G_GINT64_FORMAT, j > 0 ? ", " : "",
                                    pf_json_node_get_count (json_array_get_element (lines, j), 0));
        }
      add_row (self, problems[i].id, _(problems[i].title), text->str, TRUE);
    }
  if (n_problems == 0)
    add_row (self, "parse-problems", _("Parse problems"), _("None"), FALSE);
}

static void
add_privacy_rows (PfScanSummaryGroup *self,
                  JsonObject         *scan,
                  JsonObject         *metrics)
{
  JsonArray *columns = pf_json_object_get_array (metrics, "columns");
  JsonObject *reid = pf_json_object_get_object (metrics, "reidentification");
  guint n_personal = 0;

  for (guint i = 0; columns != NULL && i < json_array_get_length (columns); i++)
    {
      JsonObject *column = pf_json_array_get_object (columns, i);
      JsonArray *kinds = pf_json_object_get_array (column, "personal-data");
      JsonObject *shares = pf_json_object_get_object (column, "pii-share");
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *row_name = NULL;

      if (kinds == NULL || json_array_get_length (kinds) == 0)
        continue;
      n_personal++;
      for (guint j = 0; j < json_array_get_length (kinds); j++)
        {
          const char *kind = pf_json_array_get_string (kinds, j);
          double share = kind != NULL ? pf_json_object_get_number (shares, kind, NAN) : NAN;

          if (kind == NULL)
            continue;
          g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "", describe_kind (kind));
          if (isfinite (share))
            /* Translators: the share of a column's values that look like a kind of personal data. */
            g_string_append_printf (text, _(" (%.0f %% of the values)"), 100 * share);
        }
      row_name = g_strdup_printf ("personal-data-%u", i);
      add_row (self, row_name, pf_json_object_get_string (column, "name", ""), text->str, TRUE);
    }
  if (n_personal == 0)
    add_row (self, "personal-data", _("Personal data"), _("No column looks like personal data"), FALSE);

  if (reid == NULL)
    add_row (self, "reidentification", _("Re-identification"),
             _("Not measured: the scan had no quasi-identifier columns"), FALSE);
  else
    {
      gint64 k = get_int (reid, "k");
      gint64 threshold = get_int (reid, "threshold");
      gint64 at_risk = get_int (reid, "rows-at-risk");
      g_autofree char *k_text = format_count (k);
      g_autofree char *unique = format_count (get_int (reid, "unique-rows"));
      g_autofree char *risk_text = format_count (at_risk);
      /* Translators: %d is the threshold k, e.g. "Rows in groups smaller than 5". */
      g_autofree char *risk_title = g_strdup_printf (_("Rows in groups smaller than %d"),
                                                     (int)CLAMP (threshold, G_MININT, G_MAXINT));
      g_autoptr(GString) qis = g_string_new (NULL);
      JsonArray *names = pf_json_object_get_array (reid, "quasi-identifiers");

      for (guint i = 0; names != NULL && i < json_array_get_length (names); i++)
        {
          const char *qi = pf_json_array_get_string (names, i);

          if (qi != NULL)
            g_string_append_printf (qis, "%s%s", qis->len > 0 ? ", " : "", qi);
        }
      add_row (self, "quasi-identifiers", _("Quasi-identifiers"), qis->str, FALSE);
      add_row (self, "k", _("Smallest group (k)"), k_text, k < threshold);
      add_row (self, "unique-rows", _("Unique rows"), unique, get_int (reid, "unique-rows") > 0);
      add_row (self, "rows-at-risk", risk_title, risk_text, at_risk > 0);
    }
}

static void
update (PfScanSummaryGroup *self)
{
  JsonObject *scan = self->document ? pf_scan_get_latest (self->document) : NULL;
  JsonObject *metrics = pf_json_object_get_object (scan, "metrics");
  g_autofree char *description = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *when = NULL;
  g_autoptr(GDateTime) time = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  gtk_widget_set_visible (GTK_WIDGET (self), scan != NULL || self->kind == PF_SCAN_SUMMARY_DATA);
  if (scan == NULL)
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                             _("Scan the dataset to measure its columns, find leakage suspects "
                                               "and personal data, and fill this in."));
      return;
    }

  time = g_date_time_new_from_iso8601 (pf_json_object_get_string (scan, "scanned-at", ""), NULL);
  if (time != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (time);

      /* Translators: when a dataset was scanned; a g_date_time_format() format. */
      when = g_date_time_format (local, _("%Y-%m-%d %H:%M"));
    }
  if (self->kind == PF_SCAN_SUMMARY_PRIVACY)
    /* Translators: %s is a file name, then when it was scanned. */
    description = g_strdup_printf (_("What the scan of “%s” (%s) found for the questions below"),
                                   pf_json_object_get_string (scan, "file-name", ""),
                                   when ? when : "");
  else
    /* Translators: %s is a file name, then when it was scanned. */
    description = g_strdup_printf (_("“%s”, scanned %s"),
                                   pf_json_object_get_string (scan, "file-name", ""),
                                   when ? when : "");
  /* A group's description is markup, without a switch in libadwaita 1.2:
   * "R&D.csv" would show nothing. */
  escaped = g_markup_escape_text (description, -1);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), escaped);

  if (self->kind == PF_SCAN_SUMMARY_DATA)
    add_data_rows (self, scan, metrics);
  else
    add_privacy_rows (self, scan, metrics);
}

static gboolean
update_idle_cb (gpointer user_data)
{
  PfScanSummaryGroup *self = user_data;

  self->update_source = 0;
  update (self);
  return G_SOURCE_REMOVE;
}

static void
document_changed_cb (PfScanSummaryGroup *self,
                     const char         *object,
                     const char         *field,
                     PfDocument         *document)
{
  if (object != NULL && !g_str_has_prefix (object, "dataset-scans/"))
    return;
  if (self->update_source == 0)
    self->update_source = g_idle_add (update_idle_cb, self);
}

static void
pf_scan_summary_group_dispose (GObject *object)
{
  PfScanSummaryGroup *self = PF_SCAN_SUMMARY_GROUP (object);

  g_clear_handle_id (&self->update_source, g_source_remove);
  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_handler, self->document);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (pf_scan_summary_group_parent_class)->dispose (object);
}

static void
pf_scan_summary_group_finalize (GObject *object)
{
  PfScanSummaryGroup *self = PF_SCAN_SUMMARY_GROUP (object);

  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (pf_scan_summary_group_parent_class)->finalize (object);
}

static void
pf_scan_summary_group_class_init (PfScanSummaryGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pf_scan_summary_group_dispose;
  object_class->finalize = pf_scan_summary_group_finalize;
}

static void
pf_scan_summary_group_init (PfScanSummaryGroup *self)
{
  self->rows = g_ptr_array_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("From the Dataset Scan"));
}

GtkWidget *
pf_scan_summary_group_new (PfScanSummaryKind kind)
{
  PfScanSummaryGroup *self = g_object_new (PF_TYPE_SCAN_SUMMARY_GROUP, NULL);

  self->kind = kind;
  if (kind == PF_SCAN_SUMMARY_PRIVACY)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Personal Data, from the Dataset Scan"));
  gtk_widget_set_name (GTK_WIDGET (self), kind == PF_SCAN_SUMMARY_DATA ? "scan-summary" : "scan-privacy");
  if (kind == PF_SCAN_SUMMARY_DATA)
    {
      GtkWidget *button = gtk_button_new ();
      GtkWidget *content = adw_button_content_new ();

      adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "system-search-symbolic");
      adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("S_can a Dataset…"));
      adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
      gtk_button_set_child (GTK_BUTTON (button), content);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.scan-dataset");
      gtk_widget_set_name (button, "scan-dataset");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Measure every column of a CSV or TSV file (Ctrl+Shift+D)"));
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), button);
      self->button = button;
    }
  update (self);
  return GTK_WIDGET (self);
}

void
pf_scan_summary_group_set_document (PfScanSummaryGroup *self,
                                    PfDocument         *document)
{
  g_return_if_fail (PF_IS_SCAN_SUMMARY_GROUP (self));
  g_return_if_fail (!document || PF_IS_DOCUMENT (document));

  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_handler, self->document);
  g_set_object (&self->document, document);
  if (document != NULL)
    self->changed_handler = g_signal_connect_object (document, "changed",
                                                     G_CALLBACK (document_changed_cb), self,
                                                     G_CONNECT_SWAPPED);
  update (self);
}
