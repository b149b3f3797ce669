/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "pf-business-question-group.h"
#include "pf-gate.h"
#include "pf-phase-page.h"
#include "pf-scan-summary-group.h"
#include "pf-scope.h"

/* A phase of the catalog as a page: each step a group, each question a row
 * whose input fits its type. Every edit goes straight to the document. */

/* Positions in the yes-no list, in the order of yes_no_labels(). */
enum { YES_NO_UNANSWERED, YES_NO_YES, YES_NO_NO, YES_NO_NOT_APPLICABLE };

typedef struct
{
  PfPhasePage      *page;          /* borrowed */
  const PfQuestion *question;      /* borrowed from the catalog */
  GtkWidget        *input;
  GtkWidget        *justification; /* yes-no: why it does not apply */
  GtkWidget        *message;       /* number, date: what is wrong with the text */
  GPtrArray        *record_ids;    /* reference: the id of each list item but the first */
} QuestionView;

struct _PfPhasePage
{
  AdwBin               parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *intro_group;

  /* Borrowed references */
  AdwPreferencesPage  *page;
  AdwPreferencesGroup *gate_group;
  GPtrArray           *gate_rows;
  PfBusinessQuestionGroup *question_group;  /* Business Understanding only */
  PfScanSummaryGroup  *scan_group;      /* Data Understanding only */
  PfScanSummaryGroup  *privacy_group;   /* above the privacy review's questions */

  /* Owned references */
  PfCatalog           *catalog;
  PfDocument          *document;
  GHashTable          *views;     /* question id -> QuestionView */
  gulong               changed_handler;
  guint                gate_source;
  guint                scroll_tick;
  char                *scroll_to;  /* a question id */
  guint                scroll_n_frames;
  guint                scroll_n_stable;
  double               scroll_last[4]; /* row top, row height, page size, upper */
  gconstpointer        scroll_focus;   /* compared only: the focus right after the jump */

  PfPhase              phase;
  /* Set while the page writes the document's values into its widgets. */
  guint                updating : 1;
};

G_DEFINE_FINAL_TYPE (PfPhasePage, pf_phase_page, ADW_TYPE_BIN)

static void
question_view_free (QuestionView *view)
{
  g_clear_pointer (&view->record_ids, g_ptr_array_unref);
  g_free (view);
}

static char *
answer_object (const PfQuestion *question)
{
  return g_strconcat ("answers/", question->id, NULL);
}

static void
commit_value (QuestionView *view,
              JsonNode     *value)
{
  g_autoptr(GError) error = NULL;

  if (view->page->updating || view->page->document == NULL)
    return;

  if (!pf_document_set_answer (view->page->document, view->question->id, value, &error))
    g_critical ("Cannot answer %s: %s", view->question->id, error->message);
}

static void
commit_string (QuestionView *view,
               const char   *text)
{
  g_autoptr(JsonNode) value = json_node_init_string (json_node_alloc (), text);

  commit_value (view, value);
}

/* Says under the field what is wrong with its text, or nothing. The text
 * stays as typed: it is not saved until it can be. */
static void
show_invalid (QuestionView *view,
              const char   *message)
{
  if (message != NULL)
    {
      gtk_label_set_text (GTK_LABEL (view->message), message);
      gtk_widget_add_css_class (view->input, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (view->input),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (view->input),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
    }
  else
    {
      gtk_widget_remove_css_class (view->input, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (view->input), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (view->input), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  gtk_widget_set_visible (view->message, message != NULL);
}

static void
entry_changed_cb (GtkEditable  *editable,
                  QuestionView *view)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (editable));
  const char *message = NULL;
  gboolean valid = TRUE;

  switch (view->question->type)
    {
    case PF_QUESTION_NUMBER:
      {
        g_autoptr(JsonNode) value = NULL;
        char *end = NULL;
        double number = g_ascii_strtod (text, &end);

        if (text[0] == '\0')
          {
            commit_string (view, "");
            break;
          }
        valid = end != text && *end == '\0' && isfinite (number);
        if (valid)
          {
            value = json_node_init_double (json_node_alloc (), number);
            commit_value (view, value);
          }
        else
          /* Translators: under a number field whose text is not a number. */
          message = _("Not a number: use digits and a decimal point, such as 0.8. Not saved until then.");
      }
      break;

    case PF_QUESTION_DATE:
      {
        int year, month, day;
        char tail;

        valid = text[0] == '\0' ||
                (sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &tail) == 3 &&
                 g_date_valid_dmy (day, month, year));
        if (valid)
          commit_string (view, text);
        else
          /* Translators: under a date field whose text is not a date; keep
           * YYYY-MM-DD as the placeholder of the field says it. */
          message = _("Not a date: use YYYY-MM-DD, such as 2026-03-31. Not saved until then.");
      }
      break;

    default:
      commit_string (view, text);
      break;
    }

  if (view->message != NULL)
    show_invalid (view, message);
}

