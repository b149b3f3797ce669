/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "pf-document.h"
#include "pf-file-util.h"

/* A project file is text a person wrote with Preflight; anything this large is
 * not one, and refusing it early keeps a hostile file from exhausting memory. */
#define MAX_FILE_SIZE (256 * 1024 * 1024)

struct _PfDocument
{
  GObject   parent_instance;

  GFile    *file;
  /* The whole file as read, so members this version does not know survive. */
  JsonNode *root;
  char     *title;
  gint64    format_version;
  guint     read_only : 1;
};

G_DEFINE_FINAL_TYPE (PfDocument, pf_document, G_TYPE_OBJECT)

G_DEFINE_QUARK (pf-document-error-quark, pf_document_error)

enum {
  PROP_0,
  PROP_FILE,
  PROP_TITLE,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
node_type_name (JsonNode *node)
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

static gboolean
expect_type (JsonNode    *node,
             const char  *path,
             GType        value_type,
             const char  *expected,
             GError     **error)
{
  gboolean ok;

  if (value_type == JSON_TYPE_OBJECT)
    ok = JSON_NODE_HOLDS_OBJECT (node);
  else if (value_type == JSON_TYPE_ARRAY)
    ok = JSON_NODE_HOLDS_ARRAY (node);
  else
    ok = JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == value_type;

  if (!ok)
    {
      /* Translators: the first %s is a field path like "metadata.title", the
       * second the expected type and the third the type found. */
      g_set_error (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_INVALID,
                   _("%s: expected %s, found %s"),
                   path, expected, node_type_name (node));
      return FALSE;
    }

  return TRUE;
}

static gboolean
pf_document_read_root (PfDocument  *self,
                       JsonNode    *root,
                       GError     **error)
{
  JsonObject *object;
  JsonNode *node;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_NOT_PROJECT,
                           _("This is JSON, but not a Preflight project: the file does not hold an object"));
      return FALSE;
    }

  object = json_node_get_object (root);

  node = json_object_get_member (object, "format");
  if (node == NULL
      || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING
      || g_strcmp0 (json_node_get_string (node), PF_DOCUMENT_FORMAT) != 0)
    {
      g_set_error (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_NOT_PROJECT,
                   _("This is JSON, but not a Preflight project: the member “format” must be “%s”"),
                   PF_DOCUMENT_FORMAT);
      return FALSE;
    }

  node = json_object_get_member (object, "format-version");
  if (node == NULL)
    {
      g_set_error_literal (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_INVALID,
                           _("format-version: the member is missing"));
      return FALSE;
    }
  if (!expect_type (node, "format-version", G_TYPE_INT64, _("a whole number"), error))
    return FALSE;
  self->format_version = json_node_get_int (node);
  if (self->format_version < 1)
    {
      g_set_error (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_INVALID,
                   _("format-version: %" G_GINT64_FORMAT " is not a format version"),
                   self->format_version);
      return FALSE;
    }
  /* A newer version's file is shown but never written back by this version. */
  self->read_only = self->format_version > PF_DOCUMENT_FORMAT_VERSION;

  node = json_object_get_member (object, "metadata");
  if (node != NULL)
    {
      JsonObject *metadata;

      if (!expect_type (node, "metadata", JSON_TYPE_OBJECT, _("an object"), error))
        return FALSE;

      metadata = json_node_get_object (node);
      node = json_object_get_member (metadata, "title");
      if (node != NULL)
        {
          if (!expect_type (node, "metadata.title", G_TYPE_STRING, _("a string"), error))
            return FALSE;
          g_free (self->title);
          self->title = g_strdup (json_node_get_string (node));
        }
    }

  g_clear_pointer (&self->root, json_node_unref);
  self->root = json_node_ref (root);

  return TRUE;
}

static void
pf_document_finalize (GObject *object)
{
  PfDocument *self = (PfDocument *)object;

  g_clear_object (&self->file);
  g_clear_pointer (&self->root, json_node_unref);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (pf_document_parent_class)->finalize (object);
}

