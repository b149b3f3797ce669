/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pf-gate.h"
#include "pf-json.h"
#include "pf-report.h"
#include "pf-scan-record.h"
#include "pf-schema.h"
#include "pf-scope.h"
#include "pf-scope-describe.h"
#include "pf-test-score.h"

/* The report model: its building blocks, and the content built from the
 * project (DESIGN.md §6). */

static void
report_text_free (PfReportText *text)
{
  g_free (text->text);
  g_free (text);
}

static void
report_item_free (PfReportItem *item)
{
  g_free (item->label);
  g_free (item->text);
  g_free (item->note);
  g_free (item);
}

static void
report_block_free (PfReportBlock *block)
{
  g_free (block->text);
  g_free (block->anchor);
  g_clear_pointer (&block->items, g_ptr_array_unref);
  g_clear_pointer (&block->columns, g_ptr_array_unref);
  g_free (block->widths);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_free (block);
}

void
pf_report_free (PfReport *report)
{
  if (report == NULL)
    return;

  g_free (report->title);
  g_free (report->description);
  g_free (report->author);
  g_clear_pointer (&report->created, g_date_time_unref);
  g_free (report->verdict_summary);
  g_free (report->anchor);
  g_clear_pointer (&report->blocks, g_ptr_array_unref);
  g_clear_pointer (&report->json, json_node_unref);
  g_free (report);
}

static PfReportBlock *
add_block (PfReport    *report,
           PfBlockKind  kind)
{
  PfReportBlock *block = g_new0 (PfReportBlock, 1);

  block->kind = kind;
  g_ptr_array_add (report->blocks, block);

  return block;
}

PfReportBlock *
pf_report_add_heading (PfReport   *report,
                       guint       level,
                       const char *text,
                       const char *anchor)
{
  PfReportBlock *block;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (level >= 1 && level <= 3, NULL);

  block = add_block (report, PF_BLOCK_HEADING);
  block->level = level;
  block->text = g_strdup (text ? text : "");
  block->anchor = g_strdup (anchor);

  return block;
}

PfReportBlock *
pf_report_add_paragraph (PfReport   *report,
                         const char *text,
                         PfTone      tone)
{
  PfReportBlock *block;

  g_return_val_if_fail (report != NULL, NULL);

  block = add_block (report, PF_BLOCK_PARAGRAPH);
  block->text = g_strdup (text ? text : "");
  block->tone = tone;

  return block;
}

PfReportBlock *
pf_report_add_list (PfReport *report)
{
  PfReportBlock *block;

  g_return_val_if_fail (report != NULL, NULL);

  block = add_block (report, PF_BLOCK_LIST);
  block->items = g_ptr_array_new_with_free_func ((GDestroyNotify)report_item_free);

  return block;
}

PfReportBlock *
pf_report_add_fields (PfReport *report)
{
  PfReportBlock *block;

  g_return_val_if_fail (report != NULL, NULL);

  block = add_block (report, PF_BLOCK_FIELDS);
  block->items = g_ptr_array_new_with_free_func ((GDestroyNotify)report_item_free);

  return block;
}

void
pf_report_block_add_item (PfReportBlock *block,
                          const char    *label,
                          const char    *text,
                          const char    *note,
                          PfTone         tone)
{
  PfReportItem *item;

  g_return_if_fail (block != NULL && block->items != NULL);

  item = g_new0 (PfReportItem, 1);
  item->label = g_strdup (label);
  item->text = g_strdup (text ? text : "");
  item->note = g_strdup (note);
  item->tone = tone;
  g_ptr_array_add (block->items, item);
}

PfReportBlock *
pf_report_add_table (PfReport           *report,
                     const char         *caption,
                     const char * const *columns,
                     const double       *widths)
{
  PfReportBlock *block;
  guint n = 0;
  double sum = 0;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (columns != NULL && columns[0] != NULL, NULL);

  block = add_block (report, PF_BLOCK_TABLE);
  block->text = g_strdup (caption);
  block->columns = g_ptr_array_new_with_free_func (g_free);
  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);

  for (n = 0; columns[n] != NULL; n++)
    g_ptr_array_add (block->columns, g_strdup (columns[n]));

  /* Widths are relative: normalised here, equal when not given. */
  block->widths = g_new (double, n);
  for (guint i = 0; i < n; i++)
    {
      block->widths[i] = widths != NULL && widths[i] > 0 ? widths[i] : 1.0;
      sum += block->widths[i];
    }
  for (guint i = 0; i < n; i++)
    block->widths[i] /= sum;

  return block;
}

void
pf_report_table_add_row (PfReportBlock      *table,
                         const char * const *cells,
                         const PfTone       *tones)
{
  GPtrArray *row;

  g_return_if_fail (table != NULL && table->kind == PF_BLOCK_TABLE);
  g_return_if_fail (cells != NULL);

  row = g_ptr_array_new_with_free_func ((GDestroyNotify)report_text_free);
  for (guint i = 0; i < table->columns->len; i++)
    {
      PfReportText *cell = g_new0 (PfReportText, 1);

      cell->text = g_strdup (cells[i] ? cells[i] : "");
      cell->tone = tones != NULL ? tones[i] : PF_TONE_NONE;
      g_ptr_array_add (row, cell);
    }
  g_ptr_array_add (table->rows, row);
}

PfReportBlock *
pf_report_add_chart (PfReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  return add_block (report, PF_BLOCK_CHART);
}

/* The content ------------------------------------------------------------ */

typedef struct
{
  PfReport          *report;
  PfCatalog         *catalog;
  PfDocument        *document;
  const PfReadiness *readiness;
  JsonObject        *json;  /* borrowed: report->json's object */
} Builder;

/* A time of the project file (ISO 8601 UTC) as the report prints it: in
 * UTC, to the minute, the same wherever the report is read. */
static char *
format_time (const char *iso)
{
  g_autoptr(GDateTime) time = NULL;

  if (iso == NULL || iso[0] == '\0')
    return g_strdup ("");
  if (!(time = g_date_time_new_from_iso8601 (iso, NULL)))
    return g_strdup (iso);

  /* Translators: a time in the report, see g_date_time_format(); always UTC. */
  return g_date_time_format (time, _("%Y-%m-%d %H:%M UTC"));
}

/* Only for a node holding a number (see is_number()). */
static char *
format_number (JsonNode *node)
{
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

  return g_strdup_printf ("%.10g", json_node_get_double (node));
}

/* A scan's metrics may hold any JSON type where a number is expected. */
static gboolean
is_number (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         (json_node_get_value_type (node) == G_TYPE_INT64 || json_node_get_value_type (node) == G_TYPE_DOUBLE);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return "";

  return json_node_get_string (node);
}

/* A register record by the name people know it by. */
static const char *
record_name (JsonObject *record)
{
  static const char * const members[] = { "name", "title", "statement", "file-name", NULL };

  for (guint i = 0; members[i] != NULL; i++)
    {
      const char *text = member_string (record, members[i]);

      if (text[0] != '\0')
        return text;
    }

  return member_string (record, "id");
}

/* A register field's value in words: an enumerated value by its label, a
 * boolean as yes or no, a time in UTC. */
static char *
field_text (const char *register_id,
            JsonObject *record,
            const char *field)
{
  const PfRegister *reg = pf_schema_find_register (register_id);
  const PfField *info = reg ? pf_register_find_field (reg, field) : NULL;
  JsonNode *node = json_object_get_member (record, field);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("");

  if (info != NULL && info->type == PF_FIELD_ENUM && JSON_NODE_HOLDS_VALUE (node))
    return g_strdup (pf_value_get_label (member_string (record, field)));
  if (info != NULL && info->type == PF_FIELD_TIME)
    return format_time (member_string (record, field));
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_BOOLEAN)
        return g_strdup (json_node_get_boolean (node) ? _("Yes") : _("No"));
      if (type == G_TYPE_INT64 || type == G_TYPE_DOUBLE)
        return format_number (node);
      if (type == G_TYPE_STRING)
        return g_strdup (json_node_get_string (node));
    }

  return json_to_string (node, FALSE);
}