static void
text_buffer_changed_cb (GtkTextBuffer *buffer,
                        QuestionView  *view)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  commit_string (view, text);
}

static void
justification_changed_cb (GtkEditable  *editable,
                          QuestionView *view)
{
  g_autoptr(GError) error = NULL;
  /* A copy: answering updates the entry, which frees its text. */
  g_autofree char *text = g_strdup (gtk_editable_get_text (editable));
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  if (view->page->updating || view->page->document == NULL)
    return;

  /* "Not applicable" counts only with a reason. */
  if (trimmed[0] == '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (editable), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");

  if (!pf_document_set_not_applicable (view->page->document, view->question->id, text, &error))
    g_critical ("Cannot mark %s not applicable: %s", view->question->id, error->message);
}

static void
drop_down_selected_cb (GtkDropDown  *drop_down,
                       GParamSpec   *pspec,
                       QuestionView *view)
{
  guint selected = gtk_drop_down_get_selected (drop_down);
  g_autoptr(JsonNode) value = NULL;

  switch (view->question->type)
    {
    case PF_QUESTION_YES_NO:
      gtk_widget_set_visible (view->justification, selected == YES_NO_NOT_APPLICABLE);
      if (selected == YES_NO_NOT_APPLICABLE)
        {
          justification_changed_cb (GTK_EDITABLE (view->justification), view);
          return;
        }
      if (selected == YES_NO_UNANSWERED)
        value = json_node_init_null (json_node_alloc ());
      else
        value = json_node_init_boolean (json_node_alloc (), selected == YES_NO_YES);
      break;

    case PF_QUESTION_CHOICE:
      if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
        value = json_node_init_null (json_node_alloc ());
      else
        value = json_node_init_string (json_node_alloc (),
                                       ((PfChoice *)g_ptr_array_index (view->question->choices, selected - 1))->id);
      break;

    case PF_QUESTION_REFERENCE:
      if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > view->record_ids->len)
        value = json_node_init_null (json_node_alloc ());
      else
        value = json_node_init_string (json_node_alloc (), g_ptr_array_index (view->record_ids, selected - 1));
      break;

    default:
      g_assert_not_reached ();
    }

  commit_value (view, value);
}

/* How a record reads in a list: its first field that says something. */
static const char *
record_label (JsonObject *record)
{
  static const char * const fields[] = { "name", "title", "statement", "id" };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *text = json_object_get_string_member_with_default (record, fields[i], NULL);

      if (text != NULL && text[0] != '\0')
        return text;
    }

  return "";
}

static void
fill_reference_list (QuestionView *view)
{
  GtkStringList *list = GTK_STRING_LIST (gtk_drop_down_get_model (GTK_DROP_DOWN (view->input)));
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  JsonArray *records = NULL;

  g_ptr_array_set_size (view->record_ids, 0);
  g_ptr_array_add (labels, (gpointer)_("None"));

  if (view->page->document != NULL)
    records = pf_document_get_records (view->page->document, view->question->register_id);
  for (guint i = 0; records != NULL && i < json_array_get_length (records); i++)
    {
      JsonObject *record = json_array_get_object_element (records, i);

      g_ptr_array_add (view->record_ids, g_strdup (json_object_get_string_member_with_default (record, "id", "")));
      g_ptr_array_add (labels, (gpointer)record_label (record));
    }
  g_ptr_array_add (labels, NULL);

  /* The same list, its items replaced: the drop-down keeps its model. */
  gtk_string_list_splice (list, 0, g_list_model_get_n_items (G_LIST_MODEL (list)),
                          (const char * const *)labels->pdata);
}

