/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-svg.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "pf-risk-chart.h"

/* A horizontal bar chart: one row per cause, its name on the left, a track
 * from 0 to 100 with grid lines every 25, the bar coloured by band and the
 * figure at its end. Every size derives from the style's font size, so the
 * same drawing fits the Overview page (pixels), the PDF (points) and the
 * SVG of the HTML report.
 *
 * Thread-safety: nothing here is shared; pango_cairo_create_layout() uses
 * the calling thread's default font map. */

#define ROW_HEIGHT      2.5   /* in font sizes */
#define BAR_THICKNESS   1.15
#define AXIS_HEIGHT     1.9
#define LABEL_GAP       1.0
#define FIGURE_GAP      0.45
#define FIGURE_RESERVE  3.3   /* room right of the track for "100" */
#define MIN_LABEL_SHARE 0.22
#define MAX_LABEL_SHARE 0.40

typedef struct
{
  double bad[3];
  double warning[3];
  double good[3];
} Palette;

/* Restrained tones: darker on light paper, lighter on a dark background, so
 * the bars keep their contrast with the track either way. */
static const Palette light_palette = {
  { 0.753, 0.224, 0.231 },  /* #c0393b */
  { 0.839, 0.561, 0.094 },  /* #d68f18 */
  { 0.180, 0.545, 0.341 },  /* #2e8b57 */
};

static const Palette dark_palette = {
  { 0.929, 0.427, 0.420 },  /* #ed6d6b */
  { 0.945, 0.722, 0.341 },  /* #f1b857 */
  { 0.380, 0.773, 0.522 },  /* #61c585 */
};

void
pf_risk_chart_style_init_print (PfRiskChartStyle *style)
{
  g_return_if_fail (style != NULL);

  *style = (PfRiskChartStyle) {
    .foreground = { 0.13, 0.13, 0.15, 1 },
    .muted = { 0.45, 0.45, 0.48, 1 },
    .track = { 0.91, 0.91, 0.92, 1 },
    .font_family = "Sans",
    .font_size = 9,
  };
}

/**
 * pf_risk_chart_style_init_dark:
 *
 * Light text on a dark background, e.g. for the HTML report's dark scheme
 * (the Overview page takes its colours from the widget's style instead).
 */
void
pf_risk_chart_style_init_dark (PfRiskChartStyle *style)
{
  g_return_if_fail (style != NULL);

  *style = (PfRiskChartStyle) {
    .foreground = { 0.93, 0.93, 0.94, 1 },
    .muted = { 0.62, 0.62, 0.66, 1 },
    .track = { 1, 1, 1, 0.10 },
    .font_family = "Sans",
    .font_size = 9,
  };
}

static gboolean
style_is_dark (const PfRiskChartStyle *style)
{
  const double *c = style->foreground;

  /* Light text means a dark background. */
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2] > 0.5;
}

/* Returns: the colour of a score: red below 50, amber below 80, green above */
static const double *
band_color (const PfRiskChartStyle *style,
            double                  score)
{
  const Palette *palette = style_is_dark (style) ? &dark_palette : &light_palette;

  if (score < 50)
    return palette->bad;
  if (score < 80)
    return palette->warning;
  return palette->good;
}

static double
clamp_score (double score)
{
  if (isnan (score))
    return 0;
  return CLAMP (score, 0, 100);
}

static PangoLayout *
create_layout (cairo_t                *cr,
               const PfRiskChartStyle *style,
               PangoWeight             weight,
               double                  scale)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoContext *context = pango_layout_get_context (layout);
  PangoFontDescription *font;
  cairo_font_options_t *options;

  /* Unhinted metrics: the same layout on screen, in the PDF and the SVG. */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_layout_context_changed (layout);

  font = pango_font_description_from_string (style->font_family ? style->font_family : "Sans");
  pango_font_description_set_absolute_size (font, MAX (style->font_size, 1) * scale * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  return layout;
}

static void
set_source (cairo_t      *cr,
            const double *rgba)
{
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3]);
}

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* Draws @text with its horizontal anchor at @x (0 left, 0.5 centre, 1 right)
 * and its logical box centred on @y. */
static void
show_text (cairo_t     *cr,
           PangoLayout *layout,
           const char  *text,
           double       x,
           double       y,
           double       align)
{
  PangoRectangle logical;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  cairo_move_to (cr,
                 x - align * logical.width / (double)PANGO_SCALE,
                 y - logical.height / (double)PANGO_SCALE / 2);
  pango_cairo_show_layout (cr, layout);
}

double
pf_risk_chart_get_height (double                  width,
                          const PfRiskChartStyle *style)
{
  double size;

  g_return_val_if_fail (style != NULL, 0);

  size = MAX (style->font_size, 1);

  return ceil (size * (PF_N_CAUSES * ROW_HEIGHT + AXIS_HEIGHT));
}

/**
 * pf_risk_chart_draw:
 * @scores: PF_N_CAUSES scores, 0–100, in the order of #PfCause
 *
 * Draws the chart into the rectangle (0, 0, @width, @height) of @cr; the
 * rows share the height that is not the axis'. Draws no background.
 */
