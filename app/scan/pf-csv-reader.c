/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pf-csv-reader.h"

/* How the reader works
 *
 * The input is read into one buffer. A record is parsed from its first byte
 * up to its line break; when the data in the buffer ends before the record
 * does, the partial record is moved to the front of the buffer, more is
 * read (the buffer grows when the record fills it) and the record is parsed
 * again from its start. Nothing of a record is committed (line numbers,
 * problems) before it is complete, so the result does not depend on where
 * the reads happen to cut the input.
 *
 * The byte after the data is always a sentinel '\n', so that the inner
 * loops test one lookup table per byte and not the end of the data; a stop
 * at the sentinel is told apart by its address.
 *
 * Field slices point into the buffer. A quoted field without doubled quotes
 * is the span between its quotes; one with doubled quotes (or text after
 * its closing quote, or no closing quote) is unquoted in place once its
 * record is complete, which only ever shortens it. */

#define DEFAULT_BLOCK_SIZE       (1024 * 1024)
#define DEFAULT_MAX_RECORD_BYTES (64 * 1024 * 1024)
#define DEFAULT_MAX_SITES        100

/* Detection looks at this much of the input, and at most at SNIFF_ROWS records. */
#define SNIFF_BYTES (64 * 1024)
#define SNIFF_ROWS  100
#define HEADER_ROWS 20

G_DEFINE_QUARK (pf-csv-error-quark, pf_csv_error)

enum
{
  CHAR_PLAIN = 0,
  CHAR_QUOTE,
  CHAR_DELIMITER,
  CHAR_LF,
  CHAR_CR,
};

/* Inside quotes only these stop the scan. */
static const guint8 quoted_table[256] = {
  ['"'] = 1,
  ['\n'] = 1,
  ['\r'] = 1,
};

typedef enum
{
  PARSE_COMPLETE,
  PARSE_NEED_MORE,
} ParseStatus;

typedef struct
{
  guint8      table[256];
  guint8      delimiter;
  PfCsvField *fields;
  guint       n_fields;
  guint       fields_size;
  GArray     *complex;    /* guint: fields to unquote in place */
  GArray     *strays;     /* guint: line breaks before each stray quote */
  GArray     *literals;   /* gsize: quotes (from the record's start) read as plain characters */
} Parser;

typedef struct
{
  const guint8 *end;               /* after the record and its line break */
  guint         lines;             /* line breaks in the record and after it */
  const guint8 *open_quote;        /* PARSE_NEED_MORE inside quotes */
  guint         open_quote_line;
  const guint8 *unterminated;      /* PARSE_COMPLETE at the end of the input inside quotes */
  guint         unterminated_line;
} ParseResult;

typedef struct
{
  guint64  count;
  GArray  *sites;  /* PfCsvSite */
} ProblemLog;

struct _PfCsvReader
{
  GInputStream   *stream;
  PfCsvOptions    options;

  guint8         *buffer;
  gsize           capacity;   /* including the sentinel */
  gsize           pos;        /* the next record */
  gsize           len;        /* data in the buffer */
  guint64         buffer_offset;
  gboolean        eof;

  Parser          parser;
  PfCsvRecord     record;

  gboolean        prepared;
  gboolean        finished;
  gboolean        had_bom;
  gboolean        utf16_bom;
  gboolean        has_header;
  gboolean        header_pending;
  char          **header;
  guint           n_columns;
  gboolean        n_columns_known;
  gsize           sniff_bytes;       /* what detection looks at */

  guint64         line;            /* of the next record */
  gboolean        partial_line;    /* the input ended without a line break */
  guint64         n_records;
  guint64         n_blank_lines;
  guint64         invalid_records;     /* records with bytes that are not UTF-8 */
  guint64         non_ascii_records;   /* records of UTF-8 beyond ASCII */
  ProblemLog      problems[PF_CSV_N_PROBLEMS];
};

/* The parser */

static void
parser_init (Parser *parser,
             char    delimiter)
{
  memset (parser->table, CHAR_PLAIN, sizeof parser->table);
  parser->table['"'] = CHAR_QUOTE;
  parser->table['\n'] = CHAR_LF;
  parser->table['\r'] = CHAR_CR;
  parser->table[(guint8)delimiter] = CHAR_DELIMITER;
  parser->delimiter = (guint8)delimiter;
  parser->fields = NULL;
  parser->n_fields = 0;
  parser->fields_size = 0;
  parser->complex = g_array_new (FALSE, FALSE, sizeof (guint));
  parser->strays = g_array_new (FALSE, FALSE, sizeof (guint));
  parser->literals = g_array_new (FALSE, FALSE, sizeof (gsize));
}

