/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pf-document.h"
#include "pf-json.h"
#include "test-util.h"

/* Undo and redo of every kind of edit, and what they leave in the audit
 * trail. Each test starts from a document loaded from a file, so that no
 * edit of the set-up folds into the edits under test. */

static PfDocument *
fresh_document (void)
{
  g_autoptr(PfDocument) built = test_build_document (3);
  PfDocument *document = test_reload (built);

  pf_document_set_actor (document, "Tester");
  g_assert_false (pf_document_can_undo (document));
  g_assert_false (pf_document_can_redo (document));
  g_assert_false (pf_document_get_modified (document));
  return document;
}

static guint
audit_length (PfDocument *document)
{
  return json_array_get_length (pf_document_get_audit (document));
}

static JsonObject *
audit_entry (PfDocument *document,
             int         index)
{
  JsonArray *audit = pf_document_get_audit (document);

  if (index < 0)
    index += json_array_get_length (audit);
  return json_array_get_object_element (audit, index);
}

static void
assert_audit_intact (PfDocument *document)
{
  PfAuditStatus status = { 0 };

  pf_document_verify_audit (document, &status);
  g_assert_cmpuint (status.broken_at, ==, 0);
  g_assert_cmpuint (status.n_entries, ==, audit_length (document));
  pf_audit_status_clear (&status);
}

static void
test_undo_set_value (void)
{
  g_autoptr(PfDocument) document = fresh_document ();
  g_autofree char *before = test_serialize (document);
  guint n = audit_length (document);
  JsonObject *entry;

  test_set (document, "metadata", "title", "Renamed");
  test_set (document, "features/feature-2", "verdict", "drop");
  g_assert_cmpuint (audit_length (document), ==, n + 2);

  entry = audit_entry (document, -1);
  g_assert_cmpstr (json_object_get_string_member (entry, "action"), ==, "set");
  g_assert_cmpstr (json_object_get_string_member (entry, "object"), ==, "features/feature-2");
  g_assert_cmpstr (json_object_get_string_member (entry, "field"), ==, "verdict");
  g_assert_cmpstr (json_object_get_string_member (entry, "old"), ==, "keep");
  g_assert_cmpstr (json_object_get_string_member (entry, "new"), ==, "drop");
  g_assert_cmpstr (json_object_get_string_member (entry, "actor"), ==, "Tester");

  /* The record field first, then the title. */
  g_assert_true (pf_document_undo (document));
  g_assert_cmpstr (pf_document_get_string (document, "features/feature-2", "verdict"), ==, "keep");
  g_assert_cmpstr (pf_document_get_title (document), ==, "Renamed");
  entry = audit_entry (document, -1);
  g_assert_cmpstr (json_object_get_string_member (entry, "action"), ==, "undo");
  g_assert_cmpstr (json_object_get_string_member (entry, "object"), ==, "features/feature-2");
  g_assert_cmpstr (json_object_get_string_member (entry, "old"), ==, "drop");
  g_assert_cmpstr (json_object_get_string_member (entry, "new"), ==, "keep");

  g_assert_true (pf_document_undo (document));
  g_assert_cmpstr (pf_document_get_title (document), ==, "Churn at Nordwind");
  g_assert_false (pf_document_can_undo (document));
  g_assert_false (pf_document_undo (document));

  /* The content is back as it was; the audit trail only grew. */
  {
    g_autoptr(PfDocument) undone = test_reload (document);
    JsonObject *root = pf_document_get_root (undone);
    JsonObject *root_before = NULL;
    g_autoptr(PfDocument) original = test_load_string (before, NULL);

    root_before = pf_document_get_root (original);
    json_object_remove_member (root, "audit");
    json_object_remove_member (root_before, "audit");
    {
      g_autofree char *a = test_serialize (undone);
      g_autofree char *b = test_serialize (original);

      g_assert_cmpstr (a, ==, b);
    }
  }
  g_assert_cmpuint (audit_length (document), ==, n + 4);

  /* Redo, in order. */
  g_assert_true (pf_document_can_redo (document));
  g_assert_true (pf_document_redo (document));
  g_assert_cmpstr (pf_document_get_title (document), ==, "Renamed");
  g_assert_cmpstr (json_object_get_string_member (audit_entry (document, -1), "action"), ==, "redo");
  g_assert_true (pf_document_redo (document));
  g_assert_cmpstr (pf_document_get_string (document, "features/feature-2", "verdict"), ==, "drop");
  g_assert_false (pf_document_can_redo (document));
  g_assert_false (pf_document_redo (document));
  g_assert_cmpuint (audit_length (document), ==, n + 6);

  assert_audit_intact (document);
}

