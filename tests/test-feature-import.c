/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pf-feature-import.h"
#include "test-util.h"

/* Feature names from a CSV header or a data dictionary, and what importing
 * them does to a project that already has features. */

static GPtrArray *
parse (const char *text,
       gboolean   *is_dictionary)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *features = pf_feature_import_parse_csv (text, strlen (text), is_dictionary, &error);

  g_assert_no_error (error);
  g_assert_nonnull (features);
  return features;
}

static const char *
name_at (GPtrArray *features,
         guint      index)
{
  return ((PfImportedFeature *)g_ptr_array_index (features, index))->name;
}

static const char *
description_at (GPtrArray *features,
                guint      index)
{
  return ((PfImportedFeature *)g_ptr_array_index (features, index))->description;
}

static void
test_header (void)
{
  gboolean dictionary = TRUE;
  g_autoptr(GPtrArray) features = parse ("customer_id,tenure, monthly_fee ,,churned\n1,2,3,4,5\n", &dictionary);

  /* Every column of the header, trimmed; an empty column name is skipped. */
  g_assert_false (dictionary);
  g_assert_cmpuint (features->len, ==, 4);
  g_assert_cmpstr (name_at (features, 0), ==, "customer_id");
  g_assert_cmpstr (name_at (features, 2), ==, "monthly_fee");
  g_assert_cmpstr (name_at (features, 3), ==, "churned");
  g_assert_cmpstr (description_at (features, 0), ==, "");
}

