/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pf-report.h"

/* The report model: its building blocks, and the content built from the
 * project (DESIGN.md §6). */

static void
report_text_free (PfReportText *text)
{
  g_free (text->text);
  g_free (text);
}

static void
report_item_free (PfReportItem *item)
{
  g_free (item->label);
  g_free (item->text);
  g_free (item->note);
  g_free (item);
}

static void
report_block_free (PfReportBlock *block)
{
  g_free (block->text);
  g_free (block->anchor);
  g_clear_pointer (&block->items, g_ptr_array_unref);
  g_clear_pointer (&block->columns, g_ptr_array_unref);
  g_free (block->widths);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_free (block);
}

void
pf_report_free (PfReport *report)
{
  if (report == NULL)
    return;

  g_free (report->title);
  g_free (report->description);
  g_free (report->author);
  g_clear_pointer (&report->created, g_date_time_unref);
  g_free (report->verdict_summary);
  g_free (report->anchor);
  g_clear_pointer (&report->blocks, g_ptr_array_unref);
  g_clear_pointer (&report->json, json_node_unref);
  g_free (report);
}

static PfReportBlock *
add_block (PfReport    *report,
           PfBlockKind  kind)
{
  PfReportBlock *block = g_new0 (PfReportBlock, 1);

  block->kind = kind;
  g_ptr_array_add (report->blocks, block);

  return block;
}

PfReportBlock *
pf_report_add_heading (PfReport   *report,
                       guint       level,
                       const char *text,
                       const char *anchor)
{
  PfReportBlock *block;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (level >= 1 && level <= 3, NULL);

  block = add_block (report, PF_BLOCK_HEADING);
  block->level = level;
  block->text = g_strdup (text ? text : "");
  block->anchor = g_strdup (anchor);

  return block;
}

PfReportBlock *
pf_report_add_paragraph (PfReport   *report,
                         const char *text,
                         PfTone      tone)
{
  PfReportBlock *block;

  g_return_val_if_fail (report != NULL, NULL);

  block = add_block (report, PF_BLOCK_PARAGRAPH);
  block->text = g_strdup (text ? text : "");
  block->tone = tone;

  return block;
}

PfReportBlock *
pf_report_add_list (PfReport *report)
{
  PfReportBlock *block;

  g_return_val_if_fail (report != NULL, NULL);

  block = add_block (report, PF_BLOCK_LIST);
  block->items = g_ptr_array_new_with_free_func ((GDestroyNotify)report_item_free);

  return block;
}

PfReportBlock *
pf_report_add_fields (PfReport *report)
{
  PfReportBlock *block;

  g_return_val_if_fail (report != NULL, NULL);

  block = add_block (report, PF_BLOCK_FIELDS);
  block->items = g_ptr_array_new_with_free_func ((GDestroyNotify)report_item_free);

  return block;
}

void
pf_report_block_add_item (PfReportBlock *block,
                          const char    *label,
                          const char    *text,
                          const char    *note,
                          PfTone         tone)
{
  PfReportItem *item;

  g_return_if_fail (block != NULL && block->items != NULL);

  item = g_new0 (PfReportItem, 1);
  item->label = g_strdup (label);
  item->text = g_strdup (text ? text : "");
  item->note = g_strdup (note);
  item->tone = tone;
  g_ptr_array_add (block->items, item);
}

PfReportBlock *
pf_report_add_table (PfReport           *report,
                     const char         *caption,
                     const char * const *columns,
                     const double       *widths)
{
  PfReportBlock *block;
  guint n = 0;
  double sum = 0;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (columns != NULL && columns[0] != NULL, NULL);

  block = add_block (report, PF_BLOCK_TABLE);
  block->text = g_strdup (caption);
  block->columns = g_ptr_array_new_with_free_func (g_free);
  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);

  for (n = 0; columns[n] != NULL; n++)
    g_ptr_array_add (block->columns, g_strdup (columns[n]));

  /* Widths are relative: normalised here, equal when not given. */
  block->widths = g_new (double, n);
  for (guint i = 0; i < n; i++)
    {
      block->widths[i] = widths != NULL && widths[i] > 0 ? widths[i] : 1.0;
      sum += block->widths[i];
    }
  for (guint i = 0; i < n; i++)
    block->widths[i] /= sum;

  return block;
}

void
pf_report_table_add_row (PfReportBlock      *table,
                         const char * const *cells,
                         const PfTone       *tones)
{
  GPtrArray *row;

  g_return_if_fail (table != NULL && table->kind == PF_BLOCK_TABLE);
  g_return_if_fail (cells != NULL);

  row = g_ptr_array_new_with_free_func ((GDestroyNotify)report_text_free);
  for (guint i = 0; i < table->columns->len; i++)
    {
      PfReportText *cell = g_new0 (PfReportText, 1);

      cell->text = g_strdup (cells[i] ? cells[i] : "");
      cell->tone = tones != NULL ? tones[i] : PF_TONE_NONE;
      g_ptr_array_add (row, cell);
    }
  g_ptr_array_add (table->rows, row);
}

PfReportBlock *
pf_report_add_chart (PfReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  return add_block (report, PF_BLOCK_CHART);
}

/**
 * pf_report_new:
 * @readiness: pf_readiness_evaluate() of the same document
 *
 * Returns: (transfer full): the report, with copies of every text
 */
PfReport *
pf_report_new (PfCatalog         *catalog,
               PfDocument        *document,
               const PfReadiness *readiness,
               GDateTime         *now)
{
  PfReport *report;

  g_return_val_if_fail (PF_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (PF_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (readiness != NULL, NULL);

  report = g_new0 (PfReport, 1);
  report->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify)report_block_free);
  report->created = now ? g_date_time_to_utc (now) : g_date_time_new_now_utc ();
  report->title = pf_document_dup_display_name (document);
  report->verdict = readiness->verdict;
  memcpy (report->scores, readiness->scores, sizeof report->scores);

  /* TODO(issue 5): the content — being written. */

  return report;
}
