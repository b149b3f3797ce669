/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pf-gate.h"
#include "pf-phase.h"
#include "pf-scope.h"
#include "pf-schema.h"
#include "pf-scope-describe.h"

#define PHASE_PREFIX "phase:"


static gboolean
has_prefix (const char *id,
            const char *prefix)
{
  gsize len;

  if (prefix == NULL)
    return TRUE;

  len = strlen (prefix);
  return strncmp (id, prefix, len) == 0 && id[len] == '.';
}

/* Counts the catalog's questions under @prefix (all when %NULL), in every
 * phase: the privacy review asks some in Data Understanding, some in
 * Deployment. */
static void
count_questions (PfCatalog  *catalog,
                 PfDocument *document,
                 const char *prefix,
                 guint      *n_answered,
                 guint      *n_questions)
{
  *n_answered = 0;
  *n_questions = 0;

  for (guint phase = 0; phase < PF_N_PHASES; phase++)
    {
      GPtrArray *steps = pf_catalog_get_steps (catalog, phase);

      for (guint i = 0; i < steps->len; i++)
        {
          PfStep *step = g_ptr_array_index (steps, i);

          for (guint j = 0; j < step->questions->len; j++)
            {
              const PfQuestion *question = g_ptr_array_index (step->questions, j);

              if (!has_prefix (question->id, prefix))
                continue;
              (*n_questions)++;
              if (pf_question_is_answered (document, question))
                (*n_answered)++;
            }
        }
    }
}

static void
append_answered (GString    *text,
                 PfCatalog  *catalog,
                 PfDocument *document,
                 const char *prefix)
{
  guint answered, total;

  count_questions (catalog, document, prefix, &answered, &total);
  /* Translators: e.g. "12 of 15 questions answered". */
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                             "%u of %u question answered",
                                             "%u of %u questions answered",
                                             total),
                          answered, total);
}

static void
append_business_question (GString    *text,
                          PfDocument *document)
{
  const char *question = pf_document_get_business_question (document);

  g_string_append_c (text, '\n');
  if (question[0] == '\0')
    g_string_append (text, _("No business question recorded yet"));
  else
    /* Translators: %s is the project's business question. */
    g_string_append_printf (text, _("Business question: “%s”"), question);
}

static guint
count_records (PfDocument *document,
               const char *register_id,
               const char *field,
               const char *value)
{
  JsonArray *records = pf_document_get_records (document, register_id);
  guint n = 0;

  for (guint i = 0; records != NULL && i < json_array_get_length (records); i++)
    {
      JsonObject *record = json_array_get_object_element (records, i);
      JsonNode *member;

      if (field == NULL)
        {
          n++;
          continue;
        }

      member = json_object_get_member (record, field);
      if (member == NULL || !JSON_NODE_HOLDS_VALUE (member))
        continue;
      if (value == NULL)
        n += json_node_get_value_type (member) == G_TYPE_BOOLEAN && json_node_get_boolean (member);
      else
        n += json_node_get_value_type (member) == G_TYPE_STRING && g_strcmp0 (json_node_get_string (member), value) == 0;
    }

  return n;
}

static void
append_leakage_review (GString    *text,
                       PfDocument *document)
{
  guint n = count_records (document, "features", NULL, NULL);
  guint keep = count_records (document, "features", "verdict", "keep");
  guint drop = count_records (document, "features", "verdict", "drop");
  guint transform = count_records (document, "features", "verdict", "transform");
  g_autofree char *features = NULL;

  /* A record without a verdict has the default one: pending. */
  features = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u feature", "%u features", n), n);
  /* Translators: "12 features: 8 keep, 2 drop, 1 transform, 1 pending";
   * keep, drop, transform and pending are the verdicts of the leakage review. */
  g_string_append_printf (text, _("%s: %u keep, %u drop, %u transform, %u pending"),
                          features, keep, drop, transform, n - keep - drop - transform);
}

static void
append_data_sources (GString    *text,
                     PfDocument *document)
{
  guint n = count_records (document, "data-sources", NULL, NULL);
  guint personal = count_records (document, "data-sources", "personal-data", NULL);

  g_string_append_c (text, '\n');
  /* Translators: e.g. "3 data sources, 1 with personal data". */
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                             "%u data source, %u with personal data",
                                             "%u data sources, %u with personal data",
                                             n),
                          n, personal);
}

