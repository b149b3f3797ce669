/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pf-json.h"
#include "pf-scan-record.h"
#include "test-util.h"

/* A scan's JSON form and what recording it does to a project, with results
 * filled in by hand: the engine is tested on its own. */

enum { COL_ID, COL_AMOUNT, COL_EMAIL, COL_PLAN, COL_REFUND_DATE, COL_SIGNUP, COL_CHURN, N_COLS };

typedef struct
{
  PfScanResult  result;
  PfScanColumn  columns[N_COLS];
  PfScanClass   classes[2];
  PfCsvSite     ragged[12];
  guint         quasi_ids[2];
} Fixture;

static void
fixture_fill (Fixture *f,
              double   amount_auc)
{
  PfScanResult *r = &f->result;
  PfScanColumn *c = f->columns;

  memset (f, 0, sizeof *f);

  r->file_name = (char *)"customers.csv";
  memset (r->sha256, 'a', 64);
  r->n_bytes = 123456;
  r->delimiter = ',';
  r->has_header = TRUE;
  r->encoding = PF_CSV_ENCODING_UTF8;
  r->n_blank_lines = 1;
  r->n_rows = 100;
  r->n_columns = N_COLS;
  r->columns = c;
  r->n_duplicate_rows = 3;

  for (guint i = 0; i < G_N_ELEMENTS (f->ragged); i++)
    {
      f->ragged[i].line = 10 + i;
      f->ragged[i].detail = 4;
    }
  r->problem_counts[PF_CSV_PROBLEM_RAGGED_ROW] = 40;
  r->problem_sites[PF_CSV_PROBLEM_RAGGED_ROW] = f->ragged;
  r->n_problem_sites[PF_CSV_PROBLEM_RAGGED_ROW] = G_N_ELEMENTS (f->ragged);

  c[COL_ID] = (PfScanColumn) { .name = (char *)"customer_id", .type = PF_COLUMN_TYPE_IDENTIFIER,
                               .n_values = 100, .n_distinct = 100, .distinct_exact = TRUE,
                               .leak_measure = PF_LEAK_MEASURE_AUC, .leak_score = 0.93, .leak_exact = TRUE,
                               .leak_reasons = PF_LEAK_REASON_IDENTIFIER };
  c[COL_AMOUNT] = (PfScanColumn) { .name = (char *)"amount", .type = PF_COLUMN_TYPE_DECIMAL,
                                   .n_values = 98, .n_missing = 2, .n_distinct = 90, .distinct_exact = TRUE,
                                   .has_range = TRUE, .min = 1.5, .max = 99.25, .mean = 40, .sd = 12.5,
                                   .leak_measure = PF_LEAK_MEASURE_AUC, .leak_score = amount_auc,
                                   .leak_exact = TRUE, .leak_reasons = PF_LEAK_REASON_SEPARATES };
  c[COL_AMOUNT].top[0] = (PfScanTopValue) { (char *)"12.5", 4 };
  c[COL_AMOUNT].n_top = 1;
  c[COL_EMAIL] = (PfScanColumn) { .name = (char *)"contact", .type = PF_COLUMN_TYPE_IDENTIFIER,
                                  .n_values = 100, .n_distinct = 97, .distinct_exact = TRUE,
                                  .top_masked = TRUE, .pii_name_kind = 5, .personal_data = TRUE,
                                  .leak_reasons = PF_LEAK_REASON_IDENTIFIER };
  c[COL_EMAIL].pii_matches[0] = 98;
  c[COL_EMAIL].pii_matches[1] = 1;
  c[COL_PLAN] = (PfScanColumn) { .name = (char *)"plan", .type = PF_COLUMN_TYPE_CATEGORICAL,
                                 .n_values = 100, .n_distinct = 3, .distinct_exact = TRUE,
                                 .leak_measure = PF_LEAK_MEASURE_ASSOCIATION, .leak_score = 0.12,
                                 .leak_exact = FALSE };
  c[COL_PLAN].top[0] = (PfScanTopValue) { (char *)"gold-secret-plan", 60 };
  c[COL_PLAN].top[1] = (PfScanTopValue) { (char *)"basic", 40 };
  c[COL_PLAN].n_top = 2;
  c[COL_REFUND_DATE] = (PfScanColumn) { .name = (char *)"refund_date", .type = PF_COLUMN_TYPE_DATE_TIME,
                                        .n_values = 20, .n_missing = 80, .n_distinct = 20, .distinct_exact = TRUE,
                                        .has_range = TRUE, .min = 1704067200, .max = 1735689599,
                                        .leak_reasons = PF_LEAK_REASON_POST_EVENT_NAME | PF_LEAK_REASON_AFTER_PREDICTION,
                                        .post_event_hint = "refund", .n_after_prediction = 120 };
  c[COL_SIGNUP] = (PfScanColumn) { .name = (char *)"signup", .type = PF_COLUMN_TYPE_DATE_TIME,
                                   .n_values = 100, .n_distinct = 80, .distinct_exact = TRUE,
                                   .has_range = TRUE, .min = 1672531200, .max = 1704067199 };
  c[COL_CHURN] = (PfScanColumn) { .name = (char *)"churn", .type = PF_COLUMN_TYPE_BOOLEAN,
                                  .n_values = 100, .n_distinct = 2, .distinct_exact = TRUE,
                                  .has_range = TRUE, .min = 0, .max = 1, .mean = 0.3, .sd = 0.46 };

  r->target_column = COL_CHURN;
  f->classes[0] = (PfScanClass) { (char *)"no", 70 };
  f->classes[1] = (PfScanClass) { (char *)"yes", 30 };
  r->classes = f->classes;
  r->n_classes = 2;
  r->prediction_time_column = COL_SIGNUP;

  f->quasi_ids[0] = COL_PLAN;
  f->quasi_ids[1] = COL_SIGNUP;
  r->quasi_ids = f->quasi_ids;
  r->n_quasi_ids = 2;
  r->k_threshold = 5;
  r->n_classes_qi = 60;
  r->k = 1;
  r->n_unique_rows = 25;
  r->n_rows_at_risk = 70;
  r->seconds = 0.25;
}