static void
parser_set_delimiter (Parser *parser,
                      char    delimiter)
{
  parser->table[parser->delimiter] = CHAR_PLAIN;
  parser->table[(guint8)delimiter] = CHAR_DELIMITER;
  parser->delimiter = (guint8)delimiter;
}

static void
parser_clear (Parser *parser)
{
  g_clear_pointer (&parser->fields, g_free);
  g_clear_pointer (&parser->complex, g_array_unref);
  g_clear_pointer (&parser->strays, g_array_unref);
  g_clear_pointer (&parser->literals, g_array_unref);
}

static inline void
add_field (Parser       *parser,
           const guint8 *data,
           gsize         length,
           gboolean      quoted)
{
  PfCsvField *field;

  if (G_UNLIKELY (parser->n_fields == parser->fields_size))
    {
      parser->fields_size = MAX (64, parser->fields_size * 2);
      parser->fields = g_renew (PfCsvField, parser->fields, parser->fields_size);
    }

  field = &parser->fields[parser->n_fields++];
  field->data = (const char *)data;
  field->length = length;
  field->quoted = quoted;
}

static gboolean
is_literal (Parser *parser,
            gsize   offset)
{
  for (guint i = 0; i < parser->literals->len; i++)
    {
      if (g_array_index (parser->literals, gsize, i) == offset)
        return TRUE;
    }
  return FALSE;
}

/* Parses one record from @start. *end must be '\n' (the sentinel). With
 * @at_eof, the input ends at @end; otherwise more may follow, and a record
 * that is not complete before @end (or needs the byte at @end to know, as
 * after a CR or a quote) gives PARSE_NEED_MORE. */
static ParseStatus
parse_record (Parser       *parser,
              const guint8 *start,
              const guint8 *end,
              gboolean      at_eof,
              ParseResult  *result)
{
  const guint8 *table = parser->table;
  const guint8 *p = start;
  guint lines = 0;

  parser->n_fields = 0;
  g_array_set_size (parser->complex, 0);
  g_array_set_size (parser->strays, 0);
  result->open_quote = NULL;
  result->unterminated = NULL;

  for (;;)
    {
      const guint8 *field = p;
      guint8 c;

      if (*p == '"' &&
          (G_LIKELY (parser->literals->len == 0) || !is_literal (parser, p - start)))
        {
          gboolean complex = FALSE;

          result->open_quote = field;
          result->open_quote_line = lines;
          p++;
          for (;;)
            {
              while (!quoted_table[*p])
                p++;

              if (p >= end)
                {
                  if (!at_eof)
                    goto need_more_in_quotes;
                  result->unterminated = field;
                  result->unterminated_line = result->open_quote_line;
                  complex = TRUE;
                  break;
                }

              if (*p == '"')
                {
                  if (p + 1 >= end && !at_eof)
                    goto need_more_in_quotes;
                  if (p + 1 < end && p[1] == '"')
                    {
                      complex = TRUE;
                      p += 2;
                      continue;
                    }
                  p++;
                  break;
                }

              if (*p == '\n')
                {
                  lines++;
                  p++;
                  continue;
                }

              /* CR, maybe followed by LF */
              if (p + 1 >= end && !at_eof)
                goto need_more_in_quotes;
              p++;
              if (p < end && *p == '\n')
                p++;
              lines++;
            }

          /* Text after the closing quote belongs to the field, as in most
           * readers; it is a problem all the same. */
          if (table[*p] <= CHAR_QUOTE && p < end)
            {
              g_array_append_val (parser->strays, lines);
              complex = TRUE;
              for (;;)
                {
                  while (!table[*p])
                    p++;
                  if (*p != '"' || p >= end)
                    break;
                  p++;
                }
            }

          if (complex)
            {
              guint index = parser->n_fields;

              g_array_append_val (parser->complex, index);
              add_field (parser, field, p - field, TRUE);
            }
          else
            {
              add_field (parser, field + 1, p - field - 2, TRUE);
            }
        }
      else
        {
          /* A quote here is one read as a character: it was logged as
           * never closed. */
          if (*p == '"')
            p++;
          for (;;)
            {
              while (!table[*p])
                p++;
              if (*p != '"' || p >= end)
                break;
              g_array_append_val (parser->strays, lines);
              p++;
            }
          add_field (parser, field, p - field, FALSE);
        }

      if (p >= end)
        {
          if (!at_eof)
            goto need_more;
          result->end = end;
          break;
        }

      c = table[*p];
      if (c == CHAR_DELIMITER)
        {
          p++;
          continue;
        }

      if (c == CHAR_LF)
        {
          p++;
        }
      else
        {
          /* CR, maybe followed by LF */
          if (p + 1 >= end && !at_eof)
            goto need_more;
          p++;
          if (p < end && *p == '\n')
            p++;
        }
      lines++;
      result->end = p;
      break;
    }

  result->lines = lines;
  return PARSE_COMPLETE;

need_more_in_quotes:
  /* result->open_quote is the field being read. */
  return PARSE_NEED_MORE;

need_more:
  result->open_quote = NULL;
  return PARSE_NEED_MORE;
}

