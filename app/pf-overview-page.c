/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pf-audit-chain-group.h"
#include "pf-overview-page.h"
#include "pf-phase.h"
#include "pf-readiness.h"
#include "pf-risk-chart.h"

/* The project at a glance: whether it may be deployed, what stands in the
 * way (each finding leads to where it is fixed), how far each phase is,
 * the risk profile along the six causes; then the project's title, its
 * audit trail and the whole-project sign-off. */

/* After a burst of edits, not after each keystroke. */
#define UPDATE_DELAY_MS 150
/* Findings shown per group until the user asks for the rest. */
#define MAX_ROWS 50
#define DEFAULT_CHART_HEIGHT 220

typedef struct
{
  AdwPreferencesGroup *group;
  GPtrArray           *rows;      /* AdwActionRow, borrowed: the group holds them */
  GtkWidget           *more_row;  /* "N more", borrowed; NULL when not added */
  gboolean             expanded;
} FindingsGroup;

struct _PfOverviewPage
{
  AdwBin          parent_instance;

  /* Template widgets */
  AdwEntryRow    *title_row;
  AdwEntryRow    *description_row;
  PfAuditChainGroup *audit_group;
  GtkWidget      *verdict_box;
  GtkLabel       *verdict_label;
  GtkLabel       *summary_label;
  AdwPreferencesGroup *blockers_group;
  AdwPreferencesGroup *conditions_group;
  AdwPreferencesGroup *warnings_group;
  AdwPreferencesGroup *phases_group;
  GtkDrawingArea *risk_chart;

  /* Borrowed references */
  FindingsGroup   findings[3];  /* by PfSeverity */
  AdwActionRow   *phase_rows[PF_N_PHASES];
  GtkLevelBar    *phase_bars[PF_N_PHASES];

  /* Owned references */
  PfCatalog      *catalog;
  PfDocument     *document;
  PfReadiness    *readiness;
  gulong          changed_handler;
  gulong          verified_handler;
  guint           update_source;
  guint           chart_height_source;

  /* The readiness is out of date while the page is hidden. */
  guint           needs_update : 1;

  /* Set while the page itself writes into the rows. */
  guint           updating : 1;
};

G_DEFINE_FINAL_TYPE (PfOverviewPage, pf_overview_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_row_text (PfOverviewPage *self,
              AdwEntryRow    *row,
              const char     *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text ? text : "") == 0)
    return;

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  self->updating = FALSE;
}

static const char *
severity_icon_name (PfSeverity severity)
{
  switch (severity)
    {
    case PF_SEVERITY_BLOCKER:
      return "dialog-error-symbolic";
    case PF_SEVERITY_CONDITION:
      return "emblem-important-symbolic";
    case PF_SEVERITY_WARNING:
    default:
      return "dialog-warning-symbolic";
    }
}

static const char *
severity_css_class (PfSeverity severity)
{
  switch (severity)
    {
    case PF_SEVERITY_BLOCKER:
      return "error";
    case PF_SEVERITY_CONDITION:
      return "accent";
    case PF_SEVERITY_WARNING:
    default:
      return "warning";
    }
}

/* What activating a finding does: the action that shows the place where it
 * is fixed. A finding without a place only informs. */
static void
set_row_fix (GtkWidget       *row,
             const PfFinding *finding)
{
  const char *action = NULL;
  GVariant *target = NULL;

  switch (finding->fix)
    {
    case PF_FIX_QUESTION:
      if (finding->target != NULL)
        {
          action = "win.show-question";
          target = g_variant_new_string (finding->target);
        }
      break;

    case PF_FIX_BUSINESS_QUESTION:
      action = "win.show-page";
      target = g_variant_new_string (pf_phase_get_id (PF_PHASE_BUSINESS_UNDERSTANDING));
      break;

    case PF_FIX_RECORD:
      if (finding->target != NULL && finding->page != NULL)
        {
          action = "win.show-record";
          target = g_variant_new ("(ss)", finding->page, finding->target);
        }
      break;

    case PF_FIX_SIGN_OFF:
      if (finding->target != NULL)
        {
          action = "win.sign-off";
          target = g_variant_new_string (finding->target);
        }
      break;

    case PF_FIX_PAGE:
    default:
      break;
    }

  /* Without its target a finding still leads to its page. */
  if (action == NULL && finding->page != NULL)
    {
      action = "win.show-page";
      target = g_variant_new_string (finding->page);
    }

  /* Target first: a name with the previous finding's target would not
   * match the action's parameter type. */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), NULL);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), action != NULL);
}

