/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pf-risk-chart.h"

/* TODO(issue 5): being written. */
void
pf_risk_chart_style_init_print (PfRiskChartStyle *style)
{
  *style = (PfRiskChartStyle) { { 0, 0, 0, 1 }, { 0.4, 0.4, 0.4, 1 }, { 0.9, 0.9, 0.9, 1 }, "Sans", 9 };
}

void
pf_risk_chart_draw (cairo_t                *cr,
                    double                  width,
                    double                  height,
                    const double           *scores,
                    const PfRiskChartStyle *style)
{
}

double
pf_risk_chart_get_height (double                  width,
                          const PfRiskChartStyle *style)
{
  return 0;
}

char *
pf_risk_chart_to_svg (const double           *scores,
                      double                  width,
                      const PfRiskChartStyle *style)
{
  return g_strdup ("");
}