static void
test_quotes (void)
{
  g_autoptr(GPtrArray) features = parse ("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",plain", NULL);

  g_assert_cmpuint (features->len, ==, 4);
  g_assert_cmpstr (name_at (features, 0), ==, "a,b");
  g_assert_cmpstr (name_at (features, 1), ==, "say \"hi\"");
  g_assert_cmpstr (name_at (features, 2), ==, "two\nlines");
  g_assert_cmpstr (name_at (features, 3), ==, "plain");
}

static void
test_dictionary (void)
{
  gboolean dictionary = FALSE;
  /* A BOM, CRLF, the columns in another order and case, a description with
   * a comma, doubled quotes and a line break, an empty name, a duplicate. */
  g_autoptr(GPtrArray) features =
    parse ("\xEF\xBB\xBF" "Description,unit,NAME\r\n"
           "\"Months as a customer, rounded down\",months,tenure\r\n"
           "\"Calls to \"\"care\"\"\r\nin the last 90 days\",calls,care_calls\r\n"
           "nothing,,\r\n"
           ",,tenure\r\n"
           "Fee per month,EUR,monthly_fee\r\n",
           &dictionary);

  g_assert_true (dictionary);
  g_assert_cmpuint (features->len, ==, 3);
  g_assert_cmpstr (name_at (features, 0), ==, "tenure");
  g_assert_cmpstr (description_at (features, 0), ==, "Months as a customer, rounded down");
  g_assert_cmpstr (name_at (features, 1), ==, "care_calls");
  g_assert_cmpstr (description_at (features, 1), ==, "Calls to \"care\"\r\nin the last 90 days");
  g_assert_cmpstr (name_at (features, 2), ==, "monthly_fee");
  g_assert_cmpstr (description_at (features, 2), ==, "Fee per month");
}

static void
test_duplicate_fills_description (void)
{
  g_autoptr(GPtrArray) features = parse ("name,description\nage,\nage,Age in years\nage,Other\n", NULL);

  g_assert_cmpuint (features->len, ==, 1);
  g_assert_cmpstr (description_at (features, 0), ==, "Age in years");
}

static void
test_errors (void)
{
  static const struct { const char *text; gsize length; int code; } cases[] = {
    { "", 0, PF_FEATURE_IMPORT_ERROR_EMPTY },
    { "\xEF\xBB\xBF", 3, PF_FEATURE_IMPORT_ERROR_EMPTY },
    { " , ,\n", 5, PF_FEATURE_IMPORT_ERROR_EMPTY },
    { "name,description\n", 17, PF_FEATURE_IMPORT_ERROR_EMPTY },
    { "a,\"b\nc", 6, PF_FEATURE_IMPORT_ERROR_SYNTAX },
    { "a,\xff\xfe", 4, PF_FEATURE_IMPORT_ERROR_ENCODING },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) features = pf_feature_import_parse_csv (cases[i].text, cases[i].length, NULL, &error);

      g_assert_null (features);
      g_assert_error (error, PF_FEATURE_IMPORT_ERROR, cases[i].code);
      g_assert_cmpstr (error->message, !=, "");
    }

  /* The message says where the open quote is. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) features = pf_feature_import_parse_csv ("a\nb,\"c\n\nd", 9, NULL, &error);

    g_assert_null (features);
    g_assert_nonnull (strstr (error->message, "line 2"));
  }
}

static const char *
feature_field (PfDocument *document,
               guint       index,
               const char *field)
{
  JsonArray *records = pf_document_get_records (document, "features");

  return json_object_get_string_member (json_array_get_object_element (records, index), field);
}

static void
test_apply (void)
{
  g_autoptr(PfDocument) document = pf_document_new ();
  g_autoptr(GPtrArray) features = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reviewed = NULL;
  g_autofree char *undescribed = NULL;
  g_autofree char *object = NULL;
  guint added = 0, present = 0;

  pf_document_make_new_project (document);

  /* One feature a reviewer already described, one without a description. */
  reviewed = pf_document_add_record (document, "features", &error);
  object = g_strconcat ("features/", reviewed, NULL);
  g_assert_true (pf_document_set_string (document, object, "name", "tenure", &error));
  g_assert_true (pf_document_set_string (document, object, "description", "Reviewer's words", &error));
  g_assert_true (pf_document_set_string (document, object, "verdict", "keep", &error));
  g_clear_pointer (&object, g_free);
  undescribed = pf_document_add_record (document, "features", &error);
  object = g_strconcat ("features/", undescribed, NULL);
  g_assert_true (pf_document_set_string (document, object, "name", "monthly_fee", &error));
  g_assert_no_error (error);

  features = parse ("name,description\n"
                    "tenure,Months as a customer\n"
                    "monthly_fee,Fee per month\n"
                    "care_calls,Calls to care\n"
                    "region,\n",
                    NULL);
  g_assert_true (pf_feature_import_apply (document, features, &added, &present, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 2);
  g_assert_cmpuint (present, ==, 2);

  /* Nothing is duplicated, nothing a reviewer wrote is overwritten. */
  g_assert_cmpuint (json_array_get_length (pf_document_get_records (document, "features")), ==, 4);
  g_assert_cmpstr (feature_field (document, 0, "description"), ==, "Reviewer's words");
  g_assert_cmpstr (feature_field (document, 0, "verdict"), ==, "keep");
  g_assert_cmpstr (feature_field (document, 1, "description"), ==, "Fee per month");
  g_assert_cmpstr (feature_field (document, 2, "name"), ==, "care_calls");
  g_assert_cmpstr (feature_field (document, 2, "description"), ==, "Calls to care");
  g_assert_cmpstr (feature_field (document, 2, "verdict"), ==, "pending");
  g_assert_cmpstr (feature_field (document, 3, "name"), ==, "region");

  /* The whole import is one undo step. */
  g_assert_true (pf_document_undo (document));
  g_assert_cmpuint (json_array_get_length (pf_document_get_records (document, "features")), ==, 2);
  g_assert_cmpstr (feature_field (document, 1, "description"), ==, "");
  g_assert_cmpstr (feature_field (document, 0, "description"), ==, "Reviewer's words");

  /* Importing the same file twice adds nothing the second time. */
  g_assert_true (pf_document_redo (document));
  g_assert_true (pf_feature_import_apply (document, features, &added, &present, &error));
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (present, ==, 4);
  g_assert_cmpuint (json_array_get_length (pf_document_get_records (document, "features")), ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/feature-import/header", test_header);
  g_test_add_func ("/feature-import/quotes", test_quotes);
  g_test_add_func ("/feature-import/dictionary", test_dictionary);
  g_test_add_func ("/feature-import/duplicate", test_duplicate_fills_description);
  g_test_add_func ("/feature-import/errors", test_errors);
  g_test_add_func ("/feature-import/apply", test_apply);

  return g_test_run ();
}
