/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pf-phase.h"
#include "pf-register-labels.h"

/* The words the register editors show for the schema's field names and
 * values: the table's column titles and choices, and the rows of the
 * entry details window. */

static const struct
{
  const char *field;
  const char *title;
} field_titles[] = {
  { "statement", N_("Statement") },
  { "category", N_("Category") },
  { "phase", N_("Phase") },
  { "owner", N_("Owner") },
  { "status", N_("Status") },
  { "evidence", N_("Evidence") },
  { "name", N_("Name") },
  { "group", N_("Group") },
  { "influence", N_("Influence") },
  { "interest", N_("Interest") },
  { "expectation", N_("Expectation") },
  { "sponsor", N_("Sponsor") },
  { "title", N_("Title") },
  { "cause", N_("Cause") },
  { "likelihood", N_("Likelihood") },
  { "impact", N_("Impact") },
  { "mitigation", N_("Mitigation") },
  { "description", N_("Description") },
  { "system", N_("System") },
  /* Translators: whether a data source holds personal data. */
  { "personal-data", N_("Personal Data") },
  /* Translators: the state of the team's access to a data source. */
  { "access", N_("Access") },
  /* Translators: whether a data source is available in production. */
  { "available-in-production", N_("In Production") },
  { "source", N_("Source") },
  /* Translators: when a feature's value becomes known relative to the prediction point. */
  { "known-at", N_("Known") },
  /* Translators: whether a feature is a consequence of the target. */
  { "target-consequence", N_("Caused by Target") },
  { "verdict", N_("Verdict") },
  { "reviewer", N_("Reviewer") },
  { "rationale", N_("Rationale") },
  /* Translators: what a dataset scan measured of a feature's column. */
  { "scan", N_("Scan") },
};


/**
 * pf_register_field_title:
 *
 * Returns: the translated title of a register's field
 */
const char *
pf_register_field_title (const PfField *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_titles); i++)
    {
      if (g_str_equal (field_titles[i].field, field->name))
        return _(field_titles[i].title);
    }
  return field->name;
}

/* A field that the file keeps as a string but that names one of the six
 * phases (the phase an assumption belongs to). */
static gboolean
is_phase_field (const PfField *field)
{
  return field->type == PF_FIELD_STRING && g_str_equal (field->name, "phase");
}

/**
 * pf_register_dup_field_choices:
 *
 * The values a field is chosen from: an enum's values, or for a phase
 * field "" (none) and the six phases' ids in their order.
 *
 * Returns: (transfer container) (nullable): the choices, or %NULL for a
 *   field that is typed or switched
 */
GPtrArray *
pf_register_dup_field_choices (const PfField *field)
{
  GPtrArray *choices;

  if (field->type == PF_FIELD_ENUM)
    return pf_field_dup_choices (field);
  if (!is_phase_field (field))
    return NULL;

  choices = g_ptr_array_new ();
  g_ptr_array_add (choices, (gpointer)"");
  for (guint i = 0; i < PF_N_PHASES; i++)
    g_ptr_array_add (choices, (gpointer)pf_phase_get_id (i));
  return choices;
}

/**
 * pf_register_field_value_label:
 *
 * Returns: the human, translated name of @value of @field: a phase's
 *   title, "None" for no phase, an enum value's name, or @value itself
 */
const char *
pf_register_field_value_label (const PfField *field,
                               const char    *value)
{
  PfPhase phase;

  if (!is_phase_field (field))
    return pf_value_get_label (value);

  if (value[0] == '\0')
    /* Translators: an assumption that belongs to no particular phase. */
    return C_("phase", "None");
  if (pf_phase_from_id (value, &phase))
    return pf_phase_get_title (phase);
  return value;
}

static const char *
record_string (JsonObject *record,
               const char *field)
{
  JsonNode *node = json_object_get_member (record, field);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return "";
  return json_node_get_string (node);
}

/**
 * pf_register_feature_is_leaking:
 * @record: a record of the features register
 *
 * Returns: whether the feature is kept although it is known only after the
 *   prediction point or is a consequence of the target
 */
gboolean
pf_register_feature_is_leaking (JsonObject *record)
{
  return g_str_equal (record_string (record, "verdict"), "keep") &&
         (g_str_equal (record_string (record, "known-at"), "after") ||
          g_str_equal (record_string (record, "target-consequence"), "yes"));
}

/**
 * pf_register_leakage_explanation:
 *
 * Returns: why a feature is flagged as leakage, translated
 */
const char *
pf_register_leakage_explanation (void)
{
  return _("Leakage: kept, although its value is known only after the "
           "prediction point or is a consequence of the target");
}
