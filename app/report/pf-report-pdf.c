/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "pf-report.h"
#include "pf-risk-chart.h"

/* The report as PDF: a cover, then the blocks flowed over pages with a
 * running header and a "Page X of Y" footer.
 *
 * The whole document is laid out twice with the same code: the first pass
 * draws nothing and only counts the pages, so that the second, which draws,
 * knows Y. Both passes break pages at exactly the same places because they
 * measure the same layouts.
 *
 * Every text is set with pango_layout_set_text(), never as markup: user
 * text reaches Pango as plain text, with its control characters replaced. */

#define FONT_TEXT "Cantarell, Sans"
#define FONT_MONO "Monospace"

/* In points */
#define MARGIN_SIDE    56.0
#define MARGIN_TOP     68.0
#define MARGIN_BOTTOM  62.0
#define BODY_SIZE      10.0
#define SMALL_SIZE      8.5
#define CELL_PAD_X      5.0
#define CELL_PAD_Y      4.0
#define LIST_INDENT    15.0

typedef struct
{
  double r, g, b;
} Rgb;

/* A restrained palette: dark ink, one accent, and muted tone colours that
 * still read on a grey-scale printer through their weight. */
static const Rgb ink = { 0.118, 0.133, 0.157 };
static const Rgb muted = { 0.365, 0.396, 0.435 };
static const Rgb accent = { 0.110, 0.239, 0.353 };
static const Rgb rule = { 0.820, 0.835, 0.855 };
static const Rgb header_fill = { 0.922, 0.933, 0.949 };
static const Rgb zebra_fill = { 0.965, 0.969, 0.976 };
static const Rgb tone_good = { 0.122, 0.447, 0.275 };
static const Rgb tone_warning = { 0.580, 0.349, 0.000 };
static const Rgb tone_bad = { 0.690, 0.173, 0.145 };
static const Rgb tone_muted = { 0.490, 0.514, 0.545 };

typedef struct
{
  const PfReport  *report;
  GCancellable    *cancellable;

  /* NULL in the counting pass */
  cairo_t         *cr;
  cairo_surface_t *surface;

  PangoFontMap    *font_map;
  PangoContext    *context;

  double           page_width;
  double           page_height;
  double           left;
  double           right;
  double           top;
  double           bottom;
  double           y;

  guint            page;     /* 1-based; the cover is page 1 */
  guint            n_pages;  /* from the counting pass; 0 while counting */
  gboolean         cancelled;
  int              outline_parent;
  GArray          *chapter_pages;  /* guint: each level-1 heading's page, from the counting pass */
  guint            chapter;        /* level-1 headings so far in this pass */
  gboolean         after_heading;  /* the previous block was a heading */
  char            *title;
  char            *date;
} Pdf;

static void
set_rgb (cairo_t   *cr,
         const Rgb *rgb)
{
  cairo_set_source_rgb (cr, rgb->r, rgb->g, rgb->b);
}

static const Rgb *
tone_get_rgb (PfTone     tone,
              const Rgb *fallback)
{
  switch (tone)
    {
    case PF_TONE_GOOD:
      return &tone_good;
    case PF_TONE_WARNING:
      return &tone_warning;
    case PF_TONE_BAD:
      return &tone_bad;
    case PF_TONE_MUTED:
      return &tone_muted;
    case PF_TONE_NONE:
    default:
      return fallback;
    }
}

/* Plain text fit for a layout: valid UTF-8, line breaks as \n, and every
 * other control character (C0, DEL, C1) shown as a replacement mark, so a
 * stray escape or NUL neither breaks the layout nor vanishes silently. */
static char *
clean_text (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r')
        {
          if (p[1] != '\n')
            g_string_append_c (out, '\n');
        }
      else if (c == '\n' || c == '\t')
        g_string_append_c (out, c);
      else if (c < 0x20 || (c >= 0x7f && c < 0xa0))
        g_string_append_unichar (out, 0xfffd);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }

  return g_string_free (out, FALSE);
}

static PangoLayout *
new_layout (Pdf         *pdf,
            const char  *family,
            double       size,
            PangoWeight  weight,
            double       width)
{
  PangoLayout *layout = pango_layout_new (pdf->context);
  PangoFontDescription *desc = pango_font_description_new ();
  PangoAttrList *attrs;

  pango_font_description_set_family (desc, family);
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, weight);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);

  /* A word longer than the line breaks anywhere, without a hyphen: a
   * hyphen in a hash or a column name would change what it says. */
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  if (width > 0)
    pango_layout_set_width (layout, (int)(width * PANGO_SCALE));

  return layout;
}

static void
layout_set_text (PangoLayout *layout,
                 const char  *text)
{
  g_autofree char *clean = clean_text (text);

  pango_layout_set_text (layout, clean, -1);
}

static void
layout_set_weight (PangoLayout *layout,
                   PangoWeight  weight)
{
  const PangoFontDescription *current = pango_layout_get_font_description (layout);
  PangoFontDescription *desc;

  if (pango_font_description_get_weight (current) == weight)
    return;

  desc = pango_font_description_copy (current);
  pango_font_description_set_weight (desc, weight);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
}

static PangoLayout *
new_text_layout (Pdf         *pdf,
                 const char  *text,
                 const char  *family,
                 double       size,
                 PangoWeight  weight,
                 double       width)
{
  PangoLayout *layout = new_layout (pdf, family, size, weight, width);

  layout_set_text (layout, text);

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);

  return (double)height / PANGO_SCALE;
}

static double
layout_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_size (layout, &width, NULL);

  return (double)width / PANGO_SCALE;
}

static void
show_layout (Pdf         *pdf,
             PangoLayout *layout,
             double       x,
             double       y,
             const Rgb   *rgb)
{
  if (pdf->cr == NULL)
    return;

  set_rgb (pdf->cr, rgb);
  cairo_move_to (pdf->cr, x, y);
  pango_cairo_show_layout (pdf->cr, layout);
}

