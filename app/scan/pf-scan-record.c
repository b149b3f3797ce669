/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pf-feature-import.h"
#include "pf-json.h"
#include "pf-pii.h"
#include "pf-scan-record.h"

/* A scan's result as JSON (data/scan-format.md) and as records of a project.
 * What goes into a project holds figures only: never a value of the data,
 * except the target's class labels with their counts (the target balance). */

G_STATIC_ASSERT (PF_PII_N_VALUE_KINDS == G_N_ELEMENTS (((PfScanColumn *)NULL)->pii_matches));

static const struct
{
  PfLeakReason  reason;
  const char   *id;
} leak_reasons[] = {
  { PF_LEAK_REASON_SEPARATES, "separates" },
  { PF_LEAK_REASON_IDENTIFIER, "identifier" },
  { PF_LEAK_REASON_POST_EVENT_NAME, "post-event-name" },
  { PF_LEAK_REASON_AFTER_PREDICTION, "after-prediction-time" },
};

static const char * const problem_ids[PF_CSV_N_PROBLEMS] = {
  [PF_CSV_PROBLEM_RAGGED_ROW] = "ragged-rows",
  [PF_CSV_PROBLEM_INVALID_UTF8] = "invalid-utf8",
  [PF_CSV_PROBLEM_STRAY_QUOTE] = "stray-quote",
  [PF_CSV_PROBLEM_UNTERMINATED_QUOTE] = "unterminated-quote",
};

/* Line numbers kept per problem in the JSON form. */
#define N_PROBLEM_LINES 10

static void
add_int (JsonBuilder *builder,
         const char  *name,
         guint64      value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, (gint64)MIN (value, (guint64)G_MAXINT64));
}

/* NaN and infinities are not JSON: left out. */
static void
add_double (JsonBuilder *builder,
            const char  *name,
            double       value)
{
  if (!isfinite (value))
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_double_value (builder, value);
}

