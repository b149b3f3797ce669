/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <utime.h>

#include "pf-document.h"
#include "pf-schema.h"
#include "test-util.h"

#define load_string test_load_string

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

/* Each text fails to load, with its error code and a message naming the
 * place of the problem. */
static void
check_bad_inputs (const BadInput *cases,
                  guint           n_cases)
{
  for (guint i = 0; i < n_cases; i++)
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
test_document_bad_input (void)
{
  static const BadInput cases[] = {
    { "", PF_DOCUMENT_ERROR_SYNTAX, "empty" },
    { "{\n  \"format\": \"preflight-project\",\n  \"format-version\": 1,\n  oops\n}", PF_DOCUMENT_ERROR_SYNTAX, "Line 4, column 3: expected a member name in double quotes" },
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

  check_bad_inputs (cases, G_N_ELEMENTS (cases));
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

/* The lines of the file outside the "audit" array, which every edit through
 * the API appends to. */
static GPtrArray *
lines_without_audit (const char *text,
                     GPtrArray **audit_lines)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  gboolean in_audit = FALSE;

  *audit_lines = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "  \"audit\": ["))
        in_audit = TRUE;
      if (in_audit)
        g_ptr_array_add (*audit_lines, g_strdup (lines[i]));
      else
        g_ptr_array_add (out, g_strdup (lines[i]));
      if (in_audit && g_str_has_prefix (lines[i], "  ]"))
        in_audit = FALSE;
    }

  return out;
}

/* Asserts that @after differs from @before in exactly one line outside the
 * audit trail, that line being @expected_line, and that the audit trail
 * only grew at its end. */
static void
assert_one_line_changed (const char *before,
                         const char *after,
                         const char *expected_line)
{
  g_autoptr(GPtrArray) audit_a = NULL;
  g_autoptr(GPtrArray) audit_b = NULL;
  g_autoptr(GPtrArray) a = lines_without_audit (before, &audit_a);
  g_autoptr(GPtrArray) b = lines_without_audit (after, &audit_b);
  guint n_changed = 0;

  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
        continue;
      n_changed++;
      g_assert_cmpstr (g_ptr_array_index (b, i), ==, expected_line);
    }
  g_assert_cmpuint (n_changed, ==, 1);

  /* The audit array: the old entries unchanged but for the comma after
   * the last one, then the new entry. */
  g_assert_cmpuint (audit_b->len, >, audit_a->len);
  for (guint i = 0; i + 2 < audit_a->len; i++)
    g_assert_cmpstr (g_ptr_array_index (audit_a, i), ==, g_ptr_array_index (audit_b, i));
  g_assert_cmpstr (g_ptr_array_index (audit_a, audit_a->len - 2), ==, "    }");
  g_assert_cmpstr (g_ptr_array_index (audit_b, audit_a->len - 2), ==, "    },");
}

