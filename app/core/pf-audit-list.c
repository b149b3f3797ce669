/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pf-audit-list.h"

/* Details longer than this are cut in a list: the file keeps them whole. */
#define MAX_DETAIL_CHARS 240

struct _PfAuditItem
{
  GObject     parent_instance;

  JsonObject *entry;
  char       *hash;
  char       *detail;    /* made when first asked for */
  char       *haystack;  /* casefolded text to search, likewise */
};

G_DEFINE_FINAL_TYPE (PfAuditItem, pf_audit_item, G_TYPE_OBJECT)

struct _PfAuditList
{
  GObject     parent_instance;

  PfDocument *document;
  JsonArray  *audit;
  /* Items by index in the trail, oldest first; NULL until asked for. */
  GPtrArray  *items;
};

static void pf_audit_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PfAuditList, pf_audit_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, pf_audit_list_model_init))

static void
pf_audit_item_finalize (GObject *object)
{
  PfAuditItem *self = (PfAuditItem *)object;

  g_clear_pointer (&self->entry, json_object_unref);
  g_clear_pointer (&self->hash, g_free);
  g_clear_pointer (&self->detail, g_free);
  g_clear_pointer (&self->haystack, g_free);

  G_OBJECT_CLASS (pf_audit_item_parent_class)->finalize (object);
}

static void
pf_audit_item_class_init (PfAuditItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pf_audit_item_finalize;
}

static void
pf_audit_item_init (PfAuditItem *self)
{
}

static PfAuditItem *
pf_audit_item_new (JsonObject *entry)
{
  PfAuditItem *self = g_object_new (PF_TYPE_AUDIT_ITEM, NULL);

  self->entry = entry ? json_object_ref (entry) : json_object_new ();
  self->hash = g_strdup (pf_audit_entry_get_string (self->entry, "hash"));

  return self;
}

static const char *
entry_string (PfAuditItem *self,
              const char  *name)
{
  const char *text = pf_audit_entry_get_string (self->entry, name);

  return text ? text : "";
}

gint64
pf_audit_item_get_seq (PfAuditItem *self)
{
  JsonNode *node;

  g_return_val_if_fail (PF_IS_AUDIT_ITEM (self), 0);

  node = json_object_get_member (self->entry, "seq");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;

  return json_node_get_int (node);
}

const char *
pf_audit_item_get_time (PfAuditItem *self)
{
  g_return_val_if_fail (PF_IS_AUDIT_ITEM (self), NULL);

  return entry_string (self, "time");
}

const char *
pf_audit_item_get_actor (PfAuditItem *self)
{
  g_return_val_if_fail (PF_IS_AUDIT_ITEM (self), NULL);

  return entry_string (self, "actor");
}

const char *
pf_audit_item_get_action (PfAuditItem *self)
{
  g_return_val_if_fail (PF_IS_AUDIT_ITEM (self), NULL);

  return entry_string (self, "action");
}

const char *
pf_audit_item_get_object (PfAuditItem *self)
{
  g_return_val_if_fail (PF_IS_AUDIT_ITEM (self), NULL);

  return entry_string (self, "object");
}

const char *
pf_audit_item_get_field (PfAuditItem *self)
{
  g_return_val_if_fail (PF_IS_AUDIT_ITEM (self), NULL);

  return entry_string (self, "field");
}

/* A record added, removed or signed reads as what names it: its fields
 * are in the entries that follow. */
static char *
record_text (JsonObject *record)
{
  static const char * const names[] = { "name", "title", "statement", "question", "file-name" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char *text = pf_audit_entry_get_string (record, names[i]);

      if (text != NULL && text[0] != '\0')
        return g_strdup (text);
    }

  return NULL;
}

/* A value on one line: strings as they are, records by name, anything
 * else as JSON. */
static char *
value_text (JsonNode *node)
{
  char *text;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    text = g_strdup (json_node_get_string (node));
  else if (JSON_NODE_HOLDS_OBJECT (node) && json_object_has_member (json_node_get_object (node), "id"))
    return record_text (json_node_get_object (node));
  else
    text = json_to_string (node, FALSE);

  g_strdelimit (text, "\n\r\t", ' ');
  return text;
}

