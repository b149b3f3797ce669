/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

#include "pf-document.h"
#include "pf-json.h"
#include "test-util.h"

/* Saving: atomic, and never over someone else's changes unless asked. The
 * crash and full-disk cases run in child processes of this same binary,
 * started afresh (fork and exec) with one of the --child-* options. */

static char *self_exe;

/* A project with @n_features features, as text; the same for the same
 * arguments, so that parent and child agree on what each version is. */
static char *
make_big_text (guint       n_features,
               const char *title)
{
  GString *out = g_string_sized_new (n_features * 300);

  g_string_append_printf (out,
                          "{\"format\": \"preflight-project\", \"format-version\": 1,\n"
                          " \"metadata\": {\"id\": \"4f1bd3c5-3f4e-4d2a-9a57-4b0b8c7e2f10\", \"title\": \"%s\"},\n"
                          " \"registers\": {\"features\": [\n", title);
  for (guint i = 1; i <= n_features; i++)
    g_string_append_printf (out,
                            "  {\"id\": \"feature-%u\", \"name\": \"column_%u\", \"description\": \"%s %u\", "
                            "\"source\": \"warehouse.customers\", \"known-at\": \"before\", "
                            "\"target-consequence\": \"no\", \"verdict\": \"keep\", \"reviewer\": \"Ada\", "
                            "\"rationale\": \"Known at prediction time\"}%s\n",
                            i, i, title, i, i < n_features ? "," : "");
  g_string_append (out, " ]}}\n");

  return g_string_free (out, FALSE);
}

static PfDocument *
make_big_document (guint       n_features,
                   const char *title)
{
  g_autofree char *text = make_big_text (n_features, title);
  g_autoptr(GError) error = NULL;
  PfDocument *document = test_load_string (text, &error);

  g_assert_no_error (error);
  return document;
}

/* Large enough that a save takes tens of milliseconds, so that kills land
 * in the middle of one; smaller under AddressSanitizer, where building it
 * takes the time instead. */
#if defined(__SANITIZE_ADDRESS__)
# define BIG_FEATURES 4000
#else
# define BIG_FEATURES 20000
#endif

/* The two versions the crash test saves: B is A with another title. */
static void
make_versions (PfDocument **a,
               PfDocument **b)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root_a = NULL;
  g_autoptr(JsonNode) root_b = NULL;

  *a = make_big_document (BIG_FEATURES, "Version A");
  root_a = json_node_init_object (json_node_alloc (), pf_document_get_root (*a));
  root_b = pf_json_node_copy_deep (root_a);
  *b = pf_document_new_from_node (root_b, &error);
  g_assert_no_error (error);
  json_object_set_string_member (json_object_get_object_member (pf_document_get_root (*b), "metadata"),
                                 "title", "Version B");
}

/* Child: saves version B and version A over @path, alternately, until killed. */
static int
child_save_loop (const char *path)
{
  g_autoptr(PfDocument) a = NULL;
  g_autoptr(PfDocument) b = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);

  make_versions (&a, &b);

  /* Tell the parent the saving starts now. */
  if (write (STDOUT_FILENO, "r", 1) != 1)
    return 3;

  for (guint i = 0; ; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!test_save (i % 2 ? a : b, file, TRUE, &error))
        {
          g_printerr ("save failed: %s\n", error->message);
          return 2;
        }
    }

  return 0;
}

/* Child: with a small file size limit, saves a large project over @path.
 * Exits 0 when the save failed with an error, as it must. */
static int
child_full_disk (const char *path)
{
  g_autoptr(PfDocument) big = make_big_document (2000, "Too big");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  struct rlimit limit = { 64 * 1024, 64 * 1024 };

  signal (SIGXFSZ, SIG_IGN);
  if (setrlimit (RLIMIT_FSIZE, &limit) != 0)
    return 3;

  if (test_save (big, file, TRUE, &error))
    {
      g_printerr ("the save succeeded beyond the file size limit\n");
      return 1;
    }

  g_printerr ("save failed as it should: %s\n", error->message);
  return 0;
}

