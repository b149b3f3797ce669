/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "pf-application.h"
#include "pf-gate.h"
#include "pf-scope.h"
#include "pf-scope-describe.h"
#include "pf-sign-off-dialog.h"
#include "pf-window.h"
#include "ui-test-project.h"
#include "ui-test-util.h"

/* Signing off a scope as a user does it: through the buttons, the dialog
 * and the Sign-offs page, where a record goes stale when what it covers
 * is edited, and can be withdrawn. */

#define BU_SCOPE "phase:business-understanding"
#define EDITED_QUESTION "business-understanding.technical-criterion"

static PfApplication *app;
static char *tmp_dir;

static GtkWidget *
visible_page (PfWindow *window)
{
  GtkStack *stack = GTK_STACK (ui_test_find_widget (GTK_WIDGET (window), "page_stack"));

  return gtk_stack_get_visible_child (stack);
}

static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  gpointer pointer = dialog;

  /* As a click on the button: the response, then the dialog goes away. */
  g_object_add_weak_pointer (G_OBJECT (dialog), &pointer);
  g_object_ref (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  ui_test_wait_until (ui_test_is_null, &pointer);
  ui_test_spin ();
}

/* The gate and its Sign Off buttons are at the bottom of a phase: show
 * its top. */
static void
scroll_to_gate (GtkWidget *page)
{
  GtkWidget *scrolled = ui_test_find_of_type (page, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  double x, y;

  ui_test_wait_until (ui_test_is_drawn, page);
  ui_test_spin ();
  g_assert_true (gtk_widget_translate_coordinates (ui_test_find_named (page, "gate"), gtk_widget_get_first_child (content),
                                                   0, 0, &x, &y));
  gtk_adjustment_set_value (adjustment, y - 24);
  ui_test_spin ();
}

static gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      if (shows_text (child, text))
        return TRUE;
    }

  return FALSE;
}

static PfSignOffDialog *
open_dialog_with (GtkWidget *button)
{
  PfSignOffDialog *dialog;

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  ui_test_spin ();
  dialog = PF_SIGN_OFF_DIALOG (ui_test_find_toplevel (PF_TYPE_SIGN_OFF_DIALOG));
  g_assert_nonnull (dialog);

  return dialog;
}

static const char *
state_of (PfWindow   *window,
          const char *sign_off_id)
{
  GtkWidget *row = ui_test_find_named (visible_page (window), sign_off_id);
  GtkWidget *state;

  g_assert_nonnull (row);
  state = ui_test_find_named (row, "state");
  g_assert_nonnull (state);
  return gtk_label_get_text (GTK_LABEL (state));
}

