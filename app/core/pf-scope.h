/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A scope is what a sign-off record covers: "phase:<phase id>",
 * "leakage-review", "privacy-review", "deployment-plan" or "project". */

gboolean  pf_scope_is_valid             (const char *scope);
char     *pf_scope_dup_title            (const char *scope);
char     *pf_scope_dup_sign_off_heading (const char *scope);
const char *pf_scope_get_answer_prefix (const char *scope);
gboolean  pf_scope_covers_object        (const char *scope,
                                         const char *object);
JsonNode *pf_scope_dup_content          (const char *scope,
                                         JsonObject *root);
char     *pf_scope_content_sha256       (const char *scope,
                                         JsonObject *root);

const char *pf_sign_off_meaning_get_label (const char *meaning);

G_END_DECLS
