/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pf-audit.h"
#include "pf-document.h"
#include "pf-json.h"
#include "test-util.h"

/* The audit trail: one entry per change, chained by hashes, verified on
 * load; tampering with a saved file shows as "broken at entry N". */

static JsonObject *
entry_at (PfDocument *document,
          int         index)
{
  JsonArray *audit = pf_document_get_audit (document);

  if (index < 0)
    index += json_array_get_length (audit);
  return json_array_get_object_element (audit, index);
}

/* For "old": there, whatever it is. */
#define ANY "<any>"

static void
assert_entry (JsonObject *entry,
              const char *actor,
              const char *action,
              const char *object,
              const char *field,
              const char *old_value,
              const char *new_value)
{
  g_autoptr(GDateTime) time = NULL;

  g_assert_nonnull (entry);
  time = g_date_time_new_from_iso8601 (json_object_get_string_member (entry, "time"), NULL);
  g_assert_nonnull (time);
  g_assert_true (g_str_has_suffix (json_object_get_string_member (entry, "time"), "Z"));
  g_assert_cmpstr (json_object_get_string_member (entry, "actor"), ==, actor);
  g_assert_cmpstr (json_object_get_string_member (entry, "action"), ==, action);
  g_assert_cmpstr (json_object_get_string_member (entry, "object"), ==, object);
  g_assert_cmpstr (json_object_get_string_member (entry, "field"), ==, field);
  if (g_strcmp0 (old_value, ANY) == 0)
    g_assert_nonnull (json_object_get_member (entry, "old"));
  else if (old_value == NULL)
    g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (entry, "old")));
  else
    g_assert_cmpstr (json_object_get_string_member (entry, "old"), ==, old_value);
  if (new_value != NULL)
    g_assert_cmpstr (json_object_get_string_member (entry, "new"), ==, new_value);
  g_assert_cmpuint (strlen (json_object_get_string_member (entry, "hash")), ==, 64);
  g_assert_cmpuint (strlen (json_object_get_string_member (entry, "prev")), ==, 64);
}

static void
test_audit_entries (void)
{
  g_autoptr(PfDocument) document = pf_document_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = json_node_init_string (json_node_alloc (), "Fewer cancellations");
  g_autofree char *feature = NULL;
  g_autofree char *sign_off = NULL;
  PfAuditStatus status = { 0 };
  JsonArray *audit;

  g_assert_null (pf_document_get_audit_head (document));
  pf_audit_verify (pf_document_get_audit (document), &status);
  g_assert_cmpuint (status.n_entries, ==, 0);
  g_assert_cmpuint (status.broken_at, ==, 0);
  g_assert_null (status.head);

  pf_document_set_actor (document, "Ada");
  test_set (document, "metadata", "title", "Churn");
  assert_entry (entry_at (document, -1), "Ada", "set", "metadata", "title", "", "Churn");
  g_assert_cmpstr (json_object_get_string_member (entry_at (document, 0), "prev"), ==, PF_AUDIT_GENESIS);
  g_assert_cmpint (json_object_get_int_member (entry_at (document, 0), "seq"), ==, 1);

  pf_document_set_actor (document, "Grace");
  g_assert_true (pf_document_set_answer (document, "business-understanding.objective", answer, &error));
  g_assert_no_error (error);
  assert_entry (entry_at (document, -1), "Grace", "set", "answers/business-understanding.objective", "value", NULL,
                "Fewer cancellations");

  feature = test_add_record (document, "features");
  assert_entry (entry_at (document, -1), "Grace", "add", "features/feature-1", "", NULL, NULL);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (entry_at (document, -1), "new"), "id"),
                   ==, "feature-1");

  test_set (document, "features/feature-1", "verdict", "keep");
  assert_entry (entry_at (document, -1), "Grace", "set", "features/feature-1", "verdict", "pending", "keep");

  g_assert_true (pf_document_remove_record (document, "features", "feature-1", &error));
  assert_entry (entry_at (document, -1), "Grace", "remove", "features/feature-1", "", ANY, NULL);
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (entry_at (document, -1), "new")));
  /* The removed record as it was, verdict and all. */
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (entry_at (document, -1), "old"), "verdict"),
                   ==, "keep");

  g_assert_true (pf_document_undo (document));
  assert_entry (entry_at (document, -1), "Grace", "undo", "features/feature-1", "", NULL, NULL);

  g_assert_true (pf_document_change_business_question (document, "Who leaves?", "Recall 0.6", NULL, &error));
  assert_entry (entry_at (document, -1), "Grace", "add", "business-question", "", NULL, NULL);

  sign_off = pf_document_sign_off (document, "project", "Grace Hopper", "Sponsor", "approved", NULL, &error);
  g_assert_no_error (error);
  assert_entry (entry_at (document, -1), "Grace", "sign-off", "sign-offs/sign-off-1", "", NULL, NULL);

  pf_document_record_event (document, "export", "project", "churn.pdf");
  assert_entry (entry_at (document, -1), "Grace", "export", "project", "", NULL, "churn.pdf");

  /* Numbered, linked and intact. */
  audit = pf_document_get_audit (document);
  g_assert_cmpuint (json_array_get_length (audit), ==, 9);
  for (guint i = 0; i < json_array_get_length (audit); i++)
    {
      JsonObject *entry = json_array_get_object_element (audit, i);

      g_assert_cmpint (json_object_get_int_member (entry, "seq"), ==, i + 1);
      if (i > 0)
        g_assert_cmpstr (json_object_get_string_member (entry, "prev"), ==,
                         json_object_get_string_member (json_array_get_object_element (audit, i - 1), "hash"));
    }

  pf_audit_verify (audit, &status);
  g_assert_cmpuint (status.n_entries, ==, 9);
  g_assert_cmpuint (status.broken_at, ==, 0);
  g_assert_null (status.problem);
  g_assert_cmpstr (status.head, ==, json_object_get_string_member (entry_at (document, -1), "hash"));
  g_assert_cmpstr (status.head, ==, pf_document_get_audit_head (document));
  pf_audit_status_clear (&status);
}

