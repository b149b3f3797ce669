/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>

#include "pf-document.h"

/* Writes the bundled sample project, data/samples/churn.preflight, through
 * the same API the app uses, so that its audit trail is a real hash chain:
 *
 *   build/tests/make-sample data/samples/churn.preflight
 *
 * A customer-churn project at a telecom, midway: the business question
 * changed after the sponsor approved it, a feature that leaks the target is
 * still kept, the first evaluation misses the success criterion, and the
 * privacy review and the deployment plan have not started. Data
 * Understanding and Modeling are complete. */

static void
check (gboolean  ok,
       GError   *error)
{
  if (!ok)
    {
      g_printerr ("make-sample: %s\n", error ? error->message : "failed");
      exit (1);
    }
}

static char *
add (PfDocument         *document,
     const char         *register_id,
     const char * const *fields)
{
  GError *error = NULL;
  char *id = pf_document_add_record (document, register_id, &error);
  g_autofree char *object = g_strconcat (register_id, "/", id, NULL);

  check (id != NULL, error);
  for (guint i = 0; fields[i] != NULL; i += 2)
    {
      if (g_str_equal (fields[i + 1], "true") || g_str_equal (fields[i + 1], "false"))
        {
          g_autoptr(JsonNode) node = json_node_init_boolean (json_node_alloc (), g_str_equal (fields[i + 1], "true"));

          check (pf_document_set_value (document, object, fields[i], node, &error), error);
        }
      else
        check (pf_document_set_string (document, object, fields[i], fields[i + 1], &error), error);
    }

  return id;
}

#define ADD(doc, reg, ...) g_free (add (doc, reg, (const char * const[]) { __VA_ARGS__, NULL }))

static void
answer (PfDocument *document,
        const char *question,
        const char *text)
{
  g_autoptr(JsonNode) value = json_node_init_string (json_node_alloc (), text);
  GError *error = NULL;

  check (pf_document_set_answer (document, question, value, &error), error);
}

static void
answer_number (PfDocument *document,
               const char *question,
               double      number)
{
  g_autoptr(JsonNode) value = json_node_init_double (json_node_alloc (), number);
  GError *error = NULL;

  check (pf_document_set_answer (document, question, value, &error), error);
}

