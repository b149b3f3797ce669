/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PF_TYPE_WELCOME_PAGE (pf_welcome_page_get_type ())

G_DECLARE_FINAL_TYPE (PfWelcomePage, pf_welcome_page, PF, WELCOME_PAGE, AdwBin)

GtkWidget *pf_welcome_page_new (void);

G_END_DECLS
