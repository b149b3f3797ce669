/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pf-document.h"
#include "pf-json.h"
#include "pf-schema.h"
#include "pf-scope.h"
#include "pf-scope-describe.h"
#include "test-util.h"

/* Sign-off records: current while the content of their scope is what was
 * signed, stale (with what changed) once it is not, withdrawn by a record
 * of its own, never deleted. */

/* A project with no time stamps of the app's own, so that the content of a
 * scope is known in advance. */
static const char fixed_project[] =
  "{\"format\": \"preflight-project\", \"format-version\": 1,\n"
  " \"metadata\": {\"title\": \"T\"},\n"
  " \"answers\": {\n"
  "   \"business-understanding.objective\": {\"value\": \"Fewer cancellations\", \"changed-by\": \"Ada\", \"changed-at\": \"2026-01-01T00:00:00.000Z\"},\n"
  "   \"business-understanding.sponsor\": {\"not-applicable\": true, \"justification\": \"Internal tool\"},\n"
  "   \"data-understanding.x\": {\"value\": 1}},\n"
  " \"business-question\": [{\"id\": \"version-1\", \"question\": \"Who leaves?\", \"success-criterion\": \"Recall \xe2\x89\xa5 0.6\", "
  "\"reason\": \"\", \"author\": \"Ada\", \"time\": \"2026-01-01T00:00:00.000Z\"}],\n"
  " \"registers\": {\"features\": [{\"id\": \"feature-1\", \"name\": \"age\", \"verdict\": \"keep\"}]}}\n";

/* Computed independently: the canonical JSON (sorted keys, no white space)
 * written out by hand, and `sha256sum` of it. */
static const char expected_business_content[] =
  "{\"answers\":{\"business-understanding.objective\":{\"value\":\"Fewer cancellations\"},"
  "\"business-understanding.sponsor\":{\"justification\":\"Internal tool\",\"not-applicable\":true}},"
  "\"business-question\":{\"author\":\"Ada\",\"id\":\"version-1\",\"question\":\"Who leaves?\",\"reason\":\"\","
  "\"success-criterion\":\"Recall \xe2\x89\xa5 0.6\",\"time\":\"2026-01-01T00:00:00.000Z\"}}";
static const char expected_business_sha256[] = "38680aacd71f56ebc6d81104de7f8f62bbd38599af344de4fd314ac4c6b78844";
static const char expected_leakage_content[] = "{\"features\":[{\"id\":\"feature-1\",\"name\":\"age\",\"verdict\":\"keep\"}]}";
static const char expected_leakage_sha256[] = "b08c220eec22a19f36afddb3405584d3897181041e062f0b768fe9f841c8c8c9";

static PfDocument *
load_fixed (void)
{
  g_autoptr(GError) error = NULL;
  PfDocument *document = test_load_string (fixed_project, &error);

  g_assert_no_error (error);
  pf_document_set_actor (document, "Tester");
  return document;
}

static char *
sign (PfDocument *document,
      const char *scope,
      const char *meaning)
{
  g_autoptr(GError) error = NULL;
  char *id = pf_document_sign_off (document, scope, "Grace Hopper", "Sponsor", meaning, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

static void
set_answer (PfDocument *document,
            const char *question,
            const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), value);

  g_assert_true (pf_document_set_answer (document, question, node, &error));
  g_assert_no_error (error);
}

static void
assert_changes (GPtrArray  *changes,
                const char *first,
                ...)
{
  va_list args;
  guint n = 0;

  g_assert_nonnull (changes);
  va_start (args, first);
  for (const char *change = first; change != NULL; change = va_arg (args, const char *), n++)
    {
      g_assert_cmpuint (n, <, changes->len);
      g_assert_cmpstr (g_ptr_array_index (changes, n), ==, change);
    }
  va_end (args);
  g_assert_cmpuint (changes->len, ==, n);
}

static JsonObject *
find_record (PfDocument *document,
             const char *id)
{
  JsonArray *sign_offs = pf_document_get_sign_offs (document);

  for (guint i = 0; i < json_array_get_length (sign_offs); i++)
    {
      JsonObject *record = json_array_get_object_element (sign_offs, i);

      if (g_strcmp0 (json_object_get_string_member (record, "id"), id) == 0)
        return record;
    }

  return NULL;
}

