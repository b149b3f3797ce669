/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pf-audit.h"
#include "pf-json.h"

static const char *get_string (JsonObject *entry,
                               const char *name);

void
pf_audit_status_clear (PfAuditStatus *status)
{
  g_clear_pointer (&status->head, g_free);
  g_clear_pointer (&status->problem, g_free);
  status->n_entries = 0;
  status->broken_at = 0;
}

/**
 * pf_audit_get_entry:
 *
 * Returns: (transfer none) (nullable): entry @index, or %NULL when it is
 *   not an object (a damaged file)
 */
JsonObject *
pf_audit_get_entry (JsonArray *audit,
                    guint      index)
{
  JsonNode *element;

  g_return_val_if_fail (audit != NULL, NULL);

  if (index >= json_array_get_length (audit))
    return NULL;

  element = json_array_get_element (audit, index);
  return JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
}

/**
 * pf_audit_entry_get_string:
 * @entry: (nullable): an entry
 *
 * Returns: (nullable): the member @name of @entry if it is a string: entries
 *   are not checked when a file is read, their verification is
 */
const char *
pf_audit_entry_get_string (JsonObject *entry,
                           const char *name)
{
  return entry ? get_string (entry, name) : NULL;
}

static const char *
get_string (JsonObject *entry,
            const char *name)
{
  JsonNode *node = json_object_get_member (entry, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static void
pf_audit_entry_unref (JsonObject *entry)
{
  if (entry != NULL)
    json_object_unref (entry);
}

static char *
entry_hash (JsonObject *entry)
{
  /* Everything in the entry but its own hash, the previous hash included. */
  return pf_json_object_canonical_sha256_without (entry, "hash");
}

/* Entries hashed per thread at the least: below that a thread costs more
 * than it saves. */
#define ENTRIES_PER_THREAD 2000

typedef struct
{
  JsonObject **entries;
  char       **hashes;
  guint        begin;
  guint        end;
} HashRange;

static gpointer
hash_range_thread (gpointer data)
{
  HashRange *range = data;

  for (guint i = range->begin; i < range->end; i++)
    {
      if (range->entries[i] != NULL)
        range->hashes[i] = entry_hash (range->entries[i]);
    }

  return NULL;
}

/* Hashes every entry, on all cores: the entries are only read. */
static char **
hash_entries (JsonObject **entries,
              guint        n)
{
  char **hashes = g_new0 (char *, n + 1);
  guint n_threads = CLAMP (n / ENTRIES_PER_THREAD, 1, MIN (g_get_num_processors (), 8));
  GThread *threads[8] = { NULL };
  HashRange ranges[8];

  for (guint t = 0; t < n_threads; t++)
    {
      ranges[t] = (HashRange) { entries, hashes, n * t / n_threads, n * (t + 1) / n_threads };
      if (t > 0)
        threads[t] = g_thread_new ("pf-audit-verify", hash_range_thread, &ranges[t]);
    }

  hash_range_thread (&ranges[0]);
  for (guint t = 1; t < n_threads; t++)
    g_thread_join (threads[t]);

  return hashes;
}

/**
 * pf_audit_verify_entries:
 * @entries: (array length=n): the entries, %NULL for an element that is not an object
 *
 * Checks every entry's number, link to the previous entry and hash, and
 * reports the first one that does not hold. Only reads @entries, so it may
 * run in any thread while nobody changes them.
 */
void
pf_audit_verify_entries (JsonObject    **entries,
                         guint           n,
                         PfAuditStatus  *status)
{
  const char *prev = PF_AUDIT_GENESIS;
  char **hashes;

  g_return_if_fail (status != NULL);
  g_return_if_fail (entries != NULL || n == 0);

  pf_audit_status_clear (status);
  status->n_entries = n;
  hashes = hash_entries (entries, n);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *entry = entries[i];
      JsonNode *seq;
      const char *stored_prev;
      const char *stored_hash;

      if (entry == NULL)
        {
          status->broken_at = i + 1;
          status->problem = g_strdup (_("the entry is not an object"));
          break;
        }

      seq = json_object_get_member (entry, "seq");
      if (seq == NULL || !JSON_NODE_HOLDS_VALUE (seq) || json_node_get_value_type (seq) != G_TYPE_INT64 ||
          json_node_get_int (seq) != (gint64)i + 1)
        {
          status->broken_at = i + 1;
          status->problem = g_strdup (_("the entry is out of sequence: an entry was removed or inserted"));
          break;
        }

      stored_prev = get_string (entry, "prev");
      if (g_strcmp0 (stored_prev, prev) != 0)
        {
          status->broken_at = i + 1;
          status->problem = g_strdup (_("the entry does not link to the entry before it"));
          break;
        }

      stored_hash = get_string (entry, "hash");
      if (g_strcmp0 (stored_hash, hashes[i]) != 0)
        {
          status->broken_at = i + 1;
          status->problem = g_strdup (_("the entry was changed after it was written"));
          break;
        }

      prev = stored_hash;
    }

  if (n > 0 && entries[n - 1] != NULL)
    status->head = g_strdup (get_string (entries[n - 1], "hash"));

  /* Not g_strfreev(): an entry that is not an object leaves a hole. */
  for (guint i = 0; i < n; i++)
    g_free (hashes[i]);
  g_free (hashes);
}

/**
 * pf_audit_dup_entries:
 *
 * Returns: (transfer full): the entries of @audit, each referenced, %NULL
 *   for an element that is not an object; for pf_audit_verify_entries()
 */
GPtrArray *
pf_audit_dup_entries (JsonArray *audit)
{
  guint n = audit ? json_array_get_length (audit) : 0;
  GPtrArray *entries = g_ptr_array_new_full (n, (GDestroyNotify)pf_audit_entry_unref);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (audit, i);

      g_ptr_array_add (entries, JSON_NODE_HOLDS_OBJECT (element) ? json_object_ref (json_node_get_object (element)) : NULL);
    }

  return entries;
}

