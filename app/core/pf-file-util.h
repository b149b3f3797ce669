/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char *pf_file_dup_display_folder (GFile *file);
char *pf_file_dup_project_name   (GFile *file);

G_END_DECLS
