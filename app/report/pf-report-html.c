/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pf-report.h"
#include "pf-risk-chart.h"

/* The HTML report: one self-contained HTML5 file — inline CSS, the risk
 * chart as inline SVG, no script, no external resource — that reads well
 * on screen (light and dark) and prints well (a page per section, table
 * headers repeated).
 *
 * Every text of the model goes through append_text(): the five HTML
 * special characters are escaped and control characters dropped, so no
 * user-written text can become markup. */

#define CHART_WIDTH     640
#define CHART_FONT_SIZE 13

static const char stylesheet[] =
  ":root{color-scheme:light dark;--fg:#1e1e22;--muted:#5e5e66;--bg:#fff;--card:#f6f6f7;"
  "--line:#dcdce0;--accent:#1c5fb0;--bad:#b3262a;--bad-bg:#fbeaea;--warn:#8a5a00;"
  "--warn-bg:#fdf3e0;--good:#237547;--good-bg:#e7f4ec;--neutral-bg:#ececef}\n"
  "@media (prefers-color-scheme:dark){:root{--fg:#ececef;--muted:#a4a4ad;--bg:#1d1d20;"
  "--card:#27272b;--line:#3c3c43;--accent:#78aeed;--bad:#ff8a87;--bad-bg:#3d2324;"
  "--warn:#f4c26b;--warn-bg:#3a3020;--good:#7dd59c;--good-bg:#1f3528;--neutral-bg:#2e2e33}}\n"
  "*{box-sizing:border-box}\n"
  "html{background:var(--bg);color:var(--fg);font-size:15px}\n"
  "body{margin:0 auto;max-width:56rem;padding:2.5rem 2rem 4rem;font:1rem/1.55 Cantarell,"
  "\"Noto Sans\",\"Segoe UI\",system-ui,-apple-system,Roboto,\"Helvetica Neue\",Arial,sans-serif;"
  "overflow-wrap:anywhere;word-break:normal}\n"
  "p,li,dd,td,th,h1,h2,h3,h4,figcaption{unicode-bidi:plaintext}\n"
  "a{color:var(--accent)}\n"
  "code,.mono{font-family:\"Source Code Pro\",\"DejaVu Sans Mono\",Menlo,Consolas,monospace;"
  "font-size:.9em}\n"
  ".cover{border-bottom:1px solid var(--line);padding-bottom:1.75rem;margin-bottom:2rem}\n"
  ".kicker{margin:0;text-transform:uppercase;letter-spacing:.08em;font-size:.8rem;"
  "font-weight:600;color:var(--muted)}\n"
  ".cover h1{font-size:2.1rem;line-height:1.2;margin:.3rem 0 .5rem}\n"
  ".description{margin:0 0 1.25rem;color:var(--muted);font-size:1.05rem}\n"
  ".verdict{display:flex;gap:1.25rem;align-items:center;border-radius:10px;padding:1.1rem 1.4rem;"
  "margin:1.25rem 0;border-left:6px solid;background:var(--neutral-bg)}\n"
  ".verdict .badge{flex:none;font-weight:800;font-size:1.25rem;letter-spacing:.04em;"
  "text-transform:uppercase;padding:.35rem .9rem;border-radius:6px;color:#fff}\n"
  ".verdict p{margin:0;font-size:1.05rem}\n"
  ".verdict-not-ready{border-color:var(--bad);background:var(--bad-bg)}\n"
  ".verdict-not-ready .badge{background:#b3262a}\n"
  ".verdict-conditions{border-color:var(--warn);background:var(--warn-bg)}\n"
  ".verdict-conditions .badge{background:#9a6200}\n"
  ".verdict-ready{border-color:var(--good);background:var(--good-bg)}\n"
  ".verdict-ready .badge{background:#237547}\n"
  ".meta{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1.25rem;margin:0}\n"
  ".meta dt{color:var(--muted)}\n"
  ".meta dd{margin:0}\n"
  ".anchor code{font-size:.85em;background:var(--card);padding:.1rem .35rem;border-radius:4px}\n"
  ".anchor-note{margin:.9rem 0 0;font-size:.85rem;color:var(--muted)}\n"
  ".toc{background:var(--card);border-radius:10px;padding:1rem 1.5rem;margin:0 0 2.5rem}\n"
  ".toc h2{font-size:1rem;margin:0 0 .4rem;border:0;padding:0}\n"
  ".toc ol{margin:0;padding-left:1.4rem;columns:2 16rem}\n"
  ".toc li{margin:.15rem 0}\n"
  "main h2{font-size:1.5rem;line-height:1.25;margin:2.75rem 0 .9rem;padding-bottom:.3rem;"
  "border-bottom:2px solid var(--line)}\n"
  "main h3{font-size:1.2rem;margin:1.9rem 0 .6rem}\n"
  "main h4{font-size:1rem;margin:1.4rem 0 .5rem}\n"
  "p{margin:.6rem 0}\n"
  ".tone-bad{color:var(--bad)}\n"
  ".tone-warning{color:var(--warn)}\n"
  ".tone-good{color:var(--good)}\n"
  ".tone-muted{color:var(--muted)}\n"
  "p.tone-bad,p.tone-warning,p.tone-good{font-weight:600}\n"
  ".items{list-style:none;padding:0;margin:.6rem 0}\n"
  ".items li{position:relative;padding:.45rem .75rem .45rem 1.6rem;border-radius:6px;"
  "margin:.3rem 0}\n"
  ".items li::before{content:\"\";position:absolute;left:.6rem;top:1.05em;width:.45rem;height:.45rem;"
  "border-radius:50%;background:var(--muted)}\n"
  ".items li.tone-bad{background:var(--bad-bg)}\n"
  ".items li.tone-warning{background:var(--warn-bg)}\n"
  ".items li.tone-good{background:var(--good-bg)}\n"
  ".items li.tone-bad::before{background:var(--bad)}\n"
  ".items li.tone-warning::before{background:var(--warn)}\n"
  ".items li.tone-good::before{background:var(--good)}\n"
  ".items li .text{color:var(--fg);font-weight:600}\n"
  ".note{display:block;color:var(--muted);font-size:.88em;font-weight:400;margin-top:.15rem}\n"
  ".fields{margin:.6rem 0}\n"
  ".field{padding:.55rem 0 .6rem;border-bottom:1px solid var(--line)}\n"
  ".field dt{font-weight:600}\n"
  ".field dd{margin:.15rem 0 0}\n"
  ".field.tone-good,.field.tone-warning,.field.tone-bad{color:var(--fg)}\n"
  ".field.tone-muted dd{color:var(--muted);font-style:italic}\n"
  ".field.tone-bad dt::after,.field.tone-warning dt::after,.field.tone-good dt::after{"
  "content:\"\";display:inline-block;width:.5rem;height:.5rem;border-radius:50%;margin-left:.5rem;"
  "vertical-align:middle}\n"
  ".field.tone-bad dt::after{background:var(--bad)}\n"
  ".field.tone-warning dt::after{background:var(--warn)}\n"
  ".field.tone-good dt::after{background:var(--good)}\n"
  "table{width:100%;border-collapse:collapse;table-layout:fixed;margin:.75rem 0 1.25rem;"
  "font-size:.9rem}\n"
  "caption{text-align:left;font-weight:600;padding:0 0 .4rem}\n"
  "th{text-align:left;font-weight:600;color:var(--muted);border-bottom:2px solid var(--line);"
  "padding:.45rem .6rem;vertical-align:bottom}\n"
  "td{border-bottom:1px solid var(--line);padding:.45rem .6rem;vertical-align:top}\n"
  "tbody tr:nth-child(even) td{background:var(--card)}\n"
  "td.tone-bad,td.tone-warning,td.tone-good{font-weight:600}\n"
  "td.empty{color:var(--muted);font-style:italic}\n"
  ".chart{margin:1rem 0 1.5rem}\n"
  ".chart svg{display:block;width:100%;max-width:44rem;height:auto}\n"
  ".chart .dark{display:none}\n"
  "@media (prefers-color-scheme:dark){.chart .light{display:none}.chart .dark{display:block}}\n"
  ".chart figcaption{font-size:.85rem;color:var(--muted);margin-top:.5rem}\n"
  ".chart .scores{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}\n"
  "footer{margin-top:3rem;padding-top:1rem;border-top:1px solid var(--line);font-size:.8rem;"
  "color:var(--muted)}\n"
  "@page{margin:18mm 16mm 20mm;@bottom-right{content:counter(page) \" / \" counter(pages);"
  "font:9pt sans-serif;color:#666}}\n"
  "@media print{:root{--fg:#1e1e22;--muted:#55555c;--bg:#fff;--card:#f4f4f5;--line:#d6d6da;"
  "--bad:#a3191d;--warn:#7a4f00;--good:#1d6a3e}"
  "html,body{background:#fff}"
  "html{font-size:10pt}body{max-width:none;padding:0}"
  "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}"
  ".chart .light{display:block!important}.chart .dark{display:none!important}"
  ".toc{break-inside:avoid}"
  ".toc a{color:inherit;text-decoration:none}"
  "main h2{break-before:page;margin-top:0}"
  "h2,h3,h4,caption{break-after:avoid}"
  "tr,.field,.items li,.verdict,figure,.meta{break-inside:avoid}"
  "thead{display:table-header-group}"
  "tbody tr:nth-child(even) td{background:none}"
  "footer{break-before:avoid}}\n";

