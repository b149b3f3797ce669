/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "pf-application.h"
#include "pf-window.h"
#include "ui-test-project.h"
#include "ui-test-util.h"

/* A phase page as a user meets it: a jump to a question (from the gate
 * below, from another page) shows the whole question and focuses its
 * input; a number or date that is none says so under its field. */

static PfApplication *app;

static gboolean
document_is_sample (gpointer data)
{
  PfDocument *document = pf_window_get_document (data);

  return document != NULL && g_strcmp0 (pf_document_get_title (document), "Customer churn at Nordwind Telecom") == 0;
}

static PfWindow *
open_sample (void)
{
  PfWindow *window;

  g_action_group_activate_action (G_ACTION_GROUP (app), "new", NULL);
  window = ui_test_active_window (app);
  ui_test_wait_until (ui_test_is_drawn, window);
  pf_window_open_resource (window, RESOURCE_BASE "/samples/churn.preflight");
  ui_test_wait_until (document_is_sample, window);
  ui_test_wait_until (ui_test_is_drawn, window);

  return window;
}

static GtkWidget *
show_page (PfWindow   *window,
           const char *page_id)
{
  GtkStack *stack = GTK_STACK (ui_test_find_widget (GTK_WIDGET (window), "page_stack"));

  g_assert_true (pf_window_show_page (window, page_id));
  ui_test_wait_until (ui_test_stack_settled, stack);
  ui_test_wait_ms (100);

  return gtk_stack_get_child_by_name (stack, page_id);
}

static gboolean
has_focus_within (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Whether the whole row of @input, its title and its input, is inside
 * what the scrolled window shows. */
static gboolean
row_fully_shown (GtkWidget *input)
{
  GtkWidget *row = gtk_widget_get_ancestor (input, GTK_TYPE_LIST_BOX_ROW);
  GtkWidget *scroller = gtk_widget_get_ancestor (input, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  GtkWidget *content = gtk_viewport_get_child (GTK_VIEWPORT (viewport));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  double value = gtk_adjustment_get_value (adjustment);
  double page_size = gtk_adjustment_get_page_size (adjustment);
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (input) || !gtk_widget_compute_bounds (row, content, &bounds))
    return FALSE;

  return value <= bounds.origin.y && bounds.origin.y + bounds.size.height <= value + page_size;
}

static gboolean
jump_done (gpointer input)
{
  return has_focus_within (input) && row_fully_shown (input);
}

/* After a jump: the input keeps the focus, the row stays in view while
 * the page settles (text views may still grow), and the scrolling stops. */
static void
assert_jumped_to (PfWindow   *window,
                  const char *question_id)
{
  GtkWidget *input = ui_test_find_named (GTK_WIDGET (window), question_id);
  GtkAdjustment *adjustment;
  double value;

  g_assert_nonnull (input);
  ui_test_wait_until (jump_done, input);
  ui_test_wait_ms (300);
  if (!has_focus_within (input))
    g_error ("%s lost the focus after the jump", question_id);
  if (!row_fully_shown (input))
    g_error ("%s is not fully in view after the jump", question_id);

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (input, GTK_TYPE_SCROLLED_WINDOW)));
  value = gtk_adjustment_get_value (adjustment);
  ui_test_wait_ms (200);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, value);
}

/* The sample leaves the required questions of Deployment open: each gate
 * row at the bottom leads to its question, far up. */
static void
test_jump_from_gate (void)
{
  PfWindow *window = open_sample ();
  GtkWidget *page = show_page (window, "deployment");
  GtkWidget *gate = ui_test_find_named (page, "gate");
  g_autoptr(GPtrArray) questions = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (gate);
  for (GtkWidget *row = ui_test_find_of_type (gate, GTK_TYPE_LIST_BOX_ROW); row; row = gtk_widget_get_next_sibling (row))
    {
      const char *question = g_object_get_data (G_OBJECT (row), "question");

      if (question != NULL)
        g_ptr_array_add (questions, g_strdup (question));
    }
  g_assert_cmpuint (questions->len, >=, 2);

  /* Six jumps, from the top of the page to the bottom, are proof enough. */
  for (guint i = 0; i < MIN (questions->len, 6); i++)
    {
      const char *question = g_ptr_array_index (questions, i);
      GtkWidget *row = NULL;
      GtkAdjustment *adjustment;

      /* Back down to the gate, as the user scrolls to it. */
      adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (gate, GTK_TYPE_SCROLLED_WINDOW)));
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      ui_test_wait_ms (50);

      for (GtkWidget *child = ui_test_find_of_type (gate, GTK_TYPE_LIST_BOX_ROW); child; child = gtk_widget_get_next_sibling (child))
        {
          if (g_strcmp0 (g_object_get_data (G_OBJECT (child), "question"), question) == 0)
            row = child;
        }
      g_assert_nonnull (row);
      gtk_widget_grab_focus (row);
      g_signal_emit_by_name (row, "activated");
      assert_jumped_to (window, question);
      if (i == 0)
        ui_test_screenshot (GTK_WIDGET (window), "phase-jump-from-gate");
    }

  ui_test_destroy_window (window);
}

/* From another page, by the action Ctrl+F uses: the page switches, then
 * scrolls; the drop-down found opens its list without a complaint. */
