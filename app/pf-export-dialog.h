/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pf-catalog.h"
#include "pf-document.h"
#include "pf-report.h"

G_BEGIN_DECLS

#define PF_TYPE_EXPORT_DIALOG (pf_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PfExportDialog, pf_export_dialog, PF, EXPORT_DIALOG, AdwWindow)

GtkWidget      *pf_export_dialog_new            (GtkWindow      *parent,
                                                 PfCatalog      *catalog,
                                                 PfDocument     *document);
PfDocument     *pf_export_dialog_get_document   (PfExportDialog *self);
PfReportFormat  pf_export_dialog_get_format     (PfExportDialog *self);
void            pf_export_dialog_set_format     (PfExportDialog *self,
                                                 PfReportFormat  format);
PfPaper         pf_export_dialog_get_paper      (PfExportDialog *self);
void            pf_export_dialog_export_to_file (PfExportDialog *self,
                                                 GFile          *file);
gboolean        pf_export_dialog_get_busy       (PfExportDialog *self);
const char     *pf_export_dialog_get_anchor     (PfExportDialog *self);

G_END_DECLS
