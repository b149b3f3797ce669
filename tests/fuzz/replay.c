/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the fuzz target on every file of the folders (or files) named on the
 * command line, or in $PF_FUZZ_REPLAY_PATHS (separated by ':'), without
 * libFuzzer: the seed corpus and every crash found so far stay fixed in the
 * normal test suite. A broken invariant aborts; the last "replay:" line on
 * stderr names the file.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib.h>

#include "fuzz-document.h"

static gboolean
replay_file (const char *path,
             guint      *n_files)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      fprintf (stderr, "replay: %s\n", error->message);
      return FALSE;
    }

  fprintf (stderr, "replay: %s (%" G_GSIZE_FORMAT " bytes)\n", path, length);
  fflush (stderr);
  LLVMFuzzerTestOneInput ((const guint8 *)contents, length);
  (*n_files)++;

  return TRUE;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

static gboolean
replay_path (const char *path,
             guint      *n_files)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  gboolean ok = TRUE;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    return replay_file (path, n_files);

  if (!(dir = g_dir_open (path, 0, &error)))
    {
      fprintf (stderr, "replay: %s\n", error->message);
      return FALSE;
    }

  /* In name order, so that runs are the same everywhere. */
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)))
    {
      /* The folders' READMEs and hidden files are not inputs. */
      if (name[0] == '.' || g_str_has_prefix (name, "README"))
        continue;
      g_ptr_array_add (names, g_build_filename (path, name, NULL));
    }
  g_ptr_array_sort (names, compare_paths);

  for (guint i = 0; i < names->len; i++)
    {
      const char *child = g_ptr_array_index (names, i);

      if (!g_file_test (child, G_FILE_TEST_IS_REGULAR))
        continue;
      ok &= replay_file (child, n_files);
    }

  return ok;
}

int
main (int   argc,
      char *argv[])
{
  g_auto(GStrv) env_paths = NULL;
  gboolean ok = TRUE;
  guint n_files = 0;

  if (argc > 1)
    {
      for (int i = 1; i < argc; i++)
        ok &= replay_path (argv[i], &n_files);
    }
  else if (g_getenv ("PF_FUZZ_REPLAY_PATHS"))
    {
      env_paths = g_strsplit (g_getenv ("PF_FUZZ_REPLAY_PATHS"), G_SEARCHPATH_SEPARATOR_S, -1);
      for (guint i = 0; env_paths[i]; i++)
        {
          if (env_paths[i][0] != '\0')
            ok &= replay_path (env_paths[i], &n_files);
        }
    }
  else
    {
      fprintf (stderr, "usage: %s FOLDER-OR-FILE… (or set PF_FUZZ_REPLAY_PATHS)\n", argv[0]);
      return 2;
    }

  printf ("replayed %u inputs\n", n_files);
  if (n_files == 0)
    {
      fprintf (stderr, "replay: no inputs found\n");
      return 1;
    }

  return ok ? 0 : 1;
}
