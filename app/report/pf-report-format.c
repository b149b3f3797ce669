/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pf-report.h"

/* The report's formats and paper sizes, by name and file extension, and
 * the one entry point that renders any of them. */

static const struct
{
  const char *name;
  const char *extensions[3];
  const char *title;
} formats[] = {
  [PF_REPORT_PDF] = { "pdf", { "pdf", NULL }, N_("PDF") },
  [PF_REPORT_HTML] = { "html", { "html", "htm", NULL }, N_("HTML") },
  [PF_REPORT_MARKDOWN] = { "md", { "md", "markdown", NULL }, N_("Markdown") },
  [PF_REPORT_JSON] = { "json", { "json", NULL }, N_("JSON") },
};

gboolean
pf_report_format_from_string (const char     *text,
                              PfReportFormat *format)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (formats); i++)
    {
      if (g_ascii_strcasecmp (text, formats[i].name) == 0 ||
          (i == PF_REPORT_MARKDOWN && g_ascii_strcasecmp (text, "markdown") == 0))
        {
          *format = i;
          return TRUE;
        }
    }

  return FALSE;
}

gboolean
pf_report_format_from_filename (const char     *filename,
                                PfReportFormat *format)
{
  const char *dot;

  g_return_val_if_fail (filename != NULL, FALSE);

  dot = strrchr (filename, '.');
  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      for (guint j = 0; formats[i].extensions[j] != NULL; j++)
        {
          if (g_ascii_strcasecmp (dot + 1, formats[i].extensions[j]) == 0)
            {
              *format = i;
              return TRUE;
            }
        }
    }

  return FALSE;
}

const char *
pf_report_format_get_extension (PfReportFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), NULL);

  return formats[format].extensions[0];
}

const char *
pf_report_format_get_title (PfReportFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), NULL);

  return _(formats[format].title);
}

gboolean
pf_paper_from_string (const char *text,
                      PfPaper    *paper)
{
  if (text == NULL)
    return FALSE;

  if (g_ascii_strcasecmp (text, "a4") == 0)
    *paper = PF_PAPER_A4;
  else if (g_ascii_strcasecmp (text, "letter") == 0)
    *paper = PF_PAPER_LETTER;
  else
    return FALSE;

  return TRUE;
}

/**
 * pf_paper_get_default:
 *
 * The paper of the user's locale: Letter in the countries that use it
 * (LC_ALL, else LC_PAPER, else LANG), A4 everywhere else.
 */
PfPaper
pf_paper_get_default (void)
{
  static const char * const letter_territories[] = { "_US", "_CA", "_MX", "_PH", "_CL", "_CO", "_VE", "_PR", NULL };
  const char *names[] = { "LC_ALL", "LC_PAPER", "LANG" };
  const char *locale = NULL;

  /* LC_ALL overrides LC_PAPER, which overrides LANG. */
  for (guint i = 0; i < G_N_ELEMENTS (names) && (locale == NULL || locale[0] == '\0'); i++)
    locale = g_getenv (names[i]);

  for (guint i = 0; locale != NULL && letter_territories[i] != NULL; i++)
    {
      if (strstr (locale, letter_territories[i]) != NULL)
        return PF_PAPER_LETTER;
    }

  return PF_PAPER_A4;
}

/**
 * pf_report_render:
 *
 * Renders @report in @format. Thread-safe: @report is only read.
 *
 * Returns: (transfer full): the file's bytes, or %NULL with @error set
 */
GBytes *
pf_report_render (const PfReport  *report,
                  PfReportFormat   format,
                  PfPaper          paper,
                  GCancellable    *cancellable,
                  GError         **error)
{
  g_return_val_if_fail (report != NULL, NULL);

  switch (format)
    {
    case PF_REPORT_PDF:
      return pf_report_render_pdf (report, paper, cancellable, error);
    case PF_REPORT_HTML:
      return pf_report_render_html (report, error);
    case PF_REPORT_MARKDOWN:
      return pf_report_render_markdown (report, error);
    case PF_REPORT_JSON:
      return pf_report_render_json (report, error);
    default:
      g_return_val_if_reached (NULL);
    }
}