static JsonObject *
column_at (JsonObject *metrics,
           guint       index)
{
  return json_array_get_object_element (json_object_get_array_member (metrics, "columns"), index);
}

static void
test_json (void)
{
  Fixture f;
  g_autoptr(JsonNode) full = NULL;
  g_autoptr(JsonNode) bare = NULL;
  g_autofree char *bare_text = NULL;
  JsonObject *root, *metrics, *column, *problems, *reid;
  JsonArray *array;

  fixture_fill (&f, 0.97);
  full = pf_scan_result_to_json (&f.result, TRUE);
  root = json_node_get_object (full);

  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "preflight-scan");
  g_assert_cmpstr (json_object_get_string_member (root, "file-name"), ==, "customers.csv");
  g_assert_cmpint (json_object_get_int_member (root, "rows"), ==, 100);
  g_assert_cmpint (json_object_get_int_member (root, "columns"), ==, N_COLS);
  g_assert_cmpuint (strlen (json_object_get_string_member (root, "sha256")), ==, 64);

  metrics = json_object_get_object_member (root, "metrics");
  g_assert_cmpint (json_object_get_int_member (metrics, "bytes"), ==, 123456);
  g_assert_cmpstr (json_object_get_string_member (metrics, "delimiter"), ==, ",");
  g_assert_true (json_object_get_boolean_member (metrics, "header"));
  g_assert_cmpstr (json_object_get_string_member (metrics, "encoding"), ==, "utf-8");
  g_assert_cmpstr (json_object_get_string_member (metrics, "target"), ==, "churn");
  g_assert_cmpstr (json_object_get_string_member (metrics, "prediction-time"), ==, "signup");
  g_assert_cmpint (json_object_get_int_member (metrics, "duplicate-rows"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (metrics, "blank-lines"), ==, 1);

  /* Problems: the count, and the first ten line numbers. */
  problems = json_object_get_object_member (metrics, "problems");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (problems, "ragged-rows"), "count"), ==, 40);
  array = json_object_get_array_member (json_object_get_object_member (problems, "ragged-rows"), "lines");
  g_assert_cmpuint (json_array_get_length (array), ==, 10);
  g_assert_cmpint (json_array_get_int_element (array, 0), ==, 10);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (problems, "unterminated-quote"), "count"), ==, 0);

  /* The target balance. */
  array = json_object_get_array_member (metrics, "classes");
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 1), "value"), ==, "yes");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (array, 1), "count"), ==, 30);

  reid = json_object_get_object_member (metrics, "reidentification");
  g_assert_cmpint (json_object_get_int_member (reid, "k"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (reid, "threshold"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (reid, "rows-at-risk"), ==, 70);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (reid, "unique-share"), 0.25, 1e-12);
  array = json_object_get_array_member (reid, "quasi-identifiers");
  g_assert_cmpstr (json_array_get_string_element (array, 0), ==, "plan");
  g_assert_cmpstr (json_array_get_string_element (array, 1), ==, "signup");

  /* A column. */
  column = column_at (metrics, COL_AMOUNT);
  g_assert_cmpstr (json_object_get_string_member (column, "name"), ==, "amount");
  g_assert_cmpstr (json_object_get_string_member (column, "type"), ==, "decimal");
  g_assert_cmpint (json_object_get_int_member (column, "missing"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (column, "distinct"), ==, 90);
  g_assert_true (json_object_get_boolean_member (column, "distinct-exact"));
  g_assert_cmpfloat (json_object_get_double_member (column, "max"), ==, 99.25);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (column, "leak"), "measure"), ==, "auc");
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (column, "leak"), "score"), ==, 0.97);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (column, "reasons"), 0), ==, "separates");
  g_assert_true (json_object_get_boolean_member (column, "suspect"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (column, "top"), 0), "value"), ==, "12.5");

  /* Dates as ISO 8601 UTC. */
  column = column_at (metrics, COL_REFUND_DATE);
  g_assert_cmpstr (json_object_get_string_member (column, "min"), ==, "2024-01-01T00:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (column, "max"), ==, "2024-12-31T23:59:59Z");
  g_assert_false (json_object_has_member (column, "mean"));
  g_assert_cmpint (json_object_get_int_member (column, "after-prediction"), ==, 120);
  g_assert_cmpstr (json_object_get_string_member (column, "post-event-hint"), ==, "refund");
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (column, "leak")));

  /* Personal data: the kinds at or above the share, the shares of all that
   * matched, values masked. */
  column = column_at (metrics, COL_EMAIL);
  array = json_object_get_array_member (column, "personal-data");
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (array, 0), ==, "contact");
  g_assert_cmpstr (json_array_get_string_element (array, 1), ==, "email");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (json_object_get_object_member (column, "pii-share"), "email"), 0.98, 1e-12);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (json_object_get_object_member (column, "pii-share"), "phone"), 0.01, 1e-12);
  g_assert_true (json_object_get_boolean_member (column, "top-masked"));
  g_assert_false (json_object_has_member (column, "top"));
  g_assert_false (json_object_get_boolean_member (column, "suspect"));
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (column, "reasons"), 0), ==, "identifier");

  /* Without values: no top values anywhere, and no range of a
   * personal-data column. */
  bare = pf_scan_result_to_json (&f.result, FALSE);
  bare_text = pf_json_to_pretty (bare);
  g_assert_null (strstr (bare_text, "gold-secret-plan"));
  g_assert_null (strstr (bare_text, "\"top\""));
  g_assert_null (strstr (bare_text, "top-masked"));
  metrics = json_object_get_object_member (json_node_get_object (bare), "metrics");
  g_assert_false (json_object_has_member (column_at (metrics, COL_PLAN), "top"));
  g_assert_true (json_object_has_member (column_at (metrics, COL_AMOUNT), "mean"));

  /* One column alone is the same object as in the result. */
  {
    g_autoptr(JsonNode) one = pf_scan_column_to_json (&f.result, COL_AMOUNT, FALSE);
    g_autoptr(JsonNode) in_result = json_node_new (JSON_NODE_OBJECT);
    g_autofree char *a = NULL;
    g_autofree char *b = NULL;

    json_node_set_object (in_result, column_at (metrics, COL_AMOUNT));
    a = pf_json_to_canonical (one);
    b = pf_json_to_canonical (in_result);
    g_assert_cmpstr (a, ==, b);
  }
}

