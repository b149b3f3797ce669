/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pf-labelled-entry.h"
#include "pf-scope.h"
#include "pf-scope-describe.h"
#include "pf-sign-offs-page.h"
#include "pf-window.h"

/* Every sign-off record, newest first: who signed what, as what, whether
 * it still holds, what changed since, and a way to withdraw it. */

struct _PfSignOffsPage
{
  AdwBin               parent_instance;

  /* Borrowed references */
  GtkStack            *stack;
  AdwPreferencesGroup *records_group;
  GtkWidget           *filter;
  GtkWidget           *sign_off_buttons[2];
  GPtrArray           *rows;

  /* Owned references */
  PfCatalog           *catalog;
  GSettings           *settings;
  PfDocument          *document;
  GStrv                scopes;    /* in the order of the filter, after "all" */
  /* Per scope, one more for every change it covers: a sign-off whose
   * scope saw no change since its row was described is not described
   * again. */
  guint               *scope_serials;
  GHashTable          *described;  /* sign-off id → Described */
  gulong               changed_handler;
  guint                update_source;

  /* A change while hidden: described when shown again. */
  guint                needs_update : 1;
};

/* A sign-off's state and what changed since, as of @scope_serial. */
typedef struct
{
  guint           scope_serial;
  PfSignOffState  state;
  char           *changes;  /* NULL unless stale */
} Described;

/* Only the first few changes are named; the rest are counted. */
#define MAX_LISTED_CHANGES 5
/* Edits come in bursts (typing): the page follows once the burst is over. */
#define UPDATE_DELAY_MS 300

G_DEFINE_FINAL_TYPE (PfSignOffsPage, pf_sign_offs_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
described_free (gpointer data)
{
  Described *described = data;

  g_free (described->changes);
  g_free (described);
}

static GStrv
dup_all_scopes (void)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint phase = 0; phase < PF_N_PHASES; phase++)
    {
      g_autofree char *scope = g_strconcat ("phase:", pf_phase_get_id (phase), NULL);

      g_strv_builder_add (builder, scope);
    }
  g_strv_builder_add_many (builder, "leakage-review", "privacy-review", "deployment-plan", "project", NULL);

  return g_strv_builder_end (builder);
}

static GMenuModel *
create_scope_menu (GStrv scopes)
{
  GMenu *menu = g_menu_new ();

  for (guint i = 0; scopes[i] != NULL; i++)
    {
      g_autofree char *title = pf_scope_dup_title (scopes[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (title, NULL);

      g_menu_item_set_action_and_target_value (item, "win.sign-off", g_variant_new_string (scopes[i]));
      g_menu_append_item (menu, item);
    }

  return G_MENU_MODEL (menu);
}

static GtkWidget *
create_sign_off_button (GMenuModel *menu)
{
  GtkWidget *button = gtk_menu_button_new ();

  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("_Sign Off…"));
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (button), TRUE);
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), menu);
  gtk_widget_set_tooltip_text (button, _("Sign off a phase, a review or the whole project"));
  gtk_widget_set_name (button, "sign-off-menu");

  return button;
}

static char *
dup_setting_or_actor (PfSignOffsPage *self,
                      const char     *key)
{
  g_autofree char *value = g_strstrip (g_settings_get_string (self->settings, key));

  if (value[0] == '\0' && g_str_equal (key, "user-name") && pf_document_get_actor (self->document) != NULL)
    return g_strdup (pf_document_get_actor (self->document));

  return g_steal_pointer (&value);
}

typedef struct
{
  PfSignOffsPage *self;
  char           *sign_off_id;
  GtkWidget      *name;
  GtkWidget      *role;
  GtkWidget      *comment;
} WithdrawDialog;

static void
withdraw_dialog_free (WithdrawDialog *withdraw)
{
  g_object_unref (withdraw->self);
  g_free (withdraw->sign_off_id);
  g_free (withdraw);
}

static gboolean
is_blank (GtkWidget *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  return text[0] == '\0';
}