/* Appends @text with & < > " ' escaped and control characters other than
 * tab and newline dropped (newlines become <br> with @breaks). Invalid
 * UTF-8 is replaced, so the file always is valid UTF-8. */
static void
append_text (GString    *out,
             const char *text,
             gboolean    breaks)
{
  g_autofree char *valid = NULL;

  if (text == NULL)
    return;

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  for (const char *p = text; *p != '\0';)
    {
      const char *run = p;
      gunichar c;

      /* Copy the plain run in one go: most text needs no escaping. */
      while (*p != '\0' && (guchar)*p >= 0x20 && *p != '&' && *p != '<' && *p != '>' &&
             *p != '"' && *p != '\'' && *p != 0x7f && (guchar)*p != 0xc2)
        p++;
      if (p > run)
        g_string_append_len (out, run, p - run);
      if (*p == '\0')
        break;

      c = g_utf8_get_char (p);
      switch (c)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\'': g_string_append (out, "&#39;"); break;
        case '\t': g_string_append_c (out, '\t'); break;
        case '\n': g_string_append (out, breaks ? "<br>\n" : "\n"); break;
        default:
          /* C0, DEL and C1 controls are dropped; other U+0080… pass. */
          if (c >= 0x20 && c != 0x7f && !(c >= 0x80 && c <= 0x9f))
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
          break;
        }
      p = g_utf8_next_char (p);
    }
}

