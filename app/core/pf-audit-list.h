/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pf-document.h"

G_BEGIN_DECLS

/* The audit trail of a document as a GListModel, newest entry first, for
 * lists that show thousands of entries: an item is made only when asked
 * for, and appended or amended entries are announced as they happen. */

#define PF_TYPE_AUDIT_ITEM (pf_audit_item_get_type ())

G_DECLARE_FINAL_TYPE (PfAuditItem, pf_audit_item, PF, AUDIT_ITEM, GObject)

#define PF_TYPE_AUDIT_LIST (pf_audit_list_get_type ())

G_DECLARE_FINAL_TYPE (PfAuditList, pf_audit_list, PF, AUDIT_LIST, GObject)

gint64      pf_audit_item_get_seq          (PfAuditItem *self);
const char *pf_audit_item_get_time         (PfAuditItem *self);
const char *pf_audit_item_get_actor        (PfAuditItem *self);
const char *pf_audit_item_get_action       (PfAuditItem *self);
const char *pf_audit_item_get_object       (PfAuditItem *self);
const char *pf_audit_item_get_field        (PfAuditItem *self);
const char *pf_audit_item_get_detail       (PfAuditItem *self);
gboolean    pf_audit_item_matches_text     (PfAuditItem *self,
                                            const char  *folded_text);

PfAuditList *pf_audit_list_new             (PfDocument  *document);
PfDocument  *pf_audit_list_get_document    (PfAuditList *self);
void         pf_audit_list_update          (PfAuditList *self);

const char  *pf_audit_action_get_title     (const char  *action);

G_END_DECLS