static void
withdraw_entry_changed_cb (GtkEditable *editable,
                           gpointer     user_data)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (gtk_widget_get_ancestor (GTK_WIDGET (editable), ADW_TYPE_MESSAGE_DIALOG));
  WithdrawDialog *withdraw = dialog ? g_object_get_data (G_OBJECT (dialog), "withdraw") : NULL;

  if (withdraw != NULL)
    adw_message_dialog_set_response_enabled (dialog, "withdraw",
                                             !is_blank (withdraw->name) && !is_blank (withdraw->role) &&
                                             !is_blank (withdraw->comment));
}

static void
withdraw_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      WithdrawDialog   *withdraw)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;
  g_autofree char *comment = NULL;

  if (!g_str_equal (response, "withdraw") || withdraw->self->document == NULL)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (withdraw->name))));
  role = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (withdraw->role))));
  comment = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (withdraw->comment))));
  id = pf_document_withdraw_sign_off (withdraw->self->document, withdraw->sign_off_id, name, role, comment, &error);
  if (id == NULL)
    {
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));

      if (PF_IS_WINDOW (parent))
        pf_window_show_error (PF_WINDOW (parent), _("Could Not Withdraw the Sign-off"), error->message);
      else
        g_critical ("Could not withdraw %s: %s", withdraw->sign_off_id, error->message);
    }
}

