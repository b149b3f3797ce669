/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A streaming reader of CSV and TSV files (RFC 4180 and what real files do).
 *
 * It reads its input in large blocks and hands out one record at a time as
 * an array of field slices that point into its buffer: nothing is allocated
 * per record or per field, and memory does not grow with the number of rows
 * (only with the longest record, up to max_record_bytes).
 *
 *  - Quoted fields may hold the delimiter, doubled quotes and line breaks
 *    (LF, CRLF or CR); rows end with LF, CRLF or a lone CR, or at the end of
 *    the file without a final line break.
 *  - A UTF-8 byte order mark is skipped.
 *  - The delimiter (, ; TAB |) and whether the first row is a header are
 *    detected from the first 64 KiB, unless the options set them.
 *  - Blank lines are skipped (and counted).
 *  - Nothing in the data stops the reader: rows with more or fewer fields
 *    than the first, bytes that are not UTF-8, a quote in the middle of an
 *    unquoted field, text after a closing quote and a quote left open are
 *    counted as problems, each with the line numbers of the first ones.
 *    A quote still open max_record_bytes after its record began is taken
 *    as a literal character and the record read again from its start.
 *
 * Line numbers are physical lines, from 1: a record with a line break inside
 * a quoted field spans several lines. */

#define PF_CSV_ERROR (pf_csv_error_quark ())

typedef enum
{
  PF_CSV_ERROR_RECORD_TOO_LONG,  /* a row without a line break longer than max_record_bytes */
} PfCsvError;

typedef enum
{
  PF_CSV_HEADER_DETECT,
  PF_CSV_HEADER_PRESENT,
  PF_CSV_HEADER_ABSENT,
} PfCsvHeaderMode;

typedef struct
{
  char            delimiter;         /* 0: detect among , ; TAB | */
  PfCsvHeaderMode header;
  gsize           block_size;        /* bytes read at a time; 0: 1 MiB */
  gsize           max_record_bytes;  /* 0: 64 MiB */
  guint           max_sites;         /* line numbers kept per problem; 0: 100 */
} PfCsvOptions;

typedef struct
{
  const char *data;    /* not NUL-terminated; valid until the next record */
  gsize       length;
  gboolean    quoted;  /* "" is an empty quoted field, nothing is an empty unquoted one */
} PfCsvField;

typedef struct
{
  const PfCsvField *fields;
  guint             n_fields;
  guint64           line;        /* the physical line the record starts on */
  guint64           offset;      /* of its first byte in the input */
  gboolean          valid_utf8;
} PfCsvRecord;

typedef enum
{
  PF_CSV_PROBLEM_RAGGED_ROW,          /* detail: the row's number of fields */
  PF_CSV_PROBLEM_INVALID_UTF8,        /* one per line; detail: invalid bytes on it */
  PF_CSV_PROBLEM_STRAY_QUOTE,         /* a quote inside an unquoted field, or text after a closing one */
  PF_CSV_PROBLEM_UNTERMINATED_QUOTE,  /* at the end of the file or max_record_bytes on */
  PF_CSV_N_PROBLEMS,
} PfCsvProblem;

typedef struct
{
  guint64 line;
  guint64 detail;
} PfCsvSite;

typedef enum
{
  PF_CSV_ENCODING_UTF8,          /* everything read is UTF-8 (or ASCII) */
  PF_CSV_ENCODING_MOSTLY_UTF8,   /* a few records are not */
  PF_CSV_ENCODING_WINDOWS_1252,  /* most records beyond ASCII are not UTF-8: Latin-1 or Windows-1252 */
  PF_CSV_ENCODING_UTF16,         /* a UTF-16 byte order mark: not readable as such (the scan converts it first) */
} PfCsvEncoding;

typedef struct _PfCsvReader PfCsvReader;

GQuark             pf_csv_error_quark             (void);

PfCsvReader       *pf_csv_reader_new              (GInputStream        *stream,
                                                   const PfCsvOptions  *options);
void               pf_csv_reader_free             (PfCsvReader         *reader);

gboolean           pf_csv_reader_prepare          (PfCsvReader         *reader,
                                                   GCancellable        *cancellable,
                                                   GError             **error);
const PfCsvRecord *pf_csv_reader_next             (PfCsvReader         *reader,
                                                   GCancellable        *cancellable,
                                                   GError             **error);

/* Known after pf_csv_reader_prepare() (which the first _next() calls). */
char               pf_csv_reader_get_delimiter    (PfCsvReader         *reader);
gboolean           pf_csv_reader_get_has_header   (PfCsvReader         *reader);
gboolean           pf_csv_reader_get_had_bom      (PfCsvReader         *reader);
/* The header's cells (NUL-terminated copies), or NULL without a header. */
const char * const *pf_csv_reader_get_header      (PfCsvReader         *reader);
/* The header's number of fields, or the first record's. */
guint              pf_csv_reader_get_n_columns    (PfCsvReader         *reader);

/* Progress and totals. */
guint64            pf_csv_reader_get_offset       (PfCsvReader         *reader);
guint64            pf_csv_reader_get_n_records    (PfCsvReader         *reader);
guint64            pf_csv_reader_get_n_lines      (PfCsvReader         *reader);
guint64            pf_csv_reader_get_n_blank_lines (PfCsvReader        *reader);

guint64            pf_csv_reader_get_problem_count (PfCsvReader        *reader,
                                                    PfCsvProblem        problem);
const PfCsvSite   *pf_csv_reader_get_problem_sites (PfCsvReader        *reader,
                                                    PfCsvProblem        problem,
                                                    guint              *n_sites);
PfCsvEncoding      pf_csv_reader_get_encoding     (PfCsvReader         *reader);

/* A copy of the field as valid UTF-8, NUL-terminated: bytes read as
 * Windows-1252 for PF_CSV_ENCODING_WINDOWS_1252, otherwise what is not
 * UTF-8 (and NUL) replaced by U+FFFD. For showing values, not for every
 * field of a scan. */
char              *pf_csv_field_dup_utf8          (const PfCsvField    *field,
                                                   PfCsvEncoding        encoding);

const char        *pf_csv_problem_describe        (PfCsvProblem         problem);
const char        *pf_csv_encoding_describe       (PfCsvEncoding        encoding);
/* "utf-8", "mostly-utf-8", "windows-1252", "utf-16": stored in projects. */
const char        *pf_csv_encoding_get_id         (PfCsvEncoding        encoding);
/* The encoding of an id; FALSE for anything else. */
gboolean           pf_csv_encoding_from_id        (const char          *id,
                                                   PfCsvEncoding       *encoding);
const char        *pf_csv_delimiter_describe      (char                 delimiter);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PfCsvReader, pf_csv_reader_free)

G_END_DECLS
