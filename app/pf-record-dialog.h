/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pf-document.h"

G_BEGIN_DECLS

#define PF_TYPE_RECORD_DIALOG (pf_record_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PfRecordDialog, pf_record_dialog, PF, RECORD_DIALOG, AdwWindow)

PfRecordDialog *pf_record_dialog_new           (PfDocument     *document,
                                                const char     *register_id,
                                                const char     *record_id);
const char     *pf_record_dialog_get_record_id (PfRecordDialog *self);
GtkWidget      *pf_record_dialog_get_field_widget (PfRecordDialog *self,
                                                   const char     *field);

G_END_DECLS
