/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pf-test-score.h"
#include "pf-test-score-page.h"
#include "pf-window.h"

/* The ML Test Score as a page: the final score and its band on top, the
 * four section scores, then every test of the rubric with its level and a
 * note. A test gets its record in the "ml-test-score" register the first
 * time it is marked; every change goes through the document. */

#define REGISTER_ID "ml-test-score"

typedef struct
{
  PfTestScorePage  *page;                      /* borrowed */
  const PfTestItem *test;                      /* borrowed from the catalog */
  AdwExpanderRow   *row;
  GtkWidget        *levels_box;
  GtkWidget        *levels[PF_N_TEST_LEVELS];  /* linked toggle buttons */
  AdwEntryRow      *note_row;
} TestView;

struct _PfTestScorePage
{
  AdwBin               parent_instance;

  /* Template widgets */
  GtkLabel            *score_label;
  GtkLabel            *maximum_label;
  GtkLabel            *band_label;
  GtkLabel            *band_description_label;
  AdwPreferencesGroup *sections_group;

  /* Borrowed references */
  AdwPreferencesPage  *page;
  GPtrArray           *section_rows;    /* AdwActionRow, one per section */
  GPtrArray           *section_values;  /* GtkLabel */
  GPtrArray           *section_bars;    /* GtkLevelBar */

  /* Owned references */
  PfCatalog           *catalog;
  PfDocument          *document;
  GPtrArray           *test_views;  /* TestView, in the catalog's order */
  GHashTable          *views;       /* test id -> TestView, borrowed from test_views */
  gulong               changed_handler;

  /* Set while the page writes the document's values into its widgets. */
  guint                updating : 1;
};

G_DEFINE_FINAL_TYPE (PfTestScorePage, pf_test_score_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_score (double score)
{
  /* Sums of halves: one decimal at most, in the user's notation. */
  return g_strdup_printf ("%g", score);
}

static char *
record_object (const PfTestItem *test)
{
  return g_strconcat (REGISTER_ID "/", test->id, NULL);
}

static void
show_error (PfTestScorePage *self,
            const char      *heading,
            const GError    *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (PF_IS_WINDOW (root))
    pf_window_show_error (PF_WINDOW (root), heading, error->message);
  else
    g_warning ("%s: %s", heading, error->message);
}

/* Writes @field of the test's record, creating the record first if the
 * test has none yet: one undo step either way. */
static gboolean
write_field (PfTestScorePage   *self,
             const PfTestItem  *test,
             const char        *field,
             const char        *value,
             GError           **error)
{
  g_autofree char *object = record_object (test);
  gboolean ok;

  if (pf_document_get_record (self->document, REGISTER_ID, test->id) != NULL)
    return pf_document_set_string (self->document, object, field, value, error);

  pf_document_begin_group (self->document);
  ok = pf_document_add_record_with_id (self->document, REGISTER_ID, test->id, error) &&
       pf_document_set_string (self->document, object, field, value, error);
  pf_document_end_group (self->document);

  return ok;
}

static void
show_test (TestView *view)
{
  PfTestScorePage *self = view->page;
  JsonObject *record = NULL;
  PfTestLevel level = PF_TEST_LEVEL_NONE;
  const char *note = "";
  gboolean editable;

  if (self->document != NULL)
    record = pf_document_get_record (self->document, REGISTER_ID, view->test->id);
  if (record != NULL)
    {
      level = pf_test_level_from_string (json_object_get_string_member_with_default (record, "level", NULL));
      note = json_object_get_string_member_with_default (record, "note", "");
    }

  self->updating = TRUE;

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (view->levels[level]), TRUE);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (view->note_row)), note) != 0)
    gtk_editable_set_text (GTK_EDITABLE (view->note_row), note);

  /* Read-only, the levels stay focusable so that the keyboard and the
   * screen reader still reach and read them: the pointer passes through
   * them, a key press is turned back (see level_toggled_cb()), and they
   * look and are announced as read-only. */
  editable = self->document != NULL && !pf_document_get_read_only (self->document);
  for (guint i = 0; i < PF_N_TEST_LEVELS; i++)
    gtk_widget_set_can_target (view->levels[i], editable);
  if (editable)
    {
      gtk_widget_remove_css_class (view->levels_box, "pf-read-only");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (view->levels_box), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  else
    {
      gtk_widget_add_css_class (view->levels_box, "pf-read-only");
      gtk_accessible_update_property (GTK_ACCESSIBLE (view->levels_box),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("Read-only: the project cannot be changed"),
                                      -1);
    }
  gtk_editable_set_editable (GTK_EDITABLE (view->note_row), editable);

  self->updating = FALSE;
}