static void
withdraw_button_clicked_cb (GtkButton      *button,
                            PfSignOffsPage *self)
{
  const char *sign_off_id = g_object_get_data (G_OBJECT (button), "sign-off");
  const char *title = g_object_get_data (G_OBJECT (button), "title");
  WithdrawDialog *withdraw = g_new0 (WithdrawDialog, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *name = dup_setting_or_actor (self, "user-name");
  g_autofree char *role = dup_setting_or_actor (self, "user-role");
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  withdraw->self = g_object_ref (self);
  withdraw->sign_off_id = g_strdup (sign_off_id);

  /* Translators: %s is a sign-off, such as "Modeling phase, approved by Ada". */
  body = g_strdup_printf (_("%s no longer holds. The record stays; a withdrawal with your name and comment is added to it."),
                          title);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Withdraw the Sign-off?"), body);
  withdraw->comment = pf_labelled_entry_append (box, _("_Why it is withdrawn"), NULL, "comment", G_CALLBACK (withdraw_entry_changed_cb), NULL);
  withdraw->name = pf_labelled_entry_append (box, _("_Name"), name, "name", G_CALLBACK (withdraw_entry_changed_cb), NULL);
  withdraw->role = pf_labelled_entry_append (box, _("_Role"), role, "role", G_CALLBACK (withdraw_entry_changed_cb), NULL);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "withdraw", _("_Withdraw"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "withdraw", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "withdraw", FALSE);
  g_object_set_data_full (G_OBJECT (dialog), "withdraw", withdraw, (GDestroyNotify)withdraw_dialog_free);
  g_signal_connect (dialog, "response", G_CALLBACK (withdraw_response_cb), withdraw);
  withdraw_entry_changed_cb (GTK_EDITABLE (withdraw->comment), NULL);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* The withdrawal of @sign_off_id, if any. */
static JsonObject *
find_withdrawal (JsonArray  *sign_offs,
                 const char *sign_off_id)
{
  for (guint i = 0; i < json_array_get_length (sign_offs); i++)
    {
      JsonObject *record = json_array_get_object_element (sign_offs, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (record, "withdraws", NULL), sign_off_id) == 0)
        return record;
    }

  return NULL;
}

/* Current, stale or withdrawn: an icon and a word, not only a colour. */
static GtkWidget *
create_state_badge (PfSignOffState state)
{
  static const struct {
    const char *icon_name;
    const char *label;
    const char *css_class;
  } badges[] = {
    [PF_SIGN_OFF_CURRENT] = { "emblem-ok-symbolic", N_("Current"), "current" },
    [PF_SIGN_OFF_STALE] = { "dialog-warning-symbolic", N_("Stale"), "stale" },
    [PF_SIGN_OFF_WITHDRAWN] = { "action-unavailable-symbolic", N_("Withdrawn"), "withdrawn" },
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *label = gtk_label_new (_(badges[state].label));

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (badges[state].icon_name));
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (box, "pf-sign-off-state");
  gtk_widget_add_css_class (box, badges[state].css_class);
  gtk_widget_set_name (label, "state");

  return box;
}

static guint
scope_index (PfSignOffsPage *self,
             const char     *scope)
{
  for (guint i = 0; self->scopes[i] != NULL; i++)
    {
      if (g_str_equal (self->scopes[i], scope))
        return i;
    }

  return G_MAXUINT;
}

/* The state of @sign_off_id and its changes in words, computed again only
 * when its scope changed since (or it is not a known scope). Computing
 * means hashing the scope's content and reading the audit trail since the
 * sign-off: too slow for every row on every keystroke of a large project. */
static const Described *
describe (PfSignOffsPage *self,
          const char     *sign_off_id,
          const char     *scope)
{
  guint index = scope_index (self, scope);
  Described *described = g_hash_table_lookup (self->described, sign_off_id);
  g_autoptr(GPtrArray) changes = NULL;

  if (described != NULL && index != G_MAXUINT && described->scope_serial == self->scope_serials[index] &&
      described->state != PF_SIGN_OFF_WITHDRAWN)
    {
      /* Withdrawing changes no scope: see whether it happened, cheaply. */
      if (find_withdrawal (pf_document_get_sign_offs (self->document), sign_off_id) != NULL)
        described->state = PF_SIGN_OFF_WITHDRAWN;
      return described;
    }
  if (described != NULL && described->state == PF_SIGN_OFF_WITHDRAWN)
    return described;  /* for good: sign-offs are never deleted */

  described = g_new0 (Described, 1);
  described->scope_serial = index != G_MAXUINT ? self->scope_serials[index] : 0;
  described->state = pf_document_get_sign_off_state (self->document, sign_off_id, &changes);
  if (described->state == PF_SIGN_OFF_STALE && changes != NULL)
    described->changes = pf_scope_describe_changes (changes, MAX_LISTED_CHANGES, self->catalog, self->document);
  g_hash_table_replace (self->described, g_strdup (sign_off_id), described);

  return described;
}

static GtkWidget *
create_row (PfSignOffsPage *self,
            JsonArray      *sign_offs,
            JsonObject     *record)
{
  const char *id = json_object_get_string_member_with_default (record, "id", "");
  const char *scope = json_object_get_string_member_with_default (record, "scope", "");
  const char *name = json_object_get_string_member_with_default (record, "name", "");
  const char *role = json_object_get_string_member_with_default (record, "role", "");
  const char *meaning = json_object_get_string_member_with_default (record, "meaning", "");
  const char *conditions = json_object_get_string_member_with_default (record, "conditions", "");
  g_autofree char *title = pf_scope_dup_title (scope);
  g_autofree char *time = pf_sign_off_format_time (json_object_get_string_member_with_default (record, "time", ""));
  g_autofree char *meaning_title = pf_sign_off_meaning_dup_title (meaning);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  const Described *described = describe (self, id, scope);
  PfSignOffState state = described->state;
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_set_name (row, id);

  /* Translators: name, role, meaning (such as "Approved") and date of a sign-off. */
  g_string_append_printf (subtitle, _("%s, %s · %s · %s"), name, role, meaning_title, time);
  if (conditions[0] != '\0')
    {
      g_string_append_c (subtitle, '\n');
      if (g_str_equal (meaning, "approved-with-conditions"))
        /* Translators: %s is what the approval depends on. */
        g_string_append_printf (subtitle, _("Conditions: %s"), conditions);
      else
        /* Translators: %s is the signer's comment. */
        g_string_append_printf (subtitle, _("Comment: %s"), conditions);
    }

  if (state == PF_SIGN_OFF_STALE)
    {
      g_string_append_c (subtitle, '\n');
      if (described->changes == NULL || described->changes[0] == '\0')
        {
          g_string_append (subtitle, _("The content changed after signing."));
        }
      else
        {
          g_string_append (subtitle, _("Changed since signing:"));
          g_string_append_c (subtitle, '\n');
          g_string_append (subtitle, described->changes);
        }
    }
  else if (state == PF_SIGN_OFF_WITHDRAWN)
    {
      JsonObject *withdrawal = find_withdrawal (sign_offs, id);

      if (withdrawal != NULL)
        {
          g_autofree char *when = pf_sign_off_format_time (json_object_get_string_member_with_default (withdrawal, "time", ""));
          const char *comment = json_object_get_string_member_with_default (withdrawal, "conditions", "");

          g_string_append_c (subtitle, '\n');
          /* Translators: who withdrew a sign-off (name, role), when, and why. */
          g_string_append_printf (subtitle, comment[0] ? _("Withdrawn by %s, %s on %s: %s") : _("Withdrawn by %s, %s on %s"),
                                  json_object_get_string_member_with_default (withdrawal, "name", ""),
                                  json_object_get_string_member_with_default (withdrawal, "role", ""),
                                  when, comment);
        }
    }

  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), create_state_badge (state));

  if (state != PF_SIGN_OFF_WITHDRAWN)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Withdraw…"));
      g_autofree char *accessible = NULL;
      g_autofree char *dialog_title = NULL;

      /* Translators: a sign-off in the withdraw dialog: scope, meaning, name. */
      dialog_title = g_strdup_printf (_("The sign-off “%s, %s by %s”"), title, pf_sign_off_meaning_get_label (meaning), name);
      /* Translators: %s is what was signed, such as "Modeling phase". */
      accessible = g_strdup_printf (_("Withdraw the sign-off of %s by %s"), title, name);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_name (button, "withdraw");
      gtk_widget_set_sensitive (button, !pf_document_get_read_only (self->document));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      -1);
      g_object_set_data_full (G_OBJECT (button), "sign-off", g_strdup (id), g_free);
      g_object_set_data_full (G_OBJECT (button), "title", g_steal_pointer (&dialog_title), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (withdraw_button_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  return row;
}

static void
update (PfSignOffsPage *self)
{
  JsonArray *sign_offs;
  guint selected;
  const char *scope = NULL;
  guint n_records = 0;
  guint n_shown = 0;

  g_autofree char *focused_row = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  g_clear_handle_id (&self->update_source, g_source_remove);
  self->needs_update = FALSE;

  /* The rows are built anew: the keyboard focus stays with its record. */
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      if (focus != NULL && (focus == row || gtk_widget_is_ancestor (focus, row)))
        focused_row = g_strdup (gtk_widget_get_name (row));
      adw_preferences_group_remove (self->records_group, row);
    }
  g_ptr_array_set_size (self->rows, 0);

  if (self->document == NULL)
    return;

  selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->filter));
  if (selected > 0 && selected <= g_strv_length (self->scopes))
    scope = self->scopes[selected - 1];

  sign_offs = pf_document_get_sign_offs (self->document);
  for (guint i = json_array_get_length (sign_offs); i > 0; i--)
    {
      JsonObject *record = json_array_get_object_element (sign_offs, i - 1);
      GtkWidget *row;

      if (g_strcmp0 (json_object_get_string_member_with_default (record, "kind", ""), "sign-off") != 0)
        continue;
      n_records++;
      if (scope != NULL && g_strcmp0 (json_object_get_string_member_with_default (record, "scope", ""), scope) != 0)
        continue;

      row = create_row (self, sign_offs, record);
      adw_preferences_group_add (self->records_group, row);
      g_ptr_array_add (self->rows, row);
      n_shown++;

      if (focused_row != NULL && g_str_equal (focused_row, gtk_widget_get_name (row)))
        {
          gtk_widget_grab_focus (row);
          g_clear_pointer (&focused_row, g_free);
        }
    }

  if (n_shown == 0 && n_records > 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No sign-offs of this scope yet"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->records_group, row);
      g_ptr_array_add (self->rows, row);
    }

  gtk_stack_set_visible_child_name (self->stack, n_records > 0 ? "records" : "empty");
  /* Its record is filtered out: to the filter, not to nowhere. */
  if (focused_row != NULL)
    gtk_widget_grab_focus (self->filter);

  for (guint i = 0; i < G_N_ELEMENTS (self->sign_off_buttons); i++)
    gtk_widget_set_sensitive (self->sign_off_buttons[i], !pf_document_get_read_only (self->document));
}