static void
test_save_basic (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("preflight-save-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "project.preflight", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PfDocument) document = test_build_document (2);
  g_autoptr(PfDocument) loaded = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;
  const char *etag;

  g_assert_no_error (error);
  g_assert_true (pf_document_get_modified (document));
  g_assert_null (pf_document_get_file (document));

  g_assert_true (test_save (document, file, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (pf_document_get_modified (document));
  g_assert_true (g_file_equal (pf_document_get_file (document), file));
  g_assert_nonnull (pf_document_get_etag (document));

  expected = test_serialize (document);
  g_assert_true (test_file_equals (path, expected));

  /* Saving to the document's own file (NULL) after an edit. */
  test_set (document, "metadata", "title", "Second");
  g_assert_true (pf_document_get_modified (document));
  etag = pf_document_get_etag (document);
  g_assert_nonnull (etag);
  g_assert_true (test_save (document, NULL, FALSE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&expected, g_free);
  expected = test_serialize (document);
  g_assert_true (test_file_equals (path, expected));

  /* And it loads back as the same project, its etag the file's. */
  loaded = test_load_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pf_document_get_title (loaded), ==, "Second");
  g_assert_cmpstr (pf_document_get_etag (loaded), ==, pf_document_get_etag (document));
  contents = test_serialize (loaded);
  g_assert_cmpstr (contents, ==, expected);

  test_rm_rf (dir);
}

static void
test_save_changed_on_disk (void)
{
  static const char theirs[] = "{\"format\": \"preflight-project\", \"format-version\": 1, "
                               "\"metadata\": {\"title\": \"Their version\"}}\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("preflight-save-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "project.preflight", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PfDocument) document = test_build_document (1);
  g_autofree char *mine = NULL;
  g_autofree char *theirs_path = NULL;
  g_autoptr(GFile) theirs_file = NULL;

  g_assert_no_error (error);
  g_assert_true (test_save (document, file, FALSE, &error));
  g_assert_no_error (error);

  /* Someone else writes the file (through a rename, as editors and git
   * do); the modification time differs from ours. */
  theirs_path = g_build_filename (dir, "theirs.tmp", NULL);
  g_assert_true (g_file_set_contents (theirs_path, theirs, -1, &error));
  {
    struct utimbuf times = { .actime = 1000000000, .modtime = 1000000000 };

    g_assert_cmpint (utime (theirs_path, &times), ==, 0);
  }
  g_assert_cmpint (g_rename (theirs_path, path), ==, 0);

  test_set (document, "metadata", "title", "My version");
  g_assert_false (test_save (document, NULL, FALSE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_clear_error (&error);
  g_assert_true (test_file_equals (path, theirs));
  g_assert_true (pf_document_get_modified (document));

  /* Also when saved to the same file named explicitly. */
  g_assert_false (test_save (document, file, FALSE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_clear_error (&error);
  g_assert_true (test_file_equals (path, theirs));

  /* Overwriting on purpose. */
  g_assert_true (test_save (document, NULL, TRUE, &error));
  g_assert_no_error (error);
  mine = test_serialize (document);
  g_assert_true (test_file_equals (path, mine));
  g_assert_false (pf_document_get_modified (document));

  /* The new etag is the file's: the next save goes through. */
  test_set (document, "metadata", "title", "My version, again");
  g_assert_true (test_save (document, NULL, FALSE, &error));
  g_assert_no_error (error);

  test_rm_rf (dir);
}

static void
test_save_killed (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("preflight-save-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "big.preflight", NULL);
  g_autoptr(PfDocument) a = NULL;
  g_autoptr(PfDocument) b = NULL;
  g_autofree char *text_a = NULL;
  g_autofree char *text_b = NULL;
  guint n_a = 0, n_b = 0, n_kills;
  gint64 start;
  gint64 save_usec;

  g_assert_no_error (error);
  make_versions (&a, &b);
  text_a = test_serialize (a);
  text_b = test_serialize (b);
  g_assert_cmpstr (text_a, !=, text_b);
  g_assert_true (g_file_set_contents (path, text_a, -1, &error));

  /* How long one save takes, so the kills land during saves. */
  start = g_get_monotonic_time ();
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);

    g_assert_true (test_save (a, file, TRUE, &error));
    g_assert_no_error (error);
  }
  save_usec = g_get_monotonic_time () - start;
  g_test_message ("one save of %zu bytes takes %" G_GINT64_FORMAT " µs",
                  strlen (text_a), save_usec);

  /* Both versions are valid projects: a file equal to one of them byte
   * for byte is one too. */
  {
    g_autoptr(PfDocument) check_a = test_load_string (text_a, &error);
    g_autoptr(PfDocument) check_b = test_load_string (text_b, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (pf_document_get_title (check_a), ==, "Version A");
    g_assert_cmpstr (pf_document_get_title (check_b), ==, "Version B");
  }

  start = g_get_monotonic_time ();
  for (n_kills = 0; n_kills < 30; n_kills++)
    {
      const char *argv[] = { self_exe, "--child-save-loop", path, NULL };
      g_autofree char *contents = NULL;
      GPid pid;
      int out_fd;
      int status;
      char ready;
      gsize length;

      /* The meson timeout is 30 s: a slow (sanitised) build does fewer. */
      if (n_kills >= 10 && g_get_monotonic_time () - start > 14 * G_USEC_PER_SEC)
        break;

      g_assert_true (g_spawn_async_with_pipes (NULL, (char **)argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                               NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpint (read (out_fd, &ready, 1), ==, 1);
      close (out_fd);

      /* From at once to about three saves later, every ten kills, so that
       * a slow build that stops after ten covers the whole range too. */
      g_usleep ((n_kills % 10) * MAX (save_usec, 15000) * 3 / 10);
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);
      /* Killed, not ended by a failed save. */
      g_assert_true (WIFSIGNALED (status));

      g_assert_true (g_file_get_contents (path, &contents, &length, &error));
      g_assert_no_error (error);
      if (g_str_equal (contents, text_a))
        n_a++;
      else if (g_str_equal (contents, text_b))
        n_b++;
      else
        {
          g_autoptr(GBytes) bytes = g_bytes_new (contents, length);
          g_autoptr(PfDocument) loaded = pf_document_new_from_bytes (bytes, &error);

          g_error ("after kill %u the file is neither version (%zu bytes, %s)", n_kills, length,
                   loaded ? "a valid project" : error->message);
        }
    }

  g_test_message ("after %u kills: %u times version A, %u times version B", n_kills, n_a, n_b);
  g_assert_cmpuint (n_a + n_b, ==, n_kills);
  /* The kills landed both before and after a save completed. */
  g_assert_cmpuint (n_a, >, 0);
  g_assert_cmpuint (n_b, >, 0);

  test_rm_rf (dir);
}

static void
test_save_full_disk (void)
{
  static const char small[] = "{\"format\": \"preflight-project\", \"format-version\": 1, "
                              "\"metadata\": {\"title\": \"Small\"}}\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("preflight-save-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "project.preflight", NULL);
  const char *argv[] = { self_exe, "--child-full-disk", path, NULL };
  g_autofree char *child_err = NULL;
  g_autoptr(PfDocument) loaded = NULL;
  g_autoptr(GFile) file = NULL;
  int status;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, small, -1, &error));

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               NULL, &child_err, &status, &error));
  g_assert_no_error (error);
  g_test_message ("child: %s", child_err);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  /* The old file is intact and still a project. */
  g_assert_true (test_file_equals (path, small));
  {
    /* No half-written temporary file left behind either. */
    g_autoptr(GDir) listing = g_dir_open (dir, 0, &error);
    const char *name;
    guint n = 0;

    g_assert_no_error (error);
    while ((name = g_dir_read_name (listing)))
      {
        g_assert_cmpstr (name, ==, "project.preflight");
        n++;
      }
    g_assert_cmpuint (n, ==, 1);
  }
  file = g_file_new_for_path (path);
  loaded = test_load_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pf_document_get_title (loaded), ==, "Small");

  test_rm_rf (dir);
}

static void
test_save_read_only_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(PfDocument) document = NULL;

  /* root writes into any folder: there is nothing to test. CI runs as root. */
  if (geteuid () == 0)
    {
      g_test_skip ("running as root: folder permissions do not apply");
      return;
    }

  dir = g_dir_make_tmp ("preflight-save-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "project.preflight", NULL);
  file = g_file_new_for_path (path);
  document = test_build_document (1);

  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  g_assert_false (test_save (document, file, FALSE, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (pf_document_get_modified (document));
  g_assert_null (pf_document_get_file (document));

  /* Over an existing, writable file in a read-only folder: no temporary
   * file can be made, and the file is not rewritten in place either. */
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, "old", -1, &error));
  g_assert_cmpint (g_chmod (path, 0666), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  g_assert_false (test_save (document, file, TRUE, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_true (test_file_equals (path, "old"));

  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  test_rm_rf (dir);
}

/* A change made while the file is being written is not in the file: the
 * project stays unsaved, and the change reaches the next save. */
static void
test_save_edit_during_save (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("preflight-save-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "p.preflight", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PfDocument) document = pf_document_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *contents = NULL;

  g_assert_no_error (error);
  test_set (document, "metadata", "title", "First");
  pf_document_save_async (document, file, TRUE, NULL, test_async_result_cb, &result);
  test_set (document, "metadata", "description", "typed while saving");
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (pf_document_save_finish (document, result, &error));
  g_assert_no_error (error);

  g_assert_true (pf_document_get_modified (document));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_null (strstr (contents, "typed while saving"));
  g_clear_pointer (&contents, g_free);

  g_assert_true (test_save (document, file, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (pf_document_get_modified (document));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "typed while saving"));

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--child-save-loop"))
    return child_save_loop (argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "--child-full-disk"))
    return child_full_disk (argv[2]);

  g_test_init (&argc, &argv, NULL);

  self_exe = g_file_read_link ("/proc/self/exe", NULL);
  g_assert_nonnull (self_exe);

  g_test_add_func ("/save/basic", test_save_basic);
  g_test_add_func ("/save/changed-on-disk", test_save_changed_on_disk);
  g_test_add_func ("/save/killed", test_save_killed);
  g_test_add_func ("/save/edit-during-save", test_save_edit_during_save);
  g_test_add_func ("/save/full-disk", test_save_full_disk);
  g_test_add_func ("/save/read-only-folder", test_save_read_only_folder);

  {
    int result = g_test_run ();

    g_free (self_exe);
    return result;
  }
}
