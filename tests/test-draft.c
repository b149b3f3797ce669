/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pf-draft.h"
#include "test-util.h"

/* Drafts go under $XDG_DATA_HOME/preflight/drafts, here a fresh temporary
 * folder set before GLib first reads (and caches) the variable. */

static char *data_home;

static guint
count_drafts (void)
{
  g_autoptr(GPtrArray) drafts = pf_draft_list ();

  return drafts->len;
}

static void
test_draft_write_list_load_remove (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PfDocument) document = test_build_document (2);
  g_autoptr(GFile) file = g_file_new_for_path ("/home/ada/Projects/churn.preflight");
  g_autoptr(GFile) draft_file = NULL;
  g_autoptr(GFile) directory = pf_draft_get_directory ();
  g_autoptr(GFile) expected_dir = g_file_new_build_filename (data_home, "preflight", "drafts", NULL);
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(PfDocument) loaded = NULL;
  g_autofree char *original = NULL;
  g_autofree char *recovered = NULL;
  PfDraftInfo *info;

  g_assert_true (g_file_equal (directory, expected_dir));
  g_assert_cmpuint (count_drafts (), ==, 0);

  pf_document_set_file (document, file);
  pf_document_set_etag (document, "1700000000:123456");

  g_assert_true (pf_draft_write (document, NULL, &error));
  g_assert_no_error (error);
  draft_file = pf_draft_get_file (document);
  g_assert_true (g_file_query_exists (draft_file, NULL));
  {
    g_autoptr(GFile) parent = g_file_get_parent (draft_file);

    g_assert_true (g_file_equal (parent, expected_dir));
  }

  drafts = pf_draft_list ();
  g_assert_cmpuint (drafts->len, ==, 1);
  info = g_ptr_array_index (drafts, 0);
  g_assert_cmpstr (info->title, ==, "Churn at Nordwind");
  g_assert_nonnull (info->file);
  g_assert_true (g_file_equal (info->file, file));
  g_assert_true (g_file_equal (info->draft, draft_file));
  g_assert_nonnull (info->written);
  g_assert_true (g_str_has_suffix (info->written, "Z"));

  loaded = pf_draft_load (info->draft, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_true (pf_document_get_modified (loaded));
  g_assert_cmpstr (pf_document_get_etag (loaded), ==, "1700000000:123456");
  g_assert_true (g_file_equal (pf_document_get_file (loaded), file));
  g_assert_cmpstr (pf_document_get_id (loaded), ==, pf_document_get_id (document));
  original = test_serialize (document);
  recovered = test_serialize (loaded);
  g_assert_cmpstr (recovered, ==, original);
  g_assert_cmpuint (pf_document_get_audit_broken_at (loaded, NULL), ==, 0);

  /* Written again after a change: still one draft, with the change. */
  test_set (document, "metadata", "title", "Churn, revised");
  g_assert_true (pf_draft_write (document, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&drafts, g_ptr_array_unref);
  drafts = pf_draft_list ();
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpstr (((PfDraftInfo *)g_ptr_array_index (drafts, 0))->title, ==, "Churn, revised");

  g_assert_true (pf_draft_remove (document, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_query_exists (draft_file, NULL));
  g_assert_cmpuint (count_drafts (), ==, 0);

  /* Removing what is not there is not an error. */
  g_assert_true (pf_draft_remove (document, &error));
  g_assert_no_error (error);
}

static void
test_draft_untitled (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PfDocument) document = pf_document_new ();
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(PfDocument) loaded = NULL;
  PfDraftInfo *info;

  test_set (document, "metadata", "description", "never saved");
  g_assert_true (pf_draft_write (document, NULL, &error));
  g_assert_no_error (error);

  drafts = pf_draft_list ();
  g_assert_cmpuint (drafts->len, ==, 1);
  info = g_ptr_array_index (drafts, 0);
  g_assert_cmpstr (info->title, ==, "Untitled project");
  g_assert_null (info->file);

  loaded = pf_draft_load (info->draft, &error);
  g_assert_no_error (error);
  g_assert_null (pf_document_get_file (loaded));
  g_assert_null (pf_document_get_etag (loaded));
  g_assert_cmpstr (pf_document_get_string (loaded, "metadata", "description"), ==, "never saved");

  g_assert_true (pf_draft_remove (document, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_drafts (), ==, 0);
}

static void
write_in_drafts (const char *name,
                 const char *contents)
{
  g_autoptr(GFile) directory = pf_draft_get_directory ();
  g_autofree char *dir = g_file_get_path (directory);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
}

static void
test_draft_damaged (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PfDocument) document = test_build_document (1);
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(PfDocument) loaded = NULL;
  g_autoptr(GFile) directory = pf_draft_get_directory ();
  g_autoptr(GFile) damaged = g_file_get_child (directory, "broken.draft.json");

  g_assert_true (pf_draft_write (document, NULL, &error));
  g_assert_no_error (error);

  /* Cut short by a crash, not a draft, a draft of something that is not a
   * project, a draft whose project is invalid, nothing at all. */
  write_in_drafts ("broken.draft.json", "{\"format\": \"preflight-draft\", \"project\": {\"format\": \"pre");
  write_in_drafts ("other.draft.json", "{\"format\": \"something-else\", \"project\": {}}");
  write_in_drafts ("notproject.draft.json", "{\"format\": \"preflight-draft\", \"file\": null, \"project\": [1]}");
  write_in_drafts ("invalid.draft.json",
                   "{\"format\": \"preflight-draft\", \"file\": null, \"project\": "
                   "{\"format\": \"preflight-project\", \"format-version\": 1, \"metadata\": {\"title\": 5}}}");
  write_in_drafts ("empty.draft.json", "");
  write_in_drafts ("blank.draft.json", "  \n");
  write_in_drafts ("format-number.draft.json", "{\"format\": 1, \"project\": {}}");
  /* Not a draft by its name: ignored. */
  write_in_drafts ("notes.txt", "hello");

  drafts = pf_draft_list ();
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpstr (((PfDraftInfo *)g_ptr_array_index (drafts, 0))->title, ==, "Churn at Nordwind");

  /* Loading a damaged one directly says so. */
  loaded = pf_draft_load (damaged, &error);
  g_assert_null (loaded);
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_true (pf_draft_remove (document, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  /* Before anything in GLib reads it: g_get_user_data_dir () caches it. */
  data_home = g_dir_make_tmp ("preflight-draft-XXXXXX", NULL);
  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/draft/write-list-load-remove", test_draft_write_list_load_remove);
  g_test_add_func ("/draft/untitled", test_draft_untitled);
  g_test_add_func ("/draft/damaged", test_draft_damaged);

  result = g_test_run ();

  test_rm_rf (data_home);
  g_free (data_home);

  return result;
}
