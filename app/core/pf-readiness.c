/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pf-gate.h"
#include "pf-json.h"
#include "pf-readiness.h"
#include "pf-scope.h"
#include "pf-scope-describe.h"
#include "pf-test-score.h"

/* The rules of DESIGN.md §5. Each rule is a function of its own that adds
 * findings; a finding has a key ("sign-off:<scope>", "question:<id>", …)
 * and the first rule to claim a key reports it, so the specific rules run
 * before the generic gate and replace its findings rather than repeat them.
 *
 * Everything is read once: the sign-offs with their state (hashing a
 * scope's content is the costly part) and each register in one pass. */

/* At most this many names in one aggregated finding. */
#define MAX_NAMED 3
/* At most this many changes listed for a stale sign-off. */
#define MAX_CHANGES 3
/* At most this many leaky features reported one by one. */
#define MAX_LEAKY 20

typedef struct
{
  const char     *id;
  const char     *scope;
  const char     *name;
  const char     *role;
  const char     *meaning;
  const char     *conditions;
  PfSignOffState  state;
  GPtrArray      *changes;  /* for a stale sign-off: "object field" strings */
} SignOff;

typedef struct
{
  PfFinding *finding;
  guint      seq;
} Found;

typedef struct
{
  PfCatalog   *catalog;
  PfDocument  *document;
  GHashTable  *keys;       /* the keys reported */
  GPtrArray   *sign_offs;  /* SignOff, oldest first; withdrawals left out */
  GArray      *found;      /* Found, as found */
  GHashTable  *required_scopes;  /* scope → phase + 1 of the gate that requires it */
} Context;

static void
finding_free (PfFinding *finding)
{
  g_free (finding->rule);
  g_free (finding->title);
  g_free (finding->detail);
  g_free (finding->page);
  g_free (finding->target);
  g_free (finding);
}

static void
sign_off_free (SignOff *sign_off)
{
  g_clear_pointer (&sign_off->changes, g_ptr_array_unref);
  g_free (sign_off);
}

/* ------------------------------------------------------------ helpers */

/* Adds a finding unless @key was reported already. Takes @title and
 * @detail. */
static PfFinding *
add_finding (Context    *ctx,
             const char *key,
             PfSeverity  severity,
             const char *rule,
             int         cause,
             int         phase,
             PfFixKind   fix,
             const char *page,
             const char *target,
             char       *title,
             char       *detail)
{
  PfFinding *finding;
  Found found;

  if (key != NULL && !g_hash_table_add (ctx->keys, g_strdup (key)))
    {
      g_free (title);
      g_free (detail);
      return NULL;
    }

  finding = g_new0 (PfFinding, 1);
  finding->severity = severity;
  finding->rule = g_strdup (rule);
  finding->cause = cause;
  finding->phase = phase;
  finding->title = title;
  finding->detail = detail;
  finding->fix = fix;
  finding->page = g_strdup (page);
  finding->target = g_strdup (target);

  found.finding = finding;
  found.seq = ctx->found->len;
  g_array_append_val (ctx->found, found);

  return finding;
}

static gboolean
key_reported (Context    *ctx,
              const char *key)
{
  return g_hash_table_contains (ctx->keys, key);
}

static int
cause_from_id (const char *id)
{
  PfCause cause;

  return pf_cause_from_id (id, &cause) ? (int)cause : -1;
}

static gboolean
answer_not_applicable (Context    *ctx,
                       const char *question)
{
  g_autofree char *object = g_strconcat ("answers/", question, NULL);
  JsonNode *flag = pf_document_get_value (ctx->document, object, "not-applicable");

  return flag != NULL && JSON_NODE_HOLDS_VALUE (flag) && json_node_get_value_type (flag) == G_TYPE_BOOLEAN &&
         json_node_get_boolean (flag);
}

/* The answer's value, NULL when there is none, it is null or the question
 * is marked not applicable (which keeps the value it had). */
static JsonNode *
answer_value (Context    *ctx,
              const char *question)
{
  g_autofree char *object = g_strconcat ("answers/", question, NULL);
  JsonNode *value = pf_document_get_value (ctx->document, object, "value");

  if (answer_not_applicable (ctx, question))
    return NULL;

  return value != NULL && !JSON_NODE_HOLDS_NULL (value) ? value : NULL;
}

static gboolean
answer_boolean (Context    *ctx,
                const char *question,
                gboolean   *result)
{
  JsonNode *value = answer_value (ctx, question);

  if (value == NULL || !JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_BOOLEAN)
    return FALSE;

  *result = json_node_get_boolean (value);
  return TRUE;
}

static gboolean
answer_number (Context    *ctx,
               const char *question,
               double     *result)
{
  JsonNode *value = answer_value (ctx, question);
  GType type;

  if (value == NULL || !JSON_NODE_HOLDS_VALUE (value))
    return FALSE;

  type = json_node_get_value_type (value);
  if (type == G_TYPE_INT64)
    *result = json_node_get_int (value);
  else if (type == G_TYPE_DOUBLE)
    *result = json_node_get_double (value);
  else if (type == G_TYPE_STRING)
    {
      /* A number typed as text: read it the way the criterion is read. */
      g_autofree char *text = g_strdelimit (g_strstrip (g_strdup (json_node_get_string (value))), ",", '.');
      char *end;

      if (text[0] == '\0')
        return FALSE;
      *result = g_ascii_strtod (text, &end);
      return *end == '\0' && isfinite (*result);
    }
  else
    return FALSE;

  return TRUE;
}

