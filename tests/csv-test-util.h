/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the CSV reader's tests and its fuzz target: an input stream that
 * hands out its bytes a few at a time, and a text dump of everything the
 * reader makes of an input, to compare. Header-only. */

#include <gio/gio.h>
#include <string.h>

#include "pf-csv-reader.h"

/* A GInputStream over a copy of some bytes, returning @first bytes at the
 * first read (unless 0) and then 1 to 7 bytes per read (from @seed). */
typedef struct
{
  GInputStream parent_instance;
  guint8      *data;
  gsize        length;
  gsize        pos;
  gsize        first;
  guint32      seed;
  gboolean     started;
} CsvTrickleStream;

typedef struct
{
  GInputStreamClass parent_class;
} CsvTrickleStreamClass;

GType csv_trickle_stream_get_type (void);

G_DEFINE_TYPE (CsvTrickleStream, csv_trickle_stream, G_TYPE_INPUT_STREAM)

static gssize
csv_trickle_stream_read (GInputStream  *stream,
                         void          *buffer,
                         gsize          count,
                         GCancellable  *cancellable,
                         GError       **error)
{
  CsvTrickleStream *self = (CsvTrickleStream *)stream;
  gsize n;

  /* 0 bytes would mean the end of the input. */
  if (!self->started && self->first > 0)
    {
      n = self->first;
      self->started = TRUE;
    }
  else
    {
      self->seed = self->seed * 1103515245u + 12345u;
      n = 1 + (self->seed >> 16) % 7;
    }

  n = MIN (n, MIN (count, self->length - self->pos));
  if (n == 0)
    return 0;
  memcpy (buffer, self->data + self->pos, n);
  self->pos += n;
  return n;
}

static void
csv_trickle_stream_finalize (GObject *object)
{
  g_free (((CsvTrickleStream *)object)->data);
  G_OBJECT_CLASS (csv_trickle_stream_parent_class)->finalize (object);
}

static void
csv_trickle_stream_class_init (CsvTrickleStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = csv_trickle_stream_finalize;
  G_INPUT_STREAM_CLASS (klass)->read_fn = csv_trickle_stream_read;
}

static void
csv_trickle_stream_init (CsvTrickleStream *self)
{
}

static inline GInputStream *
csv_trickle_stream_new (const void *data,
                        gsize       length,
                        gsize       first,
                        guint32     seed)
{
  CsvTrickleStream *self = g_object_new (csv_trickle_stream_get_type (), NULL);

  self->data = g_memdup2 (data, length);
  self->length = length;
  self->first = first;
  self->seed = seed;
  return G_INPUT_STREAM (self);
}

static inline void
csv_dump_text (GString    *out,
               const char *data,
               gsize       length)
{
  for (gsize i = 0; i < length; i++)
    {
      guchar c = data[i];

      if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c == '\\')
        g_string_append (out, "\\\\");
      else if (c < 0x20 || c >= 0x7f)
        g_string_append_printf (out, "\\x%02x", c);
      else
        g_string_append_c (out, c);
    }
}

/* Everything the reader makes of @stream, one line per record:
 *   LINE:[unquoted]{quoted}…
 * and then the header, the totals and the problems. Errors end the dump
 * with "error: MESSAGE". */
static inline char *
csv_dump_stream (GInputStream       *stream,
                 const PfCsvOptions *options)
{
  g_autoptr(PfCsvReader) reader = pf_csv_reader_new (stream, options);
  g_autoptr(GError) error = NULL;
  GString *out = g_string_new (NULL);
  const PfCsvRecord *record;
  const char * const *header;

  while ((record = pf_csv_reader_next (reader, NULL, &error)))
    {
      g_string_append_printf (out, "%" G_GUINT64_FORMAT ":", record->line);
      for (guint i = 0; i < record->n_fields; i++)
        {
          const PfCsvField *field = &record->fields[i];

          g_string_append_c (out, field->quoted ? '{' : '[');
          csv_dump_text (out, field->data, field->length);
          g_string_append_c (out, field->quoted ? '}' : ']');
        }
      if (!record->valid_utf8)
        g_string_append (out, " (not UTF-8)");
      g_string_append_c (out, '\n');
    }

  if (error)
    {
      g_string_append_printf (out, "error: %s\n", error->message);
      return g_string_free (out, FALSE);
    }

  header = pf_csv_reader_get_header (reader);
  g_string_append (out, "delimiter ");
  csv_dump_text (out, (char[]){ pf_csv_reader_get_delimiter (reader) }, 1);
  g_string_append_printf (out, ", header %s", pf_csv_reader_get_has_header (reader) ? "yes" : "no");
  for (guint i = 0; header && header[i]; i++)
    {
      g_string_append_c (out, i ? '|' : ' ');
      csv_dump_text (out, header[i], strlen (header[i]));
    }
  g_string_append_printf (out, ", %u columns, bom %s\n", pf_csv_reader_get_n_columns (reader),
                          pf_csv_reader_get_had_bom (reader) ? "yes" : "no");
  g_string_append_printf (out, "%" G_GUINT64_FORMAT " records, %" G_GUINT64_FORMAT " lines, %"
                          G_GUINT64_FORMAT " blank, %" G_GUINT64_FORMAT " bytes, encoding %d\n",
                          pf_csv_reader_get_n_records (reader), pf_csv_reader_get_n_lines (reader),
                          pf_csv_reader_get_n_blank_lines (reader), pf_csv_reader_get_offset (reader),
                          pf_csv_reader_get_encoding (reader));

  for (PfCsvProblem problem = 0; problem < PF_CSV_N_PROBLEMS; problem++)
    {
      static const char * const names[] = { "ragged", "utf8", "stray", "unterminated" };
      guint n_sites;
      const PfCsvSite *sites = pf_csv_reader_get_problem_sites (reader, problem, &n_sites);
      guint64 count = pf_csv_reader_get_problem_count (reader, problem);

      if (count == 0)
        continue;
      g_string_append_printf (out, "%s %" G_GUINT64_FORMAT ":", names[problem], count);
      for (guint i = 0; i < n_sites; i++)
        g_string_append_printf (out, " %" G_GUINT64_FORMAT "/%" G_GUINT64_FORMAT, sites[i].line, sites[i].detail);
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

static inline char *
csv_dump_bytes (const void         *data,
                gsize               length,
                const PfCsvOptions *options)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (g_memdup2 (data, length), length, g_free);

  return csv_dump_stream (stream, options);
}