static void
add_boolean (JsonBuilder *builder,
             const char  *name,
             gboolean     value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

/* Seconds since 1970 as ISO 8601 UTC, without fractions of a second when
 * there are none. */
static char *
format_time (double seconds)
{
  g_autoptr(GDateTime) time = NULL;
  gint64 whole = (gint64)floor (seconds);

  if (!isfinite (seconds) || !(time = g_date_time_new_from_unix_utc (whole)))
    return NULL;
  if (seconds - whole >= 0.0005)
    {
      g_autoptr(GDateTime) exact = g_date_time_add (time, (GTimeSpan)((seconds - whole) * G_TIME_SPAN_SECOND));

      return g_date_time_format (exact, "%Y-%m-%dT%H:%M:%S.%fZ");
    }

  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}

static char *
dup_column_name (const PfScanResult *result,
                 guint               column)
{
  const char *name = result->columns[column].name;

  if (name != NULL && name[0] != '\0')
    return g_strdup (name);

  /* Not translated: a stable name, as a file without a header gets. */
  return g_strdup_printf ("Column %u", column + 1);
}

static void
build_column (JsonBuilder        *builder,
              const PfScanResult *result,
              guint               index,
              gboolean            with_values)
{
  const PfScanColumn *column = &result->columns[index];
  g_autofree char *name = dup_column_name (result, index);

  json_builder_begin_object (builder);
  pf_json_builder_add_nullable_string (builder, "name", name);
  pf_json_builder_add_nullable_string (builder, "type", pf_column_type_id (column->type));
  add_int (builder, "values", column->n_values);
  add_int (builder, "missing", column->n_missing);
  add_int (builder, "distinct", column->n_distinct);
  add_boolean (builder, "distinct-exact", column->distinct_exact);
  if (column->leading_zeros)
    add_boolean (builder, "leading-zeros", TRUE);

  /* The range of a personal-data column (the earliest birth date, say)
   * could single out a person: only in the full result. */
  if (column->has_range && (with_values || !column->personal_data))
    {
      if (column->type == PF_COLUMN_TYPE_DATE_TIME)
        {
          g_autofree char *min = format_time (column->min);
          g_autofree char *max = format_time (column->max);

          if (min != NULL && max != NULL)
            {
              pf_json_builder_add_nullable_string (builder, "min", min);
              pf_json_builder_add_nullable_string (builder, "max", max);
            }
        }
      else
        {
          add_double (builder, "min", column->min);
          add_double (builder, "max", column->max);
          add_double (builder, "mean", column->mean);
          add_double (builder, "sd", column->sd);
        }
    }

  /* Personal data: the kinds the column holds, and the share of its values
   * that each detector matched. */
  json_builder_set_member_name (builder, "personal-data");
  json_builder_begin_array (builder);
  if (column->pii_name_kind > PF_PII_NAME_NONE && column->pii_name_kind < PF_PII_N_NAME_KINDS)
    json_builder_add_string_value (builder, pf_pii_name_kind_id (column->pii_name_kind));
  for (guint i = 0; i < PF_PII_N_VALUE_KINDS; i++)
    {
      if (column->n_values > 0 &&
          (double)column->pii_matches[i] / column->n_values >= PF_SCAN_PII_SHARE)
        json_builder_add_string_value (builder, pf_pii_value_kind_id (i));
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "pii-share");
  json_builder_begin_object (builder);
  for (guint i = 0; i < PF_PII_N_VALUE_KINDS; i++)
    {
      if (column->pii_matches[i] > 0 && column->n_values > 0)
        add_double (builder, pf_pii_value_kind_id (i), (double)column->pii_matches[i] / column->n_values);
    }
  json_builder_end_object (builder);

  /* Leakage. */
  json_builder_set_member_name (builder, "leak");
  if (column->leak_measure == PF_LEAK_MEASURE_NONE)
    json_builder_add_null_value (builder);
  else
    {
      json_builder_begin_object (builder);
      pf_json_builder_add_nullable_string (builder, "measure", column->leak_measure == PF_LEAK_MEASURE_AUC ? "auc" : "association");
      add_double (builder, "score", column->leak_score);
      add_boolean (builder, "exact", column->leak_exact);
      json_builder_end_object (builder);
    }

  json_builder_set_member_name (builder, "reasons");
  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (leak_reasons); i++)
    {
      if (column->leak_reasons & leak_reasons[i].reason)
        json_builder_add_string_value (builder, leak_reasons[i].id);
    }
  json_builder_end_array (builder);

  if (column->post_event_hint != NULL)
    pf_json_builder_add_nullable_string (builder, "post-event-hint", column->post_event_hint);
  if (result->prediction_time_column >= 0 && column->type == PF_COLUMN_TYPE_DATE_TIME &&
      (int)index != result->prediction_time_column)
    add_int (builder, "after-prediction", column->n_after_prediction);
  add_boolean (builder, "suspect", pf_scan_column_is_suspect (column));

  if (with_values)
    {
      if (column->top_masked)
        add_boolean (builder, "top-masked", TRUE);
      else
        {
          json_builder_set_member_name (builder, "top");
          json_builder_begin_array (builder);
          for (guint i = 0; i < column->n_top && i < PF_SCAN_N_TOP_VALUES; i++)
            {
              if (column->top[i].value == NULL)
                continue;
              json_builder_begin_object (builder);
              pf_json_builder_add_nullable_string (builder, "value", column->top[i].value);
              add_int (builder, "count", column->top[i].count);
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
        }
    }

  json_builder_end_object (builder);
}

/**
 * pf_scan_column_to_json:
 * @column: an index into @result's columns
 * @with_values: include the most frequent values (never for a project)
 *
 * Returns: (transfer full): the column's metrics as a JSON object
 */
JsonNode *
pf_scan_column_to_json (const PfScanResult *result,
                        guint               column,
                        gboolean            with_values)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (column < result->n_columns, NULL);

  build_column (builder, result, column, with_values);
  return json_builder_get_root (builder);
}

