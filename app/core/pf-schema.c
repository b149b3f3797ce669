/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pf-cause.h"
#include "pf-document.h"
#include "pf-schema.h"

static const char * const levels[] = { "medium", "low", "high", NULL };
static const char * const assumption_status[] = { "open", "validated", "invalidated", NULL };
static const char * const causes[] = {
  "infant-mortality", "it-collaboration", "real-world", "data-leakage", "business-alignment", "politics", NULL
};
static const char * const risk_status[] = { "open", "mitigated", "accepted", "closed", NULL };
static const char * const access_status[] = { "unknown", "requested", "granted", "denied", NULL };
static const char * const yes_no_unknown[] = { "unknown", "yes", "no", NULL };
static const char * const known_at[] = { "unknown", "before", "at", "after", NULL };
static const char * const verdicts[] = { "pending", "keep", "drop", "transform", NULL };
static const char * const test_levels[] = { "none", "manual", "automated", NULL };

static const PfField team_fields[] = {
  { "name", PF_FIELD_STRING },
  { "role", PF_FIELD_STRING },
  { "email", PF_FIELD_STRING },
  { NULL }
};

static const PfField assumption_fields[] = {
  { "statement", PF_FIELD_TEXT },
  { "category", PF_FIELD_STRING },
  { "phase", PF_FIELD_STRING },
  { "owner", PF_FIELD_STRING },
  { "status", PF_FIELD_ENUM, assumption_status },
  { "evidence", PF_FIELD_TEXT },
  { NULL }
};

static const PfField stakeholder_fields[] = {
  { "name", PF_FIELD_STRING },
  { "group", PF_FIELD_STRING },
  { "influence", PF_FIELD_ENUM, levels },
  { "interest", PF_FIELD_ENUM, levels },
  { "expectation", PF_FIELD_TEXT },
  { "sponsor", PF_FIELD_BOOLEAN },
  { NULL }
};

static const PfField risk_fields[] = {
  { "title", PF_FIELD_STRING },
  { "cause", PF_FIELD_ENUM, causes },
  { "likelihood", PF_FIELD_ENUM, levels },
  { "impact", PF_FIELD_ENUM, levels },
  { "mitigation", PF_FIELD_TEXT },
  { "owner", PF_FIELD_STRING },
  { "status", PF_FIELD_ENUM, risk_status },
  { NULL }
};

static const PfField data_source_fields[] = {
  { "name", PF_FIELD_STRING },
  { "description", PF_FIELD_TEXT },
  { "owner", PF_FIELD_STRING },
  { "system", PF_FIELD_STRING },
  { "personal-data", PF_FIELD_BOOLEAN },
  { "access", PF_FIELD_ENUM, access_status },
  { "available-in-production", PF_FIELD_ENUM, yes_no_unknown },
  { NULL }
};

static const PfField feature_fields[] = {
  { "name", PF_FIELD_STRING },
  { "description", PF_FIELD_TEXT },
  { "source", PF_FIELD_STRING },
  { "known-at", PF_FIELD_ENUM, known_at },
  { "target-consequence", PF_FIELD_ENUM, yes_no_unknown },
  { "verdict", PF_FIELD_ENUM, verdicts },
  { "reviewer", PF_FIELD_STRING },
  { "rationale", PF_FIELD_TEXT },
  /* Written by a dataset scan only: the column's metrics (pf-scan-record.h). */
  { "scan", PF_FIELD_OBJECT },
  { NULL }
};

static const PfField dataset_scan_fields[] = {
  { "file-name", PF_FIELD_STRING },
  { "sha256", PF_FIELD_STRING },
  { "scanned-at", PF_FIELD_TIME },
  { "rows", PF_FIELD_INTEGER },
  { "columns", PF_FIELD_INTEGER },
  { "metrics", PF_FIELD_OBJECT },
  { NULL }
};

static const PfField ml_test_fields[] = {
  { "level", PF_FIELD_ENUM, test_levels },
  { "note", PF_FIELD_TEXT },
  { NULL }
};

/* Ids are stored in project files: never rename one. */
static const PfRegister registers[] = {
  { "team", "member", team_fields },
  { "assumptions", "assumption", assumption_fields },
  { "stakeholders", "stakeholder", stakeholder_fields },
  { "risks", "risk", risk_fields },
  { "data-sources", "source", data_source_fields },
  { "features", "feature", feature_fields },
  { "dataset-scans", "scan", dataset_scan_fields },
  { "ml-test-score", "test", ml_test_fields },
};