static const char *
answer_string (Context    *ctx,
               const char *question)
{
  JsonNode *value = answer_value (ctx, question);

  if (value == NULL || !JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (value);
}

/* Whether @question has a real answer: not missing, not "not applicable". */
static gboolean
answer_given (Context    *ctx,
              const char *question)
{
  JsonNode *value = answer_value (ctx, question);

  if (value == NULL || answer_not_applicable (ctx, question))
    return FALSE;
  if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
    return pf_text_is_given (json_node_get_string (value));

  return TRUE;
}

/* The question's text as the catalog asks it, or its id. */
static const char *
question_text (Context    *ctx,
               const char *question_id)
{
  const PfQuestion *question = pf_catalog_find_question (ctx->catalog, question_id);

  return question != NULL && question->text != NULL ? question->text : question_id;
}

/* The page of the phase that asks @question_id. */
static const char *
question_page (Context    *ctx,
               const char *question_id,
               PfPhase     fallback)
{
  const PfQuestion *question = pf_catalog_find_question (ctx->catalog, question_id);

  return pf_phase_get_id (question != NULL ? question->phase : fallback);
}

static int
question_cause (Context    *ctx,
                const char *question_id)
{
  const PfQuestion *question = pf_catalog_find_question (ctx->catalog, question_id);

  return question != NULL ? cause_from_id (question->cause) : -1;
}

/* The phase whose gate requires a sign-off of @scope, or -1. */
static int
scope_phase (Context    *ctx,
             const char *scope)
{
  gpointer value;

  if (g_hash_table_lookup_extended (ctx->required_scopes, scope, NULL, &value))
    return GPOINTER_TO_INT (value) - 1;

  return -1;
}

static const char *
scope_role (Context    *ctx,
            const char *scope)
{
  int phase = scope_phase (ctx, scope);
  GPtrArray *gate;

  if (phase < 0)
    return NULL;

  gate = pf_catalog_get_gate (ctx->catalog, phase);
  for (guint i = 0; i < gate->len; i++)
    {
      PfRequirement *requirement = g_ptr_array_index (gate, i);

      if (g_strcmp0 (requirement->sign_off, scope) == 0)
        return requirement->role;
    }

  return NULL;
}

/* The newest current sign-off of @scope that is not a rejection: the one
 * that counts. */
static SignOff *
find_current (Context    *ctx,
              const char *scope)
{
  for (guint i = ctx->sign_offs->len; i > 0; i--)
    {
      SignOff *sign_off = g_ptr_array_index (ctx->sign_offs, i - 1);

      if (sign_off->state == PF_SIGN_OFF_CURRENT && g_str_equal (sign_off->scope, scope) &&
          g_strcmp0 (sign_off->meaning, "rejected") != 0)
        return sign_off;
    }

  return NULL;
}

/* The newest sign-off of @scope, whatever its state. */
static SignOff *
find_latest (Context    *ctx,
             const char *scope)
{
  for (guint i = ctx->sign_offs->len; i > 0; i--)
    {
      SignOff *sign_off = g_ptr_array_index (ctx->sign_offs, i - 1);

      if (g_str_equal (sign_off->scope, scope))
        return sign_off;
    }

  return NULL;
}

static const char *
signer (const SignOff *sign_off)
{
  return pf_text_is_given (sign_off->name) ? sign_off->name : _("someone");
}

static char *
describe_changes (Context *ctx,
                  SignOff *sign_off)
{
  if (sign_off->changes == NULL || sign_off->changes->len == 0)
    return g_strdup (_("The content changed after signing."));

  return pf_scope_describe_changes (sign_off->changes, MAX_CHANGES, ctx->catalog, ctx->document);
}

/* Title and detail for a scope without a current sign-off, by what its
 * newest sign-off is: none, stale, withdrawn or rejected. */
static void
describe_missing_sign_off (Context     *ctx,
                           const char  *scope,
                           char       **title,
                           char       **detail)
{
  SignOff *latest = find_latest (ctx, scope);
  g_autofree char *scope_title = pf_scope_dup_title (scope);
  const char *role = scope_role (ctx, scope);

  if (latest == NULL)
    {
      /* Translators: %s is what is signed, e.g. "Leakage review" or "Evaluation phase". */
      *title = g_strdup_printf (_("Sign-off missing: %s"), scope_title);
      if (role != NULL)
        /* Translators: %s is a role, e.g. "data protection officer". */
        *detail = g_strdup_printf (_("Nobody has signed it yet. Expected to sign: %s."), role);
      else
        *detail = g_strdup (_("Nobody has signed it yet."));
    }
  else if (latest->state == PF_SIGN_OFF_STALE)
    {
      g_autofree char *changes = describe_changes (ctx, latest);

      /* Translators: the first %s is what was signed, e.g. "Leakage review", the second the signer. */
      *title = g_strdup_printf (_("Stale sign-off: %s, signed by %s"), scope_title, signer (latest));
      /* Translators: %s lists what changed, one "• …" line each. */
      *detail = g_strdup_printf (_("The content changed after it was signed, so the sign-off no longer counts:\n%s\n"
                                   "Ask for a new sign-off."), changes);
    }
  else if (latest->state == PF_SIGN_OFF_WITHDRAWN)
    {
      /* Translators: the first %s is what was signed, the second the signer. */
      *title = g_strdup_printf (_("Sign-off withdrawn: %s, by %s"), scope_title, signer (latest));
      *detail = g_strdup (_("A withdrawn sign-off does not count. Ask for a new one."));
    }
  else
    {
      /* Translators: the first %s is what was signed, the second who rejected it. */
      *title = g_strdup_printf (_("Rejected: %s, by %s"), scope_title, signer (latest));
      if (pf_text_is_given (latest->conditions))
        /* Translators: %s is the comment the person who rejected it wrote. */
        *detail = g_strdup_printf (_("Their comment: “%s”. Address it and ask for a new sign-off."), latest->conditions);
      else
        *detail = g_strdup (_("Address the reasons and ask for a new sign-off."));
    }
}

/* Reports @scope as a blocker unless a current sign-off covers it. */
static void
require_sign_off (Context    *ctx,
                  const char *rule,
                  const char *scope,
                  int         cause,
                  int         phase)
{
  g_autofree char *key = g_strconcat ("sign-off:", scope, NULL);
  char *title = NULL;
  char *detail = NULL;

  if (find_current (ctx, scope) != NULL || key_reported (ctx, key))
    return;

  describe_missing_sign_off (ctx, scope, &title, &detail);
  add_finding (ctx, key, PF_SEVERITY_BLOCKER, rule, cause, phase,
               PF_FIX_SIGN_OFF, "sign-offs", scope, title, detail);
}

/* "“a”, “b”, “c” and 2 more" */
static char *
join_names (GPtrArray *names,
            guint      total)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0)
        /* Translators: between the names of a list. */
        g_string_append (text, _(", "));
      /* Translators: a name in a list, quoted. */
      g_string_append_printf (text, _("“%s”"), (const char *)g_ptr_array_index (names, i));
    }

  if (total > names->len)
    {
      g_autofree char *list = g_string_free (text, FALSE);

      /* Translators: the first %s is a list of names, then how many more there are. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s and %u more", "%s and %u more", total - names->len),
                              list, total - names->len);
    }

  return g_string_free (text, FALSE);
}

static const char *
record_string (JsonObject *record,
               const char *member,
               const char *fallback)
{
  JsonNode *node = json_object_get_member (record, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fallback;

  return json_node_get_string (node);
}

static gboolean
record_boolean (JsonObject *record,
                const char *member)
{
  JsonNode *node = json_object_get_member (record, member);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN &&
         json_node_get_boolean (node);
}

/* The name a record goes by: its name or title, else its id. */
static const char *
record_name (JsonObject *record,
             const char *member)
{
  const char *name = record_string (record, member, NULL);

  return pf_text_is_given (name) ? name : record_string (record, "id", "?");
}

/* ------------------------------------------------------------ the threshold */

typedef struct
{
  const char   *phrase;  /* case-folded */
  PfComparison  comparison;
  gboolean      word;    /* must start and end at a word boundary */
} Phrase;

/* Longer phrases first: "no more than" before "more than", ">=" before ">". */
static const Phrase phrases[] = {
  { "no more than", PF_COMPARISON_AT_MOST, TRUE },
  { "not more than", PF_COMPARISON_AT_MOST, TRUE },
  { "no less than", PF_COMPARISON_AT_LEAST, TRUE },
  { "not less than", PF_COMPARISON_AT_LEAST, TRUE },
  { "at least", PF_COMPARISON_AT_LEAST, TRUE },
  { "at most", PF_COMPARISON_AT_MOST, TRUE },
  { "minimum of", PF_COMPARISON_AT_LEAST, TRUE },
  { "maximum of", PF_COMPARISON_AT_MOST, TRUE },
  { "minimum", PF_COMPARISON_AT_LEAST, TRUE },
  { "maximum", PF_COMPARISON_AT_MOST, TRUE },
  { "more than", PF_COMPARISON_MORE_THAN, TRUE },
  { "greater than", PF_COMPARISON_MORE_THAN, TRUE },
  { "higher than", PF_COMPARISON_MORE_THAN, TRUE },
  { "less than", PF_COMPARISON_LESS_THAN, TRUE },
  { "lower than", PF_COMPARISON_LESS_THAN, TRUE },
  { "below", PF_COMPARISON_LESS_THAN, TRUE },
  { "≥", PF_COMPARISON_AT_LEAST, FALSE },
  { "⩾", PF_COMPARISON_AT_LEAST, FALSE },
  { ">=", PF_COMPARISON_AT_LEAST, FALSE },
  { "≤", PF_COMPARISON_AT_MOST, FALSE },
  { "⩽", PF_COMPARISON_AT_MOST, FALSE },
  { "<=", PF_COMPARISON_AT_MOST, FALSE },
  { ">", PF_COMPARISON_MORE_THAN, FALSE },
  { "<", PF_COMPARISON_LESS_THAN, FALSE },
};

/* Reads a number at @text ("3", "0.8", "0,8", "-1.5", "80 %"): the
 * decimal separator is a point or a comma followed by a digit. */
static gboolean
read_number (const char  *text,
             double      *number,
             const char **end)
{
  GString *digits = g_string_new (NULL);
  const char *p = text;
  gboolean any = FALSE;
  char *stop;

  if (*p == '-' || *p == '+')
    g_string_append_c (digits, *p++);
  for (; g_ascii_isdigit (*p); p++, any = TRUE)
    g_string_append_c (digits, *p);
  if ((*p == '.' || *p == ',') && g_ascii_isdigit (p[1]))
    {
      g_string_append_c (digits, '.');
      for (p++; g_ascii_isdigit (*p); p++, any = TRUE)
        g_string_append_c (digits, *p);
    }

  if (!any)
    {
      g_string_free (digits, TRUE);
      return FALSE;
    }

  *number = g_ascii_strtod (digits->str, &stop);
  g_string_free (digits, TRUE);
  /* "3x" or "3rd" is no threshold; "3", "3 %", "3." and "3)" are. */
  if (g_ascii_isalpha (*p) && !(p[0] == 'e' && !g_ascii_isalpha (p[1])))
    return FALSE;
  *end = p;
  return isfinite (*number);
}

/**
 * pf_success_criterion_parse:
 * @text: a success criterion, e.g. "Top-decile lift of at least 3"
 * @comparison: (out): how the metric must compare
 * @threshold: (out): the figure it is compared with, as written (a
 *   percentage "80 %" gives 80)
 *
 * Finds the first threshold in @text: a comparison ("at least", "≥",
 * ">=", "minimum", "more than", ">", "at most", "≤", "<=", "less than",
 * "below", "<", "maximum", "no more than", "no less than", any case)
 * followed by a number with a decimal point or comma.
 *
 * Returns: whether @text has one
 */
gboolean
pf_success_criterion_parse (const char   *text,
                            PfComparison *comparison,
                            double       *threshold)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;

  folded = g_utf8_casefold (text, -1);
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      /* A phrase starts a word: "flat most 3" holds no "at most". */
      gboolean word_start = p == folded || !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (p)));

      for (guint i = 0; i < G_N_ELEMENTS (phrases); i++)
        {
          gsize length = strlen (phrases[i].phrase);
          const char *after = p + length;
          const char *end;
          double number;

          if (strncmp (p, phrases[i].phrase, length) != 0)
            continue;
          if (phrases[i].word && (!word_start || g_unichar_isalnum (g_utf8_get_char (after))))
            continue;

          /* Spaces between the phrase and the number; also "at least: 3". */
          while (*after == ' ' || *after == ':' || *after == '\t' || (guchar)*after == 0xc2)
            after += (guchar)*after == 0xc2 && (guchar)after[1] == 0xa0 ? 2 : 1;

          if (read_number (after, &number, &end))
            {
              if (comparison != NULL)
                *comparison = phrases[i].comparison;
              if (threshold != NULL)
                *threshold = number;
              return TRUE;
            }

          /* This phrase had no number ("better than the baseline"); a
           * longer phrase matched, so skip the shorter ones here. */
          break;
        }
    }

  return FALSE;
}

gboolean
pf_comparison_holds (PfComparison comparison,
                     double       value,
                     double       threshold)
{
  switch (comparison)
    {
    case PF_COMPARISON_AT_LEAST:
      return value >= threshold;
    case PF_COMPARISON_MORE_THAN:
      return value > threshold;
    case PF_COMPARISON_AT_MOST:
      return value <= threshold;
    case PF_COMPARISON_LESS_THAN:
      return value < threshold;
    default:
      g_return_val_if_reached (FALSE);
    }
}

