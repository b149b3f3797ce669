/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pf-feature-import.h"
#include "pf-json.h"

G_DEFINE_QUARK (pf-feature-import-error-quark, pf_feature_import_error)

static void
imported_feature_free (PfImportedFeature *feature)
{
  g_free (feature->name);
  g_free (feature->description);
  g_free (feature);
}

static void
end_field (GPtrArray *row,
           GString   *field)
{
  g_ptr_array_add (row, g_strdup (field->str));
  g_string_truncate (field, 0);
}

/**
 * pf_feature_import_split_rows:
 *
 * Splits CSV text as RFC 4180 describes it: fields separated by commas,
 * rows by CRLF or LF, a field in double quotes may hold commas, line breaks
 * and doubled quotes. A byte-order mark at the start is skipped.
 *
 * Returns: (transfer full): an array of rows, each a GPtrArray of strings
 */
GPtrArray *
pf_feature_import_split_rows (const char  *data,
                              gsize        length,
                              GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  g_autoptr(GString) field = g_string_new (NULL);
  GPtrArray *row = NULL;
  gboolean quoted = FALSE;
  gboolean field_started = FALSE;
  guint line = 1;
  guint quote_line = 0;
  const char *end = data + length;
  const char *p = data;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error_literal (error, PF_FEATURE_IMPORT_ERROR, PF_FEATURE_IMPORT_ERROR_ENCODING,
                           _("The file is not UTF-8 text"));
      return NULL;
    }

  if (length >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  for (; p < end; p++)
    {
      char c = *p;

      if (row == NULL)
        {
          row = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (rows, row);
        }

      if (quoted)
        {
          if (c == '"')
            {
              if (p + 1 < end && p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  p++;
                }
              else
                quoted = FALSE;
            }
          else
            {
              if (c == '\n')
                line++;
              g_string_append_c (field, c);
            }
          continue;
        }

      switch (c)
        {
        case '"':
          if (field->len == 0 && !field_started)
            {
              quoted = TRUE;
              field_started = TRUE;
              quote_line = line;
            }
          else
            g_string_append_c (field, c);  /* lenient: a stray quote mid-field is text */
          break;

        case ',':
          end_field (row, field);
          field_started = FALSE;
          break;

        case '\r':
          if (p + 1 < end && p[1] == '\n')
            break;  /* the LF ends the row */
          G_GNUC_FALLTHROUGH;
        case '\n':
          end_field (row, field);
          field_started = FALSE;
          row = NULL;
          line++;
          break;

        default:
          g_string_append_c (field, c);
          break;
        }
    }

  if (quoted)
    {
      g_set_error (error, PF_FEATURE_IMPORT_ERROR, PF_FEATURE_IMPORT_ERROR_SYNTAX,
                   /* Translators: %u is a line number. */
                   _("A quoted field that starts on line %u is never closed"), quote_line);
      return NULL;
    }

  if (row != NULL)
    end_field (row, field);

  return g_steal_pointer (&rows);
}

static int
find_column (GPtrArray  *header,
             const char *name)
{
  for (guint i = 0; i < header->len; i++)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (g_ptr_array_index (header, i)));

      if (g_ascii_strcasecmp (trimmed, name) == 0)
        return i;
    }

  return -1;
}

static void
add_feature (GPtrArray  *features,
             GHashTable *seen,
             const char *name,
             const char *description)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name));
  PfImportedFeature *feature;

  if (trimmed[0] == '\0')
    return;

  /* A name listed twice is one feature; a later row may still describe it. */
  if ((feature = g_hash_table_lookup (seen, trimmed)))
    {
      if (feature->description[0] == '\0' && description != NULL && description[0] != '\0')
        {
          g_free (feature->description);
          feature->description = g_strstrip (g_strdup (description));
        }
      return;
    }

  feature = g_new0 (PfImportedFeature, 1);
  feature->name = g_steal_pointer (&trimmed);
  feature->description = g_strstrip (g_strdup (description ? description : ""));
  g_ptr_array_add (features, feature);
  g_hash_table_insert (seen, feature->name, feature);
}

/**
 * pf_feature_import_parse_csv:
 * @is_dictionary: (out) (optional): whether the file was a data dictionary
 *
 * Reads feature names from CSV text. A header with a "name" column (any
 * case) makes the file a data dictionary: each row is a feature, described
 * by its "description" column if there is one. Otherwise every column of
 * the header is a feature and the other rows are ignored. Names are
 * trimmed; empty names are skipped and a repeated name is one feature.
 *
 * Returns: (transfer full) (element-type PfImportedFeature): the features in file order
 */