static void
test_document_round_trip (void)
{
  g_autoptr(PfDocument) document = test_build_document (3);
  g_autoptr(PfDocument) reloaded = NULL;
  g_autoptr(PfDocument) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = test_serialize (document);
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *edited2 = NULL;
  JsonObject *registers;
  const char *order[] = { "\"format\":", "\"format-version\":", "\"metadata\":", "\"answers\":",
                          "\"business-question\":", "\"registers\":", "\"sign-offs\":", "\"audit\":" };
  const char *previous = first;

  /* Everything the API wrote is in the file. */
  g_assert_true (g_str_has_suffix (first, "}\n"));
  g_assert_nonnull (strstr (first, "\"title\": \"Churn at Nordwind\""));
  g_assert_nonnull (strstr (first, "\"not-applicable\": true"));
  g_assert_nonnull (strstr (first, "\"justification\": \"Batch scores only; nothing to roll back\""));
  g_assert_nonnull (strstr (first, "\"reason\": \"Contracts have 90 days' notice\""));
  g_assert_nonnull (strstr (first, "\"meaning\": \"approved\""));

  reloaded = test_reload (document);
  second = test_serialize (reloaded);
  g_assert_cmpstr (first, ==, second);

  /* And again, from the reloaded copy. */
  again = test_reload (reloaded);
  third = test_serialize (again);
  g_assert_cmpstr (second, ==, third);

  /* Every register of the schema holds its record, in schema order. */
  registers = json_object_get_object_member (pf_document_get_root (reloaded), "registers");
  {
    g_autoptr(GList) names = json_object_get_members (registers);
    const GList *l = names;

    for (guint i = 0; i < pf_schema_get_n_registers (); i++, l = l->next)
      {
        const PfRegister *reg = pf_schema_get_register (i);

        g_assert_nonnull (l);
        g_assert_cmpstr (l->data, ==, reg->id);
        g_assert_cmpuint (json_array_get_length (pf_document_get_records (reloaded, reg->id)), >=, 1);
      }
  }
  g_assert_cmpuint (json_array_get_length (pf_document_get_records (reloaded, "features")), ==, 3);
  g_assert_cmpuint (json_array_get_length (pf_document_get_sign_offs (reloaded)), ==, 1);
  g_assert_cmpstr (pf_document_get_business_question (reloaded), ==, "Who will cancel in 90 days?");
  g_assert_cmpstr (pf_document_get_audit_head (reloaded), ==, pf_document_get_audit_head (document));
  g_assert_cmpuint (pf_document_get_audit_broken_at (reloaded, NULL), ==, 0);

  /* Stable key order: the top-level members in a fixed order. */
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      const char *at = strstr (first, order[i]);

      g_assert_nonnull (at);
      g_assert_true (at >= previous);
      previous = at;
    }

  /* A one-field edit is a one-line change (plus the audit entry). */
  test_set (reloaded, "metadata", "title", "Churn at Nordwind Telecom");
  edited = test_serialize (reloaded);
  assert_one_line_changed (second, edited, "    \"title\": \"Churn at Nordwind Telecom\",");

  test_set (reloaded, "features/feature-2", "verdict", "transform");
  edited2 = test_serialize (reloaded);
  assert_one_line_changed (edited, edited2, "        \"verdict\": \"transform\",");
}

static void
test_document_key_order (void)
{
  /* Members in the file's own order, not sorted, and unknown ones kept. */
  static const char text[] =
    "{\n"
    "  \"zeta\": 1,\n"
    "  \"format-version\": 1,\n"
    "  \"format\": \"preflight-project\",\n"
    "  \"metadata\": {\n"
    "    \"title\": \"B\",\n"
    "    \"id\": \"x\"\n"
    "  },\n"
    "  \"alpha\": [\n"
    "    1.5,\n"
    "    -0,\n"
    "    1e+30,\n"
    "    {}\n"
    "  ]\n"
    "}\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(PfDocument) document = load_string (text, &error);
  g_autofree char *out = NULL;

  g_assert_no_error (error);
  out = test_serialize (document);
  g_assert_cmpstr (out,  ==,
    "{\n"
    "  \"zeta\": 1,\n"
    "  \"format-version\": 1,\n"
    "  \"format\": \"preflight-project\",\n"
    "  \"metadata\": {\n"
    "    \"title\": \"B\",\n"
    "    \"id\": \"x\"\n"
    "  },\n"
    "  \"alpha\": [\n"
    "    1.5,\n"
    "    0,\n"
    "    1e+30,\n"
    "    {}\n"
    "  ]\n"
    "}\n");
}

static void
test_document_unknown_keys (void)
{
  static const char text[] =
    "{\n"
    "  \"format\": \"preflight-project\",\n"
    "  \"format-version\": 1,\n"
    "  \"x-root\": {\"nested\": [1, \"two\", null]},\n"
    "  \"metadata\": {\"title\": \"Old\", \"x-meta\": \"kept\"},\n"
    "  \"answers\": {\"business-understanding.objective\": {\"value\": \"a\", \"x-answer\": true}},\n"
    "  \"registers\": {\"features\": [{\"id\": \"feature-1\", \"name\": \"age\", \"x-record\": 42}],\n"
    "                  \"x-register\": [\"kept too\"]}\n"
    "}\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(PfDocument) document = load_string (text, &error);
  g_autoptr(PfDocument) reloaded = NULL;
  g_autoptr(JsonNode) value = json_node_init_string (json_node_alloc (), "b");
  g_autofree char *out = NULL;
  JsonObject *root;
  JsonObject *record;
  JsonObject *answer;
  JsonNode *node;

  g_assert_no_error (error);

  test_set (document, "metadata", "title", "New");
  test_set (document, "features/feature-1", "name", "age at signup");
  g_assert_true (pf_document_set_answer (document, "business-understanding.objective", value, &error));
  g_assert_no_error (error);

  out = test_serialize (document);
  reloaded = load_string (out, &error);
  g_assert_no_error (error);
  root = pf_document_get_root (reloaded);

  g_assert_cmpstr (pf_document_get_title (reloaded), ==, "New");
  node = json_object_get_member (root, "x-root");
  g_assert_nonnull (node);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (node), "nested")), ==, 3);
  g_assert_cmpstr (pf_document_get_string (reloaded, "metadata", "x-meta"), ==, "kept");

  record = pf_document_get_record (reloaded, "features", "feature-1");
  g_assert_nonnull (record);
  g_assert_cmpstr (json_object_get_string_member (record, "name"), ==, "age at signup");
  g_assert_cmpint (json_object_get_int_member (record, "x-record"), ==, 42);

  answer = json_object_get_object_member (json_object_get_object_member (root, "answers"),
                                          "business-understanding.objective");
  g_assert_cmpstr (json_object_get_string_member (answer, "value"), ==, "b");
  g_assert_true (json_object_get_boolean_member (answer, "x-answer"));

  node = json_object_get_member (json_object_get_object_member (root, "registers"), "x-register");
  g_assert_nonnull (node);
  g_assert_cmpstr (json_array_get_string_element (json_node_get_array (node), 0), ==, "kept too");
}