static void
answer_yes_no (PfDocument *document,
               const char *question,
               gboolean    yes)
{
  g_autoptr(JsonNode) value = json_node_init_boolean (json_node_alloc (), yes);
  GError *error = NULL;

  check (pf_document_set_answer (document, question, value, &error), error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PfDocument) document = pf_document_new ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sign_off = NULL;
  g_autofree char *sponsor = NULL;
  g_autofree char *tenure = NULL;
  GError *error = NULL;

  if (argc != 2)
    {
      g_printerr ("usage: make-sample OUTPUT.preflight\n");
      return 2;
    }

  pf_document_set_actor (document, "Mara Lindqvist");
  check (pf_document_set_string (document, "metadata", "title", "Customer churn at Nordwind Telecom", &error), error);
  check (pf_document_set_string (document, "metadata", "description",
                                 "Predict which residential customers will cancel their contract, so that the "
                                 "retention team can call them before they do.", &error), error);

  ADD (document, "team", "name", "Mara Lindqvist", "role", "Data science lead", "email", "mara.lindqvist@nordwind.example");
  ADD (document, "team", "name", "Jonas Weber", "role", "Data scientist", "email", "jonas.weber@nordwind.example");
  ADD (document, "team", "name", "Priya Raman", "role", "Data engineer", "email", "priya.raman@nordwind.example");

  sponsor = add (document, "stakeholders", (const char * const[]) { "name", "Henrik Sørensen", "group", "Retention (business)", "influence", "high",
       "interest", "high", "expectation", "A weekly list of the 2,000 customers most likely to leave.", "sponsor", "true", NULL });
  ADD (document, "stakeholders", "name", "Aylin Demir", "group", "Customer service", "influence", "medium",
       "interest", "high", "expectation", "Fewer angry calls from customers who were already leaving.", "sponsor", "false");
  ADD (document, "stakeholders", "name", "Tomasz Nowak", "group", "IT operations", "influence", "high",
       "interest", "low", "expectation", "Nothing that runs outside the nightly batch window.", "sponsor", "false");
  ADD (document, "stakeholders", "name", "Dr. Eva Hartmann", "group", "Data protection", "influence", "high",
       "interest", "medium", "expectation", "A DPIA before any customer is scored.", "sponsor", "false");

  check (pf_document_change_business_question (document,
                                               "Which residential customers will cancel their contract within the next 90 days?",
                                               "Top-decile lift of at least 3 on the most recent hold-out month.",
                                               NULL, &error), error);
  answer (document, "business-understanding.objective",
          "Reduce voluntary churn of residential contracts by calling likely leavers first.");
  answer (document, "business-understanding.value",
          "Each retained customer is worth about 380 EUR a year; the team can make 2,000 calls a week.");
  answer (document, "business-understanding.priority", "high");
  answer (document, "business-understanding.user-stories",
          "As a retention agent, I want a ranked list every Monday, so that I call the customers most likely to leave first.");
  answer (document, "business-understanding.expectations",
          "Retention expects the list to find three times as many leavers as calling at random; nobody expects every leaver to be found.");
  answer (document, "business-understanding.sponsor", sponsor);
  answer (document, "business-understanding.approvals",
          "Henrik Sørensen (Retention) approves the business case; IT operations approves the deployment; "
          "the data protection officer approves the privacy review.");
  answer (document, "business-understanding.management-expectation", "realistic");
  answer (document, "business-understanding.problem-type", "classification");
  answer (document, "business-understanding.target",
          "1 when a residential contract is cancelled by the customer within the horizon after the scoring date, 0 otherwise.");
  answer (document, "business-understanding.horizon", "months");
  answer (document, "business-understanding.technical-criterion", "Top-decile lift on the hold-out month");
  answer_yes_no (document, "business-understanding.it-involved", TRUE);

  pf_document_set_actor (document, "Henrik Sørensen");
  sign_off = pf_document_sign_off (document, "phase:business-understanding", "Henrik Sørensen",
                                   "Head of Retention (sponsor)", "approved", "", &error);
  check (sign_off != NULL, error);

  /* The question moved after the sponsor approved it: his sign-off is stale. */
  pf_document_set_actor (document, "Mara Lindqvist");
  check (pf_document_change_business_question (document,
                                               "Which residential customers will cancel within 60 days, early enough for a retention call?",
                                               "Top-decile lift of at least 3 on the most recent hold-out month.",
                                               "The retention team needs 30 days to reach a customer; a 90-day horizon fills the list with customers already lost.",
                                               &error), error);

  ADD (document, "assumptions", "statement", "Customers who cancel behave differently in the 60 days before they call.",
       "category", "Data", "phase", "data-understanding", "owner", "Jonas Weber", "status", "open",
       "evidence", "");
  ADD (document, "assumptions", "statement", "The retention team can act on a list every Monday.",
       "category", "Business", "phase", "business-understanding", "owner", "Henrik Sørensen", "status", "validated",
       "evidence", "Confirmed in the kick-off workshop on 14 September.");
  ADD (document, "assumptions", "statement", "Twelve months of history cover the seasonal peaks of churn.",
       "category", "Data", "phase", "data-understanding", "owner", "Priya Raman", "status", "open", "evidence", "");

  ADD (document, "risks", "title", "A feature known only after cancelling inflates the model's scores",
       "cause", "data-leakage", "likelihood", "high", "impact", "high",
       "mitigation", "Review every feature against the prediction point before modeling.", "owner", "Jonas Weber", "status", "open");
  ADD (document, "risks", "title", "Scores cannot be written back before the nightly batch closes",
       "cause", "it-collaboration", "likelihood", "medium", "impact", "high",
       "mitigation", "Agree the write-back table and schedule with IT operations.", "owner", "Priya Raman", "status", "open");
  ADD (document, "risks", "title", "Scoring customers without a DPIA",
       "cause", "real-world", "likelihood", "medium", "impact", "high",
       "mitigation", "Run the privacy review with the DPO before the pilot.", "owner", "Mara Lindqvist", "status", "open");

  ADD (document, "data-sources", "name", "CRM contracts", "description", "Contract, tariff and tenure per customer.",
       "owner", "Sales operations", "system", "Salesforce export (nightly)", "personal-data", "true",
       "access", "granted", "available-in-production", "yes");
  ADD (document, "data-sources", "name", "Billing", "description", "Monthly invoices and payment method.",
       "owner", "Finance", "system", "SAP billing mart", "personal-data", "true",
       "access", "granted", "available-in-production", "yes");
  ADD (document, "data-sources", "name", "Call-centre logs", "description", "Every call with reason code and duration.",
       "owner", "Customer service", "system", "Genesys reporting database", "personal-data", "true",
       "access", "requested", "available-in-production", "unknown");

  answer_yes_no (document, "data-understanding.access-granted", TRUE);
  answer_yes_no (document, "data-understanding.available-in-production", TRUE);
  answer_yes_no (document, "privacy-review.personal-data", TRUE);
  answer (document, "privacy-review.legal-basis", "legitimate-interests");
  answer_number (document, "data-understanding.training-rows", 412000);
  answer_number (document, "data-understanding.positive-examples", 23900);
  answer_number (document, "data-understanding.history-months", 24);
  answer (document, "data-understanding.unit-of-analysis", "One residential contract on one scoring date");
  answer_yes_no (document, "data-understanding.event-coverage", TRUE);
  answer (document, "data-understanding.coverage-gaps",
          "The tariff change of March 2025 is covered by two months of data only.");
  answer_yes_no (document, "data-understanding.quality-sufficient", TRUE);
  answer (document, "data-understanding.quality-issues",
          "3 % of contracts have no tariff in January 2025 (a migration error); they are left out.");

  pf_document_set_actor (document, "Jonas Weber");
  tenure = add (document, "features", (const char * const[]) { "name", "tenure_months", "description", "Months since the contract started.",
       "source", "CRM contracts", "known-at", "before", "target-consequence", "no", "verdict", "keep",
       "reviewer", "Jonas Weber", "rationale", "Known at every prediction point.", NULL });
  ADD (document, "features", "name", "monthly_charges", "description", "The last invoice's amount.",
       "source", "Billing", "known-at", "before", "target-consequence", "no", "verdict", "keep",
       "reviewer", "Jonas Weber", "rationale", "Taken from the invoice before the prediction point.");
  ADD (document, "features", "name", "contract_type", "description", "Monthly, one-year or two-year contract.",
       "source", "CRM contracts", "known-at", "before", "target-consequence", "no", "verdict", "keep",
       "reviewer", "Jonas Weber", "rationale", "");
  ADD (document, "features", "name", "calls_to_customer_service_30d",
       "description", "Calls to customer service in the 30 days before the contract was cancelled.",
       "source", "Call-centre logs", "known-at", "after", "target-consequence", "yes", "verdict", "keep",
       "reviewer", "Jonas Weber", "rationale", "Strongest single predictor in the first model.");
  ADD (document, "features", "name", "cancellation_reason", "description", "Reason code entered when the customer cancels.",
       "source", "CRM contracts", "known-at", "after", "target-consequence", "yes", "verdict", "drop",
       "reviewer", "Jonas Weber", "rationale", "Only exists for customers who already cancelled.");
  ADD (document, "features", "name", "payment_method", "description", "Direct debit, card or invoice.",
       "source", "Billing", "known-at", "before", "target-consequence", "no", "verdict", "keep",
       "reviewer", "", "rationale", "");
  ADD (document, "features", "name", "days_since_last_app_login", "description", "Days since the customer last used the app.",
       "source", "App analytics", "known-at", "unknown", "target-consequence", "unknown", "verdict", "pending",
       "reviewer", "", "rationale", "");

  answer (document, "data-preparation.prediction-point",
          "Monday 06:00, from the data as it stood at the end of the previous Sunday.");
  answer (document, "data-preparation.feature-availability", tenure);
  answer_yes_no (document, "data-preparation.all-features-reviewed", FALSE);
  answer_yes_no (document, "data-preparation.target-consequences", TRUE);
  answer_yes_no (document, "data-preparation.fit-on-training-only", TRUE);

  answer (document, "modeling.technique", "Gradient-boosted trees (LightGBM) against a logistic-regression baseline");
  answer (document, "modeling.split-strategy", "time");
  answer_yes_no (document, "modeling.time-based-split", TRUE);
  answer_yes_no (document, "modeling.no-train-test-overlap", TRUE);
  answer (document, "modeling.model-version", "churn-gbm 0.3 (git 4f2a9c1)");
  answer_number (document, "modeling.baseline-metric", 2.1);
  answer_number (document, "modeling.test-metric", 3.4);

  pf_document_set_actor (document, "Priya Raman");
  g_free (sign_off);
  sign_off = pf_document_sign_off (document, "phase:data-understanding", "Priya Raman",
                                   "Data engineer", "reviewed", "", &error);
  check (sign_off != NULL, error);

  pf_document_set_actor (document, "Mara Lindqvist");
  g_free (sign_off);
  sign_off = pf_document_sign_off (document, "phase:modeling", "Mara Lindqvist", "Data science lead",
                                   "approved-with-conditions",
                                   "Repeat the evaluation on the December hold-out month before the pilot.", &error);
  check (sign_off != NULL, error);

  /* On the untouched hold-out month the lift falls short of the criterion. */
  answer_number (document, "evaluation.measured-metric", 2.7);

  file = g_file_new_for_commandline_arg (argv[1]);
  bytes = pf_document_serialize (document);
  check (g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error), error);

  return 0;
}