guint
pf_schema_get_n_registers (void)
{
  return G_N_ELEMENTS (registers);
}

const PfRegister *
pf_schema_get_register (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (registers), NULL);

  return &registers[index];
}

/* How the user interface names the fields of the registers, for lists of
 * what changed and anything else that shows a field by itself. */
static const struct {
  const char *register_id;  /* NULL: any register with this field */
  const char *field;
  const char *label;
} field_labels[] = {
  { "team", "role", NC_("register field", "Role") },
  { "team", "email", NC_("register field", "Email") },
  { "assumptions", "statement", NC_("register field", "Statement") },
  { "assumptions", "category", NC_("register field", "Category") },
  { "assumptions", "phase", NC_("register field", "Phase") },
  { "assumptions", "evidence", NC_("register field", "Evidence") },
  { "stakeholders", "group", NC_("register field", "Group") },
  { "stakeholders", "influence", NC_("register field", "Influence") },
  { "stakeholders", "interest", NC_("register field", "Interest") },
  { "stakeholders", "expectation", NC_("register field", "Expectation") },
  { "stakeholders", "sponsor", NC_("register field", "Sponsor") },
  { "risks", "title", NC_("register field", "Title") },
  { "risks", "cause", NC_("register field", "Cause") },
  { "risks", "likelihood", NC_("register field", "Likelihood") },
  { "risks", "impact", NC_("register field", "Impact") },
  { "risks", "mitigation", NC_("register field", "Mitigation") },
  { "data-sources", "system", NC_("register field", "System") },
  /* Translators: whether a data source holds personal data. */
  { "data-sources", "personal-data", NC_("register field", "Personal data") },
  /* Translators: the state of the request for access to a data source. */
  { "data-sources", "access", NC_("register field", "Access") },
  { "data-sources", "available-in-production", NC_("register field", "Available in production") },
  { "features", "source", NC_("register field", "Source") },
  /* Translators: when a feature's value is known, relative to the prediction. */
  { "features", "known-at", NC_("register field", "Known at") },
  /* Translators: whether a feature is a consequence of the target. */
  { "features", "target-consequence", NC_("register field", "Consequence of the target") },
  /* Translators: the leakage review's verdict on a feature: keep, drop, transform. */
  { "features", "verdict", NC_("register field", "Verdict") },
  { "features", "reviewer", NC_("register field", "Reviewer") },
  { "features", "rationale", NC_("register field", "Rationale") },
  /* Translators: what a dataset scan measured of a feature's column. */
  { "features", "scan", NC_("register field", "Scan") },
  { "dataset-scans", "file-name", NC_("register field", "File name") },
  { "dataset-scans", "sha256", NC_("register field", "SHA-256 checksum") },
  { "dataset-scans", "scanned-at", NC_("register field", "Scanned at") },
  { "dataset-scans", "rows", NC_("register field", "Rows") },
  { "dataset-scans", "columns", NC_("register field", "Columns") },
  { "dataset-scans", "metrics", NC_("register field", "Metrics") },
  /* Translators: how an ML Test Score test is done: none, manual, automated. */
  { "ml-test-score", "level", NC_("register field", "Level") },
  { "ml-test-score", "note", NC_("register field", "Note") },
  { NULL, "name", NC_("register field", "Name") },
  { NULL, "description", NC_("register field", "Description") },
  { NULL, "owner", NC_("register field", "Owner") },
  { NULL, "status", NC_("register field", "Status") },
};

/* Human names of the schema's values, in the order lists show them. */
static const struct
{
  const char *value;
  const char *label;
} value_labels[] = {
  { "unknown", N_("Unknown") },
  { "low", N_("Low") },
  { "medium", N_("Medium") },
  { "high", N_("High") },
  { "open", N_("Open") },
  { "validated", N_("Validated") },
  { "invalidated", N_("Invalidated") },
  { "mitigated", N_("Mitigated") },
  { "accepted", N_("Accepted") },
  { "closed", N_("Closed") },
  /* The six causes of failed deployments (DESIGN.md §2): named by pf-cause.c. */
  { "infant-mortality", NULL },
  { "it-collaboration", NULL },
  { "real-world", NULL },
  { "data-leakage", NULL },
  { "business-alignment", NULL },
  { "politics", NULL },
  { "requested", N_("Requested") },
  { "granted", N_("Granted") },
  { "denied", N_("Denied") },
  { "yes", N_("Yes") },
  { "no", N_("No") },
  /* Translators: when a feature's value becomes known, relative to the prediction. */
  { "before", N_("Before prediction") },
  /* Translators: when a feature's value becomes known, relative to the prediction. */
  { "at", N_("At prediction") },
  /* Translators: when a feature's value becomes known, relative to the prediction. */
  { "after", N_("After prediction") },
  { "pending", N_("Pending") },
  { "keep", N_("Keep") },
  { "drop", N_("Drop") },
  { "transform", N_("Transform") },
};