static void
append_registers (GString    *text,
                  PfDocument *document)
{
  guint n = 0;

  for (guint i = 0; i < pf_schema_get_n_registers (); i++)
    n += count_records (document, pf_schema_get_register (i)->id, NULL, NULL);

  g_string_append_c (text, '\n');
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                             "%u record in the registers",
                                             "%u records in the registers",
                                             n),
                          n);
}

/**
 * pf_scope_describe_content:
 *
 * What a sign-off of @scope would cover now, in a few lines for the person
 * about to sign: how many questions are answered, the business question,
 * the verdicts of the features and so on.
 *
 * Returns: (transfer full): lines separated by "\n"
 */
char *
pf_scope_describe_content (const char *scope,
                           PfCatalog  *catalog,
                           PfDocument *document)
{
  GString *text;
  PfPhase phase;

  g_return_val_if_fail (scope != NULL, NULL);
  g_return_val_if_fail (PF_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (PF_IS_DOCUMENT (document), NULL);

  text = g_string_new (NULL);

  if (g_str_equal (scope, "leakage-review"))
    {
      append_leakage_review (text, document);
    }
  else if (g_str_equal (scope, "project"))
    {
      guint answered, total;

      count_questions (catalog, document, NULL, &answered, &total);
      /* Translators: e.g. "80 of 120 questions answered in all six phases". */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u of %u question answered in all six phases",
                                                 "%u of %u questions answered in all six phases",
                                                 total),
                              answered, total);
      append_business_question (text, document);
      append_registers (text, document);
    }
  else if (g_str_has_prefix (scope, PHASE_PREFIX) &&
           pf_phase_from_id (scope + strlen (PHASE_PREFIX), &phase))
    {
      guint answered, required;

      /* The count the phase's gate goes by, as on the phase's page: the
       * optional questions do not hold up a sign-off. */
      pf_gate_count_answered (catalog, document, phase, &answered, &required);
      /* Translators: e.g. "3 of 7 required questions answered": what the
       * phase's gate counts. */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u of %u required question answered",
                                                 "%u of %u required questions answered",
                                                 required),
                              answered, required);
      if (phase == PF_PHASE_BUSINESS_UNDERSTANDING)
        append_business_question (text, document);
    }
  else if (pf_scope_get_answer_prefix (scope) != NULL)
    {
      append_answered (text, catalog, document, pf_scope_get_answer_prefix (scope));
      if (g_str_equal (scope, PHASE_PREFIX "business-understanding"))
        append_business_question (text, document);
      if (g_str_equal (scope, "privacy-review"))
        append_data_sources (text, document);
    }

  return g_string_free (text, FALSE);
}

static const char *
register_noun (const char *register_id)
{
  static const struct {
    const char *id;
    const char *noun;
  } nouns[] = {
    { "team", N_("Team member") },
    { "assumptions", N_("Assumption") },
    { "stakeholders", N_("Stakeholder") },
    { "risks", N_("Risk") },
    { "data-sources", N_("Data source") },
    { "features", N_("Feature") },
    { "dataset-scans", N_("Dataset scan") },
    { "ml-test-score", N_("ML test") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (nouns); i++)
    {
      if (g_str_equal (nouns[i].id, register_id))
        return _(nouns[i].noun);
    }

  return NULL;
}

/* How a record reads in a sentence: its first field that says something. */
static const char *
record_label (JsonObject *record)
{
  static const char * const fields[] = { "name", "title", "statement", "file-name" };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *text = json_object_get_string_member_with_default (record, fields[i], NULL);

      if (text != NULL && text[0] != '\0')
        return text;
    }

  return NULL;
}