/* Unquotes a raw quoted field in place: the opening quote goes, doubled
 * quotes become one, the closing quote goes and what follows it stays. */
static gsize
unquote_in_place (char  *raw,
                  gsize  length)
{
  char *out = raw;
  gsize i = 1;

  while (i < length)
    {
      if (raw[i] == '"')
        {
          if (i + 1 < length && raw[i + 1] == '"')
            {
              *out++ = '"';
              i += 2;
              continue;
            }
          i++;
          break;
        }
      *out++ = raw[i++];
    }

  while (i < length)
    *out++ = raw[i++];

  return out - raw;
}

static void
parser_finish_fields (Parser *parser)
{
  for (guint i = 0; i < parser->complex->len; i++)
    {
      PfCsvField *field = &parser->fields[g_array_index (parser->complex, guint, i)];

      field->length = unquote_in_place ((char *)field->data, field->length);
    }
}

static inline gboolean
is_blank_record (Parser *parser)
{
  return parser->n_fields == 1 && parser->fields[0].length == 0 && !parser->fields[0].quoted;
}

/* Detection */

static gboolean
looks_like_value (const char *text)
{
  const char *p = text;

  while (*p == ' ')
    p++;
  if (*p == '+' || *p == '-' || *p == '.')
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;

  for (; *p; p++)
    {
      if (!g_ascii_isdigit (*p) && !strchr (".,-+/: eETZ", *p))
        return FALSE;
    }
  return TRUE;
}

static gboolean
is_blank_text (const char *text)
{
  for (; *text; text++)
    {
      if (*text != ' ' && *text != '\t')
        return FALSE;
    }
  return TRUE;
}

/* Whether the first of @rows (GStrv each) is a header: none of its cells
 * looks like a number or a date, and one at least says something; and
 * either a column holds numbers (or dates) below a text cell, or — when
 * every cell is named, each once — nothing follows, or no first-row cell
 * comes again in its column as a value would. An empty or repeated name
 * (pandas writes its index column with an empty one) needs the first kind
 * of evidence. */
static gboolean
detect_header (GPtrArray *rows)
{
  char **first;
  guint n;
  gboolean named = FALSE, weak = FALSE;
  g_autoptr(GHashTable) names = NULL;

  if (rows->len == 0)
    return FALSE;

  first = g_ptr_array_index (rows, 0);
  n = g_strv_length (first);
  names = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint j = 0; j < n; j++)
    {
      if (looks_like_value (first[j]))
        return FALSE;
      if (is_blank_text (first[j]))
        {
          weak = TRUE;
          continue;
        }
      named = TRUE;
      if (!g_hash_table_add (names, first[j]))
        weak = TRUE;
    }
  if (!named)
    return FALSE;

  if (rows->len == 1)
    return !weak;

  for (guint j = 0; j < n; j++)
    {
      guint values = 0, filled = 0;

      if (is_blank_text (first[j]))
        continue;
      for (guint i = 1; i < rows->len; i++)
        {
          char **row = g_ptr_array_index (rows, i);

          if (j >= g_strv_length (row) || is_blank_text (row[j]))
            continue;
          filled++;
          if (looks_like_value (row[j]))
            values++;
        }
      if (filled > 0 && values * 2 >= filled)
        return TRUE;
    }

  if (weak)
    return FALSE;

  for (guint j = 0; j < n; j++)
    {
      for (guint i = 1; i < rows->len; i++)
        {
          char **row = g_ptr_array_index (rows, i);

          if (j < g_strv_length (row) && g_str_equal (row[j], first[j]))
            return FALSE;
        }
    }

  return TRUE;
}

