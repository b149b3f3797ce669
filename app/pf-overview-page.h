/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pf-catalog.h"
#include "pf-document.h"
#include "pf-readiness.h"

G_BEGIN_DECLS

#define PF_TYPE_OVERVIEW_PAGE (pf_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (PfOverviewPage, pf_overview_page, PF, OVERVIEW_PAGE, AdwBin)

GtkWidget         *pf_overview_page_new           (PfCatalog      *catalog);
PfDocument        *pf_overview_page_get_document  (PfOverviewPage *self);
void               pf_overview_page_set_document  (PfOverviewPage *self,
                                                   PfDocument     *document);
void               pf_overview_page_set_catalog   (PfOverviewPage *self,
                                                   PfCatalog      *catalog);
const PfReadiness *pf_overview_page_get_readiness (PfOverviewPage *self);

G_END_DECLS
