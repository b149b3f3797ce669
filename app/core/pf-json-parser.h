/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Nesting deeper than this is refused: a hostile file must not exhaust the
 * stack of json-glib's recursive copy and free. */
#define PF_JSON_MAX_DEPTH 512

#define PF_JSON_PARSE_ERROR (pf_json_parse_error_quark ())

typedef struct
{
  gsize offset;
  gsize length;
} PfJsonSpan;

GQuark    pf_json_parse_error_quark (void);
JsonNode *pf_json_parse             (const char  *data,
                                     gsize        length,
                                     GError     **error);
JsonNode *pf_json_parse_with_raw_member (const char  *data,
                                         gsize        length,
                                         const char  *raw_member,
                                         GArray      *raw_spans,
                                         GError     **error);

G_END_DECLS
