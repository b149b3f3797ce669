/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Helpers shared by the core tests. Header-only (static inline) because
 * each test is built from its own single source file. */

#include <glib/gstdio.h>
#include <string.h>

#include "pf-document.h"
#include "pf-schema.h"

/* The smallest ML Test Score a catalog may have: its four sections, one
 * test each. */
#define TEST_ML_TEST_SCORE \
  "<ml-test-score>" \
  "<section id=\"data\"><title>Data</title><test id=\"data-1\"><title>D1</title></test></section>" \
  "<section id=\"model\"><title>Model</title><test id=\"model-1\"><title>M1</title></test></section>" \
  "<section id=\"infrastructure\"><title>Infrastructure</title><test id=\"infrastructure-1\"><title>I1</title></test></section>" \
  "<section id=\"monitoring\"><title>Monitoring</title><test id=\"monitoring-1\"><title>O1</title></test></section>" \
  "</ml-test-score>"

static inline PfDocument *
test_load_string (const char  *text,
                  GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return pf_document_new_from_bytes (bytes, error);
}

static inline char *
test_serialize (PfDocument *document)
{
  g_autoptr(GBytes) bytes = pf_document_serialize (document);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* A serialised document parsed back: a fresh tree, shared with nothing. */
static inline PfDocument *
test_reload (PfDocument *document)
{
  g_autoptr(GBytes) bytes = pf_document_serialize (document);
  g_autoptr(GError) error = NULL;
  PfDocument *copy = pf_document_new_from_bytes (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (copy);
  return copy;
}

static inline void
test_async_result_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static inline PfDocument *
test_load_file (GFile   *file,
                GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  pf_document_load_async (file, NULL, test_async_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return pf_document_load_finish (result, error);
}

static inline gboolean
test_save (PfDocument  *document,
           GFile       *file,
           gboolean     overwrite_changes,
           GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  pf_document_save_async (document, file, overwrite_changes, NULL, test_async_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return pf_document_save_finish (document, result, error);
}

static inline void
test_set (PfDocument *document,
          const char *object,
          const char *field,
          const char *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pf_document_set_string (document, object, field, value, &error));
  g_assert_no_error (error);
}

static inline char *
test_add_record (PfDocument *document,
                 const char *register_id)
{
  g_autoptr(GError) error = NULL;
  char *id = pf_document_add_record (document, register_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

/* A project with something in every part of the file. */
static inline PfDocument *
test_build_document (guint n_features)
{
  PfDocument *document = pf_document_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = json_node_init_string (json_node_alloc (), "Cut churn by a fifth");
  g_autofree char *signed_id = NULL;

  pf_document_set_actor (document, "Ada Lovelace");
  test_set (document, "metadata", "title", "Churn at Nordwind");
  test_set (document, "metadata", "description", "Line one\nLine two with “quotes” and \\ and \t");

  g_assert_true (pf_document_set_answer (document, "business-understanding.objective", answer, &error));
  g_assert_no_error (error);
  g_assert_true (pf_document_set_not_applicable (document, "deployment.rollback",
                                                 "Batch scores only; nothing to roll back", &error));
  g_assert_no_error (error);

  for (guint i = 0; i < pf_schema_get_n_registers (); i++)
    {
      const PfRegister *reg = pf_schema_get_register (i);
      g_autofree char *id = test_add_record (document, reg->id);
      g_autofree char *object = g_strconcat (reg->id, "/", id, NULL);

      if (pf_register_find_field (reg, "name"))
        test_set (document, object, "name", reg->id);
    }

  for (guint i = 1; i < n_features; i++)
    {
      g_autofree char *id = test_add_record (document, "features");
      g_autofree char *object = g_strconcat ("features/", id, NULL);

      test_set (document, object, "name", "a feature with a reasonably long name");
      test_set (document, object, "verdict", i % 2 ? "keep" : "drop");
    }

  g_assert_true (pf_document_change_business_question (document, "Who will cancel in 60 days?",
                                                       "Recall 0.6 at 20% calls", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (pf_document_change_business_question (document, "Who will cancel in 90 days?",
                                                       "Recall 0.6 at 20% calls", "Contracts have 90 days' notice", &error));
  g_assert_no_error (error);

  signed_id = pf_document_sign_off (document, "phase:business-understanding", "Grace Hopper", "Sponsor",
                                    "approved", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (signed_id);

  return document;
}

static inline gboolean
test_file_equals (const char *path,
                  const char *expected)
{
  g_autofree char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return FALSE;
  return g_strcmp0 (contents, expected) == 0;
}

static inline void
test_rm_rf (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)))
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          test_rm_rf (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}
