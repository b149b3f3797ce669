/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the report tests: a small fixed project built through the
 * PfDocument API, the built-in catalog, golden-file comparison and the
 * normalisation of what the document stamps with the real time.
 * Header-only, like test-util.h: each test is one source file. */

#include <glib/gstdio.h>
#include <string.h>

#include "pf-catalog.h"
#include "pf-document.h"
#include "pf-readiness.h"
#include "pf-report.h"

/* The fixed "now" of every golden report. */
#define REPORT_TEST_NOW "2026-03-02T09:30:00Z"

static inline PfCatalog *
report_test_load_catalog (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "catalog", "crisp-dm.catalog", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PfCatalog *catalog = pf_catalog_new_from_file (file, &error);

  g_assert_no_error (error);
  return catalog;
}

static inline void
report_test_answer (PfDocument *document,
                    const char *question,
                    JsonNode   *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pf_document_set_answer (document, question, value, &error));
  g_assert_no_error (error);
  json_node_unref (value);
}

static inline JsonNode *
report_test_string (const char *text)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, text);
  return node;
}

static inline JsonNode *
report_test_boolean (gboolean value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_boolean (node, value);
  return node;
}

static inline JsonNode *
report_test_number (double value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_double (node, value);
  return node;
}

/* Adds a record and sets its fields: NULL-terminated name, value pairs. */
static inline char *
report_test_record (PfDocument *document,
                    const char *register_id,
                    ...)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *object = NULL;
  char *id = pf_document_add_record (document, register_id, &error);
  const char *name;
  va_list args;

  g_assert_no_error (error);
  object = g_strconcat (register_id, "/", id, NULL);

  va_start (args, register_id);
  while ((name = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);

      if (g_str_equal (name, "sponsor") || g_str_equal (name, "personal-data"))
        {
          JsonNode *node = report_test_boolean (g_str_equal (value, "true"));

          g_assert_true (pf_document_set_value (document, object, name, node, &error));
          json_node_unref (node);
        }
      else
        g_assert_true (pf_document_set_string (document, object, name, value, &error));
      g_assert_no_error (error);
    }
  va_end (args);

  return id;
}

/* A churn project midway: answers of every kind, a business question
 * changed after the sponsor signed (a stale sign-off), a leaky feature
 * kept, a withdrawn sign-off, a privacy review with a current sign-off. */
static inline PfDocument *
report_test_build_project (void)
{
  PfDocument *document = pf_document_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *sponsor = NULL;
  g_autofree char *source = NULL;
  g_autofree char *feature = NULL;
  g_autofree char *sign_off = NULL;
  g_autofree char *withdrawn = NULL;
  g_autofree char *withdrawal = NULL;
  g_autofree char *privacy = NULL;

  pf_document_set_actor (document, "Ada Lovelace");
  g_assert_true (pf_document_set_string (document, "metadata", "title", "Customer churn", &error));
  g_assert_true (pf_document_set_string (document, "metadata", "description",
                                         "Which customers of the mobile contract business cancel "
                                         "within the next 90 days?", &error));

  g_assert_true (pf_document_change_business_question (document, "Which customers will cancel?",
                                                       "Recall at least 0.5", NULL, &error));

  report_test_answer (document, "business-understanding.objective",
                      report_test_string ("Keep customers who would cancel.\nCall them before they do."));
  report_test_answer (document, "business-understanding.problem-type", report_test_string ("classification"));
  report_test_answer (document, "business-understanding.it-involved", report_test_boolean (TRUE));
  report_test_answer (document, "business-understanding.cost-estimate", report_test_number (12500));
  report_test_answer (document, "business-understanding.deadline", report_test_string ("2026-06-30"));
  g_assert_true (pf_document_set_not_applicable (document, "business-understanding.approvals",
                                                 "The board approved the programme as a whole.", &error));

  sponsor = report_test_record (document, "stakeholders",
                                "name", "Grace Hopper", "group", "Sales", "influence", "high",
                                "interest", "high", "expectation", "Fewer cancellations", "sponsor", "true",
                                NULL);
  report_test_answer (document, "business-understanding.sponsor", report_test_string (sponsor));

  sign_off = pf_document_sign_off (document, "phase:business-understanding", "Grace Hopper", "Sponsor",
                                   "approved", NULL, &error);
  g_assert_no_error (error);

  /* The question changes after the sponsor signed: her sign-off is stale. */
  g_assert_true (pf_document_change_business_question (document,
                                                       "Which customers will cancel within 90 days?",
                                                       "Recall at least 0.6 at 20 % of customers contacted",
                                                       "The retention team can call 20 % of customers a month.",
                                                       &error));

  g_free (report_test_record (document, "assumptions",
                              "statement", "Customers who cancel behave differently in the months before",
                              "category", "Business", "owner", "Ada Lovelace", "status", "validated",
                              "evidence", "Churn analysis 2025", NULL));
  g_free (report_test_record (document, "risks",
                              "title", "The retention team has no capacity", "cause", "business-alignment",
                              "likelihood", "medium", "impact", "high", "mitigation", "Agree on a monthly quota",
                              "owner", "Grace Hopper", "status", "open", NULL));
  source = report_test_record (document, "data-sources",
                               "name", "CRM", "owner", "Sales IT", "system", "PostgreSQL",
                               "personal-data", "true", "access", "granted", "available-in-production", "yes",
                               NULL);

  g_free (report_test_record (document, "features",
                              "name", "tenure_months", "source", "CRM", "known-at", "before",
                              "target-consequence", "no", "verdict", "keep", "reviewer", "Ada Lovelace",
                              "rationale", "Known from the contract", NULL));
  feature = report_test_record (document, "features",
                                "name", "calls_last_30_days", "source", "Call centre", "known-at", "after",
                                "target-consequence", "yes", "verdict", "keep", "reviewer", "Ada Lovelace",
                                "rationale", "Customers call to cancel", NULL);
  g_free (report_test_record (document, "features",
                              "name", "monthly_fee", "source", "CRM", "known-at", "at", NULL));

  report_test_answer (document, "data-preparation.prediction-point",
                      report_test_string ("The first day of each month"));
  report_test_answer (document, "data-preparation.feature-availability", report_test_string (feature));
  report_test_answer (document, "modeling.test-metric", report_test_number (0.57));
  report_test_answer (document, "modeling.time-based-split", report_test_boolean (FALSE));

  report_test_answer (document, "privacy-review.personal-data", report_test_boolean (TRUE));
  report_test_answer (document, "privacy-review.personal-data-source", report_test_string (source));
  report_test_answer (document, "privacy-review.legal-basis", report_test_string ("legitimate-interests"));
  report_test_answer (document, "privacy-review.min-group-size", report_test_number (5));
  privacy = pf_document_sign_off (document, "privacy-review", "Alan Turing", "Data Protection Officer",
                                  "approved-with-conditions", "Delete the call notes after 12 months.", &error);
  g_assert_no_error (error);

  report_test_answer (document, "deployment-plan.target-kind", report_test_string ("batch-to-database"));
  report_test_answer (document, "deployment-plan.retention-months", report_test_number (12));

  withdrawn = pf_document_sign_off (document, "deployment-plan", "Linus Torvalds", "IT Operations",
                                    "approved", NULL, &error);
  g_assert_no_error (error);
  withdrawal = pf_document_withdraw_sign_off (document, withdrawn, "Linus Torvalds", "IT Operations",
                                              "No rollback plan yet.", &error);
  g_assert_no_error (error);

  g_assert_true (pf_document_add_record_with_id (document, "ml-test-score", "data-1", &error));
  g_assert_true (pf_document_set_string (document, "ml-test-score/data-1", "level", "automated", &error));
  g_assert_true (pf_document_add_record_with_id (document, "ml-test-score", "model-1", &error));
  g_assert_true (pf_document_set_string (document, "ml-test-score/model-1", "level", "manual", &error));
  g_assert_no_error (error);

  return document;
}

