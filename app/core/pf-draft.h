/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pf-document.h"

G_BEGIN_DECLS

/* Unsaved changes are written as drafts under the user's data folder a few
 * seconds after each change, removed after a real save, and offered back
 * at the next start when the app did not get to remove them: a crash. */

typedef struct
{
  GFile *draft;       /* the draft file */
  char  *title;       /* the project's display name */
  GFile *file;        /* the project's own file; NULL when never saved */
  char  *written;     /* when the draft was written, ISO 8601 UTC */
} PfDraftInfo;

void        pf_draft_info_free     (PfDraftInfo   *info);
GFile      *pf_draft_get_directory (void);
GFile      *pf_draft_get_file      (PfDocument    *document);
gboolean    pf_draft_write         (PfDocument    *document,
                                    GCancellable  *cancellable,
                                    GError       **error);
gboolean    pf_draft_remove        (PfDocument    *document,
                                    GError       **error);
GPtrArray  *pf_draft_list          (void);
PfDocument *pf_draft_load          (GFile         *draft,
                                    GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PfDraftInfo, pf_draft_info_free)

G_END_DECLS