static const char *
field_title (const char *register_id,
             const char *field)
{
  const char *label = pf_field_get_label (register_id, field);

  return label ? label : field;
}

static char *
question_object (const PfQuestion *question)
{
  return g_strconcat ("answers/", question->id, NULL);
}

/* The answer to @question in words, or NULL when it has none. Sets
 * @not_applicable and @justification for an answer that does not apply. */
static char *
answer_text (Builder          *b,
             const PfQuestion *question,
             gboolean         *not_applicable,
             const char      **justification)
{
  g_autofree char *object = question_object (question);
  JsonNode *flag = pf_document_get_value (b->document, object, "not-applicable");
  JsonNode *value;

  *not_applicable = FALSE;
  *justification = NULL;

  if (flag != NULL && JSON_NODE_HOLDS_VALUE (flag) && json_node_get_value_type (flag) == G_TYPE_BOOLEAN &&
      json_node_get_boolean (flag))
    {
      *not_applicable = TRUE;
      *justification = pf_document_get_string (b->document, object, "justification");
      return g_strdup (_("Not applicable"));
    }

  if (!pf_question_is_answered (b->document, question))
    return NULL;

  value = pf_document_get_value (b->document, object, "value");
  if (!JSON_NODE_HOLDS_VALUE (value))
    return json_to_string (value, FALSE);

  switch (question->type)
    {
    case PF_QUESTION_YES_NO:
      if (json_node_get_value_type (value) == G_TYPE_BOOLEAN)
        return g_strdup (json_node_get_boolean (value) ? _("Yes") : _("No"));
      break;

    case PF_QUESTION_NUMBER:
      if (json_node_get_value_type (value) == G_TYPE_INT64 || json_node_get_value_type (value) == G_TYPE_DOUBLE)
        return format_number (value);
      break;

    case PF_QUESTION_CHOICE:
      for (guint i = 0; question->choices != NULL && i < question->choices->len; i++)
        {
          PfChoice *choice = g_ptr_array_index (question->choices, i);

          if (g_strcmp0 (choice->id, json_node_get_string (value)) == 0)
            return g_strdup (choice->label);
        }
      break;

    case PF_QUESTION_REFERENCE:
      if (json_node_get_value_type (value) == G_TYPE_STRING && question->register_id != NULL)
        {
          JsonObject *record = pf_document_get_record (b->document, question->register_id,
                                                       json_node_get_string (value));

          if (record != NULL)
            return g_strdup (record_name (record));
          /* Translators: an answer that names a register entry that was removed since. */
          return g_strdup_printf (_("%s (removed)"), json_node_get_string (value));
        }
      break;

    case PF_QUESTION_TEXT:
    case PF_QUESTION_LONG_TEXT:
    case PF_QUESTION_DATE:
    default:
      break;
    }

  if (json_node_get_value_type (value) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (value));
  if (json_node_get_value_type (value) == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (value) ? _("Yes") : _("No"));
  if (json_node_get_value_type (value) == G_TYPE_INT64 || json_node_get_value_type (value) == G_TYPE_DOUBLE)
    return format_number (value);

  return json_to_string (value, FALSE);
}

static gboolean
question_not_applicable (Builder          *b,
                         const PfQuestion *question)
{
  g_autofree char *object = question_object (question);
  JsonNode *flag = pf_document_get_value (b->document, object, "not-applicable");

  return flag != NULL && JSON_NODE_HOLDS_VALUE (flag) && json_node_get_value_type (flag) == G_TYPE_BOOLEAN &&
         json_node_get_boolean (flag);
}

/* The answer as the JSON export lists it. */
static JsonNode *
answer_json (Builder          *b,
             const PfQuestion *question)
{
  g_autofree char *object = question_object (question);
  g_autofree char *text = NULL;
  JsonObject *answer = json_object_new ();
  JsonNode *value = pf_document_get_value (b->document, object, "value");
  JsonNode *node;
  gboolean not_applicable;
  const char *justification;

  text = answer_text (b, question, &not_applicable, &justification);

  json_object_set_string_member (answer, "question", question->id);
  json_object_set_string_member (answer, "text", question->text);
  json_object_set_boolean_member (answer, "required", question->required);
  if (value != NULL && !not_applicable && text != NULL)
    json_object_set_member (answer, "value", pf_json_node_copy_deep (value));
  else
    json_object_set_null_member (answer, "value");
  if (text != NULL && !not_applicable)
    json_object_set_string_member (answer, "answer", text);
  else
    json_object_set_null_member (answer, "answer");
  json_object_set_boolean_member (answer, "not_applicable", not_applicable);
  if (not_applicable && justification != NULL)
    json_object_set_string_member (answer, "justification", justification);
  else
    json_object_set_null_member (answer, "justification");

  node = json_node_init_object (json_node_alloc (), answer);
  json_object_unref (answer);

  return node;
}

/* Adds @question's answer to @fields; an unanswered optional question is
 * left out, an unanswered required one shown as such. Returns whether it
 * added an item. */
static gboolean
add_answer (Builder          *b,
            PfReportBlock    *fields,
            const PfQuestion *question)
{
  g_autofree char *text = NULL;
  gboolean not_applicable;
  const char *justification;

  text = answer_text (b, question, &not_applicable, &justification);
  if (text == NULL)
    {
      if (!question->required)
        return FALSE;
      pf_report_block_add_item (fields, question->text, _("Not answered"), NULL, PF_TONE_MUTED);
      return TRUE;
    }

  if (not_applicable)
    pf_report_block_add_item (fields, question->text, text, justification, PF_TONE_MUTED);
  else
    pf_report_block_add_item (fields, question->text, text, NULL, PF_TONE_NONE);

  return TRUE;
}

/* A page of the application by its title, as the sidebar names it. */
static char *
dup_page_title (const char *page)
{
  static const struct
  {
    const char *id;
    const char *title;
  } pages[] = {
    { "overview", N_("Overview") },
    { "assumptions", N_("Assumptions") },
    { "stakeholders", N_("Stakeholders") },
    { "risks", N_("Risks") },
    { "data-sources", N_("Data Sources") },
    { "features", N_("Features & Leakage") },
    { "ml-test-score", N_("ML Test Score") },
    { "sign-offs", N_("Sign-offs") },
    { "audit-trail", N_("Audit Trail") },
  };
  PfPhase phase;

  if (pf_phase_from_id (page, &phase))
    return g_strdup (pf_phase_get_title (phase));
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      if (g_str_equal (pages[i].id, page))
        return g_strdup (_(pages[i].title));
    }

  return g_strdup (page);
}

/* Where a finding is fixed, in words. */
static char *
finding_place (Builder         *b,
               const PfFinding *finding)
{
  g_autofree char *page = NULL;

  if (finding->fix == PF_FIX_QUESTION && finding->target != NULL)
    {
      const PfQuestion *question = pf_catalog_find_question (b->catalog, finding->target);

      if (question != NULL)
        /* Translators: where a blocker is fixed: a page, then a question on it. */
        return g_strdup_printf (_("%s, “%s”"), pf_phase_get_title (question->phase), question->text);
    }
  if (finding->fix == PF_FIX_BUSINESS_QUESTION)
    /* Translators: where a blocker is fixed: a page, then what to change on it. */
    return g_strdup_printf (_("%s, the business question"), pf_phase_get_title (PF_PHASE_BUSINESS_UNDERSTANDING));
  if (finding->fix == PF_FIX_SIGN_OFF && finding->target != NULL)
    {
      g_autofree char *scope = pf_scope_dup_title (finding->target);

      /* Translators: where a blocker is fixed: the page, then the scope to sign, e.g. "Privacy review". */
      return g_strdup_printf (_("Sign-offs, %s"), scope);
    }

  if (finding->page == NULL)
    return NULL;

  page = dup_page_title (finding->page);
  if (finding->fix == PF_FIX_RECORD && finding->target != NULL)
    {
      JsonObject *record = pf_schema_find_register (finding->page)
        ? pf_document_get_record (b->document, finding->page, finding->target) : NULL;

      /* Translators: where a blocker is fixed: a register page, then one of its entries. */
      return g_strdup_printf (_("%s, “%s”"), page, record ? record_name (record) : finding->target);
    }

  return g_steal_pointer (&page);
}

