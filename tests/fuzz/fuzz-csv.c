/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fuzz target for the CSV reader. Any bytes are read as a CSV file, and
 * every invariant that must hold for any file is checked:
 *
 *  - reading never fails, except for a row longer than max_record_bytes
 *    without a line break, and then with a PF_CSV_ERROR;
 *  - the reader makes the same of the input whether it is read whole or a
 *    few bytes at a time (with detection, and with options chosen from the
 *    input's hash: delimiter, header, a small max_record_bytes, max_sites);
 *  - records go forward: lines and offsets grow, stay within the input;
 *    an unquoted field holds no delimiter and no line break; a record said
 *    to be UTF-8 is; a field's UTF-8 copy is UTF-8; problem sites are at
 *    most max_sites, in line order per problem, within the lines read;
 *  - when no quote was stray or left open, writing the records out again
 *    (quoting what needs it) and reading that gives the same fields.
 *
 * GLib criticals and warnings are fatal, as in the test suite. A broken
 * invariant aborts with a message on stderr.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "csv-test-util.h"

/* The libFuzzer entry point, shared with replay.c. */
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

#define CHECK(cond, ...) \
  G_STMT_START { \
    if (G_UNLIKELY (!(cond))) \
      fuzz_fail (__LINE__, #cond, __VA_ARGS__); \
  } G_STMT_END

G_GNUC_NORETURN G_GNUC_PRINTF (3, 4)
static void
fuzz_fail (int         line,
           const char *cond,
           const char *format,
           ...)
{
  va_list args;

  fprintf (stderr, "fuzz-csv.c:%d: invariant broken: %s\n  ", line, cond);
  va_start (args, format);
  vfprintf (stderr, format, args);
  va_end (args);
  fputc ('\n', stderr);
  fflush (stderr);
  abort ();
}

static guint64
hash_bytes (const guint8 *data,
            gsize         size)
{
  guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325);

  for (gsize i = 0; i < size; i++)
    h = (h ^ data[i]) * G_GUINT64_CONSTANT (0x100000001b3);

  return h;
}

/* UTF-8, with NUL allowed (as the reader has it). */
static gboolean
is_utf8 (const char *text,
         gsize       length)
{
  const char *end = text + length;

  while (text < end)
    {
      const char *bad;

      if (g_utf8_validate_len (text, end - text, &bad))
        return TRUE;
      if (*bad != '\0')
        return FALSE;
      text = bad + 1;
    }
  return TRUE;
}

static void
write_field (GString          *out,
             const PfCsvField *field,
             char              delimiter)
{
  gboolean quote = field->length == 0 || field->data[0] == '"';

  for (gsize i = 0; i < field->length && !quote; i++)
    {
      char c = field->data[i];

      quote = c == delimiter || c == '"' || c == '\n' || c == '\r';
    }

  if (!quote)
    {
      g_string_append_len (out, field->data, field->length);
      return;
    }

  g_string_append_c (out, '"');
  for (gsize i = 0; i < field->length; i++)
    {
      if (field->data[i] == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, field->data[i]);
    }
  g_string_append_c (out, '"');
}

static void
write_record (GString          *out,
              const PfCsvField *fields,
              guint             n_fields,
              char              delimiter)
{
  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, delimiter);
      write_field (out, &fields[i], delimiter);
    }
  g_string_append (out, "\r\n");
}

/* The fields of every record, as one string, to compare. */
static void
append_fields (GString          *out,
               const PfCsvField *fields,
               guint             n_fields)
{
  g_string_append_printf (out, "%u:", n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      g_string_append_printf (out, "%" G_GSIZE_FORMAT ":", fields[i].length);
      g_string_append_len (out, fields[i].data, fields[i].length);
    }
  g_string_append_c (out, '\n');
}

/* Reads @data with @options, checks the invariants of each record, and
 * returns its fields (header first) and, for the round trip, the records
 * written out again. */