/**
 * pf_value_get_rank:
 *
 * Returns: where @value comes in lists of choices; values without a
 *   human name come after all others
 */
int
pf_value_get_rank (const char *value)
{
  for (guint i = 0; value != NULL && i < G_N_ELEMENTS (value_labels); i++)
    {
      if (g_str_equal (value_labels[i].value, value))
        return i;
    }
  return G_N_ELEMENTS (value_labels);
}

/**
 * pf_value_get_label:
 *
 * Returns: the human, translated name of a register's enumerated value
 *   ("before" is "Before prediction"), or @value itself
 */
const char *
pf_value_get_label (const char *value)
{
  int rank = pf_value_get_rank (value);
  PfCause cause;

  if (rank == (int)G_N_ELEMENTS (value_labels))
    return value;
  if (value_labels[rank].label == NULL && pf_cause_from_id (value, &cause))
    return pf_cause_get_title (cause);

  return _(value_labels[rank].label);
}

/**
 * pf_field_dup_choices:
 * @field: a field of type %PF_FIELD_ENUM
 *
 * Returns: (transfer container): the field's values in the order lists show
 *   them ("low" before "high"), those without a human name last
 */
GPtrArray *
pf_field_dup_choices (const PfField *field)
{
  GPtrArray *choices = g_ptr_array_new ();

  g_return_val_if_fail (field->type == PF_FIELD_ENUM, choices);

  for (guint i = 0; i < G_N_ELEMENTS (value_labels); i++)
    {
      if (g_strv_contains ((const char * const *)field->choices, value_labels[i].value))
        g_ptr_array_add (choices, (gpointer)value_labels[i].value);
    }
  for (guint i = 0; field->choices[i] != NULL; i++)
    {
      if (pf_value_get_rank (field->choices[i]) == G_N_ELEMENTS (value_labels))
        g_ptr_array_add (choices, (gpointer)field->choices[i]);
    }

  return choices;
}


/**
 * pf_field_get_label:
 * @register_id: a register, e.g. "features"
 * @field: one of its fields, e.g. "verdict"
 *
 * Returns: (nullable): the translated name of @field in the user
 *   interface, e.g. "Verdict"; %NULL for a field the schema does not know
 */
const char *
pf_field_get_label (const char *register_id,
                    const char *field)
{
  const PfRegister *reg;

  g_return_val_if_fail (register_id != NULL, NULL);
  g_return_val_if_fail (field != NULL, NULL);

  if (!(reg = pf_schema_find_register (register_id)) || !pf_register_find_field (reg, field))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    {
      if ((field_labels[i].register_id == NULL || g_str_equal (field_labels[i].register_id, register_id)) &&
          g_str_equal (field_labels[i].field, field))
        return g_dpgettext2 (GETTEXT_PACKAGE, "register field", field_labels[i].label);
    }

  return NULL;
}

const PfRegister *
pf_schema_find_register (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (registers); i++)
    {
      if (g_str_equal (registers[i].id, id))
        return &registers[i];
    }

  return NULL;
}

