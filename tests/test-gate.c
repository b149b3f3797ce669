/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pf-gate.h"
#include "test-util.h"

static const char catalog_text[] =
  "<catalog id=\"org.example.gate\" version=\"1\"><title>Gate</title>"
  "<phase id=\"business-understanding\"><step id=\"a\"><title>A</title>"
  "<question id=\"business-understanding.objective\" type=\"long-text\" required=\"true\"><text>Q?</text><why>W</why></question>"
  "<question id=\"business-understanding.legal\" type=\"yes-no\" required=\"true\"><text>Q?</text><why>W</why></question>"
  "<question id=\"business-understanding.note\" type=\"text\"><text>Q?</text><why>W</why></question>"
  "<question id=\"business-understanding.extra\" type=\"text\"><text>Q?</text><why>W</why></question>"
  "</step><gate><requires question=\"business-understanding.objective\"/>"
  "<requires question=\"business-understanding.extra\"/>"
  "<requires sign-off=\"phase:business-understanding\" role=\"sponsor\"/></gate></phase>"
  "<phase id=\"data-understanding\"><step id=\"b\"><title>B</title></step><gate/></phase>"
  "<phase id=\"data-preparation\"><step id=\"c\"><title>C</title></step><gate/></phase>"
  "<phase id=\"modeling\"><step id=\"d\"><title>D</title></step><gate/></phase>"
  "<phase id=\"evaluation\"><step id=\"e\"><title>E</title></step><gate/></phase>"
  "<phase id=\"deployment\"><step id=\"f\"><title>F</title></step><gate/></phase>" TEST_ML_TEST_SCORE "</catalog>";

static void
answer (PfDocument *document,
        const char *question,
        const char *text)
{
  g_autoptr(JsonNode) value = json_node_init_string (json_node_alloc (), text);
  g_autoptr(GError) error = NULL;

  g_assert_true (pf_document_set_answer (document, question, value, &error));
  g_assert_no_error (error);
}

static guint
count (PfGateState   *state,
       PfBlockerKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < state->blockers->len; i++)
    n += ((PfBlocker *)g_ptr_array_index (state->blockers, i))->kind == kind;

  return n;
}

static void
test_gate (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (catalog_text, strlen (catalog_text));
  g_autoptr(PfCatalog) catalog = pf_catalog_new_from_bytes (bytes, FALSE, NULL);
  g_autoptr(PfDocument) document = pf_document_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *sign_off = NULL;
  PfGateState state = { 0 };

  g_assert_nonnull (catalog);

  /* Nothing answered: the business question, two required questions, the
   * extra gate question and the sponsor's sign-off block. */
  pf_gate_evaluate (catalog, document, PF_PHASE_BUSINESS_UNDERSTANDING, &state);
  g_assert_cmpuint (state.n_required, ==, 3);
  g_assert_cmpuint (state.n_answered, ==, 0);
  g_assert_cmpuint (count (&state, PF_BLOCKER_BUSINESS_QUESTION), ==, 1);
  g_assert_cmpuint (count (&state, PF_BLOCKER_UNANSWERED), ==, 3);
  g_assert_cmpuint (count (&state, PF_BLOCKER_SIGN_OFF), ==, 1);
  pf_gate_state_clear (&state);

  /* A business question without a success criterion is not enough. */
  g_assert_true (pf_document_change_business_question (document, "Who will cancel next month?", "", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (pf_business_question_is_recorded (document));
  g_assert_true (pf_document_change_business_question (document, "Who will cancel next month?", " ",
                                                       "Criterion still open", &error));
  g_assert_no_error (error);
  g_assert_false (pf_business_question_is_recorded (document));
  g_assert_true (pf_document_change_business_question (document, "Who will cancel next month?", "Top-decile lift ≥ 3",
                                                       "Criterion agreed with the sponsor", &error));
  g_assert_no_error (error);
  g_assert_true (pf_business_question_is_recorded (document));
  pf_gate_evaluate (catalog, document, PF_PHASE_BUSINESS_UNDERSTANDING, &state);
  g_assert_cmpuint (state.n_answered, ==, 1);
  g_assert_cmpuint (count (&state, PF_BLOCKER_BUSINESS_QUESTION), ==, 0);
  pf_gate_state_clear (&state);

  /* Blank text is no answer; a justified "not applicable" is one. */
  answer (document, "business-understanding.objective", "   ");
  g_assert_true (pf_document_set_not_applicable (document, "business-understanding.legal", "No personal data", &error));
  answer (document, "business-understanding.extra", "yes");
  pf_gate_evaluate (catalog, document, PF_PHASE_BUSINESS_UNDERSTANDING, &state);
  g_assert_cmpuint (state.n_answered, ==, 2);
  g_assert_cmpuint (count (&state, PF_BLOCKER_UNANSWERED), ==, 1);
  g_assert_cmpstr (((PfBlocker *)g_ptr_array_index (state.blockers, 0))->question, ==, "business-understanding.objective");
  pf_gate_state_clear (&state);

  /* Answered and signed: the gate is open. */
  answer (document, "business-understanding.objective", "Reduce churn");
  sign_off = pf_document_sign_off (document, "phase:business-understanding", "Henrik", "Sponsor", "approved", NULL, &error);
  g_assert_no_error (error);
  pf_gate_evaluate (catalog, document, PF_PHASE_BUSINESS_UNDERSTANDING, &state);
  g_assert_cmpuint (state.n_answered, ==, 3);
  g_assert_cmpuint (state.blockers->len, ==, 0);
  pf_gate_state_clear (&state);

  /* Changing a signed answer makes the sign-off stale: it blocks again. */
  answer (document, "business-understanding.objective", "Reduce churn by half");
  pf_gate_evaluate (catalog, document, PF_PHASE_BUSINESS_UNDERSTANDING, &state);
  g_assert_cmpuint (count (&state, PF_BLOCKER_SIGN_OFF), ==, 1);
  pf_gate_state_clear (&state);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gate/evaluate", test_gate);

  return g_test_run ();
}