/* Writes the document's answer into the row. */
static void
show_answer (QuestionView *view)
{
  PfPhasePage *self = view->page;
  g_autofree char *object = answer_object (view->question);
  JsonNode *value = NULL;
  JsonNode *flag = NULL;
  const char *justification = NULL;
  const char *text = NULL;

  if (self->document != NULL)
    {
      value = pf_document_get_value (self->document, object, "value");
      flag = pf_document_get_value (self->document, object, "not-applicable");
      justification = pf_document_get_string (self->document, object, "justification");
    }
  if (value != NULL && JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
    text = json_node_get_string (value);

  self->updating = TRUE;

  switch (view->question->type)
    {
    case PF_QUESTION_TEXT:
    case PF_QUESTION_DATE:
      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (view->input)), text ? text : "") != 0)
        gtk_editable_set_text (GTK_EDITABLE (view->input), text ? text : "");
      break;

    case PF_QUESTION_NUMBER:
      {
        g_autofree char *number = NULL;

        if (value != NULL && JSON_NODE_HOLDS_VALUE (value) &&
            (json_node_get_value_type (value) == G_TYPE_DOUBLE || json_node_get_value_type (value) == G_TYPE_INT64))
          {
            char buffer[G_ASCII_DTOSTR_BUF_SIZE];

            number = g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", json_node_get_double (value)));
          }
        if (number != NULL && g_ascii_strtod (gtk_editable_get_text (GTK_EDITABLE (view->input)), NULL) != json_node_get_double (value))
          gtk_editable_set_text (GTK_EDITABLE (view->input), number);
        else if (number == NULL && text != NULL)
          gtk_editable_set_text (GTK_EDITABLE (view->input), text);
      }
      break;

    case PF_QUESTION_LONG_TEXT:
      {
        GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view->input));
        GtkTextIter start, end;
        g_autofree char *current = NULL;

        gtk_text_buffer_get_bounds (buffer, &start, &end);
        current = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
        if (g_strcmp0 (current, text ? text : "") != 0)
          gtk_text_buffer_set_text (buffer, text ? text : "", -1);
      }
      break;

    case PF_QUESTION_YES_NO:
      {
        guint selected = YES_NO_UNANSWERED;

        if (flag != NULL && JSON_NODE_HOLDS_VALUE (flag) && json_node_get_boolean (flag))
          selected = YES_NO_NOT_APPLICABLE;
        else if (value != NULL && JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_BOOLEAN)
          selected = json_node_get_boolean (value) ? YES_NO_YES : YES_NO_NO;
        gtk_drop_down_set_selected (GTK_DROP_DOWN (view->input), selected);
        gtk_widget_set_visible (view->justification, selected == YES_NO_NOT_APPLICABLE);
        if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (view->justification)), justification ? justification : "") != 0)
          gtk_editable_set_text (GTK_EDITABLE (view->justification), justification ? justification : "");
      }
      break;

    case PF_QUESTION_CHOICE:
      {
        guint selected = 0;

        for (guint i = 0; text != NULL && i < view->question->choices->len; i++)
          {
            if (g_str_equal (((PfChoice *)g_ptr_array_index (view->question->choices, i))->id, text))
              selected = i + 1;
          }
        gtk_drop_down_set_selected (GTK_DROP_DOWN (view->input), selected);
      }
      break;

    case PF_QUESTION_REFERENCE:
      {
        guint selected = 0;

        fill_reference_list (view);
        for (guint i = 0; text != NULL && i < view->record_ids->len; i++)
          {
            if (g_str_equal (g_ptr_array_index (view->record_ids, i), text))
              selected = i + 1;
          }
        gtk_drop_down_set_selected (GTK_DROP_DOWN (view->input), selected);
      }
      break;

    default:
      break;
    }

  self->updating = FALSE;
}

static GtkWidget *
create_drop_down (const char * const *labels)
{
  GtkWidget *drop_down = gtk_drop_down_new_from_strings (labels);

  gtk_widget_set_halign (drop_down, GTK_ALIGN_START);
  return drop_down;
}

