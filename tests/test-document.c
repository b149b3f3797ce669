/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "pf-document.h"

static PfDocument *
load_string (const char  *text,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return pf_document_new_from_bytes (bytes, error);
}

static void
test_document_sample (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples", "churn.preflight", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PfDocument) document = NULL;
  g_autofree char *name = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);

  document = load_string (contents, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_cmpstr (pf_document_get_title (document), ==, "Customer churn at Nordwind Telecom");
  g_assert_false (pf_document_get_read_only (document));
  g_assert_cmpint (pf_document_get_format_version (document), ==, PF_DOCUMENT_FORMAT_VERSION);

  name = pf_document_dup_display_name (document);
  g_assert_cmpstr (name, ==, "Customer churn at Nordwind Telecom");
}

static void
test_document_untitled (void)
{
  g_autoptr(PfDocument) document = pf_document_new ();
  g_autoptr(GFile) file = g_file_new_for_path ("/tmp/Fraud scoring.preflight");
  g_autofree char *untitled = NULL;
  g_autofree char *from_file = NULL;

  untitled = pf_document_dup_display_name (document);
  g_assert_cmpstr (untitled, ==, "Untitled project");
  g_assert_null (pf_document_get_file (document));

  pf_document_set_file (document, file);
  from_file = pf_document_dup_display_name (document);
  g_assert_cmpstr (from_file, ==, "Fraud scoring");
}

typedef struct
{
  const char *text;
  int         code;
  const char *message_part;
} BadInput;

static void
test_document_bad_input (void)
{
  static const BadInput cases[] = {
    { "", PF_DOCUMENT_ERROR_SYNTAX, "empty" },
    { "{\n  \"format\": \"preflight-project\",\n  \"format-version\": 1,\n  oops\n}", PF_DOCUMENT_ERROR_SYNTAX, "Line 3, column 22: Parse error: unexpected character" },
    { "{\"format\": \"preflight-project\", \"format-version\": 1", PF_DOCUMENT_ERROR_SYNTAX, "Line 1" },
    { "[1, 2, 3]", PF_DOCUMENT_ERROR_NOT_PROJECT, "not a Preflight project" },
    { "{\"name\": \"something else\"}", PF_DOCUMENT_ERROR_NOT_PROJECT, "“format”" },
    { "{\"format\": 7, \"format-version\": 1}", PF_DOCUMENT_ERROR_NOT_PROJECT, "“format”" },
    { "{\"format\": \"preflight-project\"}", PF_DOCUMENT_ERROR_INVALID, "format-version: the member is missing" },
    { "{\"format\": \"preflight-project\", \"format-version\": \"1\"}", PF_DOCUMENT_ERROR_INVALID, "format-version: expected a whole number, found a string" },
    { "{\"format\": \"preflight-project\", \"format-version\": 0}", PF_DOCUMENT_ERROR_INVALID, "format-version: 0" },
    { "{\"format\": \"preflight-project\", \"format-version\": 1, \"metadata\": []}", PF_DOCUMENT_ERROR_INVALID, "metadata: expected an object, found an array" },
    { "{\"format\": \"preflight-project\", \"format-version\": 1, \"metadata\": {\"title\": 42}}", PF_DOCUMENT_ERROR_INVALID, "metadata.title: expected a string, found a number" },
    { "{\"format\": \"preflight-project\", \"format-version\": 1, \"metadata\": {\"title\": null}}", PF_DOCUMENT_ERROR_INVALID, "metadata.title: expected a string, found null" },
    { "{\"format\": \"preflight-project\", \"format-version\": 1,\n\"metadata\": {\"title\": \"\xff\xfe\"}}", PF_DOCUMENT_ERROR_SYNTAX, "Line 2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PfDocument) document = NULL;

      g_autofree char *escaped = g_strescape (cases[i].text, NULL);

      g_test_message ("case %u: %s", i, escaped);
      document = load_string (cases[i].text, &error);
      g_assert_null (document);
      g_assert_error (error, PF_DOCUMENT_ERROR, cases[i].code);
      if (strstr (error->message, cases[i].message_part) == NULL)
        g_error ("case %u: “%s” does not contain “%s”", i, error->message, cases[i].message_part);
    }
}

static void
test_document_newer_version (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PfDocument) document = NULL;

  document = load_string ("{\"format\": \"preflight-project\", \"format-version\": 99, "
                          "\"metadata\": {\"title\": \"From the future\"}, \"hologram\": true}",
                          &error);
  g_assert_no_error (error);
  g_assert_true (pf_document_get_read_only (document));
  g_assert_cmpint (pf_document_get_format_version (document), ==, 99);
  g_assert_cmpstr (pf_document_get_title (document), ==, "From the future");
}

static void
load_async_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static PfDocument *
load_file_sync (GFile   *file,
                GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  pf_document_load_async (file, NULL, load_async_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return pf_document_load_finish (result, error);
}

static void
test_document_load_file (void)
{
  static const char broken[] = "{\"format\": \"preflight-project\", \"format-version\": 1, \"metadata\": {\"title\": [";
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("preflight-test-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "broken.preflight", NULL);
  g_autofree char *after = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) missing = NULL;
  g_autoptr(PfDocument) document = NULL;
  GStatBuf before_stat, after_stat;
  gsize after_len;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, broken, -1, &error));
  g_assert_cmpint (g_stat (path, &before_stat), ==, 0);

  /* A failed open names the problem and leaves the file as it was. */
  document = load_file_sync (file, &error);
  g_assert_null (document);
  g_assert_error (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_SYNTAX);
  g_clear_error (&error);

  g_assert_true (g_file_get_contents (path, &after, &after_len, &error));
  g_assert_cmpmem (after, after_len, broken, strlen (broken));
  g_assert_cmpint (g_stat (path, &after_stat), ==, 0);
  g_assert_cmpint (before_stat.st_mtime, ==, after_stat.st_mtime);

  folder = g_file_get_parent (file);
  missing = g_file_get_child (folder, "missing.preflight");
  document = load_file_sync (missing, &error);
  g_assert_null (document);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (path, "{\"format\": \"preflight-project\", \"format-version\": 1}", -1, &error));
  document = load_file_sync (file, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_equal (pf_document_get_file (document), file));

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document/sample", test_document_sample);
  g_test_add_func ("/document/untitled", test_document_untitled);
  g_test_add_func ("/document/bad-input", test_document_bad_input);
  g_test_add_func ("/document/newer-version", test_document_newer_version);
  g_test_add_func ("/document/load-file", test_document_load_file);

  return g_test_run ();
}