void
pf_risk_chart_draw (cairo_t                *cr,
                    double                  width,
                    double                  height,
                    const double           *scores,
                    const PfRiskChartStyle *style)
{
  g_autoptr(PangoLayout) label_layout = NULL;
  g_autoptr(PangoLayout) figure_layout = NULL;
  g_autoptr(PangoLayout) axis_layout = NULL;
  double size, row_height, thickness, label_width = 0, track_x, track_width;
  double rows_height;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (scores != NULL);
  g_return_if_fail (style != NULL);

  if (width <= 0 || height <= 0)
    return;

  size = MAX (style->font_size, 1);
  cairo_save (cr);

  label_layout = create_layout (cr, style, PANGO_WEIGHT_NORMAL, 1.0);
  figure_layout = create_layout (cr, style, PANGO_WEIGHT_BOLD, 1.0);
  axis_layout = create_layout (cr, style, PANGO_WEIGHT_NORMAL, 0.85);

  /* The label column fits the longest name, within bounds: a long
   * translation is ellipsized rather than squeezing the bars. */
  for (guint i = 0; i < PF_N_CAUSES; i++)
    {
      PangoRectangle logical;

      pango_layout_set_text (label_layout, pf_cause_get_title (i), -1);
      pango_layout_get_extents (label_layout, NULL, &logical);
      label_width = MAX (label_width, logical.width / (double)PANGO_SCALE);
    }
  label_width = CLAMP (label_width, width * MIN_LABEL_SHARE, width * MAX_LABEL_SHARE);
  pango_layout_set_width (label_layout, label_width * PANGO_SCALE);
  pango_layout_set_ellipsize (label_layout, PANGO_ELLIPSIZE_END);

  track_x = label_width + LABEL_GAP * size;
  track_width = width - track_x - FIGURE_RESERVE * size;
  rows_height = MAX (height - AXIS_HEIGHT * size, size);
  row_height = rows_height / PF_N_CAUSES;
  thickness = MIN (BAR_THICKNESS * size, row_height * 0.7);

  if (track_width < size)
    {
      cairo_restore (cr);
      return;
    }

  /* The tracks, the empty part of each bar. */
  set_source (cr, style->track);
  for (guint i = 0; i < PF_N_CAUSES; i++)
    {
      double y = i * row_height + (row_height - thickness) / 2;

      rounded_rectangle (cr, track_x, y, track_width, thickness, thickness * 0.2);
    }
  cairo_fill (cr);

  /* Grid lines every 25 across the rows: stronger at 0, 50 and 100. */
  for (guint step = 0; step <= 4; step++)
    {
      double x = track_x + track_width * step / 4.0;
      double alpha = step % 2 == 0 ? 0.55 : 0.25;
      char figure[8];

      x = floor (x) + 0.5 * MIN (1, size / 9.0);
      cairo_set_source_rgba (cr, style->muted[0], style->muted[1], style->muted[2], style->muted[3] * alpha);
      cairo_set_line_width (cr, MAX (0.5, size / 14.0));
      cairo_move_to (cr, x, 0);
      cairo_line_to (cr, x, rows_height + size * 0.25);
      cairo_stroke (cr);

      g_snprintf (figure, sizeof figure, "%u", step * 25);
      set_source (cr, style->muted);
      show_text (cr, axis_layout, figure, x, rows_height + AXIS_HEIGHT * size * 0.55, 0.5);
    }

  for (guint i = 0; i < PF_N_CAUSES; i++)
    {
      double score = clamp_score (scores[i]);
      double middle = i * row_height + row_height / 2;
      double y = middle - thickness / 2;
      double length = track_width * score / 100.0;
      char figure[8];

      set_source (cr, style->foreground);
      show_text (cr, label_layout, pf_cause_get_title (i), 0, middle, 0);

      if (length > 0)
        {
          const double *color = band_color (style, score);

          cairo_set_source_rgb (cr, color[0], color[1], color[2]);
          rounded_rectangle (cr, track_x, y, MAX (length, thickness * 0.4), thickness, thickness * 0.2);
          cairo_fill (cr);
        }

      g_snprintf (figure, sizeof figure, "%.0f", floor (score + 0.5));
      set_source (cr, style->foreground);
      show_text (cr, figure_layout, figure, track_x + length + FIGURE_GAP * size, middle, 0);
    }

  cairo_restore (cr);
}

static cairo_status_t
append_to_string (void                *user_data,
                  const unsigned char *data,
                  unsigned int         length)
{
  g_string_append_len (user_data, (const char *)data, length);

  return CAIRO_STATUS_SUCCESS;
}

/**
 * pf_risk_chart_to_svg:
 * @width: in CSS pixels; the height is pf_risk_chart_get_height()
 *
 * Returns: (transfer full): an SVG document (with its XML declaration), or
 *   %NULL if cairo failed
 */
char *
pf_risk_chart_to_svg (const double           *scores,
                      double                  width,
                      const PfRiskChartStyle *style)
{
  g_autoptr(GString) svg = g_string_new (NULL);
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double height;

  g_return_val_if_fail (scores != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);
  g_return_val_if_fail (width > 0, NULL);

  height = pf_risk_chart_get_height (width, style);
  surface = cairo_svg_surface_create_for_stream (append_to_string, svg, width, height);
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
  cr = cairo_create (surface);
  pf_risk_chart_draw (cr, width, height, scores, style);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    return NULL;

  return g_string_free (g_steal_pointer (&svg), FALSE);
}
