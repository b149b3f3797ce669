/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pf-report.h"

/* The report as Markdown that renders well on a git forge (CommonMark with
 * the GitHub extensions: tables, strikethrough, autolinks), and reads well
 * as plain text in a diff. No HTML: every text is escaped, so what the user
 * wrote shows as written, whatever it contains.
 *
 * The cover's title is the only "#" heading; the report's headings of level
 * 1–3 become "##" to "####". The table of contents links to the anchors
 * the forges make from heading text, since neither GitHub nor GitLab keeps
 * an explicit id without HTML. */

typedef struct
{
  GString *out;
} Writer;

typedef struct
{
  GHashTable *seen;  /* slug → number of headings that made it */
} Slugs;

/* Whether @p starts an entity such as "&lt;" or "&#60;". */
static gboolean
is_entity (const char *p)
{
  const char *q = p + 1;
  const char *start;

  if (*q == '#')
    {
      q++;
      if (*q == 'x' || *q == 'X')
        q++;
    }
  for (start = q; g_ascii_isalnum (*q); q++)
    ;

  return q > start && *q == ';';
}

/* @text as valid UTF-8 without control characters: line breaks of every
 * kind become "\n", tabs spaces. */
static char *
dup_clean (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);
  GString *clean = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r' && p[1] == '\n')
        continue;
      if (c == '\r' || c == '\n' || c == 0x2028 || c == 0x2029)
        g_string_append_c (clean, '\n');
      else if (c == '\t')
        g_string_append_c (clean, ' ');
      else if (g_unichar_iscntrl (c) || c == 0xFEFF)
        continue;
      else
        g_string_append_unichar (clean, c);
    }

  return g_string_free (clean, FALSE);
}

/* The one escape for text in Markdown: every character that could start
 * markup is backslash-escaped — everywhere for inline markup, at the start
 * of a line for block markup (headings, list items, setext underlines) —
 * control characters are removed and line breaks become @newline (a hard
 * break, or a separator in a table cell). Leading and trailing white space
 * of each line goes: four spaces would start a code block, two at the end
 * a hard break. Empty lines collapse, so that user text cannot end the
 * block it is in. */
static void
append_text (GString    *out,
             const char *text,
             const char *newline)
{
  g_autofree char *clean = dup_clean (text);
  g_auto(GStrv) lines = g_strsplit (clean, "\n", -1);
  gboolean first = TRUE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (line[0] == '\0')
        continue;

      if (!first)
        g_string_append (out, newline);
      first = FALSE;

      /* Block markup at the start of the line. */
      if (strchr ("#+-=", line[0]) != NULL)
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, *line++);
        }
      else if (g_ascii_isdigit (line[0]))
        {
          /* "1986. A good year." would start an ordered list. */
          const char *q = line;

          while (g_ascii_isdigit (*q))
            q++;
          if ((*q == '.' || *q == ')') && (q[1] == ' ' || q[1] == '\0'))
            {
              g_string_append_len (out, line, q - line);
              g_string_append_c (out, '\\');
              line = (char *)q;
            }
        }

      for (const char *p = line; *p != '\0'; p++)
        {
          /* An underscore inside a word never starts emphasis: feature
           * names such as tenure_months stay readable in the file. */
          if (*p == '_' && p > line && g_ascii_isalnum (p[-1]) && g_ascii_isalnum (p[1]))
            g_string_append_c (out, '_');
          else if (strchr ("\\`*_{}[]<>|~$", *p) != NULL)
            {
              g_string_append_c (out, '\\');
              g_string_append_c (out, *p);
            }
          else if (*p == '#' && p > line && p[-1] == ' ')
            {
              /* " #" at the end of a heading would close it and vanish. */
              g_string_append (out, "\\#");
            }
          else if (*p == '&' && is_entity (p))
            g_string_append (out, "&amp;");
          else
            g_string_append_c (out, *p);
        }
    }
}

/* Text on one line: a heading, a link text. */
static void
append_inline (GString    *out,
               const char *text)
{
  append_text (out, text, " ");
}

