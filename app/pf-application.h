/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pf-catalog.h"

G_BEGIN_DECLS

#define PF_TYPE_APPLICATION (pf_application_get_type ())

G_DECLARE_FINAL_TYPE (PfApplication, pf_application, PF, APPLICATION, AdwApplication)

PfApplication *pf_application_new          (GApplicationFlags  flags);
void           pf_application_add_recent   (PfApplication     *self,
                                            GFile             *file);
void           pf_application_offer_drafts (PfApplication     *self);
PfCatalog     *pf_application_get_catalog  (PfApplication     *self);
GFile         *pf_application_get_catalog_file (PfApplication *self);
char          *pf_application_take_catalog_problem (PfApplication *self);
gboolean       pf_application_load_catalog (PfApplication     *self,
                                            GFile             *file,
                                            GError           **error);
gboolean       pf_application_load_catalog_or_explain (PfApplication *self,
                                            GFile             *file,
                                            GtkWindow         *parent);
void           pf_application_choose_catalog (PfApplication   *self,
                                            GtkWindow         *parent);

G_END_DECLS