static char **
dup_fields (Parser *parser)
{
  char **cells = g_new (char *, parser->n_fields + 1);

  for (guint j = 0; j < parser->n_fields; j++)
    cells[j] = g_strndup (parser->fields[j].data, parser->fields[j].length);
  cells[parser->n_fields] = NULL;

  return cells;
}

/* How many of the first records of @sample have the most frequent number
 * of fields with @delimiter (as a share), and that number. */
static double
score_delimiter (const guint8 *sample,
                 gsize         length,
                 gboolean      at_eof,
                 char          delimiter,
                 guint        *n_columns)
{
  Parser parser;
  const guint8 *p = sample, *end = sample + length;
  guint counts[SNIFF_ROWS];
  guint n = 0, best = 0, best_count = 0;

  parser_init (&parser, delimiter);
  while (n < SNIFF_ROWS && p < end)
    {
      ParseResult result;

      if (parse_record (&parser, p, end, at_eof, &result) != PARSE_COMPLETE)
        break;
      p = result.end;
      if (!is_blank_record (&parser))
        counts[n++] = parser.n_fields;
    }
  parser_clear (&parser);

  for (guint i = 0; i < n; i++)
    {
      guint count = 0;

      for (guint k = 0; k < n; k++)
        count += counts[k] == counts[i];
      if (count > best_count || (count == best_count && counts[i] > best))
        {
          best = counts[i];
          best_count = count;
        }
    }

  *n_columns = best;
  if (n == 0 || best < 2)
    return 0;
  return (double)best_count / n;
}

static char
detect_delimiter (const guint8 *sample,
                  gsize         length,
                  gboolean      at_eof)
{
  static const char candidates[] = { ',', ';', '\t', '|' };
  char best = ',';
  double best_score = 0;
  guint best_columns = 0;

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      guint columns;
      double score = score_delimiter (sample, length, at_eof, candidates[i], &columns);

      if (score > best_score || (score == best_score && score > 0 && columns > best_columns))
        {
          best = candidates[i];
          best_score = score;
          best_columns = columns;
        }
    }

  return best;
}

/* @sample is a copy, changed in place. */
static gboolean
sniff_header (guint8   *sample,
              gsize     length,
              gboolean  at_eof,
              char      delimiter)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  Parser parser;
  const guint8 *p = sample, *end = sample + length;
  gboolean header;

  parser_init (&parser, delimiter);
  while (rows->len < HEADER_ROWS && p < end)
    {
      ParseResult result;

      if (parse_record (&parser, p, end, at_eof, &result) != PARSE_COMPLETE)
        break;
      p = result.end;
      if (is_blank_record (&parser))
        continue;
      parser_finish_fields (&parser);
      g_ptr_array_add (rows, dup_fields (&parser));
    }
  parser_clear (&parser);

  header = detect_header (rows);
  return header;
}

/* Problems and encoding */

static void
log_problem (PfCsvReader  *reader,
             PfCsvProblem  problem,
             guint64       line,
             guint64       detail)
{
  ProblemLog *log = &reader->problems[problem];

  log->count++;
  if (log->sites->len < reader->options.max_sites)
    {
      PfCsvSite site = { line, detail };

      g_array_append_val (log->sites, site);
    }
}

static gboolean
is_ascii (const guint8 *p,
          gsize         length)
{
  const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);
  gsize i = 0;
  guint8 tail = 0;

  for (; i + 32 <= length; i += 32)
    {
      guint64 a, b, c, d;

      memcpy (&a, p + i, 8);
      memcpy (&b, p + i + 8, 8);
      memcpy (&c, p + i + 16, 8);
      memcpy (&d, p + i + 24, 8);
      if ((a | b | c | d) & high)
        return FALSE;
    }
  for (; i + 8 <= length; i += 8)
    {
      guint64 a;

      memcpy (&a, p + i, 8);
      if (a & high)
        return FALSE;
    }
  for (; i < length; i++)
    tail |= p[i];

  return (tail & 0x80) == 0;
}

/* Counts the line breaks in [p, to) the way the parser does; @end is where
 * the record ends, for the LF after a CR. */