static char *
describe_record_change (PfDocument *document,
                        const char *object,
                        const char *field)
{
  g_autofree char *register_id = NULL;
  const char *record_id = strchr (object, '/');
  const char *noun;
  const char *field_label;
  JsonObject *record;
  const char *label;
  g_autofree char *named = NULL;

  register_id = g_strndup (object, record_id - object);
  record_id++;
  if ((noun = register_noun (register_id)) == NULL)
    return NULL;

  record = pf_document_get_record (document, register_id, record_id);
  if (record == NULL)
    /* Translators: a record that was deleted since the sign-off: the kind
     * of record and its id, e.g. "Feature feature-3 (removed)". */
    return g_strdup_printf (C_("changed record", "%s %s (removed)"), noun, record_id);

  label = record_label (record);
  if (label != NULL)
    /* Translators: a record changed since the sign-off: the kind of record
     * and its name, e.g. "Feature “age”". */
    named = g_strdup_printf (C_("changed record", "%s “%s”"), noun, label);
  else
    /* Translators: a record without a name changed since the sign-off: the
     * kind of record and its id, e.g. "Risk risk-4". */
    named = g_strdup_printf (C_("changed record", "%s %s"), noun, record_id);
  if (field == NULL || field[0] == '\0')
    return g_steal_pointer (&named);

  /* A field this version does not know keeps its name from the file. */
  field_label = pf_field_get_label (register_id, field);
  /* Translators: a record and which of its fields changed since the
   * sign-off, e.g. "Feature “age”: Verdict". */
  return g_strdup_printf (C_("changed record field", "%s: %s"), named, field_label ? field_label : field);
}

/* The project's details: whole phrases, not a field name in a sentence. */
static char *
describe_metadata_change (const char *field)
{
  if (g_str_equal (field, "title"))
    /* Translators: what changed since a sign-off. */
    return g_strdup (_("The project's title"));
  if (g_str_equal (field, "description"))
    /* Translators: what changed since a sign-off. */
    return g_strdup (_("The project's description"));

  /* Translators: what changed since a sign-off: another detail of the
   * project, such as its id or creation time. */
  return g_strdup (_("The project's details"));
}

/**
 * pf_scope_describe_change:
 * @change: an "object field" string (or just "object") as
 *   pf_document_get_sign_off_state() returns them
 *
 * Returns: (transfer full): what @change touched, in words: the text of
 *   the question answered, the record and field, the business question
 */