static GtkWidget *
create_question_row (PfPhasePage      *self,
                     const PfQuestion *question)
{
  QuestionView *view = g_new0 (QuestionView, 1);
  /* An AdwPreferencesRow, so that the group puts it in its list. */
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (question->text);
  GtkWidget *why_button = gtk_menu_button_new ();
  GtkWidget *why_popover = gtk_popover_new ();
  GtkWidget *why_label = gtk_label_new (question->why);

  view->page = self;
  view->question = question;
  g_hash_table_insert (self->views, question->id, view);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), question->text);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (header), label);

  if (question->required)
    {
      GtkWidget *required = gtk_label_new (_("Required"));

      gtk_widget_add_css_class (required, "caption");
      gtk_widget_add_css_class (required, "dim-label");
      gtk_widget_set_valign (required, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (header), required);
    }

  gtk_label_set_wrap (GTK_LABEL (why_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (why_label), 40);
  gtk_label_set_xalign (GTK_LABEL (why_label), 0);
  gtk_popover_set_child (GTK_POPOVER (why_popover), why_label);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (why_button), why_popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (why_button), "help-about-symbolic");
  gtk_widget_set_tooltip_text (why_button, _("Why This Matters"));
  gtk_widget_set_valign (why_button, GTK_ALIGN_START);
  gtk_widget_add_css_class (why_button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (why_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Why This Matters"),
                                  -1);
  gtk_box_append (GTK_BOX (header), why_button);
  gtk_box_append (GTK_BOX (box), header);

  switch (question->type)
    {
    case PF_QUESTION_TEXT:
    case PF_QUESTION_NUMBER:
    case PF_QUESTION_DATE:
      view->input = gtk_entry_new ();
      if (question->type == PF_QUESTION_NUMBER)
        {
          gtk_entry_set_input_purpose (GTK_ENTRY (view->input), GTK_INPUT_PURPOSE_NUMBER);
          gtk_entry_set_placeholder_text (GTK_ENTRY (view->input), _("A number, such as 0.8"));
        }
      else if (question->type == PF_QUESTION_DATE)
        /* Translators: the form of a date; keep the digits' order (ISO 8601). */
        gtk_entry_set_placeholder_text (GTK_ENTRY (view->input), _("YYYY-MM-DD"));
      gtk_editable_set_enable_undo (GTK_EDITABLE (view->input), FALSE);
      g_signal_connect (view->input, "changed", G_CALLBACK (entry_changed_cb), view);
      gtk_box_append (GTK_BOX (box), view->input);
      if (question->type != PF_QUESTION_TEXT)
        {
          view->message = gtk_label_new (NULL);
          gtk_label_set_wrap (GTK_LABEL (view->message), TRUE);
          gtk_label_set_xalign (GTK_LABEL (view->message), 0);
          gtk_widget_add_css_class (view->message, "caption");
          gtk_widget_add_css_class (view->message, "error");
          gtk_widget_set_name (view->message, "invalid-message");
          gtk_widget_set_visible (view->message, FALSE);
          gtk_box_append (GTK_BOX (box), view->message);
        }
      break;

    case PF_QUESTION_LONG_TEXT:
      {
        GtkWidget *frame = gtk_frame_new (NULL);

        view->input = gtk_text_view_new ();
        gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view->input), GTK_WRAP_WORD_CHAR);
        gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view->input), FALSE);
        gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view->input), 6);
        gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view->input), 6);
        gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view->input), 8);
        gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view->input), 8);
        gtk_widget_set_size_request (view->input, -1, 72);
        gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view->input)), FALSE);
        g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view->input)), "changed",
                          G_CALLBACK (text_buffer_changed_cb), view);
        gtk_frame_set_child (GTK_FRAME (frame), view->input);
        gtk_box_append (GTK_BOX (box), frame);
      }
      break;

    case PF_QUESTION_YES_NO:
      {
        const char *labels[] = { _("Not answered"), _("Yes"), _("No"), _("Not applicable"), NULL };

        view->input = create_drop_down (labels);
        view->justification = gtk_entry_new ();
        gtk_entry_set_placeholder_text (GTK_ENTRY (view->justification), _("Why it does not apply (required)"));
        gtk_accessible_update_property (GTK_ACCESSIBLE (view->justification),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, _("Why it does not apply"),
                                        -1);
        gtk_editable_set_enable_undo (GTK_EDITABLE (view->justification), FALSE);
        gtk_widget_set_visible (view->justification, FALSE);
        gtk_widget_set_name (view->justification, "justification");
        g_signal_connect (view->justification, "changed", G_CALLBACK (justification_changed_cb), view);
        g_signal_connect (view->input, "notify::selected", G_CALLBACK (drop_down_selected_cb), view);
        gtk_box_append (GTK_BOX (box), view->input);
        gtk_box_append (GTK_BOX (box), view->justification);
      }
      break;

    case PF_QUESTION_CHOICE:
      {
        g_autoptr(GPtrArray) labels = g_ptr_array_new ();

        g_ptr_array_add (labels, (gpointer)_("Not answered"));
        for (guint i = 0; i < question->choices->len; i++)
          g_ptr_array_add (labels, ((PfChoice *)g_ptr_array_index (question->choices, i))->label);
        g_ptr_array_add (labels, NULL);
        view->input = create_drop_down ((const char * const *)labels->pdata);
        g_signal_connect (view->input, "notify::selected", G_CALLBACK (drop_down_selected_cb), view);
        gtk_box_append (GTK_BOX (box), view->input);
      }
      break;

    case PF_QUESTION_REFERENCE:
      view->record_ids = g_ptr_array_new_with_free_func (g_free);
      view->input = create_drop_down ((const char * const[]) { NULL });
      g_signal_connect (view->input, "notify::selected", G_CALLBACK (drop_down_selected_cb), view);
      gtk_box_append (GTK_BOX (box), view->input);
      break;

    default:
      g_assert_not_reached ();
    }

  /* Tests and the screen reader find the input by its question. */
  gtk_widget_set_name (view->input, question->id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view->input),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, question->text,
                                  -1);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
blocker_row_activated_cb (AdwActionRow *row,
                          PfPhasePage  *self)
{
  const char *question = g_object_get_data (G_OBJECT (row), "question");

  /* Takes the user to the question that blocks. */
  if (question != NULL)
    pf_phase_page_focus_question (self, question);
  else if (self->question_group != NULL && g_object_get_data (G_OBJECT (row), "business-question"))
    pf_business_question_group_focus (self->question_group);
}

