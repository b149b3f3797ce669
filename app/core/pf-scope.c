/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pf-json.h"
#include "pf-phase.h"
#include "pf-scope.h"

#define PHASE_PREFIX "phase:"

/**
 * pf_scope_get_answer_prefix:
 *
 * Answers belong to a scope by the prefix of their question id:
 * "business-understanding.objective" is a Business Understanding answer,
 * "privacy-review.legal-basis" one of the privacy review.
 *
 * Returns: (nullable): the prefix, without its dot, or %NULL for a scope
 *   that holds no answers
 */
const char *
pf_scope_get_answer_prefix (const char *scope)
{
  g_return_val_if_fail (scope != NULL, NULL);

  if (g_str_has_prefix (scope, PHASE_PREFIX))
    return scope + strlen (PHASE_PREFIX);
  if (g_str_equal (scope, "privacy-review") || g_str_equal (scope, "deployment-plan"))
    return scope;

  return NULL;
}

gboolean
pf_scope_is_valid (const char *scope)
{
  g_return_val_if_fail (scope != NULL, FALSE);

  if (g_str_has_prefix (scope, PHASE_PREFIX))
    return pf_phase_from_id (scope + strlen (PHASE_PREFIX), NULL);

  return g_str_equal (scope, "leakage-review") ||
         g_str_equal (scope, "privacy-review") ||
         g_str_equal (scope, "deployment-plan") ||
         g_str_equal (scope, "project");
}

char *
pf_scope_dup_title (const char *scope)
{
  PfPhase phase;

  g_return_val_if_fail (scope != NULL, NULL);

  if (g_str_has_prefix (scope, PHASE_PREFIX) && pf_phase_from_id (scope + strlen (PHASE_PREFIX), &phase))
    /* Translators: %s is a CRISP-DM phase such as "Data Preparation". */
    return g_strdup_printf (_("%s phase"), pf_phase_get_title (phase));
  if (g_str_equal (scope, "leakage-review"))
    return g_strdup (_("Leakage review"));
  if (g_str_equal (scope, "privacy-review"))
    return g_strdup (_("Privacy review"));
  if (g_str_equal (scope, "deployment-plan"))
    return g_strdup (_("Deployment plan"));
  if (g_str_equal (scope, "project"))
    return g_strdup (_("Whole project"));

  return g_strdup (scope);
}

/**
 * pf_scope_dup_sign_off_heading:
 *
 * The heading of the dialog that signs off @scope, a whole title-case
 * phrase per scope such as "Sign Off the Modeling Phase".
 *
 * Returns: (transfer full): the heading
 */
char *
pf_scope_dup_sign_off_heading (const char *scope)
{
  PfPhase phase;

  g_return_val_if_fail (scope != NULL, NULL);

  if (g_str_has_prefix (scope, PHASE_PREFIX) && pf_phase_from_id (scope + strlen (PHASE_PREFIX), &phase))
    /* Translators: a dialog heading in title case; %s is a CRISP-DM phase
     * such as "Data Preparation". */
    return g_strdup_printf (_("Sign Off the %s Phase"), pf_phase_get_title (phase));
  if (g_str_equal (scope, "leakage-review"))
    /* Translators: a dialog heading in title case. */
    return g_strdup (_("Sign Off the Leakage Review"));
  if (g_str_equal (scope, "privacy-review"))
    /* Translators: a dialog heading in title case. */
    return g_strdup (_("Sign Off the Privacy Review"));
  if (g_str_equal (scope, "deployment-plan"))
    /* Translators: a dialog heading in title case. */
    return g_strdup (_("Sign Off the Deployment Plan"));
  if (g_str_equal (scope, "project"))
    /* Translators: a dialog heading in title case. */
    return g_strdup (_("Sign Off the Whole Project"));

  return g_strdup (_("Sign Off"));
}

static gboolean
object_is_answer_with_prefix (const char *object,
                              const char *prefix)
{
  gsize len = strlen (prefix);

  return g_str_has_prefix (object, "answers/") &&
         strncmp (object + strlen ("answers/"), prefix, len) == 0 &&
         object[strlen ("answers/") + len] == '.';
}

/**
 * pf_scope_covers_object:
 * @object: an object path as the audit trail names it, e.g. "features/feature-3"
 *
 * Whether a change to @object can change the content of @scope.
 */
gboolean
pf_scope_covers_object (const char *scope,
                        const char *object)
{
  const char *prefix;

  g_return_val_if_fail (scope != NULL, FALSE);
  g_return_val_if_fail (object != NULL, FALSE);

  if (g_str_equal (scope, "project"))
    return !g_str_has_prefix (object, "sign-offs");
  if (g_str_equal (scope, "leakage-review"))
    return g_str_has_prefix (object, "features/");
  if (g_str_equal (scope, "privacy-review") && g_str_has_prefix (object, "data-sources/"))
    return TRUE;
  if (g_str_equal (scope, PHASE_PREFIX "business-understanding") && g_str_equal (object, "business-question"))
    return TRUE;

  prefix = pf_scope_get_answer_prefix (scope);
  return prefix != NULL && object_is_answer_with_prefix (object, prefix);
}

/* Whether @value is text with nothing but white space in it: the gate
 * does not count it as an answer, and neither does a sign-off. */
static gboolean
is_blank_text (JsonNode *value)
{
  const char *text;

  if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
    return FALSE;

  /* The white space g_strstrip() takes away, as the gate does. */
  for (text = json_node_get_string (value); *text != '\0'; text++)
    {
      if (!g_ascii_isspace (*text))
        return FALSE;
    }

  return TRUE;
}