/* The hash is the SHA-256 of the canonical entry without its hash. */
static void
test_audit_hash (void)
{
  g_autoptr(JsonArray) audit = json_array_new ();
  g_autoptr(JsonNode) old_value = json_node_init_string (json_node_alloc (), "a");
  g_autoptr(JsonNode) new_value = json_node_init_int (json_node_alloc (), 2);
  JsonObject *entry;
  g_autofree char *canonical = NULL;
  g_autofree char *sha256 = NULL;
  g_autoptr(JsonNode) copy = NULL;
  static const char expected[] =
    "{\"action\":\"set\",\"actor\":\"Ada\",\"field\":\"title\",\"new\":2,\"object\":\"metadata\",\"old\":\"a\","
    "\"prev\":\"" PF_AUDIT_GENESIS "\",\"seq\":1,\"time\":\"2026-01-01T00:00:00.000Z\"}";

  entry = pf_audit_append (audit, "2026-01-01T00:00:00.000Z", "Ada", "set", "metadata", "title", old_value, new_value);
  copy = pf_json_node_copy_deep (json_array_get_element (audit, 0));
  json_object_remove_member (json_node_get_object (copy), "hash");
  canonical = pf_json_to_canonical (copy);
  g_assert_cmpstr (canonical, ==, expected);
  sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, expected, -1);
  g_assert_cmpstr (json_object_get_string_member (entry, "hash"), ==, sha256);
  /* sha256sum of the text above. */
  g_assert_cmpstr (sha256, ==, "585b1884cd72fe307a95b8f4925d118b4dc0b3f847a8021928a9c634e18e5a14");
}