/* Lines [first, first + n) of @layout, their top at @y. */
static void
show_lines (Pdf         *pdf,
            PangoLayout *layout,
            int          first,
            int          n,
            double       x,
            double       y,
            const Rgb   *rgb)
{
  PangoLayoutIter *iter;
  double top = -1;
  int index = 0;

  if (pdf->cr == NULL || n <= 0)
    return;

  set_rgb (pdf->cr, rgb);
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle logical;

      if (index >= first + n)
        break;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      if (index >= first)
        {
          if (top < 0)
            top = (double)logical.y / PANGO_SCALE;
          cairo_move_to (pdf->cr, x, y - top + (double)pango_layout_iter_get_baseline (iter) / PANGO_SCALE);
          pango_cairo_show_layout_line (pdf->cr, pango_layout_iter_get_line_readonly (iter));
        }
      index++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/* How many lines of @layout, from line @first, fit in @space; and their
 * height in @used. */
static int
fit_lines (PangoLayout *layout,
           int          first,
           double       space,
           double      *used)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double top = -1;
  int index = 0;
  int n = 0;

  *used = 0;
  do
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      if (index >= first)
        {
          double bottom = (double)(logical.y + logical.height) / PANGO_SCALE;

          if (top < 0)
            top = (double)logical.y / PANGO_SCALE;
          if (bottom - top > space)
            break;
          *used = bottom - top;
          n++;
        }
      index++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  return n;
}

/* Pages */

static double
content_width (Pdf *pdf)
{
  return pdf->right - pdf->left;
}

static void
draw_running_header (Pdf *pdf)
{
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) date = NULL;
  g_autoptr(PangoLayout) page = NULL;
  g_autofree char *page_text = NULL;
  double width = content_width (pdf);
  double y = MARGIN_TOP - 30;
  double footer_y = pdf->page_height - MARGIN_BOTTOM + 22;

  if (pdf->cr == NULL)
    return;

  date = new_text_layout (pdf, pdf->date, FONT_TEXT, 8, PANGO_WEIGHT_NORMAL, -1);
  title = new_text_layout (pdf, pdf->title, FONT_TEXT, 8, PANGO_WEIGHT_BOLD, width - layout_width (date) - 24);
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (title, -1);

  show_layout (pdf, title, pdf->left, y, &muted);
  show_layout (pdf, date, pdf->right - layout_width (date), y, &muted);

  cairo_set_line_width (pdf->cr, 0.5);
  set_rgb (pdf->cr, &rule);
  cairo_move_to (pdf->cr, pdf->left, y + 16);
  cairo_line_to (pdf->cr, pdf->right, y + 16);
  cairo_stroke (pdf->cr);

  /* Translators: the footer of each page of the PDF report */
  page_text = g_strdup_printf (_("Page %u of %u"), pdf->page, pdf->n_pages);
  page = new_text_layout (pdf, page_text, FONT_TEXT, 8, PANGO_WEIGHT_NORMAL, -1);
  show_layout (pdf, page, pdf->right - layout_width (page), footer_y, &muted);

  {
    /* Translators: the left side of the PDF report's page footer */
    g_autoptr(PangoLayout) what = new_text_layout (pdf, _("Readiness report"), FONT_TEXT, 8, PANGO_WEIGHT_NORMAL, -1);

    show_layout (pdf, what, pdf->left, footer_y, &muted);
  }
}

static void
begin_body_page (Pdf *pdf)
{
  pdf->y = pdf->top;
  draw_running_header (pdf);
}

static void
new_page (Pdf *pdf)
{
  if (pdf->cr != NULL)
    cairo_show_page (pdf->cr);
  pdf->page++;

  if (g_cancellable_is_cancelled (pdf->cancellable))
    pdf->cancelled = TRUE;

  begin_body_page (pdf);
}

static gboolean
page_is_empty (Pdf *pdf)
{
  return pdf->y <= pdf->top;
}

/* Moves to a new page unless @height fits below, or the page is empty. */
static void
need_space (Pdf    *pdf,
            double  height)
{
  if (pdf->y + height > pdf->bottom && !page_is_empty (pdf))
    new_page (pdf);
}

/* Shows @layout at the left edge @x, moving on to as many pages as it
 * needs; a line taller than a page is shown clipped. */
static void
flow_layout (Pdf         *pdf,
             PangoLayout *layout,
             double       x,
             const Rgb   *rgb)
{
  int n_lines = pango_layout_get_line_count (layout);
  int first = 0;

  while (first < n_lines && !pdf->cancelled)
    {
      double used;
      int n = fit_lines (layout, first, pdf->bottom - pdf->y, &used);

      if (n == 0)
        {
          if (!page_is_empty (pdf))
            {
              new_page (pdf);
              continue;
            }
          /* A single line taller than the page: show it clipped. */
          n = 1;
          used = pdf->bottom - pdf->y;
        }

      show_lines (pdf, layout, first, n, x, pdf->y, rgb);
      pdf->y += used;
      first += n;
      if (first < n_lines)
        new_page (pdf);
    }
}

/* The cover */

static const Rgb *
verdict_fill (PfVerdict verdict)
{
  static const Rgb not_ready = { 0.651, 0.188, 0.165 };
  static const Rgb conditions = { 0.906, 0.659, 0.180 };
  static const Rgb ready = { 0.165, 0.447, 0.290 };

  switch (verdict)
    {
    case PF_VERDICT_NOT_READY:
      return &not_ready;
    case PF_VERDICT_READY_WITH_CONDITIONS:
      return &conditions;
    case PF_VERDICT_READY:
    default:
      return &ready;
    }
}

static const Rgb *
verdict_ink (PfVerdict verdict)
{
  static const Rgb white = { 1, 1, 1 };
  static const Rgb dark_amber = { 0.200, 0.133, 0.000 };

  /* Amber is too light for white text to be read. */
  return verdict == PF_VERDICT_READY_WITH_CONDITIONS ? &dark_amber : &white;
}

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* A label/value row of the cover's details; returns its height. */
static double
cover_detail (Pdf        *pdf,
              double      y,
              const char *label,
              const char *value,
              const char *family,
              double      size,
              const Rgb  *rgb)
{
  const double label_width = 110;
  g_autoptr(PangoLayout) label_layout = NULL;
  g_autoptr(PangoLayout) value_layout = NULL;
  double height;

  label_layout = new_text_layout (pdf, label, FONT_TEXT, 9, PANGO_WEIGHT_BOLD, label_width - 8);
  value_layout = new_text_layout (pdf, value, family, size, PANGO_WEIGHT_NORMAL, content_width (pdf) - label_width);
  show_layout (pdf, label_layout, pdf->left, y + 1, &muted);
  show_layout (pdf, value_layout, pdf->left + label_width, y, rgb);

  height = MAX (layout_height (label_layout), layout_height (value_layout));

  return height;
}