/* What an answer says, without who said it when: re-entering the same
 * answer does not make a sign-off stale, and neither does a blank one. */
static JsonNode *
answer_content (JsonObject *answer)
{
  static const char * const members[] = { "value", "not-applicable", "justification" };
  JsonObject *content = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      JsonNode *member = json_object_get_member (answer, members[i]);

      if (member != NULL && !(i == 0 && is_blank_text (member)))
        json_object_set_member (content, members[i], json_node_copy (member));
    }

  json_node_take_object (node, content);
  return node;
}

static JsonNode *
answers_content (JsonObject *root,
                 const char *prefix)
{
  JsonObject *content = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  JsonNode *answers_node = json_object_get_member (root, "answers");

  if (answers_node != NULL && JSON_NODE_HOLDS_OBJECT (answers_node))
    {
      JsonObject *answers = json_node_get_object (answers_node);
      g_autoptr(GList) ids = json_object_get_members (answers);
      gsize len = prefix ? strlen (prefix) : 0;

      for (const GList *l = ids; l != NULL; l = l->next)
        {
          const char *id = l->data;
          JsonNode *answer = json_object_get_member (answers, id);

          if (prefix != NULL && (strncmp (id, prefix, len) != 0 || id[len] != '.'))
            continue;
          if (JSON_NODE_HOLDS_OBJECT (answer))
            {
              JsonNode *said = answer_content (json_node_get_object (answer));

              /* An answer emptied again (by undo, say) is no answer: as
               * if it had never been given. */
              if (json_object_get_size (json_node_get_object (said)) > 0)
                json_object_set_member (content, id, said);
              else
                json_node_unref (said);
            }
        }
    }

  json_node_take_object (node, content);
  return node;
}

static JsonNode *
register_content (JsonObject *root,
                  const char *id)
{
  JsonNode *registers = json_object_get_member (root, "registers");
  JsonNode *records = NULL;

  if (registers != NULL && JSON_NODE_HOLDS_OBJECT (registers))
    records = json_object_get_member (json_node_get_object (registers), id);

  if (records != NULL && JSON_NODE_HOLDS_ARRAY (records))
    return json_node_copy (records);

  /* json_node_init_array () takes a reference of its own. */
  {
    JsonNode *empty = json_node_new (JSON_NODE_ARRAY);

    json_node_take_array (empty, json_array_new ());
    return empty;
  }
}

static JsonNode *
current_business_question (JsonObject *root)
{
  JsonNode *history = json_object_get_member (root, "business-question");
  guint n;

  if (history == NULL || !JSON_NODE_HOLDS_ARRAY (history) ||
      (n = json_array_get_length (json_node_get_array (history))) == 0)
    return json_node_new (JSON_NODE_NULL);

  return json_node_copy (json_array_get_element (json_node_get_array (history), n - 1));
}

/**
 * pf_scope_dup_content:
 *
 * Returns: (transfer full): the part of the project that a sign-off for
 *   @scope covers, as a new tree
 */
JsonNode *
pf_scope_dup_content (const char *scope,
                      JsonObject *root)
{
  JsonObject *content;
  JsonNode *node;
  const char *prefix;

  g_return_val_if_fail (scope != NULL, NULL);
  g_return_val_if_fail (root != NULL, NULL);

  content = json_object_new ();
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, content);

  if (g_str_equal (scope, "project"))
    {
      g_autoptr(GList) members = json_object_get_members (root);

      for (const GList *l = members; l != NULL; l = l->next)
        {
          const char *name = l->data;

          if (g_str_equal (name, "sign-offs") || g_str_equal (name, "audit"))
            continue;
          if (g_str_equal (name, "answers"))
            json_object_set_member (content, name, answers_content (root, NULL));
          else
            json_object_set_member (content, name, json_node_copy (json_object_get_member (root, name)));
        }
      return node;
    }

  if (g_str_equal (scope, "leakage-review"))
    {
      json_object_set_member (content, "features", register_content (root, "features"));
      return node;
    }

  if ((prefix = pf_scope_get_answer_prefix (scope)))
    json_object_set_member (content, "answers", answers_content (root, prefix));
  if (g_str_equal (scope, "privacy-review"))
    json_object_set_member (content, "data-sources", register_content (root, "data-sources"));
  if (g_str_equal (scope, PHASE_PREFIX "business-understanding"))
    json_object_set_member (content, "business-question", current_business_question (root));

  return node;
}

char *
pf_scope_content_sha256 (const char *scope,
                         JsonObject *root)
{
  g_autoptr(JsonNode) content = pf_scope_dup_content (scope, root);

  return pf_json_canonical_sha256 (content);
}

/**
 * pf_sign_off_meaning_get_label:
 * @meaning: a sign-off record's "meaning", e.g. "approved-with-conditions"
 *
 * Returns: the meaning in words, translated; @meaning itself when unknown
 */
const char *
pf_sign_off_meaning_get_label (const char *meaning)
{
  static const struct {
    const char *id;
    const char *label;
  } labels[] = {
    { "reviewed", N_("reviewed") },
    { "approved", N_("approved") },
    { "approved-with-conditions", N_("approved with conditions") },
    { "rejected", N_("rejected") },
    { "acknowledged", N_("acknowledged") },
    { "withdrawn", N_("withdrawn") },
  };

  g_return_val_if_fail (meaning != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      if (g_str_equal (meaning, labels[i].id))
        return _(labels[i].label);
    }

  return meaning;
}