static void
read_checked (const guint8        *data,
              gsize                size,
              const PfCsvOptions  *options,
              GString             *fields_out,
              GString             *rewritten,
              gboolean            *clean)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, size, NULL);
  g_autoptr(PfCsvReader) reader = pf_csv_reader_new (stream, options);
  g_autoptr(GError) error = NULL;
  const PfCsvRecord *record;
  const char * const *header;
  guint64 last_line = 0, last_offset = 0, n_records = 0;
  guint max_sites = options->max_sites ? options->max_sites : 100;
  char delimiter;

  CHECK (pf_csv_reader_prepare (reader, NULL, &error), "prepare: %s", error->message);
  delimiter = pf_csv_reader_get_delimiter (reader);
  CHECK (delimiter != '"' && delimiter != '\n' && delimiter != '\r', "delimiter %d", delimiter);
  CHECK (options->delimiter == 0 || delimiter == options->delimiter, "delimiter %d", delimiter);

  while ((record = pf_csv_reader_next (reader, NULL, &error)))
    {
      CHECK (record->n_fields >= 1, "a record of no fields");
      CHECK (record->line > last_line, "line %" G_GUINT64_FORMAT " after %" G_GUINT64_FORMAT,
             record->line, last_line);
      CHECK (record->offset >= last_offset && record->offset < size, "offset %" G_GUINT64_FORMAT, record->offset);
      CHECK (record->line <= pf_csv_reader_get_n_lines (reader), "line %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT,
             record->line, pf_csv_reader_get_n_lines (reader));
      last_line = record->line;
      last_offset = record->offset;
      n_records++;

      for (guint i = 0; i < record->n_fields; i++)
        {
          const PfCsvField *field = &record->fields[i];

          CHECK (field->data != NULL || field->length == 0, "field %u", i);
          if (!field->quoted)
            {
              CHECK (memchr (field->data, delimiter, field->length) == NULL &&
                     memchr (field->data, '\n', field->length) == NULL &&
                     memchr (field->data, '\r', field->length) == NULL,
                     "line %" G_GUINT64_FORMAT ": an unquoted field with a delimiter or a line break", record->line);
            }
          if (record->valid_utf8)
            CHECK (is_utf8 (field->data, field->length), "line %" G_GUINT64_FORMAT ": said UTF-8, is not", record->line);

          for (PfCsvEncoding encoding = PF_CSV_ENCODING_MOSTLY_UTF8; encoding <= PF_CSV_ENCODING_WINDOWS_1252; encoding++)
            {
              g_autofree char *copy = pf_csv_field_dup_utf8 (field, encoding);

              CHECK (g_utf8_validate (copy, -1, NULL), "line %" G_GUINT64_FORMAT ": a copy that is not UTF-8",
                     record->line);
            }
        }

      if (record->n_fields == 1 && record->fields[0].length == 0 && !record->fields[0].quoted)
        CHECK (FALSE, "line %" G_GUINT64_FORMAT ": a blank line as a record", record->line);

      append_fields (fields_out, record->fields, record->n_fields);
      write_record (rewritten, record->fields, record->n_fields, delimiter);
    }

  if (error)
    {
      CHECK (g_error_matches (error, PF_CSV_ERROR, PF_CSV_ERROR_RECORD_TOO_LONG), "error %s", error->message);
      CHECK (g_utf8_validate (error->message, -1, NULL) && error->message[0], "error message");
      *clean = FALSE;
      g_string_append_printf (fields_out, "error: %s\n", error->message);
      return;
    }

  CHECK (pf_csv_reader_get_offset (reader) == size, "stopped at %" G_GUINT64_FORMAT " of %" G_GSIZE_FORMAT,
         pf_csv_reader_get_offset (reader), size);
  CHECK (pf_csv_reader_get_n_records (reader) == n_records, "records");
  CHECK (pf_csv_reader_next (reader, NULL, NULL) == NULL, "a record after the end");

  header = pf_csv_reader_get_header (reader);
  CHECK (header == NULL || pf_csv_reader_get_has_header (reader), "a header where there is none");
  if (header)
    {
      guint n = g_strv_length ((char **)header);
      g_autofree PfCsvField *cells = g_new0 (PfCsvField, n + 1);
      g_autoptr(GString) line = g_string_new (NULL);
      g_autoptr(GString) cells_out = g_string_new ("header ");

      CHECK (n == pf_csv_reader_get_n_columns (reader), "header of %u, %u columns", n,
             pf_csv_reader_get_n_columns (reader));
      for (guint i = 0; i < n; i++)
        {
          cells[i].data = header[i];
          cells[i].length = strlen (header[i]);
        }
      write_record (line, cells, n, delimiter);
      g_string_prepend (rewritten, line->str);
      append_fields (cells_out, cells, n);
      g_string_prepend (fields_out, cells_out->str);

      /* A NUL cuts a header cell short: the round trip would differ. */
      if (memchr (data, '\0', size))
        *clean = FALSE;
    }

  for (PfCsvProblem problem = 0; problem < PF_CSV_N_PROBLEMS; problem++)
    {
      guint n_sites;
      const PfCsvSite *sites = pf_csv_reader_get_problem_sites (reader, problem, &n_sites);
      guint64 count = pf_csv_reader_get_problem_count (reader, problem);

      CHECK (n_sites <= max_sites && n_sites <= count, "problem %d: %u sites of %" G_GUINT64_FORMAT,
             problem, n_sites, count);
      CHECK (count == 0 || n_sites > 0, "problem %d: no sites", problem);
      for (guint i = 0; i < n_sites; i++)
        {
          CHECK (sites[i].line >= 1 && sites[i].line <= MAX (pf_csv_reader_get_n_lines (reader), 1),
                 "problem %d: line %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT, problem, sites[i].line,
                 pf_csv_reader_get_n_lines (reader));
          CHECK (i == 0 || sites[i].line >= sites[i - 1].line, "problem %d: sites out of order", problem);
        }
    }

  /* Stray and open quotes are read leniently, not kept as they were; a
   * first field that starts with a byte order mark would be skipped. */
  if (pf_csv_reader_get_problem_count (reader, PF_CSV_PROBLEM_STRAY_QUOTE) > 0 ||
      pf_csv_reader_get_problem_count (reader, PF_CSV_PROBLEM_UNTERMINATED_QUOTE) > 0 ||
      g_str_has_prefix (rewritten->str, "\xef\xbb\xbf"))
    *clean = FALSE;

  CHECK (pf_csv_reader_get_encoding (reader) <= PF_CSV_ENCODING_UTF16, "encoding");
  CHECK (pf_csv_encoding_describe (pf_csv_reader_get_encoding (reader)) != NULL, "encoding");
}