static char *
save_to_temp (PfDocument  *document,
              char       **dir_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("preflight-audit-XXXXXX", &error);
  char *path = g_build_filename (dir, "project.preflight", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_no_error (error);
  g_assert_true (test_save (document, file, FALSE, &error));
  g_assert_no_error (error);
  *dir_out = g_steal_pointer (&dir);
  return path;
}

typedef void (*TamperFunc) (JsonArray *audit);

static void
tamper_new_value (JsonArray *audit)
{
  json_object_set_string_member (json_array_get_object_element (audit, 3), "new", "drop");
}

static void
tamper_delete (JsonArray *audit)
{
  json_array_remove_element (audit, 3);
}

static void
tamper_delete_last (JsonArray *audit)
{
  /* Not detectable from the file alone: only an anchor shows it. */
  json_array_remove_element (audit, json_array_get_length (audit) - 1);
}

static void
tamper_swap (JsonArray *audit)
{
  JsonNode *a = json_node_ref (json_array_get_element (audit, 3));
  JsonNode *b = json_node_ref (json_array_get_element (audit, 4));
  g_autoptr(GPtrArray) tail = g_ptr_array_new_with_free_func ((GDestroyNotify)json_node_unref);
  guint n = json_array_get_length (audit);

  for (guint i = 5; i < n; i++)
    g_ptr_array_add (tail, json_node_ref (json_array_get_element (audit, i)));
  for (guint i = n; i > 3; i--)
    json_array_remove_element (audit, i - 1);
  json_array_add_element (audit, b);
  json_array_add_element (audit, a);
  for (guint i = 0; i < tail->len; i++)
    json_array_add_element (audit, json_node_ref (g_ptr_array_index (tail, i)));
}

static void
tamper_prev (JsonArray *audit)
{
  json_object_set_string_member (json_array_get_object_element (audit, 3), "prev",
                                 "1111111111111111111111111111111111111111111111111111111111111111");
}

static void
tamper_seq (JsonArray *audit)
{
  json_object_set_int_member (json_array_get_object_element (audit, 3), "seq", 40);
}

/* Rewrites entry 4 and re-seals it and every later entry: the chain holds,
 * only an anchor kept elsewhere shows the rewrite. */
static void
tamper_rewrite (JsonArray *audit)
{
  guint n = json_array_get_length (audit);

  json_object_set_string_member (json_array_get_object_element (audit, 3), "new", "drop");
  for (guint i = 3; i < n; i++)
    {
      JsonObject *entry = json_array_get_object_element (audit, i);

      json_object_set_string_member (entry, "prev",
                                     json_object_get_string_member (json_array_get_object_element (audit, i - 1), "hash"));
      pf_audit_seal_entry (entry);
    }
}

static PfDocument *
tampered_copy (const char  *path,
               TamperFunc   tamper,
               GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *tampered = NULL;
  g_autofree char *tampered_path = g_strconcat (path, ".tampered", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (tampered_path);
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  g_assert_true (json_parser_load_from_file (parser, path, &local_error));
  g_assert_no_error (local_error);
  root = json_parser_get_root (parser);
  tamper (json_object_get_array_member (json_node_get_object (root), "audit"));
  tampered = pf_json_to_pretty (root);
  g_assert_true (g_file_set_contents (tampered_path, tampered, -1, &local_error));
  g_assert_no_error (local_error);

  return test_load_file (file, error);
}

static void
test_audit_tamper (void)
{
  static const struct {
    const char *name;
    TamperFunc  tamper;
    guint       broken_at;
    const char *problem;
  } cases[] = {
    { "new value changed", tamper_new_value, 4, "changed" },
    { "entry deleted", tamper_delete, 4, "sequence" },
    { "entries swapped", tamper_swap, 4, "sequence" },
    { "prev changed", tamper_prev, 4, "link" },
    { "seq changed", tamper_seq, 4, "sequence" },
    { "last entry deleted", tamper_delete_last, 0, NULL },
    { "history rewritten", tamper_rewrite, 0, NULL },
  };
  g_autoptr(PfDocument) document = pf_document_new ();
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *early_head = NULL;
  g_autofree char *head = NULL;
  g_autoptr(GError) error = NULL;

  pf_document_set_actor (document, "Ada");
  test_set (document, "metadata", "title", "One");
  test_set (document, "metadata", "description", "Two");
  g_free (test_add_record (document, "features"));
  early_head = g_strdup (pf_document_get_audit_head (document));
  test_set (document, "features/feature-1", "verdict", "keep");   /* entry 4 */
  test_set (document, "features/feature-1", "name", "age");       /* entry 5 */
  test_set (document, "metadata", "title", "Three");              /* entry 6 */
  head = g_strdup (pf_document_get_audit_head (document));

  path = save_to_temp (document, &dir);

  /* The untouched file. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(PfDocument) loaded = test_load_file (file, &error);
    PfAuditStatus status = { 0 };
    const char *problem = "unset";

    g_assert_no_error (error);
    /* Opening leaves the check to pf_document_verify_audit_async(). */
    g_assert_false (pf_document_get_audit_verified (loaded));
    pf_document_verify_audit (loaded, &status);
    g_assert_true (pf_document_get_audit_verified (loaded));
    g_assert_cmpuint (pf_document_get_audit_broken_at (loaded, &problem), ==, 0);
    g_assert_null (problem);
    g_assert_cmpuint (status.n_entries, ==, 6);
    g_assert_cmpuint (status.broken_at, ==, 0);
    g_assert_cmpstr (status.head, ==, head);
    pf_audit_status_clear (&status);

    /* Anchors: a head kept earlier is in the chain, a made-up one is not. */
    g_assert_true (pf_audit_contains_hash (pf_document_get_audit (loaded), early_head));
    g_assert_true (pf_audit_contains_hash (pf_document_get_audit (loaded), head));
    g_assert_false (pf_audit_contains_hash (pf_document_get_audit (loaded),
                                            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"));
    g_assert_false (pf_audit_contains_hash (pf_document_get_audit (loaded), ""));
  }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PfDocument) loaded = NULL;
      PfAuditStatus status = { 0 };
      const char *problem = NULL;

      g_test_message ("%s", cases[i].name);
      loaded = tampered_copy (path, cases[i].tamper, &error);
      /* A broken chain opens, and says where it breaks. */
      g_assert_no_error (error);
      g_assert_nonnull (loaded);
      pf_document_verify_audit (loaded, &status);
      g_assert_cmpuint (pf_document_get_audit_broken_at (loaded, &problem), ==, cases[i].broken_at);
      g_assert_cmpuint (status.broken_at, ==, cases[i].broken_at);
      if (cases[i].problem != NULL)
        {
          g_assert_nonnull (problem);
          g_assert_nonnull (strstr (problem, cases[i].problem));
          g_assert_cmpstr (status.problem, ==, problem);
        }
      pf_audit_status_clear (&status);

      /* The anchor from before the tampering. */
      if (cases[i].tamper == tamper_delete_last || cases[i].tamper == tamper_rewrite)
        g_assert_false (pf_audit_contains_hash (pf_document_get_audit (loaded), head));
      if (cases[i].tamper == tamper_rewrite)
        g_assert_true (pf_audit_contains_hash (pf_document_get_audit (loaded), early_head));
    }

  test_rm_rf (dir);
}

/* Saved entries are never amended: typing after a save is a new entry,
 * so the head kept at the save stays in the chain. */
static void
test_audit_sealed_by_save (void)
{
  g_autoptr(PfDocument) document = pf_document_new ();
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *saved_head = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  test_set (document, "metadata", "title", "Ch");
  path = save_to_temp (document, &dir);
  saved_head = g_strdup (pf_document_get_audit_head (document));
  n = json_array_get_length (pf_document_get_audit (document));

  test_set (document, "metadata", "title", "Churn");
  g_assert_cmpuint (json_array_get_length (pf_document_get_audit (document)), ==, n + 1);
  g_assert_true (pf_audit_contains_hash (pf_document_get_audit (document), saved_head));

  /* Unsaved typing still folds into one entry. */
  test_set (document, "metadata", "title", "Churn at");
  g_assert_cmpuint (json_array_get_length (pf_document_get_audit (document)), ==, n + 1);

  g_assert_true (test_save (document, NULL, FALSE, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(PfDocument) loaded = test_load_file (file, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (pf_document_get_audit_broken_at (loaded, NULL), ==, 0);
    g_assert_true (pf_audit_contains_hash (pf_document_get_audit (loaded), saved_head));

    /* Nor are entries loaded from a file. */
    test_set (loaded, "metadata", "title", "Churn at N");
    g_assert_cmpuint (json_array_get_length (pf_document_get_audit (loaded)), ==, n + 2);
  }

  test_rm_rf (dir);
}

/* A file that gives "audit" twice: as every JSON reader, Preflight keeps
 * the last one only, in the file it reads and in the file it writes. */
static void
test_audit_repeated_member (void)
{
  g_autoptr(PfDocument) document = pf_document_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PfDocument) loaded = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *serialized = NULL;
  JsonArray *audit;
  PfAuditStatus status = { 0 };
  const char *start;

  test_set (document, "metadata", "title", "One");
  test_set (document, "metadata", "description", "Two");
  serialized = test_serialize (document);
  audit = pf_document_get_audit (document);
  g_assert_cmpuint (json_array_get_length (audit), ==, 2);

  /* "audit": [first entry only], then the whole trail again. */
  start = strstr (serialized, "\"audit\": [");
  g_assert_nonnull (start);
  g_string_append_len (text, serialized, start - serialized);
  g_string_append (text, "\"audit\": [7, 8, 9],\n  ");
  g_string_append (text, start);

  loaded = test_load_string (text->str, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pf_document_get_audit_length (loaded), ==, 2);
  pf_document_verify_audit (loaded, &status);
  g_assert_cmpuint (status.broken_at, ==, 0);
  pf_audit_status_clear (&status);

  saved = pf_document_serialize (loaded);
  g_assert_null (g_strstr_len (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved), "[7, 8, 9]"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/audit/entries", test_audit_entries);
  g_test_add_func ("/audit/hash", test_audit_hash);
  g_test_add_func ("/audit/tamper", test_audit_tamper);
  g_test_add_func ("/audit/sealed-by-save", test_audit_sealed_by_save);

  g_test_add_func ("/audit/repeated-member", test_audit_repeated_member);

  return g_test_run ();
}
