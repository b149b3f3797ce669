/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pf-report.h"

/* The report for tools: the JSON tree pf_report_new() built
 * (data/report-schema.json, described in data/report-format.md),
 * pretty-printed with two spaces, members in the order they were added. */

/**
 * pf_report_render_json:
 *
 * Returns: (transfer full): the report as UTF-8 JSON, ending in a newline
 */
GBytes *
pf_report_render_json (const PfReport  *report,
                       GError         **error)
{
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(GString) out = NULL;
  gsize length;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (report->json != NULL, NULL);

  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_indent_char (generator, ' ');
  json_generator_set_root (generator, report->json);

  out = g_string_sized_new (64 * 1024);
  json_generator_to_gstring (generator, out);
  g_string_append_c (out, '\n');

  length = out->len;
  return g_bytes_new_take (g_string_free (g_steal_pointer (&out), FALSE), length);
}
