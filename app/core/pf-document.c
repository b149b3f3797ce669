/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <stdio.h>

#include "pf-catalog.h"
#include "pf-document.h"
#include "pf-file-util.h"
#include "pf-json.h"
#include "pf-json-parser.h"
#include "pf-schema.h"
#include "pf-scope.h"

/* A project file is text a person wrote with Preflight; anything this large is
 * not one, and refusing it early keeps a hostile file from exhausting memory. */
#define MAX_FILE_SIZE (256 * 1024 * 1024)

/* Edits of the same field closer together than this are one undo step and
 * one audit entry: typing a sentence is one change, not forty. */
#define COALESCE_USEC (2 * G_USEC_PER_SEC)

static const char * const meanings[] = {
  "reviewed", "approved", "approved-with-conditions", "rejected", "acknowledged", NULL
};

typedef enum
{
  EDIT_SET,     /* object.field: old_value -> new_value */
  EDIT_INSERT,  /* new_value inserted at index of the array named by object */
  EDIT_REMOVE,  /* old_value removed from index of the array named by object */
} EditKind;

typedef struct
{
  EditKind  kind;
  char     *object;
  char     *field;
  JsonNode *old_value;
  JsonNode *new_value;
  guint     index;
} Edit;

typedef struct
{
  GPtrArray *edits;
  gint64     time;
} EditGroup;

struct _PfDocument
{
  GObject        parent_instance;

  GFile         *file;
  char          *etag;
  /* The whole file as read, so that members this version does not know
   * survive a save. */
  JsonNode      *root;
  char          *actor;
  gint64         format_version;

  GPtrArray     *undo_stack;
  GPtrArray     *redo_stack;
  EditGroup     *open_group;
  guint          group_depth;

  /* Audit entries up to here were saved or loaded and are never amended. */
  guint          n_sealed_audit;
  /* The chain as verified when the file was read. */
  guint          audit_broken_at;
  guint          audit_verified : 1;
  /* The oldest audit entries as the file holds them, parsed only when
   * needed: in a large project they are most of the file. */
  GBytes        *audit_text;
  GArray        *audit_spans;
  char          *audit_text_head;
  char          *audit_problem;
  gint64         last_audit_time;

  /* One more for every change, to know whether a save covered them all. */
  guint64        change_serial;
  /* Where each record of an array of records is, by id: JsonArray →
   * RecordIndex. Looking a record up is then no longer a scan, which made
   * importing thousands of features quadratic. */
  GHashTable    *record_indexes;
  /* One more each time records are inserted or removed other than at the
   * end, or the whole project is replaced: older indexes are rebuilt. */
  guint64        structure_serial;

  guint          read_only : 1;
  guint          modified : 1;
};

G_DEFINE_FINAL_TYPE (PfDocument, pf_document, G_TYPE_OBJECT)

G_DEFINE_QUARK (pf-document-error-quark, pf_document_error)

