/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "pf-gate.h"
#include "pf-readiness.h"
#include "test-util.h"

/* Each rule of the readiness on its own: a project that is ready is built
 * through the API, then one thing is taken away or changed, and only the
 * finding of that rule may appear. */

static PfCatalog *catalog;

static const char * const gate_scopes[] = {
  "phase:business-understanding", "leakage-review", "phase:evaluation", "privacy-review", "deployment-plan", "project",
};
/* The role each gate expects to sign, as the signers write it. */
static const char * const gate_roles[] = {
  "Head of Retention (sponsor)", "Data-science lead", "Sponsor", "DPO", "IT operations", "Sponsor",
};

/* ------------------------------------------------------------ helpers */

static void
set_answer (PfDocument *document,
            const char *question,
            JsonNode   *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pf_document_set_answer (document, question, value, &error));
  g_assert_no_error (error);
  json_node_unref (value);
}

static void
answer_text (PfDocument *document,
             const char *question,
             const char *text)
{
  set_answer (document, question, json_node_init_string (json_node_alloc (), text));
}

static void
answer_bool (PfDocument *document,
             const char *question,
             gboolean    value)
{
  set_answer (document, question, json_node_init_boolean (json_node_alloc (), value));
}

static void
answer_number (PfDocument *document,
               const char *question,
               double      value)
{
  set_answer (document, question, json_node_init_double (json_node_alloc (), value));
}

static void
not_applicable (PfDocument *document,
                const char *question,
                const char *why)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pf_document_set_not_applicable (document, question, why, &error));
  g_assert_no_error (error);
}

static char *
add_record (PfDocument *document,
            const char *register_id,
            ...)
{
  g_autoptr(GError) error = NULL;
  char *id = pf_document_add_record (document, register_id, &error);
  g_autofree char *object = NULL;
  const char *field;
  va_list args;

  g_assert_no_error (error);
  object = g_strconcat (register_id, "/", id, NULL);

  va_start (args, register_id);
  while ((field = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);

      if (g_str_equal (value, "true") || g_str_equal (value, "false"))
        {
          g_autoptr(JsonNode) node = json_node_init_boolean (json_node_alloc (), g_str_equal (value, "true"));

          g_assert_true (pf_document_set_value (document, object, field, node, &error));
        }
      else
        g_assert_true (pf_document_set_string (document, object, field, value, &error));
      g_assert_no_error (error);
    }
  va_end (args);

  return id;
}

