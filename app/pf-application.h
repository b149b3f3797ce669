/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PF_TYPE_APPLICATION (pf_application_get_type ())

G_DECLARE_FINAL_TYPE (PfApplication, pf_application, PF, APPLICATION, AdwApplication)

PfApplication *pf_application_new          (GApplicationFlags  flags);
GSettings     *pf_application_get_settings (PfApplication     *self);
void           pf_application_add_recent   (PfApplication     *self,
                                            GFile             *file);

G_END_DECLS
