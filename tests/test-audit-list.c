/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pf-audit-list.h"

/* The audit trail as a list model: newest first, growing and amending
 * with the document. */

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint n_signals;
} Changes;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
  changes->n_signals++;
}

static PfAuditItem *
item_at (PfAuditList *list,
         guint        position)
{
  PfAuditItem *item = g_list_model_get_item (G_LIST_MODEL (list), position);

  /* The list keeps its own reference. */
  g_object_unref (item);
  return item;
}

static void
test_audit_list (void)
{
  g_autoptr(PfDocument) document = pf_document_new ();
  g_autoptr(PfAuditList) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *risk_id = NULL;
  Changes changes = { 0 };
  PfAuditItem *item;
  guint n;

  pf_document_make_new_project (document);
  pf_document_set_actor (document, "Ada");
  g_assert_true (pf_document_set_string (document, "metadata", "title", "Churn", &error));
  g_assert_no_error (error);

  list = pf_audit_list_new (document);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, ==, pf_document_get_audit_length (document));
  g_assert_cmpuint (n, >, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == PF_TYPE_AUDIT_ITEM);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), n));
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &changes);

  /* Newest first. */
  item = item_at (list, 0);
  g_assert_cmpint (pf_audit_item_get_seq (item), ==, n);
  g_assert_cmpstr (pf_audit_item_get_actor (item), ==, "Ada");
  g_assert_cmpstr (pf_audit_item_get_action (item), ==, "set");
  g_assert_cmpstr (pf_audit_item_get_object (item), ==, "metadata");
  g_assert_cmpstr (pf_audit_item_get_field (item), ==, "title");
  g_assert_cmpstr (pf_audit_item_get_detail (item), ==, "Churn");
  g_assert_true (g_str_has_suffix (pf_audit_item_get_time (item), "Z"));
  g_assert_cmpint (pf_audit_item_get_seq (item_at (list, n - 1)), ==, 1);

  /* A new entry arrives on top. */
  risk_id = pf_document_add_record (document, "risks", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (risk_id, ==, "risk-1");
  g_assert_cmpuint (changes.n_signals, ==, 1);
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n + 1);
  item = item_at (list, 0);
  g_assert_cmpstr (pf_audit_item_get_action (item), ==, "add");
  g_assert_cmpstr (pf_audit_item_get_object (item), ==, "risks/risk-1");
  /* A new record has nothing to name it by yet: its fields follow. */
  g_assert_cmpstr (pf_audit_item_get_detail (item), ==, "");

  /* Typing amends the newest entry: it is replaced, not added. */
  g_assert_true (pf_document_set_string (document, "risks/risk-1", "title", "Dat", &error));
  g_assert_cmpuint (changes.n_signals, ==, 2);
  item = item_at (list, 0);
  g_assert_cmpstr (pf_audit_item_get_detail (item), ==, "Dat");
  g_assert_true (pf_document_set_string (document, "risks/risk-1", "title", "Data drift", &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n + 2);
  g_assert_cmpuint (changes.n_signals, ==, 3);
  g_assert_cmpuint (changes.removed, ==, 1);
  g_assert_cmpuint (changes.added, ==, 1);
  item = item_at (list, 0);
  g_assert_cmpstr (pf_audit_item_get_detail (item), ==, "Data drift");

  /* Search ignores case and looks at every column. */
  folded = g_utf8_casefold ("DATA DR", -1);
  g_assert_true (pf_audit_item_matches_text (item, folded));
  g_assert_true (pf_audit_item_matches_text (item, "risks/risk-1"));
  g_assert_true (pf_audit_item_matches_text (item, "changed"));
  g_assert_true (pf_audit_item_matches_text (item, ""));
  g_assert_false (pf_audit_item_matches_text (item, "metadata"));

  /* Undo is an entry of its own. */
  g_assert_true (pf_document_undo (document));
  g_assert_cmpstr (pf_audit_item_get_action (item_at (list, 0)), ==, "undo");
  g_assert_cmpstr (pf_audit_item_get_detail (item_at (list, 0)), ==, "Data drift → “”");
  g_assert_cmpstr (pf_audit_action_get_title ("undo"), ==, "Undone");
  g_assert_cmpstr (pf_audit_action_get_title ("teleport"), ==, "teleport");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/audit-list/model", test_audit_list);

  return g_test_run ();
}
