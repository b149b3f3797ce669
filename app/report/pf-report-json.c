/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pf-json.h"
#include "pf-report.h"

/* The report for tools: the JSON tree pf_report_new() built
 * (data/report-schema.json, described in data/report-format.md),
 * pretty-printed with two spaces, members in the order they were added.
 *
 * Written the way project files are (pf_json_append_pretty()), not with
 * JsonGenerator: json-glib 1.6 writes U+001F unescaped, which is not JSON,
 * and a report must survive whatever text the user typed. */

/**
 * pf_report_render_json:
 *
 * Returns: (transfer full): the report as UTF-8 JSON, ending in a newline
 */
GBytes *
pf_report_render_json (const PfReport  *report,
                       GError         **error)
{
  GString *out;
  gsize length;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (report->json != NULL, NULL);

  out = g_string_sized_new (64 * 1024);
  pf_json_append_pretty (out, report->json);

  length = out->len;
  return g_bytes_new_take (g_string_free (out, FALSE), length);
}