static const char *
subtitle_of (PfWindow   *window,
             const char *sign_off_id)
{
  GtkWidget *row = ui_test_find_named (visible_page (window), sign_off_id);

  g_assert_nonnull (row);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

typedef struct
{
  PfWindow   *window;
  const char *sign_off_id;
  const char *expected;
} Awaited;

static gboolean
state_is (gpointer data)
{
  Awaited *awaited = data;

  return g_strcmp0 (state_of (awaited->window, awaited->sign_off_id), awaited->expected) == 0;
}

/* Shown, the page follows edits once a burst of them is over. */
static void
wait_for_state (PfWindow   *window,
                const char *sign_off_id,
                const char *expected)
{
  Awaited awaited = { window, sign_off_id, expected };

  ui_test_wait_until (state_is, &awaited);
}

static gboolean
subtitle_has (gpointer data)
{
  Awaited *awaited = data;

  return strstr (subtitle_of (awaited->window, awaited->sign_off_id), awaited->expected) != NULL;
}

static void
wait_for_subtitle (PfWindow   *window,
                   const char *sign_off_id,
                   const char *expected)
{
  Awaited awaited = { window, sign_off_id, expected };

  ui_test_wait_until (subtitle_has, &awaited);
}

/* The Sign-offs page while another page is shown. */
static GtkWidget *
hidden_sign_offs_page (PfWindow *window)
{
  GtkStack *stack = GTK_STACK (ui_test_find_widget (GTK_WIDGET (window), "page_stack"));
  GtkWidget *page = gtk_stack_get_child_by_name (stack, "sign-offs");

  g_assert_nonnull (page);
  g_assert_false (gtk_widget_get_mapped (page));
  return page;
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (haystack == NULL || strstr (haystack, needle) == NULL)
    g_error ("“%s” does not contain “%s”", haystack, needle);
}

static JsonObject *
last_record (PfDocument *document)
{
  JsonArray *sign_offs = pf_document_get_sign_offs (document);
  guint n = json_array_get_length (sign_offs);

  g_assert_cmpuint (n, >, 0);
  return json_array_get_object_element (sign_offs, n - 1);
}

/* The names of the records listed on the Sign-offs page, in order. */
static char *
listed_records (PfWindow *window)
{
  GtkWidget *group = ui_test_find_named (visible_page (window), "records");
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_assert_nonnull (group);
  g_ptr_array_add (stack, group);
  /* Depth first, in the order of the children. */
  while (stack->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);
      g_autoptr(GPtrArray) children = g_ptr_array_new ();

      if (ADW_IS_ACTION_ROW (widget))
        {
          if (names->len > 0)
            g_string_append_c (names, ' ');
          g_string_append (names, gtk_widget_get_name (widget));
          continue;
        }
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (children, child);
      for (guint i = children->len; i > 0; i--)
        g_ptr_array_add (stack, g_ptr_array_index (children, i - 1));
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static const char *
sign_offs_stack_page (PfWindow *window)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_first_child (visible_page (window))));
}