static void
test_sign_off_content_hash (void)
{
  g_autoptr(PfDocument) document = load_fixed ();
  g_autoptr(JsonNode) content = NULL;
  g_autoptr(JsonNode) leakage = NULL;
  g_autofree char *canonical = NULL;
  g_autofree char *leakage_canonical = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *by_glib = NULL;
  g_autofree char *id = NULL;
  g_autofree char *leakage_id = NULL;
  g_autofree char *scope_sha256 = NULL;

  content = pf_scope_dup_content ("phase:business-understanding", pf_document_get_root (document));
  canonical = pf_json_to_canonical (content);
  g_assert_cmpstr (canonical, ==, expected_business_content);
  sha256 = pf_json_canonical_sha256 (content);
  g_assert_cmpstr (sha256, ==, expected_business_sha256);
  by_glib = g_compute_checksum_for_string (G_CHECKSUM_SHA256, canonical, -1);
  g_assert_cmpstr (by_glib, ==, expected_business_sha256);
  scope_sha256 = pf_scope_content_sha256 ("phase:business-understanding", pf_document_get_root (document));
  g_assert_cmpstr (scope_sha256, ==, expected_business_sha256);

  leakage = pf_scope_dup_content ("leakage-review", pf_document_get_root (document));
  leakage_canonical = pf_json_to_canonical (leakage);
  g_assert_cmpstr (leakage_canonical, ==, expected_leakage_content);

  /* The records hold exactly these hashes. */
  id = sign (document, "phase:business-understanding", "approved");
  g_assert_cmpstr (json_object_get_string_member (find_record (document, id), "content-sha256"), ==,
                   expected_business_sha256);
  leakage_id = sign (document, "leakage-review", "reviewed");
  g_assert_cmpstr (json_object_get_string_member (find_record (document, leakage_id), "content-sha256"), ==,
                   expected_leakage_sha256);

  /* Who answered and when is not content: re-entering an answer with the
   * same value by someone else does not change the hash. */
  pf_document_set_actor (document, "Someone Else");
  set_answer (document, "business-understanding.objective", "Fewer cancellations!");
  set_answer (document, "business-understanding.objective", "Fewer cancellations");
  g_assert_cmpstr (pf_document_get_string (document, "answers/business-understanding.objective", "changed-by"), ==, "Someone Else");
  g_clear_pointer (&scope_sha256, g_free);
  scope_sha256 = pf_scope_content_sha256 ("phase:business-understanding", pf_document_get_root (document));
  g_assert_cmpstr (scope_sha256, ==, expected_business_sha256);
  g_assert_cmpint (pf_document_get_sign_off_state (document, id, NULL), ==, PF_SIGN_OFF_CURRENT);
}

static void
test_sign_off_stale (void)
{
  g_autoptr(PfDocument) document = load_fixed ();
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = sign (document, "phase:business-understanding", "approved");
  JsonObject *record = find_record (document, id);

  g_assert_cmpstr (json_object_get_string_member (record, "kind"), ==, "sign-off");
  g_assert_cmpstr (json_object_get_string_member (record, "scope"), ==, "phase:business-understanding");
  g_assert_cmpstr (json_object_get_string_member (record, "name"), ==, "Grace Hopper");
  g_assert_cmpstr (json_object_get_string_member (record, "role"), ==, "Sponsor");
  g_assert_cmpstr (json_object_get_string_member (record, "meaning"), ==, "approved");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (record, "time"), "Z"));

  g_assert_cmpint (pf_document_get_sign_off_state (document, id, &changes), ==, PF_SIGN_OFF_CURRENT);
  g_assert_null (changes);

  /* An answer in the scope. */
  set_answer (document, "business-understanding.objective", "Fewer calls");
  g_assert_cmpint (pf_document_get_sign_off_state (document, id, &changes), ==, PF_SIGN_OFF_STALE);
  assert_changes (changes, "answers/business-understanding.objective value", NULL);
  g_clear_pointer (&changes, g_ptr_array_unref);

  /* Back to what was signed: current again. */
  set_answer (document, "business-understanding.objective", "Fewer cancellations");
  g_assert_cmpint (pf_document_get_sign_off_state (document, id, &changes), ==, PF_SIGN_OFF_CURRENT);
  g_assert_null (changes);

  /* Outside the scope: still current. */
  test_set (document, "features/feature-1", "verdict", "drop");
  test_set (document, "metadata", "title", "Another title");
  set_answer (document, "data-understanding.x", "2");
  set_answer (document, "business-understanding-extra.y", "not in the phase");
  g_assert_cmpint (pf_document_get_sign_off_state (document, id, NULL), ==, PF_SIGN_OFF_CURRENT);

  /* The business question belongs to Business Understanding. */
  g_assert_true (pf_document_change_business_question (document, "Who leaves within 90 days?", "Recall \xe2\x89\xa5 0.6",
                                                       "Notice period", &error));
  g_assert_no_error (error);
  g_assert_cmpint (pf_document_get_sign_off_state (document, id, &changes), ==, PF_SIGN_OFF_STALE);
  assert_changes (changes, "business-question", NULL);
  g_clear_pointer (&changes, g_ptr_array_unref);

  /* Undoing the change makes it current again. */
  g_assert_true (pf_document_undo (document));
  g_assert_cmpint (pf_document_get_sign_off_state (document, id, NULL), ==, PF_SIGN_OFF_CURRENT);

  /* Stale survives a save and reload, with what changed. */
  set_answer (document, "business-understanding.sponsor", "The CFO");
  {
    g_autoptr(PfDocument) reloaded = test_reload (document);

    g_assert_cmpint (pf_document_get_sign_off_state (reloaded, id, &changes), ==, PF_SIGN_OFF_STALE);
    assert_changes (changes, "answers/business-understanding.sponsor value",
                    "answers/business-understanding.sponsor not-applicable", NULL);
    g_clear_pointer (&changes, g_ptr_array_unref);
  }

  /* Unknown ids are not current. */
  g_assert_cmpint (pf_document_get_sign_off_state (document, "sign-off-99", NULL), ==, PF_SIGN_OFF_STALE);
}