static void
update_score (PfTestScorePage *self)
{
  GPtrArray *sections = pf_catalog_get_test_sections (self->catalog);
  JsonArray *records = self->document ? pf_document_get_records (self->document, REGISTER_ID) : NULL;
  g_autofree char *final = NULL;
  g_autofree char *maximum = NULL;
  g_autofree char *accessible_final = NULL;
  guint max_final = 0;
  gboolean all_equal = TRUE;
  PfTestScore score;
  PfTestBand band;

  pf_test_score_compute (sections, records, &score);
  band = pf_test_band_for_score (score.final_score);

  /* The final score is the lowest section score: at best the number of
   * tests of the smallest section. */
  for (guint i = 0; i < sections->len; i++)
    {
      PfTestSection *section = g_ptr_array_index (sections, i);

      max_final = i == 0 ? section->tests->len : MIN (max_final, section->tests->len);
    }

  final = format_score (score.final_score);
  gtk_label_set_text (self->score_label, final);
  /* Translators: under the final score, e.g. "of 7": the highest final
   * score the catalog's ML Test Score allows. */
  maximum = g_strdup_printf (_("of %u"), max_final);
  gtk_label_set_text (self->maximum_label, maximum);
  /* Translators: the final score for the screen reader: the score, its
   * maximum and its band, e.g. "Final score: 2.5 of 7, Reasonably Tested". */
  accessible_final = g_strdup_printf (_("Final score: %s of %u, %s"),
                                      final, max_final, pf_test_band_get_title (band));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->score_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_final,
                                  -1);
  gtk_label_set_text (self->band_label, pf_test_band_get_title (band));
  gtk_label_set_text (self->band_description_label, pf_test_band_get_description (band));

  /* When every section scores the same, none is singled out. */
  for (guint i = 1; i < score.n_sections; i++)
    all_equal = all_equal && score.section_scores[i] == score.section_scores[0];

  for (guint i = 0; i < score.n_sections && i < self->section_rows->len; i++)
    {
      PfTestSection *section = g_ptr_array_index (sections, i);
      GtkWidget *row = g_ptr_array_index (self->section_rows, i);
      g_autofree char *value = format_score (score.section_scores[i]);
      g_autofree char *accessible = NULL;
      /* The weakest section sets the final score: say so where it stands. */
      gboolean decides = !all_equal && score.section_scores[i] == score.final_score;

      gtk_label_set_text (g_ptr_array_index (self->section_values, i), value);
      gtk_level_bar_set_max_value (g_ptr_array_index (self->section_bars, i), MAX (section->tests->len, 1));
      gtk_level_bar_set_value (g_ptr_array_index (self->section_bars, i), score.section_scores[i]);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), decides ? _("Lowest: sets the final score") : NULL);
      /* Translators: a section of the ML Test Score and its score for the
       * screen reader, e.g. "Tests for features and data: 3.5 of 7". */
      accessible = g_strdup_printf (_("%s: %s of %u"), section->title, value, section->tests->len);
      gtk_accessible_update_property (GTK_ACCESSIBLE (g_ptr_array_index (self->section_bars, i)),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      -1);
    }

  pf_test_score_clear (&score);
}

static void
level_toggled_cb (GtkToggleButton *button,
                  TestView        *view)
{
  PfTestScorePage *self = view->page;
  g_autoptr(GError) error = NULL;
  PfTestLevel level = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "level"));

  if (self->updating || self->document == NULL || !gtk_toggle_button_get_active (button))
    return;

  /* A read-only project: the level the document has comes back. */
  if (pf_document_get_read_only (self->document))
    {
      show_test (view);
      return;
    }

  /* Marking an untested test "none" needs no record. */
  if (level == PF_TEST_LEVEL_NONE &&
      pf_document_get_record (self->document, REGISTER_ID, view->test->id) == NULL)
    return;

  if (!write_field (self, view->test, "level", pf_test_level_to_string (level), &error))
    {
      show_error (self, _("Cannot Change the Test"), error);
      show_test (view);
    }
}