static void
test_undo_new_edit_clears_redo (void)
{
  g_autoptr(PfDocument) document = fresh_document ();

  test_set (document, "metadata", "title", "One");
  test_set (document, "metadata", "description", "Two");
  g_assert_true (pf_document_undo (document));
  g_assert_true (pf_document_can_redo (document));

  test_set (document, "features/feature-1", "name", "Three");
  g_assert_false (pf_document_can_redo (document));
  g_assert_false (pf_document_redo (document));
  g_assert_cmpstr (pf_document_get_string (document, "metadata", "description"), !=, "Two");

  g_assert_true (pf_document_undo (document));
  g_assert_true (pf_document_undo (document));
  g_assert_cmpstr (pf_document_get_title (document), ==, "Churn at Nordwind");
  g_assert_false (pf_document_can_undo (document));
}

static void
test_undo_answers (void)
{
  g_autoptr(PfDocument) document = fresh_document ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) yes = json_node_init_string (json_node_alloc (), "Yes, weekly");
  guint n;

  /* A new answer, undone: no value. */
  g_assert_true (pf_document_set_answer (document, "data-understanding.refresh", yes, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pf_document_get_string (document, "answers/data-understanding.refresh", "value"), ==, "Yes, weekly");
  g_assert_cmpstr (pf_document_get_string (document, "answers/data-understanding.refresh", "changed-by"), ==, "Tester");
  g_assert_true (pf_document_undo (document));
  g_assert_null (pf_document_get_value (document, "answers/data-understanding.refresh", "value"));
  g_assert_true (pf_document_redo (document));
  g_assert_cmpstr (pf_document_get_string (document, "answers/data-understanding.refresh", "value"), ==, "Yes, weekly");

  /* Not applicable needs a justification: refused, nothing recorded. */
  n = audit_length (document);
  g_assert_false (pf_document_set_not_applicable (document, "data-understanding.refresh", NULL, &error));
  g_assert_error (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_false (pf_document_set_not_applicable (document, "data-understanding.refresh", "  \n ", &error));
  g_assert_error (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_cmpuint (audit_length (document), ==, n);
  g_assert_null (pf_document_get_value (document, "answers/data-understanding.refresh", "not-applicable"));

  /* With one: one undo step for the flag and the justification. */
  g_assert_true (pf_document_set_not_applicable (document, "data-understanding.refresh", "No data refresh at all", &error));
  g_assert_no_error (error);
  g_assert_true (json_node_get_boolean (pf_document_get_value (document, "answers/data-understanding.refresh", "not-applicable")));
  g_assert_cmpstr (pf_document_get_string (document, "answers/data-understanding.refresh", "justification"), ==, "No data refresh at all");
  g_assert_cmpuint (audit_length (document), ==, n + 2);
  g_assert_true (pf_document_undo (document));
  g_assert_null (pf_document_get_value (document, "answers/data-understanding.refresh", "not-applicable"));
  g_assert_null (pf_document_get_value (document, "answers/data-understanding.refresh", "justification"));
  g_assert_cmpstr (pf_document_get_string (document, "answers/data-understanding.refresh", "value"), ==, "Yes, weekly");
  g_assert_true (pf_document_redo (document));
  g_assert_true (json_node_get_boolean (pf_document_get_value (document, "answers/data-understanding.refresh", "not-applicable")));

  /* Answering it again clears "not applicable", in one step. */
  {
    g_autoptr(JsonNode) no = json_node_init_string (json_node_alloc (), "Monthly after all");

    g_assert_true (pf_document_set_answer (document, "data-understanding.refresh", no, &error));
    g_assert_no_error (error);
    g_assert_false (json_node_get_boolean (pf_document_get_value (document, "answers/data-understanding.refresh", "not-applicable")));
    g_assert_true (pf_document_undo (document));
    g_assert_true (json_node_get_boolean (pf_document_get_value (document, "answers/data-understanding.refresh", "not-applicable")));
    g_assert_cmpstr (pf_document_get_string (document, "answers/data-understanding.refresh", "value"), ==, "Yes, weekly");
  }

  assert_audit_intact (document);
}

static void
test_undo_records (void)
{
  g_autoptr(PfDocument) document = fresh_document ();
  g_autoptr(GError) error = NULL;
  JsonArray *features = pf_document_get_records (document, "features");
  g_autoptr(JsonNode) middle = NULL;
  g_autofree char *id = NULL;
  JsonObject *entry;

  g_assert_cmpuint (json_array_get_length (features), ==, 3);

  /* Add. */
  id = pf_document_add_record (document, "features", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, "feature-4");
  entry = audit_entry (document, -1);
  g_assert_cmpstr (json_object_get_string_member (entry, "action"), ==, "add");
  g_assert_cmpstr (json_object_get_string_member (entry, "object"), ==, "features/feature-4");
  g_assert_cmpuint (json_array_get_length (features), ==, 4);
  test_set (document, "features/feature-4", "name", "tenure");
  g_assert_true (pf_document_undo (document));
  g_assert_true (pf_document_undo (document));
  g_assert_cmpuint (json_array_get_length (pf_document_get_records (document, "features")), ==, 3);
  g_assert_null (pf_document_get_record (document, "features", "feature-4"));
  g_assert_true (pf_document_redo (document));
  g_assert_true (pf_document_redo (document));
  g_assert_cmpstr (pf_document_get_string (document, "features/feature-4", "name"), ==, "tenure");
  assert_audit_intact (document);

  /* Remove from the middle: undo puts it back at the same place. */
  features = pf_document_get_records (document, "features");
  middle = json_node_copy (json_array_get_element (features, 1));
  {
    g_autofree char *expected = pf_json_to_canonical (middle);

    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (features, 1), "id"), ==, "feature-2");
    g_assert_true (pf_document_remove_record (document, "features", "feature-2", &error));
    g_assert_no_error (error);
    features = pf_document_get_records (document, "features");
    g_assert_cmpuint (json_array_get_length (features), ==, 3);
    g_assert_null (pf_document_get_record (document, "features", "feature-2"));
    entry = audit_entry (document, -1);
    g_assert_cmpstr (json_object_get_string_member (entry, "action"), ==, "remove");
    g_assert_cmpstr (json_object_get_string_member (entry, "object"), ==, "features/feature-2");

    g_assert_true (pf_document_undo (document));
    features = pf_document_get_records (document, "features");
    g_assert_cmpuint (json_array_get_length (features), ==, 4);
    {
      g_autofree char *back = pf_json_to_canonical (json_array_get_element (features, 1));

      g_assert_cmpstr (back, ==, expected);
    }
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (features, 0), "id"), ==, "feature-1");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (features, 2), "id"), ==, "feature-3");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (features, 3), "id"), ==, "feature-4");
    g_assert_cmpstr (json_object_get_string_member (audit_entry (document, -1), "action"), ==, "undo");

    g_assert_true (pf_document_redo (document));
    g_assert_null (pf_document_get_record (document, "features", "feature-2"));
  }

  /* Ids are never reused, even after a removal. */
  g_clear_pointer (&id, g_free);
  id = pf_document_add_record (document, "features", &error);
  g_assert_cmpstr (id, ==, "feature-5");

  /* Errors. */
  g_assert_false (pf_document_remove_record (document, "features", "feature-99", &error));
  g_assert_error (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (pf_document_add_record (document, "no-such-register", &error));
  g_assert_error (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (pf_document_set_string (document, "features/feature-1", "verdict", "maybe", &error));
  g_assert_error (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pf_document_set_string (document, "features/feature-1", "id", "feature-9", &error));
  g_assert_error (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_REFUSED);
  g_clear_error (&error);

  assert_audit_intact (document);
}

static void
test_undo_business_question (void)
{
  g_autoptr(PfDocument) document = pf_document_new ();
  g_autoptr(GError) error = NULL;
  guint n;

  g_assert_true (pf_document_change_business_question (document, "Q1", "C1", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pf_document_get_business_question (document), ==, "Q1");

  /* After the first version, a change needs a reason. */
  n = audit_length (document);
  g_assert_false (pf_document_change_business_question (document, "Q2", "C1", NULL, &error));
  g_assert_error (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_false (pf_document_change_business_question (document, "Q2", "C1", "   ", &error));
  g_assert_error (error, PF_DOCUMENT_ERROR, PF_DOCUMENT_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_cmpuint (audit_length (document), ==, n);
  g_assert_cmpstr (pf_document_get_business_question (document), ==, "Q1");

  g_assert_true (pf_document_change_business_question (document, "Q2", "C2", "The sponsor changed", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pf_document_get_business_question (document), ==, "Q2");
  g_assert_cmpstr (pf_document_get_success_criterion (document), ==, "C2");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (pf_document_get_root (document), "business-question")), ==, 2);

  g_assert_true (pf_document_undo (document));
  g_assert_cmpstr (pf_document_get_business_question (document), ==, "Q1");
  g_assert_cmpstr (pf_document_get_success_criterion (document), ==, "C1");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (pf_document_get_root (document), "business-question")), ==, 1);
  g_assert_true (pf_document_redo (document));
  g_assert_cmpstr (pf_document_get_business_question (document), ==, "Q2");

  assert_audit_intact (document);
}

static void
test_undo_group (void)
{
  g_autoptr(PfDocument) document = fresh_document ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  pf_document_begin_group (document);
  test_set (document, "features/feature-1", "verdict", "drop");
  pf_document_begin_group (document);  /* groups nest */
  test_set (document, "features/feature-2", "verdict", "drop");
  pf_document_end_group (document);
  id = pf_document_add_record (document, "risks", &error);
  g_assert_no_error (error);
  test_set (document, "metadata", "title", "Grouped");
  pf_document_end_group (document);

  g_assert_true (pf_document_can_undo (document));
  g_assert_true (pf_document_undo (document));
  g_assert_cmpstr (pf_document_get_string (document, "features/feature-1", "verdict"), ==, "pending");
  g_assert_cmpstr (pf_document_get_string (document, "features/feature-2", "verdict"), ==, "keep");
  g_assert_null (pf_document_get_record (document, "risks", id));
  g_assert_cmpstr (pf_document_get_title (document), ==, "Churn at Nordwind");
  g_assert_false (pf_document_can_undo (document));

  g_assert_true (pf_document_redo (document));
  g_assert_cmpstr (pf_document_get_string (document, "features/feature-1", "verdict"), ==, "drop");
  g_assert_nonnull (pf_document_get_record (document, "risks", id));
  g_assert_cmpstr (pf_document_get_title (document), ==, "Grouped");

  /* An empty group is no step. */
  pf_document_begin_group (document);
  pf_document_end_group (document);
  g_assert_true (pf_document_undo (document));
  g_assert_false (pf_document_can_undo (document));

  assert_audit_intact (document);
}

static void
test_undo_typing (void)
{
  g_autoptr(PfDocument) document = fresh_document ();
  static const char * const typed[] = { "C", "Ch", "Chu", "Churn", "Churn!" };
  guint n = audit_length (document);
  JsonObject *entry;

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    test_set (document, "metadata", "title", typed[i]);

  /* One audit entry: from before the first keystroke to after the last. */
  g_assert_cmpuint (audit_length (document), ==, n + 1);
  entry = audit_entry (document, -1);
  g_assert_cmpstr (json_object_get_string_member (entry, "field"), ==, "title");
  g_assert_cmpstr (json_object_get_string_member (entry, "old"), ==, "Churn at Nordwind");
  g_assert_cmpstr (json_object_get_string_member (entry, "new"), ==, "Churn!");
  assert_audit_intact (document);

  /* One undo step. */
  g_assert_true (pf_document_undo (document));
  g_assert_cmpstr (pf_document_get_title (document), ==, "Churn at Nordwind");
  g_assert_false (pf_document_can_undo (document));
  g_assert_true (pf_document_redo (document));
  g_assert_cmpstr (pf_document_get_title (document), ==, "Churn!");

  /* Another field is another step and another entry. */
  n = audit_length (document);
  test_set (document, "metadata", "description", "d");
  test_set (document, "metadata", "description", "de");
  test_set (document, "metadata", "title", "Churn!!");
  g_assert_cmpuint (audit_length (document), ==, n + 2);
  g_assert_true (pf_document_undo (document));
  g_assert_cmpstr (pf_document_get_title (document), ==, "Churn!");
  g_assert_cmpstr (pf_document_get_string (document, "metadata", "description"), ==, "de");
  g_assert_true (pf_document_undo (document));
  g_assert_cmpstr (pf_document_get_string (document, "metadata", "description"), ==,
                   "Line one\nLine two with “quotes” and \\ and \t");

  /* Each actor's typing is their own entry. */
  n = audit_length (document);
  test_set (document, "metadata", "title", "By Tester");
  pf_document_set_actor (document, "Someone Else");
  test_set (document, "metadata", "title", "By Someone Else");
  g_assert_cmpuint (audit_length (document), ==, n + 2);
  g_assert_cmpstr (json_object_get_string_member (audit_entry (document, -1), "actor"), ==, "Someone Else");

  assert_audit_intact (document);
}

typedef struct
{
  guint can_undo;
  guint can_redo;
  guint modified;
} Notifications;

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  Notifications *counts = user_data;

  if (g_str_equal (pspec->name, "can-undo"))
    counts->can_undo++;
  else if (g_str_equal (pspec->name, "can-redo"))
    counts->can_redo++;
  else if (g_str_equal (pspec->name, "modified"))
    counts->modified++;
}

