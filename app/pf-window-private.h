/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pf-find-bar.h"
#include "pf-overview-page.h"
#include "pf-phase-page.h"
#include "pf-welcome-page.h"
#include "pf-window.h"

G_BEGIN_DECLS

/* Shared by pf-window.c (pages and navigation), pf-window-document.c
 * (saving, drafts, undo and closing), pf-window-sign-off.c (the
 * sign-off action), pf-window-export.c (exporting the report) and
 * pf-window-scan.c (scanning a dataset). */

struct _PfWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  PfWelcomePage        *welcome_page;
  AdwLeaflet           *leaflet;
  AdwHeaderBar         *sidebar_header;
  GtkLabel             *project_title;
  GtkLabel             *project_location;
  GtkListBox           *sidebar;
  AdwHeaderBar         *content_header;
  AdwWindowTitle       *page_title;
  GtkButton            *back_button;
  GtkStack             *page_stack;
  PfFindBar            *find_bar;

  /* Borrowed references */
  PfOverviewPage       *overview_page;
  PfPhasePage          *phase_pages[PF_N_PHASES];

  /* Owned references */
  GSettings            *settings;
  PfDocument           *document;
  GSignalGroup         *document_signals;
  GFile                *loading_file;
  GCancellable         *cancellable;
  /* Borrowed: the toast of the last undo or redo while it shows. */
  AdwToast             *undo_toast;
  gint64                undo_toast_shown;
  /* Borrowed: the offer to set a name for the audit trail while it shows. */
  AdwToast             *name_toast;

  guint                 draft_source;
  guint                 progress_source;
  /* Close once the save under way succeeds. */
  guint                 close_after_save : 1;
  guint                 saving : 1;
};

void     _pf_window_update_title            (PfWindow *self);
void     _pf_window_update_progress         (PfWindow *self);
void     _pf_window_queue_update_progress   (PfWindow *self);
void     _pf_window_update_actions          (PfWindow *self);
void     _pf_window_document_init           (PfWindow *self);
void     _pf_window_document_attach         (PfWindow *self);
void     _pf_window_document_dispose        (PfWindow *self);
void     _pf_window_update_document_actions (PfWindow *self);
gboolean _pf_window_document_close_request  (PfWindow *self);
void     _pf_window_sign_off_init           (PfWindow *self);
void     _pf_window_sign_off_update_actions (PfWindow *self);
void     _pf_window_export_init             (PfWindow *self);
void     _pf_window_export_update_actions   (PfWindow *self);
void     _pf_window_scan_init               (PfWindow *self);
void     _pf_window_scan_update_actions     (PfWindow *self);

G_END_DECLS