static inline PfReport *
report_test_make_report (PfCatalog  *catalog,
                         PfDocument *document)
{
  g_autoptr(PfReadiness) readiness = pf_readiness_evaluate (catalog, document);
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (REPORT_TEST_NOW, NULL);

  return pf_report_new (catalog, document, readiness, now);
}

/* What the document stamps with the real time or at random, replaced by
 * fixed text: audit and sign-off times, hashes, the project's id. */
static inline char *
report_test_normalise (const char *text)
{
  static const struct
  {
    const char *pattern;
    const char *replacement;
  } rules[] = {
    { "[0-9a-f]{64}", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" },
    { "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "00000000-0000-4000-8000-000000000000" },
    { "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z", "2026-03-01T08:00:00.000Z" },
    { "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC", "2026-03-01 08:00 UTC" },
  };
  char *result = g_strdup (text);

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autoptr(GRegex) regex = g_regex_new (rules[i].pattern, 0, 0, NULL);
      char *next = g_regex_replace_literal (regex, result, -1, 0, rules[i].replacement, 0, NULL);

      g_free (result);
      result = next;
    }

  return result;
}

/* Compares @actual with tests/golden/@name; with PF_UPDATE_GOLDEN=1 in the
 * environment, writes it there instead (then review the diff). */
static inline void
report_test_check_golden (const char *name,
                          const char *actual)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "golden", name, NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (g_getenv ("PF_UPDATE_GOLDEN"), "1") == 0)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      g_mkdir_with_parents (dir, 0755);
      g_file_set_contents (path, actual, -1, &error);
      g_assert_no_error (error);
      g_test_message ("wrote %s", path);
      return;
    }

  g_file_get_contents (path, &expected, NULL, &error);
  g_assert_no_error (error);

  if (!g_str_equal (expected, actual))
    {
      g_autofree char *actual_path = g_build_filename (g_get_tmp_dir (), name, NULL);

      g_file_set_contents (actual_path, actual, -1, NULL);
      g_test_message ("%s differs from the golden file; this run's output is in %s "
                      "(PF_UPDATE_GOLDEN=1 regenerates the golden files)", name, actual_path);
      g_test_fail ();
    }
}

static inline char *
report_test_render (const PfReport *report,
                    PfReportFormat  format)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = pf_report_render (report, format, PF_PAPER_A4, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  g_assert_true (g_utf8_validate (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}