/* Text in a code span: fenced by more backticks than it holds in a row. */
static void
append_code (GString    *out,
             const char *text)
{
  g_autofree char *clean = dup_clean (text);
  guint run = 0;
  guint longest = 0;
  gboolean pad;

  g_strdelimit (clean, "\n", ' ');
  for (const char *p = clean; *p != '\0'; p++)
    {
      run = *p == '`' ? run + 1 : 0;
      longest = MAX (longest, run);
    }

  /* A space on each side keeps a backtick at either end out of the fence;
   * the forge takes one off each side again. */
  pad = clean[0] == '`' || clean[0] == ' ' || (clean[0] && clean[strlen (clean) - 1] == '`');
  for (guint i = 0; i <= longest; i++)
    g_string_append_c (out, '`');
  if (pad)
    g_string_append_c (out, ' ');
  g_string_append (out, clean);
  if (pad)
    g_string_append_c (out, ' ');
  for (guint i = 0; i <= longest; i++)
    g_string_append_c (out, '`');
}

/* Emphasis by tone: bad and warning in bold, muted in italics. */
static void
append_toned (GString    *out,
              const char *text,
              PfTone      tone,
              const char *newline)
{
  g_autoptr(GString) escaped = g_string_new (NULL);
  const char *mark = "";

  append_text (escaped, text, newline);

  /* Emphasis around nothing would print the marks. */
  if (escaped->len > 0 && (tone == PF_TONE_BAD || tone == PF_TONE_WARNING))
    mark = "**";
  else if (escaped->len > 0 && tone == PF_TONE_MUTED)
    mark = "*";

  g_string_append (out, mark);
  g_string_append_len (out, escaped->str, escaped->len);
  g_string_append (out, mark);
}

/* The anchor a forge gives a heading: GitHub's rule — lower case, letters,
 * digits, spaces, hyphens and underscores kept, spaces to hyphens — and a
 * number after a slug seen before. GitLab agrees for the report's headings. */
static char *
make_slug (Slugs      *slugs,
           const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  GString *slug = g_string_new (NULL);
  guint seen;

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ' ')
        g_string_append_c (slug, '-');
      else if (c == '-' || c == '_' || g_unichar_isalnum (c) || g_unichar_ismark (c))
        g_string_append_unichar (slug, c);
    }

  seen = GPOINTER_TO_UINT (g_hash_table_lookup (slugs->seen, slug->str));
  g_hash_table_insert (slugs->seen, g_strdup (slug->str), GUINT_TO_POINTER (seen + 1));
  if (seen > 0)
    g_string_append_printf (slug, "-%u", seen);

  return g_string_free (slug, FALSE);
}

static void
write_heading (Writer     *w,
               guint       level,
               const char *text)
{
  for (guint i = 0; i < level; i++)
    g_string_append_c (w->out, '#');
  g_string_append_c (w->out, ' ');
  append_inline (w->out, text);
  g_string_append (w->out, "\n\n");
}

static void
write_list (Writer              *w,
            const PfReportBlock *block)
{
  for (guint i = 0; i < block->items->len; i++)
    {
      const PfReportItem *item = g_ptr_array_index (block->items, i);

      g_string_append (w->out, "- ");
      if (item->label != NULL)
        {
          g_string_append (w->out, "**");
          append_inline (w->out, item->label);
          g_string_append (w->out, ":** ");
        }
      append_toned (w->out, item->text, item->tone, "  \n  ");
      if (item->note != NULL && item->note[0] != '\0')
        {
          g_string_append (w->out, "  \n  ");
          append_text (w->out, item->note, "  \n  ");
        }
      g_string_append_c (w->out, '\n');
    }
  g_string_append_c (w->out, '\n');
}