const PfField *
pf_register_find_field (const PfRegister *reg,
                        const char       *name)
{
  g_return_val_if_fail (reg != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (const PfField *field = reg->fields; field->name != NULL; field++)
    {
      if (g_str_equal (field->name, name))
        return field;
    }

  return NULL;
}

/**
 * pf_register_new_record:
 *
 * A record with @id and every field at its default, in schema order so that
 * files written by Preflight list fields the same way.
 */
JsonObject *
pf_register_new_record (const PfRegister *reg,
                        const char       *id)
{
  JsonObject *record = json_object_new ();

  json_object_set_string_member (record, "id", id);
  for (const PfField *field = reg->fields; field->name != NULL; field++)
    {
      switch (field->type)
        {
        case PF_FIELD_ENUM:
          json_object_set_string_member (record, field->name, field->choices[0]);
          break;
        case PF_FIELD_BOOLEAN:
          json_object_set_boolean_member (record, field->name, FALSE);
          break;
        case PF_FIELD_INTEGER:
          json_object_set_int_member (record, field->name, 0);
          break;
        case PF_FIELD_NUMBER:
          json_object_set_double_member (record, field->name, 0);
          break;
        case PF_FIELD_OBJECT:
          json_object_set_object_member (record, field->name, json_object_new ());
          break;
        case PF_FIELD_ANY:
          json_object_set_null_member (record, field->name);
          break;
        case PF_FIELD_STRING:
        case PF_FIELD_TEXT:
        case PF_FIELD_TIME:
        default:
          json_object_set_string_member (record, field->name, "");
          break;
        }
    }

  return record;
}

static const char *
describe_node (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    return _("an object");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return _("an array");
  if (JSON_NODE_HOLDS_NULL (node))
    return _("null");

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("a string");
    case G_TYPE_BOOLEAN:
      return _("true or false");
    default:
      return _("a number");
    }
}

gboolean
pf_schema_type_error (const char  *path,
            const char  *expected,
            JsonNode    *found,
            GError     **error)
{
  /* Translators: the first %s is a place in the file such as
   * "registers.features[3].verdict", the second what should be there, the
   * third what is there. */
  g_set_error (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_INVALID,
               _("%s: expected %s, found %s"), path, expected, describe_node (found));
  return FALSE;
}

