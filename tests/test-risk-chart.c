/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <unistd.h>
#include <cairo-pdf.h>
#include <string.h>

#include "pf-risk-chart.h"

/* Set PF_TEST_CHART_DIR to a directory to keep the drawings as PNG files. */
static void
maybe_write_png (cairo_surface_t *surface,
                 const char      *name)
{
  const char *dir = g_getenv ("PF_TEST_CHART_DIR");
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;

  path = g_build_filename (dir, name, NULL);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
}

static cairo_surface_t *
draw_chart (const double           *scores,
            const PfRiskChartStyle *style,
            int                     width,
            const double           *background)
{
  int height = (int)pf_risk_chart_get_height (width, style);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, background[0], background[1], background[2]);
  cairo_paint (cr);
  pf_risk_chart_draw (cr, width, height, scores, style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

/* Whether a pixel is saturated: a bar, not text, grid or track (all grey). */
static gboolean
is_colored (guint32 pixel)
{
  int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

  return MAX (r, MAX (g, b)) - MIN (r, MIN (g, b)) > 60;
}

/* Returns: the coloured pixels in the pixel row through the middle of the
 * bar of @cause; the bar's colour in @color */
static guint
count_bar_pixels (cairo_surface_t *surface,
                  PfCause          cause,
                  double           axis_share,
                  guint32         *color)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data = cairo_image_surface_get_data (surface);
  double rows_height = height - axis_share;
  int y = (int)(rows_height / PF_N_CAUSES * (cause + 0.5));
  const guint32 *row = (const guint32 *)(data + y * stride);
  guint n = 0;

  for (int x = 0; x < width; x++)
    if (is_colored (row[x]))
      {
        /* A few pixels in: past the antialiased rounded end. */
        if (++n == 4 && color != NULL)
          *color = row[x] & 0xffffff;
      }

  return n;
}

static void
test_chart_bars (void)
{
  const double scores[PF_N_CAUSES] = { 100, 20, 50, 0, 79, 85 };
  const double white[3] = { 1, 1, 1 };
  PfRiskChartStyle style;
  cairo_surface_t *surface;
  guint32 c100 = 0, c20 = 0, c50 = 0, c79 = 0, c85 = 0;
  guint n100, n20, n50, n0, n79;
  double axis;

  pf_risk_chart_style_init_print (&style);
  style.font_size = 13;
  axis = 1.9 * style.font_size;
  surface = draw_chart (scores, &style, 640, white);
  maybe_write_png (surface, "risk-chart-light.png");

  g_assert_cmpint (cairo_image_surface_get_height (surface), >, 6 * style.font_size * 2);

  n100 = count_bar_pixels (surface, 0, axis, &c100);
  n20 = count_bar_pixels (surface, 1, axis, &c20);
  n50 = count_bar_pixels (surface, 2, axis, &c50);
  n0 = count_bar_pixels (surface, 3, axis, NULL);
  n79 = count_bar_pixels (surface, 4, axis, &c79);
  count_bar_pixels (surface, 5, axis, &c85);

  /* The bars are proportional to the scores (within antialiasing). */
  g_assert_cmpuint (n100, >, 4 * n20);
  g_assert_cmpuint (n0, ==, 0);
  g_assert_cmpuint (2 * n50, >, 5 * n20 - 12);
  g_assert_cmpuint (2 * n50, <, 5 * n20 + 12);
  g_assert_cmpuint (n100, >, 2 * n50 - 6);
  g_assert_cmpuint (n79, >, n50);

  /* Coloured by band: red under 50, amber under 80, green above. */
  g_assert_cmphex (c20, !=, c50);
  g_assert_cmphex (c50, ==, c79);
  g_assert_cmphex (c100, ==, c85);
  g_assert_cmphex (c20, !=, c100);
  g_assert_cmpint ((c20 >> 16) & 0xff, >, c20 & 0xff);          /* red */
  g_assert_cmpint ((c100 >> 8) & 0xff, >, (c100 >> 16) & 0xff); /* green */

  cairo_surface_destroy (surface);
}

static void
test_chart_dark (void)
{
  const double scores[PF_N_CAUSES] = { 30, 60, 90, 100, 45, 75 };
  const double dark[3] = { 0.14, 0.14, 0.16 };
  const double white[3] = { 1, 1, 1 };
  PfRiskChartStyle light_style, dark_style;
  cairo_surface_t *light_surface, *dark_surface;
  guint32 light_color = 0, dark_color = 0;
  double axis;

  pf_risk_chart_style_init_print (&light_style);
  pf_risk_chart_style_init_dark (&dark_style);
  light_style.font_size = dark_style.font_size = 13;
  axis = 1.9 * dark_style.font_size;

  dark_surface = draw_chart (scores, &dark_style, 640, dark);
  light_surface = draw_chart (scores, &light_style, 640, white);
  maybe_write_png (dark_surface, "risk-chart-dark.png");

  /* The same geometry, lighter tones on the dark background. */
  g_assert_cmpuint (count_bar_pixels (dark_surface, 3, axis, &dark_color), ==,
                    count_bar_pixels (light_surface, 3, axis, &light_color));
  g_assert_cmpint ((dark_color >> 8) & 0xff, >, (light_color >> 8) & 0xff);

  cairo_surface_destroy (dark_surface);
  cairo_surface_destroy (light_surface);
}