static const char *
feature_string (PfDocument *document,
                const char *name,
                const char *field)
{
  JsonArray *records = pf_document_get_records (document, "features");

  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      JsonObject *record = json_array_get_object_element (records, i);

      if (g_str_equal (json_object_get_string_member_with_default (record, "name", ""), name))
        return json_object_get_string_member_with_default (record, field, NULL);
    }

  return NULL;
}

static JsonObject *
feature_scan (PfDocument *document,
              const char *name)
{
  JsonArray *records = pf_document_get_records (document, "features");

  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      JsonObject *record = json_array_get_object_element (records, i);

      if (g_str_equal (json_object_get_string_member_with_default (record, "name", ""), name))
        return json_object_get_object_member (record, "scan");
    }

  return NULL;
}

static char *
feature_object (PfDocument *document,
                const char *name)
{
  JsonArray *records = pf_document_get_records (document, "features");

  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      JsonObject *record = json_array_get_object_element (records, i);

      if (g_str_equal (json_object_get_string_member_with_default (record, "name", ""), name))
        return g_strconcat ("features/", json_object_get_string_member (record, "id"), NULL);
    }

  return NULL;
}

static guint
n_records (PfDocument *document,
           const char *register_id)
{
  JsonArray *records = pf_document_get_records (document, register_id);

  return records != NULL ? json_array_get_length (records) : 0;
}