static const char *
tone_class (PfTone tone)
{
  switch (tone)
    {
    case PF_TONE_GOOD:
      return "tone-good";
    case PF_TONE_WARNING:
      return "tone-warning";
    case PF_TONE_BAD:
      return "tone-bad";
    case PF_TONE_MUTED:
      return "tone-muted";
    case PF_TONE_NONE:
    default:
      return NULL;
    }
}

/* Appends ' class="…"' for @tone (and @extra), or nothing. */
static void
append_class (GString    *out,
              const char *extra,
              PfTone      tone)
{
  const char *tone_name = tone_class (tone);

  if (extra == NULL && tone_name == NULL)
    return;

  g_string_append (out, " class=\"");
  if (extra != NULL)
    g_string_append (out, extra);
  if (extra != NULL && tone_name != NULL)
    g_string_append_c (out, ' ');
  if (tone_name != NULL)
    g_string_append (out, tone_name);
  g_string_append_c (out, '"');
}

/* The language of the user's messages as a BCP 47 tag: "de_CH.UTF-8" → "de-CH". */
static char *
dup_language_tag (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = names[i];
      GString *tag;

      if (g_str_equal (name, "C") || g_str_has_prefix (name, "C.") ||
          g_str_equal (name, "POSIX") || g_str_has_prefix (name, "POSIX.") ||
          !g_ascii_isalpha (name[0]))
        continue;

      tag = g_string_new (NULL);
      for (const char *p = name; *p != '\0' && *p != '.' && *p != '@'; p++)
        {
          if (*p == '_')
            g_string_append_c (tag, '-');
          else if (g_ascii_isalnum (*p))
            g_string_append_c (tag, *p);
          else
            break;
        }
      if (tag->len > 0)
        return g_string_free (tag, FALSE);
      g_string_free (tag, TRUE);
    }

  return g_strdup ("en");
}

