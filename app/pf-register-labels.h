/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "pf-schema.h"

G_BEGIN_DECLS

const char  *pf_register_field_title  (const PfField *field);
GPtrArray   *pf_register_dup_field_choices (const PfField *field);
const char  *pf_register_field_value_label (const PfField *field,
                                            const char    *value);
gboolean     pf_register_feature_is_leaking  (JsonObject    *record);
const char  *pf_register_leakage_explanation (void);

G_END_DECLS
