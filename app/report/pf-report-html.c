/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pf-report.h"

/* TODO(issue 5): being written. */
GBytes *
pf_report_render_html (const PfReport  *report,
     GError         **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "not written yet");
  return NULL;
}