static double
amount_score (PfDocument *document)
{
  JsonObject *scan = feature_scan (document, "amount");

  return json_object_get_double_member (json_object_get_object_member (scan, "leak"), "score");
}

static void
test_record (void)
{
  g_autoptr(PfDocument) document = pf_document_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *id = NULL;
  g_autofree char *second = NULL;
  g_autofree char *object = NULL;
  g_autofree char *saved = NULL;
  JsonObject *latest;
  guint added = 99, updated = 99;
  Fixture f;

  pf_document_make_new_project (document);

  /* A reviewer named one of the columns as a feature before. */
  {
    g_autofree char *reviewed = pf_document_add_record (document, "features", &error);

    object = g_strconcat ("features/", reviewed, NULL);
    g_assert_true (pf_document_set_string (document, object, "name", "plan", &error));
    g_assert_true (pf_document_set_string (document, object, "description", "Tariff", &error));
    g_assert_no_error (error);
    g_clear_pointer (&object, g_free);
  }

  fixture_fill (&f, 0.97);
  id = pf_scan_record (document, &f.result, &added, &updated, &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);
  g_assert_cmpuint (added, ==, 5);
  g_assert_cmpuint (updated, ==, 1);

  /* Every column but the target is a feature, new ones with the file as source. */
  g_assert_cmpuint (n_records (document, "features"), ==, 6);
  g_assert_null (feature_string (document, "churn", "name"));
  g_assert_cmpstr (feature_string (document, "contact", "source"), ==, "customers.csv");
  g_assert_cmpstr (feature_string (document, "plan", "description"), ==, "Tariff");
  g_assert_cmpstr (feature_string (document, "plan", "source"), ==, "");
  g_assert_cmpfloat (amount_score (document), ==, 0.97);
  g_assert_true (pf_scan_evidence_is_suspect (feature_scan (document, "amount")));
  g_assert_true (pf_scan_evidence_is_personal (feature_scan (document, "contact")));
  g_assert_false (pf_scan_evidence_is_personal (feature_scan (document, "amount")));

  /* The dataset-scans record. */
  g_assert_cmpuint (n_records (document, "dataset-scans"), ==, 1);
  latest = pf_scan_get_latest (document);
  g_assert_nonnull (latest);
  g_assert_cmpstr (json_object_get_string_member (latest, "id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (latest, "file-name"), ==, "customers.csv");
  g_assert_cmpint (json_object_get_int_member (latest, "rows"), ==, 100);
  g_assert_cmpint (json_object_get_int_member (latest, "columns"), ==, N_COLS);
  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$",
                                       json_object_get_string_member (latest, "scanned-at"), 0, 0));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (latest, "metrics"), "target"), ==, "churn");

  /* No value of the data in the project but the class labels. */
  bytes = pf_document_serialize (document);
  saved = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_null (strstr (saved, "gold-secret-plan"));
  g_assert_null (strstr (saved, "\"12.5\""));
  g_assert_null (strstr (saved, "\"top\""));
  g_assert_nonnull (strstr (saved, "\"yes\""));

  /* A reviewer's verdict and rationale, then a second scan. */
  object = feature_object (document, "amount");
  g_assert_true (pf_document_set_string (document, object, "verdict", "drop", &error));
  g_assert_true (pf_document_set_string (document, object, "rationale", "Computed from the outcome", &error));
  g_assert_true (pf_document_set_string (document, object, "description", "Refund amount", &error));
  g_assert_no_error (error);

  fixture_fill (&f, 0.99);
  second = pf_scan_record (document, &f.result, &added, &updated, &error);
  g_assert_no_error (error);
  g_assert_nonnull (second);
  g_assert_cmpstr (second, !=, id);
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (updated, ==, 6);
  g_assert_cmpuint (n_records (document, "features"), ==, 6);
  g_assert_cmpuint (n_records (document, "dataset-scans"), ==, 2);
  g_assert_cmpfloat (amount_score (document), ==, 0.99);
  g_assert_cmpstr (feature_string (document, "amount", "verdict"), ==, "drop");
  g_assert_cmpstr (feature_string (document, "amount", "rationale"), ==, "Computed from the outcome");
  g_assert_cmpstr (feature_string (document, "amount", "description"), ==, "Refund amount");
  g_assert_cmpstr (json_object_get_string_member (pf_scan_get_latest (document), "id"), ==, second);

  /* One undo takes the second scan back whole, the next the first. */
  g_assert_true (pf_document_undo (document));
  g_assert_cmpuint (n_records (document, "dataset-scans"), ==, 1);
  g_assert_cmpfloat (amount_score (document), ==, 0.97);
  g_assert_cmpstr (feature_string (document, "amount", "verdict"), ==, "drop");
  g_assert_cmpstr (json_object_get_string_member (pf_scan_get_latest (document), "id"), ==, id);

  g_assert_true (pf_document_undo (document));  /* description */
  g_assert_true (pf_document_undo (document));  /* rationale */
  g_assert_true (pf_document_undo (document));  /* verdict */
  g_assert_true (pf_document_undo (document));  /* the first scan */
  g_assert_cmpuint (n_records (document, "dataset-scans"), ==, 0);
  g_assert_cmpuint (n_records (document, "features"), ==, 1);
  g_assert_null (pf_scan_get_latest (document));
  /* A feature never scanned has an empty scan object. */
  g_assert_cmpuint (json_object_get_size (feature_scan (document, "plan")), ==, 0);
  g_assert_null (pf_scan_evidence_describe (feature_scan (document, "plan")));
}