static GtkWidget *
create_finding_row (PfSeverity severity)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (severity_icon_name (severity));
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  gtk_widget_add_css_class (icon, severity_css_class (severity));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, pf_severity_get_title (severity),
                                  -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  g_object_set_data (G_OBJECT (row), "arrow", arrow);
  gtk_widget_add_css_class (row, "pf-finding");

  return row;
}

static void
more_row_activated_cb (PfOverviewPage *self,
                       AdwActionRow   *row);

static void
show_findings (PfOverviewPage *self,
               PfSeverity      severity)
{
  FindingsGroup *group = &self->findings[severity];
  g_autoptr(GPtrArray) findings = g_ptr_array_new ();
  guint n_shown;

  if (self->readiness != NULL)
    {
      for (guint i = 0; i < self->readiness->findings->len; i++)
        {
          const PfFinding *finding = g_ptr_array_index (self->readiness->findings, i);

          if (finding->severity == severity)
            g_ptr_array_add (findings, (gpointer)finding);
        }
    }

  n_shown = group->expanded ? findings->len : MIN (findings->len, MAX_ROWS);

  /* The rows there are keep their place, and the focus in them. */
  if (group->more_row != NULL)
    {
      adw_preferences_group_remove (group->group, group->more_row);
      group->more_row = NULL;
    }
  while (group->rows->len > n_shown)
    {
      GtkWidget *row = g_ptr_array_steal_index (group->rows, group->rows->len - 1);

      adw_preferences_group_remove (group->group, row);
    }
  while (group->rows->len < n_shown)
    {
      GtkWidget *row = create_finding_row (severity);

      adw_preferences_group_add (group->group, row);
      g_ptr_array_add (group->rows, row);
    }

  for (guint i = 0; i < n_shown; i++)
    {
      const PfFinding *finding = g_ptr_array_index (findings, i);
      GtkWidget *row = g_ptr_array_index (group->rows, i);
      GtkWidget *arrow = g_object_get_data (G_OBJECT (row), "arrow");
      g_autofree char *name = g_strconcat ("finding-", finding->rule ? finding->rule : "", NULL);

      gtk_widget_set_name (row, name);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), finding->title ? finding->title : "");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), finding->detail ? finding->detail : "");
      set_row_fix (row, finding);
      gtk_widget_set_visible (arrow, gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
    }

  if (n_shown < findings->len)
    {
      g_autofree char *title = NULL;
      guint n_more = findings->len - n_shown;

      group->more_row = adw_action_row_new ();
      gtk_widget_set_name (group->more_row, "more");
      /* Translators: a row under a long list of findings that shows the rest. */
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show %u More", "Show %u More", n_more), n_more);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (group->more_row), title);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (group->more_row), TRUE);
      gtk_widget_add_css_class (group->more_row, "pf-more-row");
      adw_action_row_add_suffix (ADW_ACTION_ROW (group->more_row), gtk_image_new_from_icon_name ("pan-down-symbolic"));
      g_signal_connect_object (group->more_row, "activated", G_CALLBACK (more_row_activated_cb), self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (group->group, group->more_row);
    }

  gtk_widget_set_visible (GTK_WIDGET (group->group), findings->len > 0);
}

static void
more_row_activated_cb (PfOverviewPage *self,
                       AdwActionRow   *row)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->findings); i++)
    {
      if (self->findings[i].more_row == GTK_WIDGET (row))
        {
          guint first_new = self->findings[i].rows->len;

          self->findings[i].expanded = TRUE;
          show_findings (self, i);
          /* The focus goes on where the row was. */
          if (first_new < self->findings[i].rows->len)
            gtk_widget_grab_focus (g_ptr_array_index (self->findings[i].rows, first_new));
          return;
        }
    }
}