/* The gate at the bottom of the page: what still blocks the phase. */
static void
update_gate (PfPhasePage *self)
{
  PfGateState state = { 0 };

  for (guint i = 0; i < self->gate_rows->len; i++)
    adw_preferences_group_remove (self->gate_group, g_ptr_array_index (self->gate_rows, i));
  g_ptr_array_set_size (self->gate_rows, 0);

  if (self->document == NULL)
    return;

  pf_gate_evaluate (self->catalog, self->document, self->phase, &state);

  for (guint i = 0; i < state.blockers->len; i++)
    {
      PfBlocker *blocker = g_ptr_array_index (state.blockers, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name (blocker->kind == PF_BLOCKER_SIGN_OFF
                                                      ? "document-edit-symbolic" : "dialog-warning-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      if (blocker->kind == PF_BLOCKER_BUSINESS_QUESTION)
        {
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Business question and success criterion"));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Not recorded yet"));
          g_object_set_data (G_OBJECT (row), "business-question", GINT_TO_POINTER (TRUE));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          g_signal_connect (row, "activated", G_CALLBACK (blocker_row_activated_cb), self);
        }
      else if (blocker->kind == PF_BLOCKER_UNANSWERED)
        {
          const PfQuestion *question = pf_catalog_find_question (self->catalog, blocker->question);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), question ? question->text : blocker->question);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Not answered yet"));
          g_object_set_data_full (G_OBJECT (row), "question", g_strdup (blocker->question), g_free);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          g_signal_connect (row, "activated", G_CALLBACK (blocker_row_activated_cb), self);
        }
      else
        {
          g_autofree char *scope = pf_scope_dup_title (blocker->scope);
          g_autofree char *subtitle = NULL;

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), scope);
          if (blocker->role != NULL)
            /* Translators: %s is who should sign, such as "sponsor". */
            subtitle = g_strdup_printf (_("Needs a current sign-off by the %s"), blocker->role);
          else
            subtitle = g_strdup (_("Needs a current sign-off"));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          /* Takes the user to the sign-off that is missing. */
          gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.sign-off");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", blocker->scope);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
        }
      adw_preferences_group_add (self->gate_group, row);
      g_ptr_array_add (self->gate_rows, row);
    }

  if (state.blockers->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nothing blocks this phase"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Every required question is answered and every sign-off it needs is current."));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("emblem-ok-symbolic"));
      adw_preferences_group_add (self->gate_group, row);
      g_ptr_array_add (self->gate_rows, row);
    }

  {
    g_autofree char *description = NULL;

    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u of %u required question answered",
                                                "%u of %u required questions answered",
                                                state.n_required),
                                   state.n_answered, state.n_required);
    adw_preferences_group_set_description (self->gate_group, description);
  }

  pf_gate_state_clear (&state);
}

static GtkWidget *
create_sign_off_button (const char *label,
                        const char *scope,
                        const char *name)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);
  g_autofree char *title = pf_scope_dup_title (scope);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.sign-off");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", scope);
  gtk_widget_set_tooltip_text (button, title);
  gtk_widget_set_name (button, name);

  return button;
}

static gboolean
phase_asks_with_prefix (PfPhasePage *self,
                        const char  *prefix)
{
  GPtrArray *steps = pf_catalog_get_steps (self->catalog, self->phase);
  gsize len = strlen (prefix);

  for (guint i = 0; i < steps->len; i++)
    {
      PfStep *step = g_ptr_array_index (steps, i);

      for (guint j = 0; j < step->questions->len; j++)
        {
          const PfQuestion *question = g_ptr_array_index (step->questions, j);

          if (strncmp (question->id, prefix, len) == 0 && question->id[len] == '.')
            return TRUE;
        }
    }

  return FALSE;
}

/* "Sign Off…" for the phase, and for the reviews whose questions this
 * phase asks. */
static GtkWidget *
create_sign_off_buttons (PfPhasePage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *phase_scope = g_strconcat ("phase:", pf_phase_get_id (self->phase), NULL);

  gtk_widget_set_valign (box, GTK_ALIGN_END);
  if (phase_asks_with_prefix (self, "privacy-review"))
    gtk_box_append (GTK_BOX (box), create_sign_off_button (_("Sign Off _Privacy Review…"), "privacy-review",
                                                           "sign-off-privacy-review"));
  if (phase_asks_with_prefix (self, "deployment-plan"))
    gtk_box_append (GTK_BOX (box), create_sign_off_button (_("Sign Off _Deployment Plan…"), "deployment-plan",
                                                           "sign-off-deployment-plan"));
  gtk_box_append (GTK_BOX (box), create_sign_off_button (_("_Sign Off Phase…"), phase_scope, "sign-off-phase"));

  return box;
}