static PfTone
severity_tone (PfSeverity severity)
{
  return severity == PF_SEVERITY_BLOCKER ? PF_TONE_BAD : PF_TONE_WARNING;
}

static void
add_finding_item (Builder         *b,
                  PfReportBlock   *list,
                  const PfFinding *finding)
{
  g_autofree char *place = finding_place (b, finding);
  g_autofree char *where = NULL;
  g_autofree char *note = NULL;

  if (place != NULL)
    /* Translators: under a blocker in the report: the page and field that fix it. */
    where = g_strdup_printf (_("Where to fix it: %s."), place);

  if (finding->detail != NULL && finding->detail[0] != '\0' && where != NULL)
    note = g_strconcat (finding->detail, " ", where, NULL);
  else if (finding->detail != NULL && finding->detail[0] != '\0')
    note = g_strdup (finding->detail);
  else
    note = g_steal_pointer (&where);

  pf_report_block_add_item (list, NULL, finding->title, note, severity_tone (finding->severity));
}

static PfTone
verdict_tone (PfVerdict verdict)
{
  switch (verdict)
    {
    case PF_VERDICT_READY:
      return PF_TONE_GOOD;
    case PF_VERDICT_READY_WITH_CONDITIONS:
      return PF_TONE_WARNING;
    case PF_VERDICT_NOT_READY:
    default:
      return PF_TONE_BAD;
    }
}

static PfTone
score_tone (double score)
{
  if (score >= 80)
    return PF_TONE_GOOD;
  if (score >= 50)
    return PF_TONE_WARNING;
  return PF_TONE_BAD;
}

static char *
dup_verdict_summary (const PfReadiness *readiness)
{
  switch (readiness->verdict)
    {
    case PF_VERDICT_NOT_READY:
      return g_strdup_printf (ngettext ("%u blocker stands between this project and deployment.",
                                        "%u blockers stand between this project and deployment.",
                                        readiness->n_blockers),
                              readiness->n_blockers);
    case PF_VERDICT_READY_WITH_CONDITIONS:
      return g_strdup_printf (ngettext ("The model may be deployed under %u condition.",
                                        "The model may be deployed under %u conditions.",
                                        readiness->n_conditions),
                              readiness->n_conditions);
    case PF_VERDICT_READY:
    default:
      return g_strdup (_("Nothing stands between this project and deployment."));
    }
}

/* The questions that hold the model's measured metric: on the test data
 * (Modeling) and on the untouched hold-out data (Evaluation), which the
 * success criterion is judged by. */
#define TEST_METRIC_QUESTION    "modeling.test-metric"
#define HOLDOUT_METRIC_QUESTION "evaluation.measured-metric"

static void
build_summary (Builder *b)
{
  const PfReadiness *readiness = b->readiness;
  const char *question = pf_document_get_business_question (b->document);
  const char *criterion = pf_document_get_success_criterion (b->document);
  const struct
  {
    const PfQuestion *question;
    const char       *label;
  } metrics[] = {
    /* Translators: the model's metric as measured in the Evaluation phase. */
    { pf_catalog_find_question (b->catalog, HOLDOUT_METRIC_QUESTION), N_("Measured metric, hold-out data") },
    /* Translators: the model's metric as measured in the Modeling phase. */
    { pf_catalog_find_question (b->catalog, TEST_METRIC_QUESTION), N_("Measured metric, test data") },
  };
  PfReportBlock *fields;
  guint n_listed = 0;
  g_autofree char *count = NULL;

  pf_report_add_heading (b->report, 1, _("Executive summary"), "summary");
  pf_report_add_paragraph (b->report, b->report->verdict_summary, verdict_tone (readiness->verdict));

  fields = pf_report_add_fields (b->report);
  pf_report_block_add_item (fields, _("Verdict"), pf_verdict_get_title (readiness->verdict), NULL,
                            verdict_tone (readiness->verdict));
  count = g_strdup_printf ("%u", readiness->n_blockers);
  pf_report_block_add_item (fields, _("Blockers"), count, NULL,
                            readiness->n_blockers ? PF_TONE_BAD : PF_TONE_GOOD);
  g_free (count);
  count = g_strdup_printf ("%u", readiness->n_conditions);
  pf_report_block_add_item (fields, _("Conditions"), count, NULL,
                            readiness->n_conditions ? PF_TONE_WARNING : PF_TONE_NONE);
  g_free (count);
  count = g_strdup_printf ("%u", readiness->n_warnings);
  pf_report_block_add_item (fields, _("Warnings"), count, NULL,
                            readiness->n_warnings ? PF_TONE_WARNING : PF_TONE_NONE);

  if (question != NULL && question[0] != '\0')
    pf_report_block_add_item (fields, _("Business question"), question, NULL, PF_TONE_NONE);
  else
    pf_report_block_add_item (fields, _("Business question"), _("Not recorded"), NULL, PF_TONE_MUTED);
  if (criterion != NULL && criterion[0] != '\0')
    pf_report_block_add_item (fields, _("Success criterion"), criterion, NULL, PF_TONE_NONE);
  else
    pf_report_block_add_item (fields, _("Success criterion"), _("Not recorded"), NULL, PF_TONE_MUTED);

  for (guint i = 0; i < G_N_ELEMENTS (metrics); i++)
    {
      gboolean not_applicable;
      const char *justification;
      g_autofree char *text = NULL;

      if (metrics[i].question == NULL)
        continue;
      text = answer_text (b, metrics[i].question, &not_applicable, &justification);
      if (text != NULL && !not_applicable)
        pf_report_block_add_item (fields, _(metrics[i].label), text, metrics[i].question->text, PF_TONE_NONE);
    }

  if (readiness->n_blockers == 0)
    return;

  pf_report_add_paragraph (b->report, _("The most important blockers:"), PF_TONE_NONE);
  {
    PfReportBlock *list = pf_report_add_list (b->report);

    for (guint i = 0; i < readiness->findings->len && n_listed < 3; i++)
      {
        const PfFinding *finding = g_ptr_array_index (readiness->findings, i);

        if (finding->severity != PF_SEVERITY_BLOCKER)
          continue;
        pf_report_block_add_item (list, NULL, finding->title, NULL, PF_TONE_BAD);
        n_listed++;
      }
  }
  if (readiness->n_blockers > n_listed)
    {
      g_autofree char *more = NULL;

      more = g_strdup_printf (ngettext ("And %u more, listed under “Blockers and conditions”.",
                                        "And %u more, listed under “Blockers and conditions”.",
                                        readiness->n_blockers - n_listed),
                              readiness->n_blockers - n_listed);
      pf_report_add_paragraph (b->report, more, PF_TONE_NONE);
    }
}

static void
build_risk_profile (Builder *b)
{
  static const double widths[] = { 3, 1, 6 };
  const char *columns[] = { _("Cause"), _("Score"), _("What it means"), NULL };
  PfReportBlock *table;

  pf_report_add_heading (b->report, 1, _("Risk profile"), "risk-profile");
  pf_report_add_paragraph (b->report,
                           _("How well the project guards against each of the six reasons data-science "
                             "deployments fail: 100 means every check passes, 0 that every check fails."),
                           PF_TONE_NONE);
  pf_report_add_chart (b->report);

  table = pf_report_add_table (b->report, NULL, columns, widths);
  for (guint i = 0; i < PF_N_CAUSES; i++)
    {
      g_autofree char *score = g_strdup_printf ("%.0f", b->report->scores[i]);
      const char *cells[] = { pf_cause_get_title (i), score, pf_cause_get_description (i), NULL };
      const PfTone tones[] = { PF_TONE_NONE, score_tone (b->report->scores[i]), PF_TONE_NONE };

      pf_report_table_add_row (table, cells, tones);
    }
}

