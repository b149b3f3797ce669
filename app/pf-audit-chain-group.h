/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pf-document.h"

G_BEGIN_DECLS

#define PF_TYPE_AUDIT_CHAIN_GROUP (pf_audit_chain_group_get_type ())

G_DECLARE_FINAL_TYPE (PfAuditChainGroup, pf_audit_chain_group, PF, AUDIT_CHAIN_GROUP, AdwPreferencesGroup)

GtkWidget  *pf_audit_chain_group_new          (void);
PfDocument *pf_audit_chain_group_get_document (PfAuditChainGroup *self);
void        pf_audit_chain_group_set_document (PfAuditChainGroup *self,
                                               PfDocument        *document);

G_END_DECLS