char *
pf_scope_describe_change (const char *change,
                          PfCatalog  *catalog,
                          PfDocument *document)
{
  g_autofree char *object = NULL;
  const char *field;
  const char *space;

  g_return_val_if_fail (change != NULL, NULL);
  g_return_val_if_fail (PF_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (PF_IS_DOCUMENT (document), NULL);

  space = strchr (change, ' ');
  object = space ? g_strndup (change, space - change) : g_strdup (change);
  field = space ? space + 1 : "";

  if (g_str_has_prefix (object, "answers/"))
    {
      const PfQuestion *question = pf_catalog_find_question (catalog, object + strlen ("answers/"));

      /* Translators: %s is the text of a question of the catalog. */
      return g_strdup_printf (_("The answer to “%s”"), question ? question->text : object + strlen ("answers/"));
    }

  if (g_str_equal (object, "business-question"))
    return g_strdup (_("The business question"));

  if (g_str_equal (object, "metadata"))
    return describe_metadata_change (field);

  if (strchr (object, '/') != NULL)
    {
      char *text = describe_record_change (document, object, field);

      if (text != NULL)
        return text;
    }

  return g_strdup (change);
}

static char *
describe_sign_off_record (PfDocument *document,
                          const char *id)
{
  JsonArray *sign_offs = pf_document_get_sign_offs (document);

  for (guint i = 0; sign_offs != NULL && i < json_array_get_length (sign_offs); i++)
    {
      JsonObject *record = json_array_get_object_element (sign_offs, i);
      const char *scope;
      g_autofree char *title = NULL;

      if (g_strcmp0 (json_object_get_string_member_with_default (record, "id", NULL), id) != 0)
        continue;

      scope = json_object_get_string_member_with_default (record, "scope", NULL);
      if (scope == NULL)
        break;
      title = pf_scope_dup_title (scope);
      /* Translators: a sign-off record in the audit trail: what it covers
       * and who signed, e.g. "Sign-off of Leakage review by Ada". */
      return g_strdup_printf (_("Sign-off of %s by %s"), title,
                              json_object_get_string_member_with_default (record, "name", ""));
    }

  /* Translators: a sign-off record the project no longer holds: its id. */
  return g_strdup_printf (_("Sign-off %s"), id);
}

/**
 * pf_scope_describe_object:
 * @object: an audit entry's object, e.g. "features/feature-7" or
 *   "answers/business-understanding.sponsor"
 * @catalog: (nullable): the catalog whose questions name the answers
 *
 * Returns: (transfer full): @object in words: a record by its kind and
 *   name ("Feature “age”"), an answer by its question's text, "Business
 *   question" and so on; @object itself when it is none of these
 */
char *
pf_scope_describe_object (const char *object,
                          PfCatalog  *catalog,
                          PfDocument *document)
{
  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (catalog == NULL || PF_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (PF_IS_DOCUMENT (document), NULL);

  if (g_str_has_prefix (object, "answers/"))
    {
      const PfQuestion *question = catalog ? pf_catalog_find_question (catalog, object + strlen ("answers/")) : NULL;

      return g_strdup (question ? question->text : object + strlen ("answers/"));
    }

  if (g_str_equal (object, "business-question"))
    return g_strdup (_("Business question"));
  if (g_str_equal (object, "success-criterion"))
    return g_strdup (_("Success criterion"));
  if (g_str_equal (object, "metadata"))
    return g_strdup (_("Project details"));
  if (g_str_has_prefix (object, "sign-offs/"))
    return describe_sign_off_record (document, object + strlen ("sign-offs/"));

  if (strchr (object, '/') != NULL)
    {
      char *text = describe_record_change (document, object, NULL);

      if (text != NULL)
        return text;
    }

  return g_strdup (object);
}

/**
 * pf_scope_describe_field:
 * @object: an audit entry's object
 * @field: (nullable): its field
 *
 * Returns: (transfer full): @field as the user interface names it, e.g.
 *   "Verdict" for "verdict" of a feature; a field it does not know as it is
 */
char *
pf_scope_describe_field (const char *object,
                         const char *field)
{
  const char *slash;
  const char *label = NULL;

  g_return_val_if_fail (object != NULL, NULL);

  if (field == NULL || field[0] == '\0')
    return g_strdup ("");

  if (g_str_has_prefix (object, "answers/"))
    {
      if (g_str_equal (field, "value"))
        /* Translators: the field of an answer in the audit trail. */
        label = C_("answer field", "Answer");
      else if (g_str_equal (field, "not-applicable"))
        label = C_("answer field", "Not applicable");
      else if (g_str_equal (field, "justification"))
        label = C_("answer field", "Justification");
    }
  else if (g_str_equal (object, "metadata"))
    {
      if (g_str_equal (field, "title"))
        /* Translators: a detail of the project in the audit trail. */
        label = C_("project field", "Title");
      else if (g_str_equal (field, "description"))
        label = C_("project field", "Description");
    }
  else if ((slash = strchr (object, '/')) != NULL)
    {
      g_autofree char *register_id = g_strndup (object, slash - object);

      label = pf_field_get_label (register_id, field);
    }

  return g_strdup (label ? label : field);
}

/**
 * pf_scope_describe_changes:
 * @changes: (element-type utf8): "object field" strings as
 *   pf_document_get_sign_off_state() returns them
 * @max_listed: how many to describe; the rest are only counted
 *
 * Returns: (transfer full): the first @max_listed of @changes in words,
 *   one bulleted line each, then "… and N more changes" when there are
 *   more; lines separated by "\n", without a trailing one
 */
char *
pf_scope_describe_changes (GPtrArray  *changes,
                           guint       max_listed,
                           PfCatalog  *catalog,
                           PfDocument *document)
{
  GString *text;
  guint n_listed;

  g_return_val_if_fail (changes != NULL, NULL);
  g_return_val_if_fail (PF_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (PF_IS_DOCUMENT (document), NULL);

  text = g_string_new (NULL);
  n_listed = MIN (changes->len, max_listed);
  for (guint i = 0; i < n_listed; i++)
    {
      g_autofree char *change = pf_scope_describe_change (g_ptr_array_index (changes, i), catalog, document);

      if (i > 0)
        g_string_append_c (text, '\n');
      /* Translators: one item of a list of changes. */
      g_string_append_printf (text, _("• %s"), change);
    }

  if (changes->len > n_listed)
    {
      guint n_more = changes->len - n_listed;

      if (n_listed > 0)
        g_string_append_c (text, '\n');
      /* Translators: ends a list of changes that shows only the first few. */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "… and %u more change",
                                                 "… and %u more changes",
                                                 n_more),
                              n_more);
    }

  return g_string_free (text, FALSE);
}

static const char *
question_text (PfCatalog  *catalog,
               const char *id)
{
  const PfQuestion *question = pf_catalog_find_question (catalog, id);

  return question ? question->text : id;
}

/* What still blocks the gate of @phase, except a sign-off of @scope
 * itself: the person signing is about to give that one. */
static void
add_open_in_phase (GPtrArray  *items,
                   const char *scope,
                   PfPhase     phase,
                   PfCatalog  *catalog,
                   PfDocument *document)
{
  PfGateState state;

  pf_gate_evaluate (catalog, document, phase, &state);
  for (guint i = 0; i < state.blockers->len; i++)
    {
      PfBlocker *blocker = g_ptr_array_index (state.blockers, i);
      g_autofree char *title = NULL;

      switch (blocker->kind)
        {
        case PF_BLOCKER_UNANSWERED:
          /* Translators: a required question that has no answer yet. */
          g_ptr_array_add (items, g_strdup_printf (_("Not answered: “%s”"),
                                                   question_text (catalog, blocker->question)));
          break;

        case PF_BLOCKER_BUSINESS_QUESTION:
          g_ptr_array_add (items, g_strdup (_("No business question with a success criterion")));
          break;

        case PF_BLOCKER_SIGN_OFF:
          if (g_strcmp0 (blocker->scope, scope) == 0)
            break;
          title = pf_scope_dup_title (blocker->scope);
          if (blocker->role != NULL && blocker->role[0] != '\0')
            /* Translators: a sign-off a phase's gate requires: what it
             * covers and who gives it, e.g. "Leakage review: needs a
             * current sign-off by the data scientist". */
            g_ptr_array_add (items, g_strdup_printf (_("%s: needs a current sign-off by the %s"),
                                                     title, blocker->role));
          else
            /* Translators: a sign-off a phase's gate requires, e.g.
             * "Leakage review: needs a current sign-off". */
            g_ptr_array_add (items, g_strdup_printf (_("%s: needs a current sign-off"), title));
          break;

        default:
          g_assert_not_reached ();
        }
    }
  pf_gate_state_clear (&state);
}

static gboolean
string_member_is (JsonObject *record,
                  const char *member,
                  const char *value)
{
  return g_strcmp0 (json_object_get_string_member_with_default (record, member, NULL), value) == 0;
}

/* Features kept although flagged as leakage, then those still waiting for
 * a verdict. */
static void
add_open_in_leakage_review (GPtrArray  *items,
                            PfDocument *document)
{
  JsonArray *records = pf_document_get_records (document, "features");
  guint n = records ? json_array_get_length (records) : 0;
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *record = json_array_get_object_element (records, i);
      const char *verdict = json_object_get_string_member_with_default (record, "verdict", "pending");
      const char *label = record_label (record);
      g_autofree char *name = NULL;

      if (label == NULL)
        label = json_object_get_string_member_with_default (record, "id", "");

      if (g_str_equal (verdict, "keep") &&
          (string_member_is (record, "known-at", "after") || string_member_is (record, "target-consequence", "yes")))
        /* Translators: a feature of the leakage review whose verdict is
         * "keep" although it is known only after the prediction time or is
         * a consequence of the target. */
        g_ptr_array_add (items, g_strdup_printf (_("Feature “%s” is kept although flagged as leakage"), label));
      else if (g_str_equal (verdict, "pending") || verdict[0] == '\0')
        /* Translators: a feature of the leakage review without a verdict. */
        g_ptr_array_add (pending, g_strdup_printf (_("Feature “%s” has no verdict yet"), label));
    }

  g_ptr_array_extend_and_steal (items, g_steal_pointer (&pending));
}

