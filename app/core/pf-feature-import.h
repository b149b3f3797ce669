/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pf-document.h"

G_BEGIN_DECLS

/* Feature names from a CSV file: either the header of a data file (every
 * column is a feature) or a data dictionary (a header with a "name" column
 * and usually a "description" column, one feature per row). */

typedef struct
{
  char *name;
  char *description;  /* never NULL; empty when the file has none */
} PfImportedFeature;

#define PF_FEATURE_IMPORT_ERROR (pf_feature_import_error_quark ())

typedef enum
{
  PF_FEATURE_IMPORT_ERROR_ENCODING,   /* not UTF-8 */
  PF_FEATURE_IMPORT_ERROR_SYNTAX,     /* e.g. a quote that is never closed */
  PF_FEATURE_IMPORT_ERROR_EMPTY,      /* no feature names at all */
} PfFeatureImportError;

GQuark     pf_feature_import_error_quark (void);
GPtrArray *pf_feature_import_parse_csv   (const char  *data,
                                          gsize        length,
                                          gboolean    *is_dictionary,
                                          GError     **error);
GPtrArray *pf_feature_import_split_rows  (const char  *data,
                                          gsize        length,
                                          GError     **error);
GHashTable *pf_feature_import_index_names (PfDocument *document);
gboolean   pf_feature_import_apply       (PfDocument  *document,
                                          GPtrArray   *features,
                                          guint       *n_added,
                                          guint       *n_present,
                                          GError     **error);

G_END_DECLS