static void
note_changed_cb (GtkEditable *editable,
                 TestView    *view)
{
  PfTestScorePage *self = view->page;
  g_autoptr(GError) error = NULL;
  /* A copy: the document's answer updates the row, which frees its text. */
  g_autofree char *text = g_strdup (gtk_editable_get_text (editable));

  if (self->updating || self->document == NULL)
    return;

  if (!write_field (self, view->test, "note", text, &error))
    {
      show_error (self, _("Cannot Change the Note"), error);
      show_test (view);
    }
}

static GtkWidget *
create_test_row (PfTestScorePage  *self,
                 const PfTestItem *test)
{
  TestView *view = g_new0 (TestView, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  g_autofree char *note_label = NULL;

  view->page = self;
  view->test = test;
  /* The catalog refuses repeated test ids; were one repeated anyway, the
   * table would only forget the first view, never free it. */
  g_ptr_array_add (self->test_views, view);
  g_hash_table_insert (self->views, test->id, view);

  view->row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (view->row), test->title);
  adw_expander_row_set_subtitle (view->row, test->description);
  gtk_widget_set_name (GTK_WIDGET (view->row), test->id);

  view->levels_box = box;
  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, test->title,
                                  -1);
  for (PfTestLevel level = PF_TEST_LEVEL_NONE; level <= PF_TEST_LEVEL_AUTOMATED; level++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (pf_test_level_get_title (level));
      g_autofree char *accessible = NULL;
      g_autofree char *name = g_strconcat (test->id, ":", pf_test_level_to_string (level), NULL);

      view->levels[level] = button;
      if (level > PF_TEST_LEVEL_NONE)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (view->levels[0]));
      g_object_set_data (G_OBJECT (button), "level", GUINT_TO_POINTER (level));
      gtk_widget_set_name (button, name);
      /* Translators: a test level and the test, for the screen reader:
       * "Automated: All features are beneficial". */
      accessible = g_strdup_printf (_("%s: %s"), pf_test_level_get_title (level), test->title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      -1);
      g_signal_connect (button, "toggled", G_CALLBACK (level_toggled_cb), view);
      gtk_box_append (GTK_BOX (box), button);
    }
  adw_expander_row_add_action (view->row, box);

  view->note_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (view->note_row), _("Note"));
  adw_entry_row_set_show_apply_button (view->note_row, FALSE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (view->note_row), FALSE);
  /* Translators: %s is an ML test. */
  note_label = g_strdup_printf (_("Note on “%s”"), test->title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view->note_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, note_label,
                                  -1);
  gtk_widget_set_name (GTK_WIDGET (view->note_row), "note");
  g_signal_connect (view->note_row, "changed", G_CALLBACK (note_changed_cb), view);
  adw_expander_row_add_row (view->row, GTK_WIDGET (view->note_row));

  return GTK_WIDGET (view->row);
}

static void
build_page (PfTestScorePage *self)
{
  GPtrArray *sections = pf_catalog_get_test_sections (self->catalog);

  for (guint i = 0; i < sections->len; i++)
    {
      PfTestSection *section = g_ptr_array_index (sections, i);
      AdwPreferencesGroup *group;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *value = gtk_label_new ("0");
      GtkWidget *bar = gtk_level_bar_new_for_interval (0, MAX (section->tests->len, 1));
      g_autofree char *name = g_strconcat ("section-", section->id, NULL);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), section->title);
      gtk_widget_set_name (row, name);
      gtk_level_bar_set_mode (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_MODE_CONTINUOUS);
      /* The stock offsets color a bar by fractions of 1, not of 7. */
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
      gtk_widget_set_size_request (bar, 200, -1);
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      gtk_label_set_xalign (GTK_LABEL (value), 1);
      gtk_widget_add_css_class (value, "numeric");
      gtk_widget_add_css_class (value, "heading");
      gtk_widget_add_css_class (value, "pf-test-score-section-value");
      gtk_widget_set_name (value, "value");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
      adw_preferences_group_add (self->sections_group, row);
      g_ptr_array_add (self->section_rows, row);
      g_ptr_array_add (self->section_values, value);
      g_ptr_array_add (self->section_bars, bar);

      group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_group_set_title (group, section->title);
      for (guint j = 0; j < section->tests->len; j++)
        adw_preferences_group_add (group, create_test_row (self, g_ptr_array_index (section->tests, j)));
      adw_preferences_page_add (self->page, group);
    }
}