static void
test_undo_notify (void)
{
  g_autoptr(PfDocument) document = fresh_document ();
  Notifications counts = { 0 };
  gboolean value;

  g_signal_connect (document, "notify", G_CALLBACK (count_notify_cb), &counts);

  test_set (document, "metadata", "title", "One");
  g_assert_cmpuint (counts.can_undo, >=, 1);
  g_assert_cmpuint (counts.modified, ==, 1);
  g_object_get (document, "can-undo", &value, NULL);
  g_assert_true (value);
  g_object_get (document, "modified", &value, NULL);
  g_assert_true (value);

  memset (&counts, 0, sizeof counts);
  g_assert_true (pf_document_undo (document));
  g_assert_cmpuint (counts.can_undo, >=, 1);
  g_assert_cmpuint (counts.can_redo, >=, 1);
  g_object_get (document, "can-undo", &value, NULL);
  g_assert_false (value);
  g_object_get (document, "can-redo", &value, NULL);
  g_assert_true (value);

  memset (&counts, 0, sizeof counts);
  g_assert_true (pf_document_redo (document));
  g_assert_cmpuint (counts.can_undo, >=, 1);
  g_assert_cmpuint (counts.can_redo, >=, 1);
  g_object_get (document, "can-redo", &value, NULL);
  g_assert_false (value);

  /* A new edit after an undo drops the redo step, and says so. */
  g_assert_true (pf_document_undo (document));
  memset (&counts, 0, sizeof counts);
  test_set (document, "metadata", "description", "new");
  g_assert_cmpuint (counts.can_redo, >=, 1);
  g_object_get (document, "can-redo", &value, NULL);
  g_assert_false (value);

  /* Modified: saved (as the app marks it), then changed by an undo. */
  memset (&counts, 0, sizeof counts);
  pf_document_set_modified (document, FALSE);
  g_assert_cmpuint (counts.modified, ==, 1);
  pf_document_set_modified (document, FALSE);
  g_assert_cmpuint (counts.modified, ==, 1);
  g_assert_true (pf_document_undo (document));
  g_assert_true (pf_document_get_modified (document));
  g_assert_cmpuint (counts.modified, ==, 2);

  g_signal_handlers_disconnect_by_func (document, count_notify_cb, &counts);
}