static char *
dup_summary (const PfReadiness *readiness)
{
  g_autofree char *blockers = NULL;
  g_autofree char *conditions = NULL;
  g_autofree char *warnings = NULL;

  if (readiness->n_blockers == 0 && readiness->n_conditions == 0 && readiness->n_warnings == 0)
    return g_strdup (_("No blockers, conditions or warnings"));

  blockers = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u blocker", "%u blockers", readiness->n_blockers),
                              readiness->n_blockers);
  conditions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u condition", "%u conditions", readiness->n_conditions),
                                readiness->n_conditions);
  warnings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", readiness->n_warnings),
                              readiness->n_warnings);
  /* Translators: the counts of blockers, conditions and warnings under the
   * verdict, e.g. "5 blockers, 1 condition, 2 warnings". */
  return g_strdup_printf (_("%s, %s, %s"), blockers, conditions, warnings);
}

static void
show_verdict (PfOverviewPage *self)
{
  static const char * const classes[] = { "not-ready", "ready-with-conditions", "ready" };
  static const char * const label_classes[] = { "error", "warning", "success" };
  g_autofree char *summary = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    {
      gtk_widget_remove_css_class (self->verdict_box, classes[i]);
      gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_label), label_classes[i]);
    }

  if (self->readiness == NULL)
    {
      gtk_label_set_text (self->verdict_label, "");
      gtk_label_set_text (self->summary_label, "");
      return;
    }

  gtk_widget_add_css_class (self->verdict_box, classes[self->readiness->verdict]);
  gtk_widget_add_css_class (GTK_WIDGET (self->verdict_label), label_classes[self->readiness->verdict]);
  gtk_label_set_text (self->verdict_label, pf_verdict_get_title (self->readiness->verdict));
  summary = dup_summary (self->readiness);
  gtk_label_set_text (self->summary_label, summary);
}

static void
show_phases (PfOverviewPage *self)
{
  for (guint phase = 0; phase < PF_N_PHASES; phase++)
    {
      const PfPhaseReadiness *readiness;
      g_autofree char *answered = NULL;
      g_autofree char *state = NULL;
      g_autofree char *subtitle = NULL;
      guint n_blockers = 0;

      if (self->readiness == NULL)
        {
          adw_action_row_set_subtitle (self->phase_rows[phase], "");
          gtk_level_bar_set_value (self->phase_bars[phase], 0);
          continue;
        }

      readiness = &self->readiness->phases[phase];
      for (guint i = 0; i < readiness->findings->len; i++)
        {
          const PfFinding *finding = g_ptr_array_index (readiness->findings, i);

          if (finding->severity == PF_SEVERITY_BLOCKER)
            n_blockers++;
        }

      answered = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%u of %u required question answered",
                                               "%u of %u required questions answered",
                                               readiness->n_required),
                                  readiness->n_answered, readiness->n_required);
      if (n_blockers > 0)
        state = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u blocker", "%u blockers", n_blockers), n_blockers);
      else if (readiness->n_answered < readiness->n_required)
        /* Translators: the state of a phase's gate on the Overview. */
        state = g_strdup (_("in progress"));
      else
        /* Translators: the state of a phase's gate on the Overview. */
        state = g_strdup (_("passed"));
      /* Translators: how far a phase is, then its gate's state, e.g.
       * "4 of 9 required questions answered — 2 blockers". */
      subtitle = g_strdup_printf (_("%s — %s"), answered, state);
      adw_action_row_set_subtitle (self->phase_rows[phase], subtitle);

      gtk_level_bar_set_max_value (self->phase_bars[phase], MAX (readiness->n_required, 1));
      gtk_level_bar_set_value (self->phase_bars[phase],
                               readiness->n_required > 0 ? readiness->n_answered : 1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->phase_bars[phase]),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, answered,
                                      -1);
    }
}