static void
build_findings (Builder *b)
{
  static const struct
  {
    PfSeverity  severity;
    const char *title;
  } groups[] = {
    { PF_SEVERITY_BLOCKER, N_("Blockers") },
    { PF_SEVERITY_CONDITION, N_("Conditions") },
    { PF_SEVERITY_WARNING, N_("Warnings") },
  };
  const PfReadiness *readiness = b->readiness;

  pf_report_add_heading (b->report, 1, _("Blockers and conditions"), "blockers");
  if (readiness->findings->len == 0)
    {
      pf_report_add_paragraph (b->report, _("No blockers, conditions or warnings."), PF_TONE_GOOD);
      return;
    }

  pf_report_add_paragraph (b->report,
                           _("Blockers must be resolved before the model is deployed; conditions are "
                             "what approvers asked for; warnings do not change the verdict."),
                           PF_TONE_NONE);

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      PfReportBlock *list = NULL;

      for (guint i = 0; i < readiness->findings->len; i++)
        {
          const PfFinding *finding = g_ptr_array_index (readiness->findings, i);

          if (finding->severity != groups[g].severity)
            continue;
          if (list == NULL)
            {
              pf_report_add_heading (b->report, 2, _(groups[g].title), NULL);
              list = pf_report_add_list (b->report);
            }
          add_finding_item (b, list, finding);
        }
    }
}

/* The questions the Privacy review and Deployment plan sections show are
 * left out of their phases, so that each answer is printed once. */
static gboolean
is_section_question (const PfQuestion *question)
{
  return g_str_has_prefix (question->id, "privacy-review.") ||
         g_str_has_prefix (question->id, "deployment-plan.");
}

static void
build_business_question (Builder    *b,
                         JsonObject *json)
{
  static const double widths[] = { 1, 4, 4, 4, 2, 2 };
  const char *columns[] = { _("Version"), _("Question"), _("Success criterion"), _("Reason for the change"),
                            _("Author"), _("Time"), NULL };
  JsonArray *history = pf_document_get_business_question_history (b->document);
  guint n = json_array_get_length (history);
  JsonArray *json_history = json_array_new ();
  PfReportBlock *fields;
  const char *question = pf_document_get_business_question (b->document);
  const char *criterion = pf_document_get_success_criterion (b->document);

  json_object_set_string_member (json, "question", question ? question : "");
  json_object_set_string_member (json, "success_criterion", criterion ? criterion : "");

  pf_report_add_heading (b->report, 3, _("Business question"), NULL);
  fields = pf_report_add_fields (b->report);
  if (n == 0)
    {
      pf_report_block_add_item (fields, _("Business question"), _("Not recorded"), NULL, PF_TONE_MUTED);
      json_object_set_array_member (json, "history", json_history);
      return;
    }

  pf_report_block_add_item (fields, _("Business question"), question, NULL, PF_TONE_NONE);
  pf_report_block_add_item (fields, _("Success criterion"), criterion, NULL, PF_TONE_NONE);

  if (n > 1)
    {
      PfReportBlock *table = pf_report_add_table (b->report, _("Versions of the business question, oldest first"),
                                                  columns, widths);

      for (guint i = 0; i < n; i++)
        {
          JsonObject *version = json_array_get_object_element (history, i);
          g_autofree char *number = g_strdup_printf ("%u", i + 1);
          g_autofree char *time = format_time (member_string (version, "time"));
          const char *cells[] = { number, member_string (version, "question"),
                                  member_string (version, "success-criterion"),
                                  member_string (version, "reason"), member_string (version, "author"),
                                  time, NULL };

          pf_report_table_add_row (table, cells, NULL);
        }
    }

  for (guint i = 0; i < n; i++)
    {
      JsonObject *version = json_array_get_object_element (history, i);
      JsonObject *item = json_object_new ();

      json_object_set_string_member (item, "id", member_string (version, "id"));
      json_object_set_string_member (item, "question", member_string (version, "question"));
      json_object_set_string_member (item, "success_criterion", member_string (version, "success-criterion"));
      json_object_set_string_member (item, "reason", member_string (version, "reason"));
      json_object_set_string_member (item, "author", member_string (version, "author"));
      json_object_set_string_member (item, "time", member_string (version, "time"));
      json_array_add_object_element (json_history, item);
    }
  json_object_set_array_member (json, "history", json_history);
}

static void
build_phases (Builder *b)
{
  JsonArray *json_phases = json_array_new ();

  pf_report_add_heading (b->report, 1, _("Phases"), "phases");
  pf_report_add_paragraph (b->report,
                           _("The six phases of CRISP-DM, each with the state of its gate and the team’s "
                             "answers. Optional questions without an answer are left out."),
                           PF_TONE_NONE);

  for (guint p = 0; p < PF_N_PHASES; p++)
    {
      const PfPhaseReadiness *state = &b->readiness->phases[p];
      g_autofree char *anchor = g_strconcat ("phase-", pf_phase_get_id (p), NULL);
      g_autofree char *gate = NULL;
      g_autofree char *answered = NULL;
      GPtrArray *steps = pf_catalog_get_steps (b->catalog, p);
      JsonObject *json_phase = json_object_new ();
      JsonArray *json_answers = json_array_new ();
      guint n_blockers = 0;
      gboolean has_privacy = FALSE;
      gboolean has_deployment = FALSE;

      for (guint i = 0; i < state->findings->len; i++)
        {
          const PfFinding *finding = g_ptr_array_index (state->findings, i);

          if (finding->severity == PF_SEVERITY_BLOCKER)
            n_blockers++;
        }

      pf_report_add_heading (b->report, 2, pf_phase_get_title (p), anchor);

      /* Translators: how many of a phase's required questions are answered. */
      answered = g_strdup_printf (_("%u of %u required questions answered."), state->n_answered, state->n_required);
      if (n_blockers > 0)
        gate = g_strdup_printf (ngettext ("Gate blocked by %u blocker. %s", "Gate blocked by %u blockers. %s", n_blockers),
                                n_blockers, answered);
      else if (state->n_answered < state->n_required)
        /* Translators: %s is "3 of 5 required questions answered." */
        gate = g_strdup_printf (_("Gate open. %s"), answered);
      else
        /* Translators: %s is "5 of 5 required questions answered." */
        gate = g_strdup_printf (_("Gate passed. %s"), answered);
      pf_report_add_paragraph (b->report, gate,
                               n_blockers ? PF_TONE_BAD :
                               state->n_answered < state->n_required ? PF_TONE_WARNING : PF_TONE_GOOD);

      if (state->findings->len > 0)
        {
          PfReportBlock *list = pf_report_add_list (b->report);

          for (guint i = 0; i < state->findings->len; i++)
            add_finding_item (b, list, g_ptr_array_index (state->findings, i));
        }

      json_object_set_string_member (json_phase, "id", pf_phase_get_id (p));
      json_object_set_string_member (json_phase, "title", pf_phase_get_title (p));
      json_object_set_int_member (json_phase, "required", state->n_required);
      json_object_set_int_member (json_phase, "answered", state->n_answered);
      json_object_set_int_member (json_phase, "blockers", n_blockers);

      if (p == PF_PHASE_BUSINESS_UNDERSTANDING)
        {
          JsonObject *json_question = json_object_new ();

          build_business_question (b, json_question);
          json_object_set_object_member (b->json, "business_question", json_question);
        }

      for (guint s = 0; steps != NULL && s < steps->len; s++)
        {
          PfStep *step = g_ptr_array_index (steps, s);
          gsize heading_index = b->report->blocks->len;
          PfReportBlock *fields = NULL;
          gboolean any = FALSE;

          pf_report_add_heading (b->report, 3, step->title, NULL);
          fields = pf_report_add_fields (b->report);

          for (guint q = 0; q < step->questions->len; q++)
            {
              const PfQuestion *question = g_ptr_array_index (step->questions, q);

              /* Like the report, without the optional questions nobody answered. */
              if (question->required || pf_question_is_answered (b->document, question) ||
                  question_not_applicable (b, question))
                json_array_add_element (json_answers, answer_json (b, question));
              if (!is_section_question (question))
                any |= add_answer (b, fields, question);
              else if (g_str_has_prefix (question->id, "privacy-review."))
                has_privacy = TRUE;
              else
                has_deployment = TRUE;
            }

          /* A step with nothing to show leaves no empty heading behind. */
          if (!any)
            g_ptr_array_remove_range (b->report->blocks, heading_index, b->report->blocks->len - heading_index);
        }

      if (has_privacy)
        pf_report_add_paragraph (b->report, _("This phase’s privacy questions are listed under “Privacy review”."),
                                 PF_TONE_MUTED);
      if (has_deployment)
        pf_report_add_paragraph (b->report, _("This phase’s deployment questions are listed under “Deployment plan”."),
                                 PF_TONE_MUTED);

      json_object_set_array_member (json_phase, "answers", json_answers);
      json_array_add_object_element (json_phases, json_phase);
    }

  json_object_set_array_member (b->json, "phases", json_phases);
}