static void
changed_cb (PfDocument *document,
            const char *object,
            const char *field,
            gpointer    user_data)
{
  GPtrArray *seen = user_data;

  g_ptr_array_add (seen, g_strdup_printf ("%s %s", object, field ? field : "-"));
}

static void
test_undo_changed_signal (void)
{
  g_autoptr(PfDocument) document = fresh_document ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *id = NULL;

  g_signal_connect (document, "changed", G_CALLBACK (changed_cb), seen);
  test_set (document, "features/feature-1", "name", "x");
  id = test_add_record (document, "risks");
  g_assert_true (pf_document_undo (document));

  g_assert_cmpuint (seen->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "features/feature-1 name");
  g_assert_cmpstr (g_ptr_array_index (seen, 1), ==, "risks/risk-2 -");
  g_assert_cmpstr (g_ptr_array_index (seen, 2), ==, "risks/risk-2 -");

  g_signal_handlers_disconnect_by_func (document, changed_cb, seen);
}

/* Typing an answer is one undo step, as typing any other field. */
static void
test_undo_typing_answer (void)
{
  g_autoptr(PfDocument) document = pf_document_new ();
  const char * const keystrokes[] = { "R", "Re", "Red", "Redu", "Reduce" };

  for (guint i = 0; i < G_N_ELEMENTS (keystrokes); i++)
    {
      g_autoptr(JsonNode) value = json_node_init_string (json_node_alloc (), keystrokes[i]);
      g_autoptr(GError) error = NULL;

      g_assert_true (pf_document_set_answer (document, "business-understanding.objective", value, &error));
      g_assert_no_error (error);
    }

  g_assert_true (pf_document_undo (document));
  g_assert_null (pf_document_get_value (document, "answers/business-understanding.objective", "value"));
  g_assert_false (pf_document_can_undo (document));
}