/* A heading's id: its anchor reduced to [A-Za-z0-9_-], unique in the file. */
static char *
dup_unique_id (GHashTable *ids,
               const char *anchor,
               guint       index)
{
  g_autoptr(GString) id = g_string_new (NULL);
  g_autofree char *base = NULL;

  for (const char *p = anchor; p != NULL && *p != '\0'; p++)
    g_string_append_c (id, g_ascii_isalnum (*p) || *p == '-' || *p == '_' ? *p : '-');
  /* Ids of the cover and of the chart's glyphs are taken. */
  if (id->len == 0 || !g_ascii_isalpha (id->str[0]) || g_str_has_prefix (id->str, "pf-"))
    g_string_printf (id, "section-%u", index);

  base = g_strdup (id->str);
  for (guint n = 2; g_hash_table_contains (ids, id->str); n++)
    g_string_printf (id, "%s-%u", base, n);

  g_hash_table_add (ids, g_strdup (id->str));

  return g_string_free (g_steal_pointer (&id), FALSE);
}

/* Appends the chart's SVG inline: without its XML declaration, with ids
 * prefixed by @prefix so that two drawings in one file never share one. */
static gboolean
append_svg (GString                *out,
            const PfReport         *report,
            const PfRiskChartStyle *style,
            const char             *prefix,
            const char             *css_class,
            const char             *label)
{
  g_autofree char *svg = pf_risk_chart_to_svg (report->scores, CHART_WIDTH, style);
  gboolean surfaces_referenced;
  const char *p, *id, *ref, *url;

  if (svg == NULL || (p = strstr (svg, "<svg")) == NULL)
    return FALSE;

  surfaces_referenced = strstr (svg, "#surface") != NULL;

  g_string_append_printf (out, "<svg class=\"%s\" role=\"img\" aria-label=\"", css_class);
  append_text (out, label, FALSE);
  g_string_append_c (out, '"');
  p += strlen ("<svg");

  /* The HTML parser knows the SVG namespaces: the file references no URL. */
  {
    const char *end = strchr (p, '>');

    while (end != NULL)
      {
        const char *xmlns = g_strstr_len (p, end - p, " xmlns");
        const char *value = xmlns != NULL ? strchr (xmlns, '"') : NULL;
        const char *value_end = value != NULL ? strchr (value + 1, '"') : NULL;

        if (value_end == NULL || value_end > end)
          break;
        g_string_append_len (out, p, xmlns - p);
        p = value_end + 1;
      }
  }

  /* Copy, renaming id="x" to id="prefix-x" and references #x to #prefix-x.
   * Each pattern's next match is looked up again only once passed. */
  id = strstr (p, "id=\"");
  ref = strstr (p, "href=\"#");
  url = strstr (p, "url(#");
  while (*p != '\0')
    {
      const char *next = NULL;
      gsize skip = 0;

      if (id != NULL && id < p)
        id = strstr (p, "id=\"");
      if (ref != NULL && ref < p)
        ref = strstr (p, "href=\"#");
      if (url != NULL && url < p)
        url = strstr (p, "url(#");

      if (id != NULL)
        {
          next = id;
          skip = 4;
        }
      if (ref != NULL && (next == NULL || ref < next))
        {
          next = ref;
          skip = 7;
        }
      if (url != NULL && (next == NULL || url < next))
        {
          next = url;
          skip = 5;
        }
      if (next == NULL)
        {
          g_string_append (out, p);
          break;
        }

      /* "id=" only as an attribute name, not the end of e.g. "grid=" */
      if (next == id && id > svg && (g_ascii_isalnum (id[-1]) || id[-1] == '-' || id[-1] == ':'))
        {
          g_string_append_len (out, p, id + 4 - p);
          p = id + 4;
          continue;
        }

      /* cairo numbers its surfaces process-wide: an unreferenced
       * id="surfaceN" would make two renders of one report differ. */
      if (next == id && g_str_has_prefix (id + 4, "surface") && !surfaces_referenced)
        {
          const char *value_end = strchr (id + 4, '"');

          if (value_end != NULL)
            {
              g_string_append_len (out, p, id - p);
              if (out->len > 0 && out->str[out->len - 1] == ' ')
                g_string_truncate (out, out->len - 1);
              p = value_end + 1;
              continue;
            }
        }

      g_string_append_len (out, p, next + skip - p);
      g_string_append (out, prefix);
      g_string_append_c (out, '-');
      p = next + skip;
    }

  g_string_append_c (out, '\n');

  return TRUE;
}