/* A project of a newer format is read only: nothing is recorded. */
static void
test_record_read_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PfDocument) document = test_load_string ("{\"format\": \"preflight-project\", \"format-version\": 99, "
                                                      "\"metadata\": {\"title\": \"From the future\"}}", &error);
  g_autofree char *id = NULL;
  guint added = 99, updated = 99;
  Fixture f;

  g_assert_no_error (error);
  g_assert_true (pf_document_get_read_only (document));
  fixture_fill (&f, 0.97);
  id = pf_scan_record (document, &f.result, &added, &updated, &error);
  g_assert_null (id);
  g_assert_error (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_READ_ONLY);
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (updated, ==, 0);
  g_assert_null (pf_scan_get_latest (document));
  g_assert_false (pf_document_can_undo (document));
}

static void
test_evidence (void)
{
  Fixture f;
  g_autoptr(JsonNode) amount = NULL;
  g_autoptr(JsonNode) id = NULL;
  g_autoptr(JsonNode) email = NULL;
  g_autoptr(JsonNode) refund = NULL;
  g_autoptr(JsonNode) plan = NULL;
  g_autofree char *text = NULL;

  fixture_fill (&f, 0.97);
  amount = pf_scan_column_to_json (&f.result, COL_AMOUNT, FALSE);
  id = pf_scan_column_to_json (&f.result, COL_ID, FALSE);
  email = pf_scan_column_to_json (&f.result, COL_EMAIL, FALSE);
  refund = pf_scan_column_to_json (&f.result, COL_REFUND_DATE, FALSE);
  plan = pf_scan_column_to_json (&f.result, COL_PLAN, FALSE);

  g_assert_null (pf_scan_evidence_describe (NULL));
  g_assert_false (pf_scan_evidence_is_suspect (NULL));
  g_assert_false (pf_scan_evidence_is_personal (NULL));

  text = pf_scan_evidence_describe (json_node_get_object (amount));
  g_assert_cmpstr (text, ==, "Decimal · 2 % missing · AUC 0.97: separates the target");
  g_clear_pointer (&text, g_free);

  /* An identifier is reported, not suspected. */
  text = pf_scan_evidence_describe (json_node_get_object (id));
  g_assert_cmpstr (text, ==, "Identifier-like (every value distinct)");
  g_assert_false (pf_scan_evidence_is_suspect (json_node_get_object (id)));
  g_clear_pointer (&text, g_free);

  text = pf_scan_evidence_describe (json_node_get_object (email));
  g_assert_cmpstr (text, ==, "Identifier-like (97 % of values distinct) · Name suggests contact details · "
                             "E-mail addresses in 98 % of values");
  g_clear_pointer (&text, g_free);

  text = pf_scan_evidence_describe (json_node_get_object (refund));
  g_assert_cmpstr (text, ==, "Date/time · 80 % missing · Name suggests data recorded after the event (“refund”) · "
                             "Dates later than the prediction time in 120 rows");
  g_assert_true (pf_scan_evidence_is_suspect (json_node_get_object (refund)));
  g_clear_pointer (&text, g_free);

  text = pf_scan_evidence_describe (json_node_get_object (plan));
  g_assert_cmpstr (text, ==, "Categorical · Association 0.12");
  g_assert_false (pf_scan_evidence_is_suspect (json_node_get_object (plan)));
}

