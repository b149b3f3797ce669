/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pf-document.h"

G_BEGIN_DECLS

#define PF_TYPE_AUDIT_PAGE (pf_audit_page_get_type ())

G_DECLARE_FINAL_TYPE (PfAuditPage, pf_audit_page, PF, AUDIT_PAGE, AdwBin)

GtkWidget  *pf_audit_page_new          (void);
PfDocument *pf_audit_page_get_document (PfAuditPage *self);
void        pf_audit_page_set_document (PfAuditPage *self,
                                        PfDocument  *document);

G_END_DECLS
