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

/* Entries checked per thread at the least: below that a thread costs more
 * than it saves. */
#define ENTRIES_PER_THREAD 2000

/* What the check of one entry needs, from a parsed entry or its text. */
typedef struct
{
  gboolean  is_object;
  gboolean  has_seq;
  gint64    seq;
  char     *prev;
  char     *hash;      /* as stored */
  char     *computed;  /* as it should be */
} EntryFacts;

static void
entry_facts_clear (EntryFacts *facts)
{
  g_free (facts->prev);
  g_free (facts->hash);
  g_free (facts->computed);
}

static void
facts_from_object (JsonObject *entry,
                   EntryFacts *facts)
{
  JsonNode *seq;

  if (entry == NULL)
    return;

  facts->is_object = TRUE;
  seq = json_object_get_member (entry, "seq");
  if (seq != NULL && JSON_NODE_HOLDS_VALUE (seq) && json_node_get_value_type (seq) == G_TYPE_INT64)
    {
      facts->has_seq = TRUE;
      facts->seq = json_node_get_int (seq);
    }
  facts->prev = g_strdup (get_string (entry, "prev"));
  facts->hash = g_strdup (get_string (entry, "hash"));
  facts->computed = entry_hash (entry);
}

static void
facts_from_text (const char *text,
                 gsize       length,
                 EntryFacts *facts)
{
  PfJsonTextMember members[] = { { "seq" }, { "prev" }, { "hash" } };

  /* NULL for text that is not an object: then it is not one. */
  if (!(facts->computed = pf_json_text_canonical_sha256_without (text, length, "hash",
                                                                 members, G_N_ELEMENTS (members))))
    return;

  facts->is_object = TRUE;
  if (members[0].value != NULL && members[0].length > 0 && members[0].length < 20)
    {
      char number[21];
      char *end;

      memcpy (number, members[0].value, members[0].length);
      number[members[0].length] = '\0';
      facts->seq = g_ascii_strtoll (number, &end, 10);
      facts->has_seq = *end == '\0' && strpbrk (number, ".eE") == NULL;
    }
  if (members[1].value != NULL)
    facts->prev = pf_json_text_dup_string (members[1].value, members[1].length);
  if (members[2].value != NULL)
    facts->hash = pf_json_text_dup_string (members[2].value, members[2].length);
}

typedef struct
{
  const PfAuditSource *sources;
  EntryFacts          *facts;
  guint                begin;
  guint                end;
} FactsRange;

static gpointer
facts_range_thread (gpointer data)
{
  FactsRange *range = data;

  for (guint i = range->begin; i < range->end; i++)
    {
      const PfAuditSource *source = &range->sources[i];

      if (source->text != NULL)
        facts_from_text (source->text, source->length, &range->facts[i]);
      else
        facts_from_object (source->object, &range->facts[i]);
    }

  return NULL;
}

/**
 * pf_audit_verify_sources:
 * @sources: (array length=n): the entries, oldest first, each parsed or as
 *   the text of the file
 *
 * Checks every entry's number, link to the previous entry and hash, and
 * reports the first one that does not hold. Only reads @sources, on all
 * cores, so it may run in any thread while nobody changes them.
 */
void
pf_audit_verify_sources (const PfAuditSource *sources,
                         guint                n,
                         PfAuditStatus       *status)
{
  const char *prev = PF_AUDIT_GENESIS;
  EntryFacts *facts = g_new0 (EntryFacts, n + 1);
  guint n_threads = CLAMP (n / ENTRIES_PER_THREAD, 1, MIN (g_get_num_processors (), 8));
  GThread *threads[8] = { NULL };
  FactsRange ranges[8];

  g_return_if_fail (status != NULL);
  g_return_if_fail (sources != NULL || n == 0);

  pf_audit_status_clear (status);
  status->n_entries = n;

  for (guint t = 0; t < n_threads; t++)
    {
      ranges[t] = (FactsRange) { sources, facts, n * t / n_threads, n * (t + 1) / n_threads };
      if (t > 0)
        threads[t] = g_thread_new ("pf-audit-verify", facts_range_thread, &ranges[t]);
    }
  facts_range_thread (&ranges[0]);
  for (guint t = 1; t < n_threads; t++)
    g_thread_join (threads[t]);

  for (guint i = 0; i < n; i++)
    {
      if (!facts[i].is_object)
        {
          status->broken_at = i + 1;
          status->problem = g_strdup (_("the entry is not an object"));
          break;
        }

      if (!facts[i].has_seq || facts[i].seq != (gint64)i + 1)
        {
          status->broken_at = i + 1;
          status->problem = g_strdup (_("the entry is out of sequence: an entry was removed or inserted"));
          break;
        }

      if (g_strcmp0 (facts[i].prev, prev) != 0)
        {
          status->broken_at = i + 1;
          status->problem = g_strdup (_("the entry does not link to the entry before it"));
          break;
        }

      if (g_strcmp0 (facts[i].hash, facts[i].computed) != 0)
        {
          status->broken_at = i + 1;
          status->problem = g_strdup (_("the entry was changed after it was written"));
          break;
        }

      prev = facts[i].hash;
    }

  if (n > 0)
    status->head = g_strdup (facts[n - 1].hash);

  for (guint i = 0; i < n; i++)
    entry_facts_clear (&facts[i]);
  g_free (facts);
}

/**
 * pf_audit_verify_entries:
 * @entries: (array length=n): the entries, %NULL for an element that is not an object
 */
void
pf_audit_verify_entries (JsonObject    **entries,
                         guint           n,
                         PfAuditStatus  *status)
{
  g_autofree PfAuditSource *sources = g_new0 (PfAuditSource, n + 1);

  for (guint i = 0; i < n; i++)
    sources[i].object = entries[i];

  pf_audit_verify_sources (sources, n, status);
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
  return pf_audit_append_after (audit, 0, NULL, time, actor, action, object, field, old_value, new_value);
}

/**
 * pf_audit_append_after:
 * @n_before: how many entries come before those of @audit, not parsed yet
 * @prev_before: (nullable): the hash of the last of them
 *
 * pf_audit_append() for a trail whose oldest entries are still text.
 */
JsonObject *
pf_audit_append_after (JsonArray  *audit,
                       guint       n_before,
                       const char *prev_before,
                       const char *time,
                       const char *actor,
                       const char *action,
                       const char *object,
                       const char *field,
                       JsonNode   *old_value,
                       JsonNode   *new_value)
{
  guint n = json_array_get_length (audit);
  const char *prev = n_before > 0 && prev_before != NULL ? prev_before : PF_AUDIT_GENESIS;
  JsonObject *entry;

  if (n > 0)
    {
      const char *last = pf_audit_entry_get_string (pf_audit_get_entry (audit, n - 1), "hash");

      if (last != NULL)
        prev = last;
    }

  entry = json_object_new ();
  json_object_set_int_member (entry, "seq", n_before + n + 1);
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
