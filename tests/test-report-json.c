/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "report-test-util.h"

/* The JSON report: the golden file of a fixed project, valid JSON for
 * json-glib and Python, valid against data/report-schema.json, and text
 * that tries to break out of its string. */

static char *
render_json (PfDocument *document)
{
  g_autoptr(PfCatalog) catalog = report_test_load_catalog ();
  g_autoptr(PfReport) report = report_test_make_report (catalog, document);

  return report_test_render (report, PF_REPORT_JSON);
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* Runs python3 with @args on @text as a file; skips when python3 or the
 * module is missing. Returns FALSE when skipped. */
static gboolean
run_python (const char         *text,
            const char * const *args,
            const char         *module)
{
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status;

  if (python == NULL)
    {
      g_test_skip ("python3 not found");
      return FALSE;
    }
  if (module != NULL)
    {
      const char *probe[] = { python, "-c", NULL, NULL };
      g_autofree char *code = g_strdup_printf ("import %s", module);

      probe[2] = code;
      if (!g_spawn_sync (NULL, (char **)probe, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                         NULL, NULL, NULL, NULL, &status, NULL) ||
          !g_spawn_check_wait_status (status, NULL))
        {
          g_test_skip ("python3 module missing (apt install python3-jsonschema)");
          return FALSE;
        }
    }

  dir = g_dir_make_tmp ("report-json-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "report.json", NULL);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);

  g_ptr_array_add (argv, python);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_str_equal (args[i], "REPORT") ? path : (char *)args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("python3 failed: %s%s", out, err);

  g_unlink (path);
  g_rmdir (dir);
  return TRUE;
}

static void
validate_schema (const char *text)
{
  g_autofree char *schema = g_test_build_filename (G_TEST_DIST, "..", "data", "report-schema.json", NULL);
  const char *args[] = {
    "-c",
    "import json, sys, jsonschema\n"
    "schema = json.load(open(sys.argv[1]))\n"
    "jsonschema.Draft202012Validator.check_schema(schema)\n"
    "jsonschema.Draft202012Validator(schema).validate(json.load(open(sys.argv[2])))\n",
    schema, "REPORT", NULL
  };

  run_python (text, args, "jsonschema");
}

static void
validate_python (const char *text)
{
  const char *args[] = { "-m", "json.tool", "REPORT", NULL };

  run_python (text, args, NULL);
}

static void
test_json_golden (void)
{
  g_autoptr(PfDocument) document = report_test_build_project ();
  g_autofree char *json = render_json (document);
  g_autofree char *normalised = report_test_normalise (json);

  report_test_check_golden ("report.json", normalised);
}

static void
test_json_content (void)
{
  g_autoptr(PfDocument) document = report_test_build_project ();
  g_autoptr(PfCatalog) catalog = report_test_load_catalog ();
  g_autoptr(PfReadiness) readiness = pf_readiness_evaluate (catalog, document);
  g_autofree char *json = render_json (document);
  g_autoptr(JsonNode) root = parse (json);
  JsonObject *object = json_node_get_object (root);
  g_autoptr(GList) members = json_object_get_members (object);
  static const char * const order[] = {
    "format", "version", "generator", "created", "author", "project", "verdict", "readiness", "business_question",
    "phases", "sign_offs", "registers", "dataset_scan", "ml_test_score", "audit",
  };
  JsonObject *audit;
  JsonArray *phases;
  JsonArray *sign_offs;
  JsonArray *features;
  JsonObject *question;
  GList *l;
  guint i;

  /* A stable member order. */
  for (l = members, i = 0; l != NULL && i < G_N_ELEMENTS (order); l = l->next, i++)
    g_assert_cmpstr (l->data, ==, order[i]);
  g_assert_cmpuint (i, ==, G_N_ELEMENTS (order));
  g_assert_null (l);

  g_assert_cmpstr (json_object_get_string_member (object, "format"), ==, "preflight-report");
  g_assert_cmpint (json_object_get_int_member (object, "version"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (object, "verdict"), ==, pf_verdict_get_id (readiness->verdict));
  g_assert_cmpstr (json_object_get_string_member (object, "created"), ==, REPORT_TEST_NOW);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "project"), "title"),
                   ==, "Customer churn");

  question = json_object_get_object_member (object, "business_question");
  g_assert_cmpstr (json_object_get_string_member (question, "question"), ==,
                   "Which customers will cancel within 90 days?");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (question, "history")), ==, 2);

  phases = json_object_get_array_member (object, "phases");
  g_assert_cmpuint (json_array_get_length (phases), ==, PF_N_PHASES);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (phases, 3), "id"), ==, "modeling");

  sign_offs = json_object_get_array_member (object, "sign_offs");
  g_assert_cmpuint (json_array_get_length (sign_offs), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (sign_offs, 0), "state"), ==, "stale");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_array_get_object_element (sign_offs, 0),
                                                                         "changes")), >, 0);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (sign_offs, 1), "state"), ==, "current");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (sign_offs, 2), "state"), ==, "withdrawn");

  features = json_object_get_array_member (json_object_get_object_member (object, "registers"), "features");
  g_assert_cmpuint (json_array_get_length (features), ==, 3);
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (features, 0), "leak"));
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (features, 1), "leak"));

  audit = json_object_get_object_member (object, "audit");
  g_assert_cmpint (json_object_get_int_member (audit, "entries"), ==, pf_document_get_audit_length (document));
  g_assert_true (json_object_get_boolean_member (audit, "intact"));
  g_assert_cmpstr (json_object_get_string_member (audit, "anchor"), ==, pf_document_get_audit_head (document));

  validate_python (json);
  validate_schema (json);
}

