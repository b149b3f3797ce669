/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pf-document.h"

G_BEGIN_DECLS

#define PF_TYPE_OVERVIEW_PAGE (pf_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (PfOverviewPage, pf_overview_page, PF, OVERVIEW_PAGE, AdwBin)

GtkWidget  *pf_overview_page_new          (void);
PfDocument *pf_overview_page_get_document (PfOverviewPage *self);
void        pf_overview_page_set_document (PfOverviewPage *self,
                                           PfDocument     *document);

G_END_DECLS
