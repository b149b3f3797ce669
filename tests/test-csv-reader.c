/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The CSV reader: every RFC 4180 corner case and what real files do, each
 * read whole and again split at every byte position (the reader must make
 * the same of an input however the reads cut it). */
#include "config.h"

#include <string.h>

#include "csv-test-util.h"

typedef struct
{
  const char *name;
  const char *input;
  gsize       length;
  gsize       max_record_bytes;
  const char *expected;
} Case;

/* The expected dumps (see csv-test-util.h): "LINE:" then each field,
 * [unquoted] or {quoted}; the detected delimiter and header; totals; and
 * each problem's count and first sites as LINE/DETAIL. Encoding 0 is UTF-8,
 * 1 mostly UTF-8, 2 Latin-1/Windows-1252, 3 UTF-16. */
static const Case cases[] = {
  { "basic", "a,b,c\n1,2,3\n4,5,6\n", 18, 0,
      "2:[1][2][3]\n"
      "3:[4][5][6]\n"
      "delimiter ,, header yes a|b|c, 3 columns, bom no\n"
      "2 records, 3 lines, 0 blank, 18 bytes, encoding 0\n"  },
  { "quotes", "name,note\n\"Smith, J\",\"said \"\"hi\"\"\"\n\"x\ny\",2\n\"p\r\nq\",\"r\rs\"\nlast,1\n", 63, 0,
      "2:{Smith, J}{said \"hi\"}\n"
      "3:{x\\ny}[2]\n"
      "5:{p\\r\\nq}{r\\rs}\n"
      "8:[last][1]\n"
      "delimiter ,, header yes name|note, 2 columns, bom no\n"
      "4 records, 8 lines, 0 blank, 63 bytes, encoding 0\n"  },
  { "crlf-semicolon", "a;b;c\r\n1,5;2;3\r\n4;5,5;6\r\n", 25, 0,
      "2:[1,5][2][3]\n"
      "3:[4][5,5][6]\n"
      "delimiter ;, header yes a|b|c, 3 columns, bom no\n"
      "2 records, 3 lines, 0 blank, 25 bytes, encoding 0\n"  },
  { "tsv-lone-cr-no-final-newline", "a\tb\n1\t2\r3\t4", 11, 0,
      "2:[1][2]\n"
      "3:[3][4]\n"
      "delimiter \\t, header yes a|b, 2 columns, bom no\n"
      "2 records, 3 lines, 0 blank, 11 bytes, encoding 0\n"  },
  { "pipe", "id|name\n1|x\n2|y\n", 16, 0,
      "2:[1][x]\n"
      "3:[2][y]\n"
      "delimiter |, header yes id|name, 2 columns, bom no\n"
      "2 records, 3 lines, 0 blank, 16 bytes, encoding 0\n"  },
  { "bom-empty-fields", "\xef\xbb\xbfid,v\n1,\"\"\n2,\n,\"\" \n", 21, 0,
      "2:[1]{}\n"
      "3:[2][]\n"
      "4:[]{ }\n"
      "delimiter ,, header yes id|v, 2 columns, bom yes\n"
      "3 records, 4 lines, 0 blank, 21 bytes, encoding 0\n"
      "stray 1: 4/0\n"  },
  { "ragged-blank-lines", "id,v\n1\n2,3,4\n5,6\n\n\n7,8", 22, 0,
      "2:[1]\n"
      "3:[2][3][4]\n"
      "4:[5][6]\n"
      "7:[7][8]\n"
      "delimiter ,, header yes id|v, 2 columns, bom no\n"
      "4 records, 7 lines, 2 blank, 22 bytes, encoding 0\n"
      "ragged 2: 2/1 3/3\n"  },
  { "unterminated", "id,v\n1,\"abc\n2,3\n", 16, 0,
      "2:[1]{abc\\n2,3\\n}\n"
      "delimiter ,, header yes id|v, 2 columns, bom no\n"
      "1 records, 3 lines, 0 blank, 16 bytes, encoding 0\n"
      "unterminated 1: 2/0\n"  },
  { "only-quote", "\"", 1, 0,
      "1:{}\n"
      "delimiter ,, header no, 1 columns, bom no\n"
      "1 records, 1 lines, 0 blank, 1 bytes, encoding 0\n"
      "unterminated 1: 1/0\n"  },
  { "stray-quotes", "id,v\nx\"y,2\n\"q\"r,3\n\"a\"\"b\"c\"d,4\n", 30, 0,
      "2:[x\"y][2]\n"
      "3:{qr}[3]\n"
      "4:{a\"bc\"d}[4]\n"
      "delimiter ,, header yes id|v, 2 columns, bom no\n"
      "3 records, 4 lines, 0 blank, 30 bytes, encoding 0\n"
      "stray 3: 2/0 3/0 4/0\n"  },
  { "text-after-quote", "a,b\n\"1,2\n3,4\n\"5,6\"\n", 19, 0,
      "2:{1,2\\n3,4\\n5}[6\"]\n"
      "delimiter ,, header yes a|b, 2 columns, bom no\n"
      "1 records, 4 lines, 0 blank, 19 bytes, encoding 0\n"
      "stray 2: 4/0 4/0\n"  },
  { "no-header", "1,2,3\n4,5,6\n", 12, 0,
      "1:[1][2][3]\n"
      "2:[4][5][6]\n"
      "delimiter ,, header no, 3 columns, bom no\n"
      "2 records, 2 lines, 0 blank, 12 bytes, encoding 0\n"  },
  { "one-column", "name\nAnna\nBen\n", 14, 0,
      "2:[Anna]\n"
      "3:[Ben]\n"
      "delimiter ,, header yes name, 1 columns, bom no\n"
      "2 records, 3 lines, 0 blank, 14 bytes, encoding 0\n"  },
  { "one-column-blank", "value\n1\n2\n\n3\n", 13, 0,
      "2:[1]\n"
      "3:[2]\n"
      "5:[3]\n"
      "delimiter ,, header yes value, 1 columns, bom no\n"
      "3 records, 5 lines, 1 blank, 13 bytes, encoding 0\n"  },
  { "empty", "", 0, 0,
      "delimiter ,, header no, 0 columns, bom no\n"
      "0 records, 0 lines, 0 blank, 0 bytes, encoding 0\n"  },
  { "only-header", "id,name,amount\n", 15, 0,
      "delimiter ,, header yes id|name|amount, 3 columns, bom no\n"
      "0 records, 1 lines, 0 blank, 15 bytes, encoding 0\n"  },
  { "text-repeats-no-header", "Alice,Berlin\nBob,Berlin\nAlice,Paris\n", 36, 0,
      "1:[Alice][Berlin]\n"
      "2:[Bob][Berlin]\n"
      "3:[Alice][Paris]\n"
      "delimiter ,, header no, 2 columns, bom no\n"
      "3 records, 3 lines, 0 blank, 36 bytes, encoding 0\n"  },
  { "latin1", "name,city\nZ\xfcrich,M\xfcnchen\nK\xf6ln,1\n", 32, 0,
      "2:[Z\\xfcrich][M\\xfcnchen] (not UTF-8)\n"
      "3:[K\\xf6ln][1] (not UTF-8)\n"
      "delimiter ,, header yes name|city, 2 columns, bom no\n"
      "2 records, 3 lines, 0 blank, 32 bytes, encoding 2\n"
      "utf8 2: 2/2 3/1\n"  },
  { "mostly-utf8", "name,city\nZ\xc3\xbcrich,M\xfcnchen\nK\xc3\xb6ln,1\nA\xc3\xa9,\xc3\xa9\xc3\xa9\n", 43, 0,
      "2:[Z\\xc3\\xbcrich][M\\xfcnchen] (not UTF-8)\n"
      "3:[K\\xc3\\xb6ln][1]\n"
      "4:[A\\xc3\\xa9][\\xc3\\xa9\\xc3\\xa9]\n"
      "delimiter ,, header yes name|city, 2 columns, bom no\n"
      "3 records, 4 lines, 0 blank, 43 bytes, encoding 1\n"
      "utf8 1: 2/1\n"  },
  { "utf8-lines-in-quotes", "a,b\n\"x\ny\xff\nz\xfe\xfe\",1\n2,\xc3\n", 21, 0,
      "2:{x\\ny\\xff\\nz\\xfe\\xfe}[1] (not UTF-8)\n"
      "5:[2][\\xc3] (not UTF-8)\n"
      "delimiter ,, header yes a|b, 2 columns, bom no\n"
      "2 records, 5 lines, 0 blank, 21 bytes, encoding 2\n"
      "utf8 3: 3/1 4/2 5/1\n"  },
  { "utf16-bom", "\xff\xfe" "a\x00,\x00" "b\x00\n\x00", 10, 0,
      "1:[\\xff\\xfea\\x00][\\x00b\\x00] (not UTF-8)\n"
      "2:[\\x00]\n"
      "delimiter ,, header no, 2 columns, bom no\n"
      "2 records, 2 lines, 0 blank, 10 bytes, encoding 3\n"
      "ragged 1: 2/1\n"
      "utf8 1: 1/2\n"  },
  { "only-blank-lines", "\n\r\n\r", 4, 0,
      "delimiter ,, header no, 0 columns, bom no\n"
      "0 records, 3 lines, 3 blank, 4 bytes, encoding 0\n"  },
  { "empty-quoted", "\"\"\n", 3, 0,
      "1:{}\n"
      "delimiter ,, header no, 1 columns, bom no\n"
      "1 records, 1 lines, 0 blank, 3 bytes, encoding 0\n"  },
  { "two-empty", ",\n", 2, 0,
      "1:[][]\n"
      "delimiter ,, header no, 2 columns, bom no\n"
      "1 records, 1 lines, 0 blank, 2 bytes, encoding 0\n"  },
  { "quoted-header", "\"id\",\"a \"\"b\"\"\"\r\n\"1\",2\r\n", 23, 0,
      "2:{1}[2]\n"
      "delimiter ,, header yes id|a \"b\", 2 columns, bom no\n"
      "1 records, 2 lines, 0 blank, 23 bytes, encoding 0\n"  },
  { "long-open-quote", "a,b\n1,\"aaaaaaaaaaaaaa\n2,3\n4,\"5\n", 31, 20,
      "2:[1][\"aaaaaaaaaaaaaa]\n"
      "3:[2][3]\n"
      "4:[4]{5\\n}\n"
      "delimiter ,, header yes a|b, 2 columns, bom no\n"
      "3 records, 4 lines, 0 blank, 31 bytes, encoding 0\n"
      "unterminated 2: 2/0 4/0\n"  },
  { "long-row", "a,b\n1,aaaaaaaaaaaaaaaaaaaaaaaaaa\n", 33, 12,
      "error: Line 2: a row is longer than 12 bytes without a line break; this does not look like a CSV file\n"  },
  { "cr-at-end", "a,b\r1,2\r", 8, 0,
      "2:[1][2]\n"
      "delimiter ,, header yes a|b, 2 columns, bom no\n"
      "1 records, 2 lines, 0 blank, 8 bytes, encoding 0\n"  },
  /* The empty third name does not hide a header above numbers. */
  { "trailing-delimiter", "a,b,\n1,2,\n", 10, 0,
      "2:[1][2][]\n"
      "delimiter ,, header yes a|b|, 3 columns, bom no\n"
      "1 records, 2 lines, 0 blank, 10 bytes, encoding 0\n"  },
  /* pandas' to_csv(): the index column has no name. */
  { "unnamed-index", ",a,b\n0,x,1\n1,y,2\n", 17, 0,
      "2:[0][x][1]\n"
      "3:[1][y][2]\n"
      "delimiter ,, header yes |a|b, 3 columns, bom no\n"
      "2 records, 3 lines, 0 blank, 17 bytes, encoding 0\n"  },
  /* A repeated name, with numbers below. */
  { "repeated-name", "a,a,b\n1,2,x\n3,4,y\n", 18, 0,
      "2:[1][2][x]\n"
      "3:[3][4][y]\n"
      "delimiter ,, header yes a|a|b, 3 columns, bom no\n"
      "2 records, 3 lines, 0 blank, 18 bytes, encoding 0\n"  },
  /* Repeated names without numbers below: not taken for a header. */
  { "repeated-text", "x,x\ny,z\n", 8, 0,
      "1:[x][x]\n"
      "2:[y][z]\n"
      "delimiter ,, header no, 2 columns, bom no\n"
      "2 records, 2 lines, 0 blank, 8 bytes, encoding 0\n"  },
};

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  PfCsvOptions options = { .max_record_bytes = c->max_record_bytes };
  g_autofree char *dump = csv_dump_bytes (c->input, c->length, &options);

  g_assert_cmpstr (dump, ==, c->expected);
}