static void
write_fields (Writer              *w,
              const PfReport      *report,
              const PfReportBlock *block)
{
  for (guint i = 0; i < block->items->len; i++)
    {
      const PfReportItem *item = g_ptr_array_index (block->items, i);

      g_string_append (w->out, "**");
      append_inline (w->out, item->label ? item->label : "");
      g_string_append (w->out, "**  \n");

      /* The anchor and the command that checks it are for copying. */
      if (report->anchor != NULL && item->text != NULL && strstr (item->text, report->anchor) != NULL)
        append_code (w->out, item->text);
      else
        append_toned (w->out, item->text, item->tone, "  \n");

      if (item->note != NULL && item->note[0] != '\0')
        {
          g_string_append (w->out, "  \n*");
          append_text (w->out, item->note, "*  \n*");
          g_string_append_c (w->out, '*');
        }
      g_string_append (w->out, "\n\n");
    }
}

static void
write_row (GString    *out,
           guint       n,
           const char *(*get) (gconstpointer row, guint i, PfTone *tone),
           gconstpointer row)
{
  g_string_append_c (out, '|');
  for (guint i = 0; i < n; i++)
    {
      PfTone tone = PF_TONE_NONE;
      const char *text = get (row, i, &tone);

      g_string_append_c (out, ' ');
      append_toned (out, text, tone, " / ");
      g_string_append (out, " |");
    }
  g_string_append_c (out, '\n');
}

static const char *
get_column (gconstpointer row,
            guint         i,
            PfTone       *tone)
{
  const GPtrArray *columns = row;

  return g_ptr_array_index (columns, i);
}

static const char *
get_cell (gconstpointer row,
          guint         i,
          PfTone       *tone)
{
  const GPtrArray *cells = row;
  const PfReportText *cell = g_ptr_array_index (cells, i);

  *tone = cell->tone;
  return cell->text;
}

static void
write_table (Writer              *w,
             const PfReportBlock *block)
{
  guint n = block->columns->len;

  if (block->text != NULL && block->text[0] != '\0')
    {
      g_string_append_c (w->out, '*');
      append_inline (w->out, block->text);
      g_string_append (w->out, "*\n\n");
    }

  write_row (w->out, n, get_column, block->columns);
  g_string_append_c (w->out, '|');
  for (guint i = 0; i < n; i++)
    g_string_append (w->out, " --- |");
  g_string_append_c (w->out, '\n');
  for (guint r = 0; r < block->rows->len; r++)
    write_row (w->out, n, get_cell, g_ptr_array_index (block->rows, r));
  g_string_append_c (w->out, '\n');
}

/* The risk profile as bars of text, in a code block so that they line up. */
static void
write_chart (Writer         *w,
             const PfReport *report)
{
  glong width = 0;

  for (guint i = 0; i < PF_N_CAUSES; i++)
    width = MAX (width, g_utf8_strlen (pf_cause_get_title (i), -1));

  g_string_append (w->out, "```text\n");
  for (guint i = 0; i < PF_N_CAUSES; i++)
    {
      const char *title = pf_cause_get_title (i);
      double score = CLAMP (report->scores[i], 0, 100);
      guint filled = (guint)(score / 5 + 0.5);

      /* A title from a translation: no fence in it, whatever it holds. */
      for (const char *p = title; *p != '\0'; p++)
        g_string_append_c (w->out, *p == '`' || *p == '\n' ? '\'' : *p);
      for (glong pad = g_utf8_strlen (title, -1); pad < width + 2; pad++)
        g_string_append_c (w->out, ' ');
      for (guint j = 0; j < 20; j++)
        g_string_append (w->out, j < filled ? "█" : "░");
      g_string_append_printf (w->out, " %3.0f\n", score);
    }
  g_string_append (w->out, "```\n\n");
}

static void
write_contents (Writer         *w,
                const PfReport *report)
{
  /* The slugs of every heading in order, counted as the forge counts
   * them, the title and this list's own heading included. */
  Slugs slugs = { g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) };
  g_autofree char *title_slug = make_slug (&slugs, report->title);
  g_autofree char *contents_slug = make_slug (&slugs, _("Contents"));

  write_heading (w, 2, _("Contents"));

  for (guint i = 0; i < report->blocks->len; i++)
    {
      const PfReportBlock *block = g_ptr_array_index (report->blocks, i);
      g_autofree char *slug = NULL;

      if (block->kind != PF_BLOCK_HEADING)
        continue;

      slug = make_slug (&slugs, block->text);
      if (block->level > 2 || block->anchor == NULL)
        continue;

      g_string_append (w->out, block->level == 1 ? "- [" : "  - [");
      append_inline (w->out, block->text);
      g_string_append_printf (w->out, "](#%s)\n", slug);
    }
  g_string_append_c (w->out, '\n');

  g_hash_table_unref (slugs.seen);
}