static guint
count_breaks (const guint8 *p,
              const guint8 *to,
              const guint8 *end)
{
  guint n = 0;

  for (; p < to; p++)
    {
      if (*p == '\n')
        n++;
      else if (*p == '\r' && !(p + 1 < end && p[1] == '\n'))
        n++;
    }
  return n;
}

/* Logs the lines of a record that hold bytes that are not UTF-8. NUL is
 * UTF-8 here (g_utf8_validate_len() stops at it). */
static gboolean
check_utf8 (PfCsvReader  *reader,
            const guint8 *start,
            const guint8 *end)
{
  ProblemLog *log = &reader->problems[PF_CSV_PROBLEM_INVALID_UTF8];
  const guint8 *p = start, *counted = start;
  guint64 line = reader->line;
  guint64 logged_line = 0;
  gboolean valid = TRUE;

  while (p < end)
    {
      const char *bad;

      if (g_utf8_validate_len ((const char *)p, end - p, &bad))
        break;
      p = (const guint8 *)bad;
      if (*p == '\0')
        {
          p++;
          continue;
        }

      valid = FALSE;
      line += count_breaks (counted, p, end);
      counted = p;
      if (line != logged_line)
        {
          log_problem (reader, PF_CSV_PROBLEM_INVALID_UTF8, line, 1);
          logged_line = line;
        }
      else if (log->sites->len > 0)
        {
          PfCsvSite *site = &g_array_index (log->sites, PfCsvSite, log->sites->len - 1);

          if (site->line == line)
            site->detail++;
        }
      p++;
    }

  if (valid)
    reader->non_ascii_records++;
  else
    reader->invalid_records++;
  return valid;
}

/* The reader */

PfCsvReader *
pf_csv_reader_new (GInputStream       *stream,
                   const PfCsvOptions *options)
{
  PfCsvReader *reader;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (options == NULL ||
                        (options->delimiter != '"' && options->delimiter != '\n' &&
                         options->delimiter != '\r'), NULL);

  reader = g_new0 (PfCsvReader, 1);
  reader->stream = g_object_ref (stream);
  if (options)
    reader->options = *options;
  if (reader->options.block_size == 0)
    reader->options.block_size = DEFAULT_BLOCK_SIZE;
  if (reader->options.max_record_bytes == 0)
    reader->options.max_record_bytes = DEFAULT_MAX_RECORD_BYTES;
  if (reader->options.max_sites == 0)
    reader->options.max_sites = DEFAULT_MAX_SITES;

  reader->capacity = reader->options.block_size + 1;
  reader->buffer = g_malloc (reader->capacity);
  reader->buffer[0] = '\n';
  reader->line = 1;
  parser_init (&reader->parser, ',');

  for (guint i = 0; i < PF_CSV_N_PROBLEMS; i++)
    reader->problems[i].sites = g_array_new (FALSE, FALSE, sizeof (PfCsvSite));

  return reader;
}

void
pf_csv_reader_free (PfCsvReader *reader)
{
  if (reader == NULL)
    return;

  g_object_unref (reader->stream);
  g_free (reader->buffer);
  parser_clear (&reader->parser);
  g_strfreev (reader->header);
  for (guint i = 0; i < PF_CSV_N_PROBLEMS; i++)
    g_array_unref (reader->problems[i].sites);
  g_free (reader);
}

/* Moves the unread data to the front and reads until there is at least
 * @want bytes of it, or to the end of the input. */
/* Line breaks (LF, or CR not before LF) in the first @length bytes of
 * @data, counted up to @enough. */
static guint
count_line_breaks (const guint8 *data,
                   gsize         length,
                   guint         enough)
{
  guint n = 0;

  for (gsize i = 0; i < length && n < enough; i++)
    if (data[i] == '\n' || (data[i] == '\r' && (i + 1 >= length || data[i + 1] != '\n')))
      n++;
  return n;
}

static gboolean
fill (PfCsvReader   *reader,
      gsize          want,
      GCancellable  *cancellable,
      GError       **error)
{
  gsize keep = reader->len - reader->pos;

  if (reader->pos > 0)
    {
      memmove (reader->buffer, reader->buffer + reader->pos, keep);
      reader->buffer_offset += reader->pos;
      reader->len = keep;
      reader->pos = 0;
    }

  while (!reader->eof && reader->len < want)
    {
      gssize n;

      if (reader->len + 1 >= reader->capacity)
        {
          reader->capacity = (reader->capacity - 1) * 2 + 1;
          reader->buffer = g_realloc (reader->buffer, reader->capacity);
        }

      n = g_input_stream_read (reader->stream, reader->buffer + reader->len,
                               reader->capacity - 1 - reader->len, cancellable, error);
      if (n < 0)
        return FALSE;
      if (n == 0)
        reader->eof = TRUE;
      reader->len += n;
    }

  reader->buffer[reader->len] = '\n';
  return TRUE;
}