static GtkWidget *
find_sign_off_gate_row (GtkWidget *gate)
{
  if (GTK_IS_LIST_BOX_ROW (gate) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (gate)), "win.sign-off") == 0)
    return gate;

  for (GtkWidget *child = gtk_widget_get_first_child (gate); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_sign_off_gate_row (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Sign off Business Understanding through its button, see the record
 * current on the Sign-offs page, edit an answer of the phase, see it go
 * stale and name the question; undo and redo follow; withdraw a record. */
static void
test_sign_off_goes_stale (void)
{
  PfWindow *window = ui_test_new_project_window (app);
  PfDocument *document = pf_window_get_document (window);
  PfCatalog *catalog = pf_application_get_catalog (app);
  PfSignOffDialog *dialog;
  AdwMessageDialog *withdraw;
  GtkWidget *conditions;
  GtkWidget *gate_row;
  g_autofree char *expected_summary = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *order = NULL;
  const char *question_text = pf_catalog_find_question (catalog, EDITED_QUESTION)->text;

  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "sign-off"));

  /* The empty page says how to begin. */
  pf_window_show_page (window, "sign-offs");
  ui_test_spin ();
  g_assert_cmpstr (sign_offs_stack_page (window), ==, "empty");
  g_assert_true (gtk_widget_is_sensitive (ui_test_find_named (visible_page (window), "sign-off-menu")));
  ui_test_screenshot_light_and_dark (GTK_WIDGET (window), "sign-offs-empty");

  pf_window_show_page (window, "business-understanding");
  ui_test_spin ();
  dialog = open_dialog_with (ui_test_find_named (visible_page (window), "sign-off-phase"));

  /* Prefilled from Preferences; the summary says what is signed. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_test_find_named (GTK_WIDGET (dialog), "name"))), ==, "Grace Hopper");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_test_find_named (GTK_WIDGET (dialog), "role"))), ==, "Sponsor");
  g_assert_cmpstr (pf_sign_off_dialog_get_scope (dialog), ==, BU_SCOPE);
  expected_summary = pf_scope_describe_content (BU_SCOPE, catalog, document);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ui_test_find_named (GTK_WIDGET (dialog), "summary"))), ==, expected_summary);
  assert_contains (expected_summary, "required questions answered");
  assert_contains (expected_summary, "No business question recorded yet");
  {
    guint answered, required;
    g_autofree char *count = NULL;

    /* The count of the phase's gate, not of every question. */
    pf_gate_count_answered (catalog, document, PF_PHASE_BUSINESS_UNDERSTANDING, &answered, &required);
    count = g_strdup_printf ("%u of %u required questions answered", answered, required);
    assert_contains (expected_summary, count);
  }
  /* What still blocks the phase, the first five, but not the sign-off
   * being given; "reviewed" unless the signer chooses more. */
  g_assert_true (gtk_widget_get_visible (ui_test_find_named (GTK_WIDGET (dialog), "still-open")));
  {
    const char *open = gtk_label_get_text (GTK_LABEL (ui_test_find_named (GTK_WIDGET (dialog), "still-open-list")));
    g_autofree char *expected_open = pf_scope_describe_open (BU_SCOPE, 5, catalog, document);

    g_assert_cmpstr (open, ==, expected_open);
    assert_contains (open, "• No business question with a success criterion");
    assert_contains (open, "• Not answered: “");
    assert_contains (open, "… and ");
    g_assert_null (strstr (open, "needs a current sign-off"));
  }
  g_assert_cmpstr (pf_sign_off_dialog_get_meaning (dialog), ==, "reviewed");
  sha256 = pf_scope_content_sha256 (BU_SCOPE, pf_document_get_root (document));
  assert_contains (gtk_widget_get_tooltip_text (ui_test_find_named (GTK_WIDGET (dialog), "sha256")), sha256);
  g_assert_false (gtk_widget_get_visible (ui_test_find_named (GTK_WIDGET (dialog), "already-signed")));
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "sign-off"));

  /* No name, no sign-off: the button waits and a hint says why. */
  gtk_editable_set_text (GTK_EDITABLE (ui_test_find_named (GTK_WIDGET (dialog), "name")), "  ");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "sign-off"));
  g_assert_true (gtk_widget_get_visible (ui_test_find_named (GTK_WIDGET (dialog), "hint")));
  gtk_editable_set_text (GTK_EDITABLE (ui_test_find_named (GTK_WIDGET (dialog), "name")), "Grace Hopper");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "sign-off"));
  g_assert_false (gtk_widget_get_visible (ui_test_find_named (GTK_WIDGET (dialog), "hint")));

  /* An approval with conditions needs them. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ui_test_find_named (GTK_WIDGET (dialog), "meaning")), 2);
  g_assert_cmpstr (pf_sign_off_dialog_get_meaning (dialog), ==, "approved-with-conditions");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "sign-off"));
  conditions = ui_test_find_named (GTK_WIDGET (dialog), "conditions");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (conditions)), " \n ", -1);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "sign-off"));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (conditions)), "Only for the pilot region", -1);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "sign-off"));
  ui_test_screenshot_light_and_dark (GTK_WIDGET (dialog), "sign-off-dialog");

  /* Plain approval, then sign. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (conditions)), "", -1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ui_test_find_named (GTK_WIDGET (dialog), "meaning")), 1);
  g_assert_cmpstr (pf_sign_off_dialog_get_meaning (dialog), ==, "approved");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "sign-off"));
  respond (ADW_MESSAGE_DIALOG (dialog), "sign-off");

  g_assert_cmpuint (json_array_get_length (pf_document_get_sign_offs (document)), ==, 1);
  g_assert_true (shows_text (GTK_WIDGET (window), "Signed off Business Understanding phase"));
  g_assert_cmpstr (json_object_get_string_member (last_record (document), "id"), ==, "sign-off-1");
  g_assert_cmpstr (json_object_get_string_member (last_record (document), "scope"), ==, BU_SCOPE);
  g_assert_cmpstr (json_object_get_string_member (last_record (document), "meaning"), ==, "approved");
  g_assert_cmpstr (json_object_get_string_member (last_record (document), "name"), ==, "Grace Hopper");
  g_assert_cmpstr (json_object_get_string_member (last_record (document), "role"), ==, "Sponsor");

  /* Listed, current. */
  pf_window_show_page (window, "sign-offs");
  ui_test_spin ();
  g_assert_cmpstr (sign_offs_stack_page (window), ==, "records");
  g_assert_cmpstr (state_of (window, "sign-off-1"), ==, "Current");
  assert_contains (subtitle_of (window, "sign-off-1"), "Grace Hopper, Sponsor · Approved");

  /* An answer of the phase edited through its widget: stale, naming the question. */
  pf_window_show_page (window, "business-understanding");
  ui_test_spin ();
  gtk_editable_set_text (GTK_EDITABLE (ui_test_find_named (visible_page (window), EDITED_QUESTION)), "Top-decile lift ≥ 3");
  /* Hidden, the page does not work on it: the row is as it was... */
  ui_test_spin ();
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ui_test_find_named (ui_test_find_named (hidden_sign_offs_page (window), "sign-off-1"),
                                                              "state"))), ==, "Current");
  /* ...until it is shown, up to date from its first frame. */
  pf_window_show_page (window, "sign-offs");
  g_assert_cmpstr (state_of (window, "sign-off-1"), ==, "Stale");
  assert_contains (subtitle_of (window, "sign-off-1"), "Changed since signing:");
  assert_contains (subtitle_of (window, "sign-off-1"), question_text);

  /* Undo and redo: the page follows. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  wait_for_state (window, "sign-off-1", "Current");
  g_action_group_activate_action (G_ACTION_GROUP (window), "redo", NULL);
  wait_for_state (window, "sign-off-1", "Stale");

  /* Many changes: the first few are named, the rest counted. */
  pf_document_begin_group (document);
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *question = g_strdup_printf ("business-understanding.extra-%u", i);
      g_autoptr(JsonNode) value = json_node_init_string (json_node_alloc (), "More");

      g_assert_true (pf_document_set_answer (document, question, value, NULL));
    }
  pf_document_end_group (document);
  wait_for_subtitle (window, "sign-off-1", "… and 2 more changes");
  {
    const char *subtitle = subtitle_of (window, "sign-off-1");
    guint n_items = 0;

    for (const char *item = strstr (subtitle, "• "); item != NULL; item = strstr (item + 1, "• "))
      n_items++;
    g_assert_cmpuint (n_items, ==, 5);
  }

  /* The gate of the phase lists the missing sign-off; activating it opens the dialog. */
  pf_window_show_page (window, "business-understanding");
  ui_test_spin ();
  gate_row = find_sign_off_gate_row (ui_test_find_named (visible_page (window), "gate"));
  g_assert_nonnull (gate_row);
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (gate_row)));
  g_signal_emit_by_name (gate_row, "activate");
  ui_test_spin ();
  dialog = PF_SIGN_OFF_DIALOG (ui_test_find_toplevel (PF_TYPE_SIGN_OFF_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (pf_sign_off_dialog_get_scope (dialog), ==, BU_SCOPE);
  /* A stale sign-off by the same name is no reason to mention it. */
  g_assert_false (gtk_widget_get_visible (ui_test_find_named (GTK_WIDGET (dialog), "already-signed")));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ui_test_find_named (GTK_WIDGET (dialog), "meaning")), 0);
  respond (ADW_MESSAGE_DIALOG (dialog), "sign-off");
  g_assert_cmpstr (json_object_get_string_member (last_record (document), "id"), ==, "sign-off-2");
  g_assert_cmpstr (json_object_get_string_member (last_record (document), "meaning"), ==, "reviewed");

  /* Again by the same name: the dialog says there is a current one. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "sign-off", g_variant_new_string (BU_SCOPE));
  ui_test_spin ();
  dialog = PF_SIGN_OFF_DIALOG (ui_test_find_toplevel (PF_TYPE_SIGN_OFF_DIALOG));
  g_assert_true (gtk_widget_get_visible (ui_test_find_named (GTK_WIDGET (dialog), "already-signed")));
  assert_contains (gtk_label_get_text (GTK_LABEL (ui_test_find_named (GTK_WIDGET (dialog), "already-signed"))),
                   "Grace Hopper already has a current sign-off");
  /* Someone else has none. */
  gtk_editable_set_text (GTK_EDITABLE (ui_test_find_named (GTK_WIDGET (dialog), "name")), "Ada Lovelace");
  g_assert_false (gtk_widget_get_visible (ui_test_find_named (GTK_WIDGET (dialog), "already-signed")));
  respond (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_assert_cmpuint (json_array_get_length (pf_document_get_sign_offs (document)), ==, 2);

  /* The privacy review from the phase that asks its questions. */
  pf_window_show_page (window, "data-understanding");
  ui_test_spin ();
  dialog = open_dialog_with (ui_test_find_named (visible_page (window), "sign-off-privacy-review"));
  g_assert_cmpstr (pf_sign_off_dialog_get_scope (dialog), ==, "privacy-review");
  gtk_editable_set_text (GTK_EDITABLE (ui_test_find_named (GTK_WIDGET (dialog), "role")), "Data protection officer");
  respond (ADW_MESSAGE_DIALOG (dialog), "sign-off");
  g_assert_cmpstr (json_object_get_string_member (last_record (document), "scope"), ==, "privacy-review");

  /* Deployment asks the deployment plan's and the privacy review's
   * questions; Modeling neither. */
  pf_window_show_page (window, "deployment");
  ui_test_spin ();
  g_assert_nonnull (ui_test_find_named (visible_page (window), "sign-off-deployment-plan"));
  g_assert_nonnull (ui_test_find_named (visible_page (window), "sign-off-privacy-review"));
  pf_window_show_page (window, "modeling");
  ui_test_spin ();
  g_assert_null (ui_test_find_named (visible_page (window), "sign-off-deployment-plan"));
  g_assert_null (ui_test_find_named (visible_page (window), "sign-off-privacy-review"));
  pf_window_show_page (window, "business-understanding");
  ui_test_spin ();
  scroll_to_gate (visible_page (window));
  ui_test_screenshot_light_and_dark (GTK_WIDGET (window), "sign-off-phase-gate");

  /* The leakage review names a feature kept although flagged. */
  {
    g_autofree char *feature = pf_document_add_record (document, "features", NULL);
    g_autofree char *object = g_strconcat ("features/", feature, NULL);
    const char *open;

    g_assert_true (pf_document_set_string (document, object, "name", "days_to_cancel", NULL));
    g_assert_true (pf_document_set_string (document, object, "known-at", "after", NULL));
    g_assert_true (pf_document_set_string (document, object, "verdict", "keep", NULL));
    g_action_group_activate_action (G_ACTION_GROUP (window), "sign-off", g_variant_new_string ("leakage-review"));
    ui_test_spin ();
    dialog = PF_SIGN_OFF_DIALOG (ui_test_find_toplevel (PF_TYPE_SIGN_OFF_DIALOG));
    open = gtk_label_get_text (GTK_LABEL (ui_test_find_named (GTK_WIDGET (dialog), "still-open-list")));
    assert_contains (open, "Feature “days_to_cancel” is kept although flagged as leakage");
    ui_test_screenshot_light_and_dark (GTK_WIDGET (dialog), "sign-off-dialog-leakage");
    respond (ADW_MESSAGE_DIALOG (dialog), "cancel");
  }

  /* The whole project from the Overview. */
  pf_window_show_page (window, "overview");
  ui_test_spin ();
  dialog = open_dialog_with (ui_test_find_named (visible_page (window), "sign-off-project"));
  g_assert_cmpstr (pf_sign_off_dialog_get_scope (dialog), ==, "project");
  assert_contains (gtk_label_get_text (GTK_LABEL (ui_test_find_named (GTK_WIDGET (dialog), "summary"))),
                   "questions answered in all six phases");
  /* Nothing blocks a project sign-off but its content: no block. */
  g_assert_null (ui_test_find_named (GTK_WIDGET (dialog), "still-open"));
  respond (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_assert_cmpuint (json_array_get_length (pf_document_get_sign_offs (document)), ==, 3);

  /* Newest first. */
  pf_window_show_page (window, "sign-offs");
  ui_test_spin ();
  order = listed_records (window);
  g_assert_cmpstr (order, ==, "sign-off-3 sign-off-2 sign-off-1");

  /* Withdraw: a comment is needed; the record stays and says who withdrew it. */
  g_signal_emit_by_name (ui_test_find_named (ui_test_find_named (visible_page (window), "sign-off-2"), "withdraw"), "clicked");
  ui_test_spin ();
  withdraw = ADW_MESSAGE_DIALOG (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (withdraw);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_test_find_named (GTK_WIDGET (withdraw), "name"))), ==, "Grace Hopper");
  g_assert_false (adw_message_dialog_get_response_enabled (withdraw, "withdraw"));
  gtk_editable_set_text (GTK_EDITABLE (ui_test_find_named (GTK_WIDGET (withdraw), "comment")), "Signed before the data audit");
  g_assert_true (adw_message_dialog_get_response_enabled (withdraw, "withdraw"));
  ui_test_screenshot_light_and_dark (GTK_WIDGET (withdraw), "sign-off-withdraw-dialog");
  /* The keyboard focus was on the record's button; it stays on the record. */
  gtk_widget_grab_focus (ui_test_find_named (ui_test_find_named (visible_page (window), "sign-off-2"), "withdraw"));
  respond (withdraw, "withdraw");
  g_assert_true (gtk_widget_has_focus (ui_test_find_named (visible_page (window), "sign-off-2")));
  g_assert_cmpstr (json_object_get_string_member (last_record (document), "kind"), ==, "withdrawal");
  g_assert_cmpstr (json_object_get_string_member (last_record (document), "withdraws"), ==, "sign-off-2");
  g_assert_cmpstr (state_of (window, "sign-off-2"), ==, "Withdrawn");
  assert_contains (subtitle_of (window, "sign-off-2"), "Withdrawn by Grace Hopper, Sponsor on ");
  assert_contains (subtitle_of (window, "sign-off-2"), "Signed before the data audit");
  g_assert_null (ui_test_find_named (ui_test_find_named (visible_page (window), "sign-off-2"), "withdraw"));
  g_assert_cmpstr (state_of (window, "sign-off-3"), ==, "Current");
  ui_test_screenshot_light_and_dark (GTK_WIDGET (window), "sign-offs");

  /* Filtered by scope. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ui_test_find_named (visible_page (window), "filter")), 1);
  ui_test_spin ();
  g_clear_pointer (&order, g_free);
  order = listed_records (window);
  g_assert_cmpstr (order, ==, "sign-off-2 sign-off-1");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ui_test_find_named (visible_page (window), "filter")), 7);
  ui_test_spin ();
  g_assert_null (ui_test_find_named (visible_page (window), "sign-off-1"));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ui_test_find_named (visible_page (window), "filter")), 0);
  ui_test_spin ();

  ui_test_destroy_window (window);
}

/* The dialog signs the project it shows: when another one was opened in
 * the window meanwhile, nothing is recorded in either and the user is
 * told why. The heading names the scope in title case. */