static void
append_chart (GString        *out,
              const PfReport *report,
              guint           index)
{
  PfRiskChartStyle light, dark;
  g_autoptr(GString) label = g_string_new (NULL);
  g_autofree char *light_prefix = g_strdup_printf ("pf-chart%u", index);
  g_autofree char *dark_prefix = g_strdup_printf ("pf-chart%u-dark", index);

  pf_risk_chart_style_init_print (&light);
  pf_risk_chart_style_init_dark (&dark);
  light.font_size = dark.font_size = CHART_FONT_SIZE;
  light.font_family = dark.font_family = "Cantarell, Noto Sans, Sans";

  /* The same figures as text, for screen readers and search. */
  for (guint i = 0; i < PF_N_CAUSES; i++)
    {
      if (i > 0)
        g_string_append (label, "; ");
      /* Translators: a cause and its readiness score out of 100, e.g. "Data leakage: 40 of 100" */
      g_string_append_printf (label, _("%s: %.0f of 100"),
                              pf_cause_get_title (i), CLAMP (report->scores[i], 0, 100));
    }

  g_string_append (out, "<figure class=\"chart\">\n");
  if (!append_svg (out, report, &light, light_prefix, "light", label->str) ||
      !append_svg (out, report, &dark, dark_prefix, "dark", label->str))
    {
      g_string_append (out, "<p>");
      append_text (out, label->str, FALSE);
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "<figcaption>");
  append_text (out, _("Readiness along the six causes of failed deployments, from 0 (every check "
                      "fails) to 100 (every check passes): red below 50, amber below 80, green "
                      "from 80."), FALSE);
  g_string_append (out, "<span class=\"scores\" aria-hidden=\"true\">");
  append_text (out, label->str, FALSE);
  g_string_append (out, "</span></figcaption>\n</figure>\n");
}

static void
append_note (GString    *out,
             const char *note)
{
  if (note == NULL || note[0] == '\0')
    return;

  g_string_append (out, "<span class=\"note\">");
  append_text (out, note, TRUE);
  g_string_append (out, "</span>");
}

static void
append_list (GString             *out,
             const PfReportBlock *block)
{
  g_string_append (out, "<ul class=\"items\">\n");
  for (guint i = 0; i < block->items->len; i++)
    {
      const PfReportItem *item = g_ptr_array_index (block->items, i);

      g_string_append (out, "<li");
      append_class (out, NULL, item->tone);
      g_string_append (out, "><span class=\"text\">");
      if (item->label != NULL)
        {
          append_text (out, item->label, FALSE);
          g_string_append (out, ": ");
        }
      append_text (out, item->text, TRUE);
      g_string_append (out, "</span>");
      append_note (out, item->note);
      g_string_append (out, "</li>\n");
    }
  g_string_append (out, "</ul>\n");
}

