/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pf-catalog.h"
#include "pf-document.h"

G_BEGIN_DECLS

#define PF_TYPE_TEST_SCORE_PAGE (pf_test_score_page_get_type ())

G_DECLARE_FINAL_TYPE (PfTestScorePage, pf_test_score_page, PF, TEST_SCORE_PAGE, AdwBin)

GtkWidget  *pf_test_score_page_new          (PfCatalog       *catalog);
PfDocument *pf_test_score_page_get_document (PfTestScorePage *self);
void        pf_test_score_page_set_document (PfTestScorePage *self,
                                             PfDocument      *document);

G_END_DECLS