/**
 * pf_audit_item_get_detail:
 *
 * Returns: what changed, as "old → new", or the new value alone
 */
const char *
pf_audit_item_get_detail (PfAuditItem *self)
{
  g_return_val_if_fail (PF_IS_AUDIT_ITEM (self), NULL);

  if (self->detail == NULL)
    {
      g_autofree char *old_text = value_text (json_object_get_member (self->entry, "old"));
      g_autofree char *new_text = value_text (json_object_get_member (self->entry, "new"));
      g_autofree char *detail = NULL;

      if (old_text == NULL || old_text[0] == '\0')
        detail = g_strdup (new_text ? new_text : "");
      else if (new_text == NULL)
        /* Translators: an audit entry's old value, which has no new one. */
        detail = g_strdup_printf (_("was %s"), old_text);
      else
        /* Translators: an audit entry's old and new value. */
        detail = g_strdup_printf (_("%s → %s"), old_text, new_text[0] ? new_text : _("“”"));

      if (g_utf8_strlen (detail, -1) > MAX_DETAIL_CHARS)
        {
          g_autofree char *cut = g_utf8_substring (detail, 0, MAX_DETAIL_CHARS);

          self->detail = g_strconcat (cut, "…", NULL);
        }
      else
        self->detail = g_steal_pointer (&detail);
    }

  return self->detail;
}

/**
 * pf_audit_item_matches_text:
 * @folded_text: what to look for, casefolded with g_utf8_casefold()
 *
 * Returns: whether the entry's actor, action, object, field or detail
 *   holds @folded_text, whatever the case
 */
gboolean
pf_audit_item_matches_text (PfAuditItem *self,
                            const char  *folded_text)
{
  g_return_val_if_fail (PF_IS_AUDIT_ITEM (self), FALSE);

  if (folded_text == NULL || folded_text[0] == '\0')
    return TRUE;

  if (self->haystack == NULL)
    {
      g_autofree char *text = g_strjoin ("\n",
                                         entry_string (self, "actor"),
                                         entry_string (self, "action"),
                                         pf_audit_action_get_title (entry_string (self, "action")),
                                         entry_string (self, "object"),
                                         entry_string (self, "field"),
                                         pf_audit_item_get_detail (self),
                                         NULL);

      self->haystack = g_utf8_casefold (text, -1);
    }

  return strstr (self->haystack, folded_text) != NULL;
}

static GType
pf_audit_list_get_item_type (GListModel *model)
{
  return PF_TYPE_AUDIT_ITEM;
}

static guint
pf_audit_list_get_n_items (GListModel *model)
{
  return PF_AUDIT_LIST (model)->items->len;
}

static gpointer
pf_audit_list_get_item (GListModel *model,
                        guint       position)
{
  PfAuditList *self = PF_AUDIT_LIST (model);
  guint index;

  if (position >= self->items->len)
    return NULL;

  /* Newest first. */
  index = self->items->len - 1 - position;
  if (g_ptr_array_index (self->items, index) == NULL)
    g_ptr_array_index (self->items, index) = pf_audit_item_new (pf_audit_get_entry (self->audit, index));

  return g_object_ref (g_ptr_array_index (self->items, index));
}

static void
pf_audit_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = pf_audit_list_get_item_type;
  iface->get_n_items = pf_audit_list_get_n_items;
  iface->get_item = pf_audit_list_get_item;
}

static void
document_changed_cb (PfAuditList *self,
                     const char  *object,
                     const char  *field,
                     PfDocument  *document)
{
  pf_audit_list_update (self);
}

/* Slots not yet asked for are NULL, which g_object_unref() refuses. */
static void
item_free (gpointer item)
{
  if (item != NULL)
    g_object_unref (item);
}

static void
pf_audit_list_dispose (GObject *object)
{
  PfAuditList *self = (PfAuditList *)object;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, document_changed_cb, self);
  g_clear_object (&self->document);
  g_clear_pointer (&self->audit, json_array_unref);

  G_OBJECT_CLASS (pf_audit_list_parent_class)->dispose (object);
}