static void
build_metrics (JsonBuilder        *builder,
               const PfScanResult *result,
               gboolean            with_values)
{
  char delimiter[2] = { result->delimiter, '\0' };

  json_builder_begin_object (builder);
  add_int (builder, "bytes", result->n_bytes);
  pf_json_builder_add_nullable_string (builder, "delimiter", delimiter);
  add_boolean (builder, "header", result->has_header);
  add_boolean (builder, "bom", result->had_bom);
  pf_json_builder_add_nullable_string (builder, "encoding", pf_csv_encoding_get_id (result->encoding));

  json_builder_set_member_name (builder, "problems");
  json_builder_begin_object (builder);
  for (guint i = 0; i < PF_CSV_N_PROBLEMS; i++)
    {
      json_builder_set_member_name (builder, problem_ids[i]);
      json_builder_begin_object (builder);
      add_int (builder, "count", result->problem_counts[i]);
      json_builder_set_member_name (builder, "lines");
      json_builder_begin_array (builder);
      for (guint j = 0; j < result->n_problem_sites[i] && j < N_PROBLEM_LINES; j++)
        json_builder_add_int_value (builder, (gint64)result->problem_sites[i][j].line);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  add_int (builder, "blank-lines", result->n_blank_lines);

  if (result->target_column >= 0 && (guint)result->target_column < result->n_columns)
    {
      g_autofree char *target = dup_column_name (result, result->target_column);

      pf_json_builder_add_nullable_string (builder, "target", target);
    }
  else
    pf_json_builder_add_nullable_string (builder, "target", NULL);

  /* The target balance: the class labels are the only values of the data
   * that a project holds. */
  json_builder_set_member_name (builder, "classes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < result->n_classes; i++)
    {
      json_builder_begin_object (builder);
      pf_json_builder_add_nullable_string (builder, "value", result->classes[i].value != NULL ? result->classes[i].value : "");
      add_int (builder, "count", result->classes[i].count);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  if (result->classes_truncated)
    add_boolean (builder, "classes-truncated", TRUE);
  if (result->target_binned)
    add_boolean (builder, "classes-binned", TRUE);

  if (result->prediction_time_column >= 0 && (guint)result->prediction_time_column < result->n_columns)
    {
      g_autofree char *name = dup_column_name (result, result->prediction_time_column);

      pf_json_builder_add_nullable_string (builder, "prediction-time", name);
    }
  else
    pf_json_builder_add_nullable_string (builder, "prediction-time", NULL);

  add_int (builder, "duplicate-rows", result->n_duplicate_rows);
  if (!result->duplicates_exact)
    add_boolean (builder, "duplicate-rows-estimated", TRUE);

  json_builder_set_member_name (builder, "reidentification");
  if (result->n_quasi_ids == 0)
    json_builder_add_null_value (builder);
  else
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "quasi-identifiers");
      json_builder_begin_array (builder);
      for (guint i = 0; i < result->n_quasi_ids; i++)
        {
          g_autofree char *name = NULL;

          if (result->quasi_ids[i] >= result->n_columns)
            continue;
          name = dup_column_name (result, result->quasi_ids[i]);
          json_builder_add_string_value (builder, name);
        }
      json_builder_end_array (builder);
      add_int (builder, "threshold", result->k_threshold);
      add_int (builder, "k", result->k);
      add_int (builder, "classes", result->n_classes_qi);
      add_int (builder, "unique-rows", result->n_unique_rows);
      add_int (builder, "rows-at-risk", result->n_rows_at_risk);
      add_double (builder, "unique-share",
                  result->n_rows > 0 ? (double)result->n_unique_rows / result->n_rows : 0.0);
      if (!result->reidentification_exact)
        add_boolean (builder, "estimated", TRUE);
      json_builder_end_object (builder);
    }

  json_builder_set_member_name (builder, "columns");
  json_builder_begin_array (builder);
  for (guint i = 0; i < result->n_columns; i++)
    build_column (builder, result, i, with_values);
  json_builder_end_array (builder);

  json_builder_end_object (builder);
}

/**
 * pf_scan_result_to_json:
 * @with_values: include the most frequent values of columns that do not
 *   hold personal data (never for a project)
 *
 * Returns: (transfer full): the whole result, as `preflight scan --json`
 *   prints it (data/scan-format.md)
 */
JsonNode *
pf_scan_result_to_json (const PfScanResult *result,
                        gboolean            with_values)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (result != NULL, NULL);

  json_builder_begin_object (builder);
  pf_json_builder_add_nullable_string (builder, "format", "preflight-scan");
  add_int (builder, "version", 1);
  pf_json_builder_add_nullable_string (builder, "file-name", result->file_name);
  pf_json_builder_add_nullable_string (builder, "sha256", result->sha256);
  add_int (builder, "rows", result->n_rows);
  add_int (builder, "columns", result->n_columns);
  add_double (builder, "seconds", result->seconds);
  json_builder_set_member_name (builder, "metrics");
  build_metrics (builder, result, with_values);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static char *
now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static gboolean
set_node (PfDocument  *document,
          const char  *object,
          const char  *field,
          JsonNode    *node,
          GError     **error)
{
  g_autoptr(JsonNode) owned = node;

  return pf_document_set_value (document, object, field, owned, error);
}

static gboolean
set_int (PfDocument  *document,
         const char  *object,
         const char  *field,
         gint64       value,
         GError     **error)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_int (node, value);
  return set_node (document, object, field, node, error);
}

