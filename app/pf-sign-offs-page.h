/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pf-catalog.h"
#include "pf-document.h"

G_BEGIN_DECLS

#define PF_TYPE_SIGN_OFFS_PAGE (pf_sign_offs_page_get_type ())

G_DECLARE_FINAL_TYPE (PfSignOffsPage, pf_sign_offs_page, PF, SIGN_OFFS_PAGE, AdwBin)

GtkWidget  *pf_sign_offs_page_new          (PfCatalog      *catalog,
                                            GSettings      *settings);
PfDocument *pf_sign_offs_page_get_document (PfSignOffsPage *self);
void        pf_sign_offs_page_set_document (PfSignOffsPage *self,
                                            PfDocument     *document);

G_END_DECLS