static const char *
sign_off_state_title (PfSignOffState state)
{
  switch (state)
    {
    case PF_SIGN_OFF_CURRENT:
      /* Translators: the state of a sign-off in the report. */
      return C_("sign-off state", "Current");
    case PF_SIGN_OFF_STALE:
      /* Translators: the state of a sign-off in the report: the content changed after signing. */
      return C_("sign-off state", "Stale");
    case PF_SIGN_OFF_WITHDRAWN:
    default:
      /* Translators: the state of a sign-off in the report. */
      return C_("sign-off state", "Withdrawn");
    }
}

static const char *
sign_off_state_id (PfSignOffState state)
{
  switch (state)
    {
    case PF_SIGN_OFF_CURRENT:
      return "current";
    case PF_SIGN_OFF_STALE:
      return "stale";
    case PF_SIGN_OFF_WITHDRAWN:
    default:
      return "withdrawn";
    }
}

/* A current rejection is bad news, not good. */
static PfTone
sign_off_state_tone (PfSignOffState  state,
                     JsonObject     *record)
{
  switch (state)
    {
    case PF_SIGN_OFF_CURRENT:
      return g_strcmp0 (json_object_get_string_member_with_default (record, "meaning", ""), "rejected") == 0
             ? PF_TONE_BAD : PF_TONE_GOOD;
    case PF_SIGN_OFF_STALE:
      return PF_TONE_WARNING;
    case PF_SIGN_OFF_WITHDRAWN:
    default:
      return PF_TONE_MUTED;
    }
}

static void
build_sign_offs (Builder *b)
{
  static const double widths[] = { 4.3, 2.9, 2.6, 2.8, 3.6, 3.4, 3.3 };
  const char *columns[] = { _("Scope"), _("Name"), _("Role"), _("Meaning"), _("Conditions or comment"),
                            _("Time"), _("State"), NULL };
  JsonArray *sign_offs = pf_document_get_sign_offs (b->document);
  guint n = json_array_get_length (sign_offs);
  JsonArray *json_sign_offs = json_array_new ();
  PfReportBlock *table = NULL;

  pf_report_add_heading (b->report, 1, _("Sign-offs"), "sign-offs");
  pf_report_add_paragraph (b->report,
                           _("A sign-off records who approved what, as it was at that moment. It is a "
                             "record of who said what, not an electronic signature. A sign-off is stale "
                             "when the content changed after signing; stale sign-offs never count."),
                           PF_TONE_NONE);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *record = json_array_get_object_element (sign_offs, i);
      const char *id = member_string (record, "id");
      const char *scope = member_string (record, "scope");
      g_autoptr(GPtrArray) changes = NULL;
      g_autofree char *scope_title = NULL;
      g_autofree char *meaning = NULL;
      g_autofree char *time = NULL;
      g_autofree char *state_text = NULL;
      PfSignOffState state;
      JsonObject *json_sign_off;
      JsonArray *json_changes;

      if (record == NULL || g_strcmp0 (member_string (record, "kind"), "withdrawal") == 0)
        continue;

      state = pf_document_get_sign_off_state (b->document, id, &changes);
      scope_title = pf_scope_dup_title (scope);
      meaning = pf_sign_off_meaning_dup_title (member_string (record, "meaning"));
      time = format_time (member_string (record, "time"));

      if (state == PF_SIGN_OFF_STALE && changes != NULL && changes->len > 0)
        {
          g_autoptr(GString) what = g_string_new (NULL);
          guint n_listed = MIN (changes->len, 3);

          for (guint c = 0; c < n_listed; c++)
            {
              g_autofree char *change = pf_scope_describe_change (g_ptr_array_index (changes, c),
                                                                  b->catalog, b->document);

              if (c > 0)
                /* Translators: separates the changes of a stale sign-off in the report. */
                g_string_append (what, _("; "));
              g_string_append (what, change);
            }
          if (changes->len > n_listed)
            g_string_append_printf (what, ngettext (" and %u more change", " and %u more changes",
                                                    changes->len - n_listed),
                                    changes->len - n_listed);

          /* Translators: a stale sign-off in the report, then what changed after signing. */
          state_text = g_strdup_printf (_("Stale: %s changed after signing"), what->str);
        }
      else
        state_text = g_strdup (sign_off_state_title (state));

      if (table == NULL)
        table = pf_report_add_table (b->report, NULL, columns, widths);
      {
        const char *cells[] = { scope_title, member_string (record, "name"), member_string (record, "role"),
                                meaning, member_string (record, "conditions"), time, state_text, NULL };
        const PfTone tones[] = { PF_TONE_NONE, PF_TONE_NONE, PF_TONE_NONE, PF_TONE_NONE, PF_TONE_NONE,
                                 PF_TONE_NONE, sign_off_state_tone (state, record) };

        pf_report_table_add_row (table, cells, tones);
      }

      json_sign_off = json_object_new ();
      json_object_set_string_member (json_sign_off, "id", id);
      json_object_set_string_member (json_sign_off, "scope", scope);
      json_object_set_string_member (json_sign_off, "name", member_string (record, "name"));
      json_object_set_string_member (json_sign_off, "role", member_string (record, "role"));
      json_object_set_string_member (json_sign_off, "meaning", member_string (record, "meaning"));
      json_object_set_string_member (json_sign_off, "conditions", member_string (record, "conditions"));
      json_object_set_string_member (json_sign_off, "time", member_string (record, "time"));
      json_object_set_string_member (json_sign_off, "state", sign_off_state_id (state));
      json_changes = json_array_new ();
      for (guint c = 0; changes != NULL && c < changes->len; c++)
        json_array_add_string_element (json_changes, g_ptr_array_index (changes, c));
      json_object_set_array_member (json_sign_off, "changes", json_changes);
      json_array_add_object_element (json_sign_offs, json_sign_off);
    }

  if (table == NULL)
    pf_report_add_paragraph (b->report, _("Nobody has signed off yet."), PF_TONE_MUTED);

  json_object_set_array_member (b->json, "sign_offs", json_sign_offs);
}

/* A register as a table, with the fields of @fields as columns; and its
 * records, all fields, in the JSON export. The features get a leak flag. */