static gboolean
update_cb (gpointer user_data)
{
  PfSignOffsPage *self = user_data;

  self->update_source = 0;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    update (self);
  else
    self->needs_update = TRUE;

  return G_SOURCE_REMOVE;
}

/* Any change can make a sign-off stale. Hidden, the page only notes it;
 * shown, it follows once a burst of edits is over, at once for a
 * sign-off or a withdrawal made here. */
static void
document_changed_cb (PfSignOffsPage *self,
                     const char     *object,
                     const char     *field)
{
  gboolean sign_offs_changed = object != NULL && g_str_has_prefix (object, "sign-offs");

  for (guint i = 0; self->scopes[i] != NULL; i++)
    {
      if (object == NULL || pf_scope_covers_object (self->scopes[i], object))
        self->scope_serials[i]++;
    }

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->needs_update = TRUE;
      return;
    }

  if (sign_offs_changed)
    {
      g_clear_handle_id (&self->update_source, g_source_remove);
      self->update_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, update_cb, self, NULL);
    }
  else if (self->update_source == 0)
    {
      self->update_source = g_timeout_add_full (G_PRIORITY_DEFAULT_IDLE, UPDATE_DELAY_MS, update_cb, self, NULL);
    }
}

static void
build (PfSignOffsPage *self)
{
  g_autoptr(GMenuModel) menu = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *status;
  GtkWidget *page;
  GtkWidget *suffix;

  self->scopes = dup_all_scopes ();
  menu = create_scope_menu (self->scopes);

  self->stack = GTK_STACK (gtk_stack_new ());
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));

  status = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "document-edit-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Sign-offs Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("A sign-off records who reviewed or approved a phase, a review or the whole "
                                     "project, and goes stale when what it covers changes. Sign off here or "
                                     "with the Sign Off button of each phase."));
  self->sign_off_buttons[0] = create_sign_off_button (menu);
  gtk_widget_set_halign (self->sign_off_buttons[0], GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->sign_off_buttons[0], "pill");
  gtk_widget_add_css_class (self->sign_off_buttons[0], "suggested-action");
  adw_status_page_set_child (ADW_STATUS_PAGE (status), self->sign_off_buttons[0]);
  gtk_stack_add_named (self->stack, status, "empty");

  page = adw_preferences_page_new ();
  self->records_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->records_group, _("Sign-offs"));
  adw_preferences_group_set_description (self->records_group,
                                         _("Newest first. A sign-off is a record of who said what, not an electronic "
                                           "signature; it goes stale when what it covers changes."));
  gtk_widget_set_name (GTK_WIDGET (self->records_group), "records");

  g_ptr_array_add (labels, g_strdup (_("All Scopes")));
  for (guint i = 0; self->scopes[i] != NULL; i++)
    g_ptr_array_add (labels, pf_scope_dup_title (self->scopes[i]));
  g_ptr_array_add (labels, NULL);
  self->filter = gtk_drop_down_new_from_strings ((const char * const *)labels->pdata);
  gtk_widget_set_name (self->filter, "filter");
  gtk_widget_set_tooltip_text (self->filter, _("Show the sign-offs of one scope"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->filter),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show the sign-offs of"),
                                  -1);
  g_signal_connect_object (self->filter, "notify::selected", G_CALLBACK (update), self, G_CONNECT_SWAPPED);

  self->sign_off_buttons[1] = create_sign_off_button (menu);
  suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_valign (suffix, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (suffix), self->filter);
  gtk_box_append (GTK_BOX (suffix), self->sign_off_buttons[1]);
  adw_preferences_group_set_header_suffix (self->records_group, suffix);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->records_group);
  gtk_stack_add_named (self->stack, page, "records");
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
pf_sign_offs_page_map (GtkWidget *widget)
{
  PfSignOffsPage *self = PF_SIGN_OFFS_PAGE (widget);

  /* Up to date before it is seen. */
  if (self->needs_update)
    update (self);

  GTK_WIDGET_CLASS (pf_sign_offs_page_parent_class)->map (widget);
}