/* Detects what the case's options would, to set them explicitly. */
static void
detect (const Case   *c,
        PfCsvOptions *options)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (c->input, c->length, NULL);
  g_autoptr(PfCsvReader) reader = pf_csv_reader_new (stream, options);

  g_assert_true (pf_csv_reader_prepare (reader, NULL, NULL));
  options->delimiter = pf_csv_reader_get_delimiter (reader);
  options->header = pf_csv_reader_get_has_header (reader) ? PF_CSV_HEADER_PRESENT : PF_CSV_HEADER_ABSENT;
}

/* The same input, the first read returning K bytes and the others 1 to 7,
 * for every K; with detection (which reads ahead) and without (then the
 * parser sees the data end at every position). */
static void
test_splits (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      PfCsvOptions detecting = { .max_record_bytes = c->max_record_bytes, .block_size = 1 };
      PfCsvOptions explicit = detecting;

      detect (c, &explicit);
      for (gsize k = 0; k <= c->length; k++)
        {
          for (guint32 seed = 1; seed <= 3; seed++)
            {
              g_autoptr(GInputStream) a = csv_trickle_stream_new (c->input, c->length, k, seed);
              g_autoptr(GInputStream) b = csv_trickle_stream_new (c->input, c->length, k, seed);
              g_autofree char *dump_detecting = csv_dump_stream (a, &detecting);
              g_autofree char *dump_explicit = csv_dump_stream (b, &explicit);

              if (g_strcmp0 (dump_explicit, c->expected) != 0)
                g_test_message ("case %s, split at %" G_GSIZE_FORMAT ", seed %u", c->name, k, seed);
              g_assert_cmpstr (dump_detecting, ==, c->expected);
              g_assert_cmpstr (dump_explicit, ==, c->expected);
            }
        }
    }
}