static void
draw_cover (Pdf *pdf)
{
  const PfReport *report = pdf->report;
  const Rgb *fill = verdict_fill (report->verdict);
  const Rgb *band_ink = verdict_ink (report->verdict);
  double width = content_width (pdf);
  double pad = 22;
  double y = pdf->top + 40;
  g_autoptr(PangoLayout) kicker = NULL;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) label = NULL;
  g_autoptr(PangoLayout) verdict = NULL;
  g_autoptr(PangoLayout) summary = NULL;
  g_autoptr(PangoLayout) note = NULL;
  g_autoptr(PangoLayout) creator = NULL;
  g_autofree char *entries = NULL;
  g_autofree char *creator_text = NULL;
  double band_height;

  /* Translators: the small heading above the project's title on the report's cover */
  kicker = new_text_layout (pdf, _("Readiness report"), FONT_TEXT, 10, PANGO_WEIGHT_BOLD, width);
  show_layout (pdf, kicker, pdf->left, y, &accent);
  y += layout_height (kicker) + 10;

  if (pdf->cr != NULL)
    {
      cairo_set_source_rgb (pdf->cr, accent.r, accent.g, accent.b);
      cairo_rectangle (pdf->cr, pdf->left, y, 40, 3);
      cairo_fill (pdf->cr);
    }
  y += 18;

  title = new_text_layout (pdf, report->title, FONT_TEXT, 28, PANGO_WEIGHT_BOLD, width);
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (title, -4);
  show_layout (pdf, title, pdf->left, y, &ink);
  y += layout_height (title) + 12;

  if (report->description != NULL && report->description[0] != '\0')
    {
      g_autoptr(PangoLayout) description = NULL;

      description = new_text_layout (pdf, report->description, FONT_TEXT, 11.5, PANGO_WEIGHT_NORMAL, width);
      pango_layout_set_ellipsize (description, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (description, -7);
      pango_layout_set_spacing (description, 2 * PANGO_SCALE);
      show_layout (pdf, description, pdf->left, y, &muted);
      y += layout_height (description);
    }

  /* The verdict, in its colour */
  y = MAX (y + 36, pdf->page_height * 0.38);

  /* Translators: the label above the verdict on the report's cover */
  label = new_text_layout (pdf, _("Verdict"), FONT_TEXT, 10, PANGO_WEIGHT_BOLD, width - 2 * pad);
  verdict = new_text_layout (pdf, pf_verdict_get_title (report->verdict), FONT_TEXT, 30, PANGO_WEIGHT_BOLD, width - 2 * pad);
  band_height = pad + layout_height (label) + 4 + layout_height (verdict) + pad;
  if (report->verdict_summary != NULL && report->verdict_summary[0] != '\0')
    {
      summary = new_text_layout (pdf, report->verdict_summary, FONT_TEXT, 12, PANGO_WEIGHT_NORMAL, width - 2 * pad);
      pango_layout_set_ellipsize (summary, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (summary, -4);
      band_height += layout_height (summary) + 6;
    }

  if (pdf->cr != NULL)
    {
      set_rgb (pdf->cr, fill);
      rounded_rectangle (pdf->cr, pdf->left, y, width, band_height, 6);
      cairo_fill (pdf->cr);
    }
  {
    double by = y + pad;

    show_layout (pdf, label, pdf->left + pad, by, band_ink);
    by += layout_height (label) + 4;
    show_layout (pdf, verdict, pdf->left + pad, by, band_ink);
    by += layout_height (verdict) + 6;
    if (summary != NULL)
      show_layout (pdf, summary, pdf->left + pad, by, band_ink);
  }
  y += band_height + 30;

  /* The details */
  /* Translators: a label on the report's cover, followed by the export date */
  y += cover_detail (pdf, y, _("Date"), pdf->date, FONT_TEXT, 10, &ink) + 8;
  if (report->author != NULL && report->author[0] != '\0')
    /* Translators: a label on the report's cover, followed by who exported the report */
    y += cover_detail (pdf, y, _("Prepared by"), report->author, FONT_TEXT, 10, &ink) + 8;

  if (report->n_audit_entries == 0)
    entries = g_strdup (_("No entries recorded"));
  else if (report->audit_intact)
    /* Translators: the state of the audit trail on the report's cover */
    entries = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry, chain intact", "%u entries, chain intact",
                                            report->n_audit_entries),
                               report->n_audit_entries);
  else
    /* Translators: the state of the audit trail on the report's cover */
    entries = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry, chain BROKEN", "%u entries, chain BROKEN",
                                            report->n_audit_entries),
                               report->n_audit_entries);
  /* Translators: a label on the report's cover */
  y += cover_detail (pdf, y, _("Audit trail"), entries, FONT_TEXT, 10,
                     report->audit_intact || report->n_audit_entries == 0 ? &ink : &tone_bad) + 8;
  if (report->anchor != NULL)
    /* Translators: a label on the report's cover, followed by the audit trail's head hash */
    y += cover_detail (pdf, y, _("Anchor"), report->anchor, FONT_MONO, 8.5, &ink) + 8;

  y += 10;
  if (pdf->cr != NULL)
    {
      cairo_set_line_width (pdf->cr, 0.5);
      set_rgb (pdf->cr, &rule);
      cairo_move_to (pdf->cr, pdf->left, y);
      cairo_line_to (pdf->cr, pdf->right, y);
      cairo_stroke (pdf->cr);
    }
  y += 10;

  note = new_text_layout (pdf,
                          report->anchor != NULL
                          ? _("The audit trail is tamper-evident: every entry is chained to the one before it by "
                              "its SHA-256 hash, and the anchor above is the hash of the newest entry. A later "
                              "change to the recorded history no longer matches this anchor.")
                          : _("The audit trail is tamper-evident: every entry is chained to the one before it by "
                              "its SHA-256 hash. This project has no entries yet, so the report has no anchor."),
                          FONT_TEXT, 8.5, PANGO_WEIGHT_NORMAL, width);
  pango_layout_set_spacing (note, (int)(1.5 * PANGO_SCALE));
  show_layout (pdf, note, pdf->left, y, &muted);

  /* Translators: at the foot of the report's cover; %s is the version */
  creator_text = g_strdup_printf (_("Generated by Preflight %s"), PACKAGE_VERSION);
  creator = new_text_layout (pdf, creator_text, FONT_TEXT, 8, PANGO_WEIGHT_NORMAL, -1);
  show_layout (pdf, creator, pdf->left, pdf->page_height - MARGIN_BOTTOM + 22, &muted);
}