static void
get_chart_style (PfOverviewPage   *self,
                 PfRiskChartStyle *style)
{
  GtkWidget *widget = GTK_WIDGET (self->risk_chart);
  PangoFontDescription *font;
  GdkRGBA color;
  double size;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  style->foreground[0] = color.red;
  style->foreground[1] = color.green;
  style->foreground[2] = color.blue;
  style->foreground[3] = color.alpha;
  memcpy (style->muted, style->foreground, sizeof style->muted);
  style->muted[3] = color.alpha * 0.55;
  memcpy (style->track, style->foreground, sizeof style->track);
  style->track[3] = color.alpha * 0.1;

  font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  style->font_family = font ? pango_font_description_get_family (font) : NULL;
  if (style->font_family == NULL)
    style->font_family = "Sans";
  size = font ? (double)pango_font_description_get_size (font) / PANGO_SCALE : 0;
  /* The widget draws in pixels; a font's size is in points unless absolute. */
  if (font != NULL && !pango_font_description_get_size_is_absolute (font))
    size = size * 96.0 / 72.0;
  style->font_size = size > 0 ? size : 14;
}

static void
risk_chart_draw_cb (GtkDrawingArea *area,
                    cairo_t        *cr,
                    int             width,
                    int             height,
                    gpointer        user_data)
{
  PfOverviewPage *self = user_data;
  PfRiskChartStyle style;

  if (self->readiness == NULL)
    return;

  get_chart_style (self, &style);
  pf_risk_chart_draw (cr, width, height, self->readiness->scores, &style);
}

static gboolean
update_chart_height_cb (gpointer user_data)
{
  PfOverviewPage *self = user_data;
  PfRiskChartStyle style;
  int width = gtk_widget_get_width (GTK_WIDGET (self->risk_chart));
  double height;

  self->chart_height_source = 0;
  if (width <= 0)
    return G_SOURCE_REMOVE;

  get_chart_style (self, &style);
  height = pf_risk_chart_get_height (width, &style);
  if (height <= 0)
    height = DEFAULT_CHART_HEIGHT;
  if ((int)ceil (height) != gtk_drawing_area_get_content_height (self->risk_chart))
    gtk_drawing_area_set_content_height (self->risk_chart, (int)ceil (height));

  return G_SOURCE_REMOVE;
}

/* The chart's height follows from its width: set after the allocation,
 * not during it. */
static void
risk_chart_resize_cb (PfOverviewPage *self,
                      int             width,
                      int             height)
{
  if (self->chart_height_source == 0)
    self->chart_height_source = g_idle_add (update_chart_height_cb, self);
}

static void
show_risk_profile (PfOverviewPage *self)
{
  g_autoptr(GString) description = g_string_new (NULL);

  if (self->readiness != NULL)
    {
      for (guint cause = 0; cause < PF_N_CAUSES; cause++)
        {
          if (description->len > 0)
            g_string_append (description, " ");
          /* Translators: a cause of failed deployments and its readiness
           * score, read out for the risk profile chart, e.g.
           * "Data leakage: 40 of 100." */
          g_string_append_printf (description, _("%s: %.0f of 100."),
                                  pf_cause_get_title (cause), self->readiness->scores[cause]);
        }
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->risk_chart),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self->risk_chart));
}

static void
update (PfOverviewPage *self)
{
  g_clear_handle_id (&self->update_source, g_source_remove);
  self->needs_update = FALSE;

  g_clear_pointer (&self->readiness, pf_readiness_free);
  if (self->document != NULL && self->catalog != NULL)
    self->readiness = pf_readiness_evaluate (self->catalog, self->document);

  show_verdict (self);
  for (guint severity = 0; severity < G_N_ELEMENTS (self->findings); severity++)
    show_findings (self, severity);
  show_phases (self);
  show_risk_profile (self);
}

static gboolean
update_cb (gpointer user_data)
{
  PfOverviewPage *self = user_data;

  self->update_source = 0;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    update (self);
  else
    self->needs_update = TRUE;

  return G_SOURCE_REMOVE;
}

/* Hidden, the page only notes that it is out of date; shown, it follows
 * once a burst of edits is over. */
static void
queue_update (PfOverviewPage *self,
              guint           delay_ms)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->needs_update = TRUE;
      return;
    }

  if (self->update_source == 0)
    self->update_source = g_timeout_add_full (G_PRIORITY_DEFAULT_IDLE, delay_ms, update_cb, self, NULL);
}