/**
 * pf_scan_record:
 * @n_added: (out) (optional): features added
 * @n_updated: (out) (optional): features whose `scan` field was set
 *
 * Records the scan in the project as one undo step: a dataset-scans record
 * and, for every column but the target, the `scan` field of the feature of
 * that exact name, adding the feature (with the file name as its source)
 * when there is none. Nothing else of an existing feature changes. A column
 * whose name an earlier column has already is left out.
 *
 * Returns: (transfer full): the dataset-scans record's id, or %NULL
 */
char *
pf_scan_record (PfDocument         *document,
                const PfScanResult *result,
                guint              *n_added,
                guint              *n_updated,
                GError            **error)
{
  g_autoptr(GHashTable) existing = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(JsonNode) metrics = NULL;
  g_autofree char *scan_id = NULL;
  g_autofree char *scan_object = NULL;
  g_autofree char *scanned_at = NULL;
  guint added = 0, updated = 0;
  gboolean ok;

  g_return_val_if_fail (PF_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (result != NULL, NULL);

  if (n_added != NULL)
    *n_added = 0;
  if (n_updated != NULL)
    *n_updated = 0;

  /* Features by exact name: the first of a name wins, as in
   * pf_feature_import_apply(). */
  existing = pf_feature_import_index_names (document);

  metrics = pf_scan_result_to_json (result, FALSE);
  scanned_at = now_iso8601 ();

  pf_document_begin_group (document);

  ok = (scan_id = pf_document_add_record (document, "dataset-scans", error)) != NULL;
  if (ok)
    {
      JsonObject *root = json_node_get_object (metrics);

      scan_object = g_strconcat ("dataset-scans/", scan_id, NULL);
      ok = pf_document_set_string (document, scan_object, "file-name",
                                   result->file_name != NULL ? result->file_name : "", error) &&
           pf_document_set_string (document, scan_object, "sha256", result->sha256, error) &&
           pf_document_set_string (document, scan_object, "scanned-at", scanned_at, error) &&
           set_int (document, scan_object, "rows", (gint64)result->n_rows, error) &&
           set_int (document, scan_object, "columns", result->n_columns, error) &&
           pf_document_set_value (document, scan_object, "metrics",
                                  json_object_get_member (root, "metrics"), error);
    }

  for (guint i = 0; ok && i < result->n_columns; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *new_object = NULL;
      const char *object;

      if ((int)i == result->target_column)
        continue;

      name = dup_column_name (result, i);
      if (g_hash_table_contains (seen, name))
        continue;
      g_hash_table_add (seen, g_strdup (name));

      if ((object = g_hash_table_lookup (existing, name)) != NULL)
        updated++;
      else
        {
          g_autofree char *id = NULL;

          if (!(id = pf_document_add_record (document, "features", error)))
            {
              ok = FALSE;
              break;
            }
          new_object = g_strconcat ("features/", id, NULL);
          object = new_object;
          ok = pf_document_set_string (document, object, "name", name, error) &&
               (result->file_name == NULL ||
                pf_document_set_string (document, object, "source", result->file_name, error));
          added++;
        }

      ok = ok && set_node (document, object, "scan", pf_scan_column_to_json (result, i, FALSE), error);
    }

  pf_document_end_group (document);

  if (!ok)
    {
      /* Take back what was done: a half-recorded scan is worse than none.
       * Without the record nothing was done, and an undo would take back
       * the edit before. */
      if (scan_id != NULL)
        pf_document_undo (document);
      return NULL;
    }

  if (n_added != NULL)
    *n_added = added;
  if (n_updated != NULL)
    *n_updated = updated;

  return g_steal_pointer (&scan_id);
}

/* Reading a feature's scan object. */

/* Every member may be of any JSON type in a project file someone else
 * wrote: read them through pf-json.h's type-checked readers only. */
static gboolean
has_string_element (JsonObject *scan,
                    const char *member,
                    const char *value)
{
  JsonArray *array = pf_json_object_get_array (scan, member);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      const char *element = pf_json_array_get_string (array, i);

      if (element != NULL && (value == NULL || g_str_equal (element, value)))
        return TRUE;
    }

  return FALSE;
}

