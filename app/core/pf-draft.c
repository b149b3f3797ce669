/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pf-draft.h"
#include "pf-json.h"
#include "pf-json-parser.h"

#define DRAFT_FORMAT "preflight-draft"
#define DRAFT_SUFFIX ".draft.json"

void
pf_draft_info_free (PfDraftInfo *info)
{
  g_clear_object (&info->draft);
  g_clear_object (&info->file);
  g_clear_pointer (&info->title, g_free);
  g_clear_pointer (&info->written, g_free);
  g_free (info);
}

GFile *
pf_draft_get_directory (void)
{
  return g_file_new_build_filename (g_get_user_data_dir (), PACKAGE_NAME, "drafts", NULL);
}

/**
 * pf_draft_get_file:
 *
 * Where the draft of @document goes: named after the project's id, or,
 * for a file without one, after its location.
 */
GFile *
pf_draft_get_file (PfDocument *document)
{
  g_autoptr(GFile) directory = pf_draft_get_directory ();
  g_autofree char *key = NULL;
  g_autofree char *name = NULL;
  const char *id = pf_document_get_id (document);

  if (id != NULL && id[0] != '\0' && g_uuid_string_is_valid (id))
    key = g_strdup (id);
  else if (pf_document_get_file (document) != NULL)
    {
      g_autofree char *uri = g_file_get_uri (pf_document_get_file (document));

      key = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);
    }
  else
    key = g_strdup_printf ("unnamed-%p", document);

  name = g_strconcat (key, DRAFT_SUFFIX, NULL);
  return g_file_get_child (directory, name);
}

/**
 * pf_draft_write:
 *
 * Writes the draft of @document, atomically like a real save.
 */
gboolean
pf_draft_write (PfDocument    *document,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GFile) directory = pf_draft_get_directory ();
  g_autoptr(GFile) draft = pf_draft_get_file (document);
  g_autoptr(GString) out = g_string_sized_new (4096);
  g_autoptr(GBytes) project = NULL;
  g_autofree char *now = pf_audit_dup_time_now ();
  GFile *file = pf_document_get_file (document);
  const char *etag = pf_document_get_etag (document);
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (PF_IS_DOCUMENT (document), FALSE);

  if (!g_file_make_directory_with_parents (directory, cancellable, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_string_append (out, "{\n  \"format\": \"" DRAFT_FORMAT "\",\n  \"file\": ");
  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      pf_json_append_string (out, uri);
    }
  else
    g_string_append (out, "null");
  g_string_append (out, ",\n  \"etag\": ");
  if (etag != NULL)
    pf_json_append_string (out, etag);
  else
    g_string_append (out, "null");
  g_string_append (out, ",\n  \"written\": ");
  pf_json_append_string (out, now);
  g_string_append (out, ",\n  \"project\": ");
  project = pf_document_serialize (document);
  g_string_append_len (out, g_bytes_get_data (project, NULL), g_bytes_get_size (project));
  g_string_append (out, "}\n");

  return g_file_replace_contents (draft, out->str, out->len, NULL, FALSE,
                                  G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, cancellable, error);
}

gboolean
pf_draft_remove (PfDocument  *document,
                 GError     **error)
{
  g_autoptr(GFile) draft = pf_draft_get_file (document);
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (PF_IS_DOCUMENT (document), FALSE);

  if (!g_file_delete (draft, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static JsonObject *
parse_draft (GFile   *draft,
             GError **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(JsonNode) root = NULL;
  gsize length;
  JsonNode *format;

  /* The project's own parser: a draft holds what a project file holds. */
  if (!g_file_load_contents (draft, NULL, &contents, &length, NULL, error))
    return NULL;
  if (!g_utf8_validate_len (contents, length, NULL))
    {
      g_set_error_literal (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_NOT_PROJECT,
                           _("The draft is damaged"));
      return NULL;
    }
  if (!(root = pf_json_parse (contents, length, error)))
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      !(format = json_object_get_member (json_node_get_object (root), "format")) ||
      !JSON_NODE_HOLDS_VALUE (format) ||
      g_strcmp0 (json_node_get_string (format), DRAFT_FORMAT) != 0 ||
      !json_object_has_member (json_node_get_object (root), "project"))
    {
      g_set_error_literal (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_NOT_PROJECT,
                           _("The draft is damaged"));
      return NULL;
    }

  return json_object_ref (json_node_get_object (root));
}

static GFile *
draft_project_file (JsonObject *draft)
{
  const char *uri = json_object_get_string_member_with_default (draft, "file", NULL);

  return uri ? g_file_new_for_uri (uri) : NULL;
}

static PfDocument *
document_from_draft (JsonObject  *object,
                     GError     **error)
{
  g_autoptr(PfDocument) document = NULL;
  g_autoptr(GFile) file = NULL;

  if (!(document = pf_document_new_from_node (json_object_get_member (object, "project"), error)))
    return NULL;

  if ((file = draft_project_file (object)))
    pf_document_set_file (document, file);
  pf_document_set_etag (document, json_object_get_string_member_with_default (object, "etag", NULL));
  pf_document_set_modified (document, TRUE);

  return g_steal_pointer (&document);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const PfDraftInfo *info_a = *(PfDraftInfo **)a;
  const PfDraftInfo *info_b = *(PfDraftInfo **)b;

  return g_strcmp0 (info_b->written, info_a->written);
}

/**
 * pf_draft_list:
 *
 * Returns: (transfer full): the drafts left over, newest first, as
 *   #PfDraftInfo; damaged drafts are left out
 */
GPtrArray *
pf_draft_list (void)
{
  g_autoptr(GFile) directory = pf_draft_get_directory ();
  g_autoptr(GFileEnumerator) enumerator = NULL;
  GPtrArray *drafts = g_ptr_array_new_with_free_func ((GDestroyNotify)pf_draft_info_free);
  GFileInfo *file_info;

  enumerator = g_file_enumerate_children (directory, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (enumerator == NULL)
    return drafts;

  while ((file_info = g_file_enumerator_next_file (enumerator, NULL, NULL)))
    {
      g_autoptr(GFileInfo) owned_info = file_info;
      g_autoptr(GFile) draft = NULL;
      g_autoptr(JsonObject) object = NULL;
      g_autoptr(PfDocument) document = NULL;
      g_autoptr(GError) error = NULL;
      PfDraftInfo *info;

      if (!g_str_has_suffix (g_file_info_get_name (file_info), DRAFT_SUFFIX))
        continue;

      draft = g_file_get_child (directory, g_file_info_get_name (file_info));
      if (!(object = parse_draft (draft, &error)) || !(document = document_from_draft (object, &error)))
        continue;

      info = g_new0 (PfDraftInfo, 1);
      info->draft = g_steal_pointer (&draft);
      info->file = draft_project_file (object);
      info->title = pf_document_dup_display_name (document);
      info->written = g_strdup (json_object_get_string_member_with_default (object, "written", ""));
      g_ptr_array_add (drafts, info);
    }

  g_ptr_array_sort (drafts, compare_newest_first);
  return drafts;
}

/**
 * pf_draft_load:
 *
 * Returns: (transfer full): the project as the draft holds it, belonging to
 *   its file and marked as modified
 */
PfDocument *
pf_draft_load (GFile   *draft,
               GError **error)
{
  g_autoptr(JsonObject) object = NULL;

  g_return_val_if_fail (G_IS_FILE (draft), NULL);

  if (!(object = parse_draft (draft, error)))
    return NULL;

  return document_from_draft (object, error);
}