/* The required questions of a review, in whichever phase they are asked. */
static void
add_open_questions (GPtrArray  *items,
                    const char *prefix,
                    PfCatalog  *catalog,
                    PfDocument *document)
{
  for (guint phase = 0; phase < PF_N_PHASES; phase++)
    {
      GPtrArray *steps = pf_catalog_get_steps (catalog, phase);

      for (guint i = 0; i < steps->len; i++)
        {
          PfStep *step = g_ptr_array_index (steps, i);

          for (guint j = 0; j < step->questions->len; j++)
            {
              const PfQuestion *question = g_ptr_array_index (step->questions, j);

              if (question->required && has_prefix (question->id, prefix) &&
                  !pf_question_is_answered (document, question))
                g_ptr_array_add (items, g_strdup_printf (_("Not answered: “%s”"), question->text));
            }
        }
    }
}

/**
 * pf_scope_describe_open:
 * @max_listed: how many to list; the rest are only counted
 *
 * What is still open in @scope, for the person about to sign it: for a
 * phase, what blocks its gate besides this very sign-off; for the leakage
 * review, features kept although flagged as leakage and features without
 * a verdict; for the privacy review and the deployment plan, their
 * unanswered required questions.
 *
 * Returns: (transfer full) (nullable): one bulleted line per item, then
 *   "… and N more" when there are more; %NULL when nothing is open
 */