gboolean
pf_csv_reader_prepare (PfCsvReader   *reader,
                       GCancellable  *cancellable,
                       GError       **error)
{
  const guint8 *data;
  gsize length;
  gboolean whole, sniff;
  char delimiter;

  g_return_val_if_fail (reader != NULL, FALSE);

  if (reader->prepared)
    return TRUE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* Detection looks at the first SNIFF_BYTES; without detection only a
   * byte order mark is looked for. */
  sniff = reader->options.delimiter == 0 || reader->options.header == PF_CSV_HEADER_DETECT;
  if (!fill (reader, sniff ? 3 + SNIFF_BYTES : 3, cancellable, error))
    return FALSE;

  data = reader->buffer;
  reader->sniff_bytes = SNIFF_BYTES;
  if (reader->len >= 3 && data[0] == 0xef && data[1] == 0xbb && data[2] == 0xbf)
    {
      reader->had_bom = TRUE;
      reader->pos = 3;
    }
  else if (reader->len >= 2 && ((data[0] == 0xff && data[1] == 0xfe) || (data[0] == 0xfe && data[1] == 0xff)))
    {
      reader->utf16_bom = TRUE;
    }

  /* A wide file's header alone may be longer than SNIFF_BYTES: detection
   * then looks further, up to its third line break (at most
   * max_record_bytes). */
  if (sniff)
    {
      gsize sniff_bytes = SNIFF_BYTES;

      while (!reader->eof && sniff_bytes < reader->options.max_record_bytes &&
             count_line_breaks (reader->buffer + reader->pos, MIN (reader->len - reader->pos, sniff_bytes), 3) < 3)
        {
          sniff_bytes = MIN (sniff_bytes * 4, reader->options.max_record_bytes);
          if (!fill (reader, reader->pos + sniff_bytes, cancellable, error))
            return FALSE;
        }
      reader->sniff_bytes = sniff_bytes;
    }

  data = reader->buffer + reader->pos;
  length = MIN (reader->len - reader->pos, reader->sniff_bytes);
  whole = reader->eof && length == reader->len - reader->pos;

  delimiter = reader->options.delimiter;
  if (delimiter == 0)
    delimiter = detect_delimiter (data, length, whole);
  parser_set_delimiter (&reader->parser, delimiter);

  switch (reader->options.header)
    {
    case PF_CSV_HEADER_PRESENT:
      reader->has_header = TRUE;
      break;
    case PF_CSV_HEADER_ABSENT:
      reader->has_header = FALSE;
      break;
    case PF_CSV_HEADER_DETECT:
    default:
      {
        /* A copy with its sentinel: detection unquotes in place. */
        g_autofree guint8 *sample = g_malloc (length + 1);

        memcpy (sample, data, length);
        sample[length] = '\n';
        reader->has_header = sniff_header (sample, length, whole, delimiter);
      }
      break;
    }

  reader->header_pending = reader->has_header;
  reader->prepared = TRUE;
  return TRUE;
}

