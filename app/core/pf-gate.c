/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pf-gate.h"

static void
blocker_free (PfBlocker *blocker)
{
  g_free (blocker->question);
  g_free (blocker->scope);
  g_free (blocker->role);
  g_free (blocker);
}

void
pf_gate_state_clear (PfGateState *state)
{
  g_clear_pointer (&state->blockers, g_ptr_array_unref);
  state->n_required = 0;
  state->n_answered = 0;
}

/**
 * pf_question_is_answered:
 *
 * Whether @question has an answer that says something, or is justified as
 * not applicable.
 */
gboolean
pf_question_is_answered (PfDocument       *document,
                         const PfQuestion *question)
{
  g_autofree char *object = NULL;
  JsonNode *value;
  JsonNode *flag;
  const char *justification;

  g_return_val_if_fail (PF_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (question != NULL, FALSE);

  object = g_strconcat ("answers/", question->id, NULL);
  flag = pf_document_get_value (document, object, "not-applicable");
  justification = pf_document_get_string (document, object, "justification");
  if (flag != NULL && JSON_NODE_HOLDS_VALUE (flag) && json_node_get_value_type (flag) == G_TYPE_BOOLEAN &&
      json_node_get_boolean (flag) && justification != NULL && justification[0] != '\0')
    return TRUE;

  value = pf_document_get_value (document, object, "value");
  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    return FALSE;
  if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
    {
      g_autofree char *text = g_strstrip (g_strdup (json_node_get_string (value)));

      return text[0] != '\0';
    }

  return TRUE;
}

/**
 * pf_text_is_given:
 *
 * Whether @text says something: not %NULL, not only white space.
 */
gboolean
pf_text_is_given (const char *text)
{
  if (text == NULL)
    return FALSE;

  for (; *text != '\0'; text = g_utf8_next_char (text))
    {
      if (!g_unichar_isspace (g_utf8_get_char (text)))
        return TRUE;
    }

  return FALSE;
}

/**
 * pf_business_question_is_recorded:
 *
 * Whether the project has a business question and a success criterion.
 * Every catalog's Business Understanding requires both: they are kept as
 * versions of their own, not as answers.
 */
gboolean
pf_business_question_is_recorded (PfDocument *document)
{
  const char *question;
  const char *criterion;

  g_return_val_if_fail (PF_IS_DOCUMENT (document), FALSE);

  question = pf_document_get_business_question (document);
  criterion = pf_document_get_success_criterion (document);

  return pf_text_is_given (question) && pf_text_is_given (criterion);
}

/* Counts the required questions of @phase and those answered; with
 * @blockers, adds one for each that is not. */
static void
count_required (PfCatalog  *catalog,
                PfDocument *document,
                PfPhase     phase,
                guint      *n_answered,
                guint      *n_required,
                GPtrArray  *blockers)
{
  GPtrArray *steps = pf_catalog_get_steps (catalog, phase);

  *n_answered = 0;
  *n_required = 0;

  if (phase == PF_PHASE_BUSINESS_UNDERSTANDING)
    {
      (*n_required)++;
      if (pf_business_question_is_recorded (document))
        {
          (*n_answered)++;
        }
      else if (blockers != NULL)
        {
          PfBlocker *blocker = g_new0 (PfBlocker, 1);

          blocker->kind = PF_BLOCKER_BUSINESS_QUESTION;
          g_ptr_array_add (blockers, blocker);
        }
    }

  for (guint i = 0; i < steps->len; i++)
    {
      PfStep *step = g_ptr_array_index (steps, i);

      for (guint j = 0; j < step->questions->len; j++)
        {
          PfQuestion *question = g_ptr_array_index (step->questions, j);

          if (!question->required)
            continue;

          (*n_required)++;
          if (pf_question_is_answered (document, question))
            {
              (*n_answered)++;
            }
          else if (blockers != NULL)
            {
              PfBlocker *blocker = g_new0 (PfBlocker, 1);

              blocker->kind = PF_BLOCKER_UNANSWERED;
              blocker->question = g_strdup (question->id);
              g_ptr_array_add (blockers, blocker);
            }
        }
    }
}

/**
 * pf_gate_count_answered:
 *
 * How many of the required questions of @phase are answered: the phase's
 * progress, without what its sign-offs need.
 */
void
pf_gate_count_answered (PfCatalog  *catalog,
                        PfDocument *document,
                        PfPhase     phase,
                        guint      *n_answered,
                        guint      *n_required)
{
  g_return_if_fail (PF_IS_CATALOG (catalog));
  g_return_if_fail (PF_IS_DOCUMENT (document));
  g_return_if_fail (phase < PF_N_PHASES);

  count_required (catalog, document, phase, n_answered, n_required, NULL);
}

/* Whether a current sign-off, not a rejection, covers @scope. */
static gboolean
has_current_sign_off (PfDocument *document,
                      const char *scope)
{
  JsonArray *sign_offs = pf_document_get_sign_offs (document);

  for (guint i = 0; i < json_array_get_length (sign_offs); i++)
    {
      JsonObject *record = json_array_get_object_element (sign_offs, i);
      const char *id = json_object_get_string_member_with_default (record, "id", "");

      if (g_strcmp0 (json_object_get_string_member_with_default (record, "kind", NULL), "sign-off") != 0 ||
          g_strcmp0 (json_object_get_string_member_with_default (record, "scope", NULL), scope) != 0 ||
          g_strcmp0 (json_object_get_string_member_with_default (record, "meaning", NULL), "rejected") == 0)
        continue;

      if (pf_document_get_sign_off_state (document, id, NULL) == PF_SIGN_OFF_CURRENT)
        return TRUE;
    }

  return FALSE;
}

/**
 * pf_gate_evaluate:
 * @state: (out caller-allocates): clear it with pf_gate_state_clear()
 *
 * What blocks @phase: every required question without an answer, and
 * every sign-off its gate requires that is not current.
 */
void
pf_gate_evaluate (PfCatalog   *catalog,
                  PfDocument  *document,
                  PfPhase      phase,
                  PfGateState *state)
{
  GPtrArray *gate;

  g_return_if_fail (PF_IS_CATALOG (catalog));
  g_return_if_fail (PF_IS_DOCUMENT (document));
  g_return_if_fail (phase < PF_N_PHASES);
  g_return_if_fail (state != NULL);

  state->n_required = 0;
  state->n_answered = 0;
  state->blockers = g_ptr_array_new_with_free_func ((GDestroyNotify)blocker_free);

  count_required (catalog, document, phase, &state->n_answered, &state->n_required, state->blockers);

  gate = pf_catalog_get_gate (catalog, phase);
  for (guint i = 0; i < gate->len; i++)
    {
      PfRequirement *requirement = g_ptr_array_index (gate, i);
      PfBlocker *blocker;

      if (requirement->question != NULL)
        {
          const PfQuestion *question = pf_catalog_find_question (catalog, requirement->question);

          /* Required questions were counted above. */
          if (question == NULL || question->required || pf_question_is_answered (document, question))
            continue;

          blocker = g_new0 (PfBlocker, 1);
          blocker->kind = PF_BLOCKER_UNANSWERED;
          blocker->question = g_strdup (question->id);
          g_ptr_array_add (state->blockers, blocker);
          continue;
        }

      if (has_current_sign_off (document, requirement->sign_off))
        continue;

      blocker = g_new0 (PfBlocker, 1);
      blocker->kind = PF_BLOCKER_SIGN_OFF;
      blocker->scope = g_strdup (requirement->sign_off);
      blocker->role = g_strdup (requirement->role);
      g_ptr_array_add (state->blockers, blocker);
    }
}