GPtrArray *
pf_feature_import_parse_csv (const char  *data,
                             gsize        length,
                             gboolean    *is_dictionary,
                             GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) features = NULL;
  g_autoptr(GHashTable) seen = NULL;
  GPtrArray *header;
  int name_column, description_column;

  if (is_dictionary != NULL)
    *is_dictionary = FALSE;

  if (!(rows = pf_feature_import_split_rows (data, length, error)))
    return NULL;

  features = g_ptr_array_new_with_free_func ((GDestroyNotify)imported_feature_free);
  seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (rows->len > 0)
    {
      header = g_ptr_array_index (rows, 0);
      name_column = find_column (header, "name");
      description_column = find_column (header, "description");

      if (name_column >= 0)
        {
          if (is_dictionary != NULL)
            *is_dictionary = TRUE;

          for (guint i = 1; i < rows->len; i++)
            {
              GPtrArray *row = g_ptr_array_index (rows, i);
              const char *description = NULL;

              if ((guint)name_column >= row->len)
                continue;
              if (description_column >= 0 && (guint)description_column < row->len)
                description = g_ptr_array_index (row, description_column);
              add_feature (features, seen, g_ptr_array_index (row, name_column), description);
            }
        }
      else
        {
          for (guint i = 0; i < header->len; i++)
            add_feature (features, seen, g_ptr_array_index (header, i), NULL);
        }
    }

  if (features->len == 0)
    {
      g_set_error_literal (error, PF_FEATURE_IMPORT_ERROR, PF_FEATURE_IMPORT_ERROR_EMPTY,
                           _("The file names no features: it needs a header row of column names, "
                             "or a “name” column with one feature per row"));
      return NULL;
    }

  return g_steal_pointer (&features);
}

static gboolean
set_if_empty (PfDocument  *document,
              const char  *object,
              const char  *field,
              const char  *value,
              GError     **error)
{
  const char *current = pf_document_get_string (document, object, field);

  if (value[0] == '\0' || (current != NULL && current[0] != '\0'))
    return TRUE;

  return pf_document_set_string (document, object, field, value, error);
}

/**
 * pf_feature_import_index_names:
 *
 * Returns: (transfer full): the features of @document by their exact name
 *   (the first of a name wins), each to its object path "features/<id>"
 */
GHashTable *
pf_feature_import_index_names (PfDocument *document)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonArray *records = pf_document_get_records (document, "features");

  for (guint i = 0; records != NULL && i < json_array_get_length (records); i++)
    {
      JsonObject *record = pf_json_array_get_object (records, i);
      const char *name = pf_json_object_get_string (record, "name", "");
      const char *id = pf_json_object_get_string (record, "id", "");

      if (name[0] != '\0' && !g_hash_table_contains (index, name))
        g_hash_table_insert (index, g_strdup (name), g_strconcat ("features/", id, NULL));
    }
  return index;
}

/**
 * pf_feature_import_apply:
 * @features: (element-type PfImportedFeature): from pf_feature_import_parse_csv()
 *
 * Adds each feature that the "features" register does not name yet, as one
 * undo step. A feature already there keeps what a reviewer wrote: only an
 * empty description is filled in.
 */
gboolean
pf_feature_import_apply (PfDocument  *document,
                         GPtrArray   *features,
                         guint       *n_added,
                         guint       *n_present,
                         GError     **error)
{
  g_autoptr(GHashTable) existing = NULL;
  guint added = 0, present = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (PF_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (features != NULL, FALSE);

  existing = pf_feature_import_index_names (document);

  pf_document_begin_group (document);
  for (guint i = 0; ok && i < features->len; i++)
    {
      PfImportedFeature *feature = g_ptr_array_index (features, i);
      const char *object = g_hash_table_lookup (existing, feature->name);
      g_autofree char *id = NULL;
      g_autofree char *new_object = NULL;

      if (object != NULL)
        {
          ok = set_if_empty (document, object, "description", feature->description, error);
          present++;
          continue;
        }

      if (!(id = pf_document_add_record (document, "features", error)))
        {
          ok = FALSE;
          break;
        }
      new_object = g_strconcat ("features/", id, NULL);
      /* A new record's description is empty: no need to look first. */
      ok = pf_document_set_string (document, new_object, "name", feature->name, error) &&
           (feature->description[0] == '\0' ||
            pf_document_set_string (document, new_object, "description", feature->description, error));
      g_hash_table_insert (existing, g_strdup (feature->name), g_steal_pointer (&new_object));
      added++;
    }
  pf_document_end_group (document);

  if (n_added != NULL)
    *n_added = added;
  if (n_present != NULL)
    *n_present = present;

  return ok;
}
