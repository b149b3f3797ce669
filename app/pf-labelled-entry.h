/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *pf_labelled_entry_append (GtkWidget  *box,
                                     const char *label_text,
                                     const char *text,
                                     const char *name,
                                     GCallback   changed_cb,
                                     gpointer    user_data);

G_END_DECLS