enum {
  PROP_0,
  PROP_FILE,
  PROP_TITLE,
  PROP_READ_ONLY,
  PROP_MODIFIED,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_AUDIT_VERIFIED,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
edit_free (Edit *edit)
{
  g_free (edit->object);
  g_free (edit->field);
  g_clear_pointer (&edit->old_value, json_node_unref);
  g_clear_pointer (&edit->new_value, json_node_unref);
  g_free (edit);
}

static void
edit_group_free (EditGroup *group)
{
  g_ptr_array_unref (group->edits);
  g_free (group);
}

static EditGroup *
edit_group_new (void)
{
  EditGroup *group = g_new0 (EditGroup, 1);

  group->edits = g_ptr_array_new_with_free_func ((GDestroyNotify)edit_free);
  group->time = g_get_monotonic_time ();

  return group;
}

static JsonObject *
root_object (PfDocument *self)
{
  return json_node_get_object (self->root);
}

/* The member @name of @parent, created as an empty object or array when
 * missing, so that a new project and a loaded one look the same. */
static JsonNode *
ensure_member (JsonObject   *parent,
               const char   *name,
               JsonNodeType  type)
{
  JsonNode *node = json_object_get_member (parent, name);

  if (node == NULL)
    {
      if (type == JSON_NODE_OBJECT)
        json_object_set_object_member (parent, name, json_object_new ());
      else
        json_object_set_array_member (parent, name, json_array_new ());
      node = json_object_get_member (parent, name);
    }

  return node;
}

/* The member @name of @parent if it has the type @type: reading never adds
 * members, or a file would change by being opened, looked at and saved. */
static JsonNode *
lookup_member (JsonObject   *parent,
               const char   *name,
               JsonNodeType  type)
{
  JsonNode *node = parent ? json_object_get_member (parent, name) : NULL;

  return node != NULL && JSON_NODE_TYPE (node) == type ? node : NULL;
}

/* A register's records; with @create, made when missing, else %NULL. */
static JsonArray *
register_array (PfDocument *self,
                const char *register_id,
                gboolean    create)
{
  JsonNode *registers;
  JsonNode *records;

  if (create)
    {
      registers = ensure_member (root_object (self), "registers", JSON_NODE_OBJECT);
      return json_node_get_array (ensure_member (json_node_get_object (registers), register_id, JSON_NODE_ARRAY));
    }

  registers = lookup_member (root_object (self), "registers", JSON_NODE_OBJECT);
  records = registers ? lookup_member (json_node_get_object (registers), register_id, JSON_NODE_ARRAY) : NULL;

  return records ? json_node_get_array (records) : NULL;
}

static JsonArray *
top_array (PfDocument *self,
           const char *name,
           gboolean    create)
{
  JsonNode *node;

  if (create)
    return json_node_get_array (ensure_member (root_object (self), name, JSON_NODE_ARRAY));

  node = lookup_member (root_object (self), name, JSON_NODE_ARRAY);
  return node ? json_node_get_array (node) : NULL;
}

/* What the getters hand out for a member the file does not have. */
static JsonArray *
empty_array (void)
{
  static JsonArray *empty;

  if (g_once_init_enter (&empty))
    {
      JsonArray *array = json_array_new ();

      json_array_seal (array);
      g_once_init_leave (&empty, array);
    }

  return empty;
}

/* The array an EDIT_INSERT or EDIT_REMOVE works on. */
static JsonArray *
container_array (PfDocument *self,
                 const char *container)
{
  if (g_str_equal (container, "business-question"))
    return json_node_get_array (ensure_member (root_object (self), "business-question", JSON_NODE_ARRAY));

  return register_array (self, container, TRUE);
}

static guint
n_audit_spans (PfDocument *self)
{
  return self->audit_spans ? self->audit_spans->len : 0;
}

static void
drop_audit_text (PfDocument *self)
{
  g_clear_pointer (&self->audit_text, g_bytes_unref);
  g_clear_pointer (&self->audit_spans, g_array_unref);
  g_clear_pointer (&self->audit_text_head, g_free);
}

static JsonNode *
parse_audit_span (GBytes           *text,
                  const PfJsonSpan *span)
{
  const char *data = g_bytes_get_data (text, NULL);
  g_autoptr(GError) error = NULL;

  return pf_json_parse (data + span->offset, span->length, &error);
}

/* Parses the entries still held as text and puts them before the ones
 * added since the file was read. */
static void
materialize_audit (PfDocument *self)
{
  JsonArray *audit;
  g_autoptr(GPtrArray) added = NULL;
  guint n;

  if (n_audit_spans (self) == 0)
    return;

  audit = top_array (self, "audit", TRUE);
  n = json_array_get_length (audit);
  added = g_ptr_array_new_with_free_func ((GDestroyNotify)json_node_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (added, json_node_ref (json_array_get_element (audit, i)));
  for (guint i = n; i > 0; i--)
    json_array_remove_element (audit, i - 1);

  for (guint i = 0; i < self->audit_spans->len; i++)
    {
      JsonNode *node = parse_audit_span (self->audit_text, &g_array_index (self->audit_spans, PfJsonSpan, i));

      /* Spans were checked as strictly as this when the file was read;
       * were one not to parse, it would stay in place as null, which the
       * verification reports, rather than vanish. */
      json_array_add_element (audit, node ? node : json_node_new (JSON_NODE_NULL));
    }

  for (guint i = 0; i < added->len; i++)
    json_array_add_element (audit, json_node_ref (g_ptr_array_index (added, i)));

  drop_audit_text (self);
}

typedef struct
{
  GHashTable *positions;    /* record id → index + 1 */
  GHashTable *next_number;  /* id prefix → the next free number, as guint64 * */
  guint       length;       /* the array's length when last brought up to date */
  guint64     serial;       /* the structure serial then */
} RecordIndex;

static void
record_index_free (RecordIndex *index)
{
  g_hash_table_unref (index->positions);
  g_hash_table_unref (index->next_number);
  g_free (index);
}

static const char *
record_id_at (JsonArray *array,
              guint      i)
{
  JsonNode *node = json_array_get_element (array, i);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  return json_object_get_string_member_with_default (json_node_get_object (node), "id", NULL);
}

/* The index of @array, rebuilt if records were inserted or removed other
 * than by appending since it was built. */
static RecordIndex *
ensure_record_index (PfDocument *self,
                     JsonArray  *array)
{
  RecordIndex *index = g_hash_table_lookup (self->record_indexes, array);
  guint n = json_array_get_length (array);

  if (index != NULL && index->serial == self->structure_serial && index->length == n)
    return index;

  if (index == NULL)
    {
      index = g_new0 (RecordIndex, 1);
      index->positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      index->next_number = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      /* The key holds a reference: a freed array's address, reused by a
       * new one, can never find an old index. */
      g_hash_table_insert (self->record_indexes, json_array_ref (array), index);
    }
  else
    {
      g_hash_table_remove_all (index->positions);
      g_hash_table_remove_all (index->next_number);
    }

  for (guint i = 0; i < n; i++)
    {
      const char *id = record_id_at (array, i);

      /* The first of two records with one id wins, as a scan would. */
      if (id != NULL && !g_hash_table_contains (index->positions, id))
        g_hash_table_insert (index->positions, g_strdup (id), GUINT_TO_POINTER (i + 1));
    }
  index->length = n;
  index->serial = self->structure_serial;

  return index;
}

static int
find_record_index (PfDocument *self,
                   JsonArray  *array,
                   const char *id)
{
  RecordIndex *index;
  guint position;

  if (id == NULL)
    return -1;

  index = ensure_record_index (self, array);
  position = GPOINTER_TO_UINT (g_hash_table_lookup (index->positions, id));

  /* Checked against the array itself, so that the index can only ever
   * make a lookup faster, never wrong. */
  if (position > 0 && g_strcmp0 (record_id_at (array, position - 1), id) == 0)
    return position - 1;

  if (position > 0)
    {
      g_critical ("The index of records is out of date for “%s”", id);
      self->structure_serial++;
      index = ensure_record_index (self, array);
      position = GPOINTER_TO_UINT (g_hash_table_lookup (index->positions, id));
      return position > 0 ? (int)position - 1 : -1;
    }

  return -1;
}

/* The array of records changed: by an append, which the index follows, or
 * otherwise, which makes every index rebuild. */
static void
note_records_changed (PfDocument *self,
                      JsonArray  *array,
                      gboolean    appended)
{
  RecordIndex *index = g_hash_table_lookup (self->record_indexes, array);
  guint n = json_array_get_length (array);

  if (appended && index != NULL && index->serial == self->structure_serial && index->length == n - 1)
    {
      const char *id = record_id_at (array, n - 1);
      GHashTableIter iter;
      gpointer prefix, next;

      if (id != NULL && !g_hash_table_contains (index->positions, id))
        g_hash_table_insert (index->positions, g_strdup (id), GUINT_TO_POINTER (n));
      index->length = n;

      /* The next free number of each prefix seen so far moves past it. */
      g_hash_table_iter_init (&iter, index->next_number);
      while (id != NULL && g_hash_table_iter_next (&iter, &prefix, &next))
        {
          gsize len = strlen (prefix);

          if (strncmp (id, prefix, len) == 0 && id[len] == '-')
            {
              guint64 number = g_ascii_strtoull (id + len + 1, NULL, 10);

              if (number != G_MAXUINT64)
                *(guint64 *)next = MAX (*(guint64 *)next, number + 1);
            }
        }
      return;
    }

  self->structure_serial++;
}

/* Object paths: "metadata", "answers/<question>", "<register>/<record id>". */
static JsonObject *
resolve_object (PfDocument       *self,
                const char       *object,
                gboolean          create,
                const PfRegister **reg_out)
{
  const char *slash = strchr (object, '/');
  g_autofree char *head = NULL;
  const PfRegister *reg;
  JsonArray *records;
  JsonNode *node;
  int index;

  if (reg_out != NULL)
    *reg_out = NULL;

  if (slash == NULL)
    {
      if (!g_str_equal (object, "metadata"))
        return NULL;
      if (create)
        return json_node_get_object (ensure_member (root_object (self), "metadata", JSON_NODE_OBJECT));
      if (!json_object_has_member (root_object (self), "metadata"))
        return NULL;
      return json_object_get_object_member (root_object (self), "metadata");
    }

  head = g_strndup (object, slash - object);

  if (g_str_equal (head, "answers"))
    {
      JsonObject *answers;
      JsonNode *answer;

      if (slash[1] == '\0')
        return NULL;
      if (create)
        answers = json_node_get_object (ensure_member (root_object (self), "answers", JSON_NODE_OBJECT));
      else if (!(node = lookup_member (root_object (self), "answers", JSON_NODE_OBJECT)))
        return NULL;
      else
        answers = json_node_get_object (node);
      answer = json_object_get_member (answers, slash + 1);
      if (answer == NULL && create)
        {
          json_object_set_object_member (answers, slash + 1, json_object_new ());
          answer = json_object_get_member (answers, slash + 1);
        }
      return answer && JSON_NODE_HOLDS_OBJECT (answer) ? json_node_get_object (answer) : NULL;
    }

  if ((reg = pf_schema_find_register (head)) == NULL)
    return NULL;

  if (reg_out != NULL)
    *reg_out = reg;

  records = register_array (self, reg->id, create);
  if (records == NULL || (index = find_record_index (self, records, slash + 1)) < 0)
    return NULL;

  return json_array_get_object_element (records, index);
}

static void
pf_document_audit (PfDocument *self,
                   const char *action,
                   const char *object,
                   const char *field,
                   JsonNode   *old_value,
                   JsonNode   *new_value,
                   gboolean    may_coalesce)
{
  JsonArray *audit = top_array (self, "audit", TRUE);
  guint n_array = json_array_get_length (audit);
  guint n = n_audit_spans (self) + n_array;
  gint64 now = g_get_monotonic_time ();
  g_autofree char *time = pf_audit_dup_time_now ();

  /* Typing into a field amends the newest entry while it is unsaved and
   * about the same field, instead of writing one entry per keystroke. */
  if (may_coalesce && n > self->n_sealed_audit && n_array > 0 && now - self->last_audit_time < COALESCE_USEC)
    {
      JsonObject *last = pf_audit_get_entry (audit, n_array - 1);

      if (last != NULL &&
          g_strcmp0 (pf_audit_entry_get_string (last, "action"), action) == 0 &&
          g_strcmp0 (pf_audit_entry_get_string (last, "object"), object) == 0 &&
          g_strcmp0 (pf_audit_entry_get_string (last, "field"), field) == 0 &&
          g_strcmp0 (pf_audit_entry_get_string (last, "actor"), self->actor) == 0)
        {
          json_object_set_string_member (last, "time", time);
          json_object_set_member (last, "new", new_value ? pf_json_node_copy_deep (new_value) : json_node_new (JSON_NODE_NULL));
          pf_audit_seal_entry (last);
          self->last_audit_time = now;
          return;
        }
    }

  pf_audit_append_after (audit, n_audit_spans (self), self->audit_text_head,
                         time, self->actor, action, object, field, old_value, new_value);
  self->last_audit_time = now;
}

static void
pf_document_mark_changed (PfDocument *self,
                          const char *object,
                          const char *field)
{
  self->change_serial++;

  if (!self->modified)
    {
      self->modified = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }

  if (g_str_equal (object, "metadata") && g_strcmp0 (field, "title") == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);

  g_signal_emit (self, signals[CHANGED], 0, object, field);
}

/* Makes @edit (or its inverse) true of the tree. */
static void
apply_edit (PfDocument *self,
            Edit       *edit,
            gboolean    inverse)
{
  EditKind kind = edit->kind;

  if (inverse && kind != EDIT_SET)
    kind = kind == EDIT_INSERT ? EDIT_REMOVE : EDIT_INSERT;

  switch (kind)
    {
    case EDIT_SET:
      {
        JsonObject *target = resolve_object (self, edit->object, TRUE, NULL);
        JsonNode *value = inverse ? edit->old_value : edit->new_value;

        g_assert (target != NULL);
        if (value == NULL)
          json_object_remove_member (target, edit->field);
        else
          json_object_set_member (target, edit->field, pf_json_node_copy_deep (value));
      }
      break;

    case EDIT_INSERT:
      {
        JsonArray *array = container_array (self, edit->object);
        JsonNode *record = edit->kind == EDIT_INSERT ? edit->new_value : edit->old_value;
        g_autoptr(GPtrArray) tail = g_ptr_array_new_with_free_func ((GDestroyNotify)json_node_unref);
        guint n = json_array_get_length (array);

        /* JsonArray has no insert: take the tail off and put it back. */
        for (guint i = edit->index; i < n; i++)
          g_ptr_array_add (tail, json_node_ref (json_array_get_element (array, i)));
        for (guint i = n; i > edit->index; i--)
          json_array_remove_element (array, i - 1);
        json_array_add_element (array, pf_json_node_copy_deep (record));
        for (guint i = 0; i < tail->len; i++)
          json_array_add_element (array, json_node_ref (g_ptr_array_index (tail, i)));
        note_records_changed (self, array, tail->len == 0);
      }
      break;

    case EDIT_REMOVE:
      {
        JsonArray *array = container_array (self, edit->object);

        json_array_remove_element (array, edit->index);
        note_records_changed (self, array, FALSE);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static const char *
edit_action (Edit     *edit,
             gboolean  inverse)
{
  if (edit->kind == EDIT_SET)
    return "set";
  if ((edit->kind == EDIT_INSERT) != inverse)
    return "add";
  return "remove";
}

static char *
edit_audit_object (Edit *edit)
{
  const char *id;
  JsonNode *record;

  if (edit->kind == EDIT_SET)
    return g_strdup (edit->object);
  if (g_str_equal (edit->object, "business-question"))
    return g_strdup ("business-question");

  record = edit->new_value ? edit->new_value : edit->old_value;
  id = json_object_get_string_member_with_default (json_node_get_object (record), "id", "");
  return g_strconcat (edit->object, "/", id, NULL);
}

static void
announce_edit (PfDocument *self,
               Edit       *edit,
               gboolean    inverse,
               const char *action)
{
  g_autofree char *object = edit_audit_object (edit);
  JsonNode *old_value = inverse ? edit->new_value : edit->old_value;
  JsonNode *new_value = inverse ? edit->old_value : edit->new_value;

  pf_document_audit (self, action ? action : edit_action (edit, inverse),
                     object, edit->field, old_value, new_value, action == NULL && edit->kind == EDIT_SET);
  pf_document_mark_changed (self, object, edit->field);
}

static void
notify_undo_state (PfDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

/* Whether @edit may fold into the newest undo step: the same field, soon
 * after, with no group open. */
static gboolean
try_coalesce (PfDocument *self,
              Edit       *edit)
{
  EditGroup *last;
  Edit *previous;

  if (edit->kind != EDIT_SET || self->open_group != NULL || self->undo_stack->len == 0)
    return FALSE;

  last = g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1);
  if (last->edits->len != 1 || g_get_monotonic_time () - last->time > COALESCE_USEC)
    return FALSE;

  previous = g_ptr_array_index (last->edits, 0);
  if (previous->kind != EDIT_SET ||
      !g_str_equal (previous->object, edit->object) ||
      !g_str_equal (previous->field, edit->field))
    return FALSE;

  g_clear_pointer (&previous->new_value, json_node_unref);
  previous->new_value = edit->new_value ? json_node_ref (edit->new_value) : NULL;
  last->time = g_get_monotonic_time ();
  return TRUE;
}

/* Applies a new edit, takes ownership of it and keeps it for undo. */
static void
pf_document_commit (PfDocument *self,
                    Edit       *edit)
{
  gboolean had_redo = self->redo_stack->len > 0;

  apply_edit (self, edit, FALSE);
  announce_edit (self, edit, FALSE, NULL);

  g_ptr_array_set_size (self->redo_stack, 0);

  if (try_coalesce (self, edit))
    {
      edit_free (edit);
    }
  else if (self->open_group != NULL)
    {
      g_ptr_array_add (self->open_group->edits, edit);
    }
  else
    {
      EditGroup *group = edit_group_new ();

      g_ptr_array_add (group->edits, edit);
      g_ptr_array_add (self->undo_stack, group);
      if (self->undo_stack->len == 1 || had_redo)
        notify_undo_state (self);
      return;
    }

  if (had_redo)
    notify_undo_state (self);
}

static gboolean
check_writable (PfDocument  *self,
                GError     **error)
{
  if (self->read_only)
    {
      g_set_error_literal (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_READ_ONLY,
                           _("The project was written by a newer version of Preflight and is read-only"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
pf_document_read_root (PfDocument  *self,
                       JsonNode    *root,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
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
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return pf_schema_type_error ("format-version", _("a whole number"), node, error);

  self->format_version = json_node_get_int (node);
  if (self->format_version < 1)
    {
      g_set_error (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_INVALID,
                   _("format-version: %" PRId64 " is not a format version"),
                   self->format_version);
      return FALSE;
    }

  /* Version 1 is the first format: there is nothing older to migrate. A
   * newer version's file is shown, but never written back by this one. */
  self->read_only = self->format_version > PF_DOCUMENT_FORMAT_VERSION;

  /* Even a newer version's file must hold what this version reads, so
   * that showing it cannot go wrong. */
  /* pf_schema_validate () needs an error to fill even when the caller
   * passes none. */
  if (!pf_schema_validate (object, &local_error))
    {
      if (self->read_only)
        g_prefix_error (&local_error, _("The file was written by a newer version of Preflight (format %" PRId64 ") and this version cannot read it: "),
                        self->format_version);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_clear_pointer (&self->root, json_node_unref);
  self->root = json_node_ref (root);
  g_hash_table_remove_all (self->record_indexes);
  self->structure_serial++;

  self->n_sealed_audit = pf_document_get_audit_length (self);

  return TRUE;
}

static void
pf_document_finalize (GObject *object)
{
  PfDocument *self = (PfDocument *)object;

  g_clear_object (&self->file);
  g_clear_pointer (&self->etag, g_free);
  g_clear_pointer (&self->root, json_node_unref);
  g_clear_pointer (&self->actor, g_free);
  g_clear_pointer (&self->audit_problem, g_free);
  drop_audit_text (self);
  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->open_group, edit_group_free);
  g_clear_pointer (&self->record_indexes, g_hash_table_unref);

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
      g_value_set_string (value, pf_document_get_title (self));
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, pf_document_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, pf_document_can_redo (self));
      break;

    case PROP_AUDIT_VERIFIED:
      g_value_set_boolean (value, self->audit_verified);
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
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_AUDIT_VERIFIED] =
    g_param_spec_boolean ("audit-verified", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PfDocument::changed:
   * @object: the object path that changed, e.g. "features/feature-3"
   * @field: (nullable): the field, or %NULL when a record was added or removed
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
pf_document_init (PfDocument *self)
{
  self->format_version = PF_DOCUMENT_FORMAT_VERSION;
  self->undo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify)edit_group_free);
  self->redo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify)edit_group_free);
  self->actor = g_strdup (g_get_real_name ());
  self->record_indexes = g_hash_table_new_full (NULL, NULL,
                                                (GDestroyNotify)json_array_unref,
                                                (GDestroyNotify)record_index_free);
}

/**
 * pf_document_set_catalog:
 *
 * Names the catalog a new project follows in its metadata. Meant for a
 * project just made with pf_document_new(), before anyone edits it: it is
 * no edit of the user's, so it is neither recorded nor undoable and
 * leaves the project unmodified.
 */
void
pf_document_set_catalog (PfDocument *self,
                         const char *catalog_id,
                         guint       catalog_version)
{
  JsonObject *metadata;
  JsonObject *catalog;

  g_return_if_fail (PF_IS_DOCUMENT (self));
  g_return_if_fail (catalog_id != NULL);

  metadata = json_object_get_object_member (json_node_get_object (self->root), "metadata");
  catalog = json_object_new ();
  json_object_set_string_member (catalog, "id", catalog_id);
  json_object_set_int_member (catalog, "version", catalog_version);
  json_object_set_object_member (metadata, "catalog", catalog);
}

/**
 * pf_document_new:
 *
 * Creates an empty, untitled project that has never been saved.
 */
PfDocument *
pf_document_new (void)
{
  PfDocument *self = g_object_new (PF_TYPE_DOCUMENT, NULL);
  JsonObject *root = json_object_new ();
  JsonObject *metadata = json_object_new ();
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = pf_audit_dup_time_now ();

  json_object_set_string_member (root, "format", PF_DOCUMENT_FORMAT);
  json_object_set_int_member (root, "format-version", PF_DOCUMENT_FORMAT_VERSION);
  json_object_set_string_member (metadata, "id", uuid);
  json_object_set_string_member (metadata, "title", "");
  json_object_set_string_member (metadata, "description", "");
  json_object_set_string_member (metadata, "created", now);
  {
    JsonObject *catalog = json_object_new ();

    /* The catalog the project follows: the built-in one, until the
     * project chooses another. */
    json_object_set_string_member (catalog, "id", PF_CATALOG_BUILTIN_ID);
    json_object_set_int_member (catalog, "version", PF_CATALOG_BUILTIN_VERSION);
    json_object_set_object_member (metadata, "catalog", catalog);
  }
  json_object_set_object_member (root, "metadata", metadata);
  json_object_set_object_member (root, "answers", json_object_new ());
  json_object_set_array_member (root, "business-question", json_array_new ());
  json_object_set_object_member (root, "registers", json_object_new ());
  json_object_set_array_member (root, "sign-offs", json_array_new ());
  json_object_set_array_member (root, "audit", json_array_new ());

  self->root = json_node_init_object (json_node_alloc (), root);
  json_object_unref (root);

  /* Each register in schema order. */
  {
    JsonObject *registers = json_object_get_object_member (root, "registers");

    for (guint i = 0; i < pf_schema_get_n_registers (); i++)
      json_object_set_array_member (registers, pf_schema_get_register (i)->id, json_array_new ());
  }

  /* Nothing to verify: every entry of a new project is written here. */
  self->audit_verified = TRUE;

  return self;
}

static PfDocument *parse_document (GBytes  *bytes,
                                    GError **error);

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
  PfDocument *self;

  g_return_val_if_fail (bytes != NULL, NULL);

  if ((self = parse_document (bytes, error)))
    pf_document_verify_audit (self, NULL);

  return self;
}

/* Reads a project file without verifying its audit trail. */
static PfDocument *
parse_document (GBytes  *bytes,
                GError **error)
{
  g_autoptr(PfDocument) self = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GArray) spans = NULL;
  const char *data;
  gsize size;

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

  if (!g_utf8_validate_len (data, size, NULL))
    {
      const char *end;
      guint line = 1;

      g_utf8_validate_len (data, size, &end);
      for (const char *p = data; p < end; p++)
        line += *p == '\n';
      g_set_error (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_SYNTAX,
                   _("Line %u: the file is not valid UTF-8 text"), line);
      return NULL;
    }

  /* Only white space: no value at all. */
  {
    const char *p = data;

    while (p < data + size && g_ascii_isspace (*p))
      p++;
    if (p == data + size)
      {
        g_set_error_literal (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_SYNTAX,
                             _("The file is empty"));
        return NULL;
      }
  }

  spans = g_array_new (FALSE, FALSE, sizeof (PfJsonSpan));
  if (!(root = pf_json_parse_with_raw_member (data, size, "audit", spans, &parse_error)))
    {
      g_set_error_literal (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_SYNTAX, parse_error->message);
      return NULL;
    }

  self = g_object_new (PF_TYPE_DOCUMENT, NULL);
  if (spans->len > 0)
    {
      g_autoptr(JsonNode) last = NULL;

      self->audit_text = g_bytes_ref (bytes);
      self->audit_spans = g_steal_pointer (&spans);
      last = parse_audit_span (self->audit_text, &g_array_index (self->audit_spans, PfJsonSpan, self->audit_spans->len - 1));
      if (last != NULL && JSON_NODE_HOLDS_OBJECT (last))
        self->audit_text_head = g_strdup (pf_audit_entry_get_string (json_node_get_object (last), "hash"));
    }

  if (!pf_document_read_root (self, root, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * pf_document_new_from_node:
 * @root: a parsed project file; the document keeps a reference, so it must
 *   not be changed afterwards by anyone else
 */
PfDocument *
pf_document_new_from_node (JsonNode  *root,
                           GError   **error)
{
  g_autoptr(PfDocument) self = NULL;

  g_return_val_if_fail (root != NULL, NULL);

  self = g_object_new (PF_TYPE_DOCUMENT, NULL);
  if (!pf_document_read_root (self, root, error))
    return NULL;

  pf_document_verify_audit (self, NULL);
  return g_steal_pointer (&self);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(PfDocument) self = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *etag = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;
  gsize length;

  if (!g_file_load_contents (file, cancellable, &contents, &length, &etag, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* The audit trail is verified separately, so that the project shows
   * first: see pf_document_verify_audit_async(). */
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  if (!(self = parse_document (bytes, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  self->file = g_object_ref (file);
  self->etag = g_steal_pointer (&etag);
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

/**
 * pf_document_serialize:
 *
 * Returns: the project file's contents: pretty-printed JSON, members in a
 *   stable order, one record per array element
 */
GBytes *
pf_document_serialize (PfDocument *self)
{
  GString *out;

  g_return_val_if_fail (PF_IS_DOCUMENT (self), NULL);

  out = g_string_sized_new (4096);
  if (n_audit_spans (self) > 0)
    pf_json_append_pretty_with_raw (out, self->root, "audit",
                                    g_bytes_get_data (self->audit_text, NULL),
                                    (const PfJsonSpan *)(gpointer)self->audit_spans->data,
                                    self->audit_spans->len);
  else
    pf_json_append_pretty (out, self->root);

  return g_string_free_to_bytes (out);
}

typedef struct
{
  GFile  *file;
  GBytes *bytes;
  char   *etag;      /* the etag the file must still have; NULL to overwrite */
  char   *new_etag;  /* the written file's */
  guint   n_audit;
  guint64 change_serial;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_clear_pointer (&data->etag, g_free);
  g_clear_pointer (&data->new_etag, g_free);
  g_free (data);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) discard = NULL;
  GError *error = NULL;
  gsize size;
  const void *contents = g_bytes_get_data (data->bytes, &size);

  /* Not g_file_replace_contents (): when a write fails (a full disk), it
   * still moves the part written over the old file. */
  stream = g_file_replace (data->file, data->etag, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                           cancellable, &error);
  if (stream == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (!g_output_stream_write_all (G_OUTPUT_STREAM (stream), contents, size, NULL, cancellable, &error))
    {
      /* Closing with a cancelled cancellable deletes the temporary file
       * and leaves the old one in place. */
      discard = g_cancellable_new ();
      g_cancellable_cancel (discard);
      g_output_stream_close (G_OUTPUT_STREAM (stream), discard, NULL);
      g_task_return_error (task, error);
      return;
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  data->new_etag = g_file_output_stream_get_etag (stream);
  g_task_return_boolean (task, TRUE);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PfDocument *self = g_task_get_source_object (task);
  SaveData *data = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_free (self->etag);
  self->etag = g_steal_pointer (&data->new_etag);
  pf_document_set_file (self, data->file);
  /* A change made while the file was written is not in it. */
  if (self->change_serial == data->change_serial)
    pf_document_set_modified (self, FALSE);

  g_task_return_boolean (task, TRUE);
}

/**
 * pf_document_save_async:
 * @file: (nullable): where to save; %NULL for the document's own file
 * @overwrite_changes: whether to write even when the file changed on disk
 *   since it was opened or last saved
 *
 * Writes the project atomically: the contents go to a temporary file that
 * replaces @file only once complete, so a crash or a full disk leaves the
 * old file as it was. Unless @overwrite_changes, a file that changed on disk
 * fails with %G_IO_ERROR_WRONG_ETAG.
 */
void
pf_document_save_async (PfDocument          *self,
                        GFile               *file,
                        gboolean             overwrite_changes,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) write_task = NULL;
  SaveData *data;

  g_return_if_fail (PF_IS_DOCUMENT (self));
  g_return_if_fail (!file || G_IS_FILE (file));
  g_return_if_fail (file != NULL || self->file != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pf_document_save_async);

  if (self->read_only)
    {
      g_task_return_new_error (task, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_READ_ONLY,
                               _("The project was written by a newer version of Preflight and is read-only"));
      return;
    }

  if (file == NULL)
    file = self->file;

  data = g_new0 (SaveData, 1);
  data->file = g_object_ref (file);
  data->n_audit = pf_document_get_audit_length (self);
  data->change_serial = self->change_serial;
  /* What is being written is never amended afterwards. */
  self->n_sealed_audit = MAX (self->n_sealed_audit, data->n_audit);
  if (!overwrite_changes && self->file != NULL && g_file_equal (file, self->file))
    data->etag = g_strdup (self->etag);
  data->bytes = pf_document_serialize (self);

  /* The writing in a thread; the document is updated back here. */
  write_task = g_task_new (NULL, cancellable, save_cb, g_steal_pointer (&task));
  g_task_set_task_data (write_task, data, (GDestroyNotify)save_data_free);
  g_task_run_in_thread (write_task, save_thread);
}

gboolean
pf_document_save_finish (PfDocument    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (PF_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pf_document_save_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
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
pf_document_get_etag (PfDocument *self)
{
  g_return_val_if_fail (PF_IS_DOCUMENT (self), NULL);

  return self->etag;
}

void
pf_document_set_etag (PfDocument *self,
                      const char *etag)
{
  g_return_if_fail (PF_IS_DOCUMENT (self));

  g_free (self->etag);
  self->etag = g_strdup (etag);
}

/**
 * pf_document_make_new_project:
 *
 * Turns the document into a new project of its own, as when a sample or a
 * template is opened: a new id, no file, nothing to undo.
 */
void
pf_document_make_new_project (PfDocument *self)
{
  JsonObject *metadata;
  g_autofree char *uuid = g_uuid_string_random ();

  g_return_if_fail (PF_IS_DOCUMENT (self));

  metadata = json_node_get_object (ensure_member (root_object (self), "metadata", JSON_NODE_OBJECT));
  json_object_set_string_member (metadata, "id", uuid);
  pf_document_set_file (self, NULL);
  pf_document_set_etag (self, NULL);
  g_ptr_array_set_size (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);
  notify_undo_state (self);
}

const char *
pf_document_get_id (PfDocument *self)
{
  g_return_val_if_fail (PF_IS_DOCUMENT (self), NULL);

  return pf_document_get_string (self, "metadata", "id");
}

const char *
pf_document_get_title (PfDocument *self)
{
  const char *title;

  g_return_val_if_fail (PF_IS_DOCUMENT (self), NULL);

  title = pf_document_get_string (self, "metadata", "title");
  return title ? title : "";
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
  g_autofree char *title = NULL;

  g_return_val_if_fail (PF_IS_DOCUMENT (self), NULL);

  title = g_strstrip (g_strdup (pf_document_get_title (self)));
  if (title[0] != '\0')
    return g_steal_pointer (&title);

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

gboolean
pf_document_get_modified (PfDocument *self)
{
  g_return_val_if_fail (PF_IS_DOCUMENT (self), FALSE);

  return self->modified;
}

/**
 * pf_document_set_modified:
 *
 * Marks the document as holding changes that are not in its file, as when
 * a draft is recovered, or as saved.
 */
void
pf_document_set_modified (PfDocument *self,
                          gboolean    modified)
{
  g_return_if_fail (PF_IS_DOCUMENT (self));

  modified = !!modified;
  if (self->modified != modified)
    {
      self->modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
}

const char *
pf_document_get_actor (PfDocument *self)
{
  g_return_val_if_fail (PF_IS_DOCUMENT (self), NULL);

  return self->actor;
}

/**
 * pf_document_set_actor:
 *
 * Names who makes the following changes in the audit trail.
 */
void
pf_document_set_actor (PfDocument *self,
                       const char *actor)
{
  g_return_if_fail (PF_IS_DOCUMENT (self));
  g_return_if_fail (actor != NULL);

  g_free (self->actor);
  self->actor = g_strdup (actor);
}

JsonObject *
pf_document_get_root (PfDocument *self)
{
  g_return_val_if_fail (PF_IS_DOCUMENT (self), NULL);

  /* Whoever looks at the whole tree sees the whole audit trail. */
  materialize_audit (self);
  return root_object (self);
}

/**
 * pf_document_get_value:
 *
 * Returns: (transfer none) (nullable): the value of @field of @object
 */
JsonNode *
pf_document_get_value (PfDocument *self,
                       const char *object,
                       const char *field)
{
  JsonObject *target;

  g_return_val_if_fail (PF_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (field != NULL, NULL);

  if (!(target = resolve_object (self, object, FALSE, NULL)))
    return NULL;

  return json_object_get_member (target, field);
}

const char *
pf_document_get_string (PfDocument *self,
                        const char *object,
                        const char *field)
{
  JsonNode *value = pf_document_get_value (self, object, field);

  if (value == NULL || !JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (value);
}

static gboolean
values_equal (JsonNode *a,
              JsonNode *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return json_node_equal (a, b);
}

/**
 * pf_document_set_value:
 * @object: "metadata", "answers/<question id>" or "<register>/<record id>"
 * @value: the new value; not taken
 *
 * Changes one field. Setting a value equal to the current one changes
 * nothing and records nothing.
 */
gboolean
pf_document_set_value (PfDocument  *self,
                       const char  *object,
                       const char  *field,
                       JsonNode    *value,
                       GError     **error)
{
  const PfRegister *reg = NULL;
  JsonObject *target;
  JsonNode *old_value;
  Edit *edit;

  g_return_val_if_fail (PF_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (object != NULL, FALSE);
  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (!check_writable (self, error))
    return FALSE;

  if (g_str_equal (field, "id"))
    {
      g_set_error_literal (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_REFUSED,
                           _("A record's id cannot be changed"));
      return FALSE;
    }

  target = resolve_object (self, object, FALSE, &reg);
  if (target == NULL && !g_str_has_prefix (object, "answers/") && !g_str_equal (object, "metadata"))
    {
      g_set_error (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_NOT_FOUND,
                   _("There is no “%s” in the project"), object);
      return FALSE;
    }

  if (reg != NULL)
    {
      const PfField *schema_field = pf_register_find_field (reg, field);
      g_autofree char *path = g_strconcat (object, ".", field, NULL);

      if (schema_field != NULL && !pf_field_check_value (schema_field, value, path, error))
        return FALSE;
    }

  old_value = target ? json_object_get_member (target, field) : NULL;
  if (values_equal (old_value, value))
    return TRUE;

  edit = g_new0 (Edit, 1);
  edit->kind = EDIT_SET;
  edit->object = g_strdup (object);
  edit->field = g_strdup (field);
  edit->old_value = old_value ? pf_json_node_copy_deep (old_value) : NULL;
  edit->new_value = pf_json_node_copy_deep (value);
  pf_document_commit (self, edit);

  return TRUE;
}

gboolean
pf_document_set_string (PfDocument  *self,
                        const char  *object,
                        const char  *field,
                        const char  *value,
                        GError     **error)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (value != NULL, FALSE);

  node = json_node_init_string (json_node_alloc (), value);
  return pf_document_set_value (self, object, field, node, error);
}

static void
stamp_answer (PfDocument *self,
              const char *object)
{
  JsonObject *answer = resolve_object (self, object, TRUE, NULL);
  g_autofree char *now = pf_audit_dup_time_now ();

  /* Who answered last is bookkeeping, not an edit of its own. */
  json_object_set_string_member (answer, "changed-by", self->actor);
  json_object_set_string_member (answer, "changed-at", now);
}

/**
 * pf_document_set_answer:
 *
 * Answers @question with @value, replacing a "not applicable".
 */
gboolean
pf_document_set_answer (PfDocument  *self,
                        const char  *question,
                        JsonNode    *value,
                        GError     **error)
{
  g_autofree char *object = NULL;
  g_autoptr(JsonNode) no = NULL;
  JsonNode *flag;
  gboolean ok;

  g_return_val_if_fail (PF_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (question != NULL && question[0] != '\0', FALSE);

  object = g_strconcat ("answers/", question, NULL);
  flag = pf_document_get_value (self, object, "not-applicable");
  if (flag != NULL && (!JSON_NODE_HOLDS_VALUE (flag) || !json_node_get_boolean (flag)))
    flag = NULL;
  if (flag == NULL && values_equal (pf_document_get_value (self, object, "value"), value))
    return TRUE;

  if (flag == NULL)
    {
      /* Alone, so that typing an answer folds into one undo step. */
      ok = pf_document_set_value (self, object, "value", value, error);
    }
  else
    {
      pf_document_begin_group (self);
      ok = pf_document_set_value (self, object, "value", value, error);
      if (ok)
        {
          no = json_node_init_boolean (json_node_alloc (), FALSE);
          ok = pf_document_set_value (self, object, "not-applicable", no, error);
        }
      pf_document_end_group (self);
    }

  if (ok)
    stamp_answer (self, object);

  return ok;
}

/**
 * pf_document_set_not_applicable:
 * @justification: why the question does not apply; required
 */
gboolean
pf_document_set_not_applicable (PfDocument  *self,
                                const char  *question,
                                const char  *justification,
                                GError     **error)
{
  g_autofree char *object = NULL;
  g_autofree char *trimmed = NULL;
  g_autoptr(JsonNode) yes = NULL;
  gboolean ok;

  g_return_val_if_fail (PF_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (question != NULL && question[0] != '\0', FALSE);

  trimmed = g_strstrip (g_strdup (justification ? justification : ""));
  if (trimmed[0] == '\0')
    {
      g_set_error_literal (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_REFUSED,
                           _("“Not applicable” needs a written justification"));
      return FALSE;
    }

  if (!check_writable (self, error))
    return FALSE;

  object = g_strconcat ("answers/", question, NULL);
  yes = json_node_init_boolean (json_node_alloc (), TRUE);

  pf_document_begin_group (self);
  ok = pf_document_set_value (self, object, "not-applicable", yes, error) &&
       pf_document_set_string (self, object, "justification", justification, error);
  pf_document_end_group (self);

  if (ok)
    stamp_answer (self, object);

  return ok;
}

/**
 * pf_document_get_records:
 *
 * Returns: (transfer none) (nullable): the records of @register_id, or
 *   %NULL for a register that does not exist
 */
JsonArray *
pf_document_get_records (PfDocument *self,
                         const char *register_id)
{
  JsonArray *records;

  g_return_val_if_fail (PF_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (register_id != NULL, NULL);

  if (pf_schema_find_register (register_id) == NULL || self->root == NULL)
    return NULL;

  records = register_array (self, register_id, FALSE);
  return records ? records : empty_array ();
}

JsonObject *
pf_document_get_record (PfDocument *self,
                        const char *register_id,
                        const char *record_id)
{
  JsonArray *records;
  int index;

  g_return_val_if_fail (PF_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (record_id != NULL, NULL);

  if (!(records = pf_document_get_records (self, register_id)) ||
      (index = find_record_index (self, records, record_id)) < 0)
    return NULL;

  return json_array_get_object_element (records, index);
}

/**
 * pf_document_get_latest_record:
 * @register_id: a register whose records carry a time, e.g. "dataset-scans"
 * @time_field: that time's field, e.g. "scanned-at"
 *
 * Returns: (transfer none) (nullable): the record of the latest time (of
 *   equal times, the last), or %NULL for an empty register
 */
JsonObject *
pf_document_get_latest_record (PfDocument *self,
                               const char *register_id,
                               const char *time_field)
{
  JsonArray *records;
  JsonObject *latest = NULL;
  const char *latest_time = NULL;

  g_return_val_if_fail (PF_IS_DOCUMENT (self), NULL);

  if (!(records = pf_document_get_records (self, register_id)))
    return NULL;

  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      JsonObject *record = pf_json_array_get_object (records, i);
      const char *time;

      if (record == NULL)
        continue;
      /* ISO 8601 UTC times of one form sort as strings. */
      time = pf_json_object_get_string (record, time_field, "");
      if (latest == NULL || g_strcmp0 (time, latest_time) >= 0)
        {
          latest = record;
          latest_time = time;
        }
    }

  return latest;
}

static char *
next_record_id (PfDocument *self,
                JsonArray  *records,
                const char *prefix)
{
  RecordIndex *index = ensure_record_index (self, records);
  guint64 *next = g_hash_table_lookup (index->next_number, prefix);
  gsize len = strlen (prefix);

  /* One more than the largest number used, so ids are never reused even
   * after removals in between. The index remembers it per prefix. */
  if (next == NULL)
    {
      guint n = json_array_get_length (records);

      next = g_new (guint64, 1);
      *next = 1;
      for (guint i = 0; i < n; i++)
        {
          const char *id = record_id_at (records, i);

          if (id != NULL && strncmp (id, prefix, len) == 0 && id[len] == '-')
            {
              guint64 number = g_ascii_strtoull (id + len + 1, NULL, 10);

              /* A hand-edited file may hold the largest number: then no
               * number is free, and a random one never clashes. */
              *next = number == G_MAXUINT64 ? G_MAXUINT64 : MAX (*next, number + 1);
              if (*next == G_MAXUINT64)
                break;
            }
        }
      g_hash_table_insert (index->next_number, g_strdup (prefix), next);
    }

  if (*next == G_MAXUINT64)
    {
      g_autofree char *uuid = g_uuid_string_random ();

      return g_strdup_printf ("%s-%s", prefix, uuid);
    }

  return g_strdup_printf ("%s-%" G_GUINT64_FORMAT, prefix, *next);
}

/* Appends a record of @reg with default values and @id, as an edit. */
static void
append_new_record (PfDocument       *self,
                   const PfRegister *reg,
                   JsonArray        *records,
                   const char       *id)
{
  Edit *edit = g_new0 (Edit, 1);

  edit->kind = EDIT_INSERT;
  edit->object = g_strdup (reg->id);
  edit->new_value = json_node_init_object (json_node_alloc (), pf_register_new_record (reg, id));
  json_object_unref (json_node_get_object (edit->new_value));
  edit->index = json_array_get_length (records);
  pf_document_commit (self, edit);
}

/**
 * pf_document_add_record:
 *
 * Appends a record with default values to @register_id.
 *
 * Returns: (transfer full): the new record's id
 */
char *
pf_document_add_record (PfDocument  *self,
                        const char  *register_id,
                        GError     **error)
{
  const PfRegister *reg;
  JsonArray *records;
  char *id;

  g_return_val_if_fail (PF_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (register_id != NULL, NULL);

  if (!check_writable (self, error))
    return NULL;

  if (!(reg = pf_schema_find_register (register_id)))
    {
      g_set_error (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_NOT_FOUND,
                   _("There is no register “%s”"), register_id);
      return NULL;
    }

  records = register_array (self, reg->id, TRUE);
  id = next_record_id (self, records, reg->id_prefix);
  append_new_record (self, reg, records, id);

  return id;
}

/**
 * pf_document_add_record_with_id:
 *
 * Appends a record with default values and the id @record_id to
 * @register_id, for registers whose records are named by something else,
 * like the ML Test Score's one record per test of the catalog.
 *
 * Returns: %FALSE with PF_DOCUMENT_ERROR_REFUSED when the id is taken or
 *   cannot name a record
 */
gboolean
pf_document_add_record_with_id (PfDocument  *self,
                                const char  *register_id,
                                const char  *record_id,
                                GError     **error)
{
  const PfRegister *reg;
  JsonArray *records;

  g_return_val_if_fail (PF_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (register_id != NULL, FALSE);
  g_return_val_if_fail (record_id != NULL, FALSE);

  if (!check_writable (self, error))
    return FALSE;

  if (!(reg = pf_schema_find_register (register_id)))
    {
      g_set_error (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_NOT_FOUND,
                   _("There is no register “%s”"), register_id);
      return FALSE;
    }

  /* A slash would make the record's object path ambiguous. */
  if (record_id[0] == '\0' || strchr (record_id, '/') != NULL || !g_utf8_validate (record_id, -1, NULL))
    {
      g_set_error (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_REFUSED,
                   _("“%s” cannot be the id of a record"), record_id);
      return FALSE;
    }

  records = register_array (self, reg->id, TRUE);
  if (find_record_index (self, records, record_id) >= 0)
    {
      g_set_error (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_REFUSED,
                   _("There is already a record “%s” in “%s”"), record_id, reg->id);
      return FALSE;
    }

  append_new_record (self, reg, records, record_id);

  return TRUE;
}

gboolean
pf_document_remove_record (PfDocument  *self,
                           const char  *register_id,
                           const char  *record_id,
                           GError     **error)
{
  JsonArray *records;
  int index;
  Edit *edit;

  g_return_val_if_fail (PF_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (register_id != NULL, FALSE);
  g_return_val_if_fail (record_id != NULL, FALSE);

  if (!check_writable (self, error))
    return FALSE;

  if (!(records = pf_document_get_records (self, register_id)) ||
      (index = find_record_index (self, records, record_id)) < 0)
    {
      g_set_error (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_NOT_FOUND,
                   _("There is no “%s/%s” in the project"), register_id, record_id);
      return FALSE;
    }

  edit = g_new0 (Edit, 1);
  edit->kind = EDIT_REMOVE;
  edit->object = g_strdup (register_id);
  edit->old_value = pf_json_node_copy_deep (json_array_get_element (records, index));
  edit->index = index;
  pf_document_commit (self, edit);

  return TRUE;
}

static JsonObject *
current_question_version (PfDocument *self)
{
  JsonNode *node = json_object_get_member (root_object (self), "business-question");
  JsonArray *history;
  guint n;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  history = json_node_get_array (node);
  if ((n = json_array_get_length (history)) == 0)
    return NULL;

  return json_array_get_object_element (history, n - 1);
}

/**
 * pf_document_get_business_question_history:
 *
 * Returns: (transfer none): every version of the business question, oldest
 *   first, each with its question, success criterion, reason, author and time
 */
JsonArray *
pf_document_get_business_question_history (PfDocument *self)
{
  JsonArray *history;

  g_return_val_if_fail (PF_IS_DOCUMENT (self), NULL);

  history = top_array (self, "business-question", FALSE);
  return history ? history : empty_array ();
}

const char *
pf_document_get_business_question (PfDocument *self)
{
  JsonObject *version;

  g_return_val_if_fail (PF_IS_DOCUMENT (self), NULL);

  version = current_question_version (self);
  return version ? json_object_get_string_member_with_default (version, "question", "") : "";
}

const char *
pf_document_get_success_criterion (PfDocument *self)
{
  JsonObject *version;

  g_return_val_if_fail (PF_IS_DOCUMENT (self), NULL);

  version = current_question_version (self);
  return version ? json_object_get_string_member_with_default (version, "success-criterion", "") : "";
}

/**
 * pf_document_change_business_question:
 * @reason: why it changed; required once a question was recorded
 *
 * Records a new version of the business question and its success
 * criterion. Every version is kept, with its author, time and reason.
 */
gboolean
pf_document_change_business_question (PfDocument  *self,
                                      const char  *question,
                                      const char  *success_criterion,
                                      const char  *reason,
                                      GError     **error)
{
  JsonObject *version;
  JsonArray *history;
  g_autofree char *trimmed = NULL;
  g_autofree char *id = NULL;
  g_autofree char *now = NULL;
  Edit *edit;

  g_return_val_if_fail (PF_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (question != NULL, FALSE);

  if (!check_writable (self, error))
    return FALSE;

  if (success_criterion == NULL)
    success_criterion = "";

  version = current_question_version (self);
  if (version != NULL &&
      g_strcmp0 (json_object_get_string_member_with_default (version, "question", ""), question) == 0 &&
      g_strcmp0 (json_object_get_string_member_with_default (version, "success-criterion", ""), success_criterion) == 0)
    return TRUE;

  trimmed = g_strstrip (g_strdup (reason ? reason : ""));
  if (version != NULL && trimmed[0] == '\0')
    {
      g_set_error_literal (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_REFUSED,
                           _("Changing the business question needs a reason"));
      return FALSE;
    }

  history = container_array (self, "business-question");
  id = next_record_id (self, history, "version");
  now = pf_audit_dup_time_now ();

  version = json_object_new ();
  json_object_set_string_member (version, "id", id);
  json_object_set_string_member (version, "question", question);
  json_object_set_string_member (version, "success-criterion", success_criterion);
  json_object_set_string_member (version, "reason", trimmed);
  json_object_set_string_member (version, "author", self->actor);
  json_object_set_string_member (version, "time", now);

  edit = g_new0 (Edit, 1);
  edit->kind = EDIT_INSERT;
  edit->object = g_strdup ("business-question");
  edit->new_value = json_node_init_object (json_node_alloc (), version);
  json_object_unref (version);
  edit->index = json_array_get_length (history);
  pf_document_commit (self, edit);

  return TRUE;
}

/**
 * pf_document_begin_group:
 *
 * Makes the edits until the matching pf_document_end_group() one undo step,
 * such as setting a verdict on many features at once. Groups nest.
 */
void
pf_document_begin_group (PfDocument *self)
{
  g_return_if_fail (PF_IS_DOCUMENT (self));

  if (self->group_depth++ == 0)
    self->open_group = edit_group_new ();
}

void
pf_document_end_group (PfDocument *self)
{
  EditGroup *group;

  g_return_if_fail (PF_IS_DOCUMENT (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth > 0)
    return;

  group = g_steal_pointer (&self->open_group);
  if (group->edits->len == 0)
    {
      edit_group_free (group);
      return;
    }

  g_ptr_array_add (self->undo_stack, group);
  notify_undo_state (self);
}

gboolean
pf_document_can_undo (PfDocument *self)
{
  g_return_val_if_fail (PF_IS_DOCUMENT (self), FALSE);

  return !self->read_only && self->undo_stack->len > 0;
}

gboolean
pf_document_can_redo (PfDocument *self)
{
  g_return_val_if_fail (PF_IS_DOCUMENT (self), FALSE);

  return !self->read_only && self->redo_stack->len > 0;
}

static void
replay_group (PfDocument *self,
              EditGroup  *group,
              gboolean    inverse)
{
  const char *action = inverse ? "undo" : "redo";

  if (inverse)
    {
      for (guint i = group->edits->len; i > 0; i--)
        {
          Edit *edit = g_ptr_array_index (group->edits, i - 1);

          apply_edit (self, edit, TRUE);
          announce_edit (self, edit, TRUE, action);
        }
    }
  else
    {
      for (guint i = 0; i < group->edits->len; i++)
        {
          Edit *edit = g_ptr_array_index (group->edits, i);

          apply_edit (self, edit, FALSE);
          announce_edit (self, edit, FALSE, action);
        }
    }
}

/**
 * pf_document_dup_undo_changes:
 * @redo: %TRUE for the step pf_document_redo() would replay, %FALSE for
 *   the one pf_document_undo() would revert
 *
 * Returns: (transfer full) (element-type utf8) (nullable): what that step
 *   touches, as distinct "object field" strings (just "object" for a
 *   record added or removed), the form pf_document_get_sign_off_state()
 *   gives; %NULL when there is no such step
 */
GPtrArray *
pf_document_dup_undo_changes (PfDocument *self,
                              gboolean    redo)
{
  GPtrArray *stack;
  EditGroup *group;
  GPtrArray *changes;

  g_return_val_if_fail (PF_IS_DOCUMENT (self), NULL);

  stack = redo ? self->redo_stack : self->undo_stack;
  if (stack->len == 0)
    return NULL;

  group = g_ptr_array_index (stack, stack->len - 1);
  changes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < group->edits->len; i++)
    {
      Edit *edit = g_ptr_array_index (group->edits, i);
      g_autofree char *object = edit_audit_object (edit);
      char *change;

      if (edit->field != NULL && edit->field[0] != '\0')
        change = g_strconcat (object, " ", edit->field, NULL);
      else
        change = g_steal_pointer (&object);

      if (g_ptr_array_find_with_equal_func (changes, change, g_str_equal, NULL))
        g_free (change);
      else
        g_ptr_array_add (changes, change);
    }

  return changes;
}

/**
 * pf_document_undo:
 *
 * Reverts the newest undo step. The audit trail is never rewound: undoing
 * is recorded as a change of its own.
 */
gboolean
pf_document_undo (PfDocument *self)
{
  EditGroup *group;

  g_return_val_if_fail (PF_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->group_depth == 0, FALSE);

  if (!pf_document_can_undo (self))
    return FALSE;

  group = g_ptr_array_steal_index (self->undo_stack, self->undo_stack->len - 1);
  replay_group (self, group, TRUE);
  g_ptr_array_add (self->redo_stack, group);
  notify_undo_state (self);

  return TRUE;
}

gboolean
pf_document_redo (PfDocument *self)
{
  EditGroup *group;

  g_return_val_if_fail (PF_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->group_depth == 0, FALSE);

  if (!pf_document_can_redo (self))
    return FALSE;

  group = g_ptr_array_steal_index (self->redo_stack, self->redo_stack->len - 1);
  replay_group (self, group, FALSE);
  group->time = 0; /* a redone step never absorbs the next edit */
  g_ptr_array_add (self->undo_stack, group);
  notify_undo_state (self);

  return TRUE;
}

JsonArray *
pf_document_get_sign_offs (PfDocument *self)
{
  JsonArray *sign_offs;

  g_return_val_if_fail (PF_IS_DOCUMENT (self), NULL);

  sign_offs = top_array (self, "sign-offs", FALSE);
  return sign_offs ? sign_offs : empty_array ();
}

static JsonObject *
find_sign_off (PfDocument *self,
               const char *id)
{
  JsonArray *sign_offs = pf_document_get_sign_offs (self);
  int index = find_record_index (self, sign_offs, id);

  return index >= 0 ? json_array_get_object_element (sign_offs, index) : NULL;
}

static gboolean
check_signer (const char  *name,
              const char  *role,
              GError     **error)
{
  g_autofree char *trimmed_name = g_strstrip (g_strdup (name ? name : ""));
  g_autofree char *trimmed_role = g_strstrip (g_strdup (role ? role : ""));

  if (trimmed_name[0] == '\0' || trimmed_role[0] == '\0')
    {
      g_set_error_literal (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_REFUSED,
                           _("A sign-off record needs the signer's printed name and role"));
      return FALSE;
    }

  return TRUE;
}

static JsonObject *
append_sign_off_record (PfDocument *self,
                        const char *kind,
                        const char *name,
                        const char *role)
{
  JsonArray *sign_offs = top_array (self, "sign-offs", TRUE);
  g_autofree char *id = next_record_id (self, sign_offs, kind);
  g_autofree char *now = pf_audit_dup_time_now ();
  JsonObject *record = json_object_new ();

  json_object_set_string_member (record, "id", id);
  json_object_set_string_member (record, "kind", kind);
  json_object_set_string_member (record, "name", name);
  json_object_set_string_member (record, "role", role);
  json_object_set_string_member (record, "time", now);
  json_array_add_object_element (sign_offs, record);
  note_records_changed (self, sign_offs, TRUE);

  return record;
}

/**
 * pf_document_sign_off:
 * @meaning: "reviewed", "approved", "approved-with-conditions", "rejected"
 *   or "acknowledged"
 * @conditions: (nullable): conditions or a comment
 *
 * Records that @name, as @role, signed the current content of @scope. Not
 * an electronic signature: Preflight verifies no identity.
 *
 * Returns: (transfer full): the new record's id
 */
char *
pf_document_sign_off (PfDocument  *self,
                      const char  *scope,
                      const char  *name,
                      const char  *role,
                      const char  *meaning,
                      const char  *conditions,
                      GError     **error)
{
  JsonObject *record;
  g_autofree char *sha256 = NULL;
  g_autofree char *trimmed_conditions = NULL;
  g_autoptr(JsonNode) node = NULL;
  const char *id;

  g_return_val_if_fail (PF_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (scope != NULL, NULL);
  g_return_val_if_fail (meaning != NULL, NULL);

  if (!check_writable (self, error))
    return NULL;

  if (!pf_scope_is_valid (scope))
    {
      g_set_error (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_NOT_FOUND,
                   _("There is no sign-off scope “%s”"), scope);
      return NULL;
    }

  if (!g_strv_contains (meanings, meaning))
    {
      g_set_error (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_REFUSED,
                   _("“%s” is not a meaning of a sign-off"), meaning);
      return NULL;
    }

  if (!check_signer (name, role, error))
    return NULL;

  trimmed_conditions = g_strstrip (g_strdup (conditions ? conditions : ""));
  if (g_str_equal (meaning, "approved-with-conditions") && trimmed_conditions[0] == '\0')
    {
      g_set_error_literal (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_REFUSED,
                           _("An approval with conditions needs the conditions"));
      return NULL;
    }

  sha256 = pf_scope_content_sha256 (scope, root_object (self));
  record = append_sign_off_record (self, "sign-off", name, role);
  json_object_set_string_member (record, "scope", scope);
  json_object_set_string_member (record, "meaning", meaning);
  json_object_set_string_member (record, "conditions", conditions ? conditions : "");
  json_object_set_string_member (record, "content-sha256", sha256);

  id = json_object_get_string_member (record, "id");
  node = json_node_init_object (json_node_alloc (), record);
  {
    g_autofree char *object = g_strconcat ("sign-offs/", id, NULL);

    pf_document_audit (self, "sign-off", object, NULL, NULL, node, FALSE);
    json_object_set_int_member (record, "audit-seq", pf_document_get_audit_length (self));
    pf_document_mark_changed (self, object, NULL);
  }

  return g_strdup (id);
}

/**
 * pf_document_withdraw_sign_off:
 *
 * Records that the sign-off @sign_off_id no longer holds. The record itself
 * stays.
 *
 * Returns: (transfer full): the withdrawal record's id
 */
char *
pf_document_withdraw_sign_off (PfDocument  *self,
                               const char  *sign_off_id,
                               const char  *name,
                               const char  *role,
                               const char  *comment,
                               GError     **error)
{
  JsonObject *signed_record;
  JsonObject *record;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *object = NULL;

  g_return_val_if_fail (PF_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (sign_off_id != NULL, NULL);

  if (!check_writable (self, error))
    return NULL;

  signed_record = find_sign_off (self, sign_off_id);
  if (signed_record == NULL ||
      g_strcmp0 (json_object_get_string_member_with_default (signed_record, "kind", ""), "sign-off") != 0)
    {
      g_set_error (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_NOT_FOUND,
                   _("There is no sign-off record “%s”"), sign_off_id);
      return NULL;
    }

  if (pf_document_get_sign_off_state (self, sign_off_id, NULL) == PF_SIGN_OFF_WITHDRAWN)
    {
      g_set_error_literal (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_REFUSED,
                           _("The sign-off was already withdrawn"));
      return NULL;
    }

  if (!check_signer (name, role, error))
    return NULL;

  record = append_sign_off_record (self, "withdrawal", name, role);
  json_object_set_string_member (record, "scope", json_object_get_string_member (signed_record, "scope"));
  json_object_set_string_member (record, "meaning", "withdrawn");
  json_object_set_string_member (record, "conditions", comment ? comment : "");
  json_object_set_string_member (record, "withdraws", sign_off_id);

  object = g_strconcat ("sign-offs/", json_object_get_string_member (record, "id"), NULL);
  node = json_node_init_object (json_node_alloc (), record);
  pf_document_audit (self, "withdraw", object, NULL, NULL, node, FALSE);
  pf_document_mark_changed (self, object, NULL);

  return g_strdup (json_object_get_string_member (record, "id"));
}

/* Whether what @entry (the first audit entry about @object and @field
 * after a sign-off) changed is back as it was: its "old" is what was
 * signed. Changed and changed back is not a change. */
static gboolean
change_reverted (PfDocument *self,
                 JsonObject *entry,
                 const char *object,
                 const char *field)
{
  JsonNode *old_value = json_object_get_member (entry, "old");
  JsonNode *new_value = json_object_get_member (entry, "new");
  g_autoptr(JsonNode) record = NULL;
  JsonNode *current = NULL;

  if (old_value == NULL || new_value == NULL)
    return FALSE;

  if (field[0] != '\0')
    {
      current = pf_document_get_value (self, object, field);
    }
  else if (g_str_equal (object, "business-question"))
    {
      /* Versions are only ever added: is the one added still there? */
      JsonArray *history;
      const char *id;

      if (!JSON_NODE_HOLDS_NULL (old_value) || !JSON_NODE_HOLDS_OBJECT (new_value))
        return FALSE;
      id = pf_audit_entry_get_string (json_node_get_object (new_value), "id");
      history = top_array (self, "business-question", FALSE);
      return id == NULL || history == NULL || find_record_index (self, history, id) < 0;
    }
  else
    {
      JsonObject *target = resolve_object (self, object, FALSE, NULL);

      if (target != NULL)
        current = record = json_node_init_object (json_node_alloc (), target);
    }

  if (current == NULL)
    return JSON_NODE_HOLDS_NULL (old_value);

  return json_node_equal (current, old_value);
}

/**
 * pf_document_get_sign_off_state:
 * @changes: (out) (optional) (transfer full): for a stale sign-off, what
 *   changed after signing, as "object field" strings from the audit trail
 *
 * Whether the sign-off still holds: withdrawn, stale (the content of its
 * scope is not what was signed) or current.
 */
PfSignOffState
pf_document_get_sign_off_state (PfDocument  *self,
                                const char  *sign_off_id,
                                GPtrArray  **changes)
{
  JsonArray *sign_offs;
  JsonObject *record;
  const char *scope;
  g_autofree char *sha256 = NULL;
  guint n;

  g_return_val_if_fail (PF_IS_DOCUMENT (self), PF_SIGN_OFF_STALE);
  g_return_val_if_fail (sign_off_id != NULL, PF_SIGN_OFF_STALE);

  if (changes != NULL)
    *changes = NULL;

  if (!(record = find_sign_off (self, sign_off_id)))
    return PF_SIGN_OFF_STALE;

  sign_offs = pf_document_get_sign_offs (self);
  n = json_array_get_length (sign_offs);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *other = json_array_get_object_element (sign_offs, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (other, "withdraws", NULL), sign_off_id) == 0)
        return PF_SIGN_OFF_WITHDRAWN;
    }

  scope = json_object_get_string_member_with_default (record, "scope", "");
  if (!pf_scope_is_valid (scope))
    return PF_SIGN_OFF_STALE;

  sha256 = pf_scope_content_sha256 (scope, root_object (self));
  if (g_strcmp0 (sha256, json_object_get_string_member_with_default (record, "content-sha256", NULL)) == 0)
    return PF_SIGN_OFF_CURRENT;

  if (changes != NULL)
    {
      JsonArray *audit = pf_document_get_audit (self);
      guint n_audit = json_array_get_length (audit);
      gint64 from = json_object_get_int_member_with_default (record, "audit-seq", 0);
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      *changes = g_ptr_array_new_with_free_func (g_free);
      for (guint i = MAX (from, 0); i < n_audit; i++)
        {
          JsonObject *entry = pf_audit_get_entry (audit, i);
          const char *object = pf_audit_entry_get_string (entry, "object");
          const char *field = pf_audit_entry_get_string (entry, "field");
          char *change;

          if (object == NULL || !pf_scope_covers_object (scope, object))
            continue;

          if (field == NULL)
            field = "";
          change = field[0] ? g_strconcat (object, " ", field, NULL) : g_strdup (object);
          if (!g_hash_table_add (seen, change))
            continue;

          if (change_reverted (self, entry, object, field))
            continue;

          g_ptr_array_add (*changes, g_strdup (change));
        }
    }

  return PF_SIGN_OFF_STALE;
}

JsonArray *
pf_document_get_audit (PfDocument *self)
{
  JsonArray *audit;

  g_return_val_if_fail (PF_IS_DOCUMENT (self), NULL);

  materialize_audit (self);
  audit = top_array (self, "audit", FALSE);
  return audit ? audit : empty_array ();
}

/**
 * pf_document_get_audit_read:
 *
 * Whether the audit entries of the file were parsed: a large trail stays
 * text until something needs its entries (pf_document_get_audit(),
 * pf_document_get_root(), the changes of a stale sign-off).
 */
gboolean
pf_document_get_audit_read (PfDocument *self)
{
  g_return_val_if_fail (PF_IS_DOCUMENT (self), FALSE);

  return n_audit_spans (self) == 0;
}

/**
 * pf_document_dup_content_sha256:
 * @scope: a sign-off scope
 *
 * pf_scope_content_sha256() of the document as it is now, without reading
 * the audit trail as pf_document_get_root() does.
 *
 * Returns: (transfer full): the hash a sign-off of @scope would record
 */
char *
pf_document_dup_content_sha256 (PfDocument *self,
                                const char *scope)
{
  g_return_val_if_fail (PF_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (scope != NULL, NULL);

  return pf_scope_content_sha256 (scope, root_object (self));
}

/**
 * pf_document_get_audit_length:
 *
 * The number of audit entries, without reading entries that were not
 * needed yet.
 */
guint
pf_document_get_audit_length (PfDocument *self)
{
  JsonArray *audit;

  g_return_val_if_fail (PF_IS_DOCUMENT (self), 0);

  audit = top_array (self, "audit", FALSE);
  return n_audit_spans (self) + (audit ? json_array_get_length (audit) : 0);
}

/**
 * pf_document_get_audit_broken_at:
 * @problem: (out) (optional) (transfer none): what is wrong there
 *
 * The audit trail as verified when the file was read: 0 when the chain was
 * intact, else the number of the first entry that does not hold. Preflight
 * only appends, so this does not change while the project is open; a
 * broken chain is shown, never repaired.
 */
guint
pf_document_get_audit_broken_at (PfDocument  *self,
                                 const char **problem)
{
  g_return_val_if_fail (PF_IS_DOCUMENT (self), 0);

  if (problem != NULL)
    *problem = self->audit_problem;

  return self->audit_broken_at;
}

const char *
pf_document_get_audit_head (PfDocument *self)
{
  JsonArray *audit;
  guint n;

  g_return_val_if_fail (PF_IS_DOCUMENT (self), NULL);

  audit = top_array (self, "audit", FALSE);
  if (audit != NULL && (n = json_array_get_length (audit)) > 0)
    return pf_audit_entry_get_string (pf_audit_get_entry (audit, n - 1), "hash");

  return n_audit_spans (self) > 0 ? self->audit_text_head : NULL;
}

static void pf_document_verify_entries (PfDocument    *self,
                                        guint          n_max,
                                        PfAuditStatus *status);

static void
store_audit_status (PfDocument    *self,
                    PfAuditStatus *status)
{
  self->audit_broken_at = status->broken_at;
  g_free (self->audit_problem);
  self->audit_problem = g_strdup (status->problem);

  if (!self->audit_verified)
    {
      self->audit_verified = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUDIT_VERIFIED]);
    }
}

/**
 * pf_document_verify_audit:
 * @status: (out caller-allocates) (optional): the result; clear it with
 *   pf_audit_status_clear()
 *
 * Verifies the audit trail now, and keeps the result for
 * pf_document_get_audit_broken_at().
 */
void
pf_document_verify_audit (PfDocument    *self,
                          PfAuditStatus *status)
{
  PfAuditStatus local = { 0 };

  g_return_if_fail (PF_IS_DOCUMENT (self));

  pf_document_verify_entries (self, G_MAXUINT, &local);
  store_audit_status (self, &local);

  if (status != NULL)
    *status = local;
  else
    pf_audit_status_clear (&local);
}

static void
object_unref_nullable (gpointer object)
{
  if (object != NULL)
    json_object_unref (object);
}

/* The first @n_max entries, as text where they are still text, each with a
 * reference held in @keep so that a worker thread may read them. */
static GArray *
collect_audit_sources (PfDocument *self,
                       guint       n_max,
                       GPtrArray  *keep)
{
  GArray *sources = g_array_new (FALSE, TRUE, sizeof (PfAuditSource));
  JsonArray *audit = top_array (self, "audit", FALSE);
  guint n_array = audit ? json_array_get_length (audit) : 0;

  for (guint i = 0; i < n_audit_spans (self) && sources->len < n_max; i++)
    {
      const PfJsonSpan *span = &g_array_index (self->audit_spans, PfJsonSpan, i);
      PfAuditSource source = { NULL, (const char *)g_bytes_get_data (self->audit_text, NULL) + span->offset, span->length };

      g_array_append_val (sources, source);
    }

  for (guint i = 0; i < n_array && sources->len < n_max; i++)
    {
      PfAuditSource source = { pf_audit_get_entry (audit, i), NULL, 0 };

      if (source.object != NULL)
        g_ptr_array_add (keep, json_object_ref (source.object));
      g_array_append_val (sources, source);
    }

  return sources;
}

static void
pf_document_verify_entries (PfDocument    *self,
                            guint          n_max,
                            PfAuditStatus *status)
{
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (object_unref_nullable);
  g_autoptr(GArray) sources = collect_audit_sources (self, n_max, keep);

  pf_audit_verify_sources ((const PfAuditSource *)(gpointer)sources->data, sources->len, status);
}

typedef struct
{
  GBytes    *text;     /* keeps the sources' text alive */
  GPtrArray *keep;     /* and their parsed entries */
  GArray    *sources;
} VerifyData;

static void
verify_data_free (VerifyData *data)
{
  g_clear_pointer (&data->text, g_bytes_unref);
  g_clear_pointer (&data->keep, g_ptr_array_unref);
  g_clear_pointer (&data->sources, g_array_unref);
  g_free (data);
}

static void
audit_status_free (PfAuditStatus *status)
{
  pf_audit_status_clear (status);
  g_free (status);
}

static void
verify_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  VerifyData *data = task_data;
  PfAuditStatus *status = g_new0 (PfAuditStatus, 1);

  pf_audit_verify_sources ((const PfAuditSource *)(gpointer)data->sources->data, data->sources->len, status);
  g_task_return_pointer (task, status, (GDestroyNotify)audit_status_free);
}

/**
 * pf_document_verify_audit_async:
 *
 * Verifies, in worker threads, the audit entries that were read from the
 * file; entries added since are Preflight's own.
 */
void
pf_document_verify_audit_async (PfDocument          *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  VerifyData *data;

  g_return_if_fail (PF_IS_DOCUMENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pf_document_verify_audit_async);

  /* Sealed entries are never changed again, so the worker may read them
   * while the main thread adds (and amends) newer ones. */
  data = g_new0 (VerifyData, 1);
  data->text = self->audit_text ? g_bytes_ref (self->audit_text) : NULL;
  data->keep = g_ptr_array_new_with_free_func (object_unref_nullable);
  data->sources = collect_audit_sources (self, self->n_sealed_audit, data->keep);

  g_task_set_task_data (task, data, (GDestroyNotify)verify_data_free);
  g_task_run_in_thread (task, verify_thread);
}

/**
 * pf_document_verify_audit_finish:
 * @status: (out caller-allocates) (optional): the result
 */
gboolean
pf_document_verify_audit_finish (PfDocument     *self,
                                 GAsyncResult   *result,
                                 PfAuditStatus  *status,
                                 GError        **error)
{
  PfAuditStatus *found;

  g_return_val_if_fail (PF_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  /* The entries were referenced for the worker: let go of them here, on
   * the main thread, which alone changes their reference counts. */
  {
    VerifyData *data = g_task_get_task_data (G_TASK (result));

    g_clear_pointer (&data->keep, g_ptr_array_unref);
  }

  if (!(found = g_task_propagate_pointer (G_TASK (result), error)))
    return FALSE;

  store_audit_status (self, found);
  if (status != NULL)
    *status = *found;
  else
    pf_audit_status_clear (found);
  g_free (found);

  return TRUE;
}

/**
 * pf_document_get_audit_verified:
 *
 * Whether the audit trail was verified since the project was read.
 */
gboolean
pf_document_get_audit_verified (PfDocument *self)
{
  g_return_val_if_fail (PF_IS_DOCUMENT (self), FALSE);

  return self->audit_verified;
}

/**
 * pf_document_record_event:
 * @action: what happened, e.g. "export" or "import"
 * @detail: (nullable): e.g. the exported file's name
 *
 * Appends an audit entry for something that happened to the project
 * without changing its content.
 */
void
pf_document_record_event (PfDocument *self,
                          const char *action,
                          const char *object,
                          const char *detail)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_if_fail (PF_IS_DOCUMENT (self));
  g_return_if_fail (action != NULL);

  if (self->read_only)
    return;

  if (detail != NULL)
    node = json_node_init_string (json_node_alloc (), detail);
  pf_document_audit (self, action, object, NULL, NULL, node, FALSE);
  pf_document_mark_changed (self, object ? object : "", NULL);
}