static const char *
comparison_words (PfComparison comparison)
{
  switch (comparison)
    {
    case PF_COMPARISON_AT_LEAST:
      return _("at least");
    case PF_COMPARISON_MORE_THAN:
      return _("more than");
    case PF_COMPARISON_AT_MOST:
      return _("at most");
    case PF_COMPARISON_LESS_THAN:
    default:
      return _("less than");
    }
}

/* ------------------------------------------------------------ the rules */

/* a) Each phase's gate: required questions, the business question and the
 * gate's sign-offs. A phase with more than MAX_NAMED questions open gets
 * one finding for them all: a phase not started is one thing to do. */
static void
rule_gate (Context     *ctx,
           PfPhase      phase,
           PfGateState *state)
{
  g_autoptr(GPtrArray) open = g_ptr_array_new ();

  for (guint i = 0; i < state->blockers->len; i++)
    {
      PfBlocker *blocker = g_ptr_array_index (state->blockers, i);
      g_autofree char *key = NULL;

      if (blocker->kind != PF_BLOCKER_UNANSWERED)
        continue;
      key = g_strconcat ("question:", blocker->question, NULL);
      if (!key_reported (ctx, key))
        g_ptr_array_add (open, blocker->question);
    }

  if (open->len > MAX_NAMED)
    {
      g_autofree char *key = g_strconcat ("phase-questions:", pf_phase_get_id (phase), NULL);
      g_autoptr(GString) list = g_string_new (NULL);
      const char *first = g_ptr_array_index (open, 0);

      for (guint i = 0; i < MAX_NAMED; i++)
        /* Translators: one item of a list of questions. */
        g_string_append_printf (list, _("• %s\n"), question_text (ctx, g_ptr_array_index (open, i)));
      /* Translators: ends a list of questions that shows only the first few. */
      g_string_append_printf (list, g_dngettext (GETTEXT_PACKAGE, "… and %u more\n", "… and %u more\n",
                                                 open->len - MAX_NAMED), open->len - MAX_NAMED);

      add_finding (ctx, key, PF_SEVERITY_BLOCKER, "unanswered-question", question_cause (ctx, first), phase,
                   PF_FIX_QUESTION, question_page (ctx, first, phase), first,
                   /* Translators: the first %s is a phase, e.g. "Data Understanding"; %u a number. */
                   g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%s: %u required question is not answered",
                                                 "%s: %u required questions are not answered", open->len),
                                    pf_phase_get_title (phase), open->len),
                   /* Translators: %s is a list of questions, one "• …" line each. */
                   g_strdup_printf (_("The gate requires answers to:\n%sIf a question does not apply, mark it "
                                      "not applicable and say why."), list->str));
      for (guint i = 0; i < open->len; i++)
        g_hash_table_add (ctx->keys, g_strconcat ("question:", (const char *)g_ptr_array_index (open, i), NULL));
    }

  for (guint i = 0; i < state->blockers->len; i++)
    {
      PfBlocker *blocker = g_ptr_array_index (state->blockers, i);

      switch (blocker->kind)
        {
        case PF_BLOCKER_UNANSWERED:
          {
            g_autofree char *key = g_strconcat ("question:", blocker->question, NULL);

            add_finding (ctx, key, PF_SEVERITY_BLOCKER, "unanswered-question",
                         question_cause (ctx, blocker->question), phase,
                         PF_FIX_QUESTION, question_page (ctx, blocker->question, phase), blocker->question,
                         /* Translators: %s is a question of the catalog. */
                         g_strdup_printf (_("Not answered: %s"), question_text (ctx, blocker->question)),
                         g_strdup (_("The gate requires an answer. If the question does not apply, "
                                     "mark it not applicable and say why.")));
            break;
          }

        case PF_BLOCKER_BUSINESS_QUESTION:
          add_finding (ctx, "business-question", PF_SEVERITY_BLOCKER, "business-question",
                       PF_CAUSE_INFANT_MORTALITY, phase,
                       PF_FIX_BUSINESS_QUESTION, pf_phase_get_id (PF_PHASE_BUSINESS_UNDERSTANDING), NULL,
                       g_strdup (_("No business question with a measurable success criterion is recorded")),
                       g_strdup (_("Write down the question the model answers for the business, and the "
                                   "criterion that says when it is good enough.")));
          break;

        case PF_BLOCKER_SIGN_OFF:
          {
            int cause = PF_CAUSE_POLITICS;

            if (g_str_equal (blocker->scope, "leakage-review"))
              cause = PF_CAUSE_DATA_LEAKAGE;
            else if (g_str_equal (blocker->scope, "privacy-review"))
              cause = PF_CAUSE_REAL_WORLD;
            else if (g_str_equal (blocker->scope, "deployment-plan"))
              cause = PF_CAUSE_IT_COLLABORATION;

            require_sign_off (ctx, "gate-sign-off", blocker->scope, cause, phase);
            break;
          }

        default:
          break;
        }
    }
}

static void
blocker_free (PfBlocker *blocker)
{
  g_free (blocker->question);
  g_free (blocker->scope);
  g_free (blocker->role);
  g_free (blocker);
}

static void
add_blocker (PfGateState   *state,
             PfBlockerKind  kind,
             const char    *question,
             const char    *scope,
             const char    *role)
{
  PfBlocker *blocker = g_new0 (PfBlocker, 1);

  blocker->kind = kind;
  blocker->question = g_strdup (question);
  blocker->scope = g_strdup (scope);
  blocker->role = g_strdup (role);
  g_ptr_array_add (state->blockers, blocker);
}

/* What pf_gate_evaluate() finds, with the sign-offs as read once for all
 * the gates: pf_gate_evaluate() hashes a scope's content again for every
 * requirement, and on a project with thousands of features that hash is
 * most of the time a check takes. Clear @state with pf_gate_state_clear(). */
static void
evaluate_gate (Context     *ctx,
               PfPhase      phase,
               PfGateState *state)
{
  GPtrArray *steps = pf_catalog_get_steps (ctx->catalog, phase);
  GPtrArray *gate = pf_catalog_get_gate (ctx->catalog, phase);

  state->blockers = g_ptr_array_new_with_free_func ((GDestroyNotify)blocker_free);
  pf_gate_count_answered (ctx->catalog, ctx->document, phase, &state->n_answered, &state->n_required);

  if (phase == PF_PHASE_BUSINESS_UNDERSTANDING && !pf_business_question_is_recorded (ctx->document))
    add_blocker (state, PF_BLOCKER_BUSINESS_QUESTION, NULL, NULL, NULL);

  for (guint i = 0; i < steps->len; i++)
    {
      PfStep *step = g_ptr_array_index (steps, i);

      for (guint j = 0; j < step->questions->len; j++)
        {
          PfQuestion *question = g_ptr_array_index (step->questions, j);

          if (question->required && !pf_question_is_answered (ctx->document, question))
            add_blocker (state, PF_BLOCKER_UNANSWERED, question->id, NULL, NULL);
        }
    }

  for (guint i = 0; i < gate->len; i++)
    {
      PfRequirement *requirement = g_ptr_array_index (gate, i);

      if (requirement->question != NULL)
        {
          const PfQuestion *question = pf_catalog_find_question (ctx->catalog, requirement->question);

          /* Required questions were counted above. */
          if (question != NULL && !question->required && !pf_question_is_answered (ctx->document, question))
            add_blocker (state, PF_BLOCKER_UNANSWERED, question->id, NULL, NULL);
        }
      else if (requirement->sign_off != NULL && find_current (ctx, requirement->sign_off) == NULL)
        add_blocker (state, PF_BLOCKER_SIGN_OFF, NULL, requirement->sign_off, requirement->role);
    }
}

/* b) The leakage review: every feature reviewed, none kept that is known
 * after the prediction point or is a consequence of the target. */
/* A feature's `scan` object (data/scan-format.md), or NULL. */
static JsonObject *
record_scan (JsonObject *record)
{
  JsonNode *node = json_object_get_member (record, "scan");

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static gboolean
scan_is_suspect (JsonObject *scan)
{
  JsonNode *node = scan != NULL ? json_object_get_member (scan, "suspect") : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node);
}

/* A whole number of a scan's metrics; anything else (a hostile file) is @fallback. */
static gint64
metric_int (JsonObject *object,
            const char *name,
            gint64      fallback)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return fallback;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return json_node_get_int (node);
  /* Casting a double beyond gint64's range (2^63 ≈ 9.22e18) is undefined behaviour. */
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE && fabs (json_node_get_double (node)) < 9.2e18)
    return (gint64) json_node_get_double (node);
  return fallback;
}

/* The metrics of the project's latest dataset scan, or NULL; with its
 * file's name and its rows. */
static JsonObject *
latest_scan_metrics (Context     *ctx,
                     const char **file_name,
                     gint64      *rows)
{
  JsonObject *record = pf_document_get_latest_record (ctx->document, "dataset-scans", "scanned-at");
  JsonNode *metrics;

  if (record == NULL)
    return NULL;
  metrics = json_object_get_member (record, "metrics");
  if (metrics == NULL || !JSON_NODE_HOLDS_OBJECT (metrics))
    return NULL;
  if (file_name != NULL)
    *file_name = record_name (record, "file-name");
  if (rows != NULL)
    *rows = metric_int (record, "rows", 0);
  return json_node_get_object (metrics);
}

