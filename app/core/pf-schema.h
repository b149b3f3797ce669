/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* What version 1 of the project file holds, member by member. The file
 * format reference in data/project-format.md follows this table. */

typedef enum
{
  PF_FIELD_STRING,
  PF_FIELD_TEXT,      /* a string of several lines */
  PF_FIELD_ENUM,
  PF_FIELD_BOOLEAN,
  PF_FIELD_INTEGER,
  PF_FIELD_NUMBER,
  PF_FIELD_TIME,      /* ISO 8601 UTC, as a string */
  PF_FIELD_OBJECT,
  PF_FIELD_ANY,
} PfFieldType;

typedef struct
{
  const char         *name;
  PfFieldType         type;
  const char * const *choices;  /* for PF_FIELD_ENUM; the first is the default */
} PfField;

typedef struct
{
  const char    *id;          /* the member of "registers" */
  const char    *id_prefix;   /* new records get ids like "feature-12" */
  const PfField *fields;      /* "id" excluded; NULL-terminated by name */
} PfRegister;

guint             pf_schema_get_n_registers (void);
const PfRegister *pf_schema_get_register    (guint             index);
const PfRegister *pf_schema_find_register   (const char       *id);
const PfField    *pf_register_find_field    (const PfRegister *reg,
                                             const char       *name);
JsonObject       *pf_register_new_record    (const PfRegister *reg,
                                             const char       *id);
const char       *pf_field_get_label        (const char       *register_id,
                                             const char       *field);
int               pf_value_get_rank         (const char       *value);
const char       *pf_value_get_label        (const char       *value);
GPtrArray        *pf_field_dup_choices      (const PfField    *field);
gboolean          pf_field_check_value      (const PfField    *field,
                                             JsonNode         *value,
                                             const char       *path,
                                             GError          **error);
gboolean          pf_schema_type_error      (const char       *path,
                                             const char       *expected,
                                             JsonNode         *found,
                                             GError          **error);
gboolean          pf_schema_validate        (JsonObject       *root,
                                             GError          **error);

G_END_DECLS