/* The blocks */

static void
add_outline (Pdf        *pdf,
             guint       level,
             const char *text)
{
  g_autofree char *clean = NULL;
  g_autofree char *attributes = NULL;
  int id;

  if (pdf->cr == NULL || level > 2)
    return;

  clean = clean_text (text);
  g_strdelimit (clean, "\n\t", ' ');
  /* Integers: a locale's decimal comma must not reach the attribute parser. */
  attributes = g_strdup_printf ("page=%u pos=[%d %d]", pdf->page, (int)pdf->left, (int)pdf->y);
  id = cairo_pdf_surface_add_outline (pdf->surface,
                                      level == 1 ? CAIRO_PDF_OUTLINE_ROOT : pdf->outline_parent,
                                      clean, attributes,
                                      level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
  if (level == 1)
    pdf->outline_parent = id;
}

static void
render_heading (Pdf                 *pdf,
                const PfReportBlock *block)
{
  static const double sizes[] = { 20, 14, 11.5 };
  static const double before[] = { 0, 18, 12 };
  guint level = CLAMP (block->level, 1, 3);
  g_autoptr(PangoLayout) layout = NULL;
  double height;

  layout = new_text_layout (pdf, block->text, FONT_TEXT, sizes[level - 1], PANGO_WEIGHT_BOLD, content_width (pdf));
  height = layout_height (layout);

  if (level == 1)
    {
      if (!page_is_empty (pdf))
        new_page (pdf);
    }
  else if (!page_is_empty (pdf))
    {
      /* A heading right under another needs no more room above it. */
      pdf->y += pdf->after_heading ? 2 : before[level - 1];
      /* Keep a heading with a few lines of what follows it. */
      need_space (pdf, height + 48);
    }

  if (level == 1)
    {
      if (pdf->cr == NULL)
        g_array_append_val (pdf->chapter_pages, pdf->page);
      else
        {
          /* A named destination for the contents' link: cairo 1.16 cannot
           * link to a page number it has not reached yet. */
          g_autofree char *dest = g_strdup_printf ("name='chapter-%u' x=%d y=%d",
                                                   pdf->chapter, (int)pdf->left, (int)pdf->y);

          cairo_tag_begin (pdf->cr, CAIRO_TAG_DEST, dest);
          cairo_tag_end (pdf->cr, CAIRO_TAG_DEST);
        }
      pdf->chapter++;
    }

  add_outline (pdf, level, block->text);
  show_layout (pdf, layout, pdf->left, pdf->y, level == 3 ? &ink : &accent);
  pdf->y += height;

  if (level == 1)
    {
      pdf->y += 6;
      if (pdf->cr != NULL)
        {
          cairo_set_source_rgb (pdf->cr, accent.r, accent.g, accent.b);
          cairo_rectangle (pdf->cr, pdf->left, pdf->y, 32, 2.5);
          cairo_fill (pdf->cr);
        }
      pdf->y += 16;
    }
  else
    pdf->y += 6;
}

static void
render_paragraph (Pdf                 *pdf,
                  const PfReportBlock *block)
{
  g_autoptr(PangoLayout) layout = NULL;
  double x = pdf->left;
  double width = content_width (pdf);
  gboolean marked = block->tone == PF_TONE_BAD || block->tone == PF_TONE_WARNING || block->tone == PF_TONE_GOOD;

  /* A toned paragraph (a blocker, a condition) gets a bar at its left. */
  if (marked)
    {
      x += 10;
      width -= 10;
    }

  layout = new_text_layout (pdf, block->text, FONT_TEXT, BODY_SIZE, PANGO_WEIGHT_NORMAL, width);
  pango_layout_set_spacing (layout, 2 * PANGO_SCALE);

  need_space (pdf, MIN (layout_height (layout), 3 * 15.0));
  if (marked && pdf->cr != NULL)
    {
      double height = MIN (layout_height (layout), pdf->bottom - pdf->y);

      set_rgb (pdf->cr, tone_get_rgb (block->tone, &ink));
      cairo_rectangle (pdf->cr, pdf->left, pdf->y + 1, 3, height - 2);
      cairo_fill (pdf->cr);
    }
  flow_layout (pdf, layout, x, block->tone == PF_TONE_MUTED ? &tone_muted : &ink);
  pdf->y += 10;
}

static void
draw_bullet (Pdf    *pdf,
             double  x,
             double  y,
             PfTone  tone)
{
  if (pdf->cr == NULL)
    return;

  set_rgb (pdf->cr, tone_get_rgb (tone, &muted));
  cairo_new_path (pdf->cr);
  if (tone == PF_TONE_NONE || tone == PF_TONE_MUTED)
    cairo_arc (pdf->cr, x, y, 1.8, 0, 2 * G_PI);
  else
    cairo_arc (pdf->cr, x, y, 3.2, 0, 2 * G_PI);
  cairo_fill (pdf->cr);
}

static void
render_list (Pdf                 *pdf,
             const PfReportBlock *block)
{
  double width = content_width (pdf) - LIST_INDENT;

  for (guint i = 0; i < block->items->len && !pdf->cancelled; i++)
    {
      const PfReportItem *item = g_ptr_array_index (block->items, i);
      g_autoptr(PangoLayout) text = NULL;
      g_autoptr(PangoLayout) note = NULL;
      double height;
      double first_line;

      text = new_text_layout (pdf, item->text, FONT_TEXT, BODY_SIZE,
                              item->tone == PF_TONE_BAD ? PANGO_WEIGHT_SEMIBOLD : PANGO_WEIGHT_NORMAL, width);
      pango_layout_set_spacing (text, (int)(1.5 * PANGO_SCALE));
      height = layout_height (text);
      if (item->note != NULL && item->note[0] != '\0')
        {
          note = new_text_layout (pdf, item->note, FONT_TEXT, SMALL_SIZE, PANGO_WEIGHT_NORMAL, width);
          pango_layout_set_spacing (note, 1 * PANGO_SCALE);
          height += 2 + layout_height (note);
        }

      /* An item stays together when it can. */
      if (height <= pdf->bottom - pdf->top)
        need_space (pdf, height);
      else
        need_space (pdf, 3 * 14.0);

      first_line = (double)pango_layout_get_baseline (text) / PANGO_SCALE;
      draw_bullet (pdf, pdf->left + 4, pdf->y + first_line - 3.3, item->tone);
      flow_layout (pdf, text, pdf->left + LIST_INDENT, item->tone == PF_TONE_MUTED ? &tone_muted : &ink);
      if (note != NULL)
        {
          pdf->y += 2;
          flow_layout (pdf, note, pdf->left + LIST_INDENT, &muted);
        }
      pdf->y += 6;
    }
  pdf->y += 4;
}

static void
render_fields (Pdf                 *pdf,
               const PfReportBlock *block)
{
  double width = content_width (pdf);

  for (guint i = 0; i < block->items->len && !pdf->cancelled; i++)
    {
      const PfReportItem *item = g_ptr_array_index (block->items, i);
      g_autoptr(PangoLayout) label = NULL;
      g_autoptr(PangoLayout) text = NULL;
      g_autoptr(PangoLayout) note = NULL;
      double height = 0;
      double label_height = 0;

      if (item->label != NULL)
        {
          label = new_text_layout (pdf, item->label, FONT_TEXT, 9, PANGO_WEIGHT_BOLD, width);
          label_height = layout_height (label) + 3;
        }
      text = new_text_layout (pdf, item->text, FONT_TEXT, BODY_SIZE, PANGO_WEIGHT_NORMAL, width);
      pango_layout_set_spacing (text, 2 * PANGO_SCALE);
      height = label_height + layout_height (text);
      if (item->note != NULL && item->note[0] != '\0')
        {
          note = new_text_layout (pdf, item->note, FONT_TEXT, SMALL_SIZE, PANGO_WEIGHT_NORMAL, width);
          height += 3 + layout_height (note);
        }

      /* Keep a label with its value: the whole field when it fits on a
       * page, otherwise the label and the value's first lines. */
      if (height <= pdf->bottom - pdf->top)
        need_space (pdf, height);
      else
        need_space (pdf, label_height + 3 * 15.0);

      if (label != NULL)
        {
          flow_layout (pdf, label, pdf->left, &muted);
          pdf->y += 3;
        }
      flow_layout (pdf, text, pdf->left, tone_get_rgb (item->tone, &ink));
      if (note != NULL)
        {
          pdf->y += 3;
          flow_layout (pdf, note, pdf->left, &muted);
        }
      pdf->y += 12;
    }
  pdf->y += 2;
}

/* Tables */

typedef struct
{
  guint         n_columns;
  double       *x;        /* each column's left edge */
  double       *width;
  PangoLayout **header;
  PangoLayout **cells;    /* reused for every row */
  GHashTable  **heights;  /* per column, normal and semibold: text → height + 1, in Pango units */
  int          *first;    /* a split row: each cell's first line not yet shown */
  int          *shown;    /* a split row: each cell's lines on this page */
  double        min_row;
  double        rows_top; /* where this page's rows start */
  double        header_height;
  PangoLayout  *caption;
  PangoLayout  *continued;
} Table;

static void
table_clear (Table *table)
{
  for (guint i = 0; i < table->n_columns; i++)
    {
      g_object_unref (table->header[i]);
      g_object_unref (table->cells[i]);
      g_hash_table_unref (table->heights[2 * i]);
      g_hash_table_unref (table->heights[2 * i + 1]);
    }
  g_free (table->heights);
  g_free (table->first);
  g_free (table->shown);
  g_free (table->header);
  g_free (table->cells);
  g_free (table->x);
  g_free (table->width);
  g_clear_object (&table->caption);
  g_clear_object (&table->continued);
}

static double
caption_height (Table *table)
{
  return table->caption != NULL ? layout_height (table->caption) + 6 : 0;
}

/* The caption (or "… (continued)") and the header row. */
static void
draw_table_top (Pdf      *pdf,
                Table    *table,
                gboolean  continued)
{
  PangoLayout *caption = continued ? table->continued : table->caption;

  if (caption != NULL)
    {
      show_layout (pdf, caption, pdf->left, pdf->y, continued ? &muted : &ink);
      pdf->y += layout_height (caption) + 6;
    }

  if (pdf->cr != NULL)
    {
      set_rgb (pdf->cr, &header_fill);
      cairo_rectangle (pdf->cr, pdf->left, pdf->y, content_width (pdf), table->header_height);
      cairo_fill (pdf->cr);
      for (guint i = 0; i < table->n_columns; i++)
        show_layout (pdf, table->header[i], table->x[i] + CELL_PAD_X, pdf->y + CELL_PAD_Y, &ink);
      set_rgb (pdf->cr, &muted);
      cairo_set_line_width (pdf->cr, 0.75);
      cairo_move_to (pdf->cr, pdf->left, pdf->y + table->header_height);
      cairo_line_to (pdf->cr, pdf->right, pdf->y + table->header_height);
      cairo_stroke (pdf->cr);
    }
  pdf->y += table->header_height;
}

static void
draw_row_background (Pdf    *pdf,
                     guint   row,
                     double  height)
{
  if (pdf->cr == NULL)
    return;

  if (row % 2 == 1)
    {
      set_rgb (pdf->cr, &zebra_fill);
      cairo_rectangle (pdf->cr, pdf->left, pdf->y, content_width (pdf), height);
      cairo_fill (pdf->cr);
    }
  set_rgb (pdf->cr, &rule);
  cairo_set_line_width (pdf->cr, 0.4);
  cairo_move_to (pdf->cr, pdf->left, pdf->y + height);
  cairo_line_to (pdf->cr, pdf->right, pdf->y + height);
  cairo_stroke (pdf->cr);
}

static void
table_continue (Pdf   *pdf,
                Table *table)
{
  new_page (pdf);
  draw_table_top (pdf, table, TRUE);
  table->rows_top = pdf->y;
}

static void
table_set_cell (Table              *table,
                guint               column,
                const PfReportText *cell)
{
  /* A blocker's cell is also heavier, for a grey-scale print. */
  layout_set_weight (table->cells[column], cell->tone == PF_TONE_BAD ? PANGO_WEIGHT_SEMIBOLD : PANGO_WEIGHT_NORMAL);
  layout_set_text (table->cells[column], cell->text);
}

/* The row's height with its padding. While counting, a text seen before in
 * the column is not laid out again (registers repeat their decisions and
 * names a lot), so the cells' layouts hold the row only when drawing. */
static double
table_measure_row (Pdf       *pdf,
                   Table     *table,
                   GPtrArray *row)
{
  double height = 0;

  for (guint i = 0; i < table->n_columns; i++)
    {
      const PfReportText *cell = g_ptr_array_index (row, i);
      GHashTable *cache = table->heights[2 * i + (cell->tone == PF_TONE_BAD)];
      int cell_height = -1;

      if (pdf->cr == NULL)
        cell_height = GPOINTER_TO_INT (g_hash_table_lookup (cache, cell->text)) - 1;
      if (cell_height < 0)
        {
          table_set_cell (table, i, cell);
          pango_layout_get_size (table->cells[i], NULL, &cell_height);
          if (pdf->cr == NULL)
            g_hash_table_insert (cache, cell->text, GINT_TO_POINTER (cell_height + 1));
        }
      height = MAX (height, (double)cell_height / PANGO_SCALE);
    }

  return height + 2 * CELL_PAD_Y;
}

/* A row taller than the room left, shown a page at a time: in each cell
 * the lines that fit, under the header repeated on every page. */
static void
table_split_row (Pdf       *pdf,
                 Table     *table,
                 GPtrArray *row,
                 guint      index)
{
  gboolean done = FALSE;

  for (guint i = 0; i < table->n_columns; i++)
    {
      table_set_cell (table, i, g_ptr_array_index (row, i));
      table->first[i] = 0;
    }

  while (!done && !pdf->cancelled)
    {
      double space = pdf->bottom - pdf->y - 2 * CELL_PAD_Y;
      double used_height = 0;
      gboolean progress = FALSE;

      for (guint i = 0; i < table->n_columns; i++)
        {
          double used;

          table->shown[i] = fit_lines (table->cells[i], table->first[i], space, &used);
          progress |= table->shown[i] > 0;
          used_height = MAX (used_height, used);
        }

      /* Not a single line fits: on a page with other rows, go on to the
       * next one; under a fresh header, show a line clipped, so that the
       * loop always moves on. */
      if (!progress && pdf->y > table->rows_top + 0.5)
        {
          table_continue (pdf, table);
          continue;
        }
      if (!progress)
        {
          for (guint i = 0; i < table->n_columns; i++)
            if (table->first[i] < pango_layout_get_line_count (table->cells[i]))
              table->shown[i] = 1;
          used_height = MAX (space, table->min_row - 2 * CELL_PAD_Y);
        }

      draw_row_background (pdf, index, used_height + 2 * CELL_PAD_Y);
      if (pdf->cr != NULL)
        {
          cairo_save (pdf->cr);
          cairo_rectangle (pdf->cr, pdf->left, pdf->y, content_width (pdf), used_height + 2 * CELL_PAD_Y);
          cairo_clip (pdf->cr);
        }
      done = TRUE;
      for (guint i = 0; i < table->n_columns; i++)
        {
          const PfReportText *cell = g_ptr_array_index (row, i);

          show_lines (pdf, table->cells[i], table->first[i], table->shown[i],
                      table->x[i] + CELL_PAD_X, pdf->y + CELL_PAD_Y, tone_get_rgb (cell->tone, &ink));
          table->first[i] += table->shown[i];
          if (table->first[i] < pango_layout_get_line_count (table->cells[i]))
            done = FALSE;
        }
      if (pdf->cr != NULL)
        cairo_restore (pdf->cr);
      pdf->y += used_height + 2 * CELL_PAD_Y;

      if (!done)
        table_continue (pdf, table);
    }
}

static void
render_table (Pdf                 *pdf,
              const PfReportBlock *block)
{
  Table table = { 0 };
  double width = content_width (pdf);
  double x = pdf->left;

  table.n_columns = block->columns->len;
  table.x = g_new (double, table.n_columns);
  table.width = g_new (double, table.n_columns);
  table.header = g_new (PangoLayout *, table.n_columns);
  table.cells = g_new (PangoLayout *, table.n_columns);
  table.heights = g_new (GHashTable *, 2 * table.n_columns);
  table.first = g_new0 (int, table.n_columns);
  table.shown = g_new0 (int, table.n_columns);
  table.min_row = BODY_SIZE * 1.3 + 2 * CELL_PAD_Y;

  for (guint i = 0; i < table.n_columns; i++)
    {
      double inner;

      table.x[i] = x;
      table.width[i] = width * block->widths[i];
      x += table.width[i];
      inner = MAX (table.width[i] - 2 * CELL_PAD_X, 4);

      table.header[i] = new_text_layout (pdf, g_ptr_array_index (block->columns, i), FONT_TEXT, 8.5,
                                         PANGO_WEIGHT_BOLD, inner);
      table.header_height = MAX (table.header_height, layout_height (table.header[i]));
      table.cells[i] = new_layout (pdf, FONT_TEXT, 9, PANGO_WEIGHT_NORMAL, inner);
      /* Keys are the model's own strings, which outlive the render. */
      table.heights[2 * i] = g_hash_table_new (g_str_hash, g_str_equal);
      table.heights[2 * i + 1] = g_hash_table_new (g_str_hash, g_str_equal);
    }
  table.header_height += 2 * CELL_PAD_Y;

  if (block->text != NULL && block->text[0] != '\0')
    {
      g_autofree char *continued = NULL;

      table.caption = new_text_layout (pdf, block->text, FONT_TEXT, BODY_SIZE, PANGO_WEIGHT_BOLD, width);
      /* Translators: the caption of a table continued from the previous page */
      continued = g_strdup_printf (_("%s (continued)"), block->text);
      table.continued = new_text_layout (pdf, continued, FONT_TEXT, BODY_SIZE, PANGO_WEIGHT_BOLD, width);
    }

  /* The caption and header stay with the first row. */
  need_space (pdf, caption_height (&table) + table.header_height + table.min_row);
  draw_table_top (pdf, &table, FALSE);
  table.rows_top = pdf->y;

  if (block->rows->len == 0)
    {
      /* Translators: the only row of an empty table in the PDF report */
      g_autoptr(PangoLayout) none = new_text_layout (pdf, _("None recorded"), FONT_TEXT, 9, PANGO_WEIGHT_NORMAL,
                                                     width - 2 * CELL_PAD_X);

      draw_row_background (pdf, 0, layout_height (none) + 2 * CELL_PAD_Y);
      show_layout (pdf, none, pdf->left + CELL_PAD_X, pdf->y + CELL_PAD_Y, &tone_muted);
      pdf->y += layout_height (none) + 2 * CELL_PAD_Y;
    }

  for (guint r = 0; r < block->rows->len && !pdf->cancelled; r++)
    {
      GPtrArray *row = g_ptr_array_index (block->rows, r);
      double height = table_measure_row (pdf, &table, row);

      /* A row that does not fit moves to the next page, under the header
       * again; one taller than a whole page is split between lines. */
      if (pdf->y + height > pdf->bottom)
        {
          double fresh = pdf->bottom - pdf->top - table.header_height - caption_height (&table);

          if (height <= fresh || pdf->bottom - pdf->y < 4 * table.min_row)
            table_continue (pdf, &table);
        }

      if (pdf->y + height > pdf->bottom)
        {
          table_split_row (pdf, &table, row, r);
          continue;
        }

      draw_row_background (pdf, r, height);
      for (guint i = 0; pdf->cr != NULL && i < table.n_columns; i++)
        {
          const PfReportText *cell = g_ptr_array_index (row, i);

          show_layout (pdf, table.cells[i], table.x[i] + CELL_PAD_X, pdf->y + CELL_PAD_Y,
                       tone_get_rgb (cell->tone, &ink));
        }
      pdf->y += height;
    }

  pdf->y += 14;
  table_clear (&table);
}

static void
render_chart (Pdf *pdf)
{
  PfRiskChartStyle style;
  double width = content_width (pdf);
  double height;

  pf_risk_chart_style_init_print (&style);
  style.font_family = FONT_TEXT;
  height = pf_risk_chart_get_height (width, &style);
  if (height <= 0)
    height = 0.45 * width;
  height = MIN (height, pdf->bottom - pdf->top);

  need_space (pdf, height);
  if (pdf->cr != NULL)
    {
      cairo_save (pdf->cr);
      cairo_translate (pdf->cr, pdf->left, pdf->y);
      cairo_rectangle (pdf->cr, 0, 0, width, height);
      cairo_clip (pdf->cr);
      pf_risk_chart_draw (pdf->cr, width, height, pdf->report->scores, &style);
      cairo_restore (pdf->cr);
    }
  pdf->y += height + 14;
}

static guint
count_chapters (const PfReport *report)
{
  guint n = 0;

  for (guint i = 0; i < report->blocks->len; i++)
    {
      const PfReportBlock *block = g_ptr_array_index (report->blocks, i);

      if (block->kind == PF_BLOCK_HEADING && block->level == 1)
        n++;
    }

  return n;
}

/* The contents: each level-1 heading and its page, a link to it. The
 * counting pass draws nothing and only learns the pages; the numbers sit
 * in a column of their own, so they never change a line's height. */
static void
render_contents (Pdf *pdf)
{
  const double number_width = 40;
  double width = content_width (pdf);
  g_autoptr(PangoLayout) title = NULL;
  guint chapter = 0;

  if (count_chapters (pdf->report) < 2)
    return;

  /* Translators: the heading of the PDF report's table of contents */
  title = new_text_layout (pdf, _("Contents"), FONT_TEXT, 20, PANGO_WEIGHT_BOLD, width);
  add_outline (pdf, 1, pango_layout_get_text (title));
  show_layout (pdf, title, pdf->left, pdf->y, &accent);
  pdf->y += layout_height (title) + 6;
  if (pdf->cr != NULL)
    {
      set_rgb (pdf->cr, &accent);
      cairo_rectangle (pdf->cr, pdf->left, pdf->y, 32, 2.5);
      cairo_fill (pdf->cr);
    }
  pdf->y += 22;

  for (guint i = 0; i < pdf->report->blocks->len && !pdf->cancelled; i++)
    {
      const PfReportBlock *block = g_ptr_array_index (pdf->report->blocks, i);
      g_autoptr(PangoLayout) text = NULL;
      g_autoptr(PangoLayout) number = NULL;
      g_autofree char *page = NULL;
      double height;

      if (block->kind != PF_BLOCK_HEADING || block->level != 1)
        continue;

      text = new_text_layout (pdf, block->text, FONT_TEXT, 11, PANGO_WEIGHT_NORMAL, width - number_width - 12);
      height = layout_height (text) + 14;
      need_space (pdf, height);

      if (pdf->cr != NULL && chapter < pdf->chapter_pages->len)
        {
          guint target = g_array_index (pdf->chapter_pages, guint, chapter);
          g_autofree char *link = NULL;

          page = g_strdup_printf ("%u", target);
          number = new_text_layout (pdf, page, FONT_TEXT, 11, PANGO_WEIGHT_NORMAL, -1);

          link = g_strdup_printf ("rect=[%d %d %d %d] dest='chapter-%u'",
                                  (int)pdf->left, (int)pdf->y, (int)width, (int)height, chapter);
          cairo_tag_begin (pdf->cr, CAIRO_TAG_LINK, link);
          show_layout (pdf, text, pdf->left, pdf->y + 7, &ink);
          show_layout (pdf, number, pdf->right - layout_width (number), pdf->y + 7, &muted);
          cairo_tag_end (pdf->cr, CAIRO_TAG_LINK);

          set_rgb (pdf->cr, &rule);
          cairo_set_line_width (pdf->cr, 0.4);
          cairo_move_to (pdf->cr, pdf->left, pdf->y + height);
          cairo_line_to (pdf->cr, pdf->right, pdf->y + height);
          cairo_stroke (pdf->cr);
        }
      pdf->y += height;
      chapter++;
    }
}

static void
render_pass (Pdf *pdf)
{
  pdf->page = 1;
  pdf->outline_parent = CAIRO_PDF_OUTLINE_ROOT;
  pdf->chapter = 0;
  pdf->after_heading = FALSE;
  draw_cover (pdf);
  if (pdf->report->blocks->len > 0)
    {
      new_page (pdf);
      render_contents (pdf);
    }

  for (guint i = 0; i < pdf->report->blocks->len && !pdf->cancelled; i++)
    {
      const PfReportBlock *block = g_ptr_array_index (pdf->report->blocks, i);

      switch (block->kind)
        {
        case PF_BLOCK_HEADING:
          render_heading (pdf, block);
          break;
        case PF_BLOCK_PARAGRAPH:
          render_paragraph (pdf, block);
          break;
        case PF_BLOCK_LIST:
          render_list (pdf, block);
          break;
        case PF_BLOCK_FIELDS:
          render_fields (pdf, block);
          break;
        case PF_BLOCK_TABLE:
          render_table (pdf, block);
          break;
        case PF_BLOCK_CHART:
          render_chart (pdf);
          break;
        default:
          break;
        }
      pdf->after_heading = block->kind == PF_BLOCK_HEADING;
    }

  if (pdf->cr != NULL)
    cairo_show_page (pdf->cr);
}

static cairo_status_t
write_to_array (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

static char *
format_date (GDateTime *created)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (created);

  /* Translators: the report's date, see g_date_time_format(); e.g. "26 November 2026" */
  return g_date_time_format (local, _("%-d %B %Y"));
}

/**
 * pf_report_render_pdf:
 *
 * Returns: (transfer full): the PDF document, or %NULL when @cancellable
 *   was cancelled or cairo failed
 */
GBytes *
pf_report_render_pdf (const PfReport  *report,
                      PfPaper          paper,
                      GCancellable    *cancellable,
                      GError         **error)
{
  g_autoptr(GByteArray) bytes = NULL;
  g_autofree char *created = NULL;
  g_autofree char *creator = NULL;
  cairo_font_options_t *options;
  cairo_status_t status = CAIRO_STATUS_SUCCESS;
  Pdf pdf = { 0 };

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  pdf.report = report;
  pdf.cancellable = cancellable;
  pdf.page_width = paper == PF_PAPER_LETTER ? 612 : 595;
  pdf.page_height = paper == PF_PAPER_LETTER ? 792 : 842;
  pdf.left = MARGIN_SIDE;
  pdf.right = pdf.page_width - MARGIN_SIDE;
  pdf.top = MARGIN_TOP;
  pdf.bottom = pdf.page_height - MARGIN_BOTTOM;
  pdf.title = clean_text (report->title != NULL ? report->title : "");
  g_strdelimit (pdf.title, "\n\t", ' ');
  pdf.date = report->created != NULL ? format_date (report->created) : g_strdup ("");

  /* Our own font map: Pango's default one belongs to the thread that
   * created it, and this may run in a worker. */
  pdf.chapter_pages = g_array_new (FALSE, FALSE, sizeof (guint));
  pdf.font_map = pango_cairo_font_map_new ();
  pango_cairo_font_map_set_resolution (PANGO_CAIRO_FONT_MAP (pdf.font_map), 72);
  pdf.context = pango_font_map_create_context (pdf.font_map);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pdf.context, options);
  cairo_font_options_destroy (options);

  /* The first pass counts the pages. */
  render_pass (&pdf);
  pdf.n_pages = pdf.page;

  if (!pdf.cancelled && !g_cancellable_is_cancelled (cancellable))
    {
      bytes = g_byte_array_new ();
      pdf.surface = cairo_pdf_surface_create_for_stream (write_to_array, bytes, pdf.page_width, pdf.page_height);

      creator = g_strdup_printf ("Preflight %s", PACKAGE_VERSION);
      if (report->created != NULL)
        created = g_date_time_format (report->created, "%Y-%m-%dT%H:%M:%S+00:00");
      cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_TITLE, pdf.title);
      if (report->author != NULL)
        {
          g_autofree char *author = clean_text (report->author);

          cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_AUTHOR, author);
        }
      /* Translators: the PDF report's subject in its document properties */
      cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_SUBJECT, _("Readiness report"));
      cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_CREATOR, creator);
      if (created != NULL)
        cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_CREATE_DATE, created);

      pdf.cr = cairo_create (pdf.surface);
      render_pass (&pdf);
      g_warn_if_fail (pdf.cancelled || pdf.page == pdf.n_pages);
      cairo_destroy (pdf.cr);
      cairo_surface_finish (pdf.surface);
      status = cairo_surface_status (pdf.surface);
      cairo_surface_destroy (pdf.surface);

      if (status != CAIRO_STATUS_SUCCESS && !pdf.cancelled)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     /* Translators: %s is cairo's reason */
                     _("Could not write the PDF: %s"), cairo_status_to_string (status));
    }

  g_object_unref (pdf.context);
  g_object_unref (pdf.font_map);
  g_array_unref (pdf.chapter_pages);
  g_free (pdf.title);
  g_free (pdf.date);

  if (pdf.cancelled || g_cancellable_is_cancelled (cancellable))
    {
      g_clear_error (error);
      g_cancellable_set_error_if_cancelled (cancellable, error);
      return NULL;
    }
  if (error != NULL && *error != NULL)
    return NULL;
  if (bytes == NULL || status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the PDF"));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