static void
test_sign_off_leakage (void)
{
  g_autoptr(PfDocument) document = test_build_document (3);
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *id = NULL;
  g_autofree char *privacy = NULL;

  id = sign (document, "leakage-review", "approved");
  privacy = sign (document, "privacy-review", "reviewed");
  g_assert_cmpint (pf_document_get_sign_off_state (document, id, NULL), ==, PF_SIGN_OFF_CURRENT);

  /* Not features: current. */
  test_set (document, "risks/risk-1", "title", "Data arrives late");
  g_assert_cmpint (pf_document_get_sign_off_state (document, id, NULL), ==, PF_SIGN_OFF_CURRENT);

  test_set (document, "features/feature-3", "verdict", "transform");
  g_assert_cmpint (pf_document_get_sign_off_state (document, id, &changes), ==, PF_SIGN_OFF_STALE);
  assert_changes (changes, "features/feature-3 verdict", NULL);
  g_clear_pointer (&changes, g_ptr_array_unref);

  /* A new feature is a change of the review too; the verdict changed
   * back to what was signed is not listed any more. */
  test_set (document, "features/feature-3", "verdict", "drop");
  g_assert_cmpint (pf_document_get_sign_off_state (document, id, NULL), ==, PF_SIGN_OFF_CURRENT);
  {
    g_autofree char *feature = test_add_record (document, "features");

    g_assert_cmpint (pf_document_get_sign_off_state (document, id, &changes), ==, PF_SIGN_OFF_STALE);
    assert_changes (changes, "features/feature-4", NULL);
    g_clear_pointer (&changes, g_ptr_array_unref);

    /* Removing a signed feature. */
    g_assert_true (pf_document_undo (document));
    g_assert_cmpint (pf_document_get_sign_off_state (document, id, NULL), ==, PF_SIGN_OFF_CURRENT);
    g_assert_true (pf_document_remove_record (document, "features", "feature-1", NULL));
    g_assert_cmpint (pf_document_get_sign_off_state (document, id, &changes), ==, PF_SIGN_OFF_STALE);
    assert_changes (changes, "features/feature-1", NULL);
    g_clear_pointer (&changes, g_ptr_array_unref);
  }

  /* The privacy review covers data sources, not features. */
  g_assert_cmpint (pf_document_get_sign_off_state (document, privacy, NULL), ==, PF_SIGN_OFF_CURRENT);
  test_set (document, "data-sources/source-1", "owner", "Data office");
  g_assert_cmpint (pf_document_get_sign_off_state (document, privacy, &changes), ==, PF_SIGN_OFF_STALE);
  assert_changes (changes, "data-sources/source-1 owner", NULL);
  g_clear_pointer (&changes, g_ptr_array_unref);
}