static void
build_register (Builder            *b,
                JsonObject         *json_registers,
                const char         *register_id,
                const char         *title,
                const char * const *fields,
                const double       *widths)
{
  JsonArray *records = pf_document_get_records (b->document, register_id);
  guint n = records ? json_array_get_length (records) : 0;
  gboolean features = g_str_equal (register_id, "features");
  g_autoptr(GPtrArray) columns = g_ptr_array_new ();
  JsonArray *json_records = json_array_new ();
  PfReportBlock *table;
  guint n_fields = g_strv_length ((char **)fields);
  guint n_leaks = 0;

  pf_report_add_heading (b->report, 2, title, NULL);
  json_object_set_array_member (json_registers, register_id, json_records);

  if (n == 0)
    {
      pf_report_add_paragraph (b->report, _("No entries."), PF_TONE_MUTED);
      return;
    }

  for (guint i = 0; i < n_fields; i++)
    g_ptr_array_add (columns, (gpointer)field_title (register_id, fields[i]));
  if (features)
    /* Translators: a column of the leakage review: whether the feature leaks. */
    g_ptr_array_add (columns, _("Leak"));
  g_ptr_array_add (columns, NULL);

  table = pf_report_add_table (b->report, NULL, (const char * const *)columns->pdata, widths);
  for (guint r = 0; r < n; r++)
    {
      JsonObject *record = json_array_get_object_element (records, r);
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
      g_autofree PfTone *tones = g_new0 (PfTone, n_fields + 1);
      gboolean leak = FALSE;

      if (record == NULL)
        continue;

      for (guint i = 0; i < n_fields; i++)
        g_ptr_array_add (cells, field_text (register_id, record, fields[i]));

      if (features)
        {
          JsonNode *scan = json_object_get_member (record, "scan");
          gboolean suspect = scan != NULL && JSON_NODE_HOLDS_OBJECT (scan) &&
                             pf_scan_evidence_is_suspect (json_node_get_object (scan));

          leak = g_str_equal (member_string (record, "verdict"), "keep") &&
                 (g_str_equal (member_string (record, "known-at"), "after") ||
                  g_str_equal (member_string (record, "target-consequence"), "yes"));
          /* Translators: in the leakage review's "Leak" column: a leak, or a
           * feature the dataset scan suspects. */
          g_ptr_array_add (cells, g_strdup (leak ? _("Leak") : suspect ? C_("leak column", "Suspect") : ""));
          tones[n_fields] = leak ? PF_TONE_BAD : suspect ? PF_TONE_WARNING : PF_TONE_NONE;
          if (g_str_equal (member_string (record, "verdict"), "pending"))
            tones[3] = PF_TONE_WARNING;
          n_leaks += leak;
        }
      g_ptr_array_add (cells, NULL);
      pf_report_table_add_row (table, (const char * const *)cells->pdata, tones);

      {
        JsonNode *copy = pf_json_node_copy_deep (json_array_get_element (records, r));

        if (features)
          json_object_set_boolean_member (json_node_get_object (copy), "leak", leak);
        json_array_add_element (json_records, copy);
      }
    }

  if (features && n_leaks > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u feature is kept although its value is known only after "
                                                         "the prediction point or is a consequence of the target.",
                                                         "%u features are kept although their values are known only "
                                                         "after the prediction point or are a consequence of the target.",
                                                         n_leaks),
                                               n_leaks);

      pf_report_add_paragraph (b->report, text, PF_TONE_BAD);
    }
}

/* The latest dataset scan: what was scanned, its figures, the suspects
 * and the personal data it found. Figures only, as in the project. */
static JsonNode *
build_dataset_scan (Builder *b)
{
  JsonObject *record = pf_scan_get_latest (b->document);
  JsonNode *node;
  JsonObject *metrics;
  JsonArray *columns;
  PfReportBlock *fields, *list = NULL;
  g_autofree char *time = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *n_columns = NULL;

  /* Translators: a heading of the report. */
  pf_report_add_heading (b->report, 2, _("Dataset scan"), NULL);
  if (record == NULL)
    {
      pf_report_add_paragraph (b->report, _("No dataset was scanned."), PF_TONE_MUTED);
      return json_node_new (JSON_NODE_NULL);
    }

  node = json_object_get_member (record, "metrics");
  metrics = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  node = metrics != NULL ? json_object_get_member (metrics, "columns") : NULL;
  columns = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  fields = pf_report_add_fields (b->report);
  pf_report_block_add_item (fields, _("File"), member_string (record, "file-name"), NULL, PF_TONE_NONE);
  pf_report_block_add_item (fields, _("SHA-256 checksum"), member_string (record, "sha256"), NULL, PF_TONE_NONE);
  time = format_time (member_string (record, "scanned-at"));
  pf_report_block_add_item (fields, _("Scanned"), time, NULL, PF_TONE_NONE);
  node = json_object_get_member (record, "rows");
  rows = node != NULL && JSON_NODE_HOLDS_VALUE (node) ? format_number (node) : g_strdup ("");
  pf_report_block_add_item (fields, _("Rows"), rows, NULL, PF_TONE_NONE);
  node = json_object_get_member (record, "columns");
  n_columns = node != NULL && JSON_NODE_HOLDS_VALUE (node) ? format_number (node) : g_strdup ("");
  pf_report_block_add_item (fields, _("Columns"), n_columns, NULL, PF_TONE_NONE);

  node = metrics != NULL ? json_object_get_member (metrics, "reidentification") : NULL;
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *risk = json_node_get_object (node);
      JsonNode *k = json_object_get_member (risk, "k");
      JsonNode *at_risk = json_object_get_member (risk, "rows-at-risk");
      JsonNode *threshold = json_object_get_member (risk, "threshold");

      if (is_number (k) && is_number (at_risk) && is_number (threshold))
        {
          g_autofree char *k_text = format_number (k);
          g_autofree char *at_risk_text = format_number (at_risk);
          g_autofree char *threshold_text = format_number (threshold);
          /* Translators: re-identification risk: k, then rows in groups smaller than the threshold, e.g.
           * "k = 1; 393 rows in groups of fewer than 5". */
          g_autofree char *text = g_strdup_printf (_("k = %s; %s rows in groups of fewer than %s"),
                                                   k_text, at_risk_text, threshold_text);
          gboolean risky = json_node_get_value_type (at_risk) == G_TYPE_INT64 ? json_node_get_int (at_risk) > 0
                                                                              : json_node_get_double (at_risk) > 0;

          pf_report_block_add_item (fields, _("Re-identification"), text, NULL,
                                    risky ? PF_TONE_WARNING : PF_TONE_GOOD);
        }
    }

  for (guint pass = 0; pass < 2; pass++)
    {
      gboolean any = FALSE;

      for (guint i = 0; columns != NULL && i < json_array_get_length (columns); i++)
        {
          JsonNode *element = json_array_get_element (columns, i);
          JsonObject *column = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
          gboolean wanted = column != NULL && (pass == 0 ? pf_scan_evidence_is_suspect (column)
                                                         : pf_scan_evidence_is_personal (column));
          g_autofree char *summary = NULL;

          if (!wanted)
            continue;
          if (!any)
            {
              pf_report_add_paragraph (b->report, pass == 0 ? _("Leakage suspects:") : _("Personal data:"),
                                       PF_TONE_NONE);
              list = pf_report_add_list (b->report);
              any = TRUE;
            }
          summary = pf_scan_evidence_describe (column);
          pf_report_block_add_item (list, NULL, member_string (column, "name"), summary,
                                    pass == 0 ? PF_TONE_WARNING : PF_TONE_NONE);
        }
    }

  {
    g_autoptr(JsonNode) shared = json_node_init_object (json_node_alloc (), record);

    return pf_json_node_copy_deep (shared);
  }
}