/* A project file's scan objects may hold any JSON type where a string, a
 * count or an array is expected (someone else wrote the file): the readers
 * neither crash nor emit a critical (G_DEBUG=fatal-warnings makes one
 * fatal; set here too for a run by hand), and say what they can. */
static const char * const hostile_scans[] = {
  "{\"type\": 5}",
  "{\"type\": true, \"values\": \"many\", \"missing\": [1], \"distinct\": {}}",
  "{\"type\": [\"decimal\"], \"missing\": null}",
  "{\"type\": {\"id\": \"decimal\"}, \"values\": 1e300, \"missing\": 1e300}",
  "{\"type\": null, \"values\": -1, \"missing\": -5, \"distinct\": -1e300}",
  "{\"type\": \"identifier\", \"values\": 9223372036854775807, \"distinct\": 9223372036854775807, "
  "\"missing\": 9223372036854775807}",
  "{\"type\": \"decimal\", \"leak\": {\"measure\": 1, \"score\": \"0.9\"}, \"reasons\": \"separates\"}",
  "{\"type\": \"decimal\", \"leak\": {\"measure\": [], \"score\": 1e300}, \"reasons\": [1, null, {}, [], true]}",
  "{\"type\": \"decimal\", \"leak\": {\"measure\": {}, \"score\": 0.97}, \"reasons\": [\"separates\"]}",
  "{\"type\": \"decimal\", \"leak\": 0.97, \"suspect\": \"yes\"}",
  "{\"reasons\": [\"post-event-name\"], \"post-event-hint\": 7, \"after-prediction\": 1e300, \"suspect\": 1}",
  "{\"reasons\": [\"post-event-name\"], \"post-event-hint\": {}, \"after-prediction\": \"12\", \"suspect\": null}",
  "{\"personal-data\": [5, null, {}, [], \"email\"], \"pii-share\": {\"email\": \"all\"}}",
  "{\"personal-data\": {\"email\": true}, \"pii-share\": [0.5]}",
  "{\"personal-data\": \"email\", \"pii-share\": 1}",
  "{\"personal-data\": [\"email\"], \"pii-share\": {\"email\": 1e300}}",
  "{\"name\": 3, \"type\": \"categorical\", \"values\": 2.5, \"missing\": 0.5}",
  "{\"type\": \"made-up\", \"values\": 10, \"missing\": 10}",
};

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
test_evidence_hostile (void)
{
  GLogLevelFlags fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK);

  g_log_set_always_fatal (fatal | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  for (guint i = 0; i < G_N_ELEMENTS (hostile_scans); i++)
    {
      g_autoptr(JsonObject) scan = parse_object (hostile_scans[i]);
      g_autofree char *text = NULL;

      g_test_message ("%s", hostile_scans[i]);
      text = pf_scan_evidence_describe (scan);
      /* A summary of what could be read, every part of it text. */
      g_assert_nonnull (text);
      g_assert_true (g_utf8_validate (text, -1, NULL));
      (void)pf_scan_evidence_is_suspect (scan);
      (void)pf_scan_evidence_is_personal (scan);
    }

  /* What is of the wrong type counts as missing. */
  {
    g_autoptr(JsonObject) scan = parse_object (hostile_scans[3]);
    g_autofree char *text = pf_scan_evidence_describe (scan);

    /* 1e300 is no count: neither the values nor the missing ones. */
    g_assert_cmpstr (text, ==, "");
  }
  {
    g_autoptr(JsonObject) scan = parse_object (hostile_scans[8]);
    g_autofree char *text = pf_scan_evidence_describe (scan);

    g_assert_cmpstr (text, ==, "Decimal · Association 0.97: separates the target");
    g_assert_false (pf_scan_evidence_is_suspect (scan));
  }
  {
    g_autoptr(JsonObject) scan = parse_object (hostile_scans[9]);
    g_autofree char *text = pf_scan_evidence_describe (scan);

    g_assert_cmpstr (text, ==, "Decimal");
    g_assert_false (pf_scan_evidence_is_suspect (scan));
  }
  {
    g_autoptr(JsonObject) scan = parse_object (hostile_scans[10]);
    g_autofree char *text = pf_scan_evidence_describe (scan);

    g_assert_cmpstr (text, ==, "Name suggests data recorded after the event");
    g_assert_false (pf_scan_evidence_is_suspect (scan));
  }
  {
    g_autoptr(JsonObject) scan = parse_object (hostile_scans[12]);
    g_autofree char *text = pf_scan_evidence_describe (scan);

    /* Only the string element counts; a share that is no number is 0. */
    g_assert_cmpstr (text, ==, "E-mail addresses in 0 % of values");
    g_assert_true (pf_scan_evidence_is_personal (scan));
  }
  {
    g_autoptr(JsonObject) scan = parse_object (hostile_scans[13]);

    g_assert_false (pf_scan_evidence_is_personal (scan));
  }
  {
    g_autoptr(JsonObject) scan = parse_object (hostile_scans[5]);
    g_autofree char *text = pf_scan_evidence_describe (scan);

    g_assert_cmpstr (text, ==, "Identifier-like (every value distinct) · 50 % missing");
  }

  {
    g_autoptr(JsonObject) scan = parse_object ("{\"type\": \"made-up\", \"values\": 10, \"missing\": 10}");
    g_autofree char *text = pf_scan_evidence_describe (scan);

    /* A type not known is left out, not called "Empty". */
    g_assert_cmpstr (text, ==, "50 % missing");
  }
  {
    g_autoptr(JsonObject) scan = parse_object ("{\"type\": \"empty\", \"values\": 0, \"missing\": 10}");
    g_autofree char *text = pf_scan_evidence_describe (scan);

    g_assert_cmpstr (text, ==, "Empty · 100 % missing");
  }

  g_log_set_always_fatal (fatal);
}

