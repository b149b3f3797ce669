/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "pf-json-parser.h"

G_BEGIN_DECLS

/* RFC 8785 (JSON Canonicalization Scheme) serialisation of a json-glib tree:
 * object members sorted by their names' UTF-16 code units, no whitespace,
 * strings escaped as RFC 8785 §3.2.2.2 says (only " \\ and control characters
 * < 0x20 escaped; \b \f \n \r \t short forms, others \u00XX lowercase hex;
 * everything else literal UTF-8), numbers as ECMAScript Number.prototype.toString
 * (§3.2.2.3): shortest representation that round-trips, exponent form for
 * |x| >= 1e21 or < 1e-6, "-0" written as "0"; NaN/Infinity are not JSON -> written as null). */
char     *pf_json_to_canonical      (JsonNode   *node);
/* SHA-256 of pf_json_to_canonical (node), lowercase hex (64 chars). */
char     *pf_json_canonical_sha256  (JsonNode   *node);
/* Appends the ECMAScript Number::toString form of @value to @out. */
/* The same for @object without its top-level member @member. */
char     *pf_json_object_canonical_sha256_without (JsonObject *object,
                                                   const char *member);
typedef struct
{
  const char *name;
  const char *value;   /* set when found */
  gsize       length;
} PfJsonTextMember;

char     *pf_json_text_canonical_sha256_without (const char       *text,
                                                gsize             length,
                                                const char       *member,
                                                PfJsonTextMember *capture,
                                                guint             n_capture);
char     *pf_json_text_dup_string   (const char  *value,
                                     gsize        length);
void      pf_json_append_number     (GString    *out, double value);
/* Appends @str (UTF-8) as a JSON string literal with the RFC 8785 escaping. */
void      pf_json_append_string     (GString    *out, const char *str);
/* Pretty-prints @node for a project file: 2-space indentation, object members in
 * the order they are in the tree (NOT sorted), one member per line, one array element
 * per line ("[]" and "{}" for empty ones), "key": value with one space after the colon,
 * numbers and strings formatted exactly as in the canonical form, and a final newline.
 * Appends to @out. */
void      pf_json_append_pretty     (GString    *out, JsonNode *node);
void      pf_json_append_pretty_with_raw (GString          *out,
                                          JsonNode         *node,
                                          const char       *member,
                                          const char       *text,
                                          const PfJsonSpan *spans,
                                          guint             n_spans);
char     *pf_json_to_pretty         (JsonNode   *node);
/* A copy of @node that shares no object or array with it (json_node_copy()
 * shares them). */
JsonNode *pf_json_node_copy_deep    (JsonNode   *node);

/* Type-checked readers for objects whose members may be of any JSON type
 * (a dataset scan's metrics in a project file someone else wrote): each
 * takes a %NULL @object, never emits a critical, and gives @fallback for
 * a member that is missing or of another type. */
const char *pf_json_object_get_string (JsonObject *object,
                                       const char *member,
                                       const char *fallback);
/* An integer, or a finite double within gint64's range (truncated). */
gint64      pf_json_object_get_count  (JsonObject *object,
                                       const char *member,
                                       gint64      fallback);
gint64      pf_json_node_get_count    (JsonNode   *node,
                                       gint64      fallback);
/* An integer or a double. */
double      pf_json_object_get_number (JsonObject *object,
                                       const char *member,
                                       double      fallback);
gboolean    pf_json_object_get_bool   (JsonObject *object,
                                       const char *member,
                                       gboolean    fallback);
JsonObject *pf_json_object_get_object (JsonObject *object,
                                       const char *member);
JsonArray  *pf_json_object_get_array  (JsonObject *object,
                                       const char *member);
/* An array's element @index if it is an object (a string), else %NULL. */
JsonObject *pf_json_array_get_object  (JsonArray  *array,
                                       guint       index);
const char *pf_json_array_get_string  (JsonArray  *array,
                                       guint       index);

/* Sets @name to @value, or to null when @value is NULL. */
void        pf_json_builder_add_nullable_string (JsonBuilder *builder,
                                                 const char  *name,
                                                 const char  *value);

G_END_DECLS