static void
rule_features (Context *ctx)
{
  JsonArray *features = pf_document_get_records (ctx->document, "features");
  guint n = json_array_get_length (features);
  g_autoptr(GPtrArray) pending = g_ptr_array_new ();
  g_autoptr(GPtrArray) unknown = g_ptr_array_new ();
  g_autoptr(GPtrArray) unreviewed = g_ptr_array_new ();
  g_autoptr(GPtrArray) suspects = g_ptr_array_new ();
  guint n_pending = 0, n_unknown = 0, n_unreviewed = 0, n_leaky = 0, n_suspects = 0;
  const char *first_pending = NULL, *first_unknown = NULL, *first_unreviewed = NULL, *first_hidden_leak = NULL;
  const char *first_suspect = NULL;
  const char *page = "features";
  const int phase = PF_PHASE_DATA_PREPARATION;

  if (n == 0)
    {
      add_finding (ctx, "features:empty", PF_SEVERITY_WARNING, "no-features", PF_CAUSE_DATA_LEAKAGE, phase,
                   PF_FIX_PAGE, page, NULL,
                   g_strdup (_("The leakage review lists no features")),
                   g_strdup (_("List every feature the model uses, so that each can be checked against "
                               "the prediction point.")));
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      JsonObject *record = json_array_get_object_element (features, i);
      const char *id, *verdict, *known_at, *consequence;
      gboolean after, caused;

      if (record == NULL)
        continue;

      id = record_string (record, "id", NULL);
      verdict = record_string (record, "verdict", "pending");

      if (g_str_equal (verdict, "pending"))
        {
          if (n_pending++ == 0)
            first_pending = id;
          if (pending->len < MAX_NAMED)
            g_ptr_array_add (pending, (gpointer)record_name (record, "name"));
          continue;
        }

      if (!g_str_equal (verdict, "keep"))
        continue;

      known_at = record_string (record, "known-at", "unknown");
      consequence = record_string (record, "target-consequence", "unknown");
      after = g_str_equal (known_at, "after");
      caused = g_str_equal (consequence, "yes");

      if (after || caused)
        {
          const char *name = record_name (record, "name");
          g_autofree char *key = g_strconcat ("feature:", id ? id : name, NULL);
          char *title;

          if (n_leaky++ >= MAX_LEAKY)
            {
              if (first_hidden_leak == NULL)
                first_hidden_leak = id;
              continue;
            }

          if (after && caused)
            /* Translators: %s is a feature's name, e.g. "calls_to_customer_service_30d". */
            title = g_strdup_printf (_("The feature “%s” is kept although it becomes known only after the "
                                       "prediction point and is a consequence of the target"), name);
          else if (after)
            title = g_strdup_printf (_("The feature “%s” is kept although it becomes known only after the "
                                       "prediction point"), name);
          else
            title = g_strdup_printf (_("The feature “%s” is kept although it is a consequence of the target"), name);

          add_finding (ctx, key, PF_SEVERITY_BLOCKER, "leaky-feature", PF_CAUSE_DATA_LEAKAGE, phase,
                       PF_FIX_RECORD, page, id, title,
                       g_strdup (_("The model would learn from information it does not have when it predicts: "
                                   "its test results overstate what it does in production. Drop the feature "
                                   "or transform it so that it is known before the prediction point.")));
          continue;
        }

      if (g_str_equal (known_at, "unknown"))
        {
          if (n_unknown++ == 0)
            first_unknown = id;
          if (unknown->len < MAX_NAMED)
            g_ptr_array_add (unknown, (gpointer)record_name (record, "name"));
        }

      /* Kept although the dataset scan suspects it, and nobody said why. */
      if (scan_is_suspect (record_scan (record)) && !pf_text_is_given (record_string (record, "rationale", NULL)))
        {
          if (n_suspects++ == 0)
            first_suspect = id;
          if (suspects->len < MAX_NAMED)
            g_ptr_array_add (suspects, (gpointer)record_name (record, "name"));
        }

      if (!pf_text_is_given (record_string (record, "reviewer", NULL)))
        {
          if (n_unreviewed++ == 0)
            first_unreviewed = id;
          if (unreviewed->len < MAX_NAMED)
            g_ptr_array_add (unreviewed, (gpointer)record_name (record, "name"));
        }
    }

  if (n_pending > 0)
    {
      g_autofree char *names = join_names (pending, n_pending);

      add_finding (ctx, "features:pending", PF_SEVERITY_BLOCKER, "feature-not-reviewed", PF_CAUSE_DATA_LEAKAGE, phase,
                   PF_FIX_RECORD, page, first_pending,
                   g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u feature is not reviewed",
                                                 "%u features are not reviewed", n_pending), n_pending),
                   /* Translators: %s is a list of feature names. */
                   g_strdup_printf (_("Not reviewed yet: %s. Give each a verdict (keep, drop or transform) "
                                      "after checking when it becomes known."), names));
    }

  if (n_leaky > MAX_LEAKY)
    {
      guint more = n_leaky - MAX_LEAKY;

      add_finding (ctx, "features:leaky-more", PF_SEVERITY_BLOCKER, "leaky-feature", PF_CAUSE_DATA_LEAKAGE, phase,
                   PF_FIX_RECORD, page, first_hidden_leak,
                   g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "… and %u more feature kept although it leaks",
                                                 "… and %u more features kept although they leak", more), more),
                   g_strdup (_("Each becomes known only after the prediction point or is a consequence of "
                               "the target. Drop or transform them.")));
    }

  if (n_unknown > 0)
    {
      g_autofree char *names = join_names (unknown, n_unknown);

      add_finding (ctx, "features:known-at-unknown", PF_SEVERITY_WARNING, "feature-known-at-unknown",
                   PF_CAUSE_DATA_LEAKAGE, phase, PF_FIX_RECORD, page, first_unknown,
                   g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%u kept feature has no known time relative to the prediction point",
                                                 "%u kept features have no known time relative to the prediction point",
                                                 n_unknown), n_unknown),
                   /* Translators: %s is a list of feature names. */
                   g_strdup_printf (_("Check when each becomes known: %s."), names));
    }

  if (n_suspects > 0)
    {
      g_autofree char *names = join_names (suspects, n_suspects);

      add_finding (ctx, "features:scan-suspect", PF_SEVERITY_WARNING, "scan-suspect-kept",
                   PF_CAUSE_DATA_LEAKAGE, phase, PF_FIX_RECORD, page, first_suspect,
                   g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%u kept feature is a leakage suspect of the dataset scan",
                                                 "%u kept features are leakage suspects of the dataset scan",
                                                 n_suspects), n_suspects),
                   /* Translators: %s is a list of feature names. */
                   g_strdup_printf (_("The scan found that %s alone predicts the target suspiciously well, "
                                      "has a name that hints at data recorded after the event, or holds dates "
                                      "after the prediction time. Check it, and write down in the rationale why "
                                      "it is kept."), names));
    }

  if (n_unreviewed > 0)
    {
      g_autofree char *names = join_names (unreviewed, n_unreviewed);

      add_finding (ctx, "features:no-reviewer", PF_SEVERITY_WARNING, "feature-without-reviewer",
                   PF_CAUSE_DATA_LEAKAGE, phase, PF_FIX_RECORD, page, first_unreviewed,
                   g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u kept feature names no reviewer",
                                                 "%u kept features name no reviewer", n_unreviewed), n_unreviewed),
                   /* Translators: %s is a list of feature names. */
                   g_strdup_printf (_("Record who reviewed %s, so that the verdict can be traced."), names));
    }
}

static char *
format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%g", value));
}

/* c) The model's measured metric meets the success criterion. */
static void
rule_metric (Context *ctx)
{
  const char *criterion = pf_document_get_success_criterion (ctx->document);
  PfComparison comparison;
  double threshold, measured;
  gboolean met;

  if (answer_number (ctx, "evaluation.measured-metric", &measured) &&
      pf_success_criterion_parse (criterion, &comparison, &threshold) &&
      !pf_comparison_holds (comparison, measured, threshold))
    {
      g_autofree char *measured_text = format_number (measured);
      g_autofree char *threshold_text = format_number (threshold);

      add_finding (ctx, "question:evaluation.criterion-met", PF_SEVERITY_BLOCKER, "metric-below-criterion",
                   PF_CAUSE_INFANT_MORTALITY, PF_PHASE_EVALUATION,
                   PF_FIX_QUESTION, question_page (ctx, "evaluation.measured-metric", PF_PHASE_EVALUATION),
                   "evaluation.measured-metric",
                   /* Translators: e.g. "The measured metric 2.1 does not meet the success criterion of at least 3". */
                   g_strdup_printf (_("The measured metric %s does not meet the success criterion of %s %s"),
                                    measured_text, comparison_words (comparison), threshold_text),
                   /* Translators: %s is the success criterion as written. */
                   g_strdup_printf (_("The success criterion reads: “%s”. Improve the model, or agree a new "
                                      "criterion with the sponsor and record why."), criterion));
      return;
    }

  if (answer_boolean (ctx, "evaluation.criterion-met", &met) && !met)
    add_finding (ctx, "question:evaluation.criterion-met", PF_SEVERITY_BLOCKER, "criterion-not-met",
                 PF_CAUSE_INFANT_MORTALITY, PF_PHASE_EVALUATION,
                 PF_FIX_QUESTION, question_page (ctx, "evaluation.criterion-met", PF_PHASE_EVALUATION),
                 "evaluation.criterion-met",
                 g_strdup (_("The evaluation found that the model does not meet the success criterion")),
                 criterion != NULL && pf_text_is_given (criterion)
                   ? g_strdup_printf (_("The success criterion reads: “%s”. Improve the model, or agree a new "
                                        "criterion with the sponsor and record why."), criterion)
                   : NULL);
}

/* d) The business question unchanged since the sponsor signed the Business
 * Understanding phase, or signed again. */