static void
test_sign_off_withdraw (void)
{
  g_autoptr(PfDocument) document = load_fixed ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = sign (document, "project", "acknowledged");
  g_autofree char *withdrawal = NULL;
  g_autofree char *again = NULL;
  g_autofree char *signed_before = NULL;
  g_autofree char *signed_after = NULL;
  JsonObject *record;
  JsonObject *entry;
  JsonArray *audit;

  signed_before = pf_json_to_canonical (json_array_get_element (pf_document_get_sign_offs (document), 0));

  withdrawal = pf_document_withdraw_sign_off (document, id, "Grace Hopper", "Sponsor", "Signed too early", &error);
  g_assert_no_error (error);
  g_assert_nonnull (withdrawal);
  g_assert_cmpstr (withdrawal, !=, id);
  g_assert_cmpint (pf_document_get_sign_off_state (document, id, NULL), ==, PF_SIGN_OFF_WITHDRAWN);

  /* Both records are there; the signed one is unchanged. */
  g_assert_cmpuint (json_array_get_length (pf_document_get_sign_offs (document)), ==, 2);
  signed_after = pf_json_to_canonical (json_array_get_element (pf_document_get_sign_offs (document), 0));
  g_assert_cmpstr (signed_after, ==, signed_before);
  record = find_record (document, withdrawal);
  g_assert_cmpstr (json_object_get_string_member (record, "kind"), ==, "withdrawal");
  g_assert_cmpstr (json_object_get_string_member (record, "withdraws"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (record, "conditions"), ==, "Signed too early");

  audit = pf_document_get_audit (document);
  entry = json_array_get_object_element (audit, json_array_get_length (audit) - 1);
  g_assert_cmpstr (json_object_get_string_member (entry, "action"), ==, "withdraw");
  entry = json_array_get_object_element (audit, json_array_get_length (audit) - 2);
  g_assert_cmpstr (json_object_get_string_member (entry, "action"), ==, "sign-off");

  /* Twice: refused. A withdrawal or an unknown id: not found. */
  again = pf_document_withdraw_sign_off (document, id, "Grace Hopper", "Sponsor", NULL, &error);
  g_assert_null (again);
  g_assert_error (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_REFUSED);
  g_clear_error (&error);
  again = pf_document_withdraw_sign_off (document, withdrawal, "Grace Hopper", "Sponsor", NULL, &error);
  g_assert_null (again);
  g_assert_error (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  again = pf_document_withdraw_sign_off (document, "sign-off-99", "Grace Hopper", "Sponsor", NULL, &error);
  g_assert_null (again);
  g_assert_error (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (json_array_get_length (pf_document_get_sign_offs (document)), ==, 2);

  /* A withdrawal needs a name and role too. */
  {
    g_autofree char *other = sign (document, "project", "approved");

    again = pf_document_withdraw_sign_off (document, other, "", "Sponsor", NULL, &error);
    g_assert_null (again);
    g_assert_error (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_REFUSED);
    g_clear_error (&error);
    g_assert_cmpint (pf_document_get_sign_off_state (document, other, NULL), ==, PF_SIGN_OFF_CURRENT);
  }

  /* Undo does not touch sign-off records. */
  test_set (document, "metadata", "title", "Changed");
  g_assert_true (pf_document_undo (document));
  g_assert_false (pf_document_can_undo (document));
  g_assert_cmpuint (json_array_get_length (pf_document_get_sign_offs (document)), ==, 3);

  /* And the state holds after a reload. */
  {
    g_autoptr(PfDocument) reloaded = test_reload (document);

    g_assert_cmpint (pf_document_get_sign_off_state (reloaded, id, NULL), ==, PF_SIGN_OFF_WITHDRAWN);
    g_assert_cmpuint (pf_document_get_audit_broken_at (reloaded, NULL), ==, 0);
  }
}

typedef struct
{
  const char *scope;
  const char *name;
  const char *role;
  const char *meaning;
  const char *conditions;
  int         code;
} Refusal;

static void
test_sign_off_refused (void)
{
  static const Refusal cases[] = {
    { "project", NULL, "Sponsor", "approved", NULL, PF_DOCUMENT_ERROR_REFUSED },
    { "project", "  ", "Sponsor", "approved", NULL, PF_DOCUMENT_ERROR_REFUSED },
    { "project", "Grace", NULL, "approved", NULL, PF_DOCUMENT_ERROR_REFUSED },
    { "project", "Grace", "\t", "approved", NULL, PF_DOCUMENT_ERROR_REFUSED },
    { "phase:nonsense", "Grace", "Sponsor", "approved", NULL, PF_DOCUMENT_ERROR_NOT_FOUND },
    { "everything", "Grace", "Sponsor", "approved", NULL, PF_DOCUMENT_ERROR_NOT_FOUND },
    { "phase:", "Grace", "Sponsor", "approved", NULL, PF_DOCUMENT_ERROR_NOT_FOUND },
    { "project", "Grace", "Sponsor", "signed", NULL, PF_DOCUMENT_ERROR_REFUSED },
    { "project", "Grace", "Sponsor", "withdrawn", NULL, PF_DOCUMENT_ERROR_REFUSED },
    { "project", "Grace", "Sponsor", "approved-with-conditions", NULL, PF_DOCUMENT_ERROR_REFUSED },
    { "project", "Grace", "Sponsor", "approved-with-conditions", "", PF_DOCUMENT_ERROR_REFUSED },
    { "project", "Grace", "Sponsor", "approved-with-conditions", "  ", PF_DOCUMENT_ERROR_REFUSED },
  };
  static const char * const scopes[] = {
    "phase:business-understanding", "phase:data-understanding", "phase:data-preparation",
    "phase:modeling", "phase:evaluation", "phase:deployment",
    "leakage-review", "privacy-review", "deployment-plan", "project",
  };
  static const char * const meanings[] = {
    "reviewed", "approved", "rejected", "acknowledged",
  };
  g_autoptr(PfDocument) document = load_fixed ();
  guint n_audit = json_array_get_length (pf_document_get_audit (document));
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = NULL;

      g_test_message ("case %u", i);
      id = pf_document_sign_off (document, cases[i].scope, cases[i].name, cases[i].role,
                                 cases[i].meaning, cases[i].conditions, &error);
      g_assert_null (id);
      g_assert_error (error, PF_DOCUMENT_ERROR, cases[i].code);
      g_clear_error (&error);
    }

  /* Nothing was recorded. */
  g_assert_cmpuint (json_array_get_length (pf_document_get_sign_offs (document)), ==, 0);
  g_assert_cmpuint (json_array_get_length (pf_document_get_audit (document)), ==, n_audit);
  g_assert_false (pf_document_get_modified (document));

  /* Every scope and meaning there is. */
  for (guint i = 0; i < G_N_ELEMENTS (scopes); i++)
    {
      g_autofree char *id = NULL;

      g_assert_true (pf_scope_is_valid (scopes[i]));
      id = sign (document, scopes[i], meanings[i % G_N_ELEMENTS (meanings)]);
      g_assert_cmpint (pf_document_get_sign_off_state (document, id, NULL), ==, PF_SIGN_OFF_CURRENT);
    }
  {
    g_autofree char *id = pf_document_sign_off (document, "project", "Grace", "Sponsor",
                                                "approved-with-conditions", "Only for the pilot region", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (json_object_get_string_member (find_record (document, id), "conditions"), ==,
                     "Only for the pilot region");
  }
  g_assert_true (pf_document_get_modified (document));
  g_assert_cmpuint (json_array_get_length (pf_document_get_audit (document)), ==, n_audit + G_N_ELEMENTS (scopes) + 1);
}

/* A question answered for the first time after signing, then undone:
 * the emptied answer is no answer, and the sign-off is current again. */
static void
test_sign_off_undo_new_answer (void)
{
  g_autoptr(PfDocument) document = load_fixed ();
  g_autofree char *id = sign (document, "phase:business-understanding", "approved");
  g_autofree char *project_id = sign (document, "project", "reviewed");

  set_answer (document, "business-understanding.note", "A first answer");
  g_assert_cmpint (pf_document_get_sign_off_state (document, id, NULL), ==, PF_SIGN_OFF_STALE);
  g_assert_cmpint (pf_document_get_sign_off_state (document, project_id, NULL), ==, PF_SIGN_OFF_STALE);
  g_assert_true (pf_document_undo (document));
  g_assert_cmpint (pf_document_get_sign_off_state (document, id, NULL), ==, PF_SIGN_OFF_CURRENT);
  g_assert_cmpint (pf_document_get_sign_off_state (document, project_id, NULL), ==, PF_SIGN_OFF_CURRENT);
}

/* Text of white space only is no answer, to a sign-off as to the gate: a
 * blank typed into an empty field keeps the sign-off current, a blank in
 * place of an answer makes it stale like removing the answer. */
static void
test_sign_off_blank_answer (void)
{
  g_autoptr(PfDocument) document = load_fixed ();
  g_autofree char *id = sign (document, "phase:business-understanding", "approved");
  g_autofree char *project_id = sign (document, "project", "reviewed");
  g_autofree char *blank_sha = NULL;

  set_answer (document, "business-understanding.note", " ");
  g_assert_cmpint (pf_document_get_sign_off_state (document, id, NULL), ==, PF_SIGN_OFF_CURRENT);
  g_assert_cmpint (pf_document_get_sign_off_state (document, project_id, NULL), ==, PF_SIGN_OFF_CURRENT);
  set_answer (document, "business-understanding.note", "");
  g_assert_cmpint (pf_document_get_sign_off_state (document, id, NULL), ==, PF_SIGN_OFF_CURRENT);
  set_answer (document, "business-understanding.note", "\t\n  ");
  g_assert_cmpint (pf_document_get_sign_off_state (document, id, NULL), ==, PF_SIGN_OFF_CURRENT);
  blank_sha = pf_scope_content_sha256 ("phase:business-understanding", pf_document_get_root (document));

  /* Something said is an answer; taking it back to blank is no answer again. */
  set_answer (document, "business-understanding.note", " x ");
  g_assert_cmpint (pf_document_get_sign_off_state (document, id, NULL), ==, PF_SIGN_OFF_STALE);
  set_answer (document, "business-understanding.note", "  ");
  g_assert_cmpint (pf_document_get_sign_off_state (document, id, NULL), ==, PF_SIGN_OFF_CURRENT);
  {
    g_autofree char *sha = pf_scope_content_sha256 ("phase:business-understanding", pf_document_get_root (document));

    g_assert_cmpstr (sha, ==, blank_sha);
  }

  /* Signed with an answer, then blanked: the answer went away. */
  {
    g_autofree char *answered_id = NULL;

    set_answer (document, "business-understanding.note", "Call centre only");
    answered_id = sign (document, "phase:business-understanding", "approved");
    set_answer (document, "business-understanding.note", " ");
    g_assert_cmpint (pf_document_get_sign_off_state (document, answered_id, NULL), ==, PF_SIGN_OFF_STALE);
  }
}

/* A catalog for the descriptions: Business Understanding asks three
 * questions, the privacy review one in Data Understanding, the deployment
 * plan one in Deployment. */
static const char describe_catalog[] =
  "<catalog id=\"org.example.describe\" version=\"1\"><title>Describe</title>"
  "<phase id=\"business-understanding\"><step id=\"a\"><title>A</title>"
  "<question id=\"business-understanding.objective\" type=\"long-text\" required=\"true\"><text>What is the objective?</text><why>W</why></question>"
  "<question id=\"business-understanding.sponsor\" type=\"text\"><text>Who sponsors it?</text><why>W</why></question>"
  "<question id=\"business-understanding.note\" type=\"text\"><text>Anything else?</text><why>W</why></question>"
  "</step><gate/></phase>"
  "<phase id=\"data-understanding\"><step id=\"b\"><title>B</title>"
  "<question id=\"data-understanding.x\" type=\"number\"><text>How many?</text><why>W</why></question>"
  "<question id=\"privacy-review.personal-data\" type=\"yes-no\"><text>Personal data?</text><why>W</why></question>"
  "</step><gate/></phase>"
  "<phase id=\"data-preparation\"><step id=\"c\"><title>C</title></step><gate/></phase>"
  "<phase id=\"modeling\"><step id=\"d\"><title>D</title></step><gate/></phase>"
  "<phase id=\"evaluation\"><step id=\"e\"><title>E</title></step><gate/></phase>"
  "<phase id=\"deployment\"><step id=\"f\"><title>F</title>"
  "<question id=\"deployment-plan.schedule\" type=\"text\"><text>When does it run?</text><why>W</why></question>"
  "</step><gate/></phase>" TEST_ML_TEST_SCORE "</catalog>";

static PfCatalog *
load_describe_catalog (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (describe_catalog, strlen (describe_catalog));
  g_autoptr(GError) error = NULL;
  PfCatalog *catalog = pf_catalog_new_from_bytes (bytes, FALSE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (catalog);
  return catalog;
}

static void
assert_content (PfCatalog  *catalog,
                PfDocument *document,
                const char *scope,
                const char *expected)
{
  g_autofree char *text = pf_scope_describe_content (scope, catalog, document);

  g_assert_cmpstr (text, ==, expected);
}

static char *
add_record (PfDocument *document,
            const char *register_id)
{
  g_autoptr(GError) error = NULL;
  char *id = pf_document_add_record (document, register_id, &error);

  g_assert_no_error (error);
  return id;
}

/* What the sign-off dialog says is being signed. */
static void
test_sign_off_describe_content (void)
{
  g_autoptr(PfCatalog) catalog = load_describe_catalog ();
  g_autoptr(PfDocument) document = load_fixed ();
  g_autoptr(GError) error = NULL;
  g_autofree char *feature = NULL;
  g_autofree char *source = NULL;
  g_autofree char *object = NULL;
  g_autoptr(JsonNode) yes = json_node_init_boolean (json_node_alloc (), TRUE);

  /* The objective is answered, the sponsor justified as not applicable. */
  assert_content (catalog, document, "phase:business-understanding",
                  "2 of 2 required questions answered\nBusiness question: “Who leaves?”");
  assert_content (catalog, document, "phase:data-understanding", "0 of 0 required questions answered");
  assert_content (catalog, document, "phase:modeling", "0 of 0 required questions answered");
  assert_content (catalog, document, "leakage-review", "1 feature: 1 keep, 0 drop, 0 transform, 0 pending");
  assert_content (catalog, document, "privacy-review",
                  "0 of 1 question answered\n0 data sources, 0 with personal data");
  assert_content (catalog, document, "deployment-plan", "0 of 1 question answered");
  assert_content (catalog, document, "project",
                  "3 of 6 questions answered in all six phases\nBusiness question: “Who leaves?”\n"
                  "1 record in the registers");

  /* A new feature waits for its verdict; one is dropped. */
  feature = add_record (document, "features");
  assert_content (catalog, document, "leakage-review", "2 features: 1 keep, 0 drop, 0 transform, 1 pending");
  object = g_strconcat ("features/", feature, NULL);
  g_assert_true (pf_document_set_string (document, object, "verdict", "drop", &error));
  g_assert_no_error (error);
  assert_content (catalog, document, "leakage-review", "2 features: 1 keep, 1 drop, 0 transform, 0 pending");

  /* The privacy review counts its answers in any phase, and the sources. */
  g_assert_true (pf_document_set_answer (document, "privacy-review.personal-data", yes, &error));
  g_assert_no_error (error);
  source = add_record (document, "data-sources");
  g_clear_pointer (&object, g_free);
  object = g_strconcat ("data-sources/", source, NULL);
  g_assert_true (pf_document_set_value (document, object, "personal-data", yes, &error));
  g_assert_no_error (error);
  assert_content (catalog, document, "privacy-review",
                  "1 of 1 question answered\n1 data source, 1 with personal data");
  assert_content (catalog, document, "project",
                  "4 of 6 questions answered in all six phases\nBusiness question: “Who leaves?”\n"
                  "3 records in the registers");

  /* Without a business question, it says so. */
  {
    g_autoptr(PfDocument) empty = pf_document_new ();

    assert_content (catalog, empty, "phase:business-understanding",
                    "0 of 2 required questions answered\nNo business question recorded yet");
  }
}

static void
assert_open (PfCatalog  *catalog,
             PfDocument *document,
             const char *scope,
             guint       max_listed,
             const char *expected)
{
  g_autofree char *text = pf_scope_describe_open (scope, max_listed, catalog, document);

  g_assert_cmpstr (text, ==, expected);
}

static void
set_feature (PfDocument *document,
             const char *object,
             const char *field,
             const char *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pf_document_set_string (document, object, field, value, &error));
  g_assert_no_error (error);
}

/* A catalog whose gates ask for more: a required question and a sign-off
 * of the leakage review before Business Understanding passes, a required
 * privacy question and deployment-plan question. */
static const char open_catalog[] =
  "<catalog id=\"org.example.open\" version=\"1\"><title>Open</title>"
  "<phase id=\"business-understanding\"><step id=\"a\"><title>A</title>"
  "<question id=\"business-understanding.objective\" type=\"long-text\" required=\"true\"><text>What is the objective?</text><why>W</why></question>"
  "<question id=\"business-understanding.sponsor\" type=\"text\" required=\"true\"><text>Who sponsors it?</text><why>W</why></question>"
  "<question id=\"business-understanding.note\" type=\"text\" required=\"true\"><text>Anything else?</text><why>W</why></question>"
  "</step><gate><requires sign-off=\"phase:business-understanding\" role=\"sponsor\"/>"
  "<requires sign-off=\"leakage-review\" role=\"data scientist\"/></gate></phase>"
  "<phase id=\"data-understanding\"><step id=\"b\"><title>B</title>"
  "<question id=\"privacy-review.personal-data\" type=\"yes-no\" required=\"true\"><text>Personal data?</text><why>W</why></question>"
  "<question id=\"privacy-review.basis\" type=\"text\"><text>Legal basis?</text><why>W</why></question>"
  "</step><gate/></phase>"
  "<phase id=\"data-preparation\"><step id=\"c\"><title>C</title></step><gate/></phase>"
  "<phase id=\"modeling\"><step id=\"d\"><title>D</title></step><gate/></phase>"
  "<phase id=\"evaluation\"><step id=\"e\"><title>E</title></step><gate/></phase>"
  "<phase id=\"deployment\"><step id=\"f\"><title>F</title>"
  "<question id=\"deployment-plan.schedule\" type=\"text\" required=\"true\"><text>When does it run?</text><why>W</why></question>"
  "</step><gate/></phase>" TEST_ML_TEST_SCORE "</catalog>";

/* What the sign-off dialog lists as still open. */
static void
test_sign_off_describe_open (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (open_catalog, strlen (open_catalog));
  g_autoptr(GError) error = NULL;
  g_autoptr(PfCatalog) catalog = pf_catalog_new_from_bytes (bytes, FALSE, &error);
  g_autoptr(PfDocument) document = load_fixed ();
  g_autoptr(JsonNode) yes = json_node_init_boolean (json_node_alloc (), TRUE);
  g_autofree char *feature = NULL;
  g_autofree char *object = NULL;
  g_autofree char *leakage_id = NULL;

  g_assert_no_error (error);

  /* The content counts what the gate counts: the business question and
   * the three required questions. */
  assert_content (catalog, document, "phase:business-understanding",
                  "3 of 4 required questions answered\nBusiness question: “Who leaves?”");

  /* The phase's own sign-off is the one being given: not listed. */
  assert_open (catalog, document, "phase:business-understanding", 5,
               "• Not answered: “Anything else?”\n"
               "• Leakage review: needs a current sign-off by the data scientist");
  assert_open (catalog, document, "phase:business-understanding", 1,
               "• Not answered: “Anything else?”\n… and 1 more");
  leakage_id = sign (document, "leakage-review", "reviewed");
  assert_open (catalog, document, "phase:business-understanding", 5,
               "• Not answered: “Anything else?”");

  /* The fixed project's one feature is kept, and known before. */
  assert_open (catalog, document, "leakage-review", 5, NULL);
  feature = add_record (document, "features");
  object = g_strconcat ("features/", feature, NULL);
  set_feature (document, object, "name", "tenure");
  assert_open (catalog, document, "leakage-review", 5, "• Feature “tenure” has no verdict yet");
  set_feature (document, object, "verdict", "keep");
  assert_open (catalog, document, "leakage-review", 5, NULL);
  set_feature (document, object, "known-at", "after");
  assert_open (catalog, document, "leakage-review", 5,
               "• Feature “tenure” is kept although flagged as leakage");
  set_feature (document, object, "known-at", "before");
  set_feature (document, object, "target-consequence", "yes");
  assert_open (catalog, document, "leakage-review", 5,
               "• Feature “tenure” is kept although flagged as leakage");
  set_feature (document, object, "verdict", "drop");
  assert_open (catalog, document, "leakage-review", 5, NULL);

  /* A review lists its own required questions, wherever they are asked. */
  assert_open (catalog, document, "privacy-review", 5, "• Not answered: “Personal data?”");
  g_assert_true (pf_document_set_answer (document, "privacy-review.personal-data", yes, &error));
  g_assert_no_error (error);
  assert_open (catalog, document, "privacy-review", 5, NULL);
  assert_open (catalog, document, "deployment-plan", 5, "• Not answered: “When does it run?”");
  assert_open (catalog, document, "project", 5, NULL);
}

/* How the audit trail names objects and fields. */
static void
test_sign_off_describe_object (void)
{
  g_autoptr(PfCatalog) catalog = load_describe_catalog ();
  g_autoptr(PfDocument) document = load_fixed ();
  g_autofree char *feature = add_record (document, "features");
  g_autofree char *object = g_strconcat ("features/", feature, NULL);
  g_autofree char *sign_off = sign (document, "leakage-review", "reviewed");
  g_autofree char *sign_off_object = g_strconcat ("sign-offs/", sign_off, NULL);
  g_autofree char *text = NULL;

  set_feature (document, object, "name", "tenure");
  text = pf_scope_describe_object (object, catalog, document);
  g_assert_cmpstr (text, ==, "Feature “tenure”");
  g_clear_pointer (&text, g_free);

  /* A rename shows at once: nothing is kept here. */
  set_feature (document, object, "name", "tenure_months");
  text = pf_scope_describe_object (object, catalog, document);
  g_assert_cmpstr (text, ==, "Feature “tenure_months”");
  g_clear_pointer (&text, g_free);

  text = pf_scope_describe_object ("answers/business-understanding.sponsor", catalog, document);
  g_assert_cmpstr (text, ==, "Who sponsors it?");
  g_clear_pointer (&text, g_free);
  text = pf_scope_describe_object ("answers/business-understanding.sponsor", NULL, document);
  g_assert_cmpstr (text, ==, "business-understanding.sponsor");
  g_clear_pointer (&text, g_free);

  text = pf_scope_describe_object ("business-question", catalog, document);
  g_assert_cmpstr (text, ==, "Business question");
  g_clear_pointer (&text, g_free);
  text = pf_scope_describe_object (sign_off_object, catalog, document);
  g_assert_cmpstr (text, ==, "Sign-off of Leakage review by Grace Hopper");
  g_clear_pointer (&text, g_free);
  text = pf_scope_describe_object ("something-else", catalog, document);
  g_assert_cmpstr (text, ==, "something-else");
  g_clear_pointer (&text, g_free);

  text = pf_scope_describe_field (object, "verdict");
  g_assert_cmpstr (text, ==, "Verdict");
  g_clear_pointer (&text, g_free);
  text = pf_scope_describe_field ("answers/business-understanding.sponsor", "value");
  g_assert_cmpstr (text, ==, "Answer");
  g_clear_pointer (&text, g_free);
  text = pf_scope_describe_field (object, "unknown-field");
  g_assert_cmpstr (text, ==, "unknown-field");
}

static void
assert_change (PfCatalog  *catalog,
               PfDocument *document,
               const char *change,
               const char *expected)
{
  g_autofree char *text = pf_scope_describe_change (change, catalog, document);

  g_assert_cmpstr (text, ==, expected);
}

/* What changed since signing, in words: the question's text, the record by
 * its name, the business question. */
static void
test_sign_off_describe_change (void)
{
  g_autoptr(PfCatalog) catalog = load_describe_catalog ();
  g_autoptr(PfDocument) document = load_fixed ();
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *id = NULL;

  assert_change (catalog, document, "answers/business-understanding.objective value",
                 "The answer to “What is the objective?”");
  assert_change (catalog, document, "answers/business-understanding.sponsor justification",
                 "The answer to “Who sponsors it?”");
  assert_change (catalog, document, "answers/nowhere.q value", "The answer to “nowhere.q”");
  assert_change (catalog, document, "business-question", "The business question");
  assert_change (catalog, document, "features/feature-1 verdict", "Feature “age”: Verdict");
  assert_change (catalog, document, "features/feature-1 known-at", "Feature “age”: Known at");
  assert_change (catalog, document, "features/feature-1 unknown-field", "Feature “age”: unknown-field");
  assert_change (catalog, document, "features/feature-1", "Feature “age”");
  assert_change (catalog, document, "features/feature-9 verdict", "Feature feature-9 (removed)");
  assert_change (catalog, document, "metadata title", "The project's title");
  assert_change (catalog, document, "metadata description", "The project's description");
  assert_change (catalog, document, "metadata created", "The project's details");
  assert_change (catalog, document, "metadata", "The project's details");
  assert_change (catalog, document, "elsewhere/thing field", "elsewhere/thing field");

  /* As the Sign-offs page meets them: from a stale record. */
  id = sign (document, "phase:business-understanding", "approved");
  set_answer (document, "business-understanding.objective", "More renewals");
  g_assert_cmpint (pf_document_get_sign_off_state (document, id, &changes), ==, PF_SIGN_OFF_STALE);
  g_assert_cmpuint (changes->len, ==, 1);
  assert_change (catalog, document, g_ptr_array_index (changes, 0), "The answer to “What is the objective?”");
}

/* Long lists of changes stop after the first few and count the rest. */
static void
test_sign_off_describe_changes (void)
{
  g_autoptr(PfCatalog) catalog = load_describe_catalog ();
  g_autoptr(PfDocument) document = load_fixed ();
  g_autoptr(GPtrArray) changes = g_ptr_array_new ();
  g_autofree char *none = NULL;
  g_autofree char *two = NULL;
  g_autofree char *capped = NULL;
  g_autofree char *one_more = NULL;

  none = pf_scope_describe_changes (changes, 5, catalog, document);
  g_assert_cmpstr (none, ==, "");

  g_ptr_array_add (changes, "business-question");
  g_ptr_array_add (changes, "features/feature-1 verdict");
  two = pf_scope_describe_changes (changes, 5, catalog, document);
  g_assert_cmpstr (two, ==, "• The business question\n• Feature “age”: Verdict");

  for (guint i = 0; i < 6; i++)
    g_ptr_array_add (changes, "metadata title");
  capped = pf_scope_describe_changes (changes, 5, catalog, document);
  g_assert_cmpstr (capped, ==,
                   "• The business question\n• Feature “age”: Verdict\n• The project's title\n"
                   "• The project's title\n• The project's title\n… and 3 more changes");

  g_ptr_array_set_size (changes, 6);
  one_more = pf_scope_describe_changes (changes, 5, catalog, document);
  g_assert_true (g_str_has_suffix (one_more, "\n… and 1 more change"));
}

/* Every field of every register has a name in the user interface. */
static void
test_sign_off_field_labels (void)
{
  for (guint i = 0; i < pf_schema_get_n_registers (); i++)
    {
      const PfRegister *reg = pf_schema_get_register (i);

      for (const PfField *field = reg->fields; field->name != NULL; field++)
        {
          if (pf_field_get_label (reg->id, field->name) == NULL)
            g_error ("No label for %s %s", reg->id, field->name);
        }
    }

  g_assert_cmpstr (pf_field_get_label ("features", "verdict"), ==, "Verdict");
  g_assert_cmpstr (pf_field_get_label ("team", "name"), ==, "Name");
  g_assert_null (pf_field_get_label ("features", "level"));
  g_assert_null (pf_field_get_label ("nowhere", "name"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sign-off/content-hash", test_sign_off_content_hash);
  g_test_add_func ("/sign-off/stale", test_sign_off_stale);
  g_test_add_func ("/sign-off/leakage", test_sign_off_leakage);
  g_test_add_func ("/sign-off/withdraw", test_sign_off_withdraw);
  g_test_add_func ("/sign-off/refused", test_sign_off_refused);
  g_test_add_func ("/sign-off/undo-new-answer", test_sign_off_undo_new_answer);
  g_test_add_func ("/sign-off/blank-answer", test_sign_off_blank_answer);
  g_test_add_func ("/sign-off/describe-content", test_sign_off_describe_content);
  g_test_add_func ("/sign-off/describe-open", test_sign_off_describe_open);
  g_test_add_func ("/sign-off/describe-object", test_sign_off_describe_object);
  g_test_add_func ("/sign-off/describe-change", test_sign_off_describe_change);
  g_test_add_func ("/sign-off/describe-changes", test_sign_off_describe_changes);
  g_test_add_func ("/sign-off/field-labels", test_sign_off_field_labels);

  return g_test_run ();
}
