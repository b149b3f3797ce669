/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "pf-cause.h"

G_BEGIN_DECLS

/* The risk profile: the readiness score (0–100) of each of the six causes
 * of DESIGN.md §2, drawn with cairo and pango. One drawing for the
 * Overview page, the PDF (vector) and the HTML report (SVG).
 *
 * A bar is red below 50, amber below 80, green from 80; a light foreground
 * (a dark background) selects lighter tones of the three. */

typedef struct
{
  double      foreground[4];  /* labels, RGBA */
  double      muted[4];       /* grid lines and axis figures */
  double      track[4];       /* the empty part of a bar */
  const char *font_family;    /* e.g. "Cantarell", "Sans" */
  double      font_size;      /* in the surface's units, e.g. points */
} PfRiskChartStyle;

void   pf_risk_chart_style_init_print (PfRiskChartStyle *style);
void   pf_risk_chart_style_init_dark  (PfRiskChartStyle *style);
void   pf_risk_chart_draw             (cairo_t                *cr,
                                       double                  width,
                                       double                  height,
                                       const double           *scores,
                                       const PfRiskChartStyle *style);
double pf_risk_chart_get_height       (double                  width,
                                       const PfRiskChartStyle *style);
char  *pf_risk_chart_to_svg           (const double           *scores,
                                       double                  width,
                                       const PfRiskChartStyle *style);

G_END_DECLS
