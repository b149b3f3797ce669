/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The audit trail is an array of entries, each holding the hash of the one
 * before it, so that rewriting history shows. Tamper-evident, not
 * tamper-proof: whoever rewrites every hash from the changed entry on is
 * only caught by an anchor (a head hash kept elsewhere). */

#define PF_AUDIT_GENESIS "0000000000000000000000000000000000000000000000000000000000000000"

/* One entry of the trail to verify: parsed, or still the file's text. */
typedef struct
{
  JsonObject *object;
  const char *text;
  gsize       length;
} PfAuditSource;

typedef struct
{
  guint  n_entries;
  guint  broken_at;  /* 0 when intact, else the 1-based number of the first bad entry */
  char  *head;       /* the last entry's hash: the anchor; NULL when empty */
  char  *problem;    /* what is wrong with entry broken_at */
} PfAuditStatus;

void        pf_audit_status_clear    (PfAuditStatus *status);
JsonObject *pf_audit_get_entry       (JsonArray     *audit,
                                      guint          index);
const char *pf_audit_entry_get_string (JsonObject   *entry,
                                      const char    *name);
void        pf_audit_verify          (JsonArray     *audit,
                                      PfAuditStatus *status);
GPtrArray  *pf_audit_dup_entries     (JsonArray     *audit);
void        pf_audit_verify_sources  (const PfAuditSource *sources,
                                      guint          n,
                                      PfAuditStatus *status);
void        pf_audit_verify_entries  (JsonObject   **entries,
                                      guint          n,
                                      PfAuditStatus *status);
JsonObject *pf_audit_append          (JsonArray     *audit,
                                      const char    *time,
                                      const char    *actor,
                                      const char    *action,
                                      const char    *object,
                                      const char    *field,
                                      JsonNode      *old_value,
                                      JsonNode      *new_value);
JsonObject *pf_audit_append_after    (JsonArray     *audit,
                                      guint          n_before,
                                      const char    *prev_before,
                                      const char    *time,
                                      const char    *actor,
                                      const char    *action,
                                      const char    *object,
                                      const char    *field,
                                      JsonNode      *old_value,
                                      JsonNode      *new_value);
void        pf_audit_seal_entry      (JsonObject    *entry);
gboolean    pf_audit_contains_hash   (JsonArray     *audit,
                                      const char    *hash);
char       *pf_audit_dup_time_now    (void);

G_END_DECLS