static void
rule_business_question (Context *ctx)
{
  const char *scope = "phase:business-understanding";
  SignOff *latest;
  gboolean question_changed = FALSE;
  const char *question;

  if (find_current (ctx, scope) != NULL)
    return;

  /* The newest stale sign-off is the approval that no longer holds. */
  latest = NULL;
  for (guint i = ctx->sign_offs->len; i > 0 && latest == NULL; i--)
    {
      SignOff *sign_off = g_ptr_array_index (ctx->sign_offs, i - 1);

      if (g_str_equal (sign_off->scope, scope) && sign_off->state == PF_SIGN_OFF_STALE &&
          g_strcmp0 (sign_off->meaning, "rejected") != 0)
        latest = sign_off;
    }
  if (latest == NULL || latest->changes == NULL)
    return;

  for (guint i = 0; i < latest->changes->len && !question_changed; i++)
    question_changed = g_str_has_prefix (g_ptr_array_index (latest->changes, i), "business-question");
  if (!question_changed)
    return;

  question = pf_document_get_business_question (ctx->document);
  add_finding (ctx, "sign-off:phase:business-understanding", PF_SEVERITY_BLOCKER, "business-question-changed",
               PF_CAUSE_INFANT_MORTALITY, PF_PHASE_BUSINESS_UNDERSTANDING,
               PF_FIX_SIGN_OFF, "sign-offs", scope,
               /* Translators: %s is the name of who approved, usually the sponsor. */
               g_strdup_printf (_("The business question changed after %s approved it"), signer (latest)),
               /* Translators: %s is the business question as it is now. */
               g_strdup_printf (_("It now reads: “%s”\nThe model may answer a question the sponsor did not "
                                  "agree to: ask for a new sign-off of the Business Understanding phase."),
                                question ? question : ""));
}

/* e) Personal data: the privacy review signed by the data protection
 * officer, and current. */
static void
rule_personal_data (Context *ctx)
{
  JsonArray *sources = pf_document_get_records (ctx->document, "data-sources");
  const char *scope = "privacy-review";
  g_autofree char *key = g_strconcat ("sign-off:", scope, NULL);
  const char *source_name = NULL;
  const char *scan_file = NULL, *scan_column = NULL;
  gboolean personal = FALSE;
  char *title = NULL;
  char *detail = NULL;
  char *why;
  JsonObject *metrics;

  answer_boolean (ctx, "privacy-review.personal-data", &personal);
  if ((metrics = latest_scan_metrics (ctx, &scan_file, NULL)) != NULL)
    {
      JsonNode *node = json_object_get_member (metrics, "columns");
      JsonArray *columns = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

      for (guint i = 0; columns != NULL && i < json_array_get_length (columns) && scan_column == NULL; i++)
        {
          JsonNode *element = json_array_get_element (columns, i);
          JsonObject *column = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
          JsonNode *kinds = column != NULL ? json_object_get_member (column, "personal-data") : NULL;

          if (kinds != NULL && JSON_NODE_HOLDS_ARRAY (kinds) && json_array_get_length (json_node_get_array (kinds)) > 0)
            scan_column = record_name (column, "name");
        }
    }
  for (guint i = 0; i < json_array_get_length (sources) && source_name == NULL; i++)
    {
      JsonObject *record = json_array_get_object_element (sources, i);

      if (record != NULL && record_boolean (record, "personal-data"))
        source_name = record_name (record, "name");
    }

  if ((!personal && source_name == NULL && scan_column == NULL) || find_current (ctx, scope) != NULL ||
      key_reported (ctx, key))
    return;

  describe_missing_sign_off (ctx, scope, &title, &detail);
  if (find_latest (ctx, scope) == NULL)
    {
      g_free (title);
      title = g_strdup (_("Personal data is used, but the data protection officer has not signed the privacy review"));
    }

  if (source_name != NULL)
    /* Translators: the first %s is a data source, the second what to do. */
    why = g_strdup_printf (_("The data source “%s” holds personal data. %s"), source_name, detail);
  else if (personal)
    why = g_strdup_printf (_("The privacy review says the model uses personal data. %s"), detail);
  else
    /* Translators: the first %s is a column, the second a file name, the third what to do. */
    why = g_strdup_printf (_("The dataset scan found personal data in the column “%s” of %s. %s"),
                           scan_column, scan_file, detail);
  g_free (detail);

  add_finding (ctx, key, PF_SEVERITY_BLOCKER, "personal-data-sign-off", PF_CAUSE_REAL_WORLD,
               scope_phase (ctx, scope), PF_FIX_SIGN_OFF, "sign-offs", scope, title, why);
}

/* The latest dataset scan's re-identification risk over its
 * quasi-identifiers: rows in groups smaller than the threshold k. */
static void
rule_reidentification (Context *ctx)
{
  const char *file_name = NULL;
  gint64 rows = 0;
  JsonObject *metrics = latest_scan_metrics (ctx, &file_name, &rows);
  JsonNode *node = metrics != NULL ? json_object_get_member (metrics, "reidentification") : NULL;
  JsonObject *risk;
  gint64 k, threshold, at_risk;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return;
  risk = json_node_get_object (node);
  k = metric_int (risk, "k", 0);
  threshold = metric_int (risk, "threshold", 5);
  at_risk = metric_int (risk, "rows-at-risk", 0);
  if (at_risk <= 0 || k >= threshold)
    return;

  {
    g_autofree char *at_risk_text = g_strdup_printf ("%" G_GINT64_FORMAT, at_risk);
    g_autofree char *k_text = g_strdup_printf ("%" G_GINT64_FORMAT, k);
    g_autofree char *threshold_text = g_strdup_printf ("%" G_GINT64_FORMAT, threshold);
    g_autofree char *rows_text = g_strdup_printf ("%" G_GINT64_FORMAT, rows);

    add_finding (ctx, "scan:reidentification", PF_SEVERITY_WARNING, "reidentification-risk", PF_CAUSE_REAL_WORLD,
                 PF_PHASE_DATA_UNDERSTANDING, PF_FIX_PAGE, pf_phase_get_id (PF_PHASE_DATA_UNDERSTANDING), NULL,
                 /* Translators: the first %s is a number of rows, the second a file name, the third k, the
                  * size of the smallest group of rows that share their quasi-identifier values. */
                 g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s row of %s can be singled out (k = %s)",
                                               "%s rows of %s can be singled out (k = %s)", (gulong) at_risk),
                                  at_risk_text, file_name, k_text),
                 /* Translators: the first %s is a number such as 5, the second the number of rows. */
                 g_strdup_printf (_("These rows share their quasi-identifier values with fewer than %s rows "
                                    "(of %s). Generalise or suppress values before the data is used or shared, "
                                    "and have the data protection officer review it."),
                                  threshold_text, rows_text));
  }
}

/* f) Every prediction logged, and kept for a set period with its reason. */
static void
rule_prediction_logging (Context *ctx)
{
  static const char * const questions[] = {
    "deployment-plan.prediction-logging", "deployment-plan.retention-months", "deployment-plan.retention-reason",
  };
  double months;

  /* Unanswered ones are the gate's; "not applicable" is no plan. */
  for (guint i = 0; i < G_N_ELEMENTS (questions); i++)
    {
      g_autofree char *key = g_strconcat ("question:", questions[i], NULL);

      if (!answer_not_applicable (ctx, questions[i]))
        continue;

      add_finding (ctx, key, PF_SEVERITY_BLOCKER, "prediction-logging", PF_CAUSE_REAL_WORLD, PF_PHASE_DEPLOYMENT,
                   PF_FIX_QUESTION, question_page (ctx, questions[i], PF_PHASE_DEPLOYMENT), questions[i],
                   /* Translators: %s is a question of the catalog. */
                   g_strdup_printf (_("Marked not applicable, but every deployed model needs it: %s"),
                                    question_text (ctx, questions[i])),
                   g_strdup (_("Each prediction must be stored and traceable for a retention period that a "
                               "law, contract or policy sets.")));
    }

  if (answer_number (ctx, "deployment-plan.retention-months", &months) && months <= 0)
    {
      g_autofree char *text = format_number (months);

      add_finding (ctx, "question:deployment-plan.retention-months", PF_SEVERITY_BLOCKER, "prediction-logging",
                   PF_CAUSE_REAL_WORLD, PF_PHASE_DEPLOYMENT,
                   PF_FIX_QUESTION, question_page (ctx, "deployment-plan.retention-months", PF_PHASE_DEPLOYMENT),
                   "deployment-plan.retention-months",
                   /* Translators: %s is a number of months, here 0 or less. */
                   g_strdup_printf (_("Predictions are kept for %s months: no retention period is set"), text),
                   g_strdup (_("Set for how many months the prediction records are kept; high-risk systems "
                               "under the EU AI Act need at least 6.")));
    }
}

/* g) The deployment: target, schedule, owner, rollback and the current
 * sign-off of IT operations. */