/* The dataset-scans records' "scanned-at" is schema-checked; their metrics
 * are not, and a record without a time still counts. */
static void
test_latest_hostile (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PfDocument) document = NULL;
  GLogLevelFlags fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK);
  JsonObject *latest;

  g_log_set_always_fatal (fatal | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  document = test_load_string ("{\"format\": \"preflight-project\", \"format-version\": 1, "
                               "\"registers\": {\"dataset-scans\": ["
                               "{\"id\": \"scan-1\", \"file-name\": \"a.csv\", \"scanned-at\": \"2026-11-27T01:00:00Z\", "
                               "\"metrics\": {\"columns\": 5, \"classes\": [1, \"x\"]}},"
                               "{\"id\": \"scan-2\", \"file-name\": \"b.csv\", "
                               "\"metrics\": {\"columns\": [1, null, {\"name\": 4, \"type\": []}]}}"
                               "]}}", &error);
  g_assert_no_error (error);
  latest = pf_scan_get_latest (document);
  g_assert_nonnull (latest);
  g_assert_cmpstr (json_object_get_string_member (latest, "file-name"), ==, "a.csv");
  g_log_set_always_fatal (fatal);
}

static void
test_json_readers (void)
{
  g_autoptr(JsonObject) object = parse_object ("{\"s\": \"text\", \"i\": 42, \"d\": 2.9, \"big\": 1e300, "
                                               "\"edge\": 9223372036854775808.0, \"neg\": -2.5, \"b\": true, "
                                               "\"n\": null, \"o\": {}, \"a\": [1, \"x\", {}]}");
  JsonArray *array;

  g_assert_cmpstr (pf_json_object_get_string (object, "s", "-"), ==, "text");
  g_assert_cmpstr (pf_json_object_get_string (object, "b", "-"), ==, "-");
  g_assert_cmpstr (pf_json_object_get_string (object, "n", "-"), ==, "-");
  g_assert_cmpstr (pf_json_object_get_string (object, "o", "-"), ==, "-");
  g_assert_cmpstr (pf_json_object_get_string (object, "a", "-"), ==, "-");
  g_assert_cmpstr (pf_json_object_get_string (object, "i", "-"), ==, "-");
  g_assert_cmpstr (pf_json_object_get_string (NULL, "s", "-"), ==, "-");

  g_assert_cmpint (pf_json_object_get_count (object, "i", -7), ==, 42);
  g_assert_cmpint (pf_json_object_get_count (object, "d", -7), ==, 2);
  g_assert_cmpint (pf_json_object_get_count (object, "neg", -7), ==, -2);
  g_assert_cmpint (pf_json_object_get_count (object, "big", -7), ==, -7);
  g_assert_cmpint (pf_json_object_get_count (object, "edge", -7), ==, -7);
  g_assert_cmpint (pf_json_object_get_count (object, "s", -7), ==, -7);
  g_assert_cmpint (pf_json_object_get_count (object, "b", -7), ==, -7);
  g_assert_cmpint (pf_json_object_get_count (object, "o", -7), ==, -7);
  g_assert_cmpfloat (pf_json_object_get_number (object, "i", -1), ==, 42);
  g_assert_cmpfloat (pf_json_object_get_number (object, "s", -1), ==, -1);
  g_assert_true (pf_json_object_get_bool (object, "b", FALSE));
  g_assert_false (pf_json_object_get_bool (object, "i", FALSE));
  g_assert_null (pf_json_object_get_object (object, "a"));
  g_assert_nonnull (pf_json_object_get_object (object, "o"));
  g_assert_null (pf_json_object_get_array (object, "o"));
  array = pf_json_object_get_array (object, "a");
  g_assert_nonnull (array);
  g_assert_null (pf_json_array_get_object (array, 0));
  g_assert_null (pf_json_array_get_object (array, 1));
  g_assert_nonnull (pf_json_array_get_object (array, 2));
  g_assert_null (pf_json_array_get_object (array, 3));
  g_assert_null (pf_json_array_get_string (array, 0));
  g_assert_cmpstr (pf_json_array_get_string (array, 1), ==, "x");
  g_assert_null (pf_json_array_get_string (array, 2));
}