const PfCsvRecord *
pf_csv_reader_next (PfCsvReader   *reader,
                    GCancellable  *cancellable,
                    GError       **error)
{
  Parser *parser = &reader->parser;

  g_return_val_if_fail (reader != NULL, NULL);

  if (!reader->prepared && !pf_csv_reader_prepare (reader, cancellable, error))
    return NULL;

  for (;;)
    {
      gsize max = reader->options.max_record_bytes;
      gsize available = reader->len - reader->pos;
      gsize window = MIN (available, max);
      guint8 *start = reader->buffer + reader->pos;
      guint8 *end = start + window;
      gboolean at_eof = reader->eof && available <= max;
      guint8 saved = *end;
      ParseResult result;
      ParseStatus status;

      if (reader->finished)
        return NULL;

      if (available == 0)
        {
          if (reader->eof)
            {
              reader->finished = TRUE;
              return NULL;
            }
          if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
              !fill (reader, reader->options.block_size, cancellable, error))
            return NULL;
          continue;
        }

      /* Only the first max_record_bytes of a record are looked at, so that
       * what happens to a long record does not depend on the reads. */
      *end = '\n';
      status = parse_record (parser, start, end, at_eof, &result);
      *end = saved;

      if (status == PARSE_NEED_MORE)
        {
          /* With exactly max bytes, whether the input ends there decides. */
          if (available > max)
            {
              if (result.open_quote == NULL)
                {
                  g_autofree char *line = g_strdup_printf ("%" G_GUINT64_FORMAT, reader->line);
                  g_autofree char *size = g_format_size (max);

                  g_set_error (error, PF_CSV_ERROR, PF_CSV_ERROR_RECORD_TOO_LONG,
                               /* Translators: the first %s is a line number, the second a size such as "64 MB". */
                               _("Line %s: a row is longer than %s without a line break; this does not look "
                                 "like a CSV file"),
                               line, size);
                  reader->finished = TRUE;
                  return NULL;
                }

              /* A quote still open so far on is taken as a character. */
              log_problem (reader, PF_CSV_PROBLEM_UNTERMINATED_QUOTE,
                           reader->line + result.open_quote_line, 0);
              g_array_append_val (parser->literals, (gsize){ result.open_quote - start });
              continue;
            }

          if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
              !fill (reader, MAX (available * 2, reader->options.block_size), cancellable, error))
            return NULL;
          continue;
        }

      /* The record is complete: commit it. */
      g_array_set_size (parser->literals, 0);
      reader->record.line = reader->line;
      reader->record.offset = reader->buffer_offset + reader->pos;
      reader->record.valid_utf8 = is_ascii (start, result.end - start) ||
                                  check_utf8 (reader, start, result.end);

      for (guint i = 0; i < parser->strays->len; i++)
        log_problem (reader, PF_CSV_PROBLEM_STRAY_QUOTE,
                     reader->line + g_array_index (parser->strays, guint, i), 0);
      if (result.unterminated)
        log_problem (reader, PF_CSV_PROBLEM_UNTERMINATED_QUOTE,
                     reader->line + result.unterminated_line, 0);

      parser_finish_fields (parser);
      reader->line += result.lines;
      reader->partial_line = result.end[-1] != '\n' && result.end[-1] != '\r';
      reader->pos = result.end - reader->buffer;

      if (is_blank_record (parser))
        {
          reader->n_blank_lines++;
          continue;
        }

      if (reader->header_pending)
        {
          reader->header = dup_fields (parser);
          reader->n_columns = parser->n_fields;
          reader->n_columns_known = TRUE;
          reader->header_pending = FALSE;
          continue;
        }

      if (!reader->n_columns_known)
        {
          reader->n_columns = parser->n_fields;
          reader->n_columns_known = TRUE;
        }
      else if (parser->n_fields != reader->n_columns)
        {
          log_problem (reader, PF_CSV_PROBLEM_RAGGED_ROW, reader->record.line, parser->n_fields);
        }

      reader->n_records++;
      reader->record.fields = parser->fields;
      reader->record.n_fields = parser->n_fields;
      return &reader->record;
    }
}

char
pf_csv_reader_get_delimiter (PfCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, ',');

  return (char)reader->parser.delimiter;
}

gboolean
pf_csv_reader_get_has_header (PfCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, FALSE);

  return reader->has_header;
}

gboolean
pf_csv_reader_get_had_bom (PfCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, FALSE);

  return reader->had_bom;
}

const char * const *
pf_csv_reader_get_header (PfCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, NULL);

  return (const char * const *)reader->header;
}

guint
pf_csv_reader_get_n_columns (PfCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  return reader->n_columns;
}

guint64
pf_csv_reader_get_offset (PfCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  return reader->buffer_offset + reader->pos;
}

guint64
pf_csv_reader_get_n_records (PfCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  return reader->n_records;
}

guint64
pf_csv_reader_get_n_lines (PfCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  return reader->line - 1 + (reader->partial_line ? 1 : 0);
}

guint64
pf_csv_reader_get_n_blank_lines (PfCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  return reader->n_blank_lines;
}

guint64
pf_csv_reader_get_problem_count (PfCsvReader  *reader,
                                 PfCsvProblem  problem)
{
  g_return_val_if_fail (reader != NULL, 0);
  g_return_val_if_fail (problem < PF_CSV_N_PROBLEMS, 0);

  return reader->problems[problem].count;
}

