/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pf-catalog.h"
#include "pf-document.h"
#include "pf-search.h"

G_BEGIN_DECLS

/* The results listed; more are reported, for a narrower search. */
#define PF_FIND_BAR_MAX_RESULTS PF_SEARCH_DEFAULT_LIMIT

#define PF_TYPE_FIND_BAR (pf_find_bar_get_type ())

G_DECLARE_FINAL_TYPE (PfFindBar, pf_find_bar, PF, FIND_BAR, AdwBin)

void      pf_find_bar_set_project (PfFindBar  *self,
                                   PfCatalog  *catalog,
                                   PfDocument *document);
void      pf_find_bar_open        (PfFindBar  *self);
void      pf_find_bar_close       (PfFindBar  *self);
gboolean  pf_find_bar_is_open     (PfFindBar  *self);

G_END_DECLS