/* The column's figures in a line, for the entry window. */
static void
test_evidence_figures (void)
{
  static const struct { const char *json; const char *expected; } cases[] = {
    { "{\"distinct\": 78, \"distinct-exact\": true, \"min\": 18, \"max\": 95, \"mean\": 55.0248, \"sd\": 21.1174}",
      "78 distinct values · 18 to 95 · mean 55.02, standard deviation 21.12" },
    { "{\"distinct\": 1, \"min\": 7, \"max\": 7}", "1 distinct value · 7 to 7" },
    { "{\"distinct\": 120000, \"distinct-exact\": false}", "about 120000 distinct values" },
    { "{\"distinct\": 28, \"min\": \"2024-03-01\", \"max\": \"2024-03-28\"}",
      "28 distinct values · 2024-03-01 to 2024-03-28" },
    { "{\"type\": \"text\"}", NULL },
    { "{}", NULL },
    /* Hostile: wrong types are left out or read as their fallback. */
    { "{\"distinct\": \"many\", \"min\": [1], \"max\": {}, \"mean\": \"x\", \"sd\": null}",
      NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) scan = parse_object (cases[i].json);
      g_autofree char *text = pf_scan_evidence_describe_figures (scan);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
  g_assert_null (pf_scan_evidence_describe_figures (NULL));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scan-record/json", test_json);
  g_test_add_func ("/scan-record/record", test_record);
  g_test_add_func ("/scan-record/record-read-only", test_record_read_only);
  g_test_add_func ("/scan-record/evidence", test_evidence);
  g_test_add_func ("/scan-record/evidence-hostile", test_evidence_hostile);
  g_test_add_func ("/scan-record/evidence-figures", test_evidence_figures);
  g_test_add_func ("/scan-record/latest-hostile", test_latest_hostile);
  g_test_add_func ("/scan-record/json-readers", test_json_readers);

  return g_test_run ();
}