static void
build_registers (Builder *b)
{
  static const char * const assumption_fields[] = { "statement", "category", "owner", "status", "evidence", NULL };
  static const double assumption_widths[] = { 5, 2, 2, 2, 5 };
  static const char * const feature_fields[] = { "name", "known-at", "target-consequence", "verdict", "reviewer",
                                                 "rationale", NULL };
  static const double feature_widths[] = { 4.8, 2, 2.5, 1.5, 2, 3.4, 1.2 };
  static const char * const stakeholder_fields[] = { "name", "group", "influence", "interest", "expectation",
                                                     "sponsor", NULL };
  static const double stakeholder_widths[] = { 3, 2, 2, 2, 5, 1.5 };
  static const char * const risk_fields[] = { "title", "cause", "likelihood", "impact", "mitigation", "owner",
                                              "status", NULL };
  static const double risk_widths[] = { 4, 3, 2, 2, 5, 2, 2 };
  static const char * const data_source_fields[] = { "name", "owner", "system", "personal-data", "access",
                                                     "available-in-production", NULL };
  static const double data_source_widths[] = { 3, 2, 2, 2, 2, 2 };
  JsonObject *json_registers = json_object_new ();
  JsonNode *json_scan;

  pf_report_add_heading (b->report, 1, _("Registers"), "registers");
  build_register (b, json_registers, "assumptions", _("Assumptions"), assumption_fields, assumption_widths);
  build_register (b, json_registers, "features", _("Leakage review"), feature_fields, feature_widths);
  json_scan = build_dataset_scan (b);
  build_register (b, json_registers, "stakeholders", _("Stakeholders"), stakeholder_fields, stakeholder_widths);
  build_register (b, json_registers, "risks", _("Risks"), risk_fields, risk_widths);
  build_register (b, json_registers, "data-sources", _("Data sources"), data_source_fields, data_source_widths);

  json_object_set_object_member (b->json, "registers", json_registers);
  json_object_set_member (b->json, "dataset_scan", json_scan);
}

/* The newest sign-off of @scope, or NULL. */
static JsonObject *
find_latest_sign_off (Builder    *b,
                      const char *scope)
{
  JsonArray *sign_offs = pf_document_get_sign_offs (b->document);

  for (guint i = json_array_get_length (sign_offs); i > 0; i--)
    {
      JsonObject *record = json_array_get_object_element (sign_offs, i - 1);

      if (record != NULL && g_str_equal (member_string (record, "scope"), scope) &&
          !g_str_equal (member_string (record, "kind"), "withdrawal"))
        return record;
    }

  return NULL;
}

/* The answers whose id starts with @prefix, in catalog order, and the
 * state of the sign-off of @scope. */
static void
build_section (Builder    *b,
               const char *title,
               const char *anchor,
               const char *intro,
               const char *prefix,
               const char *scope,
               const char *sign_off_title)
{
  PfReportBlock *fields;
  JsonObject *record;
  gboolean any = FALSE;

  pf_report_add_heading (b->report, 1, title, anchor);
  pf_report_add_paragraph (b->report, intro, PF_TONE_NONE);

  fields = pf_report_add_fields (b->report);
  for (guint p = 0; p < PF_N_PHASES; p++)
    {
      GPtrArray *steps = pf_catalog_get_steps (b->catalog, p);

      for (guint s = 0; steps != NULL && s < steps->len; s++)
        {
          PfStep *step = g_ptr_array_index (steps, s);

          for (guint q = 0; q < step->questions->len; q++)
            {
              const PfQuestion *question = g_ptr_array_index (step->questions, q);

              if (g_str_has_prefix (question->id, prefix))
                any |= add_answer (b, fields, question);
            }
        }
    }
  if (!any)
    pf_report_block_add_item (fields, title, _("Not started"), NULL, PF_TONE_MUTED);

  fields = pf_report_add_fields (b->report);
  if ((record = find_latest_sign_off (b, scope)) != NULL)
    {
      PfSignOffState state = pf_document_get_sign_off_state (b->document, member_string (record, "id"), NULL);
      g_autofree char *meaning = pf_sign_off_meaning_dup_title (member_string (record, "meaning"));
      g_autofree char *time = format_time (member_string (record, "time"));
      g_autofree char *who = NULL;
      g_autofree char *text = NULL;

      /* Translators: a sign-off in the report: meaning, name, role, time, e.g.
       * "Approved by Ada Lovelace (Data Protection Officer), 2026-05-01 10:00 UTC". */
      who = g_strdup_printf (_("%s by %s (%s), %s"), meaning, member_string (record, "name"),
                             member_string (record, "role"), time);
      /* Translators: a sign-off's state, then who signed, e.g. "Current: Approved by …". */
      text = g_strdup_printf (_("%s: %s"), sign_off_state_title (state), who);
      pf_report_block_add_item (fields, sign_off_title, text, member_string (record, "conditions")[0]
                                ? member_string (record, "conditions") : NULL, sign_off_state_tone (state, record));
    }
  else
    pf_report_block_add_item (fields, sign_off_title, _("Not signed off"), NULL, PF_TONE_WARNING);
}

static void
build_ml_test_score (Builder *b)
{
  static const double section_widths[] = { 4, 1 };
  static const double test_widths[] = { 2, 6, 2 };
  const char *section_columns[] = { _("Section"), _("Score"), NULL };
  const char *test_columns[] = { _("Section"), _("Test"), _("Level"), NULL };
  GPtrArray *sections = pf_catalog_get_test_sections (b->catalog);
  JsonArray *records = pf_document_get_records (b->document, "ml-test-score");
  g_autoptr(GHashTable) levels = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *json = json_object_new ();
  JsonArray *json_sections = json_array_new ();
  JsonArray *json_tests = json_array_new ();
  PfReportBlock *table;
  PfReportBlock *fields;
  PfTestScore score = { 0 };
  PfTestBand band;
  g_autofree char *final = NULL;

  pf_test_score_compute (sections, records, &score);
  band = pf_test_band_for_score (score.final_score);

  pf_report_add_heading (b->report, 1, _("ML Test Score"), "ml-test-score");
  pf_report_add_paragraph (b->report,
                           _("The ML Test Score rubric (Breck et al., 2017): each test earns half a point "
                             "when done by hand and documented, a point when automated. The final score "
                             "is the lowest section score."),
                           PF_TONE_NONE);

  final = g_strdup_printf ("%.1f", score.final_score);
  fields = pf_report_add_fields (b->report);
  pf_report_block_add_item (fields, _("Final score"), final, NULL, PF_TONE_NONE);
  pf_report_block_add_item (fields, _("Band"), pf_test_band_get_title (band), pf_test_band_get_description (band),
                            band >= PF_TEST_BAND_REASONABLE ? PF_TONE_GOOD :
                            band >= PF_TEST_BAND_FIRST_PASS ? PF_TONE_WARNING : PF_TONE_BAD);

  table = pf_report_add_table (b->report, NULL, section_columns, section_widths);
  for (guint i = 0; sections != NULL && i < sections->len; i++)
    {
      PfTestSection *section = g_ptr_array_index (sections, i);
      g_autofree char *text = g_strdup_printf ("%.1f", score.section_scores[i]);
      const char *cells[] = { section->title, text, NULL };
      JsonObject *json_section = json_object_new ();

      pf_report_table_add_row (table, cells, NULL);
      json_object_set_string_member (json_section, "id", section->id);
      json_object_set_string_member (json_section, "title", section->title);
      json_object_set_double_member (json_section, "score", score.section_scores[i]);
      json_array_add_object_element (json_sections, json_section);
    }

  /* One pass over the records, not one per test. */
  for (guint i = 0; records != NULL && i < json_array_get_length (records); i++)
    {
      JsonObject *record = json_array_get_object_element (records, i);

      if (record != NULL)
        g_hash_table_insert (levels, (gpointer)member_string (record, "id"), (gpointer)member_string (record, "level"));
    }

  table = pf_report_add_table (b->report, NULL, test_columns, test_widths);
  for (guint i = 0; sections != NULL && i < sections->len; i++)
    {
      PfTestSection *section = g_ptr_array_index (sections, i);

      for (guint t = 0; t < section->tests->len; t++)
        {
          PfTestItem *test = g_ptr_array_index (section->tests, t);
          PfTestLevel level = pf_test_level_from_string (g_hash_table_lookup (levels, test->id));
          const char *cells[] = { section->title, test->title, pf_test_level_get_title (level), NULL };
          const PfTone tones[] = { PF_TONE_NONE, PF_TONE_NONE,
                                   level == PF_TEST_LEVEL_NONE ? PF_TONE_MUTED :
                                   level == PF_TEST_LEVEL_AUTOMATED ? PF_TONE_GOOD : PF_TONE_NONE };
          JsonObject *json_test = json_object_new ();

          pf_report_table_add_row (table, cells, tones);
          json_object_set_string_member (json_test, "id", test->id);
          json_object_set_string_member (json_test, "section", section->id);
          json_object_set_string_member (json_test, "title", test->title);
          json_object_set_string_member (json_test, "level", pf_test_level_to_string (level));
          json_array_add_object_element (json_tests, json_test);
        }
    }

  json_object_set_array_member (json, "sections", json_sections);
  json_object_set_array_member (json, "tests", json_tests);
  json_object_set_double_member (json, "final", score.final_score);
  json_object_set_string_member (json, "band", pf_test_band_get_title (band));
  json_object_set_object_member (b->json, "ml_test_score", json);

  pf_test_score_clear (&score);
}