/* The chain's state is one of the rules. */
static void
document_audit_verified_cb (PfOverviewPage *self)
{
  g_clear_handle_id (&self->update_source, g_source_remove);
  queue_update (self, 0);
}

static void
document_changed_cb (PfOverviewPage *self,
                     const char     *object,
                     const char     *field,
                     PfDocument     *document)
{
  queue_update (self, UPDATE_DELAY_MS);

  if (g_str_equal (object, "metadata"))
    {
      if (g_strcmp0 (field, "title") == 0)
        set_row_text (self, self->title_row, pf_document_get_string (document, "metadata", "title"));
      else if (g_strcmp0 (field, "description") == 0)
        set_row_text (self, self->description_row, pf_document_get_string (document, "metadata", "description"));
    }
}

static void
commit_row (PfOverviewPage *self,
            AdwEntryRow    *row,
            const char     *field)
{
  g_autoptr(GError) error = NULL;

  if (self->updating || self->document == NULL)
    return;

  if (!pf_document_set_string (self->document, "metadata", field,
                               gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    {
      /* Only a read-only project refuses, and its rows are not editable. */
      g_critical ("Cannot change %s: %s", field, error->message);
    }
}

static void
title_row_changed_cb (PfOverviewPage *self,
                      AdwEntryRow    *row)
{
  commit_row (self, row, "title");
}

static void
description_row_changed_cb (PfOverviewPage *self,
                            AdwEntryRow    *row)
{
  commit_row (self, row, "description");
}

static void
pf_overview_page_map (GtkWidget *widget)
{
  PfOverviewPage *self = PF_OVERVIEW_PAGE (widget);

  /* Up to date before it is seen. */
  if (self->needs_update)
    update (self);

  GTK_WIDGET_CLASS (pf_overview_page_parent_class)->map (widget);
}

static void
pf_overview_page_dispose (GObject *object)
{
  PfOverviewPage *self = (PfOverviewPage *)object;

  g_clear_handle_id (&self->update_source, g_source_remove);
  g_clear_handle_id (&self->chart_height_source, g_source_remove);
  g_clear_signal_handler (&self->changed_handler, self->document);
  g_clear_signal_handler (&self->verified_handler, self->document);
  g_clear_object (&self->document);
  g_clear_object (&self->catalog);
  g_clear_pointer (&self->readiness, pf_readiness_free);
  for (guint i = 0; i < G_N_ELEMENTS (self->findings); i++)
    g_clear_pointer (&self->findings[i].rows, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), PF_TYPE_OVERVIEW_PAGE);

  G_OBJECT_CLASS (pf_overview_page_parent_class)->dispose (object);
}

static void
pf_overview_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PfOverviewPage *self = PF_OVERVIEW_PAGE (object);

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
pf_overview_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PfOverviewPage *self = PF_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      pf_overview_page_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_overview_page_class_init (PfOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pf_overview_page_dispose;
  object_class->get_property = pf_overview_page_get_property;
  object_class->set_property = pf_overview_page_set_property;

  widget_class->map = pf_overview_page_map;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         PF_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PF_TYPE_AUDIT_CHAIN_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/pf-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PfOverviewPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, PfOverviewPage, description_row);
  gtk_widget_class_bind_template_child (widget_class, PfOverviewPage, audit_group);
  gtk_widget_class_bind_template_child (widget_class, PfOverviewPage, verdict_box);
  gtk_widget_class_bind_template_child (widget_class, PfOverviewPage, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, PfOverviewPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PfOverviewPage, blockers_group);
  gtk_widget_class_bind_template_child (widget_class, PfOverviewPage, conditions_group);
  gtk_widget_class_bind_template_child (widget_class, PfOverviewPage, warnings_group);
  gtk_widget_class_bind_template_child (widget_class, PfOverviewPage, phases_group);
  gtk_widget_class_bind_template_child (widget_class, PfOverviewPage, risk_chart);
  gtk_widget_class_bind_template_callback (widget_class, title_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, description_row_changed_cb);
}

