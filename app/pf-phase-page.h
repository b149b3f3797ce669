/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pf-catalog.h"
#include "pf-document.h"

G_BEGIN_DECLS

#define PF_TYPE_PHASE_PAGE (pf_phase_page_get_type ())

G_DECLARE_FINAL_TYPE (PfPhasePage, pf_phase_page, PF, PHASE_PAGE, AdwBin)

GtkWidget  *pf_phase_page_new          (PfCatalog      *catalog,
                                        PfPhase         phase);
void        pf_phase_page_set_document (PfPhasePage    *self,
                                        PfDocument     *document);
gboolean    pf_phase_page_focus_question (PfPhasePage  *self,
                                        const char     *question_id);

G_END_DECLS
