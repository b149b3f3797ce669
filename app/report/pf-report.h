/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pf-catalog.h"
#include "pf-document.h"
#include "pf-readiness.h"

G_BEGIN_DECLS

/* The readiness report (DESIGN.md §6) as a format-neutral model: a cover
 * (title, verdict, date, anchor) and a flat list of blocks, built once from
 * the project on the main thread. The model owns copies of every text, so
 * it can be rendered to PDF, HTML, Markdown or JSON in a worker thread while
 * the user goes on editing.
 *
 * Every text in the model is plain text — user-written or translated —
 * never markup: each renderer escapes it for its format. */

typedef enum
{
  PF_REPORT_PDF,
  PF_REPORT_HTML,
  PF_REPORT_MARKDOWN,
  PF_REPORT_JSON,
} PfReportFormat;

typedef enum
{
  PF_PAPER_A4,
  PF_PAPER_LETTER,
} PfPaper;

/* A hint for the colour or mark of a cell, list item or paragraph. */
typedef enum
{
  PF_TONE_NONE,
  PF_TONE_GOOD,     /* current sign-off, passed gate */
  PF_TONE_WARNING,  /* condition, warning, stale */
  PF_TONE_BAD,      /* blocker, broken chain */
  PF_TONE_MUTED,    /* not answered, not applicable, withdrawn */
} PfTone;

typedef enum
{
  PF_BLOCK_HEADING,    /* level 1–3, text; level 1 starts a new PDF page and an outline entry */
  PF_BLOCK_PARAGRAPH,  /* text, tone */
  PF_BLOCK_LIST,       /* items: a bulleted list; each item's tone marks it */
  PF_BLOCK_FIELDS,     /* items as label/value pairs: a question and its answer */
  PF_BLOCK_TABLE,      /* columns and rows of cells; breaks across pages, header repeated */
  PF_BLOCK_CHART,      /* the risk profile along the six causes (PfReport.scores) */
} PfBlockKind;

typedef struct
{
  char   *text;
  PfTone  tone;
} PfReportText;

typedef struct
{
  char   *label;  /* for PF_BLOCK_FIELDS; NULL in lists */
  char   *text;
  char   *note;   /* nullable: smaller text under the item, e.g. a blocker's detail or who answered */
  PfTone  tone;
} PfReportItem;

typedef struct
{
  PfBlockKind  kind;
  guint        level;    /* PF_BLOCK_HEADING */
  char        *text;     /* PF_BLOCK_HEADING, PF_BLOCK_PARAGRAPH, optional caption of a table */
  char        *anchor;   /* PF_BLOCK_HEADING: a stable id ("summary", "phase-modeling") */
  PfTone       tone;     /* PF_BLOCK_PARAGRAPH */
  GPtrArray   *items;    /* PfReportItem, PF_BLOCK_LIST and PF_BLOCK_FIELDS */
  GPtrArray   *columns;  /* char *, PF_BLOCK_TABLE */
  double      *widths;   /* PF_BLOCK_TABLE: relative column widths, summing to 1 */
  GPtrArray   *rows;     /* GPtrArray of PfReportText, one per column, PF_BLOCK_TABLE */
} PfReportBlock;

typedef struct
{
  /* The cover */
  char        *title;        /* the project's title */
  char        *description;  /* nullable */
  char        *author;       /* who exported it */
  GDateTime   *created;      /* UTC */
  PfVerdict    verdict;
  char        *verdict_summary;  /* one sentence: "3 blockers stand between …" */
  char        *anchor;       /* the audit trail's head hash, or NULL without entries */
  guint        n_audit_entries;
  gboolean     audit_intact;
  double       scores[PF_N_CAUSES];

  GPtrArray   *blocks;       /* PfReportBlock, in reading order */
  JsonNode    *json;         /* the JSON export's root (data/report-schema.json) */
} PfReport;

/* Building (pf-report.c): the content, from the project. Call on the
 * thread that owns @document. @now may be NULL for the current time. */
PfReport      *pf_report_new              (PfCatalog          *catalog,
                                           PfDocument         *document,
                                           const PfReadiness  *readiness,
                                           GDateTime          *now);
void           pf_report_free             (PfReport           *report);

/* The model's building blocks, for pf-report.c and tests. */
PfReportBlock *pf_report_add_heading      (PfReport           *report,
                                           guint               level,
                                           const char         *text,
                                           const char         *anchor);
PfReportBlock *pf_report_add_paragraph    (PfReport           *report,
                                           const char         *text,
                                           PfTone              tone);
PfReportBlock *pf_report_add_list         (PfReport           *report);
PfReportBlock *pf_report_add_fields       (PfReport           *report);
void           pf_report_block_add_item   (PfReportBlock      *block,
                                           const char         *label,
                                           const char         *text,
                                           const char         *note,
                                           PfTone              tone);
PfReportBlock *pf_report_add_table        (PfReport           *report,
                                           const char         *caption,
                                           const char * const *columns,
                                           const double       *widths);
/* Adds a row: one text per column, then one tone per column (or NULL). */
void           pf_report_table_add_row    (PfReportBlock      *table,
                                           const char * const *cells,
                                           const PfTone       *tones);
PfReportBlock *pf_report_add_chart        (PfReport           *report);

/* Rendering: thread-safe, the model is only read. */
GBytes        *pf_report_render_pdf       (const PfReport     *report,
                                           PfPaper             paper,
                                           GCancellable       *cancellable,
                                           GError            **error);
GBytes        *pf_report_render_html      (const PfReport     *report,
                                           GError            **error);
GBytes        *pf_report_render_markdown  (const PfReport     *report,
                                           GError            **error);
GBytes        *pf_report_render_json      (const PfReport     *report,
                                           GError            **error);
GBytes        *pf_report_render           (const PfReport     *report,
                                           PfReportFormat      format,
                                           PfPaper             paper,
                                           GCancellable       *cancellable,
                                           GError            **error);

gboolean       pf_report_format_from_string    (const char     *text,
                                                PfReportFormat *format);
gboolean       pf_report_format_from_filename  (const char     *filename,
                                                PfReportFormat *format);
const char    *pf_report_format_get_extension  (PfReportFormat  format);
const char    *pf_report_format_get_title      (PfReportFormat  format);
gboolean       pf_paper_from_string            (const char     *text,
                                                PfPaper        *paper);
PfPaper        pf_paper_get_default            (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PfReport, pf_report_free)

G_END_DECLS
