/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pf-file-util.h"

#define PROJECT_SUFFIX ".preflight"

/**
 * pf_file_dup_display_folder:
 *
 * The folder holding @file as a person reads it, with the home folder
 * shortened to "~".
 */
char *
pf_file_dup_display_folder (GFile *file)
{
  g_autoptr(GFile) parent = NULL;
  g_autofree char *path = NULL;
  const char *home = g_get_home_dir ();
  gsize home_len = strlen (home);

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!(parent = g_file_get_parent (file)))
    return g_file_get_parse_name (file);

  path = g_file_get_parse_name (parent);
  if (home_len > 1 && g_str_has_prefix (path, home) && (path[home_len] == '/' || path[home_len] == '\0'))
    return g_strconcat ("~", path + home_len, NULL);

  return g_steal_pointer (&path);
}

/**
 * pf_file_dup_project_name:
 *
 * The file's name without the ".preflight" suffix.
 */
char *
pf_file_dup_project_name (GFile *file)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_basename (file);
  if (name == NULL)
    return g_file_get_parse_name (file);

  if (g_str_has_suffix (name, PROJECT_SUFFIX) && strlen (name) > strlen (PROJECT_SUFFIX))
    name[strlen (name) - strlen (PROJECT_SUFFIX)] = '\0';

  return g_steal_pointer (&name);
}