#define PROJECT "{\"format\": \"preflight-project\", \"format-version\": 1, "

static const BadInput more_bad_input[] = {
  { PROJECT "\"registers\": {\"features\": [{\"id\": \"feature-1\"}, {\"id\": \"feature-2\", \"verdict\": 3}]}}",
    PF_DOCUMENT_ERROR_INVALID, "registers.features[1].verdict: expected a string, found a number" },
  { PROJECT "\"registers\": {\"features\": [{\"id\": \"feature-1\", \"verdict\": \"maybe\"}]}}",
    PF_DOCUMENT_ERROR_INVALID, "registers.features[0].verdict: “maybe” is not one of pending, keep, drop, transform" },
  { PROJECT "\"registers\": {\"risks\": [{\"id\": \"risk-1\", \"cause\": \"bad-luck\"}]}}",
    PF_DOCUMENT_ERROR_INVALID, "registers.risks[0].cause: “bad-luck” is not one of" },
  { PROJECT "\"registers\": {\"stakeholders\": [{\"id\": \"s-1\", \"sponsor\": \"yes\"}]}}",
    PF_DOCUMENT_ERROR_INVALID, "registers.stakeholders[0].sponsor: expected true or false, found a string" },
  { PROJECT "\"registers\": {\"dataset-scans\": [{\"id\": \"scan-1\", \"rows\": 1.5}]}}",
    PF_DOCUMENT_ERROR_INVALID, "registers.dataset-scans[0].rows: expected a whole number, found a number" },
  { PROJECT "\"registers\": {\"features\": {}}}",
    PF_DOCUMENT_ERROR_INVALID, "registers.features: expected an array, found an object" },
  { PROJECT "\"answers\": {\"x\": \"yes\"}}",
    PF_DOCUMENT_ERROR_INVALID, "answers.x: expected an object, found a string" },
  { PROJECT "\"answers\": {\"x\": {\"not-applicable\": \"yes\"}}}",
    PF_DOCUMENT_ERROR_INVALID, "answers.x.not-applicable: expected true or false, found a string" },
  { PROJECT "\"registers\": {\"features\": [{\"name\": \"age\"}]}}",
    PF_DOCUMENT_ERROR_INVALID, "registers.features[0].id: the member is missing" },
  { PROJECT "\"registers\": {\"features\": [{\"id\": \"feature-1\"}, {\"id\": \"feature-1\"}]}}",
    PF_DOCUMENT_ERROR_INVALID, "registers.features[1].id: “feature-1” is used twice" },
  { PROJECT "\"audit\": {}}",
    PF_DOCUMENT_ERROR_INVALID, "audit: expected an array, found an object" },
  { PROJECT "\"sign-offs\": [{\"id\": \"sign-off-1\", \"kind\": \"sign-off\", \"scope\": \"project\", \"name\": \"A\", \"meaning\": \"approved\", \"time\": \"t\"}]}",
    PF_DOCUMENT_ERROR_INVALID, "sign-offs[0].role: the member is missing" },
  { PROJECT "\"business-question\": [{\"id\": \"version-1\"}]}",
    PF_DOCUMENT_ERROR_INVALID, "business-question[0].question: the member is missing" },
  { PROJECT "\"format\": \"other\"}",
    PF_DOCUMENT_ERROR_NOT_PROJECT, "not a Preflight project" },
  { "\"just a string\"", PF_DOCUMENT_ERROR_NOT_PROJECT, "not a Preflight project" },
  { "{\"format\": \"preflight-project\", \"format-version\": 99, \"registers\": {\"features\": 7}}",
    PF_DOCUMENT_ERROR_INVALID, "newer version of Preflight (format 99) and this version cannot read it: registers.features: expected an array" },
  { "\n\n{\"format\": \"preflight-project\",\n \"format-version\": 1,,}", PF_DOCUMENT_ERROR_SYNTAX, "Line 4, column " },
  { "\xef\xbb\xbf\xc3", PF_DOCUMENT_ERROR_SYNTAX, "Line 1: the file is not valid UTF-8" },
  { "   \n", PF_DOCUMENT_ERROR_SYNTAX, "The file is empty" },
};