static void
rule_deployment (Context *ctx)
{
  static const struct
  {
    const char *question;
    const char *title;
  } needed[] = {
    { "deployment-plan.target-kind", N_("How the model is deployed is not decided") },
    { "deployment-plan.schedule", N_("When and how often the model runs is not agreed") },
    { "deployment-plan.rollback", N_("There is no way back if the model fails: no rollback is defined") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (needed); i++)
    {
      g_autofree char *key = g_strconcat ("question:", needed[i].question, NULL);

      if (answer_given (ctx, needed[i].question))
        continue;

      add_finding (ctx, key, PF_SEVERITY_BLOCKER, "deployment-plan", PF_CAUSE_IT_COLLABORATION, PF_PHASE_DEPLOYMENT,
                   PF_FIX_QUESTION, question_page (ctx, needed[i].question, PF_PHASE_DEPLOYMENT), needed[i].question,
                   g_strdup (_(needed[i].title)),
                   /* Translators: %s is the question that answers it. */
                   g_strdup_printf (_("Answer: %s"), question_text (ctx, needed[i].question)));
    }

  if (!answer_given (ctx, "deployment-plan.it-contact") && !answer_given (ctx, "deployment-plan.model-owner"))
    add_finding (ctx, "question:deployment-plan.it-contact", PF_SEVERITY_BLOCKER, "deployment-plan",
                 PF_CAUSE_IT_COLLABORATION, PF_PHASE_DEPLOYMENT,
                 PF_FIX_QUESTION, question_page (ctx, "deployment-plan.it-contact", PF_PHASE_DEPLOYMENT),
                 "deployment-plan.it-contact",
                 g_strdup (_("Nobody is named to run the model in production")),
                 g_strdup (_("Name the contact in IT operations who runs the model, and who owns it.")));

  /* IT signs the plan whether or not the catalog's gate asks for it. */
  require_sign_off (ctx, "deployment-plan", "deployment-plan", PF_CAUSE_IT_COLLABORATION, PF_PHASE_DEPLOYMENT);
}

/* h) A stale sign-off of a scope no gate requires, not signed again: it
 * counts for nothing, which the team may not know. */
static void
rule_stale_sign_offs (Context *ctx)
{
  for (guint i = 0; i < ctx->sign_offs->len; i++)
    {
      SignOff *sign_off = g_ptr_array_index (ctx->sign_offs, i);
      g_autofree char *key = NULL;
      g_autofree char *scope_title = NULL;

      if (sign_off->state != PF_SIGN_OFF_STALE || g_hash_table_contains (ctx->required_scopes, sign_off->scope) ||
          find_current (ctx, sign_off->scope) != NULL || find_latest (ctx, sign_off->scope) != sign_off)
        continue;

      key = g_strconcat ("sign-off:", sign_off->scope, NULL);
      scope_title = pf_scope_dup_title (sign_off->scope);
      add_finding (ctx, key, PF_SEVERITY_WARNING, "stale-sign-off", -1, -1,
                   PF_FIX_SIGN_OFF, "sign-offs", sign_off->scope,
                   /* Translators: the first %s is what was signed, the second the signer. */
                   g_strdup_printf (_("Stale sign-off: %s, signed by %s"), scope_title, signer (sign_off)),
                   describe_changes (ctx, sign_off));
    }
}

/* Whether a signer's @role is the @expected one: the words match
 * ignoring case, or the role names the expected role's initials ("DPO"
 * for "data protection officer"). Roles are free text: a mismatch only
 * warns. */
static gboolean
role_matches (const char *role,
              const char *expected)
{
  g_autofree char *folded = g_utf8_casefold (role != NULL ? role : "", -1);
  g_autofree char *wanted = g_utf8_casefold (expected, -1);
  g_auto(GStrv) words = g_strsplit_set (wanted, " -", -1);
  g_auto(GStrv) role_words = g_strsplit_set (folded, " -()/,", -1);
  g_autoptr(GString) initials = g_string_new (NULL);

  if (strstr (folded, wanted) != NULL)
    return TRUE;

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] != '\0')
        g_string_append_c (initials, words[i][0]);
    }

  return initials->len >= 3 && g_strv_contains ((const char * const *)role_words, initials->str);
}

/* The sign-off a gate expects from a role (the sponsor, the data
 * protection officer, IT operations) given by someone in another role. */
static void
rule_sign_off_roles (Context *ctx)
{
  for (PfPhase phase = 0; phase < PF_N_PHASES; phase++)
    {
      GPtrArray *gate = pf_catalog_get_gate (ctx->catalog, phase);

      for (guint i = 0; i < gate->len; i++)
        {
          PfRequirement *requirement = g_ptr_array_index (gate, i);
          g_autofree char *key = NULL;
          g_autofree char *scope_title = NULL;
          SignOff *sign_off;

          if (requirement->sign_off == NULL || requirement->role == NULL ||
              (sign_off = find_current (ctx, requirement->sign_off)) == NULL ||
              role_matches (sign_off->role, requirement->role))
            continue;

          key = g_strconcat ("sign-off-role:", requirement->sign_off, NULL);
          scope_title = pf_scope_dup_title (requirement->sign_off);
          add_finding (ctx, key, PF_SEVERITY_WARNING, "sign-off-role", -1, phase,
                       PF_FIX_SIGN_OFF, "sign-offs", requirement->sign_off,
                       /* Translators: the first %s is what was signed, the second the signer, the third their role, the fourth the role expected, e.g. "data protection officer". */
                       g_strdup_printf (_("%s signed by %s (%s), not by the expected %s"), scope_title,
                                        signer (sign_off), pf_text_is_given (sign_off->role) ? sign_off->role : _("no role given"),
                                        requirement->role),
                       g_strdup (_("Make sure the person whose approval the gate asks for has signed, "
                                   "or record why this signer stands in for them.")));
        }
    }
}

/* Whether the signer of the @index-th sign-off signed the same scope again
 * later, and that later sign-off holds: their newer word replaces the
 * older one, e.g. an approval once the conditions are met. */
static gboolean
superseded (Context *ctx,
            guint    index)
{
  SignOff *sign_off = g_ptr_array_index (ctx->sign_offs, index);

  for (guint i = index + 1; i < ctx->sign_offs->len; i++)
    {
      SignOff *later = g_ptr_array_index (ctx->sign_offs, i);

      if (later->state == PF_SIGN_OFF_CURRENT && g_str_equal (later->scope, sign_off->scope) &&
          pf_text_is_given (sign_off->name) && g_strcmp0 (later->name, sign_off->name) == 0)
        return TRUE;
    }

  return FALSE;
}

/* i) Conditional approvals make the verdict READY WITH CONDITIONS; a
 * current rejection blocks. Either stands until its signer signs the scope
 * again. */
static void
rule_approvals (Context *ctx)
{
  for (guint i = 0; i < ctx->sign_offs->len; i++)
    {
      SignOff *sign_off = g_ptr_array_index (ctx->sign_offs, i);
      g_autofree char *scope_title = NULL;
      g_autofree char *key = NULL;

      if (sign_off->state != PF_SIGN_OFF_CURRENT || superseded (ctx, i))
        continue;

      scope_title = pf_scope_dup_title (sign_off->scope);

      if (g_strcmp0 (sign_off->meaning, "approved-with-conditions") == 0)
        {
          key = g_strconcat ("condition:", sign_off->id, NULL);
          add_finding (ctx, key, PF_SEVERITY_CONDITION, "conditional-approval", -1, scope_phase (ctx, sign_off->scope),
                       PF_FIX_SIGN_OFF, "sign-offs", sign_off->scope,
                       /* Translators: the first %s is what was approved, the second who approved it. */
                       g_strdup_printf (_("%s approved with conditions by %s"), scope_title, signer (sign_off)),
                       pf_text_is_given (sign_off->conditions)
                         /* Translators: %s is the conditions as the approver wrote them. */
                         ? g_strdup_printf (_("Conditions: “%s”"), sign_off->conditions)
                         : g_strdup (_("The approver named no conditions: ask which.")));
        }
      else if (g_strcmp0 (sign_off->meaning, "rejected") == 0)
        {
          key = g_strconcat ("sign-off:", sign_off->scope, NULL);
          /* A rejection stands whatever else was signed: report it even
           * when the scope's missing sign-off was reported already. */
          if (key_reported (ctx, key))
            {
              g_free (key);
              key = g_strconcat ("rejected:", sign_off->id, NULL);
            }
          else
            g_hash_table_add (ctx->keys, g_strconcat ("rejected:", sign_off->id, NULL));

          add_finding (ctx, key, PF_SEVERITY_BLOCKER, "rejected-sign-off", PF_CAUSE_POLITICS,
                       scope_phase (ctx, sign_off->scope), PF_FIX_SIGN_OFF, "sign-offs", sign_off->scope,
                       /* Translators: the first %s is what was signed, the second who rejected it. */
                       g_strdup_printf (_("Rejected: %s, by %s"), scope_title, signer (sign_off)),
                       pf_text_is_given (sign_off->conditions)
                         ? g_strdup_printf (_("Their comment: “%s”. Address it and ask for a new sign-off."),
                                            sign_off->conditions)
                         : g_strdup (_("Address the reasons and ask for a new sign-off.")));
        }
    }
}

/* j) The audit trail's hash chain intact. */
static void
rule_audit (Context *ctx)
{
  const char *problem = NULL;
  guint broken_at;

  if (!pf_document_get_audit_verified (ctx->document))
    {
      add_finding (ctx, "audit", PF_SEVERITY_WARNING, "audit-not-verified", -1, -1,
                   PF_FIX_PAGE, "audit-trail", NULL,
                   g_strdup (_("The audit trail is not checked yet")),
                   g_strdup (_("The verdict holds only if the audit trail's hash chain is intact.")));
      return;
    }

  broken_at = pf_document_get_audit_broken_at (ctx->document, &problem);
  if (broken_at == 0)
    return;

  add_finding (ctx, "audit", PF_SEVERITY_BLOCKER, "audit-broken", PF_CAUSE_REAL_WORLD, -1,
               PF_FIX_PAGE, "audit-trail", NULL,
               /* Translators: %u is the number of an audit entry. */
               g_strdup_printf (_("The audit trail is broken at entry %u"), broken_at),
               problem != NULL
                 /* Translators: %s says what is wrong with the entry. */
                 ? g_strdup_printf (_("%s. The file was changed outside Preflight: the recorded history "
                                      "cannot be trusted until someone explains the change."), problem)
                 : g_strdup (_("The file was changed outside Preflight: the recorded history cannot be "
                               "trusted until someone explains the change.")));
}