/* The dump of a read a few bytes at a time equals that of a read at once. */
static void
check_splits (const guint8       *data,
              gsize               size,
              const PfCsvOptions *options,
              guint64             hash)
{
  g_autoptr(GInputStream) whole = g_memory_input_stream_new_from_data (data, size, NULL);
  g_autoptr(GInputStream) trickle = csv_trickle_stream_new (data, size, size ? hash % (size + 1) : 0,
                                                            (guint32)(hash >> 32));
  PfCsvOptions small = *options;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  small.block_size = 1 + (hash >> 8) % 16;
  a = csv_dump_stream (whole, options);
  b = csv_dump_stream (trickle, &small);
  CHECK (g_str_equal (a, b), "read whole:\n%s\nread in pieces:\n%s", a, b);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char delimiters[] = { 0, ',', ';', '\t', '|', ' ', 'a' };
  guint64 hash = hash_bytes (data, size);
  PfCsvOptions detect = { 0 };
  PfCsvOptions chosen = {
    .delimiter = delimiters[hash % G_N_ELEMENTS (delimiters)],
    .header = (hash >> 3) % 3,
    .max_record_bytes = 1 + (hash >> 5) % 200,
    .max_sites = 1 + (hash >> 13) % 4,
  };
  g_autoptr(GString) fields = g_string_new (NULL);
  g_autoptr(GString) rewritten = g_string_new (NULL);
  gboolean clean = TRUE;

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  /* A delimiter of 0 is "detect". */
  check_splits (data, size, &detect, hash);
  check_splits (data, size, &chosen, hash >> 17);

  {
    g_autoptr(GString) chosen_fields = g_string_new (NULL);
    g_autoptr(GString) chosen_rewritten = g_string_new (NULL);
    gboolean chosen_clean = TRUE;

    read_checked (data, size, &chosen, chosen_fields, chosen_rewritten, &chosen_clean);
  }
  read_checked (data, size, &detect, fields, rewritten, &clean);

  if (clean)
    {
      g_autoptr(GString) fields_again = g_string_new (NULL);
      g_autoptr(GString) rewritten_again = g_string_new (NULL);
      gboolean clean_again = TRUE;
      PfCsvOptions same = { 0 };
      g_autoptr(GInputStream) probe = g_memory_input_stream_new_from_data (data, size, NULL);
      g_autoptr(PfCsvReader) reader = pf_csv_reader_new (probe, NULL);

      CHECK (pf_csv_reader_prepare (reader, NULL, NULL), "prepare");
      same.delimiter = pf_csv_reader_get_delimiter (reader);
      same.header = pf_csv_reader_get_has_header (reader) ? PF_CSV_HEADER_PRESENT : PF_CSV_HEADER_ABSENT;

      read_checked ((const guint8 *)rewritten->str, rewritten->len, &same, fields_again, rewritten_again, &clean_again);
      CHECK (g_str_equal (fields->str, fields_again->str), "round trip:\n%s\nwritten:\n%s\nread back:\n%s",
             fields->str, rewritten->str, fields_again->str);
    }

  return 0;
}