static void
test_chart_narrow (void)
{
  const double scores[PF_N_CAUSES] = { -5, 150, NAN, 50, 50, 50 };
  const double white[3] = { 1, 1, 1 };
  PfRiskChartStyle style;
  cairo_surface_t *surface;

  /* Out-of-range scores are clamped, a tiny width draws what fits. */
  pf_risk_chart_style_init_print (&style);
  surface = draw_chart (scores, &style, 30, white);
  cairo_surface_destroy (surface);
  surface = draw_chart (scores, &style, 400, white);
  g_assert_cmpuint (count_bar_pixels (surface, 0, 1.9 * style.font_size, NULL), ==, 0);
  g_assert_cmpuint (count_bar_pixels (surface, 1, 1.9 * style.font_size, NULL), >,
                    count_bar_pixels (surface, 3, 1.9 * style.font_size, NULL));
  cairo_surface_destroy (surface);
}

static void
test_chart_svg (void)
{
  const double scores[PF_N_CAUSES] = { 10, 20, 30, 40, 50, 60 };
  PfRiskChartStyle style;
  g_autofree char *svg = NULL;

  pf_risk_chart_style_init_print (&style);
  svg = pf_risk_chart_to_svg (scores, 640, &style);
  g_assert_nonnull (svg);
  g_assert_nonnull (strstr (svg, "<svg"));
  g_assert_nonnull (strstr (svg, "viewBox"));
  g_assert_nonnull (strstr (svg, "</svg>"));
  g_assert_null (strstr (svg, "<image"));
  g_assert_null (strstr (svg, "<script"));
}

static cairo_status_t
append_to_bytes (void                *user_data,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (user_data, data, length);

  return CAIRO_STATUS_SUCCESS;
}

/* In a PDF the labels and figures stay text: pdftotext finds them. */
static void
test_chart_pdf_text (void)
{
  const double scores[PF_N_CAUSES] = { 100, 20, 50, 0, 79, 85 };
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { NULL, "-layout", NULL, "-", NULL };
  PfRiskChartStyle style;
  cairo_surface_t *surface;
  cairo_t *cr;
  int fd, wait_status;

  pf_risk_chart_style_init_print (&style);
  surface = cairo_pdf_surface_create_for_stream (append_to_bytes, pdf, 400, pf_risk_chart_get_height (400, &style));
  cr = cairo_create (surface);
  pf_risk_chart_draw (cr, 400, pf_risk_chart_get_height (400, &style), scores, &style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (pdf->len, >, 1000);

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }

  fd = g_file_open_tmp ("risk-chart-XXXXXX.pdf", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, (const char *)pdf->data, pdf->len, &error));
  argv[0] = pdftotext;
  argv[2] = path;
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &text, NULL, &wait_status, &error));
  g_assert_no_error (error);
  g_unlink (path);

  g_assert_nonnull (strstr (text, pf_cause_get_title (PF_CAUSE_DATA_LEAKAGE)));
  g_assert_nonnull (strstr (text, pf_cause_get_title (PF_CAUSE_REAL_WORLD)));
  g_assert_nonnull (strstr (text, "79"));
  g_assert_nonnull (strstr (text, "100"));
}

static gpointer
draw_in_thread (gpointer data)
{
  const double scores[PF_N_CAUSES] = { 10, 20, 30, 40, 50, 60 };
  PfRiskChartStyle style;

  pf_risk_chart_style_init_print (&style);
  for (guint i = 0; i < 20; i++)
    g_free (pf_risk_chart_to_svg (scores, 480, &style));

  return GUINT_TO_POINTER (TRUE);
}

static void
test_chart_threads (void)
{
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("chart", draw_in_thread, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_true (GPOINTER_TO_UINT (g_thread_join (threads[i])));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/risk-chart/bars", test_chart_bars);
  g_test_add_func ("/risk-chart/dark", test_chart_dark);
  g_test_add_func ("/risk-chart/narrow", test_chart_narrow);
  g_test_add_func ("/risk-chart/svg", test_chart_svg);
  g_test_add_func ("/risk-chart/pdf-text", test_chart_pdf_text);
  g_test_add_func ("/risk-chart/threads", test_chart_threads);

  return g_test_run ();
}
