/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pf-document.h"

G_BEGIN_DECLS

typedef enum
{
  PF_SCAN_SUMMARY_DATA,     /* rows, target balance, duplicates, columns, parse problems */
  PF_SCAN_SUMMARY_PRIVACY,  /* personal-data columns, re-identification */
} PfScanSummaryKind;

#define PF_TYPE_SCAN_SUMMARY_GROUP (pf_scan_summary_group_get_type ())

G_DECLARE_FINAL_TYPE (PfScanSummaryGroup, pf_scan_summary_group, PF, SCAN_SUMMARY_GROUP, AdwPreferencesGroup)

GtkWidget *pf_scan_summary_group_new          (PfScanSummaryKind   kind);
void       pf_scan_summary_group_set_document (PfScanSummaryGroup *self,
                                               PfDocument         *document);

G_END_DECLS