static void
pf_audit_list_finalize (GObject *object)
{
  PfAuditList *self = (PfAuditList *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (pf_audit_list_parent_class)->finalize (object);
}

static void
pf_audit_list_class_init (PfAuditListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pf_audit_list_dispose;
  object_class->finalize = pf_audit_list_finalize;
}

static void
pf_audit_list_init (PfAuditList *self)
{
  self->items = g_ptr_array_new_with_free_func (item_free);
}

/**
 * pf_audit_list_new:
 *
 * Reads the whole audit trail of @document: make the list when it is
 * shown, not when the project opens.
 */
PfAuditList *
pf_audit_list_new (PfDocument *document)
{
  PfAuditList *self;

  g_return_val_if_fail (PF_IS_DOCUMENT (document), NULL);

  self = g_object_new (PF_TYPE_AUDIT_LIST, NULL);
  self->document = g_object_ref (document);
  g_signal_connect_swapped (document, "changed", G_CALLBACK (document_changed_cb), self);
  self->audit = json_array_ref (pf_document_get_audit (document));
  g_ptr_array_set_size (self->items, json_array_get_length (self->audit));

  return self;
}

PfDocument *
pf_audit_list_get_document (PfAuditList *self)
{
  g_return_val_if_fail (PF_IS_AUDIT_LIST (self), NULL);

  return self->document;
}

/**
 * pf_audit_list_update:
 *
 * Announces entries appended since the last look, and the newest entry
 * when typing amended it in place. The document's ::changed calls this.
 */
void
pf_audit_list_update (PfAuditList *self)
{
  JsonArray *audit;
  guint n_old, n_new;

  g_return_if_fail (PF_IS_AUDIT_LIST (self));

  if (self->document == NULL)
    return;

  audit = pf_document_get_audit (self->document);
  if (audit != self->audit)
    {
      /* Not expected: the document keeps one array. Start over. */
      n_old = self->items->len;
      g_clear_pointer (&self->audit, json_array_unref);
      self->audit = json_array_ref (audit);
      g_ptr_array_set_size (self->items, 0);
      g_ptr_array_set_size (self->items, json_array_get_length (audit));
      g_list_model_items_changed (G_LIST_MODEL (self), 0, n_old, self->items->len);
      return;
    }

  n_old = self->items->len;
  n_new = json_array_get_length (audit);

  if (n_new > n_old)
    {
      g_ptr_array_set_size (self->items, n_new);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, n_new - n_old);
    }
  else if (n_new == n_old && n_new > 0)
    {
      PfAuditItem *newest = g_ptr_array_index (self->items, n_new - 1);
      JsonObject *entry = pf_audit_get_entry (audit, n_new - 1);

      /* An amended entry has a new hash. */
      if (newest != NULL && g_strcmp0 (newest->hash, pf_audit_entry_get_string (entry, "hash")) != 0)
        {
          g_clear_object (&g_ptr_array_index (self->items, n_new - 1));
          g_list_model_items_changed (G_LIST_MODEL (self), 0, 1, 1);
        }
    }
}

/**
 * pf_audit_action_get_title:
 *
 * Returns: how an audit action reads in a list; an unknown action as it is
 */
const char *
pf_audit_action_get_title (const char *action)
{
  static const struct {
    const char *id;
    const char *title;
  } titles[] = {
    /* Translators: audit trail actions, as a list shows them. */
    { "set", NC_("audit action", "Changed") },
    { "add", NC_("audit action", "Added") },
    { "remove", NC_("audit action", "Removed") },
    { "undo", NC_("audit action", "Undone") },
    { "redo", NC_("audit action", "Redone") },
    { "sign-off", NC_("audit action", "Signed off") },
    { "withdraw", NC_("audit action", "Withdrawn") },
    { "import", NC_("audit action", "Imported") },
    { "export", NC_("audit action", "Exported") },
  };

  g_return_val_if_fail (action != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      if (g_str_equal (action, titles[i].id))
        return g_dpgettext2 (GETTEXT_PACKAGE, "audit action", titles[i].title);
    }

  return action;
}