static void
test_jump_from_other_page (void)
{
  PfWindow *window = open_sample ();
  const char * const questions[] = {
    "business-understanding.sponsor",
    "data-understanding.training-rows",
    "business-understanding.deadline",
    "deployment.lessons-learned",
  };

  for (guint i = 0; i < G_N_ELEMENTS (questions); i++)
    {
      GtkWidget *input;

      show_page (window, "overview");
      g_action_group_activate_action (G_ACTION_GROUP (window), "show-question",
                                      g_variant_new_string (questions[i]));
      assert_jumped_to (window, questions[i]);

      input = ui_test_find_named (GTK_WIDGET (window), questions[i]);
      if (GTK_IS_DROP_DOWN (input))
        {
          GtkWidget *popover = ui_test_find_of_type (input, GTK_TYPE_POPOVER);

          g_assert_nonnull (popover);
          gtk_popover_popup (GTK_POPOVER (popover));
          ui_test_wait_until (ui_test_is_drawn, popover);
          ui_test_wait_ms (100);
          ui_test_screenshot (GTK_WIDGET (window), "phase-jump-drop-down");
          gtk_popover_popdown (GTK_POPOVER (popover));
          ui_test_wait_ms (100);
        }
    }

  ui_test_destroy_window (window);
}

/* Text that is no number or date: a message under the field, for the
 * screen reader too, and what was typed stays. */
static void
test_invalid_input (void)
{
  PfWindow *window = open_sample ();
  PfDocument *document = pf_window_get_document (window);
  GtkWidget *page = show_page (window, "business-understanding");
  struct {
    const char *question;
    const char *bad;
    const char *good;
  } cases[] = {
    { "business-understanding.deadline", "2027-13-45", "2027-12-01" },
    { "business-understanding.cost-estimate", "twelve", "12" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GtkWidget *input = ui_test_find_named (page, cases[i].question);
      GtkWidget *message;
      g_autofree char *object = g_strconcat ("answers/", cases[i].question, NULL);
      JsonNode *before;
      g_autoptr(JsonNode) saved = NULL;

      g_assert_true (GTK_IS_ENTRY (input));
      message = ui_test_find_named (gtk_widget_get_parent (input), "invalid-message");
      g_assert_nonnull (message);
      g_assert_false (gtk_widget_get_visible (message));

      before = pf_document_get_value (document, object, "value");
      saved = before ? json_node_copy (before) : NULL;
      gtk_editable_set_text (GTK_EDITABLE (input), cases[i].bad);
      g_assert_true (gtk_widget_get_visible (message));
      g_assert_true (gtk_widget_has_css_class (input, "error"));
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (message)), !=, "");
      g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (message)),
                                       i == 0 ? "Not a date" : "Not a number"));
      /* The screen reader hears it too. */
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (input), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                           gtk_label_get_text (GTK_LABEL (message)));
      gtk_test_accessible_assert_state (GTK_ACCESSIBLE (input), GTK_ACCESSIBLE_STATE_INVALID,
                                        GTK_ACCESSIBLE_INVALID_TRUE);
      /* Nothing saved, what was typed kept. */
      before = pf_document_get_value (document, object, "value");
      g_assert_true ((saved == NULL && before == NULL) || (saved != NULL && before != NULL && json_node_equal (saved, before)));
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (input)), ==, cases[i].bad);
      g_action_group_activate_action (G_ACTION_GROUP (window), "show-question",
                                      g_variant_new_string (cases[i].question));
      assert_jumped_to (window, cases[i].question);
      ui_test_screenshot (GTK_WIDGET (window), i == 0 ? "phase-invalid-date" : "phase-invalid-number");
      if (i == 0)
        {
          adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
          ui_test_wait_ms (400);
          ui_test_screenshot (GTK_WIDGET (window), "phase-invalid-date-dark");
          adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
          ui_test_wait_ms (400);
        }

      /* Still wrong after more typing; right at last, and saved. */
      gtk_editable_set_text (GTK_EDITABLE (input), "x");
      g_assert_true (gtk_widget_get_visible (message));
      gtk_editable_set_text (GTK_EDITABLE (input), cases[i].good);
      g_assert_false (gtk_widget_get_visible (message));
      g_assert_false (gtk_widget_has_css_class (input, "error"));
      g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (input), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
      g_assert_false (gtk_test_accessible_has_state (GTK_ACCESSIBLE (input), GTK_ACCESSIBLE_STATE_INVALID));
      before = pf_document_get_value (document, object, "value");
      g_assert_nonnull (before);
      if (i == 0)
        g_assert_cmpstr (json_node_get_string (before), ==, cases[i].good);
      else
        g_assert_cmpfloat (json_node_get_double (before), ==, 12);

      /* Emptied is no answer, and nothing wrong. */
      gtk_editable_set_text (GTK_EDITABLE (input), "");
      g_assert_false (gtk_widget_get_visible (message));
    }

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

  /* The size the trial had. */
  settings = g_settings_new (APP_ID);
  g_settings_set_int (settings, "window-width", 1280);
  g_settings_set_int (settings, "window-height", 800);

  app = pf_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/ui/phase/jump-from-gate", test_jump_from_gate);
  g_test_add_func ("/ui/phase/jump-from-other-page", test_jump_from_other_page);
  g_test_add_func ("/ui/phase/invalid-input", test_invalid_input);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
