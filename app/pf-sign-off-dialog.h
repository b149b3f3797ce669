/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pf-catalog.h"
#include "pf-document.h"

G_BEGIN_DECLS

#define PF_TYPE_SIGN_OFF_DIALOG (pf_sign_off_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PfSignOffDialog, pf_sign_off_dialog, PF, SIGN_OFF_DIALOG, AdwMessageDialog)

GtkWidget  *pf_sign_off_dialog_new            (GtkWindow       *parent,
                                               PfCatalog       *catalog,
                                               PfDocument      *document,
                                               const char      *scope,
                                               const char      *name,
                                               const char      *role);
PfDocument *pf_sign_off_dialog_get_document   (PfSignOffDialog *self);
const char *pf_sign_off_dialog_get_scope      (PfSignOffDialog *self);
const char *pf_sign_off_dialog_get_name       (PfSignOffDialog *self);
const char *pf_sign_off_dialog_get_role       (PfSignOffDialog *self);
const char *pf_sign_off_dialog_get_meaning    (PfSignOffDialog *self);
char       *pf_sign_off_dialog_dup_conditions (PfSignOffDialog *self);

G_END_DECLS