char *
pf_scope_describe_open (const char *scope,
                        guint       max_listed,
                        PfCatalog  *catalog,
                        PfDocument *document)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  GString *text;
  PfPhase phase;
  guint n_listed;

  g_return_val_if_fail (scope != NULL, NULL);
  g_return_val_if_fail (PF_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (PF_IS_DOCUMENT (document), NULL);

  if (g_str_has_prefix (scope, PHASE_PREFIX) && pf_phase_from_id (scope + strlen (PHASE_PREFIX), &phase))
    add_open_in_phase (items, scope, phase, catalog, document);
  else if (g_str_equal (scope, "leakage-review"))
    add_open_in_leakage_review (items, document);
  else if (g_str_equal (scope, "privacy-review") || g_str_equal (scope, "deployment-plan"))
    add_open_questions (items, scope, catalog, document);

  if (items->len == 0)
    return NULL;

  text = g_string_new (NULL);
  n_listed = MIN (items->len, max_listed);
  for (guint i = 0; i < n_listed; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      /* Translators: one item of a list of what is still open. */
      g_string_append_printf (text, _("• %s"), (const char *)g_ptr_array_index (items, i));
    }

  if (items->len > n_listed)
    {
      guint n_more = items->len - n_listed;

      if (n_listed > 0)
        g_string_append_c (text, '\n');
      /* Translators: ends a list of what is still open that shows only
       * the first few items. */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "… and %u more", "… and %u more", n_more), n_more);
    }

  return g_string_free (text, FALSE);
}

/**
 * pf_sign_off_meaning_dup_title:
 * @meaning: a sign-off record's "meaning", e.g. "approved"
 *
 * The meaning as a list or a segment of a line shows it on its own:
 * pf_sign_off_meaning_get_label() with a capital, "Approved with
 * conditions". In a sentence, use the label itself.
 *
 * Returns: (transfer full): the meaning's label, capitalized
 */
char *
pf_sign_off_meaning_dup_title (const char *meaning)
{
  const char *label;
  GString *title;

  g_return_val_if_fail (meaning != NULL, NULL);

  label = pf_sign_off_meaning_get_label (meaning);
  if (label[0] == '\0' || !g_utf8_validate (label, -1, NULL))
    return g_strdup (label);

  title = g_string_new (NULL);
  g_string_append_unichar (title, g_unichar_totitle (g_utf8_get_char (label)));
  g_string_append (title, g_utf8_next_char (label));

  return g_string_free (title, FALSE);
}

/**
 * pf_sign_off_format_time:
 * @time: a record's time, ISO 8601 UTC
 *
 * Returns: (transfer full): @time in local time, to the minute; @time
 *   itself when it is not a time
 */
char *
pf_sign_off_format_time (const char *time)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  if (!(utc = g_date_time_new_from_iso8601 (time, NULL)))
    return g_strdup (time);

  local = g_date_time_to_local (utc);
  /* Translators: the date and time of a sign-off, see g_date_time_format(). */
  return g_date_time_format (local, _("%Y-%m-%d %H:%M"));
}