static void
write_cover (Writer         *w,
             const PfReport *report)
{
  g_autofree char *verdict = g_strdup_printf (_("Verdict: %s"), pf_verdict_get_title (report->verdict));
  g_autofree char *date = g_date_time_format (report->created, _("%Y-%m-%d %H:%M UTC"));

  write_heading (w, 1, report->title);

  g_string_append (w->out, "**");
  append_inline (w->out, verdict);
  g_string_append (w->out, "**\n\n");
  append_text (w->out, report->verdict_summary, "  \n");
  g_string_append (w->out, "\n\n");

  if (report->description != NULL && report->description[0] != '\0')
    {
      append_text (w->out, report->description, "  \n");
      g_string_append (w->out, "\n\n");
    }

  g_string_append (w->out, "- **");
  append_inline (w->out, _("Prepared by"));
  g_string_append (w->out, ":** ");
  append_inline (w->out, report->author && report->author[0] ? report->author : _("Unknown"));
  g_string_append (w->out, "\n- **");
  append_inline (w->out, _("Date"));
  g_string_append (w->out, ":** ");
  append_inline (w->out, date);
  g_string_append (w->out, "\n- **");
  append_inline (w->out, _("Audit trail"));
  g_string_append (w->out, ":** ");
  {
    g_autofree char *entries = g_strdup_printf (ngettext ("%u entry", "%u entries", report->n_audit_entries),
                                                report->n_audit_entries);

    append_inline (w->out, entries);
    if (report->n_audit_entries > 0)
      {
        g_string_append (w->out, ", ");
        append_inline (w->out, report->audit_intact ? _("hash chain intact") : _("hash chain not intact"));
      }
  }
  if (report->anchor != NULL)
    {
      g_string_append (w->out, "\n- **");
      append_inline (w->out, _("Anchor"));
      g_string_append (w->out, ":** ");
      append_code (w->out, report->anchor);
    }
  g_string_append (w->out, "\n\n");
}

/**
 * pf_report_render_markdown:
 *
 * Returns: (transfer full): the report as UTF-8 Markdown
 */
GBytes *
pf_report_render_markdown (const PfReport  *report,
                           GError         **error)
{
  Writer w;
  g_autofree char *generated = NULL;
  gsize length;

  g_return_val_if_fail (report != NULL, NULL);

  w.out = g_string_sized_new (64 * 1024);

  write_cover (&w, report);
  write_contents (&w, report);

  for (guint i = 0; i < report->blocks->len; i++)
    {
      const PfReportBlock *block = g_ptr_array_index (report->blocks, i);

      switch (block->kind)
        {
        case PF_BLOCK_HEADING:
          write_heading (&w, block->level + 1, block->text);
          break;
        case PF_BLOCK_PARAGRAPH:
          append_toned (w.out, block->text, block->tone, "  \n");
          g_string_append (w.out, "\n\n");
          break;
        case PF_BLOCK_LIST:
          write_list (&w, block);
          break;
        case PF_BLOCK_FIELDS:
          write_fields (&w, report, block);
          break;
        case PF_BLOCK_TABLE:
          write_table (&w, block);
          break;
        case PF_BLOCK_CHART:
          write_chart (&w, report);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  g_string_append (w.out, "---\n\n*");
  /* Translators: the last line of the Markdown report. */
  generated = g_strdup_printf (_("Made by %s %s."), "Preflight", PACKAGE_VERSION);
  append_inline (w.out, generated);
  g_string_append (w.out, "*\n");

  length = w.out->len;
  return g_bytes_new_take (g_string_free (w.out, FALSE), length);
}