static void
test_document_replaced (void)
{
  PfWindow *window = ui_test_new_project_window (app);
  PfDocument *shown = g_object_ref (pf_window_get_document (window));
  g_autoptr(PfDocument) other = pf_document_new ();
  PfSignOffDialog *dialog;
  AdwMessageDialog *error;

  g_action_group_activate_action (G_ACTION_GROUP (window), "sign-off", g_variant_new_string (BU_SCOPE));
  ui_test_spin ();
  dialog = PF_SIGN_OFF_DIALOG (ui_test_find_toplevel (PF_TYPE_SIGN_OFF_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (pf_sign_off_dialog_get_document (dialog) == shown);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Sign Off the Business Understanding Phase");

  pf_window_set_document (window, other);
  respond (ADW_MESSAGE_DIALOG (dialog), "sign-off");

  g_assert_cmpuint (json_array_get_length (pf_document_get_sign_offs (shown)), ==, 0);
  g_assert_cmpuint (json_array_get_length (pf_document_get_sign_offs (other)), ==, 0);
  error = ADW_MESSAGE_DIALOG (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (error);
  g_assert_cmpstr (adw_message_dialog_get_heading (error), ==, "Could Not Record the Sign-off");
  respond (error, "close");

  g_object_unref (shown);
  ui_test_destroy_window (window);
}

/* A project opened with a stale sign-off: the Sign-offs page, hidden at
 * first, shows it stale with what changed when it is shown. (The audit
 * trail is read by then: the Overview's verdict, shown first, needs what
 * changed since each sign-off.) */
static void
test_open_stale (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "stale.preflight", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PfDocument) made = pf_document_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  PfDocument *document;
  PfWindow *window;

  pf_document_set_actor (made, "Grace Hopper");
  id = pf_document_sign_off (made, "project", "Grace Hopper", "Sponsor", "approved", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pf_document_set_string (made, "metadata", "title", "Changed after signing", &error));
  g_assert_no_error (error);
  bytes = pf_document_serialize (made);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);

  g_application_open (G_APPLICATION (app), &file, 1, "");
  window = ui_test_active_window (app);
  ui_test_wait_until (ui_test_has_document, window);
  ui_test_wait_until (ui_test_is_drawn, window);
  ui_test_spin ();
  document = pf_window_get_document (window);
  g_assert_cmpuint (pf_document_get_audit_length (document), >, 0);

  pf_window_show_page (window, "sign-offs");
  g_assert_cmpstr (state_of (window, id), ==, "Stale");
  assert_contains (subtitle_of (window, id), "The project's title");
  g_assert_true (pf_document_get_audit_read (document));

  ui_test_destroy_window (window);
}

/* Nothing is signed in a project this version may not change. */
static void
test_read_only (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "newer.preflight", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PfWindow *window;

  g_assert_true (g_file_set_contents (path,
                                      "{\"format\": \"preflight-project\", \"format-version\": 2,"
                                      " \"metadata\": {\"title\": \"From the future\"}}\n",
                                      -1, &error));
  g_assert_no_error (error);
  g_application_open (G_APPLICATION (app), &file, 1, "");
  window = ui_test_active_window (app);
  ui_test_wait_until (ui_test_has_document, window);
  g_assert_true (pf_document_get_read_only (pf_window_get_document (window)));

  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "sign-off"));
  pf_window_show_page (window, "business-understanding");
  ui_test_spin ();
  g_assert_false (gtk_widget_is_sensitive (ui_test_find_named (visible_page (window), "sign-off-phase")));
  pf_window_show_page (window, "sign-offs");
  ui_test_spin ();
  g_assert_false (gtk_widget_is_sensitive (ui_test_find_named (visible_page (window), "sign-off-menu")));

  ui_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = NULL;
  int ret;

  ui_test_init (&argc, &argv);

  tmp_dir = g_build_filename (g_get_user_cache_dir (), "projects", NULL);
  g_assert_cmpint (g_mkdir_with_parents (tmp_dir, 0700), ==, 0);

  /* Who signs, from Preferences; windows at the size of the screenshots. */
  settings = g_settings_new (APP_ID);
  g_settings_set_string (settings, "user-name", "Grace Hopper");
  g_settings_set_string (settings, "user-role", "Sponsor");
  g_settings_set_int (settings, "window-width", 1280);
  g_settings_set_int (settings, "window-height", 800);

  app = pf_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/ui/sign-offs/goes-stale", test_sign_off_goes_stale);
  g_test_add_func ("/ui/sign-offs/document-replaced", test_document_replaced);
  g_test_add_func ("/ui/sign-offs/open-stale", test_open_stale);
  g_test_add_func ("/ui/sign-offs/read-only", test_read_only);

  ret = g_test_run ();

  g_object_unref (app);
  g_free (tmp_dir);

  return ret;
}