static gboolean
step_asks_with_prefix (PfStep     *step,
                       const char *prefix)
{
  for (guint i = 0; i < step->questions->len; i++)
    {
      const PfQuestion *question = g_ptr_array_index (step->questions, i);

      if (g_str_has_prefix (question->id, prefix))
        return TRUE;
    }
  return FALSE;
}

static void
build_page (PfPhasePage *self)
{
  GPtrArray *steps = pf_catalog_get_steps (self->catalog, self->phase);

  adw_preferences_group_set_title (self->intro_group, pf_phase_get_title (self->phase));
  adw_preferences_group_set_description (self->intro_group, pf_phase_get_description (self->phase));

  if (self->phase == PF_PHASE_BUSINESS_UNDERSTANDING)
    {
      self->question_group = PF_BUSINESS_QUESTION_GROUP (pf_business_question_group_new ());
      adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (self->question_group));
    }

  /* The dataset scan, and the Scan button near the top. */
  if (self->phase == PF_PHASE_DATA_UNDERSTANDING)
    {
      self->scan_group = PF_SCAN_SUMMARY_GROUP (pf_scan_summary_group_new (PF_SCAN_SUMMARY_DATA));
      adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (self->scan_group));
    }

  for (guint i = 0; i < steps->len; i++)
    {
      PfStep *step = g_ptr_array_index (steps, i);
      AdwPreferencesGroup *group;

      if (step->questions->len == 0)
        continue;

      /* What the scan found about personal data, above the questions about it. */
      if (self->phase == PF_PHASE_DATA_UNDERSTANDING && self->privacy_group == NULL &&
          step_asks_with_prefix (step, "privacy-review."))
        {
          self->privacy_group = PF_SCAN_SUMMARY_GROUP (pf_scan_summary_group_new (PF_SCAN_SUMMARY_PRIVACY));
          adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (self->privacy_group));
        }

      group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_group_set_title (group, step->title);
      adw_preferences_group_set_description (group, step->description);
      for (guint j = 0; j < step->questions->len; j++)
        adw_preferences_group_add (group, create_question_row (self, g_ptr_array_index (step->questions, j)));
      adw_preferences_page_add (self->page, group);
    }

  self->gate_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->gate_group, _("What Blocks This Phase"));
  gtk_widget_set_name (GTK_WIDGET (self->gate_group), "gate");
  adw_preferences_group_set_header_suffix (self->gate_group, create_sign_off_buttons (self));
  adw_preferences_page_add (self->page, self->gate_group);

  /* Back and Next through the phases, as the wizard's own buttons. */
  {
    AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
    GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

    gtk_widget_set_hexpand (spacer, TRUE);
    if (self->phase > 0)
      {
        GtkWidget *back = gtk_button_new_with_mnemonic (_("_Back"));

        gtk_actionable_set_action_name (GTK_ACTIONABLE (back), "win.show-page");
        gtk_actionable_set_action_target (GTK_ACTIONABLE (back), "s", pf_phase_get_id (self->phase - 1));
        gtk_widget_set_tooltip_text (back, pf_phase_get_title (self->phase - 1));
        gtk_widget_add_css_class (back, "pill");
        gtk_widget_set_name (back, "back");
        gtk_box_append (GTK_BOX (box), back);
      }
    gtk_box_append (GTK_BOX (box), spacer);
    if (self->phase + 1 < PF_N_PHASES)
      {
        GtkWidget *next = gtk_button_new_with_mnemonic (_("_Next"));

        gtk_actionable_set_action_name (GTK_ACTIONABLE (next), "win.show-page");
        gtk_actionable_set_action_target (GTK_ACTIONABLE (next), "s", pf_phase_get_id (self->phase + 1));
        gtk_widget_set_tooltip_text (next, pf_phase_get_title (self->phase + 1));
        gtk_widget_add_css_class (next, "pill");
        gtk_widget_add_css_class (next, "suggested-action");
        gtk_widget_set_name (next, "next");
        gtk_box_append (GTK_BOX (box), next);
      }
    adw_preferences_group_add (group, box);
    adw_preferences_page_add (self->page, group);
  }
}

static gboolean
update_gate_idle_cb (gpointer user_data)
{
  PfPhasePage *self = user_data;

  self->gate_source = 0;
  update_gate (self);

  return G_SOURCE_REMOVE;
}

static void
document_changed_cb (PfPhasePage *self,
                     const char  *object,
                     const char  *field,
                     PfDocument  *document)
{
  GHashTableIter iter;
  QuestionView *view;

  /* Once after a burst of edits: evaluating the gate hashes what its
   * sign-offs cover. */
  if (self->gate_source == 0)
    self->gate_source = g_idle_add_full (G_PRIORITY_LOW, update_gate_idle_cb, self, NULL);

  if (g_str_has_prefix (object, "answers/"))
    {
      if ((view = g_hash_table_lookup (self->views, object + strlen ("answers/"))))
        show_answer (view);
      return;
    }

  /* A register changed: the questions that refer to it list its records. */
  g_hash_table_iter_init (&iter, self->views);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&view))
    {
      if (view->question->register_id != NULL && g_str_has_prefix (object, view->question->register_id) &&
          object[strlen (view->question->register_id)] == '/')
        show_answer (view);
    }
}