static void
append_fields (GString             *out,
               const PfReportBlock *block)
{
  g_string_append (out, "<dl class=\"fields\">\n");
  for (guint i = 0; i < block->items->len; i++)
    {
      const PfReportItem *item = g_ptr_array_index (block->items, i);

      g_string_append (out, "<div");
      append_class (out, "field", item->tone);
      g_string_append (out, "><dt>");
      append_text (out, item->label, FALSE);
      g_string_append (out, "</dt><dd>");
      append_text (out, item->text, TRUE);
      append_note (out, item->note);
      g_string_append (out, "</dd></div>\n");
    }
  g_string_append (out, "</dl>\n");
}

static void
append_table (GString             *out,
              const PfReportBlock *block)
{
  guint n_columns = block->columns->len;

  g_string_append (out, "<table>\n");
  if (block->text != NULL && block->text[0] != '\0')
    {
      g_string_append (out, "<caption>");
      append_text (out, block->text, FALSE);
      g_string_append (out, "</caption>\n");
    }

  g_string_append (out, "<colgroup>");
  for (guint i = 0; i < n_columns; i++)
    {
      char width[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (width, sizeof width, "%.2f", block->widths[i] * 100);
      g_string_append_printf (out, "<col style=\"width:%s%%\">", width);
    }
  g_string_append (out, "</colgroup>\n<thead><tr>");
  for (guint i = 0; i < n_columns; i++)
    {
      g_string_append (out, "<th scope=\"col\">");
      append_text (out, g_ptr_array_index (block->columns, i), FALSE);
      g_string_append (out, "</th>");
    }
  g_string_append (out, "</tr></thead>\n<tbody>\n");

  for (guint r = 0; r < block->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (block->rows, r);

      g_string_append (out, "<tr>");
      for (guint i = 0; i < row->len; i++)
        {
          const PfReportText *cell = g_ptr_array_index (row, i);

          g_string_append (out, "<td");
          append_class (out, NULL, cell->tone);
          g_string_append_c (out, '>');
          append_text (out, cell->text, TRUE);
          g_string_append (out, "</td>");
        }
      g_string_append (out, "</tr>\n");
    }

  if (block->rows->len == 0)
    {
      g_string_append_printf (out, "<tr><td class=\"empty\" colspan=\"%u\">", n_columns);
      /* Translators: in a report's table without rows */
      append_text (out, _("None recorded."), FALSE);
      g_string_append (out, "</td></tr>\n");
    }

  g_string_append (out, "</tbody>\n</table>\n");
}

static const char *
verdict_class (PfVerdict verdict)
{
  switch (verdict)
    {
    case PF_VERDICT_READY:
      return "verdict-ready";
    case PF_VERDICT_READY_WITH_CONDITIONS:
      return "verdict-conditions";
    case PF_VERDICT_NOT_READY:
    default:
      return "verdict-not-ready";
    }
}

static void
append_cover (GString        *out,
              const PfReport *report)
{
  g_autofree char *date = NULL;
  g_autofree char *iso = NULL;

  g_string_append (out, "<header class=\"cover\" id=\"pf-cover\">\n<p class=\"kicker\">");
  append_text (out, _("Deployment readiness report"), FALSE);
  g_string_append (out, "</p>\n<h1>");
  append_text (out, report->title, FALSE);
  g_string_append (out, "</h1>\n");
  if (report->description != NULL && report->description[0] != '\0')
    {
      g_string_append (out, "<p class=\"description\">");
      append_text (out, report->description, TRUE);
      g_string_append (out, "</p>\n");
    }

  g_string_append_printf (out, "<div class=\"verdict %s\"><span class=\"badge\">",
                          verdict_class (report->verdict));
  append_text (out, pf_verdict_get_title (report->verdict), FALSE);
  g_string_append (out, "</span>");
  if (report->verdict_summary != NULL && report->verdict_summary[0] != '\0')
    {
      g_string_append (out, "<p>");
      append_text (out, report->verdict_summary, TRUE);
      g_string_append (out, "</p>");
    }
  g_string_append (out, "</div>\n<dl class=\"meta\">\n");

  if (report->created != NULL)
    {
      /* Translators: the report's date and time, strftime()-style; the time is in UTC */
      date = g_date_time_format (report->created, _("%Y-%m-%d %H:%M UTC"));
      iso = g_date_time_format_iso8601 (report->created);
      g_string_append (out, "<dt>");
      append_text (out, _("Date"), FALSE);
      g_string_append (out, "</dt><dd><time datetime=\"");
      append_text (out, iso, FALSE);
      g_string_append (out, "\">");
      append_text (out, date, FALSE);
      g_string_append (out, "</time></dd>\n");
    }

  if (report->author != NULL && report->author[0] != '\0')
    {
      /* Translators: who exported the report */
      g_string_append (out, "<dt>");
      append_text (out, _("Prepared by"), FALSE);
      g_string_append (out, "</dt><dd>");
      append_text (out, report->author, FALSE);
      g_string_append (out, "</dd>\n");
    }

  g_string_append (out, "<dt>");
  append_text (out, _("Audit trail"), FALSE);
  g_string_append (out, "</dt><dd");
  append_class (out, NULL, report->audit_intact ? PF_TONE_NONE : PF_TONE_BAD);
  g_string_append_c (out, '>');
  if (report->n_audit_entries == 0)
    append_text (out, _("No entries yet"), FALSE);
  else
    {
      g_autofree char *entries = NULL;

      entries = g_strdup_printf (report->audit_intact
                                 ? g_dngettext (GETTEXT_PACKAGE, "%u entry, chain intact",
                                                "%u entries, chain intact", report->n_audit_entries)
                                 : g_dngettext (GETTEXT_PACKAGE, "%u entry, chain broken",
                                                "%u entries, chain broken", report->n_audit_entries),
                                 report->n_audit_entries);
      append_text (out, entries, FALSE);
    }
  g_string_append (out, "</dd>\n");

  if (report->anchor != NULL && report->anchor[0] != '\0')
    {
      g_string_append (out, "<dt>");
      /* Translators: the audit trail's head hash, printed on the report */
      append_text (out, _("Audit anchor"), FALSE);
      g_string_append (out, "</dt><dd class=\"anchor\"><code>");
      append_text (out, report->anchor, FALSE);
      g_string_append (out, "</code></dd>\n");
    }
  g_string_append (out, "</dl>\n<p class=\"anchor-note\">");
  if (report->anchor != NULL && report->anchor[0] != '\0')
    append_text (out, _("The audit trail is tamper-evident: each entry carries the hash of the one "
                        "before, and the anchor is the hash of the newest. Changing or removing a "
                        "recorded entry breaks the chain; keep the anchor to compare the project "
                        "with this report later."), FALSE);
  else
    append_text (out, _("The project has no audit entries yet, so this report carries no anchor "
                        "to compare the project with later."), FALSE);
  if (!report->audit_intact)
    {
      g_string_append_c (out, ' ');
      g_string_append (out, "<strong class=\"tone-bad\">");
      append_text (out, _("The chain is broken: the recorded history was changed outside "
                          "Preflight, and this report cannot vouch for it."), FALSE);
      g_string_append (out, "</strong>");
    }
  g_string_append (out, "</p>\n</header>\n");
}

/* The table of contents: the level-1 headings, whose ids are in @ids. */
static void
append_contents (GString        *out,
                 const PfReport *report,
                 char          **ids)
{
  gboolean any = FALSE;

  for (guint i = 0; i < report->blocks->len; i++)
    {
      const PfReportBlock *block = g_ptr_array_index (report->blocks, i);

      if (block->kind != PF_BLOCK_HEADING || block->level != 1)
        continue;

      if (!any)
        {
          g_string_append (out, "<nav class=\"toc\" aria-labelledby=\"pf-contents\">"
                                "<h2 id=\"pf-contents\">");
          append_text (out, _("Contents"), FALSE);
          g_string_append (out, "</h2>\n<ol>\n");
          any = TRUE;
        }
      g_string_append_printf (out, "<li><a href=\"#%s\">", ids[i]);
      append_text (out, block->text, FALSE);
      g_string_append (out, "</a></li>\n");
    }

  if (any)
    g_string_append (out, "</ol>\n</nav>\n");
}

/**
 * pf_report_render_html:
 *
 * Returns: (transfer full): the report as one self-contained HTML5 file,
 *   UTF-8
 */
GBytes *
pf_report_render_html (const PfReport  *report,
                       GError         **error)
{
  g_autoptr(GHashTable) taken = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *title = NULL;
  g_auto(GStrv) ids = NULL;
  GString *out;
  guint n_charts = 0;
  gsize estimate = 32 * 1024;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Headings' ids first: the contents link to them before they appear. */
  taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ids = g_new0 (char *, report->blocks->len + 1);
  for (guint i = 0; i < report->blocks->len; i++)
    {
      const PfReportBlock *block = g_ptr_array_index (report->blocks, i);

      if (block->kind == PF_BLOCK_HEADING)
        ids[i] = dup_unique_id (taken, block->anchor, i);
      else
        ids[i] = g_strdup ("");
      if (block->kind == PF_BLOCK_TABLE)
        estimate += block->rows->len * block->columns->len * 48;
    }

  out = g_string_sized_new (estimate);
  lang = dup_language_tag ();

  g_string_append (out, "<!DOCTYPE html>\n<html lang=\"");
  append_text (out, lang, FALSE);
  g_string_append (out, "\">\n<head>\n<meta charset=\"utf-8\">\n"
                        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                        "style-src 'unsafe-inline'; img-src data:\">\n"
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                        "<meta name=\"generator\" content=\"Preflight " PACKAGE_VERSION "\">\n"
                        "<meta name=\"color-scheme\" content=\"light dark\">\n<title>");
  /* Translators: the HTML report's title (browser tab, bookmarks); %s is the project's title */
  title = g_strdup_printf (_("Readiness report: %s"), report->title ? report->title : "");
  append_text (out, title, FALSE);
  g_string_append (out, "</title>\n<style>\n");
  g_string_append (out, stylesheet);
  g_string_append (out, "</style>\n</head>\n<body>\n");

  append_cover (out, report);
  append_contents (out, report, ids);
  g_string_append (out, "<main>\n");

  for (guint i = 0; i < report->blocks->len; i++)
    {
      const PfReportBlock *block = g_ptr_array_index (report->blocks, i);

      switch (block->kind)
        {
        case PF_BLOCK_HEADING:
          {
            /* The cover's title is the h1: level 1 is an h2, which starts a
             * new page in print. */
            guint level = CLAMP (block->level, 1, 3) + 1;

            g_string_append_printf (out, "<h%u id=\"%s\">", level, ids[i]);
            append_text (out, block->text, FALSE);
            g_string_append_printf (out, "</h%u>\n", level);
          }
          break;

        case PF_BLOCK_PARAGRAPH:
          g_string_append (out, "<p");
          append_class (out, NULL, block->tone);
          g_string_append_c (out, '>');
          append_text (out, block->text, TRUE);
          g_string_append (out, "</p>\n");
          break;

        case PF_BLOCK_LIST:
          append_list (out, block);
          break;

        case PF_BLOCK_FIELDS:
          append_fields (out, block);
          break;

        case PF_BLOCK_TABLE:
          append_table (out, block);
          break;

        case PF_BLOCK_CHART:
          append_chart (out, report, n_charts++);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  g_string_append (out, "</main>\n<footer><p>");
  append_text (out, _("Made with Preflight. The report records the project's state at the date "
                      "above, as evidence for the deployment decision."), FALSE);
  g_string_append (out, "</p></footer>\n</body>\n</html>\n");

  return g_string_free_to_bytes (out);
}
