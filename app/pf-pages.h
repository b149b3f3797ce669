/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The pages of a project window, in sidebar order. */
typedef enum
{
  PF_PAGE_SECTION_PROJECT,
  PF_PAGE_SECTION_PHASES,
  PF_PAGE_SECTION_REGISTERS,
} PfPageSection;

typedef struct _PfPageInfo PfPageInfo;

guint              pf_pages_get_n_pages        (void);
const PfPageInfo  *pf_pages_get_page           (guint             index);
int                pf_pages_find               (const char       *id);

const char        *pf_page_info_get_id          (const PfPageInfo *info);
const char        *pf_page_info_get_title       (const PfPageInfo *info);
const char        *pf_page_info_get_description (const PfPageInfo *info);
const char        *pf_page_info_get_icon_name   (const PfPageInfo *info);
PfPageSection      pf_page_info_get_section     (const PfPageInfo *info);
const char        *pf_page_section_get_title    (PfPageSection     section);

G_END_DECLS