static void
pf_sign_offs_page_dispose (GObject *object)
{
  PfSignOffsPage *self = (PfSignOffsPage *)object;

  g_clear_signal_handler (&self->changed_handler, self->document);
  g_clear_handle_id (&self->update_source, g_source_remove);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (pf_sign_offs_page_parent_class)->dispose (object);
}

static void
pf_sign_offs_page_finalize (GObject *object)
{
  PfSignOffsPage *self = (PfSignOffsPage *)object;

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->scopes, g_strfreev);
  g_clear_pointer (&self->scope_serials, g_free);
  g_clear_pointer (&self->described, g_hash_table_unref);
  g_clear_object (&self->catalog);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pf_sign_offs_page_parent_class)->finalize (object);
}

static void
pf_sign_offs_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PfSignOffsPage *self = PF_SIGN_OFFS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_sign_offs_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PfSignOffsPage *self = PF_SIGN_OFFS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      pf_sign_offs_page_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_sign_offs_page_class_init (PfSignOffsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pf_sign_offs_page_dispose;
  object_class->finalize = pf_sign_offs_page_finalize;
  object_class->get_property = pf_sign_offs_page_get_property;
  object_class->set_property = pf_sign_offs_page_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         PF_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->map = pf_sign_offs_page_map;
}

static void
pf_sign_offs_page_init (PfSignOffsPage *self)
{
  self->rows = g_ptr_array_new ();
  self->described = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, described_free);
  build (self);
  self->scope_serials = g_new0 (guint, g_strv_length (self->scopes));
}