static void
stop_scrolling (PfPhasePage *self)
{
  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
  self->scroll_tick = 0;
  g_clear_pointer (&self->scroll_to, g_free);
}

static void
pf_phase_page_dispose (GObject *object)
{
  PfPhasePage *self = (PfPhasePage *)object;

  g_clear_signal_handler (&self->changed_handler, self->document);
  g_clear_handle_id (&self->gate_source, g_source_remove);
  stop_scrolling (self);
  g_clear_object (&self->document);

  gtk_widget_dispose_template (GTK_WIDGET (self), PF_TYPE_PHASE_PAGE);

  G_OBJECT_CLASS (pf_phase_page_parent_class)->dispose (object);
}

static void
pf_phase_page_finalize (GObject *object)
{
  PfPhasePage *self = (PfPhasePage *)object;

  g_clear_pointer (&self->views, g_hash_table_unref);
  g_clear_pointer (&self->gate_rows, g_ptr_array_unref);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (pf_phase_page_parent_class)->finalize (object);
}

static void
pf_phase_page_class_init (PfPhasePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pf_phase_page_dispose;
  object_class->finalize = pf_phase_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/pf-phase-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PfPhasePage, intro_group);
}

static void
pf_phase_page_init (PfPhasePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Not a bound template child: AdwBin unparents its child itself. */
  self->page = ADW_PREFERENCES_PAGE (adw_bin_get_child (ADW_BIN (self)));

  self->views = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify)question_view_free);
  self->gate_rows = g_ptr_array_new ();
}

GtkWidget *
pf_phase_page_new (PfCatalog *catalog,
                   PfPhase    phase)
{
  PfPhasePage *self;

  g_return_val_if_fail (PF_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (phase < PF_N_PHASES, NULL);

  self = g_object_new (PF_TYPE_PHASE_PAGE, NULL);
  self->catalog = g_object_ref (catalog);
  self->phase = phase;
  build_page (self);

  return GTK_WIDGET (self);
}

void
pf_phase_page_set_document (PfPhasePage *self,
                            PfDocument  *document)
{
  GHashTableIter iter;
  QuestionView *view;
  gboolean editable;

  g_return_if_fail (PF_IS_PHASE_PAGE (self));
  g_return_if_fail (!document || PF_IS_DOCUMENT (document));

  g_clear_signal_handler (&self->changed_handler, self->document);
  g_set_object (&self->document, document);
  if (document != NULL)
    self->changed_handler = g_signal_connect_object (document, "changed",
                                                     G_CALLBACK (document_changed_cb), self,
                                                     G_CONNECT_SWAPPED);

  editable = document != NULL && !pf_document_get_read_only (document);
  g_hash_table_iter_init (&iter, self->views);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&view))
    {
      show_answer (view);
      gtk_widget_set_sensitive (view->input, editable);
      if (view->justification != NULL)
        gtk_widget_set_sensitive (view->justification, editable);
    }

  if (self->question_group != NULL && document != NULL)
    pf_business_question_group_set_document (self->question_group, document);
  if (self->scan_group != NULL)
    pf_scan_summary_group_set_document (self->scan_group, document);
  if (self->privacy_group != NULL)
    pf_scan_summary_group_set_document (self->privacy_group, document);

  update_gate (self);
}

/* Frames in a row that the row's place has to stay the same before the
 * page stops following it, and how long at most it follows. */
#define SCROLL_STABLE_FRAMES 3
/* A page that never settles is given up on after this many frames
 * (about three seconds at 60 frames a second): counted in frames, not
 * time, so that a slow machine gets as many tries as a fast one. */
#define SCROLL_MAX_FRAMES 180
/* What shows of the page above and below the row, at the least. */
#define SCROLL_MARGIN 24.0

/* Where the row of @input is in the content of its scrolled window, and
 * the adjustment that scrolls it; FALSE while it has no place yet. */