/**
 * pf_scan_evidence_is_suspect:
 * @scan: (nullable): a feature's `scan` object
 *
 * Returns: whether the scan flagged the column as a leakage suspect
 */
gboolean
pf_scan_evidence_is_suspect (JsonObject *scan)
{
  return pf_json_object_get_bool (scan, "suspect", FALSE);
}

/**
 * pf_scan_evidence_is_personal:
 * @scan: (nullable): a feature's `scan` object
 *
 * Returns: whether the scan found personal data in the column
 */
gboolean
pf_scan_evidence_is_personal (JsonObject *scan)
{
  return has_string_element (scan, "personal-data", NULL);
}

/* "2 %", "< 1 %", "100 %". */
static char *
format_share (double share)
{
  if (share > 0 && share < 0.01)
    /* Translators: a share of less than one percent. */
    return g_strdup (_("< 1 %"));
  if (share < 1 && share > 0.99)
    /* Translators: a share just short of all. */
    return g_strdup (_("> 99 %"));
  /* Translators: a percentage; %.0f is the number. */
  return g_strdup_printf (_("%.0f %%"), share * 100);
}

static const char *
describe_value_kind (const char *id)
{
  for (guint kind = 0; kind < PF_PII_N_VALUE_KINDS; kind++)
    if (g_str_equal (id, pf_pii_value_kind_id (kind)))
      return pf_pii_value_kind_describe (kind);
  return NULL;
}

static const char *
describe_name_kind (const char *id)
{
  if (g_str_equal (id, "person-name"))
    return _("Name suggests a person's name");
  if (g_str_equal (id, "address"))
    return _("Name suggests an address");
  if (g_str_equal (id, "birth-date"))
    return _("Name suggests a birth date");
  if (g_str_equal (id, "national-id"))
    return _("Name suggests a national identifier");
  if (g_str_equal (id, "contact"))
    return _("Name suggests contact details");
  return NULL;
}

/**
 * pf_scan_evidence_describe:
 * @scan: (nullable): a feature's `scan` object
 *
 * A short summary for people, e.g. "Decimal · 2 % missing · AUC 0.97:
 * separates the target", with a part for each reason to look at the column.
 *
 * Returns: (transfer full) (nullable): the summary, %NULL without a scan
 *   (%NULL or an empty object)
 */
