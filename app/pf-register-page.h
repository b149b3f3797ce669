/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pf-document.h"

G_BEGIN_DECLS

#define PF_TYPE_REGISTER_PAGE (pf_register_page_get_type ())

G_DECLARE_FINAL_TYPE (PfRegisterPage, pf_register_page, PF, REGISTER_PAGE, AdwBin)

GtkWidget     *pf_register_page_new              (const char     *register_id);
const char    *pf_register_page_get_register_id  (PfRegisterPage *self);
PfDocument    *pf_register_page_get_document     (PfRegisterPage *self);
void           pf_register_page_set_document     (PfRegisterPage *self,
                                                  PfDocument     *document);
gboolean       pf_register_page_select_record    (PfRegisterPage *self,
                                                  const char     *record_id);
void           pf_register_page_import_file      (PfRegisterPage *self,
                                                  GFile          *file);
GtkColumnView *pf_register_page_get_column_view  (PfRegisterPage *self);
GListModel    *pf_register_page_get_model        (PfRegisterPage *self);
const char    *pf_register_page_get_record_id    (PfRegisterPage *self,
                                                  guint           position);
GtkWindow     *pf_register_page_edit_record      (PfRegisterPage *self,
                                                  const char     *record_id);

G_END_DECLS
