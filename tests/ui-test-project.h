/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pf-application.h"
#include "pf-window.h"

G_BEGIN_DECLS

/* UI test helpers that know Preflight's application and windows; the
 * generic ones are in ui-test-util.h. */

PfWindow   *ui_test_active_window      (PfApplication *app);
gboolean    ui_test_has_document       (gpointer       window);
PfWindow   *ui_test_new_project_window (PfApplication *app);
PfWindow   *ui_test_new_window_as      (PfApplication *app,
                                        const char    *actor);
void        ui_test_destroy_window     (PfWindow      *window);

G_END_DECLS