/**
 * pf_sign_offs_page_new:
 * @settings: the application's settings, for the name and role a
 *   withdrawal is prefilled with
 */
GtkWidget *
pf_sign_offs_page_new (PfCatalog *catalog,
                       GSettings *settings)
{
  PfSignOffsPage *self;

  g_return_val_if_fail (PF_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (PF_TYPE_SIGN_OFFS_PAGE, NULL);
  self->catalog = g_object_ref (catalog);
  self->settings = g_object_ref (settings);

  return GTK_WIDGET (self);
}

PfDocument *
pf_sign_offs_page_get_document (PfSignOffsPage *self)
{
  g_return_val_if_fail (PF_IS_SIGN_OFFS_PAGE (self), NULL);

  return self->document;
}

void
pf_sign_offs_page_set_document (PfSignOffsPage *self,
                                PfDocument     *document)
{
  g_return_if_fail (PF_IS_SIGN_OFFS_PAGE (self));
  g_return_if_fail (!document || PF_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  g_clear_signal_handler (&self->changed_handler, self->document);
  g_set_object (&self->document, document);
  g_hash_table_remove_all (self->described);
  if (document != NULL)
    self->changed_handler = g_signal_connect_object (document, "changed",
                                                     G_CALLBACK (document_changed_cb), self,
                                                     G_CONNECT_SWAPPED);
  /* Shown when a project opens, rarely: computing the state of stale
   * sign-offs reads the audit trail, which a large project leaves unread
   * until needed. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) || document == NULL)
    update (self);
  else
    self->needs_update = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}
