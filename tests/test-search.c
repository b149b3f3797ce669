/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pf-search.h"
#include "test-util.h"

static PfCatalog *
load_builtin (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "catalog", "crisp-dm.catalog", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PfCatalog *catalog = pf_catalog_new_from_file (file, &error);

  g_assert_no_error (error);
  return catalog;
}

static void
set_answer (PfDocument *document,
            const char *question,
            const char *text)
{
  g_autoptr(JsonNode) value = json_node_new (JSON_NODE_VALUE);
  g_autoptr(GError) error = NULL;

  json_node_set_string (value, text);
  g_assert_true (pf_document_set_answer (document, question, value, &error));
  g_assert_no_error (error);
}

static char *
add_record (PfDocument *document,
            const char *register_id,
            const char *field,
            const char *text)
{
  g_autofree char *id = test_add_record (document, register_id);
  g_autofree char *object = g_strconcat (register_id, "/", id, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (pf_document_set_string (document, object, field, text, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&id);
}

static PfSearchResult *
only_result (PfSearch   *search,
             const char *text)
{
  g_autoptr(GPtrArray) results = pf_search_query (search, text, PF_SEARCH_DEFAULT_LIMIT, NULL);

  g_assert_cmpuint (results->len, ==, 1);
  return g_ptr_array_steal_index (results, 0);
}

static void
test_search_fold (void)
{
  g_autofree char *a = pf_search_fold ("Café CRÈME Straße İ");
  g_autofree char *b = pf_search_fold ("ﬁne");

  g_assert_cmpstr (a, ==, "cafe creme strasse i");
  g_assert_cmpstr (b, ==, "fine");
}

/* Question and "why" texts of the catalog, without a project. */
static void
test_search_catalog (void)
{
  g_autoptr(PfCatalog) catalog = load_builtin ();
  g_autoptr(PfSearch) search = pf_search_new (catalog, NULL);
  g_autoptr(PfSearchResult) result = NULL;
  g_autoptr(GPtrArray) results = NULL;
  gboolean more = TRUE;

  /* In the question's text, whatever the case. */
  result = only_result (search, "WHICH BUSINESS PROBLEM");
  g_assert_cmpint (result->kind, ==, PF_SEARCH_RESULT_QUESTION);
  g_assert_cmpstr (result->question_id, ==, "business-understanding.objective");
  g_assert_cmpstr (result->title, ==, pf_catalog_find_question (catalog, "business-understanding.objective")->text);
  g_assert_cmpstr (result->location, ==, "Business Understanding");
  g_assert_cmpstr (result->page_id, ==, "business-understanding");
  g_assert_null (result->register_id);
  g_clear_pointer (&result, pf_search_result_free);

  /* In the "why": the snippet shows where. */
  result = only_result (search, "is never used, however");
  g_assert_cmpstr (result->question_id, ==, "business-understanding.objective");
  g_assert_true (g_str_has_prefix (result->snippet, "…"));
  g_assert_cmpuint (result->match_length, ==, strlen ("is never used, however"));
  g_assert_true (strncmp (result->snippet + result->match_start, "is never used, however", result->match_length) == 0);
  g_clear_pointer (&result, pf_search_result_free);

  /* Blanks around the query do not count; nothing, finds nothing. */
  results = pf_search_query (search, "   ", 10, &more);
  g_assert_cmpuint (results->len, ==, 0);
  g_assert_false (more);
  g_clear_pointer (&results, g_ptr_array_unref);

  /* A limit, and a flag that says there is more. */
  results = pf_search_query (search, "the", 3, &more);
  g_assert_cmpuint (results->len, ==, 3);
  g_assert_true (more);
  g_clear_pointer (&results, g_ptr_array_unref);

  results = pf_search_query (search, "zzzz-no-such-text", 10, &more);
  g_assert_cmpuint (results->len, ==, 0);
  g_assert_false (more);
}

/* Answers, the business question and register records, accents ignored. */
static void
test_search_document (void)
{
  g_autoptr(PfCatalog) catalog = load_builtin ();
  g_autoptr(PfDocument) document = pf_document_new ();
  g_autoptr(PfSearch) search = pf_search_new (catalog, document);
  g_autoptr(PfSearchResult) result = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *feature = NULL;
  g_autofree char *risk = NULL;
  g_autofree char *stakeholder = NULL;
  g_autofree char *object = NULL;

  set_answer (document, "business-understanding.background", "Agents call every customer of the Zürich branch");
  set_answer (document, "business-understanding.priority", "critical");
  g_assert_true (pf_document_change_business_question (document, "Which subscribers cancel next quarter?",
                                                       "Recall ≥ 0.6 on the churners", NULL, &error));
  g_assert_no_error (error);
  feature = add_record (document, "features", "name", "tenure_months");
  object = g_strconcat ("features/", feature, NULL);
  g_assert_true (pf_document_set_string (document, object, "rationale",
                                         "Known at signup.\nNo leakage from the Cancellation date.", &error));
  risk = add_record (document, "risks", "title", "Crème brûlée supplier fails");
  stakeholder = add_record (document, "stakeholders", "name", "Renée Öztürk");

  /* An answer: "zurich" finds "Zürich". */
  result = only_result (search, "zurich");
  g_assert_cmpstr (result->question_id, ==, "business-understanding.background");
  g_assert_cmpstr (result->snippet + result->match_start, ==, "Zürich branch");
  g_assert_cmpuint (result->match_length, ==, strlen ("Zürich"));
  g_clear_pointer (&result, pf_search_result_free);

  /* A choice is found by its label. */
  result = only_result (search, "business depends on");
  g_assert_cmpstr (result->question_id, ==, "business-understanding.priority");
  g_clear_pointer (&result, pf_search_result_free);

  result = only_result (search, "subscribers cancel");
  g_assert_cmpint (result->kind, ==, PF_SEARCH_RESULT_BUSINESS_QUESTION);
  g_assert_cmpstr (result->page_id, ==, "business-understanding");
  g_clear_pointer (&result, pf_search_result_free);

  /* A record's text field, the snippet on one line. */
  result = only_result (search, "LEAKAGE FROM");
  g_assert_cmpint (result->kind, ==, PF_SEARCH_RESULT_RECORD);
  g_assert_cmpstr (result->register_id, ==, "features");
  g_assert_cmpstr (result->record_id, ==, feature);
  g_assert_cmpstr (result->title, ==, "tenure_months");
  g_assert_cmpstr (result->location, ==, "Features & Leakage");
  g_assert_cmpstr (result->page_id, ==, "features");
  g_assert_null (strchr (result->snippet, '\n'));
  g_clear_pointer (&result, pf_search_result_free);

  result = only_result (search, "creme brulee");
  g_assert_cmpstr (result->register_id, ==, "risks");
  g_assert_cmpstr (result->record_id, ==, risk);
  g_assert_cmpstr (result->snippet + result->match_start, ==, "Crème brûlée supplier fails");
  g_assert_cmpuint (result->match_length, ==, strlen ("Crème brûlée"));
  g_clear_pointer (&result, pf_search_result_free);

  result = only_result (search, "oztu");
  g_assert_cmpstr (result->register_id, ==, "stakeholders");
  g_assert_cmpstr (result->title, ==, "Renée Öztürk");
  g_clear_pointer (&result, pf_search_result_free);

  /* A record appears once even when several of its fields match; questions
   * come before records. */
  results = pf_search_query (search, "cancel", PF_SEARCH_DEFAULT_LIMIT, NULL);
  g_assert_cmpuint (results->len, >=, 2);
  {
    guint n_feature = 0;
    gboolean seen_record = FALSE;

    for (guint i = 0; i < results->len; i++)
      {
        PfSearchResult *r = g_ptr_array_index (results, i);

        if (r->kind == PF_SEARCH_RESULT_RECORD)
          seen_record = TRUE;
        else
          g_assert_false (seen_record);
        n_feature += g_strcmp0 (r->record_id, feature) == 0;
      }
    g_assert_cmpuint (n_feature, ==, 1);
  }
  g_clear_pointer (&results, g_ptr_array_unref);

  /* Changes are seen at the next query, removals too. */
  g_assert_true (pf_document_remove_record (document, "risks", risk, &error));
  results = pf_search_query (search, "creme brulee", PF_SEARCH_DEFAULT_LIMIT, NULL);
  g_assert_cmpuint (results->len, ==, 0);
  g_clear_pointer (&results, g_ptr_array_unref);

  g_assert_true (pf_document_undo (document));
  results = pf_search_query (search, "creme brulee", PF_SEARCH_DEFAULT_LIMIT, NULL);
  g_assert_cmpuint (results->len, ==, 1);
}

/* Another catalog: its questions, not the old ones. */
static void
test_search_catalog_change (void)
{
  static const char text[] =
    "<catalog id=\"org.example.mini\" version=\"1\"><title>Mini</title>"
    "<phase id=\"business-understanding\"><step id=\"a\"><title>A</title>"
    "<question id=\"business-understanding.colour\" type=\"text\">"
    "<text>Which colour is the sky?</text><why>Because.</why></question>"
    "</step><gate/></phase>"
    "<phase id=\"data-understanding\"><step id=\"b\"><title>B</title></step><gate/></phase>"
    "<phase id=\"data-preparation\"><step id=\"c\"><title>C</title></step><gate/></phase>"
    "<phase id=\"modeling\"><step id=\"d\"><title>D</title></step><gate/></phase>"
    "<phase id=\"evaluation\"><step id=\"e\"><title>E</title></step><gate/></phase>"
    "<phase id=\"deployment\"><step id=\"f\"><title>F</title></step><gate/></phase>"
    TEST_ML_TEST_SCORE "</catalog>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(PfCatalog) mini = pf_catalog_new_from_bytes (bytes, FALSE, &error);
  g_autoptr(PfCatalog) catalog = load_builtin ();
  g_autoptr(PfSearch) search = pf_search_new (catalog, NULL);
  g_autoptr(GPtrArray) results = NULL;

  g_assert_no_error (error);
  results = pf_search_query (search, "colour is the sky", 10, NULL);
  g_assert_cmpuint (results->len, ==, 0);
  g_clear_pointer (&results, g_ptr_array_unref);

  pf_search_set_catalog (search, mini);
  results = pf_search_query (search, "colour is the sky", 10, NULL);
  g_assert_cmpuint (results->len, ==, 1);
  g_clear_pointer (&results, g_ptr_array_unref);
  results = pf_search_query (search, "which business problem", 10, NULL);
  g_assert_cmpuint (results->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/fold", test_search_fold);
  g_test_add_func ("/search/catalog", test_search_catalog);
  g_test_add_func ("/search/document", test_search_document);
  g_test_add_func ("/search/catalog-change", test_search_catalog_change);

  return g_test_run ();
}