char *
pf_scan_evidence_describe (JsonObject *scan)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *type_id;
  JsonObject *leak;
  JsonArray *kinds;
  gint64 values, missing, distinct, after;

  /* A feature never scanned has an empty object. */
  if (scan == NULL || json_object_get_size (scan) == 0)
    return NULL;

  type_id = pf_json_object_get_string (scan, "type", "");
  /* No count is negative; summed as doubles, as two near G_MAXINT64 overflow. */
  values = MAX (pf_json_object_get_count (scan, "values", 0), 0);
  missing = MAX (pf_json_object_get_count (scan, "missing", 0), 0);
  distinct = MAX (pf_json_object_get_count (scan, "distinct", 0), 0);

  if (has_string_element (scan, "reasons", "identifier") || g_str_equal (type_id, "identifier"))
    {
      if (values > 0 && distinct >= values)
        g_ptr_array_add (parts, g_strdup (_("Identifier-like (every value distinct)")));
      else
        {
          g_autofree char *share = format_share (values > 0 ? (double)distinct / values : 0);

          /* Translators: %s is a share such as "98 %". */
          g_ptr_array_add (parts, g_strdup_printf (_("Identifier-like (%s of values distinct)"), share));
        }
    }
  /* A type this version does not know (a later one's, or made up) is left
   * out, not called "Empty". */
  else if (pf_column_type_from_id (type_id) != PF_COLUMN_TYPE_EMPTY || g_str_equal (type_id, "empty"))
    g_ptr_array_add (parts, g_strdup (pf_column_type_describe (pf_column_type_from_id (type_id))));

  if (missing > 0)
    {
      g_autofree char *share = format_share ((double)missing / ((double)values + (double)missing));

      /* Translators: %s is a share such as "2 %". */
      g_ptr_array_add (parts, g_strdup_printf (_("%s missing"), share));
    }

  /* How an identifier predicts the target says little: only the reason
   * that it is one. */
  if ((leak = pf_json_object_get_object (scan, "leak")) != NULL &&
      (!g_str_equal (type_id, "identifier") || has_string_element (scan, "reasons", "separates")))
    {
      const char *measure = pf_json_object_get_string (leak, "measure", "");
      double score = pf_json_object_get_number (leak, "score", NAN);
      gboolean separates = has_string_element (scan, "reasons", "separates");

      if (isfinite (score))
        {
          if (g_str_equal (measure, "auc"))
            g_ptr_array_add (parts, separates
                             /* Translators: AUC is the area under the ROC curve; %.2f its value. */
                             ? g_strdup_printf (_("AUC %.2f: separates the target"), score)
                             : g_strdup_printf (_("AUC %.2f"), score));
          else
            g_ptr_array_add (parts, separates
                             /* Translators: the strength (0 to 1) of a column's association with the target. */
                             ? g_strdup_printf (_("Association %.2f: separates the target"), score)
                             : g_strdup_printf (_("Association %.2f"), score));
        }
    }

  if (has_string_element (scan, "reasons", "post-event-name"))
    {
      const char *hint = pf_json_object_get_string (scan, "post-event-hint", NULL);

      if (hint != NULL && hint[0] != '\0')
        /* Translators: %s is a word of the column's name, such as "refund". */
        g_ptr_array_add (parts, g_strdup_printf (_("Name suggests data recorded after the event (“%s”)"), hint));
      else
        g_ptr_array_add (parts, g_strdup (_("Name suggests data recorded after the event")));
    }

  if ((after = pf_json_object_get_count (scan, "after-prediction", 0)) > 0)
    {
      /* Not in the msgid: xgettext cannot see through G_GINT64_FORMAT. */
      g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, after);

      /* Translators: %s is a number of rows. */
      g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "Dates later than the prediction time in %s row",
                                                            "Dates later than the prediction time in %s rows",
                                                            (gulong)MIN (after, (gint64)G_MAXULONG)),
                                               count));
    }

  if ((kinds = pf_json_object_get_array (scan, "personal-data")) != NULL)
    {
      JsonObject *shares = pf_json_object_get_object (scan, "pii-share");

      for (guint i = 0; i < json_array_get_length (kinds); i++)
        {
          const char *id = pf_json_array_get_string (kinds, i);
          const char *what;

          if (id == NULL)
            continue;
          if ((what = describe_value_kind (id)) != NULL)
            {
              g_autofree char *share = format_share (pf_json_object_get_number (shares, id, 0));

              /* Translators: e.g. "E-mail addresses in 98 % of values". */
              g_ptr_array_add (parts, g_strdup_printf (_("%s in %s of values"), what, share));
            }
          else if ((what = describe_name_kind (id)) != NULL)
            g_ptr_array_add (parts, g_strdup (what));
        }
    }

  g_ptr_array_add (parts, NULL);
  /* Translators: what separates the parts of a column's summary. */
  return g_strjoinv (C_("scan summary", " · "), (char **)parts->pdata);
}