static gboolean
is_value_of_type (JsonNode *node,
                  GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

gboolean
pf_field_check_value (const PfField  *field,
                      JsonNode       *value,
                      const char     *path,
                      GError        **error)
{
  switch (field->type)
    {
    case PF_FIELD_STRING:
    case PF_FIELD_TEXT:
    case PF_FIELD_TIME:
      if (!is_value_of_type (value, G_TYPE_STRING))
        return pf_schema_type_error (path, _("a string"), value, error);
      return TRUE;

    case PF_FIELD_ENUM:
      if (!is_value_of_type (value, G_TYPE_STRING))
        return pf_schema_type_error (path, _("a string"), value, error);
      if (!g_strv_contains (field->choices, json_node_get_string (value)))
        {
          g_autofree char *choices = g_strjoinv (", ", (char **)field->choices);

          /* Translators: %s are a place in the file, a value and a list of the values allowed there. */
          g_set_error (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_INVALID,
                       _("%s: “%s” is not one of %s"), path, json_node_get_string (value), choices);
          return FALSE;
        }
      return TRUE;

    case PF_FIELD_BOOLEAN:
      if (!is_value_of_type (value, G_TYPE_BOOLEAN))
        return pf_schema_type_error (path, _("true or false"), value, error);
      return TRUE;

    case PF_FIELD_INTEGER:
      if (!is_value_of_type (value, G_TYPE_INT64))
        return pf_schema_type_error (path, _("a whole number"), value, error);
      return TRUE;

    case PF_FIELD_NUMBER:
      if (!is_value_of_type (value, G_TYPE_INT64) && !is_value_of_type (value, G_TYPE_DOUBLE))
        return pf_schema_type_error (path, _("a number"), value, error);
      return TRUE;

    case PF_FIELD_OBJECT:
      if (!JSON_NODE_HOLDS_OBJECT (value))
        return pf_schema_type_error (path, _("an object"), value, error);
      return TRUE;

    case PF_FIELD_ANY:
    default:
      return TRUE;
    }
}

static JsonNode *
get_member (JsonObject  *object,
            const char  *name,
            const char  *path,
            JsonNodeType type,
            gboolean     required,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    {
      if (required)
        g_set_error (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_INVALID,
                     _("%s: the member is missing"), path);
      return NULL;
    }

  if (JSON_NODE_TYPE (node) != type)
    {
      pf_schema_type_error (path, type == JSON_NODE_OBJECT ? _("an object") : _("an array"), node, error);
      return NULL;
    }

  return node;
}

#define OPTIONAL_MEMBER(object, name, path, type) \
  G_STMT_START { \
    node = get_member (object, name, path, type, FALSE, error); \
    if (node == NULL && *error != NULL) \
      return FALSE; \
  } G_STMT_END

#define NO_INDEX G_MAXUINT

/* "registers.features[3]": spelled out only for a message. */
static char *
dup_path (const char *base,
          guint       index)
{
  if (index == NO_INDEX)
    return g_strdup (base);

  return g_strdup_printf ("%s[%u]", base, index);
}

static gboolean
check_string_member_at (JsonObject  *object,
                        const char  *name,
                        const char  *parent_base,
                        guint        parent_index,
                        gboolean     required,
                        GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *parent_path = NULL;
  g_autofree char *path = NULL;

  /* The path is only spelled out for the message: a project has hundreds
   * of thousands of members, nearly all of them fine. */
  if (node != NULL && is_value_of_type (node, G_TYPE_STRING))
    return TRUE;
  if (node == NULL && !required)
    return TRUE;

  parent_path = dup_path (parent_base, parent_index);
  path = g_strconcat (parent_path, ".", name, NULL);
  if (node == NULL)
    {
      g_set_error (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_INVALID,
                   _("%s: the member is missing"), path);
      return FALSE;
    }

  return pf_schema_type_error (path, _("a string"), node, error);
}

static gboolean
check_string_member (JsonObject  *object,
                     const char  *name,
                     const char  *parent_path,
                     gboolean     required,
                     GError     **error)
{
  return check_string_member_at (object, name, parent_path, NO_INDEX, required, error);
}

/* Whether pf_field_check_value() would accept @value, without its message. */
static gboolean
field_value_ok (const PfField *field,
                JsonNode      *value)
{
  switch (field->type)
    {
    case PF_FIELD_STRING:
    case PF_FIELD_TEXT:
    case PF_FIELD_TIME:
      return is_value_of_type (value, G_TYPE_STRING);
    case PF_FIELD_ENUM:
      return is_value_of_type (value, G_TYPE_STRING) &&
             g_strv_contains (field->choices, json_node_get_string (value));
    case PF_FIELD_BOOLEAN:
      return is_value_of_type (value, G_TYPE_BOOLEAN);
    case PF_FIELD_INTEGER:
      return is_value_of_type (value, G_TYPE_INT64);
    case PF_FIELD_NUMBER:
      return is_value_of_type (value, G_TYPE_INT64) || is_value_of_type (value, G_TYPE_DOUBLE);
    case PF_FIELD_OBJECT:
      return JSON_NODE_HOLDS_OBJECT (value);
    case PF_FIELD_ANY:
    default:
      return TRUE;
    }
}

static gboolean
validate_records (JsonArray         *array,
                  const char        *path,
                  const PfRegister  *reg,
                  GError           **error)
{
  guint n = json_array_get_length (array);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *element_path = NULL;
      JsonObject *record;
      const char *id;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          element_path = dup_path (path, i);
          return pf_schema_type_error (element_path, _("an object"), element, error);
        }

      record = json_node_get_object (element);
      if (!check_string_member_at (record, "id", path, i, TRUE, error))
        return FALSE;

      id = json_object_get_string_member (record, "id");
      if (id[0] == '\0' || strchr (id, '/') != NULL)
        {
          element_path = dup_path (path, i);
          g_set_error (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_INVALID,
                       _("%s.id: “%s” is not a valid id"), element_path, id);
          return FALSE;
        }
      if (!g_hash_table_add (ids, (gpointer)id))
        {
          element_path = dup_path (path, i);
          g_set_error (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_INVALID,
                       _("%s.id: “%s” is used twice"), element_path, id);
          return FALSE;
        }

      if (reg == NULL)
        continue;

      for (const PfField *field = reg->fields; field->name != NULL; field++)
        {
          JsonNode *value = json_object_get_member (record, field->name);
          g_autofree char *field_path = NULL;

          if (value == NULL)
            continue;

          if (field_value_ok (field, value))
            continue;
          element_path = dup_path (path, i);
          field_path = g_strconcat (element_path, ".", field->name, NULL);
          if (!pf_field_check_value (field, value, field_path, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
validate_answers (JsonObject  *answers,
                  GError     **error)
{
  g_autoptr(GList) members = json_object_get_members (answers);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *id = l->data;
      JsonNode *node = json_object_get_member (answers, id);
      g_autofree char *path = g_strconcat ("answers.", id, NULL);
      JsonObject *answer;
      JsonNode *flag;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return pf_schema_type_error (path, _("an object"), node, error);

      answer = json_node_get_object (node);
      if (!check_string_member (answer, "justification", path, FALSE, error) ||
          !check_string_member (answer, "changed-by", path, FALSE, error) ||
          !check_string_member (answer, "changed-at", path, FALSE, error))
        return FALSE;

      flag = json_object_get_member (answer, "not-applicable");
      if (flag != NULL && !is_value_of_type (flag, G_TYPE_BOOLEAN))
        {
          g_autofree char *flag_path = g_strconcat (path, ".not-applicable", NULL);

          return pf_schema_type_error (flag_path, _("true or false"), flag, error);
        }
    }

  return TRUE;
}

static gboolean
validate_sign_offs (JsonArray  *sign_offs,
                    GError    **error)
{
  static const char * const strings[] = { "kind", "scope", "name", "role", "meaning", "time" };
  guint n = json_array_get_length (sign_offs);

  if (!validate_records (sign_offs, "sign-offs", NULL, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      JsonObject *record = json_array_get_object_element (sign_offs, i);
      g_autofree char *path = g_strdup_printf ("sign-offs[%u]", i);

      for (guint j = 0; j < G_N_ELEMENTS (strings); j++)
        {
          if (!check_string_member (record, strings[j], path, TRUE, error))
            return FALSE;
        }
      if (!check_string_member (record, "content-sha256", path, FALSE, error) ||
          !check_string_member (record, "withdraws", path, FALSE, error) ||
          !check_string_member (record, "conditions", path, FALSE, error))
        return FALSE;

      {
        JsonNode *seq = json_object_get_member (record, "audit-seq");

        if (seq != NULL && !is_value_of_type (seq, G_TYPE_INT64))
          {
            g_autofree char *seq_path = g_strconcat (path, ".audit-seq", NULL);

            return pf_schema_type_error (seq_path, _("a whole number"), seq, error);
          }
      }
    }

  return TRUE;
}

/**
 * pf_schema_validate:
 * @root: the top-level object of a project file whose "format" and
 *   "format-version" were already checked
 *
 * Checks every member Preflight reads. Members it does not know are left
 * alone so that a newer version's data survives a round trip.
 */
gboolean
pf_schema_validate (JsonObject  *root,
                    GError     **error)
{
  JsonNode *node;

  g_return_val_if_fail (root != NULL, FALSE);
  g_return_val_if_fail (error != NULL && *error == NULL, FALSE);

  OPTIONAL_MEMBER (root, "metadata", "metadata", JSON_NODE_OBJECT);
  if (node != NULL)
    {
      static const char * const strings[] = { "id", "title", "description", "created" };

      for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
        {
          if (!check_string_member (json_node_get_object (node), strings[i], "metadata", FALSE, error))
            return FALSE;
        }
    }

  OPTIONAL_MEMBER (root, "answers", "answers", JSON_NODE_OBJECT);
  if (node != NULL && !validate_answers (json_node_get_object (node), error))
    return FALSE;

  OPTIONAL_MEMBER (root, "business-question", "business-question", JSON_NODE_ARRAY);
  if (node != NULL)
    {
      JsonArray *history = json_node_get_array (node);

      if (!validate_records (history, "business-question", NULL, error))
        return FALSE;
      for (guint i = 0; i < json_array_get_length (history); i++)
        {
          g_autofree char *path = g_strdup_printf ("business-question[%u]", i);
          JsonObject *version = json_array_get_object_element (history, i);

          if (!check_string_member (version, "question", path, TRUE, error) ||
              !check_string_member (version, "success-criterion", path, FALSE, error) ||
              !check_string_member (version, "reason", path, FALSE, error))
            return FALSE;
        }
    }

  OPTIONAL_MEMBER (root, "registers", "registers", JSON_NODE_OBJECT);
  if (node != NULL)
    {
      JsonObject *regs = json_node_get_object (node);

      for (guint i = 0; i < G_N_ELEMENTS (registers); i++)
        {
          g_autofree char *path = g_strconcat ("registers.", registers[i].id, NULL);

          OPTIONAL_MEMBER (regs, registers[i].id, path, JSON_NODE_ARRAY);
          if (node != NULL && !validate_records (json_node_get_array (node), path, &registers[i], error))
            return FALSE;
        }
    }

  OPTIONAL_MEMBER (root, "sign-offs", "sign-offs", JSON_NODE_ARRAY);
  if (node != NULL && !validate_sign_offs (json_node_get_array (node), error))
    return FALSE;

  /* The entries of the audit trail are checked by its verification,
   * which reports a damaged entry as where the chain breaks. */
  OPTIONAL_MEMBER (root, "audit", "audit", JSON_NODE_ARRAY);

  return TRUE;
}