const PfCsvSite *
pf_csv_reader_get_problem_sites (PfCsvReader  *reader,
                                 PfCsvProblem  problem,
                                 guint        *n_sites)
{
  g_return_val_if_fail (reader != NULL, NULL);
  g_return_val_if_fail (problem < PF_CSV_N_PROBLEMS, NULL);

  if (n_sites)
    *n_sites = reader->problems[problem].sites->len;
  return (const PfCsvSite *)reader->problems[problem].sites->data;
}

PfCsvEncoding
pf_csv_reader_get_encoding (PfCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, PF_CSV_ENCODING_UTF8);

  if (reader->utf16_bom)
    return PF_CSV_ENCODING_UTF16;
  if (reader->invalid_records == 0)
    return PF_CSV_ENCODING_UTF8;
  /* In Latin-1 text nearly every record beyond ASCII is invalid UTF-8; in
   * UTF-8 text with a few bad bytes, few are. */
  if (reader->invalid_records > reader->non_ascii_records)
    return PF_CSV_ENCODING_WINDOWS_1252;
  return PF_CSV_ENCODING_MOSTLY_UTF8;
}

/* Windows-1252 from 0x80 to 0x9f; its five unused bytes as in Latin-1. */
static const gunichar windows_1252[32] = {
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
  0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
  0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
};

char *
pf_csv_field_dup_utf8 (const PfCsvField *field,
                       PfCsvEncoding     encoding)
{
  GString *out;

  g_return_val_if_fail (field != NULL, NULL);

  if (encoding != PF_CSV_ENCODING_WINDOWS_1252)
    return g_utf8_make_valid (field->length ? field->data : "", field->length);

  out = g_string_sized_new (field->length + 16);
  for (gsize i = 0; i < field->length; i++)
    {
      guchar c = field->data[i];

      if (c == 0)
        g_string_append_unichar (out, 0xfffd);
      else if (c < 0x80)
        g_string_append_c (out, c);
      else if (c < 0xa0)
        g_string_append_unichar (out, windows_1252[c - 0x80]);
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

const char *
pf_csv_problem_describe (PfCsvProblem problem)
{
  switch (problem)
    {
    case PF_CSV_PROBLEM_RAGGED_ROW:
      return _("Rows with more or fewer fields than the header");
    case PF_CSV_PROBLEM_INVALID_UTF8:
      return _("Lines with bytes that are not UTF-8");
    case PF_CSV_PROBLEM_STRAY_QUOTE:
      return _("Quotes inside unquoted fields or text after a closing quote");
    case PF_CSV_PROBLEM_UNTERMINATED_QUOTE:
      return _("Quotes that are never closed");
    case PF_CSV_N_PROBLEMS:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
pf_csv_encoding_describe (PfCsvEncoding encoding)
{
  switch (encoding)
    {
    case PF_CSV_ENCODING_UTF8:
      return _("UTF-8");
    case PF_CSV_ENCODING_MOSTLY_UTF8:
      return _("UTF-8, with some bytes that are not");
    case PF_CSV_ENCODING_WINDOWS_1252:
      return _("Not UTF-8: looks like Latin-1 or Windows-1252");
    case PF_CSV_ENCODING_UTF16:
      /* Translators: the dataset scan converts UTF-16 files as it reads them. */
      return _("UTF-16, converted to UTF-8");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
pf_csv_delimiter_describe (char delimiter)
{
  switch (delimiter)
    {
    case ',':
      return _("Comma");
    case ';':
      return _("Semicolon");
    case '\t':
      return _("Tab");
    case '|':
      return _("Vertical bar");
    default:
      return _("Other");
    }
}

static const char * const encoding_ids[] = {
  [PF_CSV_ENCODING_UTF8] = "utf-8",
  [PF_CSV_ENCODING_MOSTLY_UTF8] = "mostly-utf-8",
  [PF_CSV_ENCODING_WINDOWS_1252] = "windows-1252",
  [PF_CSV_ENCODING_UTF16] = "utf-16",
};

const char *
pf_csv_encoding_get_id (PfCsvEncoding encoding)
{
  g_return_val_if_fail ((guint) encoding < G_N_ELEMENTS (encoding_ids), "utf-8");

  return encoding_ids[encoding];
}

gboolean
pf_csv_encoding_from_id (const char    *id,
                         PfCsvEncoding *encoding)
{
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (encoding_ids); i++)
    if (g_str_equal (id, encoding_ids[i]))
      {
        *encoding = i;
        return TRUE;
      }
  return FALSE;
}