/* A number for people: up to four significant digits, no exponent for
 * everyday sizes. */
static char *
format_figure (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.4g", value));
}

/**
 * pf_scan_evidence_describe_figures:
 * @scan: (nullable): a feature's `scan` object
 *
 * The column's profile in a line, for where there is room for it: its
 * distinct values and its range, mean and standard deviation, e.g.
 * "78 distinct values · 18 to 95 · mean 55.02, standard deviation 21.12".
 *
 * Returns: (transfer full) (nullable): the line, %NULL without figures
 */
char *
pf_scan_evidence_describe_figures (JsonObject *scan)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  JsonNode *min, *max;
  gint64 distinct;

  if (scan == NULL || json_object_get_size (scan) == 0)
    return NULL;

  distinct = pf_json_object_get_count (scan, "distinct", -1);
  if (distinct >= 0)
    {
      g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, distinct);

      g_ptr_array_add (parts, pf_json_object_get_bool (scan, "distinct-exact", TRUE)
                              /* Translators: %s is a count. */
                              ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s distinct value",
                                                              "%s distinct values", (gulong) distinct), count)
                              /* Translators: %s is a count, estimated (HyperLogLog). */
                              : g_strdup_printf (_("about %s distinct values"), count));
    }

  min = json_object_get_member (scan, "min");
  max = json_object_get_member (scan, "max");
  if (min != NULL && max != NULL && JSON_NODE_HOLDS_VALUE (min) && JSON_NODE_HOLDS_VALUE (max))
    {
      g_autofree char *low = json_node_get_value_type (min) == G_TYPE_STRING
                             ? g_strdup (json_node_get_string (min))
                             : format_figure (pf_json_object_get_number (scan, "min", 0));
      g_autofree char *high = json_node_get_value_type (max) == G_TYPE_STRING
                              ? g_strdup (json_node_get_string (max))
                              : format_figure (pf_json_object_get_number (scan, "max", 0));

      /* Translators: a column's range, e.g. "18 to 95". */
      g_ptr_array_add (parts, g_strdup_printf (_("%s to %s"), low, high));
    }

  if (isfinite (pf_json_object_get_number (scan, "mean", NAN)) && isfinite (pf_json_object_get_number (scan, "sd", NAN)))
    {
      g_autofree char *mean = format_figure (pf_json_object_get_number (scan, "mean", 0));
      g_autofree char *sd = format_figure (pf_json_object_get_number (scan, "sd", 0));

      /* Translators: a column's mean and standard deviation. */
      g_ptr_array_add (parts, g_strdup_printf (_("mean %s, standard deviation %s"), mean, sd));
    }

  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (C_("scan summary", " · "), (char **) parts->pdata);
}

/**
 * pf_scan_get_latest:
 *
 * Returns: (transfer none) (nullable): the dataset-scans record scanned
 *   last (the last one of the latest time), or %NULL
 */
JsonObject *
pf_scan_get_latest (PfDocument *document)
{
  g_return_val_if_fail (PF_IS_DOCUMENT (document), NULL);

  return pf_document_get_latest_record (document, "dataset-scans", "scanned-at");
}