static char *
dump_with (const char      *input,
           char             delimiter,
           PfCsvHeaderMode  header)
{
  PfCsvOptions options = { .delimiter = delimiter, .header = header };

  return csv_dump_bytes (input, strlen (input), &options);
}

static void
test_overrides (void)
{
  g_autofree char *no_header = dump_with ("a,b\n1,2\n", 0, PF_CSV_HEADER_ABSENT);
  g_autofree char *header = dump_with ("1,2\n3,4\n", 0, PF_CSV_HEADER_PRESENT);
  g_autofree char *semicolon = dump_with ("a,b;c\n1,2;3\n", ';', PF_CSV_HEADER_DETECT);
  g_autofree char *tab = dump_with ("a,b\tc\n", '\t', PF_CSV_HEADER_ABSENT);

  g_assert_cmpstr (no_header, ==,
                   "1:[a][b]\n"
                   "2:[1][2]\n"
                   "delimiter ,, header no, 2 columns, bom no\n"
                   "2 records, 2 lines, 0 blank, 8 bytes, encoding 0\n");
  g_assert_cmpstr (header, ==,
                   "2:[3][4]\n"
                   "delimiter ,, header yes 1|2, 2 columns, bom no\n"
                   "1 records, 2 lines, 0 blank, 8 bytes, encoding 0\n");
  g_assert_cmpstr (semicolon, ==,
                   "2:[1,2][3]\n"
                   "delimiter ;, header yes a,b|c, 2 columns, bom no\n"
                   "1 records, 2 lines, 0 blank, 12 bytes, encoding 0\n");
  g_assert_cmpstr (tab, ==,
                   "1:[a,b][c]\n"
                   "delimiter \\t, header no, 2 columns, bom no\n"
                   "1 records, 1 lines, 0 blank, 6 bytes, encoding 0\n");
}