static void
pf_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PfDocument *self = PF_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_document_class_init (PfDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pf_document_finalize;
  object_class->get_property = pf_document_get_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pf_document_init (PfDocument *self)
{
  self->title = g_strdup ("");
  self->format_version = PF_DOCUMENT_FORMAT_VERSION;
}

/**
 * pf_document_new:
 *
 * Creates an empty, untitled project that has never been saved.
 */
PfDocument *
pf_document_new (void)
{
  return g_object_new (PF_TYPE_DOCUMENT, NULL);
}

/**
 * pf_document_new_from_bytes:
 * @bytes: the contents of a project file
 * @error: where to put the reason the contents are not a project
 *
 * Parses a project file. Errors name the place of the problem: line and
 * column for broken JSON, the member path for a wrong type.
 */
PfDocument *
pf_document_new_from_bytes (GBytes  *bytes,
                            GError **error)
{
  g_autoptr(PfDocument) self = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  const char *data;
  gsize size;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (size > MAX_FILE_SIZE)
    {
      g_set_error (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_TOO_LARGE,
                   _("The file is larger than %d MiB, too large for a project"),
                   MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  if (size == 0)
    {
      g_set_error_literal (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_SYNTAX,
                           _("The file is empty"));
      return NULL;
    }

  if (!g_utf8_validate (data, size, NULL))
    {
      const char *end;
      guint line = 1;

      g_utf8_validate (data, size, &end);
      for (const char *p = data; p < end; p++)
        line += *p == '\n';
      g_set_error (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_SYNTAX,
                   _("Line %u: the file is not valid UTF-8 text"), line);
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, size, &parse_error))
    {
      guint line = 0, column = 0;
      int consumed = 0;

      /* json-glib says "<data>:LINE:COLUMN: Parse error: …"; say it in words. */
      if (sscanf (parse_error->message, "<data>:%u:%u: %n", &line, &column, &consumed) == 2 && consumed > 0)
        g_set_error (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_SYNTAX,
                     _("Line %u, column %u: %s"), line, column, parse_error->message + consumed);
      else
        g_set_error_literal (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_SYNTAX, parse_error->message);
      return NULL;
    }

  self = pf_document_new ();
  if (!pf_document_read_root (self, json_parser_get_root (parser), error))
    return NULL;

  return g_steal_pointer (&self);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PfDocument) self = NULL;
  GError *error = NULL;

  if (!(bytes = g_file_load_bytes (file, cancellable, NULL, &error)) ||
      !(self = pf_document_new_from_bytes (bytes, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  self->file = g_object_ref (file);
  g_task_return_pointer (task, g_steal_pointer (&self), g_object_unref);
}

/**
 * pf_document_load_async:
 *
 * Reads and parses @file in a worker thread. The file is only read.
 */
void
pf_document_load_async (GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pf_document_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

PfDocument *
pf_document_load_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pf_document_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

GFile *
pf_document_get_file (PfDocument *self)
{
  g_return_val_if_fail (PF_IS_DOCUMENT (self), NULL);

  return self->file;
}

void
pf_document_set_file (PfDocument *self,
                      GFile      *file)
{
  g_return_if_fail (PF_IS_DOCUMENT (self));
  g_return_if_fail (!file || G_IS_FILE (file));

  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

const char *
pf_document_get_title (PfDocument *self)
{
  g_return_val_if_fail (PF_IS_DOCUMENT (self), NULL);

  return self->title;
}

/**
 * pf_document_dup_display_name:
 *
 * The name to show for the project: its title, else its file's name, else
 * "Untitled project".
 */
char *
pf_document_dup_display_name (PfDocument *self)
{
  g_return_val_if_fail (PF_IS_DOCUMENT (self), NULL);

  if (self->title[0] != '\0')
    return g_strdup (self->title);

  if (self->file != NULL)
    return pf_file_dup_project_name (self->file);

  return g_strdup (_("Untitled project"));
}

gboolean
pf_document_get_read_only (PfDocument *self)
{
  g_return_val_if_fail (PF_IS_DOCUMENT (self), FALSE);

  return self->read_only;
}

gint64
pf_document_get_format_version (PfDocument *self)
{
  g_return_val_if_fail (PF_IS_DOCUMENT (self), 0);

  return self->format_version;
}
