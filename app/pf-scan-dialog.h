/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pf-document.h"

G_BEGIN_DECLS

#define PF_TYPE_SCAN_DIALOG (pf_scan_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PfScanDialog, pf_scan_dialog, PF, SCAN_DIALOG, AdwWindow)

/* The steps the dialog shows, as the names of its stack's pages. */
#define PF_SCAN_DIALOG_STEP_SETUP    "setup"
#define PF_SCAN_DIALOG_STEP_PROGRESS "progress"
#define PF_SCAN_DIALOG_STEP_DONE     "done"

GtkWidget  *pf_scan_dialog_new           (GtkWindow    *parent,
                                          PfDocument   *document);
PfDocument *pf_scan_dialog_get_document  (PfScanDialog *self);
/* Chooses the file, as the file chooser or a drop does, and reads its
 * columns. */
void        pf_scan_dialog_set_file      (PfScanDialog *self,
                                          GFile        *file);
/* The columns read from the file's header: NULL until they are read. */
const char * const *pf_scan_dialog_get_columns (PfScanDialog *self);
gboolean    pf_scan_dialog_set_target    (PfScanDialog *self,
                                          const char   *column);
gboolean    pf_scan_dialog_set_quasi_identifier (PfScanDialog *self,
                                                 const char   *column,
                                                 gboolean      chosen);
/* Starts the scan (the Scan button). */
void        pf_scan_dialog_start         (PfScanDialog *self);
/* Cancels the scan under way (the Cancel button, Escape). */
void        pf_scan_dialog_cancel        (PfScanDialog *self);
const char *pf_scan_dialog_get_step      (PfScanDialog *self);
/* Bytes read by the scan under way, as last shown. */
guint64     pf_scan_dialog_get_bytes_shown (PfScanDialog *self);
/* The message shown after a failed peek or scan, or NULL. */
const char *pf_scan_dialog_get_error     (PfScanDialog *self);

G_END_DECLS