static void
set_field (PfDocument *document,
           const char *register_id,
           const char *id,
           const char *field,
           const char *value)
{
  g_autofree char *object = g_strconcat (register_id, "/", id, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (pf_document_set_string (document, object, field, value, &error));
  g_assert_no_error (error);
}

static char *
sign (PfDocument *document,
      const char *scope,
      const char *name,
      const char *meaning,
      const char *conditions)
{
  g_autoptr(GError) error = NULL;
  const char *role = "Role";
  char *id;

  for (guint i = 0; i < G_N_ELEMENTS (gate_scopes); i++)
    {
      if (g_str_equal (scope, gate_scopes[i]))
        role = gate_roles[i];
    }
  id = pf_document_sign_off (document, scope, name, role, meaning, conditions, &error);

  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

static void
sign_all (PfDocument *document)
{
  for (guint i = 0; i < G_N_ELEMENTS (gate_scopes); i++)
    g_free (sign (document, gate_scopes[i], "Grace Hopper", "approved", NULL));
}

static gboolean
in_list (const char * const *list,
         const char         *id)
{
  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    {
      if (g_str_equal (list[i], id))
        return TRUE;
    }

  return FALSE;
}

/* A project every rule passes: every required question answered in the
 * way that lets the model go, a reviewed feature, the ML Test Score
 * automated, and every sign-off the gates require. Questions in @skip are
 * left unanswered; without @signed, nothing is signed. */
static PfDocument *
ready_project (const char * const *skip,
               gboolean            signed_off)
{
  PfDocument *document = pf_document_new ();
  g_autofree char *stakeholder = NULL;
  g_autofree char *member = NULL;
  g_autofree char *feature = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *sections;

  pf_document_set_actor (document, "Test");
  g_assert_true (pf_document_set_string (document, "metadata", "title", "Ready project", &error));
  g_assert_true (pf_document_change_business_question (document, "Who will cancel within 60 days?",
                                                       "Top-decile lift of at least 3", NULL, &error));
  g_assert_no_error (error);

  stakeholder = add_record (document, "stakeholders", "name", "Grace Hopper", "sponsor", "true", NULL);
  member = add_record (document, "team", "name", "Ada Lovelace", NULL);
  feature = add_record (document, "features", "name", "tenure_months", "known-at", "before",
                        "target-consequence", "no", "verdict", "keep", "reviewer", "Ada Lovelace", NULL);

  for (guint p = 0; p < PF_N_PHASES; p++)
    {
      GPtrArray *steps = pf_catalog_get_steps (catalog, p);

      for (guint i = 0; i < steps->len; i++)
        {
          PfStep *step = g_ptr_array_index (steps, i);

          for (guint j = 0; j < step->questions->len; j++)
            {
              PfQuestion *question = g_ptr_array_index (step->questions, j);

              if (!question->required || in_list (skip, question->id))
                continue;

              switch (question->type)
                {
                case PF_QUESTION_YES_NO:
                  answer_bool (document, question->id, TRUE);
                  break;
                case PF_QUESTION_NUMBER:
                  answer_number (document, question->id, 12);
                  break;
                case PF_QUESTION_CHOICE:
                  answer_text (document, question->id, ((PfChoice *)g_ptr_array_index (question->choices, 0))->id);
                  break;
                case PF_QUESTION_DATE:
                  answer_text (document, question->id, "2026-11-26");
                  break;
                case PF_QUESTION_REFERENCE:
                  if (g_strcmp0 (question->register_id, "features") == 0)
                    answer_text (document, question->id, feature);
                  else if (g_strcmp0 (question->register_id, "team") == 0)
                    answer_text (document, question->id, member);
                  else
                    answer_text (document, question->id, stakeholder);
                  break;
                case PF_QUESTION_TEXT:
                case PF_QUESTION_LONG_TEXT:
                default:
                  answer_text (document, question->id, "Agreed and written down.");
                  break;
                }
            }
        }
    }

  /* The answers the rules read. */
  if (!in_list (skip, "evaluation.measured-metric"))
    answer_number (document, "evaluation.measured-metric", 3.4);
  if (!in_list (skip, "privacy-review.personal-data"))
    answer_bool (document, "privacy-review.personal-data", FALSE);
  if (!in_list (skip, "evaluation.decision"))
    answer_text (document, "evaluation.decision", "deploy");

  sections = pf_catalog_get_test_sections (catalog);
  for (guint i = 0; i < sections->len; i++)
    {
      PfTestSection *section = g_ptr_array_index (sections, i);

      for (guint j = 0; j < section->tests->len; j++)
        {
          PfTestItem *test = g_ptr_array_index (section->tests, j);
          g_autofree char *object = g_strconcat ("ml-test-score/", test->id, NULL);

          g_assert_true (pf_document_add_record_with_id (document, "ml-test-score", test->id, &error));
          g_assert_true (pf_document_set_string (document, object, "level", "automated", &error));
          g_assert_no_error (error);
        }
    }

  if (signed_off)
    sign_all (document);

  return document;
}

/* The readiness reads the sign-offs once for all gates rather than through
 * pf_gate_evaluate(): it must still agree with the gate on every phase's
 * progress and on which required sign-offs block. */
static void
assert_agrees_with_gate (PfDocument  *document,
                         PfReadiness *readiness)
{
  for (guint p = 0; p < PF_N_PHASES; p++)
    {
      PfGateState state = { 0 };

      pf_gate_evaluate (catalog, document, p, &state);
      g_assert_cmpuint (readiness->phases[p].n_required, ==, state.n_required);
      g_assert_cmpuint (readiness->phases[p].n_answered, ==, state.n_answered);

      for (guint i = 0; i < state.blockers->len; i++)
        {
          PfBlocker *blocker = g_ptr_array_index (state.blockers, i);
          gboolean found = FALSE;

          if (blocker->kind != PF_BLOCKER_SIGN_OFF)
            continue;
          for (guint j = 0; j < readiness->findings->len && !found; j++)
            {
              PfFinding *finding = g_ptr_array_index (readiness->findings, j);

              found = finding->severity == PF_SEVERITY_BLOCKER && finding->fix == PF_FIX_SIGN_OFF &&
                      g_strcmp0 (finding->target, blocker->scope) == 0;
            }
          g_assert_true (found);
        }

      /* And no sign-off blocker of a gate's scope that the gate does not
       * see, but for rejections, which block beside an approval. */
      for (guint j = 0; j < readiness->findings->len; j++)
        {
          PfFinding *finding = g_ptr_array_index (readiness->findings, j);
          gboolean found = FALSE;
          GPtrArray *gate = pf_catalog_get_gate (catalog, p);
          gboolean required = FALSE;

          if (finding->severity != PF_SEVERITY_BLOCKER || finding->fix != PF_FIX_SIGN_OFF ||
              g_str_equal (finding->rule, "rejected-sign-off"))
            continue;
          for (guint k = 0; k < gate->len; k++)
            required |= g_strcmp0 (((PfRequirement *)g_ptr_array_index (gate, k))->sign_off, finding->target) == 0;
          if (!required)
            continue;
          for (guint i = 0; i < state.blockers->len && !found; i++)
            found = g_strcmp0 (((PfBlocker *)g_ptr_array_index (state.blockers, i))->scope, finding->target) == 0;
          g_assert_true (found);
        }

      pf_gate_state_clear (&state);
    }
}

static PfReadiness *
evaluate (PfDocument *document)
{
  PfReadiness *readiness = pf_readiness_evaluate (catalog, document);

  g_assert_nonnull (readiness);
  assert_agrees_with_gate (document, readiness);
  return readiness;
}

static guint
count_rule (PfReadiness *readiness,
            const char  *rule)
{
  guint n = 0;

  for (guint i = 0; i < readiness->findings->len; i++)
    n += g_str_equal (((PfFinding *)g_ptr_array_index (readiness->findings, i))->rule, rule);

  return n;
}

static PfFinding *
find_rule (PfReadiness *readiness,
           const char  *rule,
           const char  *target)
{
  for (guint i = 0; i < readiness->findings->len; i++)
    {
      PfFinding *finding = g_ptr_array_index (readiness->findings, i);

      if (g_str_equal (finding->rule, rule) && (target == NULL || g_strcmp0 (finding->target, target) == 0))
        return finding;
    }

  return NULL;
}

/* The finding of @rule (with @target): there must be one. */
static PfFinding *
get_rule (PfReadiness *readiness,
          const char  *rule,
          const char  *target)
{
  PfFinding *finding = find_rule (readiness, rule, target);

  if (finding == NULL)
    g_error ("no finding of the rule %s for %s", rule, target ? target : "anything");

  return finding;
}

/* The findings whose target is @target, whatever the rule. */
static guint
count_target (PfReadiness *readiness,
              const char  *target)
{
  guint n = 0;

  for (guint i = 0; i < readiness->findings->len; i++)
    n += g_strcmp0 (((PfFinding *)g_ptr_array_index (readiness->findings, i))->target, target) == 0;

  return n;
}

static void
dump (PfReadiness *readiness)
{
  for (guint i = 0; i < readiness->findings->len; i++)
    {
      PfFinding *finding = g_ptr_array_index (readiness->findings, i);

      g_test_message ("%s %s [%s] %s", pf_severity_get_id (finding->severity), finding->rule,
                      finding->target ? finding->target : "", finding->title);
    }
}

/* Only findings of @rule, as many as @n, of @severity. */
static void
assert_only (PfReadiness *readiness,
             const char  *rule,
             guint        n,
             PfSeverity   severity)
{
  dump (readiness);
  g_assert_cmpuint (readiness->findings->len, ==, n);
  g_assert_cmpuint (count_rule (readiness, rule), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (((PfFinding *)g_ptr_array_index (readiness->findings, i))->severity, ==, severity);
}

/* ------------------------------------------------------------ tests */

static void
test_ready (void)
{
  g_autoptr(PfDocument) document = ready_project (NULL, TRUE);
  g_autoptr(PfReadiness) readiness = evaluate (document);

  dump (readiness);
  g_assert_cmpint (readiness->verdict, ==, PF_VERDICT_READY);
  g_assert_cmpuint (readiness->findings->len, ==, 0);
  g_assert_cmpuint (readiness->n_blockers + readiness->n_conditions + readiness->n_warnings, ==, 0);
  for (guint p = 0; p < PF_N_PHASES; p++)
    {
      g_assert_cmpuint (readiness->phases[p].n_answered, ==, readiness->phases[p].n_required);
      g_assert_cmpuint (readiness->phases[p].findings->len, ==, 0);
    }
  for (guint c = 0; c < PF_N_CAUSES; c++)
    {
      g_assert_cmpfloat (readiness->scores[c], >, 0);
      g_assert_cmpfloat (readiness->scores[c], <=, 100);
      g_assert_cmpfloat (readiness->scores[c], ==, round (readiness->scores[c]));
    }
}

/* The readiness reads the project and changes nothing in it. */
static void
test_pure (void)
{
  g_autoptr(PfDocument) document = ready_project ((const char * const[]) { "evaluation.decision", NULL }, FALSE);
  g_autofree char *before = test_serialize (document);
  guint n_audit = pf_document_get_audit_length (document);
  g_autoptr(PfReadiness) first = evaluate (document);
  g_autoptr(PfReadiness) second = evaluate (document);
  g_autofree char *after = test_serialize (document);

  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (pf_document_get_audit_length (document), ==, n_audit);
  g_assert_cmpuint (first->findings->len, ==, second->findings->len);
  g_assert_cmpint (first->verdict, ==, PF_VERDICT_NOT_READY);
}

/* a) A required question unanswered blocks its phase; "not applicable"
 * with a reason answers it; many open questions make one finding. */
static void
test_gate_questions (void)
{
  {
    g_autoptr(PfDocument) document = ready_project ((const char * const[]) { "modeling.model-version", NULL }, TRUE);
    g_autoptr(PfReadiness) readiness = evaluate (document);
    PfFinding *finding;

    /* The project sign-off covers everything: it is current, since the
     * question was never answered. */
    assert_only (readiness, "unanswered-question", 1, PF_SEVERITY_BLOCKER);
    finding = get_rule (readiness, "unanswered-question", "modeling.model-version");
    g_assert_cmpint (finding->phase, ==, PF_PHASE_MODELING);
    g_assert_cmpint (finding->fix, ==, PF_FIX_QUESTION);
    g_assert_cmpstr (finding->page, ==, "modeling");
    g_assert_nonnull (strstr (finding->title, "Which version identifier"));
    g_assert_cmpint (readiness->verdict, ==, PF_VERDICT_NOT_READY);
    g_assert_cmpuint (readiness->phases[PF_PHASE_MODELING].n_answered + 1, ==,
                      readiness->phases[PF_PHASE_MODELING].n_required);
    g_assert_cmpuint (readiness->phases[PF_PHASE_MODELING].findings->len, ==, 1);
  }

  {
    g_autoptr(PfDocument) document = ready_project ((const char * const[]) { "modeling.model-version", NULL }, FALSE);
    g_autoptr(PfReadiness) readiness = NULL;

    not_applicable (document, "modeling.model-version", "The model is a fixed rule, it has no versions.");
    sign_all (document);
    readiness = evaluate (document);
    dump (readiness);
    g_assert_cmpint (readiness->verdict, ==, PF_VERDICT_READY);
  }

  {
    g_autoptr(PfDocument) document = ready_project ((const char * const[]) {
                                                      "modeling.model-version", "modeling.test-metric",
                                                      "modeling.time-based-split", "modeling.no-train-test-overlap",
                                                      NULL }, TRUE);
    g_autoptr(PfReadiness) readiness = evaluate (document);
    PfFinding *finding;

    assert_only (readiness, "unanswered-question", 1, PF_SEVERITY_BLOCKER);
    finding = g_ptr_array_index (readiness->findings, 0);
    g_assert_nonnull (strstr (finding->title, "4 required questions"));
    g_assert_nonnull (strstr (finding->detail, "\n• Which version identifier does the candidate model have?\n"));
    g_assert_nonnull (strstr (finding->detail, "… and 1 more\n"));
    g_assert_cmpstr (finding->page, ==, "modeling");
    g_assert_nonnull (finding->target);
  }

  {
    g_autoptr(PfDocument) document = pf_document_new ();
    g_autoptr(PfReadiness) readiness = evaluate (document);
    PfFinding *finding = get_rule (readiness, "business-question", NULL);
    g_assert_cmpint (finding->fix, ==, PF_FIX_BUSINESS_QUESTION);
    g_assert_cmpstr (finding->page, ==, "business-understanding");
    g_assert_cmpint (finding->phase, ==, PF_PHASE_BUSINESS_UNDERSTANDING);
  }
}

/* a) The gate's sign-offs: missing, stale (naming what changed),
 * withdrawn, rejected — each says which. */
static void
test_gate_sign_offs (void)
{
  g_autoptr(PfDocument) document = ready_project (NULL, FALSE);
  g_autofree char *evaluation = NULL;
  g_autofree char *withdrawal = NULL;
  g_autoptr(GError) error = NULL;
  PfFinding *finding;

  /* Missing: everything but the Evaluation phase signed. */
  for (guint i = 0; i < G_N_ELEMENTS (gate_scopes); i++)
    {
      if (!g_str_equal (gate_scopes[i], "phase:evaluation"))
        g_free (sign (document, gate_scopes[i], "Grace Hopper", "approved", NULL));
    }
  {
    g_autoptr(PfReadiness) readiness = evaluate (document);

    assert_only (readiness, "gate-sign-off", 1, PF_SEVERITY_BLOCKER);
    finding = g_ptr_array_index (readiness->findings, 0);
    g_assert_cmpstr (finding->target, ==, "phase:evaluation");
    g_assert_cmpint (finding->fix, ==, PF_FIX_SIGN_OFF);
    g_assert_cmpstr (finding->page, ==, "sign-offs");
    g_assert_cmpint (finding->phase, ==, PF_PHASE_EVALUATION);
    g_assert_nonnull (strstr (finding->title, "missing"));
    g_assert_nonnull (strstr (finding->detail, "sponsor"));
  }

  /* Stale: an answer of the phase changed after signing. */
  evaluation = sign (document, "phase:evaluation", "Henrik Sørensen", "approved", NULL);
  answer_text (document, "evaluation.approved-model", "churn-2026-11-b");
  {
    g_autoptr(PfReadiness) readiness = evaluate (document);

    /* The project sign-off went stale too, with the same change. */
    dump (readiness);
    finding = get_rule (readiness, "gate-sign-off", "phase:evaluation");
    g_assert_nonnull (strstr (finding->title, "Stale"));
    g_assert_nonnull (strstr (finding->title, "Henrik Sørensen"));
    g_assert_nonnull (strstr (finding->detail, "•"));
    g_assert_nonnull (strstr (finding->detail, "Which model version is approved"));
    g_assert_nonnull (find_rule (readiness, "gate-sign-off", "project"));
    g_assert_cmpuint (count_target (readiness, "phase:evaluation"), ==, 1);
  }

  /* Signed again, then withdrawn. */
  g_free (evaluation);
  evaluation = sign (document, "phase:evaluation", "Henrik Sørensen", "approved", NULL);
  g_free (sign (document, "project", "Grace Hopper", "approved", NULL));
  {
    g_autoptr(PfReadiness) readiness = evaluate (document);

    dump (readiness);
    g_assert_cmpint (readiness->verdict, ==, PF_VERDICT_READY);
  }
  withdrawal = pf_document_withdraw_sign_off (document, evaluation, "Henrik Sørensen", "Sponsor", "Too early", &error);
  g_assert_no_error (error);
  {
    g_autoptr(PfReadiness) readiness = evaluate (document);

    assert_only (readiness, "gate-sign-off", 1, PF_SEVERITY_BLOCKER);
    finding = g_ptr_array_index (readiness->findings, 0);
    g_assert_nonnull (strstr (finding->title, "withdrawn"));
    g_assert_nonnull (strstr (finding->title, "Henrik Sørensen"));
  }
}

/* d) The business question changed after the sponsor approved it: one
 * finding for the scope, not the gate's stale sign-off besides. */
static void
test_business_question_changed (void)
{
  g_autoptr(PfDocument) document = ready_project (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  PfFinding *finding;

  sign_all (document);
  g_free (sign (document, "phase:business-understanding", "Henrik Sørensen", "approved", NULL));
  g_assert_true (pf_document_change_business_question (document, "Who will cancel within 30 days?",
                                                       "Top-decile lift of at least 3",
                                                       "The retention team needs 30 days", &error));
  g_assert_no_error (error);
  {
    g_autoptr(PfReadiness) readiness = evaluate (document);

    dump (readiness);
    finding = get_rule (readiness, "business-question-changed", NULL);
    g_assert_cmpstr (finding->title, ==, "The business question changed after Henrik Sørensen approved it");
    g_assert_nonnull (strstr (finding->detail, "Who will cancel within 30 days?"));
    g_assert_cmpint (finding->fix, ==, PF_FIX_SIGN_OFF);
    g_assert_cmpstr (finding->target, ==, "phase:business-understanding");
    g_assert_cmpint (finding->cause, ==, PF_CAUSE_INFANT_MORTALITY);
    g_assert_cmpuint (count_target (readiness, "phase:business-understanding"), ==, 1);
    /* The whole project changed too: the project sign-off is the gate's. */
    g_assert_nonnull (find_rule (readiness, "gate-sign-off", "project"));
    g_assert_cmpuint (readiness->findings->len, ==, 2);
  }

  /* An answer of the phase changed, not the question: the gate's finding. */
  g_free (sign (document, "phase:business-understanding", "Henrik Sørensen", "approved", NULL));
  answer_text (document, "business-understanding.objective", "Fewer cancellations.");
  {
    g_autoptr(PfReadiness) readiness = evaluate (document);

    g_assert_null (find_rule (readiness, "business-question-changed", NULL));
    g_assert_nonnull (find_rule (readiness, "gate-sign-off", "phase:business-understanding"));
  }

  /* Signed again. */
  g_free (sign (document, "phase:business-understanding", "Henrik Sørensen", "approved", NULL));
  g_free (sign (document, "project", "Grace Hopper", "approved", NULL));
  {
    g_autoptr(PfReadiness) readiness = evaluate (document);

    dump (readiness);
    g_assert_cmpint (readiness->verdict, ==, PF_VERDICT_READY);
  }
}

/* b) The leakage review. */
static void
test_features (void)
{
  /* Pending features: one finding naming three, fixed on the first. */
  {
    g_autoptr(PfDocument) document = ready_project (NULL, FALSE);
    g_autofree char *first = NULL;
    g_autoptr(PfReadiness) readiness = NULL;
    PfFinding *finding;

    first = add_record (document, "features", "name", "f_one", NULL);
    g_free (add_record (document, "features", "name", "f_two", "verdict", "pending", NULL));
    g_free (add_record (document, "features", "name", "f_three", NULL));
    g_free (add_record (document, "features", "name", "f_four", NULL));
    sign_all (document);
    readiness = evaluate (document);
    assert_only (readiness, "feature-not-reviewed", 1, PF_SEVERITY_BLOCKER);
    finding = g_ptr_array_index (readiness->findings, 0);
    g_assert_cmpstr (finding->title, ==, "4 features are not reviewed");
    g_assert_nonnull (strstr (finding->detail, "“f_one”, “f_two”, “f_three” and 1 more"));
    g_assert_cmpint (finding->fix, ==, PF_FIX_RECORD);
    g_assert_cmpstr (finding->page, ==, "features");
    g_assert_cmpstr (finding->target, ==, first);
    g_assert_cmpint (finding->cause, ==, PF_CAUSE_DATA_LEAKAGE);
    g_assert_cmpint (finding->phase, ==, PF_PHASE_DATA_PREPARATION);
  }

  /* Kept though known after the prediction point, or a consequence of the
   * target: one blocker each, naming the feature. Dropped ones are fine. */
  {
    g_autoptr(PfDocument) document = ready_project (NULL, FALSE);
    g_autofree char *late = NULL;
    g_autofree char *caused = NULL;
    g_autoptr(PfReadiness) readiness = NULL;
    PfFinding *finding;

    late = add_record (document, "features", "name", "calls_to_customer_service_30d", "known-at", "after",
                       "target-consequence", "no", "verdict", "keep", "reviewer", "Jonas", NULL);
    caused = add_record (document, "features", "name", "retention_offer_made", "known-at", "before",
                         "target-consequence", "yes", "verdict", "keep", "reviewer", "Jonas", NULL);
    g_free (add_record (document, "features", "name", "cancellation_reason", "known-at", "after",
                        "target-consequence", "yes", "verdict", "drop", "reviewer", "Jonas", NULL));
    sign_all (document);
    readiness = evaluate (document);
    assert_only (readiness, "leaky-feature", 2, PF_SEVERITY_BLOCKER);
    finding = get_rule (readiness, "leaky-feature", late);
    g_assert_nonnull (strstr (finding->title, "“calls_to_customer_service_30d”"));
    g_assert_nonnull (strstr (finding->title, "after the prediction point"));
    g_assert_cmpint (finding->fix, ==, PF_FIX_RECORD);
    finding = get_rule (readiness, "leaky-feature", caused);
    g_assert_nonnull (strstr (finding->title, "“retention_offer_made”"));
    g_assert_nonnull (strstr (finding->title, "consequence of the target"));
  }

  /* Twenty named, then one for the rest. */
  {
    g_autoptr(PfDocument) document = ready_project (NULL, FALSE);
    g_autoptr(PfReadiness) readiness = NULL;
    PfFinding *last;

    pf_document_begin_group (document);
    for (guint i = 0; i < 25; i++)
      {
        g_autofree char *name = g_strdup_printf ("leak_%u", i);

        g_free (add_record (document, "features", "name", name, "known-at", "after", "verdict", "keep",
                            "reviewer", "Jonas", NULL));
      }
    pf_document_end_group (document);
    sign_all (document);
    readiness = evaluate (document);
    assert_only (readiness, "leaky-feature", 21, PF_SEVERITY_BLOCKER);
    last = g_ptr_array_index (readiness->findings, 20);
    g_assert_cmpstr (last->title, ==, "… and 5 more features kept although they leak");
    g_assert_nonnull (last->target);
  }

  /* Kept with an unknown time, or without a reviewer: warnings. */
  {
    g_autoptr(PfDocument) document = ready_project (NULL, FALSE);
    g_autoptr(PfReadiness) readiness = NULL;
    PfFinding *finding;

    g_free (add_record (document, "features", "name", "f_unknown", "known-at", "unknown", "verdict", "keep",
                        "reviewer", "Jonas", NULL));
    sign_all (document);
    readiness = evaluate (document);
    assert_only (readiness, "feature-known-at-unknown", 1, PF_SEVERITY_WARNING);
    g_assert_cmpint (readiness->verdict, ==, PF_VERDICT_READY);
    finding = g_ptr_array_index (readiness->findings, 0);
    g_assert_nonnull (strstr (finding->detail, "“f_unknown”"));
  }
  {
    g_autoptr(PfDocument) document = ready_project (NULL, FALSE);
    g_autoptr(PfReadiness) readiness = NULL;

    g_free (add_record (document, "features", "name", "f_a", "known-at", "before", "verdict", "keep", NULL));
    g_free (add_record (document, "features", "name", "f_b", "known-at", "at", "verdict", "keep", "reviewer", " ", NULL));
    sign_all (document);
    readiness = evaluate (document);
    assert_only (readiness, "feature-without-reviewer", 1, PF_SEVERITY_WARNING);
    g_assert_cmpstr (((PfFinding *)g_ptr_array_index (readiness->findings, 0))->title, ==,
                     "2 kept features name no reviewer");
  }

  /* No features at all. */
  {
    g_autoptr(PfDocument) document = ready_project (NULL, FALSE);
    g_autoptr(GError) error = NULL;
    g_autoptr(PfReadiness) readiness = NULL;
    JsonArray *features = pf_document_get_records (document, "features");
    g_autofree char *id = g_strdup (json_object_get_string_member (json_array_get_object_element (features, 0), "id"));

    g_assert_true (pf_document_remove_record (document, "features", id, &error));
    g_assert_no_error (error);
    sign_all (document);
    readiness = evaluate (document);
    assert_only (readiness, "no-features", 1, PF_SEVERITY_WARNING);
    g_assert_cmpint (((PfFinding *)g_ptr_array_index (readiness->findings, 0))->fix, ==, PF_FIX_PAGE);
  }
}

static void
assert_parses (const char   *text,
               PfComparison  comparison,
               double        threshold)
{
  PfComparison found_comparison = -1;
  double found_threshold = NAN;

  g_test_message ("%s", text);
  g_assert_true (pf_success_criterion_parse (text, &found_comparison, &found_threshold));
  g_assert_cmpint (found_comparison, ==, comparison);
  g_assert_cmpfloat_with_epsilon (found_threshold, threshold, 1e-9);
}

/* c) The threshold in a success criterion. */
static void
test_threshold_parser (void)
{
  static const char * const not_thresholds[] = {
    "As good as possible",
    "Better than the current rule",
    "At least as good as the baseline",
    "AUC ≥ baseline",
    "More than the last model",
    "The model must be at least usable",
    "Flat most 3 errors",                /* no phrase at a word start */
    "at leasts 3",
    "Lift of 3",
    "",
    "≥",
    "at least three customers",
    "more than 3rd place",
    "Below expectations",
    "maximumal 5",
  };

  assert_parses ("Top-decile lift of at least 3 on the most recent hold-out month.", PF_COMPARISON_AT_LEAST, 3);
  assert_parses ("AT LEAST 0.8", PF_COMPARISON_AT_LEAST, 0.8);
  assert_parses ("At least 0,75 AUC", PF_COMPARISON_AT_LEAST, 0.75);
  assert_parses ("AUC ≥ 0.80", PF_COMPARISON_AT_LEAST, 0.8);
  assert_parses ("AUC ≥0.80", PF_COMPARISON_AT_LEAST, 0.8);
  assert_parses ("AUC>=0.7", PF_COMPARISON_AT_LEAST, 0.7);
  assert_parses ("precision >= 80 %", PF_COMPARISON_AT_LEAST, 80);
  assert_parses ("precision >= 80%", PF_COMPARISON_AT_LEAST, 80);
  assert_parses ("Minimum 0.9 recall", PF_COMPARISON_AT_LEAST, 0.9);
  assert_parses ("a minimum of 12 correct answers", PF_COMPARISON_AT_LEAST, 12);
  assert_parses ("No less than 5", PF_COMPARISON_AT_LEAST, 5);
  assert_parses ("lift more than 2.5", PF_COMPARISON_MORE_THAN, 2.5);
  assert_parses ("Lift > 2", PF_COMPARISON_MORE_THAN, 2);
  assert_parses ("greater than 10", PF_COMPARISON_MORE_THAN, 10);
  assert_parses ("MAPE at most 15 %", PF_COMPARISON_AT_MOST, 15);
  assert_parses ("MAPE ≤ 15 %", PF_COMPARISON_AT_MOST, 15);
  assert_parses ("MAPE <= 0,15", PF_COMPARISON_AT_MOST, 0.15);
  assert_parses ("Maximum 2 false alarms a day", PF_COMPARISON_AT_MOST, 2);
  assert_parses ("No more than 3 % false positives", PF_COMPARISON_AT_MOST, 3);
  assert_parses ("error less than 0.05", PF_COMPARISON_LESS_THAN, 0.05);
  assert_parses ("Error below 5%", PF_COMPARISON_LESS_THAN, 5);
  assert_parses ("RMSE < 1.5", PF_COMPARISON_LESS_THAN, 1.5);
  assert_parses ("Better than the baseline, and at least 0.7", PF_COMPARISON_AT_LEAST, 0.7);
  assert_parses ("at least: 4", PF_COMPARISON_AT_LEAST, 4);
  assert_parses ("loss ≤ -0.5", PF_COMPARISON_AT_MOST, -0.5);

  for (guint i = 0; i < G_N_ELEMENTS (not_thresholds); i++)
    {
      g_test_message ("not: %s", not_thresholds[i]);
      g_assert_false (pf_success_criterion_parse (not_thresholds[i], NULL, NULL));
    }
  g_assert_false (pf_success_criterion_parse (NULL, NULL, NULL));

  g_assert_true (pf_comparison_holds (PF_COMPARISON_AT_LEAST, 3, 3));
  g_assert_false (pf_comparison_holds (PF_COMPARISON_MORE_THAN, 3, 3));
  g_assert_true (pf_comparison_holds (PF_COMPARISON_AT_MOST, 3, 3));
  g_assert_false (pf_comparison_holds (PF_COMPARISON_LESS_THAN, 3, 3));
  g_assert_true (pf_comparison_holds (PF_COMPARISON_LESS_THAN, 2.9, 3));
}

static void
set_criterion (PfDocument *document,
               const char *criterion)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pf_document_change_business_question (document, "Who will cancel within 60 days?", criterion,
                                                       "The criterion was refined", &error));
  g_assert_no_error (error);
}

/* c) The measured metric against the success criterion. */
static void
test_metric (void)
{
  /* Below "at least 3". */
  {
    g_autoptr(PfDocument) document = ready_project (NULL, FALSE);
    g_autoptr(PfReadiness) readiness = NULL;
    PfFinding *finding;

    answer_number (document, "evaluation.measured-metric", 2.5);
    sign_all (document);
    readiness = evaluate (document);
    assert_only (readiness, "metric-below-criterion", 1, PF_SEVERITY_BLOCKER);
    finding = g_ptr_array_index (readiness->findings, 0);
    g_assert_cmpstr (finding->title, ==, "The measured metric 2.5 does not meet the success criterion of at least 3");
    g_assert_cmpstr (finding->target, ==, "evaluation.measured-metric");
    g_assert_cmpstr (finding->page, ==, "evaluation");
    g_assert_cmpint (finding->cause, ==, PF_CAUSE_INFANT_MORTALITY);
  }

  /* "MAPE ≤ 15 %" met by 12 (percent as given), not by 15.5. */
  {
    g_autoptr(PfDocument) document = ready_project (NULL, FALSE);
    g_autoptr(PfReadiness) readiness = NULL;

    set_criterion (document, "MAPE ≤ 15 % on the last quarter");
    answer_number (document, "evaluation.measured-metric", 12);
    sign_all (document);
    readiness = evaluate (document);
    dump (readiness);
    g_assert_cmpint (readiness->verdict, ==, PF_VERDICT_READY);
  }
  {
    g_autoptr(PfDocument) document = ready_project (NULL, FALSE);
    g_autoptr(PfReadiness) readiness = NULL;

    set_criterion (document, "MAPE ≤ 15 % on the last quarter");
    answer_number (document, "evaluation.measured-metric", 15.5);
    sign_all (document);
    readiness = evaluate (document);
    assert_only (readiness, "metric-below-criterion", 1, PF_SEVERITY_BLOCKER);
    g_assert_nonnull (strstr (((PfFinding *)g_ptr_array_index (readiness->findings, 0))->title, "at most 15"));
  }

  /* The evaluation says the criterion is not met. */
  {
    g_autoptr(PfDocument) document = ready_project (NULL, FALSE);
    g_autoptr(PfReadiness) readiness = NULL;

    answer_bool (document, "evaluation.criterion-met", FALSE);
    sign_all (document);
    readiness = evaluate (document);
    assert_only (readiness, "criterion-not-met", 1, PF_SEVERITY_BLOCKER);
    g_assert_cmpstr (((PfFinding *)g_ptr_array_index (readiness->findings, 0))->target, ==, "evaluation.criterion-met");
  }

  /* No figure in the criterion and criterion-met open: the gate's only. */
  {
    g_autoptr(PfDocument) document = ready_project ((const char * const[]) { "evaluation.criterion-met", NULL }, FALSE);
    g_autoptr(PfReadiness) readiness = NULL;

    set_criterion (document, "Better than the current rule");
    sign_all (document);
    readiness = evaluate (document);
    assert_only (readiness, "unanswered-question", 1, PF_SEVERITY_BLOCKER);
    g_assert_cmpstr (((PfFinding *)g_ptr_array_index (readiness->findings, 0))->target, ==, "evaluation.criterion-met");
  }
}

/* e) Personal data needs a current privacy review signed by the DPO. */
static void
test_personal_data (void)
{
  /* A data source with personal data, no privacy sign-off. */
  {
    g_autoptr(PfDocument) document = ready_project (NULL, FALSE);
    g_autoptr(PfReadiness) readiness = NULL;
    PfFinding *finding;

    g_free (add_record (document, "data-sources", "name", "CRM contracts", "personal-data", "true", NULL));
    for (guint i = 0; i < G_N_ELEMENTS (gate_scopes); i++)
      {
        if (!g_str_equal (gate_scopes[i], "privacy-review"))
          g_free (sign (document, gate_scopes[i], "Grace Hopper", "approved", NULL));
      }
    readiness = evaluate (document);
    assert_only (readiness, "personal-data-sign-off", 1, PF_SEVERITY_BLOCKER);
    finding = g_ptr_array_index (readiness->findings, 0);
    g_assert_nonnull (strstr (finding->title, "privacy review"));
    g_assert_nonnull (strstr (finding->detail, "“CRM contracts”"));
    g_assert_cmpstr (finding->target, ==, "privacy-review");
    g_assert_cmpint (finding->fix, ==, PF_FIX_SIGN_OFF);
    g_assert_cmpint (finding->cause, ==, PF_CAUSE_REAL_WORLD);
    g_assert_cmpuint (count_target (readiness, "privacy-review"), ==, 1);
  }

  /* The answer says personal data; the DPO's sign-off went stale. */
  {
    g_autoptr(PfDocument) document = ready_project (NULL, FALSE);
    g_autoptr(PfReadiness) readiness = NULL;
    PfFinding *finding;

    answer_bool (document, "privacy-review.personal-data", TRUE);
    sign_all (document);
    g_free (sign (document, "privacy-review", "Eva Hartmann", "approved", NULL));
    answer_text (document, "privacy-review.necessity", "Changed after signing.");
    g_free (sign (document, "project", "Grace Hopper", "approved", NULL));
    g_free (sign (document, "deployment-plan", "Grace Hopper", "approved", NULL));
    readiness = evaluate (document);
    assert_only (readiness, "personal-data-sign-off", 1, PF_SEVERITY_BLOCKER);
    finding = g_ptr_array_index (readiness->findings, 0);
    g_assert_nonnull (strstr (finding->title, "Stale"));
    g_assert_nonnull (strstr (finding->title, "Eva Hartmann"));
    g_assert_nonnull (strstr (finding->detail, "personal data"));
  }

  /* Without personal data the privacy review's sign-off is the gate's. */
  {
    g_autoptr(PfDocument) document = ready_project (NULL, FALSE);
    g_autoptr(PfReadiness) readiness = NULL;

    for (guint i = 0; i < G_N_ELEMENTS (gate_scopes); i++)
      {
        if (!g_str_equal (gate_scopes[i], "privacy-review"))
          g_free (sign (document, gate_scopes[i], "Grace Hopper", "approved", NULL));
      }
    readiness = evaluate (document);
    assert_only (readiness, "gate-sign-off", 1, PF_SEVERITY_BLOCKER);
  }
}

static void
set_json (PfDocument *document,
          const char *register_id,
          const char *id,
          const char *field,
          const char *json)
{
  g_autofree char *object = g_strconcat (register_id, "/", id, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (json, &error);

  g_assert_no_error (error);
  g_assert_true (pf_document_set_value (document, object, field, node, &error));
  g_assert_no_error (error);
}

/* The dataset scan's evidence (data/scan-format.md): a kept suspect without
 * a rationale, personal data found in a column, rows that can be singled
 * out. */
static void
test_dataset_scan (void)
{
  /* A kept feature the scan suspects: a warning until the rationale says why. */
  {
    g_autoptr(PfDocument) document = ready_project (NULL, TRUE);
    g_autoptr(PfReadiness) readiness = NULL;
    g_autofree char *id = add_record (document, "features", "name", "refund_amount", "known-at", "before",
                                      "target-consequence", "no", "verdict", "keep", "reviewer", "Ada", NULL);
    PfFinding *finding;

    set_json (document, "features", id, "scan", "{\"suspect\": true, \"reasons\": [\"post-event-name\"]}");
    g_free (sign (document, "leakage-review", "Grace Hopper", "approved", NULL));
    g_free (sign (document, "project", "Grace Hopper", "approved", NULL));
    readiness = evaluate (document);
    assert_only (readiness, "scan-suspect-kept", 1, PF_SEVERITY_WARNING);
    finding = g_ptr_array_index (readiness->findings, 0);
    g_assert_cmpstr (finding->target, ==, id);
    g_assert_cmpint (finding->fix, ==, PF_FIX_RECORD);
    g_assert_cmpint (finding->cause, ==, PF_CAUSE_DATA_LEAKAGE);
    g_assert_nonnull (strstr (finding->detail, "refund_amount"));
    g_clear_pointer (&readiness, pf_readiness_free);

    set_field (document, "features", id, "rationale", "Refunds before the prediction point only.");
    g_free (sign (document, "leakage-review", "Grace Hopper", "approved", NULL));
    g_free (sign (document, "project", "Grace Hopper", "approved", NULL));
    readiness = evaluate (document);
    assert_only (readiness, NULL, 0, PF_SEVERITY_WARNING);
  }

  /* Personal data found by the scan needs the privacy review signed;
   * rows below k warn. A hostile metrics object is ignored. */
  {
    g_autoptr(PfDocument) document = ready_project (NULL, FALSE);
    g_autoptr(PfReadiness) readiness = NULL;
    g_autofree char *scan = add_record (document, "dataset-scans", "file-name", "customers.csv", NULL);
    PfFinding *finding;

    set_json (document, "dataset-scans", scan, "rows", "1000");
    set_json (document, "dataset-scans", scan, "metrics",
              "{\"columns\": [{\"name\": \"plan\", \"personal-data\": []},"
              "                {\"name\": \"email\", \"personal-data\": [\"email\"]}],"
              " \"reidentification\": {\"k\": 1, \"threshold\": 5, \"rows-at-risk\": 42}}");
    for (guint i = 0; i < G_N_ELEMENTS (gate_scopes); i++)
      {
        if (!g_str_equal (gate_scopes[i], "privacy-review"))
          g_free (sign (document, gate_scopes[i], "Grace Hopper", "approved", NULL));
      }
    readiness = evaluate (document);
    dump (readiness);
    g_assert_cmpuint (readiness->findings->len, ==, 2);
    finding = get_rule (readiness, "personal-data-sign-off", "privacy-review");
    g_assert_cmpint (finding->severity, ==, PF_SEVERITY_BLOCKER);
    g_assert_nonnull (strstr (finding->detail, "“email”"));
    g_assert_nonnull (strstr (finding->detail, "customers.csv"));
    finding = get_rule (readiness, "reidentification-risk", NULL);
    g_assert_cmpint (finding->severity, ==, PF_SEVERITY_WARNING);
    g_assert_cmpint (finding->cause, ==, PF_CAUSE_REAL_WORLD);
    g_assert_nonnull (strstr (finding->title, "42 rows"));
    g_assert_nonnull (strstr (finding->title, "k = 1"));
    g_assert_nonnull (strstr (finding->detail, "1000"));
    g_clear_pointer (&readiness, pf_readiness_free);

    set_json (document, "dataset-scans", scan, "metrics",
              "{\"columns\": \"none\", \"reidentification\": {\"k\": \"x\", \"rows-at-risk\": [1]}}");
    g_free (sign (document, "project", "Grace Hopper", "approved", NULL));
    readiness = evaluate (document);
    assert_only (readiness, "gate-sign-off", 1, PF_SEVERITY_BLOCKER);
  }
}

/* f) Predictions logged and kept for a set period. */
static void
test_prediction_logging (void)
{
  const double bad[] = { 0, -3 };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(PfDocument) document = ready_project (NULL, FALSE);
      g_autoptr(PfReadiness) readiness = NULL;
      PfFinding *finding;

      answer_number (document, "deployment-plan.retention-months", bad[i]);
      sign_all (document);
      readiness = evaluate (document);
      assert_only (readiness, "prediction-logging", 1, PF_SEVERITY_BLOCKER);
      finding = g_ptr_array_index (readiness->findings, 0);
      g_assert_cmpstr (finding->target, ==, "deployment-plan.retention-months");
      g_assert_cmpstr (finding->page, ==, "deployment");
      g_assert_cmpint (finding->cause, ==, PF_CAUSE_REAL_WORLD);
    }

  /* "Not applicable" is no retention period. */
  {
    g_autoptr(PfDocument) document = ready_project ((const char * const[]) { "deployment-plan.prediction-logging", NULL },
                                                    FALSE);
    g_autoptr(PfReadiness) readiness = NULL;

    not_applicable (document, "deployment-plan.prediction-logging", "We do not store predictions.");
    sign_all (document);
    readiness = evaluate (document);
    assert_only (readiness, "prediction-logging", 1, PF_SEVERITY_BLOCKER);
    g_assert_cmpstr (((PfFinding *)g_ptr_array_index (readiness->findings, 0))->target, ==,
                     "deployment-plan.prediction-logging");
  }

  /* Unanswered: the gate's finding, once. */
  {
    g_autoptr(PfDocument) document = ready_project ((const char * const[]) { "deployment-plan.retention-reason", NULL },
                                                    TRUE);
    g_autoptr(PfReadiness) readiness = evaluate (document);

    assert_only (readiness, "unanswered-question", 1, PF_SEVERITY_BLOCKER);
    g_assert_cmpuint (count_target (readiness, "deployment-plan.retention-reason"), ==, 1);
  }
}

/* g) Deployment: target kind, schedule, owner, rollback, IT's sign-off. */
static void
test_deployment (void)
{
  {
    g_autoptr(PfDocument) document = ready_project ((const char * const[]) {
                                                      "deployment-plan.target-kind", "deployment-plan.rollback", NULL },
                                                    TRUE);
    g_autoptr(PfReadiness) readiness = evaluate (document);
    PfFinding *finding;

    assert_only (readiness, "deployment-plan", 2, PF_SEVERITY_BLOCKER);
    finding = get_rule (readiness, "deployment-plan", "deployment-plan.rollback");
    g_assert_nonnull (strstr (finding->title, "rollback"));
    g_assert_cmpint (finding->cause, ==, PF_CAUSE_IT_COLLABORATION);
    g_assert_cmpuint (count_target (readiness, "deployment-plan.target-kind"), ==, 1);
  }

  /* No IT contact: a model owner makes an owner, but the gate still asks
   * for the contact. */
  {
    g_autoptr(PfDocument) document = ready_project ((const char * const[]) { "deployment-plan.it-contact", NULL }, TRUE);
    g_autoptr(PfReadiness) readiness = evaluate (document);

    assert_only (readiness, "deployment-plan", 1, PF_SEVERITY_BLOCKER);
    g_assert_nonnull (strstr (((PfFinding *)g_ptr_array_index (readiness->findings, 0))->title, "Nobody"));
  }
  {
    g_autoptr(PfDocument) document = ready_project ((const char * const[]) { "deployment-plan.it-contact", NULL }, FALSE);
    g_autoptr(PfReadiness) readiness = NULL;
    JsonArray *team = pf_document_get_records (document, "team");

    answer_text (document, "deployment-plan.model-owner",
                 json_object_get_string_member (json_array_get_object_element (team, 0), "id"));
    sign_all (document);
    readiness = evaluate (document);
    assert_only (readiness, "unanswered-question", 1, PF_SEVERITY_BLOCKER);
  }

  /* IT has not signed the plan. */
  {
    g_autoptr(PfDocument) document = ready_project (NULL, FALSE);
    g_autoptr(PfReadiness) readiness = NULL;

    for (guint i = 0; i < G_N_ELEMENTS (gate_scopes); i++)
      {
        if (!g_str_equal (gate_scopes[i], "deployment-plan"))
          g_free (sign (document, gate_scopes[i], "Grace Hopper", "approved", NULL));
      }
    readiness = evaluate (document);
    assert_only (readiness, "deployment-plan", 1, PF_SEVERITY_BLOCKER);
    g_assert_cmpstr (((PfFinding *)g_ptr_array_index (readiness->findings, 0))->target, ==, "deployment-plan");
    g_assert_cmpint (((PfFinding *)g_ptr_array_index (readiness->findings, 0))->fix, ==, PF_FIX_SIGN_OFF);
  }
}

/* h) A stale sign-off never counts; one of a scope no gate requires is a
 * warning until it is signed again. */
static void
test_stale_sign_off (void)
{
  g_autoptr(PfDocument) document = ready_project (NULL, FALSE);
  PfFinding *finding;

  g_free (sign (document, "phase:modeling", "Alan Turing", "approved", NULL));
  answer_text (document, "modeling.model-version", "churn-2026-12");
  sign_all (document);
  {
    g_autoptr(PfReadiness) readiness = evaluate (document);

    assert_only (readiness, "stale-sign-off", 1, PF_SEVERITY_WARNING);
    finding = g_ptr_array_index (readiness->findings, 0);
    g_assert_cmpstr (finding->target, ==, "phase:modeling");
    g_assert_nonnull (strstr (finding->title, "Alan Turing"));
    g_assert_nonnull (strstr (finding->detail, "Which version identifier"));
    g_assert_cmpint (readiness->verdict, ==, PF_VERDICT_READY);
  }

  g_free (sign (document, "phase:modeling", "Alan Turing", "approved", NULL));
  {
    g_autoptr(PfReadiness) readiness = evaluate (document);

    g_assert_cmpuint (readiness->findings->len, ==, 0);
  }
}

/* i) Conditional approvals and rejections. */
static void
test_approvals (void)
{
  {
    g_autoptr(PfDocument) document = ready_project (NULL, TRUE);
    g_autoptr(PfReadiness) readiness = NULL;
    PfFinding *finding;

    g_free (sign (document, "privacy-review", "Eva Hartmann", "approved-with-conditions",
                  "Pseudonymise customer ids before scoring"));
    readiness = evaluate (document);
    assert_only (readiness, "conditional-approval", 1, PF_SEVERITY_CONDITION);
    g_assert_cmpint (readiness->verdict, ==, PF_VERDICT_READY_WITH_CONDITIONS);
    g_assert_cmpuint (readiness->n_conditions, ==, 1);
    finding = g_ptr_array_index (readiness->findings, 0);
    g_assert_nonnull (strstr (finding->title, "Eva Hartmann"));
    g_assert_nonnull (strstr (finding->detail, "Pseudonymise customer ids before scoring"));
    g_assert_cmpstr (finding->target, ==, "privacy-review");
  }

  /* The conditions met: the same approver approves again, without. */
  {
    g_autoptr(PfDocument) document = ready_project (NULL, TRUE);
    g_autoptr(PfReadiness) readiness = NULL;

    g_free (sign (document, "privacy-review", "Eva Hartmann", "approved-with-conditions", "Pseudonymise ids"));
    g_free (sign (document, "privacy-review", "Someone Else", "reviewed", NULL));
    g_free (sign (document, "privacy-review", "Eva Hartmann", "approved", NULL));
    readiness = evaluate (document);
    dump (readiness);
    g_assert_cmpint (readiness->verdict, ==, PF_VERDICT_READY);
  }

  /* A condition with a blocker besides: NOT READY. */
  {
    g_autoptr(PfDocument) document = ready_project ((const char * const[]) { "modeling.model-version", NULL }, TRUE);
    g_autoptr(PfReadiness) readiness = NULL;

    g_free (sign (document, "deployment-plan", "Tomasz Nowak", "approved-with-conditions", "Run after 02:00"));
    readiness = evaluate (document);
    g_assert_cmpint (readiness->verdict, ==, PF_VERDICT_NOT_READY);
    g_assert_cmpuint (readiness->n_conditions, ==, 1);
    /* Blockers come first. */
    g_assert_cmpint (((PfFinding *)g_ptr_array_index (readiness->findings, 0))->severity, ==, PF_SEVERITY_BLOCKER);
  }

  /* A current rejection blocks, even beside an approval. */
  {
    g_autoptr(PfDocument) document = ready_project (NULL, TRUE);
    g_autoptr(PfReadiness) readiness = NULL;
    PfFinding *finding;

    g_free (sign (document, "leakage-review", "Jonas Weber", "rejected", "Two features leak the target"));
    readiness = evaluate (document);
    assert_only (readiness, "rejected-sign-off", 1, PF_SEVERITY_BLOCKER);
    finding = g_ptr_array_index (readiness->findings, 0);
    g_assert_nonnull (strstr (finding->title, "Jonas Weber"));
    g_assert_nonnull (strstr (finding->detail, "Two features leak the target"));
  }

  /* The rejection taken back by a new approval of the same person. */
  {
    g_autoptr(PfDocument) document = ready_project (NULL, TRUE);
    g_autoptr(PfReadiness) readiness = NULL;

    g_free (sign (document, "leakage-review", "Jonas Weber", "rejected", "Two features leak the target"));
    g_free (sign (document, "leakage-review", "Jonas Weber", "approved", "Both dropped"));
    readiness = evaluate (document);
    g_assert_cmpint (readiness->verdict, ==, PF_VERDICT_READY);
  }

  /* The only sign-off is a rejection: reported once, as one. */
  {
    g_autoptr(PfDocument) document = ready_project (NULL, FALSE);
    g_autoptr(PfReadiness) readiness = NULL;

    g_free (sign (document, "leakage-review", "Jonas Weber", "rejected", ""));
    for (guint i = 0; i < G_N_ELEMENTS (gate_scopes); i++)
      {
        if (!g_str_equal (gate_scopes[i], "leakage-review"))
          g_free (sign (document, gate_scopes[i], "Grace Hopper", "approved", NULL));
      }
    readiness = evaluate (document);
    dump (readiness);
    g_assert_cmpuint (readiness->findings->len, ==, 1);
    g_assert_cmpuint (count_target (readiness, "leakage-review"), ==, 1);
    g_assert_nonnull (strstr (((PfFinding *)g_ptr_array_index (readiness->findings, 0))->title, "Rejected"));
  }
}

static void
load_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  PfDocument **document = user_data;
  g_autoptr(GError) error = NULL;

  *document = pf_document_load_finish (result, &error);
  g_assert_no_error (error);
}

/* j) The audit trail: broken is a blocker, not checked yet a warning. */
static void
test_audit (void)
{
  g_autoptr(PfDocument) document = ready_project (NULL, TRUE);
  g_autofree char *text = test_serialize (document);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(PfDocument) loaded = NULL;
  g_autoptr(PfDocument) tampered = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) changed = g_string_new (text);
  int fd;

  /* Read, not yet verified. */
  fd = g_file_open_tmp ("readiness-XXXXXX.preflight", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  file = g_file_new_for_path (path);
  pf_document_load_async (file, NULL, load_cb, &loaded);
  while (loaded == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (!pf_document_get_audit_verified (loaded))
    {
      g_autoptr(PfReadiness) readiness = evaluate (loaded);

      assert_only (readiness, "audit-not-verified", 1, PF_SEVERITY_WARNING);
      g_assert_cmpstr (((PfFinding *)g_ptr_array_index (readiness->findings, 0))->page, ==, "audit-trail");
    }
  pf_document_verify_audit (loaded, NULL);
  {
    g_autoptr(PfReadiness) readiness = evaluate (loaded);

    g_assert_cmpuint (readiness->findings->len, ==, 0);
  }
  g_unlink (path);

  /* An entry's actor changed by hand. */
  g_assert_cmpuint (g_string_replace (changed, "\"actor\": \"Test\"", "\"actor\": \"Mallory\"", 1), ==, 1);
  tampered = test_load_string (changed->str, &error);
  g_assert_no_error (error);
  {
    g_autoptr(PfReadiness) readiness = evaluate (tampered);
    PfFinding *finding = get_rule (readiness, "audit-broken", NULL);

    dump (readiness);
    g_assert_cmpint (finding->severity, ==, PF_SEVERITY_BLOCKER);
    g_assert_cmpstr (finding->title, ==, "The audit trail is broken at entry 1");
    g_assert_cmpstr (finding->page, ==, "audit-trail");
    g_assert_cmpint (finding->fix, ==, PF_FIX_PAGE);
    g_assert_cmpint (finding->phase, ==, -1);
    g_assert_cmpint (readiness->verdict, ==, PF_VERDICT_NOT_READY);
  }
}

/* k) Risks, assumptions, the ML Test Score and the answers that stop a
 * deployment. */
static void
test_registers (void)
{
  {
    g_autoptr(PfDocument) document = ready_project (NULL, FALSE);
    g_autoptr(PfReadiness) readiness = NULL;
    g_autofree char *risk = NULL;
    PfFinding *finding;

    risk = add_record (document, "risks", "title", "Scores arrive after the batch closes", "cause", "it-collaboration",
                       "likelihood", "high", "impact", "high", "status", "open", NULL);
    g_free (add_record (document, "risks", "title", "Mitigated", "likelihood", "high", "impact", "high",
                        "status", "mitigated", NULL));
    g_free (add_record (document, "risks", "title", "Medium", "likelihood", "medium", "impact", "high",
                        "status", "open", NULL));
    sign_all (document);
    readiness = evaluate (document);
    assert_only (readiness, "high-risk", 1, PF_SEVERITY_WARNING);
    finding = g_ptr_array_index (readiness->findings, 0);
    g_assert_cmpstr (finding->target, ==, risk);
    g_assert_cmpint (finding->cause, ==, PF_CAUSE_IT_COLLABORATION);
    g_assert_nonnull (strstr (finding->title, "Scores arrive after the batch closes"));
  }

  {
    g_autoptr(PfDocument) document = ready_project (NULL, FALSE);
    g_autoptr(PfReadiness) readiness = NULL;

    g_free (add_record (document, "assumptions", "statement", "Customers behave the same in winter", NULL));
    g_free (add_record (document, "assumptions", "statement", "Validated one", "status", "validated", NULL));
    g_free (add_record (document, "assumptions", "statement", "The retention team calls within a week",
                        "status", "open", NULL));
    sign_all (document);
    readiness = evaluate (document);
    assert_only (readiness, "open-assumptions", 1, PF_SEVERITY_WARNING);
    g_assert_cmpstr (((PfFinding *)g_ptr_array_index (readiness->findings, 0))->title, ==,
                     "2 assumptions are still open");
  }

  {
    g_autoptr(PfDocument) document = ready_project (NULL, FALSE);
    g_autoptr(PfReadiness) readiness = NULL;
    PfTestSection *section = g_ptr_array_index (pf_catalog_get_test_sections (catalog), 0);
    PfTestItem *test = g_ptr_array_index (section->tests, 0);

    for (guint i = 0; i < section->tests->len; i++)
      set_field (document, "ml-test-score", ((PfTestItem *)g_ptr_array_index (section->tests, i))->id, "level", "none");
    set_field (document, "ml-test-score", test->id, "level", "manual");
    sign_all (document);
    readiness = evaluate (document);
    assert_only (readiness, "ml-test-score", 1, PF_SEVERITY_WARNING);
    g_assert_cmpstr (((PfFinding *)g_ptr_array_index (readiness->findings, 0))->page, ==, "ml-test-score");
  }

  {
    g_autoptr(PfDocument) document = ready_project (NULL, FALSE);
    g_autoptr(PfReadiness) readiness = NULL;
    PfFinding *finding;

    answer_bool (document, "evaluation.still-aligned", FALSE);
    sign_all (document);
    readiness = evaluate (document);
    assert_only (readiness, "business-alignment", 1, PF_SEVERITY_BLOCKER);
    finding = g_ptr_array_index (readiness->findings, 0);
    g_assert_cmpint (finding->cause, ==, PF_CAUSE_BUSINESS_ALIGNMENT);
    g_assert_cmpstr (finding->target, ==, "evaluation.still-aligned");
  }

  {
    /* Marked not applicable, the "no" it had does not count. */
    g_autoptr(PfDocument) document = ready_project (NULL, FALSE);
    g_autoptr(PfReadiness) readiness = NULL;
    g_autoptr(GError) error = NULL;

    answer_bool (document, "evaluation.still-aligned", FALSE);
    g_assert_true (pf_document_set_not_applicable (document, "evaluation.still-aligned",
                                                   "The business need was retired with the old tariff.", &error));
    g_assert_no_error (error);
    sign_all (document);
    readiness = evaluate (document);
    g_assert_cmpuint (readiness->n_blockers, ==, 0);
  }

  {
    g_autoptr(PfDocument) document = ready_project (NULL, FALSE);
    g_autoptr(PfReadiness) readiness = NULL;

    answer_bool (document, "data-understanding.available-in-production", FALSE);
    sign_all (document);
    readiness = evaluate (document);
    assert_only (readiness, "data-not-in-production", 1, PF_SEVERITY_BLOCKER);
    g_assert_cmpint (((PfFinding *)g_ptr_array_index (readiness->findings, 0))->phase, ==, PF_PHASE_DATA_UNDERSTANDING);
  }

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(PfDocument) document = ready_project (NULL, FALSE);
      g_autoptr(PfReadiness) readiness = NULL;

      answer_text (document, "evaluation.decision", i ? "stop" : "iterate");
      sign_all (document);
      readiness = evaluate (document);
      assert_only (readiness, "decision-not-deploy", 1, PF_SEVERITY_BLOCKER);
    }
}

/* The scores: answered share, halved per blocker (three times at most),
 * × 0.9 per warning (five times at most). */
static void
test_scores (void)
{
  g_autoptr(PfDocument) blank = pf_document_new ();
  g_autoptr(PfReadiness) empty = evaluate (blank);
  g_autoptr(PfDocument) document = ready_project (NULL, TRUE);
  g_autoptr(PfReadiness) ready = evaluate (document);
  double leakage = ready->scores[PF_CAUSE_DATA_LEAKAGE];
  double it = ready->scores[PF_CAUSE_IT_COLLABORATION];

  for (guint c = 0; c < PF_N_CAUSES; c++)
    g_assert_cmpfloat (empty->scores[c], ==, 0);

  /* One leaky feature: halved. Five: three halvings at most. */
  for (guint n = 1; n <= 5; n += 4)
    {
      g_autoptr(PfDocument) leaky = ready_project (NULL, FALSE);
      g_autoptr(PfReadiness) readiness = NULL;

      for (guint i = 0; i < n; i++)
        g_free (add_record (leaky, "features", "name", "late", "known-at", "after", "verdict", "keep",
                            "reviewer", "Jonas", NULL));
      sign_all (leaky);
      readiness = evaluate (leaky);
      g_assert_cmpuint (count_rule (readiness, "leaky-feature"), ==, n);
      g_assert_cmpfloat (fabs (readiness->scores[PF_CAUSE_DATA_LEAKAGE] - leakage * (n == 1 ? 0.5 : 0.125)), <=, 1);
      g_assert_cmpfloat (readiness->scores[PF_CAUSE_IT_COLLABORATION], ==, it);
    }

  /* Seven open high risks of one cause: 0.9 five times. */
  {
    g_autoptr(PfDocument) risky = ready_project (NULL, FALSE);
    g_autoptr(PfReadiness) readiness = NULL;

    for (guint i = 0; i < 7; i++)
      g_free (add_record (risky, "risks", "title", "Risk", "cause", "it-collaboration", "likelihood", "high",
                          "impact", "high", NULL));
    sign_all (risky);
    readiness = evaluate (risky);
    g_assert_cmpuint (readiness->n_warnings, ==, 7);
    g_assert_cmpfloat (fabs (readiness->scores[PF_CAUSE_IT_COLLABORATION] - it * pow (0.9, 5)), <=, 1);
    g_assert_cmpfloat (readiness->scores[PF_CAUSE_DATA_LEAKAGE], ==, leakage);
  }
}

/* Blockers, then conditions, then warnings; in each, by phase, the
 * project-wide ones last. Each phase lists its own, blockers first. */
static void
test_order (void)
{
  g_autoptr(PfDocument) document = pf_document_new ();
  g_autoptr(PfReadiness) readiness = NULL;

  g_free (add_record (document, "risks", "title", "Risk", "likelihood", "high", "impact", "high", NULL));
  g_free (sign (document, "phase:modeling", "Ada", "approved-with-conditions", "Retrain monthly"));
  g_free (add_record (document, "features", "name", "late", "known-at", "after", "verdict", "keep", NULL));
  readiness = evaluate (document);
  dump (readiness);

  g_assert_cmpint (readiness->verdict, ==, PF_VERDICT_NOT_READY);
  g_assert_cmpuint (readiness->n_blockers + readiness->n_conditions + readiness->n_warnings, ==,
                    readiness->findings->len);
  g_assert_cmpuint (readiness->n_conditions, ==, 1);
  for (guint i = 1; i < readiness->findings->len; i++)
    {
      PfFinding *a = g_ptr_array_index (readiness->findings, i - 1);
      PfFinding *b = g_ptr_array_index (readiness->findings, i);
      int phase_a = a->phase < 0 ? PF_N_PHASES : a->phase;
      int phase_b = b->phase < 0 ? PF_N_PHASES : b->phase;

      g_assert_cmpint (a->severity, <=, b->severity);
      if (a->severity == b->severity)
        g_assert_cmpint (phase_a, <=, phase_b);
    }

  for (guint p = 0; p < PF_N_PHASES; p++)
    {
      GPtrArray *findings = readiness->phases[p].findings;

      for (guint i = 0; i < findings->len; i++)
        {
          PfFinding *finding = g_ptr_array_index (findings, i);

          g_assert_cmpint (finding->phase, ==, p);
          if (i > 0)
            g_assert_cmpint (((PfFinding *)g_ptr_array_index (findings, i - 1))->severity, <=, finding->severity);
        }
    }
  g_assert_cmpuint (readiness->phases[PF_PHASE_DATA_PREPARATION].findings->len, >, 0);
}

static void
test_json (void)
{
  g_autoptr(PfDocument) document = ready_project ((const char * const[]) { "modeling.model-version", NULL }, TRUE);
  g_autoptr(PfReadiness) readiness = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GList) members = NULL;
  g_autoptr(GList) finding_members = NULL;
  JsonObject *root, *counts, *finding, *scores, *phase;
  JsonArray *findings, *phases;
  static const char * const order[] = { "verdict", "counts", "findings", "phases", "scores" };
  static const char * const finding_order[] = {
    "severity", "rule", "cause", "phase", "title", "detail", "fix", "page", "target"
  };
  guint i;

  g_free (sign (document, "privacy-review", "Eva", "approved-with-conditions", "Pseudonymise"));
  readiness = evaluate (document);
  node = pf_readiness_to_json (readiness);
  root = json_node_get_object (node);

  members = json_object_get_members (root);
  i = 0;
  for (GList *l = members; l != NULL; l = l->next, i++)
    g_assert_cmpstr (l->data, ==, order[i]);
  g_assert_cmpuint (i, ==, G_N_ELEMENTS (order));

  g_assert_cmpstr (json_object_get_string_member (root, "verdict"), ==, "not-ready");
  counts = json_object_get_object_member (root, "counts");
  g_assert_cmpint (json_object_get_int_member (counts, "blockers"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (counts, "conditions"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (counts, "warnings"), ==, 0);

  findings = json_object_get_array_member (root, "findings");
  g_assert_cmpuint (json_array_get_length (findings), ==, 2);
  finding = json_array_get_object_element (findings, 0);
  finding_members = json_object_get_members (finding);
  i = 0;
  for (GList *l = finding_members; l != NULL; l = l->next, i++)
    g_assert_cmpstr (l->data, ==, finding_order[i]);
  g_assert_cmpuint (i, ==, G_N_ELEMENTS (finding_order));
  g_assert_cmpstr (json_object_get_string_member (finding, "severity"), ==, "blocker");
  g_assert_cmpstr (json_object_get_string_member (finding, "rule"), ==, "unanswered-question");
  g_assert_cmpstr (json_object_get_string_member (finding, "phase"), ==, "modeling");
  g_assert_cmpstr (json_object_get_string_member (finding, "fix"), ==, "question");
  g_assert_cmpstr (json_object_get_string_member (finding, "page"), ==, "modeling");
  g_assert_cmpstr (json_object_get_string_member (finding, "target"), ==, "modeling.model-version");
  g_assert_true (json_object_get_null_member (finding, "cause"));

  finding = json_array_get_object_element (findings, 1);
  g_assert_cmpstr (json_object_get_string_member (finding, "severity"), ==, "condition");
  g_assert_cmpstr (json_object_get_string_member (finding, "fix"), ==, "sign-off");
  g_assert_cmpstr (json_object_get_string_member (finding, "target"), ==, "privacy-review");

  phases = json_object_get_array_member (root, "phases");
  g_assert_cmpuint (json_array_get_length (phases), ==, PF_N_PHASES);
  phase = json_array_get_object_element (phases, PF_PHASE_MODELING);
  g_assert_cmpstr (json_object_get_string_member (phase, "id"), ==, "modeling");
  g_assert_cmpint (json_object_get_int_member (phase, "required"), ==, readiness->phases[PF_PHASE_MODELING].n_required);
  g_assert_cmpint (json_object_get_int_member (phase, "answered"), ==, readiness->phases[PF_PHASE_MODELING].n_required - 1);
  g_assert_cmpint (json_object_get_int_member (phase, "blockers"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (phases, 0), "blockers"), ==, 0);

  scores = json_object_get_object_member (root, "scores");
  g_assert_cmpuint (json_object_get_size (scores), ==, PF_N_CAUSES);
  for (guint c = 0; c < PF_N_CAUSES; c++)
    g_assert_cmpint (json_object_get_int_member (scores, pf_cause_get_id (c)), ==, (gint64)readiness->scores[c]);
}

/* The bundled sample: NOT READY, for the reasons it was written to show. */
static void
test_sample (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples", "churn.preflight", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PfDocument) document = NULL;
  g_autoptr(PfReadiness) readiness = NULL;
  PfFinding *finding;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  document = test_load_string (text, &error);
  g_assert_no_error (error);
  readiness = evaluate (document);
  dump (readiness);

  g_assert_cmpint (readiness->verdict, ==, PF_VERDICT_NOT_READY);
  g_assert_null (find_rule (readiness, "audit-broken", NULL));

  finding = get_rule (readiness, "leaky-feature", NULL);
  g_assert_nonnull (strstr (finding->title, "calls_to_customer_service_30d"));
  g_assert_cmpuint (count_rule (readiness, "leaky-feature"), ==, 1);

  finding = get_rule (readiness, "business-question-changed", NULL);
  g_assert_nonnull (strstr (finding->title, "Henrik Sørensen"));

  g_assert_nonnull (find_rule (readiness, "personal-data-sign-off", "privacy-review"));
  g_assert_nonnull (find_rule (readiness, "feature-not-reviewed", NULL));
  g_assert_cmpuint (readiness->n_blockers, <=, 25);
}

/* A gate's sign-off given in another role than the one it expects warns. */
static void
test_sign_off_roles (void)
{
  g_autoptr(PfDocument) document = ready_project (NULL, TRUE);
  g_autoptr(PfReadiness) readiness = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  PfFinding *finding;

  readiness = evaluate (document);
  g_assert_cmpuint (readiness->findings->len, ==, 0);
  g_clear_pointer (&readiness, pf_readiness_free);

  id = pf_document_sign_off (document, "privacy-review", "Jonas Weber", "Data scientist", "approved", NULL, &error);
  g_assert_no_error (error);
  readiness = evaluate (document);
  assert_only (readiness, "sign-off-role", 1, PF_SEVERITY_WARNING);
  finding = g_ptr_array_index (readiness->findings, 0);
  g_assert_cmpint (readiness->verdict, ==, PF_VERDICT_READY);
  g_assert_cmpstr (finding->target, ==, "privacy-review");
  g_assert_nonnull (strstr (finding->title, "Jonas Weber"));
  g_assert_nonnull (strstr (finding->title, "data protection officer"));
  g_clear_pointer (&readiness, pf_readiness_free);
  g_free (id);

  id = pf_document_sign_off (document, "privacy-review", "Eva Hartmann", "Data Protection Officer", "approved", NULL, &error);
  g_assert_no_error (error);
  readiness = evaluate (document);
  g_assert_cmpuint (readiness->findings->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  int result;

  g_test_init (&argc, &argv, NULL);

  path = g_test_build_filename (G_TEST_DIST, "..", "data", "catalog", "crisp-dm.catalog", NULL);
  file = g_file_new_for_path (path);
  catalog = pf_catalog_new_from_file (file, &error);
  g_assert_no_error (error);

  g_test_add_func ("/readiness/ready", test_ready);
  g_test_add_func ("/readiness/pure", test_pure);
  g_test_add_func ("/readiness/gate-questions", test_gate_questions);
  g_test_add_func ("/readiness/gate-sign-offs", test_gate_sign_offs);
  g_test_add_func ("/readiness/business-question-changed", test_business_question_changed);
  g_test_add_func ("/readiness/features", test_features);
  g_test_add_func ("/readiness/threshold-parser", test_threshold_parser);
  g_test_add_func ("/readiness/metric", test_metric);
  g_test_add_func ("/readiness/personal-data", test_personal_data);
  g_test_add_func ("/readiness/dataset-scan", test_dataset_scan);
  g_test_add_func ("/readiness/prediction-logging", test_prediction_logging);
  g_test_add_func ("/readiness/deployment", test_deployment);
  g_test_add_func ("/readiness/stale-sign-off", test_stale_sign_off);
  g_test_add_func ("/readiness/approvals", test_approvals);
  g_test_add_func ("/readiness/sign-off-roles", test_sign_off_roles);
  g_test_add_func ("/readiness/audit", test_audit);
  g_test_add_func ("/readiness/registers", test_registers);
  g_test_add_func ("/readiness/scores", test_scores);
  g_test_add_func ("/readiness/order", test_order);
  g_test_add_func ("/readiness/json", test_json);
  g_test_add_func ("/readiness/sample", test_sample);

  result = g_test_run ();
  g_object_unref (catalog);
  return result;
}