static void
test_document_more_bad_input (void)
{
  check_bad_inputs (more_bad_input, G_N_ELEMENTS (more_bad_input));
}

/* A damaged audit entry does not stop the project from opening: the
 * verification of the chain reports it, with its number. */
static void
test_document_damaged_audit_entry (void)
{
  static const struct {
    const char *text;
    const char *problem;
  } cases[] = {
    { PROJECT "\"audit\": [{\"seq\": 1, \"time\": \"t\", \"actor\": \"a\", \"action\": \"set\", \"object\": \"metadata\", \"field\": \"\", "
      "\"prev\": \"0000000000000000000000000000000000000000000000000000000000000000\"}]}",
      "changed after it was written" },
    { PROJECT "\"audit\": [{\"time\": \"t\", \"actor\": \"a\", \"action\": \"set\", \"object\": \"metadata\", \"prev\": \"0\", \"hash\": \"0\"}]}",
      "out of sequence" },
    { PROJECT "\"audit\": [7]}", "not an object" },
    { PROJECT "\"audit\": [{\"seq\": 1, \"object\": {}, \"field\": 3, \"prev\": 5, \"hash\": []}]}", "does not link" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PfDocument) document = load_string (cases[i].text, &error);
      const char *problem = NULL;

      g_assert_no_error (error);
      g_assert_true (pf_document_get_audit_verified (document));
      g_assert_cmpuint (pf_document_get_audit_broken_at (document, &problem), ==, 1);
      g_assert_nonnull (strstr (problem, cases[i].problem));
      /* Looking at the damaged entry must not go wrong either. */
      (void) pf_document_get_audit_head (document);
    }
}

/* Every class of bad file, read from disk: the file is left exactly as it
 * was, bytes and modification time. */
static void
test_document_bad_files_untouched (void)
{
  static const char * const texts[] = {
    "",
    "{\"format\": \"preflight-project\", \"format-version\": 1,\n oops}",
    "{\"name\": \"something else\"}",
    "{\"format\": \"preflight-project\", \"format-version\": 1, \"metadata\": {\"title\": \"\xff\"}}",
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("preflight-test-XXXXXX", &error);
  guint n = 0;

  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (texts) + G_N_ELEMENTS (more_bad_input); i++, n++)
    {
      const char *text = i < G_N_ELEMENTS (texts) ? texts[i] : more_bad_input[i - G_N_ELEMENTS (texts)].text;
      g_autofree char *name = g_strdup_printf ("bad-%u.preflight", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(PfDocument) document = NULL;
      g_autofree char *after = NULL;
      struct utimbuf times = { .actime = 1000000000, .modtime = 1000000000 };
      GStatBuf st;
      gsize after_len;

      g_assert_true (g_file_set_contents (path, text, -1, &error));
      g_assert_cmpint (utime (path, &times), ==, 0);

      document = test_load_file (file, &error);
      g_assert_null (document);
      g_assert_nonnull (error);
      g_assert_true (error->domain == PF_DOCUMENT_ERROR);
      g_clear_error (&error);

      g_assert_true (g_file_get_contents (path, &after, &after_len, &error));
      g_assert_cmpmem (after, after_len, text, strlen (text));
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_mtime, ==, 1000000000);
    }

  g_assert_cmpuint (n, >, 20);
  test_rm_rf (dir);
}