static void
show_all (PfTestScorePage *self)
{
  for (guint i = 0; i < self->test_views->len; i++)
    show_test (g_ptr_array_index (self->test_views, i));

  update_score (self);
}

static void
document_changed_cb (PfTestScorePage *self,
                     const char      *object,
                     const char      *field,
                     PfDocument      *document)
{
  TestView *view;

  if (!g_str_has_prefix (object, REGISTER_ID "/"))
    return;

  if ((view = g_hash_table_lookup (self->views, object + strlen (REGISTER_ID "/"))))
    show_test (view);

  update_score (self);
}

static void
pf_test_score_page_dispose (GObject *object)
{
  PfTestScorePage *self = (PfTestScorePage *)object;

  g_clear_signal_handler (&self->changed_handler, self->document);
  g_clear_object (&self->document);

  gtk_widget_dispose_template (GTK_WIDGET (self), PF_TYPE_TEST_SCORE_PAGE);

  G_OBJECT_CLASS (pf_test_score_page_parent_class)->dispose (object);
}

static void
pf_test_score_page_finalize (GObject *object)
{
  PfTestScorePage *self = (PfTestScorePage *)object;

  g_clear_pointer (&self->views, g_hash_table_unref);
  g_clear_pointer (&self->test_views, g_ptr_array_unref);
  g_clear_pointer (&self->section_rows, g_ptr_array_unref);
  g_clear_pointer (&self->section_values, g_ptr_array_unref);
  g_clear_pointer (&self->section_bars, g_ptr_array_unref);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (pf_test_score_page_parent_class)->finalize (object);
}

static void
pf_test_score_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PfTestScorePage *self = PF_TEST_SCORE_PAGE (object);

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
pf_test_score_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PfTestScorePage *self = PF_TEST_SCORE_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      pf_test_score_page_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_test_score_page_class_init (PfTestScorePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pf_test_score_page_dispose;
  object_class->finalize = pf_test_score_page_finalize;
  object_class->get_property = pf_test_score_page_get_property;
  object_class->set_property = pf_test_score_page_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         PF_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/pf-test-score-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PfTestScorePage, score_label);
  gtk_widget_class_bind_template_child (widget_class, PfTestScorePage, maximum_label);
  gtk_widget_class_bind_template_child (widget_class, PfTestScorePage, band_label);
  gtk_widget_class_bind_template_child (widget_class, PfTestScorePage, band_description_label);
  gtk_widget_class_bind_template_child (widget_class, PfTestScorePage, sections_group);
}

static void
pf_test_score_page_init (PfTestScorePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Not a bound template child: AdwBin unparents its child itself. */
  self->page = ADW_PREFERENCES_PAGE (adw_bin_get_child (ADW_BIN (self)));
  /* Said with the score, in its accessible label. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->maximum_label),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                               -1);
  self->test_views = g_ptr_array_new_with_free_func (g_free);
  self->views = g_hash_table_new (g_str_hash, g_str_equal);
  self->section_rows = g_ptr_array_new ();
  self->section_values = g_ptr_array_new ();
  self->section_bars = g_ptr_array_new ();
}

GtkWidget *
pf_test_score_page_new (PfCatalog *catalog)
{
  PfTestScorePage *self;

  g_return_val_if_fail (PF_IS_CATALOG (catalog), NULL);

  self = g_object_new (PF_TYPE_TEST_SCORE_PAGE, NULL);
  self->catalog = g_object_ref (catalog);
  build_page (self);
  show_all (self);

  return GTK_WIDGET (self);
}

PfDocument *
pf_test_score_page_get_document (PfTestScorePage *self)
{
  g_return_val_if_fail (PF_IS_TEST_SCORE_PAGE (self), NULL);

  return self->document;
}

void
pf_test_score_page_set_document (PfTestScorePage *self,
                                 PfDocument      *document)
{
  g_return_if_fail (PF_IS_TEST_SCORE_PAGE (self));
  g_return_if_fail (!document || PF_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  g_clear_signal_handler (&self->changed_handler, self->document);
  g_set_object (&self->document, document);

  if (document != NULL)
    self->changed_handler = g_signal_connect_object (document, "changed",
                                                     G_CALLBACK (document_changed_cb), self,
                                                     G_CONNECT_SWAPPED);

  if (self->catalog != NULL)
    show_all (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}