/* Delimiters inside quotes do not count; the most consistent one wins. */
static void
test_detect_delimiter (void)
{
  static const struct
  {
    const char *input;
    char        delimiter;
    gboolean    header;
  } inputs[] = {
    { "id,text\n1,\"a;b;c;d\"\n2,\"e;f;g\"\n3,\"x\"\n", ',', TRUE },
    { "id;amount\n1;2,50\n2;3,75\n3;10\n", ';', TRUE },
    { "name\tnote\nAnna\t\"x, y, z\"\nBen\tfine, thanks\n", '\t', TRUE },
    { "a|b|c\n1|2|3\n", '|', TRUE },
    { "zip,city\n01067,Dresden\n80331,München\n", ',', TRUE },
    { "date,value\n2024-01-05,x\n2024-02-05,y\n", ',', TRUE },
    { "x\n", ',', TRUE },
    { "1\n2\n", ',', FALSE },
    /* Repeated or empty names count when numbers stand below a name. */
    { "a,a\n1,2\n", ',', TRUE },
    { ",b\n1,2\n", ',', TRUE },
    { "a,a\nx,y\n", ',', FALSE },
    { ",b\nx,y\n", ',', FALSE },
    { ",\n1,2\n", ',', FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (inputs[i].input, -1, NULL);
      g_autoptr(PfCsvReader) reader = pf_csv_reader_new (stream, NULL);
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", inputs[i].input);
      g_assert_true (pf_csv_reader_prepare (reader, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpint (pf_csv_reader_get_delimiter (reader), ==, inputs[i].delimiter);
      g_assert_cmpint (pf_csv_reader_get_has_header (reader), ==, inputs[i].header);
    }
}

/* A file of several MiB, records crossing the 1 MiB reads, some with line
 * breaks in quotes; read whole, and as a trickle. */
static GString *
make_large (guint n_rows)
{
  GString *text = g_string_new ("id,amount,when,note\n");

  for (guint i = 0; i < n_rows; i++)
    {
      g_string_append_printf (text, "%u,%u.%02u,2024-%02u-%02u,", i, i * 7 % 1000, i % 100, 1 + i % 12, 1 + i % 28);
      if (i % 10 == 0)
        g_string_append_printf (text, "\"line one, of %u\nline \"\"two\"\"\r\nthree\"\r\n", i);
      else if (i % 10 == 1)
        g_string_append (text, "\"\"\n");
      else
        g_string_append_printf (text, "plain text %u with some more words in it\n", i);
    }

  return text;
}

static void
check_large (GInputStream *stream,
             guint         n_rows)
{
  g_autoptr(PfCsvReader) reader = pf_csv_reader_new (stream, NULL);
  g_autoptr(GError) error = NULL;
  const PfCsvRecord *record;
  guint64 line = 2;
  guint i = 0;

  while ((record = pf_csv_reader_next (reader, NULL, &error)))
    {
      g_autofree char *id = g_strdup_printf ("%u", i);

      g_assert_cmpuint (record->line, ==, line);
      g_assert_cmpuint (record->n_fields, ==, 4);
      g_assert_cmpmem (record->fields[0].data, record->fields[0].length, id, strlen (id));
      if (i % 10 == 0)
        {
          g_autofree char *note = g_strdup_printf ("line one, of %u\nline \"two\"\r\nthree", i);

          g_assert_cmpmem (record->fields[3].data, record->fields[3].length, note, strlen (note));
          g_assert_true (record->fields[3].quoted);
          line += 3;
        }
      else
        {
          g_assert_cmpint (record->fields[3].quoted, ==, i % 10 == 1);
          line++;
        }
      i++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (i, ==, n_rows);
  g_assert_cmpuint (pf_csv_reader_get_n_records (reader), ==, n_rows);
  g_assert_cmpuint (pf_csv_reader_get_n_lines (reader), ==, line - 1);
  for (PfCsvProblem problem = 0; problem < PF_CSV_N_PROBLEMS; problem++)
    g_assert_cmpuint (pf_csv_reader_get_problem_count (reader, problem), ==, 0);
  g_assert_true (pf_csv_reader_get_has_header (reader));
  g_assert_cmpint (pf_csv_reader_get_delimiter (reader), ==, ',');
}

static void
test_large (void)
{
  const guint n_rows = 60000;
  g_autoptr(GString) text = make_large (n_rows);
  g_autoptr(GInputStream) whole = g_memory_input_stream_new_from_data (text->str, text->len, NULL);
  g_autoptr(GInputStream) trickle = csv_trickle_stream_new (text->str, text->len, 100000, 7);

  g_assert_cmpuint (text->len, >, 3 * 1024 * 1024);
  check_large (whole, n_rows);
  check_large (trickle, n_rows);
}

/* Only the first max_sites lines are kept; all are counted. */
static void
test_max_sites (void)
{
  g_autoptr(GString) text = g_string_new ("a,b\n");
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(PfCsvReader) reader = NULL;
  PfCsvOptions options = { .max_sites = 5 };
  const PfCsvSite *sites;
  guint n_sites;

  for (guint i = 0; i < 50; i++)
    g_string_append (text, i % 2 ? "1,2\n" : "1,2,3\n");
  stream = g_memory_input_stream_new_from_data (text->str, text->len, NULL);
  reader = pf_csv_reader_new (stream, &options);
  while (pf_csv_reader_next (reader, NULL, NULL))
    ;

  sites = pf_csv_reader_get_problem_sites (reader, PF_CSV_PROBLEM_RAGGED_ROW, &n_sites);
  g_assert_cmpuint (pf_csv_reader_get_problem_count (reader, PF_CSV_PROBLEM_RAGGED_ROW), ==, 25);
  g_assert_cmpuint (n_sites, ==, 5);
  for (guint i = 0; i < n_sites; i++)
    {
      g_assert_cmpuint (sites[i].line, ==, 2 + 2 * i);
      g_assert_cmpuint (sites[i].detail, ==, 3);
    }
}

/* A field of 3 MiB, larger than the first buffer, read whole and in pieces. */
static void
test_long_field (void)
{
  g_autoptr(GString) text = g_string_new ("id,blob\n1,\"");
  const gsize blob = 3 * 1024 * 1024;

  for (gsize i = 0; i < blob; i++)
    g_string_append_c (text, i % 1000 == 999 ? '\n' : 'a' + i % 26);
  g_string_append (text, "\"\n2,short\n");

  for (guint pieces = 0; pieces < 2; pieces++)
    {
      g_autoptr(GInputStream) stream = pieces ? csv_trickle_stream_new (text->str, text->len, 4096, 3)
                                              : g_memory_input_stream_new_from_data (text->str, text->len, NULL);
      g_autoptr(PfCsvReader) reader = pf_csv_reader_new (stream, NULL);
      g_autoptr(GError) error = NULL;
      const PfCsvRecord *record;

      record = pf_csv_reader_next (reader, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (record);
      g_assert_cmpuint (record->n_fields, ==, 2);
      g_assert_cmpuint (record->fields[1].length, ==, blob);
      g_assert_cmpmem (record->fields[1].data, 5, "abcde", 5);
      g_assert_cmpuint (record->line, ==, 2);

      record = pf_csv_reader_next (reader, NULL, &error);
      g_assert_nonnull (record);
      g_assert_cmpuint (record->line, ==, 2 + blob / 1000 + 1);
      g_assert_cmpmem (record->fields[1].data, record->fields[1].length, "short", 5);
      g_assert_null (pf_csv_reader_next (reader, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (pf_csv_reader_get_offset (reader), ==, text->len);
    }
}

/* A quote opened by mistake early in a large file: it is taken as a
 * character once max_record_bytes have gone by, and the rest of the file
 * reads as it should. */
static void
test_open_quote_recovery (void)
{
  g_autoptr(GString) text = g_string_new ("id,name\n1,\"Anna\n");
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(PfCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  PfCsvOptions options = { .max_record_bytes = 4096 };
  const PfCsvRecord *record;
  const PfCsvSite *sites;
  guint n_sites, n = 0;

  for (guint i = 2; i < 20000; i++)
    g_string_append_printf (text, "%u,name %u\n", i, i);
  stream = g_memory_input_stream_new_from_data (text->str, text->len, NULL);
  reader = pf_csv_reader_new (stream, &options);

  while ((record = pf_csv_reader_next (reader, NULL, &error)))
    {
      g_assert_cmpuint (record->n_fields, ==, 2);
      g_assert_cmpuint (record->line, ==, n + 2);
      if (n == 0)
        g_assert_cmpmem (record->fields[1].data, record->fields[1].length, "\"Anna", 5);
      n++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 19999);
  sites = pf_csv_reader_get_problem_sites (reader, PF_CSV_PROBLEM_UNTERMINATED_QUOTE, &n_sites);
  g_assert_cmpuint (n_sites, ==, 1);
  g_assert_cmpuint (sites[0].line, ==, 2);
  g_assert_cmpuint (pf_csv_reader_get_problem_count (reader, PF_CSV_PROBLEM_STRAY_QUOTE), ==, 0);
}

static void
test_cancel (void)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data ("a,b\n1,2\n", -1, NULL);
  g_autoptr(PfCsvReader) reader = pf_csv_reader_new (stream, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_null (pf_csv_reader_next (reader, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
check_utf8_copy (const char    *bytes,
                 PfCsvEncoding  encoding,
                 const char    *expected)
{
  PfCsvField field = { bytes, strlen (bytes), FALSE };
  g_autofree char *copy = pf_csv_field_dup_utf8 (&field, encoding);

  g_assert_cmpstr (copy, ==, expected);
}

static void
test_dup_utf8 (void)
{
  PfCsvField with_nul = { "a\0b", 3, FALSE };
  PfCsvField empty = { NULL, 0, TRUE };
  g_autofree char *nul_utf8 = pf_csv_field_dup_utf8 (&with_nul, PF_CSV_ENCODING_UTF8);
  g_autofree char *nul_1252 = pf_csv_field_dup_utf8 (&with_nul, PF_CSV_ENCODING_WINDOWS_1252);
  g_autofree char *empty_utf8 = pf_csv_field_dup_utf8 (&empty, PF_CSV_ENCODING_UTF8);
  g_autofree char *empty_1252 = pf_csv_field_dup_utf8 (&empty, PF_CSV_ENCODING_WINDOWS_1252);

  check_utf8_copy ("Z\xfcrich", PF_CSV_ENCODING_WINDOWS_1252, "Zürich");
  check_utf8_copy ("\x80 5, \x93quoted\x94 \x85", PF_CSV_ENCODING_WINDOWS_1252, "€ 5, “quoted” …");
  check_utf8_copy ("Z\xc3\xbcrich", PF_CSV_ENCODING_UTF8, "Zürich");
  check_utf8_copy ("M\xfcnchen", PF_CSV_ENCODING_MOSTLY_UTF8, "M\xef\xbf\xbdnchen");
  g_assert_cmpstr (nul_utf8, ==, "a\xef\xbf\xbd" "b");
  g_assert_cmpstr (nul_1252, ==, "a\xef\xbf\xbd" "b");
  g_assert_cmpstr (empty_utf8, ==, "");
  g_assert_cmpstr (empty_1252, ==, "");
}

static void
test_describe (void)
{
  for (PfCsvProblem problem = 0; problem < PF_CSV_N_PROBLEMS; problem++)
    g_assert_true (pf_csv_problem_describe (problem)[0] != '\0');
  for (PfCsvEncoding encoding = PF_CSV_ENCODING_UTF8; encoding <= PF_CSV_ENCODING_UTF16; encoding++)
    g_assert_true (pf_csv_encoding_describe (encoding)[0] != '\0');
  g_assert_cmpstr (pf_csv_delimiter_describe (';'), ==, "Semicolon");
}

/* Encodings by the ids projects store. */
static void
test_encoding_ids (void)
{
  PfCsvEncoding encoding;

  for (PfCsvEncoding e = PF_CSV_ENCODING_UTF8; e <= PF_CSV_ENCODING_UTF16; e++)
    {
      g_assert_true (pf_csv_encoding_from_id (pf_csv_encoding_get_id (e), &encoding));
      g_assert_cmpint (encoding, ==, e);
    }
  g_assert_cmpstr (pf_csv_encoding_get_id (PF_CSV_ENCODING_WINDOWS_1252), ==, "windows-1252");
  g_assert_false (pf_csv_encoding_from_id ("latin-9", &encoding));
  g_assert_false (pf_csv_encoding_from_id (NULL, &encoding));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/csv-reader/case/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/csv-reader/splits", test_splits);
  g_test_add_func ("/csv-reader/overrides", test_overrides);
  g_test_add_func ("/csv-reader/detect-delimiter", test_detect_delimiter);
  g_test_add_func ("/csv-reader/large", test_large);
  g_test_add_func ("/csv-reader/long-field", test_long_field);
  g_test_add_func ("/csv-reader/open-quote-recovery", test_open_quote_recovery);
  g_test_add_func ("/csv-reader/max-sites", test_max_sites);
  g_test_add_func ("/csv-reader/cancel", test_cancel);
  g_test_add_func ("/csv-reader/dup-utf8", test_dup_utf8);
  g_test_add_func ("/csv-reader/describe", test_describe);

  g_test_add_func ("/csv-reader/encoding-ids", test_encoding_ids);
  return g_test_run ();
}