static void
test_document_newer_version_read_only (void)
{
  static const char text[] = "{\"format\": \"preflight-project\", \"format-version\": 2, "
                             "\"metadata\": {\"title\": \"From the future\"}, "
                             "\"answers\": {\"business-understanding.objective\": {\"value\": \"x\"}}, "
                             "\"registers\": {\"features\": [{\"id\": \"feature-1\", \"hologram\": {}}]}, "
                             "\"sign-offs\": [{\"id\": \"sign-off-1\", \"kind\": \"sign-off\", \"scope\": \"project\", "
                             "\"name\": \"A\", \"role\": \"B\", \"meaning\": \"approved\", \"time\": \"t\"}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(PfDocument) document = load_string (text, &error);
  g_autoptr(JsonNode) value = json_node_init_string (json_node_alloc (), "y");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/never-written.preflight");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  char *id;

  g_assert_no_error (error);
  g_assert_true (pf_document_get_read_only (document));
  g_assert_cmpint (pf_document_get_format_version (document), ==, 2);
  before = test_serialize (document);

  g_assert_false (pf_document_set_string (document, "metadata", "title", "Now", &error));
  g_assert_error (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (pf_document_set_string (document, "features/feature-1", "name", "x", &error));
  g_assert_error (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (pf_document_set_answer (document, "business-understanding.objective", value, &error));
  g_assert_error (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (pf_document_set_not_applicable (document, "business-understanding.objective", "because", &error));
  g_assert_error (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_READ_ONLY);
  g_clear_error (&error);
  id = pf_document_add_record (document, "features", &error);
  g_assert_null (id);
  g_assert_error (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (pf_document_remove_record (document, "features", "feature-1", &error));
  g_assert_error (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (pf_document_change_business_question (document, "Q", "", "r", &error));
  g_assert_error (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_READ_ONLY);
  g_clear_error (&error);
  id = pf_document_sign_off (document, "project", "A", "B", "approved", NULL, &error);
  g_assert_null (id);
  g_assert_error (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_READ_ONLY);
  g_clear_error (&error);
  id = pf_document_withdraw_sign_off (document, "sign-off-1", "A", "B", NULL, &error);
  g_assert_null (id);
  g_assert_error (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_READ_ONLY);
  g_clear_error (&error);
  pf_document_record_event (document, "export", "project", "x.pdf");
  g_assert_false (pf_document_can_undo (document));
  g_assert_false (pf_document_undo (document));
  g_assert_false (pf_document_get_modified (document));

  after = test_serialize (document);
  g_assert_cmpstr (before, ==, after);

  pf_document_save_async (document, file, TRUE, NULL, test_async_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (pf_document_save_finish (document, result, &error));
  g_assert_error (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_READ_ONLY);
}

/* Registers whose records are named by the catalog (one per ML test) add
 * a record under a given id: checked, audited and undoable like any other. */
static void
test_document_add_record_with_id (void)
{
  g_autoptr(PfDocument) document = pf_document_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *audit;
  JsonObject *record;
  JsonObject *entry;
  guint n_audit;

  pf_document_make_new_project (document);
  pf_document_set_actor (document, "Ada");
  n_audit = pf_document_get_audit_length (document);
  /* A new project's trail is all its own: intact, with nothing to check. */
  g_assert_true (pf_document_get_audit_verified (document));

  g_assert_true (pf_document_add_record_with_id (document, "ml-test-score", "data-1", &error));
  g_assert_no_error (error);
  record = pf_document_get_record (document, "ml-test-score", "data-1");
  g_assert_nonnull (record);
  g_assert_cmpstr (json_object_get_string_member (record, "level"), ==, "none");
  g_assert_cmpstr (json_object_get_string_member (record, "note"), ==, "");

  audit = pf_document_get_audit (document);
  g_assert_cmpuint (json_array_get_length (audit), ==, n_audit + 1);
  entry = pf_audit_get_entry (audit, n_audit);
  g_assert_cmpstr (pf_audit_entry_get_string (entry, "action"), ==, "add");
  g_assert_cmpstr (pf_audit_entry_get_string (entry, "object"), ==, "ml-test-score/data-1");
  g_assert_cmpstr (pf_audit_entry_get_string (entry, "actor"), ==, "Ada");

  /* The level is schema-checked like any field. */
  g_assert_true (pf_document_set_string (document, "ml-test-score/data-1", "level", "automated", &error));
  g_assert_no_error (error);
  g_assert_false (pf_document_set_string (document, "ml-test-score/data-1", "level", "sometimes", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Taken, empty or path-like ids and unknown registers are refused. */
  g_assert_false (pf_document_add_record_with_id (document, "ml-test-score", "data-1", &error));
  g_assert_error (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_false (pf_document_add_record_with_id (document, "ml-test-score", "", &error));
  g_assert_error (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_false (pf_document_add_record_with_id (document, "ml-test-score", "a/b", &error));
  g_assert_error (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_false (pf_document_add_record_with_id (document, "no-such-register", "x", &error));
  g_assert_error (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (json_array_get_length (pf_document_get_records (document, "ml-test-score")), ==, 1);

  /* Undo takes the level back, then the record. */
  g_assert_true (pf_document_undo (document));
  g_assert_cmpstr (pf_document_get_string (document, "ml-test-score/data-1", "level"), ==, "none");
  g_assert_true (pf_document_undo (document));
  g_assert_null (pf_document_get_record (document, "ml-test-score", "data-1"));
  g_assert_true (pf_document_redo (document));
  g_assert_nonnull (pf_document_get_record (document, "ml-test-score", "data-1"));
}

/* Records are found by id through an index; whatever happens to the
 * array — appends, removals in the middle, their undo and redo, loading
 * another file — a lookup gives the record a scan would. */
static void
check_lookups (PfDocument *document,
               GPtrArray  *ids)
{
  JsonArray *records = pf_document_get_records (document, "assumptions");
  guint n = json_array_get_length (records);

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      JsonObject *found = pf_document_get_record (document, "assumptions", id);
      JsonObject *scanned = NULL;

      for (guint j = 0; j < n && scanned == NULL; j++)
        {
          JsonObject *record = json_array_get_object_element (records, j);

          if (g_str_equal (json_object_get_string_member (record, "id"), id))
            scanned = record;
        }
      g_assert_true (found == scanned);
    }
}

static void
test_document_record_index (void)
{
  g_autoptr(PfDocument) document = pf_document_new ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  char *id;

  for (guint i = 0; i < 6; i++)
    {
      id = pf_document_add_record (document, "assumptions", &error);
      g_assert_no_error (error);
      g_ptr_array_add (ids, id);
      check_lookups (document, ids);
    }
  g_assert_cmpstr (g_ptr_array_index (ids, 5), ==, "assumption-6");

  /* A removal in the middle moves the records after it. */
  g_assert_true (pf_document_remove_record (document, "assumptions", "assumption-3", &error));
  g_assert_null (pf_document_get_record (document, "assumptions", "assumption-3"));
  check_lookups (document, ids);
  g_assert_true (pf_document_set_string (document, "assumptions/assumption-5", "statement", "Five", NULL));
  g_assert_cmpstr (pf_document_get_string (document, "assumptions/assumption-5", "statement"), ==, "Five");

  /* Undo puts it back in its place; redo takes it out again. */
  g_assert_true (pf_document_undo (document));
  g_assert_true (pf_document_undo (document));
  g_assert_nonnull (pf_document_get_record (document, "assumptions", "assumption-3"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (pf_document_get_records (document, "assumptions"), 2), "id"),
                   ==, "assumption-3");
  check_lookups (document, ids);
  g_assert_true (pf_document_redo (document));
  g_assert_null (pf_document_get_record (document, "assumptions", "assumption-3"));
  check_lookups (document, ids);

  /* The next id is one more than the largest, not a reused one. */
  id = pf_document_add_record (document, "assumptions", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, "assumption-7");
  g_ptr_array_add (ids, id);
  check_lookups (document, ids);

  /* Another project's file replaces every array. */
  {
    g_autoptr(GBytes) bytes = pf_document_serialize (document);
    g_autoptr(PfDocument) loaded = pf_document_new_from_bytes (bytes, &error);

    g_assert_no_error (error);
    check_lookups (loaded, ids);
    id = pf_document_add_record (loaded, "assumptions", &error);
    g_assert_cmpstr (id, ==, "assumption-8");
    g_free (id);
  }
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
  g_test_add_func ("/document/round-trip", test_document_round_trip);
  g_test_add_func ("/document/key-order", test_document_key_order);
  g_test_add_func ("/document/unknown-keys", test_document_unknown_keys);
  g_test_add_func ("/document/more-bad-input", test_document_more_bad_input);
  g_test_add_func ("/document/damaged-audit-entry", test_document_damaged_audit_entry);
  g_test_add_func ("/document/bad-files-untouched", test_document_bad_files_untouched);
  g_test_add_func ("/document/newer-version-read-only", test_document_newer_version_read_only);
  g_test_add_func ("/document/add-record-with-id", test_document_add_record_with_id);
  g_test_add_func ("/document/record-index", test_document_record_index);

  return g_test_run ();
}