/* k) Open high risks, open assumptions and the ML Test Score. */
static void
rule_registers (Context *ctx)
{
  JsonArray *risks = pf_document_get_records (ctx->document, "risks");
  JsonArray *assumptions = pf_document_get_records (ctx->document, "assumptions");
  GPtrArray *sections = pf_catalog_get_test_sections (ctx->catalog);
  g_autoptr(GPtrArray) open = g_ptr_array_new_with_free_func (g_free);
  const char *first_open = NULL;
  guint n_open = 0;

  for (guint i = 0; i < json_array_get_length (risks); i++)
    {
      JsonObject *record = json_array_get_object_element (risks, i);
      const char *id;
      g_autofree char *key = NULL;

      if (record == NULL || !g_str_equal (record_string (record, "status", "open"), "open") ||
          !g_str_equal (record_string (record, "likelihood", "medium"), "high") ||
          !g_str_equal (record_string (record, "impact", "medium"), "high"))
        continue;

      id = record_string (record, "id", NULL);
      key = g_strconcat ("risk:", id ? id : record_name (record, "title"), NULL);
      add_finding (ctx, key, PF_SEVERITY_WARNING, "high-risk", cause_from_id (record_string (record, "cause", NULL)), -1,
                   PF_FIX_RECORD, "risks", id,
                   /* Translators: %s is the title of a risk. */
                   g_strdup_printf (_("Open risk, likely and with high impact: “%s”"), record_name (record, "title")),
                   pf_text_is_given (record_string (record, "mitigation", NULL))
                     /* Translators: %s is the planned mitigation of a risk. */
                     ? g_strdup_printf (_("Planned mitigation: %s"), record_string (record, "mitigation", ""))
                     : g_strdup (_("No mitigation is planned.")));
    }

  for (guint i = 0; i < json_array_get_length (assumptions); i++)
    {
      JsonObject *record = json_array_get_object_element (assumptions, i);

      if (record == NULL || !g_str_equal (record_string (record, "status", "open"), "open"))
        continue;

      if (n_open++ == 0)
        first_open = record_string (record, "id", NULL);
      if (open->len < MAX_NAMED)
        {
          const char *statement = record_name (record, "statement");

          /* Statements are sentences: long ones are shortened. */
          if (g_utf8_strlen (statement, -1) > 60)
            {
              g_autofree char *start = g_utf8_substring (statement, 0, 59);

              g_ptr_array_add (open, g_strconcat (start, "…", NULL));
            }
          else
            g_ptr_array_add (open, g_strdup (statement));
        }
    }

  if (n_open > 0)
    {
      g_autofree char *names = join_names (open, n_open);

      add_finding (ctx, "assumptions:open", PF_SEVERITY_WARNING, "open-assumptions", -1, -1,
                   PF_FIX_RECORD, "assumptions", first_open,
                   g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u assumption is still open",
                                                 "%u assumptions are still open", n_open), n_open),
                   /* Translators: %s is a list of assumptions. */
                   g_strdup_printf (_("Validate or invalidate %s, with evidence."), names));
    }

  if (sections->len > 0)
    {
      PfTestScore score = { 0 };
      PfTestBand band;

      pf_test_score_compute (sections, pf_document_get_records (ctx->document, "ml-test-score"), &score);
      band = pf_test_band_for_score (score.final_score);
      if (band == PF_TEST_BAND_RESEARCH || band == PF_TEST_BAND_UNTESTED)
        {
          g_autofree char *figure = format_number (score.final_score);

          add_finding (ctx, "ml-test-score", PF_SEVERITY_WARNING, "ml-test-score", PF_CAUSE_IT_COLLABORATION, -1,
                       PF_FIX_PAGE, "ml-test-score", NULL,
                       /* Translators: the first %s is a score such as "0.5", the second its band, e.g. "Untested". */
                       g_strdup_printf (_("The ML Test Score is %s: %s"), figure, pf_test_band_get_title (band)),
                       g_strdup (pf_test_band_get_description (band)));
        }
      pf_test_score_clear (&score);
    }
}

/* k) The answers that say "do not deploy": the model no longer serves the
 * business, its data is not there in production, or the team decided to
 * stop or iterate. */
static void
rule_decisive_answers (Context *ctx)
{
  const char *decision;
  gboolean value;

  if (answer_boolean (ctx, "evaluation.still-aligned", &value) && !value)
    add_finding (ctx, "question:evaluation.still-aligned", PF_SEVERITY_BLOCKER, "business-alignment",
                 PF_CAUSE_BUSINESS_ALIGNMENT, PF_PHASE_EVALUATION,
                 PF_FIX_QUESTION, question_page (ctx, "evaluation.still-aligned", PF_PHASE_EVALUATION),
                 "evaluation.still-aligned",
                 g_strdup (_("The model no longer matches what the business needs")),
                 g_strdup (_("The evaluation found that the problem solved is not the business's problem any "
                             "more. Agree the question again with the sponsor before deploying.")));

  if (answer_boolean (ctx, "data-understanding.available-in-production", &value) && !value)
    add_finding (ctx, "question:data-understanding.available-in-production", PF_SEVERITY_BLOCKER,
                 "data-not-in-production", PF_CAUSE_IT_COLLABORATION, PF_PHASE_DATA_UNDERSTANDING,
                 PF_FIX_QUESTION, question_page (ctx, "data-understanding.available-in-production",
                                                 PF_PHASE_DATA_UNDERSTANDING),
                 "data-understanding.available-in-production",
                 g_strdup (_("The data the model needs is not available in production")),
                 g_strdup (_("A model trained on data that production does not have cannot run there. "
                             "Agree a production feed with its owners, or change the data.")));

  decision = answer_string (ctx, "evaluation.decision");
  if (g_strcmp0 (decision, "stop") == 0 || g_strcmp0 (decision, "iterate") == 0)
    add_finding (ctx, "question:evaluation.decision", PF_SEVERITY_BLOCKER, "decision-not-deploy",
                 PF_CAUSE_BUSINESS_ALIGNMENT, PF_PHASE_EVALUATION,
                 PF_FIX_QUESTION, question_page (ctx, "evaluation.decision", PF_PHASE_EVALUATION),
                 "evaluation.decision",
                 g_str_equal (decision, "stop")
                   ? g_strdup (_("The evaluation decided to stop the project"))
                   : g_strdup (_("The evaluation decided on another iteration, not on deployment")),
                 g_strdup (_("Deploy only after the evaluation decides to deploy.")));
}

/* ------------------------------------------------------------ evaluation */

static void
read_sign_offs (Context *ctx)
{
  JsonArray *records = pf_document_get_sign_offs (ctx->document);

  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      JsonObject *record = json_array_get_object_element (records, i);
      SignOff *sign_off;

      if (record == NULL || g_strcmp0 (record_string (record, "kind", NULL), "sign-off") != 0 ||
          record_string (record, "id", NULL) == NULL || record_string (record, "scope", NULL) == NULL)
        continue;

      sign_off = g_new0 (SignOff, 1);
      sign_off->id = record_string (record, "id", NULL);
      sign_off->scope = record_string (record, "scope", NULL);
      sign_off->name = record_string (record, "name", NULL);
      sign_off->role = record_string (record, "role", NULL);
      sign_off->meaning = record_string (record, "meaning", NULL);
      sign_off->conditions = record_string (record, "conditions", NULL);
      sign_off->state = pf_document_get_sign_off_state (ctx->document, sign_off->id, &sign_off->changes);
      g_ptr_array_add (ctx->sign_offs, sign_off);
    }
}

static int
compare_found (gconstpointer a,
               gconstpointer b)
{
  const Found *x = a, *y = b;
  /* Project-wide findings (-1) after the phases. */
  int phase_x = x->finding->phase < 0 ? PF_N_PHASES : x->finding->phase;
  int phase_y = y->finding->phase < 0 ? PF_N_PHASES : y->finding->phase;

  if (x->finding->severity != y->finding->severity)
    return (int)x->finding->severity - (int)y->finding->severity;
  if (phase_x != phase_y)
    return phase_x - phase_y;
  return (x->seq > y->seq) - (x->seq < y->seq);
}

/* The share of each cause's questions answered, required ones twice. */
static void
base_scores (Context *ctx,
             double   scores[PF_N_CAUSES])
{
  double total[PF_N_CAUSES] = { 0 };
  double answered[PF_N_CAUSES] = { 0 };

  for (guint p = 0; p < PF_N_PHASES; p++)
    {
      GPtrArray *steps = pf_catalog_get_steps (ctx->catalog, p);

      for (guint i = 0; i < steps->len; i++)
        {
          PfStep *step = g_ptr_array_index (steps, i);

          for (guint j = 0; j < step->questions->len; j++)
            {
              PfQuestion *question = g_ptr_array_index (step->questions, j);
              int cause = cause_from_id (question->cause);
              double weight = question->required ? 2 : 1;

              if (cause < 0)
                continue;
              total[cause] += weight;
              if (pf_question_is_answered (ctx->document, question))
                answered[cause] += weight;
            }
        }
    }

  for (guint c = 0; c < PF_N_CAUSES; c++)
    scores[c] = total[c] > 0 ? 100.0 * answered[c] / total[c] : 100.0;
}

/**
 * pf_readiness_evaluate:
 * @catalog: the catalog the project follows
 * @document: the project; read, never changed
 *
 * Returns: (transfer full): the verdict, findings, per-phase progress and
 *   scores; free with pf_readiness_free()
 */