static void
build_audit (Builder *b)
{
  PfReport *report = b->report;
  gboolean verified = pf_document_get_audit_verified (b->document);
  const char *problem = NULL;
  guint broken_at = pf_document_get_audit_broken_at (b->document, &problem);
  JsonObject *json = json_object_new ();
  PfReportBlock *fields;
  g_autofree char *entries = NULL;
  g_autofree char *state = NULL;
  PfTone tone;

  pf_report_add_heading (report, 1, _("Audit trail"), "audit");

  if (report->n_audit_entries == 0)
    {
      state = g_strdup (_("The audit trail has no entries yet."));
      tone = PF_TONE_MUTED;
    }
  else if (!verified)
    {
      state = g_strdup (_("The audit trail was not verified when this report was made."));
      tone = PF_TONE_WARNING;
    }
  else if (broken_at > 0)
    {
      /* Translators: %u is the number of an audit entry, %s what is wrong with it. */
      state = g_strdup_printf (_("The hash chain is broken at entry %u: %s. The history from there on "
                                 "cannot be trusted."), broken_at, problem ? problem : "");
      tone = PF_TONE_BAD;
    }
  else
    {
      state = g_strdup (_("The hash chain is intact: no entry was changed, removed or reordered since it "
                          "was written."));
      tone = PF_TONE_GOOD;
    }

  pf_report_add_paragraph (report,
                           _("Every change, sign-off and export is an entry in the audit trail. Each entry "
                             "holds the hash of the one before it, so the trail is tamper-evident: rewriting "
                             "history shows. It is not tamper-proof: whoever rewrites every hash after a "
                             "change makes a consistent chain again, which only an anchor kept elsewhere "
                             "reveals."),
                           PF_TONE_NONE);
  pf_report_add_paragraph (report, state, tone);

  fields = pf_report_add_fields (report);
  entries = g_strdup_printf ("%u", report->n_audit_entries);
  pf_report_block_add_item (fields, _("Entries"), entries, NULL, PF_TONE_NONE);
  if (report->anchor != NULL)
    {
      g_autofree char *command = g_strdup_printf ("preflight verify FILE --anchor %s", report->anchor);

      pf_report_block_add_item (fields, _("Anchor"), report->anchor,
                                _("The hash of the newest entry when this report was made."), PF_TONE_NONE);
      pf_report_block_add_item (fields, _("How to check it"), command,
                                _("Keep the anchor somewhere else. This command shows later that the history up "
                                  "to this report was not rewritten."), PF_TONE_NONE);
    }

  json_object_set_int_member (json, "entries", report->n_audit_entries);
  json_object_set_boolean_member (json, "verified", verified);
  json_object_set_boolean_member (json, "intact", report->audit_intact);
  if (verified && broken_at > 0)
    json_object_set_int_member (json, "broken_at", broken_at);
  else
    json_object_set_null_member (json, "broken_at");
  if (report->anchor != NULL)
    json_object_set_string_member (json, "anchor", report->anchor);
  else
    json_object_set_null_member (json, "anchor");
  json_object_set_object_member (b->json, "audit", json);
}

static char *
format_datetime_iso (GDateTime *time)
{
  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}

static void
build_json_head (Builder *b)
{
  PfReport *report = b->report;
  JsonObject *project = json_object_new ();
  GFile *file = pf_document_get_file (b->document);
  g_autofree char *created = format_datetime_iso (report->created);
  g_autofree char *basename = file ? g_file_get_basename (file) : NULL;
  const char *id = pf_document_get_id (b->document);

  json_object_set_string_member (b->json, "format", "preflight-report");
  json_object_set_int_member (b->json, "version", 1);
  json_object_set_string_member (b->json, "generator", "Preflight " PACKAGE_VERSION);
  json_object_set_string_member (b->json, "created", created);
  json_object_set_string_member (b->json, "author", report->author);

  json_object_set_string_member (project, "id", id ? id : "");
  json_object_set_string_member (project, "title", report->title);
  json_object_set_string_member (project, "description", report->description ? report->description : "");
  if (basename != NULL)
    json_object_set_string_member (project, "file", basename);
  else
    json_object_set_null_member (project, "file");
  json_object_set_object_member (b->json, "project", project);

  json_object_set_string_member (b->json, "verdict", pf_verdict_get_id (b->readiness->verdict));
  json_object_set_member (b->json, "readiness", pf_readiness_to_json (b->readiness));
}

/**
 * pf_report_new:
 * @readiness: pf_readiness_evaluate() of the same document
 *
 * Returns: (transfer full): the report, with copies of every text
 */
PfReport *
pf_report_new (PfCatalog         *catalog,
               PfDocument        *document,
               const PfReadiness *readiness,
               GDateTime         *now)
{
  PfReport *report;
  Builder b = { 0 };
  const char *description;
  const char *actor;

  g_return_val_if_fail (PF_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (PF_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (readiness != NULL, NULL);

  report = g_new0 (PfReport, 1);
  report->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify)report_block_free);
  report->created = now ? g_date_time_to_utc (now) : g_date_time_new_now_utc ();
  report->title = pf_document_dup_display_name (document);
  report->verdict = readiness->verdict;
  memcpy (report->scores, readiness->scores, sizeof report->scores);

  description = pf_document_get_string (document, "metadata", "description");
  report->description = description && description[0] ? g_strdup (description) : NULL;
  actor = pf_document_get_actor (document);
  report->author = g_strdup (actor ? actor : "");
  report->verdict_summary = dup_verdict_summary (readiness);
  /* The report vouches for the trail it anchors: verify it first when
   * that has not happened yet (a large trail is verified after opening). */
  if (!pf_document_get_audit_verified (document))
    pf_document_verify_audit (document, NULL);
  report->anchor = g_strdup (pf_document_get_audit_head (document));
  report->n_audit_entries = pf_document_get_audit_length (document);
  report->audit_intact = pf_document_get_audit_verified (document) &&
                         pf_document_get_audit_broken_at (document, NULL) == 0;
  {
    g_autoptr(JsonObject) root = json_object_new ();

    report->json = json_node_init_object (json_node_alloc (), root);
  }

  b.report = report;
  b.catalog = catalog;
  b.document = document;
  b.readiness = readiness;
  b.json = json_node_get_object (report->json);

  build_json_head (&b);
  build_summary (&b);
  build_risk_profile (&b);
  build_findings (&b);
  build_phases (&b);
  build_sign_offs (&b);
  build_registers (&b);
  build_section (&b, _("Privacy review"), "privacy",
                 _("Whether the project processes personal data, on which legal basis, and how the people "
                   "in the data are protected."),
                 "privacy-review.", "privacy-review", _("Privacy sign-off"));
  build_section (&b, _("Deployment plan"), "deployment",
                 _("Where and how the model runs, who owns it, and how it is rolled back."),
                 "deployment-plan.", "deployment-plan", _("IT sign-off"));
  build_ml_test_score (&b);
  build_audit (&b);

  return report;
}