static void
create_phase_rows (PfOverviewPage *self)
{
  for (guint phase = 0; phase < PF_N_PHASES; phase++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *bar = gtk_level_bar_new_for_interval (0, 1);
      g_autofree char *name = g_strconcat ("phase-", pf_phase_get_id (phase), NULL);

      gtk_widget_set_name (row, name);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pf_phase_get_title (phase));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-page");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", pf_phase_get_id (phase));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      gtk_widget_set_size_request (bar, 160, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (bar),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, pf_phase_get_title (phase),
                                      -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));

      adw_preferences_group_add (self->phases_group, row);
      self->phase_rows[phase] = ADW_ACTION_ROW (row);
      self->phase_bars[phase] = GTK_LEVEL_BAR (bar);
    }
}

static void
pf_overview_page_init (PfOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->findings[PF_SEVERITY_BLOCKER].group = self->blockers_group;
  self->findings[PF_SEVERITY_CONDITION].group = self->conditions_group;
  self->findings[PF_SEVERITY_WARNING].group = self->warnings_group;
  for (guint i = 0; i < G_N_ELEMENTS (self->findings); i++)
    self->findings[i].rows = g_ptr_array_new ();

  create_phase_rows (self);

  gtk_drawing_area_set_draw_func (self->risk_chart, risk_chart_draw_cb, self, NULL);
  g_signal_connect_object (self->risk_chart, "resize", G_CALLBACK (risk_chart_resize_cb), self, G_CONNECT_SWAPPED);

  update (self);
}

/**
 * pf_overview_page_new:
 * @catalog: (nullable): the catalog the readiness is judged by
 */
GtkWidget *
pf_overview_page_new (PfCatalog *catalog)
{
  PfOverviewPage *self = g_object_new (PF_TYPE_OVERVIEW_PAGE, NULL);

  pf_overview_page_set_catalog (self, catalog);

  return GTK_WIDGET (self);
}

/* Another catalog means other questions: the verdict is judged again. */
void
pf_overview_page_set_catalog (PfOverviewPage *self,
                              PfCatalog      *catalog)
{
  g_return_if_fail (PF_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (!catalog || PF_IS_CATALOG (catalog));

  if (!g_set_object (&self->catalog, catalog))
    return;

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    update (self);
  else
    self->needs_update = TRUE;
}

/**
 * pf_overview_page_get_readiness:
 *
 * The readiness the page shows, evaluating it now if it is out of date.
 *
 * Returns: (nullable): the readiness, owned by the page, until its next update
 */
const PfReadiness *
pf_overview_page_get_readiness (PfOverviewPage *self)
{
  g_return_val_if_fail (PF_IS_OVERVIEW_PAGE (self), NULL);

  if (self->needs_update || self->update_source != 0)
    update (self);

  return self->readiness;
}

PfDocument *
pf_overview_page_get_document (PfOverviewPage *self)
{
  g_return_val_if_fail (PF_IS_OVERVIEW_PAGE (self), NULL);

  return self->document;
}

void
pf_overview_page_set_document (PfOverviewPage *self,
                               PfDocument     *document)
{
  gboolean editable;

  g_return_if_fail (PF_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (!document || PF_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  g_clear_signal_handler (&self->changed_handler, self->document);
  g_clear_signal_handler (&self->verified_handler, self->document);
  g_set_object (&self->document, document);

  if (document != NULL)
    {
      self->changed_handler = g_signal_connect_object (document, "changed",
                                                       G_CALLBACK (document_changed_cb), self,
                                                       G_CONNECT_SWAPPED);
      self->verified_handler = g_signal_connect_object (document, "notify::audit-verified",
                                                        G_CALLBACK (document_audit_verified_cb), self,
                                                        G_CONNECT_SWAPPED);
      set_row_text (self, self->title_row, pf_document_get_string (document, "metadata", "title"));
      set_row_text (self, self->description_row, pf_document_get_string (document, "metadata", "description"));
    }

  pf_audit_chain_group_set_document (self->audit_group, document);

  editable = document != NULL && !pf_document_get_read_only (document);
  gtk_editable_set_editable (GTK_EDITABLE (self->title_row), editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->description_row), editable);

  for (guint i = 0; i < G_N_ELEMENTS (self->findings); i++)
    self->findings[i].expanded = FALSE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) || document == NULL)
    update (self);
  else
    self->needs_update = TRUE;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}