PfReadiness *
pf_readiness_evaluate (PfCatalog  *catalog,
                       PfDocument *document)
{
  PfReadiness *readiness;
  PfGateState states[PF_N_PHASES];
  Context ctx = { 0 };
  guint n_blockers[PF_N_CAUSES] = { 0 };
  guint n_warnings[PF_N_CAUSES] = { 0 };

  g_return_val_if_fail (PF_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (PF_IS_DOCUMENT (document), NULL);

  ctx.catalog = catalog;
  ctx.document = document;
  ctx.keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx.sign_offs = g_ptr_array_new_with_free_func ((GDestroyNotify)sign_off_free);
  ctx.found = g_array_new (FALSE, FALSE, sizeof (Found));
  ctx.required_scopes = g_hash_table_new (g_str_hash, g_str_equal);

  readiness = g_new0 (PfReadiness, 1);
  readiness->findings = g_ptr_array_new_with_free_func ((GDestroyNotify)finding_free);

  for (guint p = 0; p < PF_N_PHASES; p++)
    {
      GPtrArray *gate = pf_catalog_get_gate (catalog, p);

      for (guint i = 0; i < gate->len; i++)
        {
          PfRequirement *requirement = g_ptr_array_index (gate, i);

          if (requirement->sign_off != NULL && !g_hash_table_contains (ctx.required_scopes, requirement->sign_off))
            g_hash_table_insert (ctx.required_scopes, requirement->sign_off, GINT_TO_POINTER (p + 1));
        }
    }

  read_sign_offs (&ctx);

  /* The specific rules first: they claim the keys the gate would report
   * in general terms. */
  rule_audit (&ctx);
  rule_business_question (&ctx);
  rule_features (&ctx);
  rule_metric (&ctx);
  rule_decisive_answers (&ctx);
  rule_personal_data (&ctx);
  rule_reidentification (&ctx);
  rule_prediction_logging (&ctx);
  rule_approvals (&ctx);

  for (guint p = 0; p < PF_N_PHASES; p++)
    {
      evaluate_gate (&ctx, p, &states[p]);
      readiness->phases[p].n_required = states[p].n_required;
      readiness->phases[p].n_answered = states[p].n_answered;
      /* The deployment rule replaces parts of the deployment gate. */
      if (p == PF_PHASE_DEPLOYMENT)
        rule_deployment (&ctx);
      rule_gate (&ctx, p, &states[p]);
      pf_gate_state_clear (&states[p]);
    }

  rule_stale_sign_offs (&ctx);
  rule_sign_off_roles (&ctx);
  rule_registers (&ctx);

  g_array_sort (ctx.found, compare_found);
  for (guint i = 0; i < ctx.found->len; i++)
    {
      PfFinding *finding = g_array_index (ctx.found, Found, i).finding;

      g_ptr_array_add (readiness->findings, finding);
      switch (finding->severity)
        {
        case PF_SEVERITY_BLOCKER:
          readiness->n_blockers++;
          if (finding->cause >= 0)
            n_blockers[finding->cause]++;
          break;
        case PF_SEVERITY_CONDITION:
          readiness->n_conditions++;
          break;
        case PF_SEVERITY_WARNING:
        default:
          readiness->n_warnings++;
          if (finding->cause >= 0)
            n_warnings[finding->cause]++;
          break;
        }
    }

  for (guint p = 0; p < PF_N_PHASES; p++)
    {
      readiness->phases[p].findings = g_ptr_array_new ();
      for (guint i = 0; i < readiness->findings->len; i++)
        {
          PfFinding *finding = g_ptr_array_index (readiness->findings, i);

          if (finding->phase == (int)p)
            g_ptr_array_add (readiness->phases[p].findings, finding);
        }
    }

  base_scores (&ctx, readiness->scores);
  for (guint c = 0; c < PF_N_CAUSES; c++)
    {
      double score = readiness->scores[c];

      score *= pow (0.5, MIN (n_blockers[c], 3));
      score *= pow (0.9, MIN (n_warnings[c], 5));
      readiness->scores[c] = CLAMP (round (score), 0, 100);
    }

  if (readiness->n_blockers > 0)
    readiness->verdict = PF_VERDICT_NOT_READY;
  else if (readiness->n_conditions > 0)
    readiness->verdict = PF_VERDICT_READY_WITH_CONDITIONS;
  else
    readiness->verdict = PF_VERDICT_READY;

  g_hash_table_unref (ctx.keys);
  g_hash_table_unref (ctx.required_scopes);
  g_ptr_array_unref (ctx.sign_offs);
  g_array_unref (ctx.found);

  return readiness;
}

void
pf_readiness_free (PfReadiness *readiness)
{
  if (readiness == NULL)
    return;

  for (guint i = 0; i < PF_N_PHASES; i++)
    g_clear_pointer (&readiness->phases[i].findings, g_ptr_array_unref);
  g_clear_pointer (&readiness->findings, g_ptr_array_unref);
  g_free (readiness);
}

/* ------------------------------------------------------------ JSON */

static const char * const fix_ids[] = {
  [PF_FIX_PAGE] = "page",
  [PF_FIX_QUESTION] = "question",
  [PF_FIX_BUSINESS_QUESTION] = "business-question",
  [PF_FIX_RECORD] = "record",
  [PF_FIX_SIGN_OFF] = "sign-off",
};

/**
 * pf_readiness_to_json:
 *
 * The readiness as data/readiness-json.md describes it, members in a
 * stable order.
 *
 * Returns: (transfer full): a JSON object
 */
JsonNode *
pf_readiness_to_json (const PfReadiness *readiness)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (readiness != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "verdict");
  json_builder_add_string_value (builder, pf_verdict_get_id (readiness->verdict));

  json_builder_set_member_name (builder, "counts");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "blockers");
  json_builder_add_int_value (builder, readiness->n_blockers);
  json_builder_set_member_name (builder, "conditions");
  json_builder_add_int_value (builder, readiness->n_conditions);
  json_builder_set_member_name (builder, "warnings");
  json_builder_add_int_value (builder, readiness->n_warnings);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "findings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < readiness->findings->len; i++)
    {
      const PfFinding *finding = g_ptr_array_index (readiness->findings, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "severity");
      json_builder_add_string_value (builder, pf_severity_get_id (finding->severity));
      pf_json_builder_add_nullable_string (builder, "rule", finding->rule);
      pf_json_builder_add_nullable_string (builder, "cause", finding->cause >= 0 ? pf_cause_get_id (finding->cause) : NULL);
      pf_json_builder_add_nullable_string (builder, "phase", finding->phase >= 0 ? pf_phase_get_id (finding->phase) : NULL);
      pf_json_builder_add_nullable_string (builder, "title", finding->title);
      pf_json_builder_add_nullable_string (builder, "detail", finding->detail);
      pf_json_builder_add_nullable_string (builder, "fix", finding->fix < G_N_ELEMENTS (fix_ids) ? fix_ids[finding->fix] : NULL);
      pf_json_builder_add_nullable_string (builder, "page", finding->page);
      pf_json_builder_add_nullable_string (builder, "target", finding->target);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "phases");
  json_builder_begin_array (builder);
  for (guint p = 0; p < PF_N_PHASES; p++)
    {
      const PfPhaseReadiness *phase = &readiness->phases[p];
      guint blockers = 0;

      for (guint i = 0; phase->findings != NULL && i < phase->findings->len; i++)
        blockers += ((PfFinding *)g_ptr_array_index (phase->findings, i))->severity == PF_SEVERITY_BLOCKER;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, pf_phase_get_id (p));
      json_builder_set_member_name (builder, "required");
      json_builder_add_int_value (builder, phase->n_required);
      json_builder_set_member_name (builder, "answered");
      json_builder_add_int_value (builder, phase->n_answered);
      json_builder_set_member_name (builder, "blockers");
      json_builder_add_int_value (builder, blockers);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "scores");
  json_builder_begin_object (builder);
  for (guint c = 0; c < PF_N_CAUSES; c++)
    {
      json_builder_set_member_name (builder, pf_cause_get_id (c));
      json_builder_add_int_value (builder, (gint64)readiness->scores[c]);
    }
  json_builder_end_object (builder);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static const struct
{
  const char *id;
  const char *title;
} verdicts[] = {
  [PF_VERDICT_NOT_READY] = { "not-ready", N_("NOT READY") },
  [PF_VERDICT_READY_WITH_CONDITIONS] = { "ready-with-conditions", N_("READY WITH CONDITIONS") },
  [PF_VERDICT_READY] = { "ready", N_("READY") },
};

static const struct
{
  const char *id;
  const char *title;
} severities[] = {
  [PF_SEVERITY_BLOCKER] = { "blocker", N_("Blocker") },
  [PF_SEVERITY_CONDITION] = { "condition", N_("Condition") },
  [PF_SEVERITY_WARNING] = { "warning", N_("Warning") },
};

const char *
pf_verdict_get_id (PfVerdict verdict)
{
  g_return_val_if_fail (verdict < G_N_ELEMENTS (verdicts), NULL);

  return verdicts[verdict].id;
}

/* Returns: the verdict as the report and the command line print it, translated */
const char *
pf_verdict_get_title (PfVerdict verdict)
{
  g_return_val_if_fail (verdict < G_N_ELEMENTS (verdicts), NULL);

  return _(verdicts[verdict].title);
}

const char *
pf_severity_get_id (PfSeverity severity)
{
  g_return_val_if_fail (severity < G_N_ELEMENTS (severities), NULL);

  return severities[severity].id;
}

const char *
pf_severity_get_title (PfSeverity severity)
{
  g_return_val_if_fail (severity < G_N_ELEMENTS (severities), NULL);

  return _(severities[severity].title);
}
