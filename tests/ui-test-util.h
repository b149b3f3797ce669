/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void        ui_test_init             (int         *argc,
                                      char      ***argv);
GtkWidget  *ui_test_find_of_type     (GtkWidget   *root,
                                      GType        type);
void        ui_test_wait_ms          (guint        ms);
void        ui_test_wait_until       (gboolean   (*condition) (gpointer),
                                      gpointer     data);
void        ui_test_close_and_wait   (GtkWindow   *window);
GtkWidget  *ui_test_find_widget      (GtkWidget   *root,
                                      const char  *buildable_id);
GtkWindow  *ui_test_find_toplevel    (GType        type);
gboolean    ui_test_is_null          (gpointer     pointer_location);
gboolean    ui_test_is_drawn         (gpointer     widget);
gboolean    ui_test_message_dialog_shown (gpointer  unused);
void        ui_test_screenshot       (GtkWidget   *widget,
                                      const char  *name);
void        ui_test_screenshot_light_and_dark (GtkWidget  *widget,
                                               const char *name);
GtkWidget  *ui_test_find_named       (GtkWidget   *root,
                                      const char  *name);
void        ui_test_spin             (void);
gboolean    ui_test_stack_settled    (gpointer     stack);

G_END_DECLS