static void
test_json_hostile (void)
{
  g_autoptr(PfDocument) document = pf_document_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *record = NULL;
  const char *text = "\"quoted\" \\ back </script> <!-- \x01\x1f\x7f \xe2\x80\xa8 tab\t nl\n ünï \xf0\x9f\x98\x80";
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *project;

  pf_document_set_actor (document, text);
  g_assert_true (pf_document_set_string (document, "metadata", "title", text, &error));
  g_assert_true (pf_document_change_business_question (document, text, text, NULL, &error));
  report_test_answer (document, "business-understanding.objective", report_test_string (text));
  record = report_test_record (document, "features", "name", text, "rationale", text, NULL);

  json = render_json (document);

  /* Control characters are escaped: none in the text. */
  for (const char *p = json; *p != '\0'; p++)
    g_assert_true (*p == '\n' || (guchar)*p >= 0x20);

  root = parse (json);
  project = json_object_get_object_member (json_node_get_object (root), "project");
  g_assert_cmpstr (json_object_get_string_member (project, "title"), ==, text);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "author"), ==, text);

  validate_python (json);
  validate_schema (json);
}

/* A broken chain shows in the audit member. */
static void
test_json_broken_chain (void)
{
  g_autoptr(PfDocument) document = report_test_build_project ();
  g_autoptr(GBytes) bytes = pf_document_serialize (document);
  g_autoptr(JsonNode) tree = parse (g_bytes_get_data (bytes, NULL));
  JsonArray *entries = json_object_get_array_member (json_node_get_object (tree), "audit");
  g_autofree char *text = NULL;
  g_autoptr(GBytes) tampered = NULL;
  g_autoptr(PfDocument) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *audit;

  json_object_set_string_member (json_array_get_object_element (entries, 2), "actor", "Mallory");
  text = json_to_string (tree, TRUE);
  tampered = g_bytes_new (text, strlen (text));
  copy = pf_document_new_from_bytes (tampered, &error);
  g_assert_no_error (error);
  pf_document_verify_audit (copy, NULL);

  json = render_json (copy);
  root = parse (json);
  audit = json_object_get_object_member (json_node_get_object (root), "audit");
  g_assert_false (json_object_get_boolean_member (audit, "intact"));
  g_assert_cmpint (json_object_get_int_member (audit, "broken_at"), ==, 3);
  validate_schema (json);
}

/* Building a report reads the project and changes nothing in it: a
 * sign-off over the leakage review stays current, the file's bytes stay
 * the same, and the report's JSON shares no object with the document. */
static void
test_json_document_untouched (void)
{
  g_autoptr(PfCatalog) catalog = report_test_load_catalog ();
  g_autoptr(PfDocument) document = report_test_build_project ();
  g_autoptr(GError) error = NULL;
  g_autofree char *sign_off = pf_document_sign_off (document, "leakage-review", "Ada Lovelace", "Data-science lead",
                                                    "approved", "", &error);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(PfReadiness) readiness = NULL;
  g_autoptr(PfReport) report = NULL;
  JsonArray *records;

  g_assert_no_error (error);
  g_assert_cmpint (pf_document_get_sign_off_state (document, sign_off, NULL), ==, PF_SIGN_OFF_CURRENT);
  before = pf_document_serialize (document);

  readiness = pf_readiness_evaluate (catalog, document);
  report = pf_report_new (catalog, document, readiness, NULL);

  after = pf_document_serialize (document);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpint (pf_document_get_sign_off_state (document, sign_off, NULL), ==, PF_SIGN_OFF_CURRENT);

  /* The report's feature records are copies: marking them leaves the project alone. */
  records = json_object_get_array_member (json_object_get_object_member (json_node_get_object (report->json), "registers"),
                                          "features");
  g_assert_cmpuint (json_array_get_length (records), >, 0);
  json_object_set_string_member (json_array_get_object_element (records, 0), "name", "changed by the report");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (pf_document_get_records (document, "features"), 0), "name"),
                   !=, "changed by the report");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/json/golden", test_json_golden);
  g_test_add_func ("/report/json/content", test_json_content);
  g_test_add_func ("/report/json/hostile", test_json_hostile);
  g_test_add_func ("/report/json/broken-chain", test_json_broken_chain);
  g_test_add_func ("/report/json/document-untouched", test_json_document_untouched);

  return g_test_run ();
}
