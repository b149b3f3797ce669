/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pf-application.h"
#include "pf-document.h"

G_BEGIN_DECLS

#define PF_TYPE_WINDOW (pf_window_get_type ())

G_DECLARE_FINAL_TYPE (PfWindow, pf_window, PF, WINDOW, AdwApplicationWindow)

PfWindow   *pf_window_new               (PfApplication *application);
PfDocument *pf_window_get_document      (PfWindow      *self);
void        pf_window_set_document      (PfWindow      *self,
                                         PfDocument    *document);
gboolean    pf_window_is_busy           (PfWindow      *self);
gboolean    pf_window_holds_file        (PfWindow      *self,
                                         GFile         *file);
void        pf_window_open_file         (PfWindow      *self,
                                         GFile         *file);
void        pf_window_open_resource     (PfWindow      *self,
                                         const char    *resource_path);
const char *pf_window_get_visible_page  (PfWindow      *self);
gboolean    pf_window_show_page         (PfWindow      *self,
                                         const char    *page_id);
gboolean    pf_window_show_question     (PfWindow      *self,
                                         const char    *question_id);
gboolean    pf_window_show_record       (PfWindow      *self,
                                         const char    *register_id,
                                         const char    *record_id);
void        pf_window_show_error        (PfWindow      *self,
                                         const char    *heading,
                                         const char    *body);

G_END_DECLS