static void
assert_changes (GPtrArray  *changes,
                const char *first,
                ...)
{
  va_list args;
  guint i = 0;

  g_assert_nonnull (changes);
  va_start (args, first);
  for (const char *change = first; change != NULL; change = va_arg (args, const char *))
    {
      g_assert_cmpuint (i, <, changes->len);
      g_assert_cmpstr (g_ptr_array_index (changes, i), ==, change);
      i++;
    }
  va_end (args);
  g_assert_cmpuint (changes->len, ==, i);
}

/* What the next undo or redo touches, for telling the user. */
static void
test_undo_changes (void)
{
  g_autoptr(PfDocument) document = fresh_document ();
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *record = NULL;

  g_assert_null (pf_document_dup_undo_changes (document, FALSE));
  g_assert_null (pf_document_dup_undo_changes (document, TRUE));

  g_assert_true (pf_document_set_string (document, "metadata", "title", "Churn", &error));
  g_assert_no_error (error);
  changes = pf_document_dup_undo_changes (document, FALSE);
  assert_changes (changes, "metadata title", NULL);
  g_clear_pointer (&changes, g_ptr_array_unref);

  /* A record added is the record, without a field. */
  id = pf_document_add_record (document, "risks", &error);
  g_assert_no_error (error);
  record = g_strconcat ("risks/", id, NULL);
  changes = pf_document_dup_undo_changes (document, FALSE);
  assert_changes (changes, record, NULL);
  g_clear_pointer (&changes, g_ptr_array_unref);

  /* A group lists each field once, in the order of the edits. */
  pf_document_begin_group (document);
  g_assert_true (pf_document_set_string (document, record, "title", "Late data", &error));
  g_assert_true (pf_document_set_string (document, record, "title", "Late feed", &error));
  g_assert_true (pf_document_set_not_applicable (document, "business-understanding.priority", "Only one", &error));
  g_assert_no_error (error);
  pf_document_end_group (document);
  changes = pf_document_dup_undo_changes (document, FALSE);
  {
    g_autofree char *title = g_strconcat (record, " title", NULL);

    assert_changes (changes, title,
                    "answers/business-understanding.priority not-applicable",
                    "answers/business-understanding.priority justification",
                    NULL);
  }
  g_clear_pointer (&changes, g_ptr_array_unref);

  /* After an undo, that step is the next redo. */
  g_assert_true (pf_document_undo (document));
  changes = pf_document_dup_undo_changes (document, FALSE);
  assert_changes (changes, record, NULL);
  g_clear_pointer (&changes, g_ptr_array_unref);
  changes = pf_document_dup_undo_changes (document, TRUE);
  g_assert_cmpuint (changes->len, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/undo/set-value", test_undo_set_value);
  g_test_add_func ("/undo/new-edit-clears-redo", test_undo_new_edit_clears_redo);
  g_test_add_func ("/undo/answers", test_undo_answers);
  g_test_add_func ("/undo/records", test_undo_records);
  g_test_add_func ("/undo/business-question", test_undo_business_question);
  g_test_add_func ("/undo/group", test_undo_group);
  g_test_add_func ("/undo/typing", test_undo_typing);
  g_test_add_func ("/undo/notify", test_undo_notify);
  g_test_add_func ("/undo/changed-signal", test_undo_changed_signal);

  g_test_add_func ("/undo/typing-answer", test_undo_typing_answer);
  g_test_add_func ("/undo/changes", test_undo_changes);

  return g_test_run ();
}