void
pf_audit_verify (JsonArray     *audit,
                 PfAuditStatus *status)
{
  g_autoptr(GPtrArray) entries = pf_audit_dup_entries (audit);

  pf_audit_verify_entries ((JsonObject **)entries->pdata, entries->len, status);
}

/**
 * pf_audit_seal_entry:
 *
 * Computes @entry's hash from everything else it holds. Called on a new
 * entry, and on the newest entry when it is amended (typing coalesced into
 * one change) before anything was saved after it.
 */
void
pf_audit_seal_entry (JsonObject *entry)
{
  g_autofree char *hash = NULL;

  json_object_remove_member (entry, "hash");
  hash = entry_hash (entry);
  json_object_set_string_member (entry, "hash", hash);
}

/**
 * pf_audit_append:
 * @old_value: (nullable): the value before the change; not taken
 * @new_value: (nullable): the value after it; not taken
 *
 * Returns: (transfer none): the new entry, already sealed
 */
JsonObject *
pf_audit_append (JsonArray  *audit,
                 const char *time,
                 const char *actor,
                 const char *action,
                 const char *object,
                 const char *field,
                 JsonNode   *old_value,
                 JsonNode   *new_value)
{
  guint n = json_array_get_length (audit);
  const char *prev = PF_AUDIT_GENESIS;
  JsonObject *entry;

  if (n > 0)
    {
      const char *last = get_string (json_array_get_object_element (audit, n - 1), "hash");

      if (last != NULL)
        prev = last;
    }

  entry = json_object_new ();
  json_object_set_int_member (entry, "seq", n + 1);
  json_object_set_string_member (entry, "time", time);
  json_object_set_string_member (entry, "actor", actor ? actor : "");
  json_object_set_string_member (entry, "action", action);
  json_object_set_string_member (entry, "object", object ? object : "");
  json_object_set_string_member (entry, "field", field ? field : "");
  /* Deep copies: an entry must not change when the project changes. */
  json_object_set_member (entry, "old", old_value ? pf_json_node_copy_deep (old_value) : json_node_new (JSON_NODE_NULL));
  json_object_set_member (entry, "new", new_value ? pf_json_node_copy_deep (new_value) : json_node_new (JSON_NODE_NULL));
  json_object_set_string_member (entry, "prev", prev);
  pf_audit_seal_entry (entry);

  json_array_add_object_element (audit, entry);

  return entry;
}

gboolean
pf_audit_contains_hash (JsonArray  *audit,
                        const char *hash)
{
  guint n = audit ? json_array_get_length (audit) : 0;

  g_return_val_if_fail (hash != NULL, FALSE);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (audit, i);

      if (JSON_NODE_HOLDS_OBJECT (element) &&
          g_strcmp0 (get_string (json_node_get_object (element), "hash"), hash) == 0)
        return TRUE;
    }

  return FALSE;
}

/* UTC to the millisecond, so that entries sort and read the same everywhere. */
char *
pf_audit_dup_time_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                          g_date_time_get_year (now),
                          g_date_time_get_month (now),
                          g_date_time_get_day_of_month (now),
                          g_date_time_get_hour (now),
                          g_date_time_get_minute (now),
                          g_date_time_get_second (now),
                          g_date_time_get_microsecond (now) / 1000);
}