static gboolean
find_row_place (GtkWidget       *input,
                GtkAdjustment  **adjustment,
                graphene_rect_t *bounds)
{
  GtkWidget *row = gtk_widget_get_ancestor (input, GTK_TYPE_LIST_BOX_ROW);
  GtkWidget *scroller = gtk_widget_get_ancestor (input, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *viewport, *content;

  if (row == NULL || scroller == NULL ||
      (viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller))) == NULL ||
      !GTK_IS_VIEWPORT (viewport) ||
      (content = gtk_viewport_get_child (GTK_VIEWPORT (viewport))) == NULL)
    return FALSE;

  /* In the content's own coordinates: the same whatever the scrolling. */
  if (!gtk_widget_compute_bounds (row, content, bounds) || bounds->size.height <= 0)
    return FALSE;

  *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  return gtk_adjustment_get_page_size (*adjustment) > 0;
}

/* Brings the row of the question to scroll to into view, title and input,
 * in the middle of the page if it fits. Right after the page is switched
 * to, it may have no size yet, and a transition may still run; text views
 * may change the height of what comes before the row for a few frames. So
 * it follows the row until its place stays the same, then focuses the
 * input (again: the focus may have gone elsewhere while the page had none). */
static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  PfPhasePage *self = PF_PHASE_PAGE (widget);
  QuestionView *view = self->scroll_to ? g_hash_table_lookup (self->views, self->scroll_to) : NULL;
  GtkWidget *stack;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  double page_size, upper, target;
  double place[4];
  gboolean timed_out;

  if (view == NULL)
    {
      self->scroll_tick = 0;
      g_clear_pointer (&self->scroll_to, g_free);
      return G_SOURCE_REMOVE;
    }

  timed_out = ++self->scroll_n_frames > SCROLL_MAX_FRAMES;
  stack = gtk_widget_get_ancestor (widget, GTK_TYPE_STACK);

  if (!gtk_widget_get_mapped (view->input) || gtk_widget_get_width (view->input) == 0 ||
      (stack != NULL && gtk_stack_get_transition_running (GTK_STACK (stack))) ||
      !find_row_place (view->input, &adjustment, &bounds))
    {
      if (!timed_out)
        return G_SOURCE_CONTINUE;
      goto done;
    }

  page_size = gtk_adjustment_get_page_size (adjustment);
  upper = gtk_adjustment_get_upper (adjustment);
  if (bounds.size.height + 2 * SCROLL_MARGIN <= page_size)
    target = bounds.origin.y + bounds.size.height / 2 - page_size / 2;
  else
    /* Too tall for the page: its top, the title, first. */
    target = bounds.origin.y - SCROLL_MARGIN;
  target = CLAMP (target, gtk_adjustment_get_lower (adjustment), MAX (0, upper - page_size));
  if (ABS (gtk_adjustment_get_value (adjustment) - target) >= 1)
    gtk_adjustment_set_value (adjustment, target);

  place[0] = bounds.origin.y;
  place[1] = bounds.size.height;
  place[2] = page_size;
  place[3] = upper;
  if (memcmp (place, self->scroll_last, sizeof place) == 0)
    self->scroll_n_stable++;
  else
    self->scroll_n_stable = 0;
  memcpy (self->scroll_last, place, sizeof place);

  if (self->scroll_n_stable < SCROLL_STABLE_FRAMES && !timed_out)
    return G_SOURCE_CONTINUE;

done:
  {
    GtkRoot *root = gtk_widget_get_root (view->input);
    GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

    /* Unless the user has gone on elsewhere in the page meanwhile. */
    if (gtk_widget_get_mapped (view->input) &&
        (focus == NULL || (gconstpointer)focus == self->scroll_focus ||
         !gtk_widget_is_ancestor (focus, widget) || focus == view->input ||
         gtk_widget_is_ancestor (focus, view->input)))
      gtk_widget_grab_focus (view->input);
  }
  self->scroll_tick = 0;
  g_clear_pointer (&self->scroll_to, g_free);
  return G_SOURCE_REMOVE;
}

/**
 * pf_phase_page_focus_question:
 *
 * Moves the keyboard focus to the input of @question_id, which scrolls it
 * into view.
 *
 * Returns: whether the page shows that question
 */
gboolean
pf_phase_page_focus_question (PfPhasePage *self,
                              const char  *question_id)
{
  QuestionView *view;

  g_return_val_if_fail (PF_IS_PHASE_PAGE (self), FALSE);
  g_return_val_if_fail (question_id != NULL, FALSE);

  if (!(view = g_hash_table_lookup (self->views, question_id)))
    return FALSE;

  /* At once, for the keyboard; the scrolling follows once the page has
   * its size, and focuses it again then. */
  gtk_widget_grab_focus (view->input);

  g_free (self->scroll_to);
  self->scroll_to = g_strdup (question_id);
  self->scroll_n_frames = 0;
  self->scroll_n_stable = 0;
  self->scroll_focus = gtk_widget_get_root (view->input) ? gtk_root_get_focus (gtk_widget_get_root (view->input)) : NULL;
  memset (self->scroll_last, 0, sizeof self->scroll_last);
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick_cb, NULL, NULL);

  return TRUE;
}
