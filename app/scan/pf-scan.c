/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#if HAVE_NETTLE
#include <nettle/sha2.h>
#endif

#include "pf-pii.h"
#include "pf-scan.h"
#include "pf-scan-stats.h"

/* How the scan works
 *
 * The calling thread reads and parses the file (PfCsvReader) and copies the
 * records into batches of a few thousand rows: every field trimmed and
 * NUL-terminated, one after the other, with an offset per field. For each
 * row it also notes the target's class and the prediction time. Worker
 * threads share out each batch's tasks — one per column, one that counts
 * duplicate rows and one that counts quasi-identifier groups — costliest first (by
 * the time each took so far), and wait until all of a batch's tasks are
 * done before starting on the next batch, so that no column is ever worked
 * on by two threads at once. A batch goes back to the pool when every
 * worker has seen it through.
 * A further thread computes the file's SHA-256 from its own reads (the
 * file is then in the page cache).
 *
 * Per column, a table of distinct values (keyed by a 64-bit hash; a
 * collision among the ≤ PF_SCAN_EXACT_DISTINCT_LIMIT values of a column is
 * about 1 in 10⁹) counts every value and, with a target, every (value,
 * class) pair. A value's type, number and personal-data matches are worked
 * out once, when it is first seen; everything else comes from the counts at
 * the end. A column with more distinct values stops adding new ones: from
 * then on its new values are classified one by one, its distinct count
 * becomes a HyperLogLog estimate and its leakage measure is taken from a
 * systematic sample of at most SAMPLE_SIZE rows (every row, then every
 * second, every fourth… as the sample fills). */

#define BATCH_ROWS       4096
/* A batch's field offsets take at most this many entries: wide files get
 * batches of fewer rows. */
#define BATCH_FIELDS     (1024 * 1024)
#define BATCH_BYTES      (4 * 1024 * 1024)
/* Allocated beyond a batch's bytes, so that value_hash() may read 16 bytes
 * from any field's start. */
#define BATCH_SLACK      16
#define BATCHES_PER_WORKER 3
#define SAMPLE_SIZE      65536
#define HLL_PRECISION    14
#define PROGRESS_USEC    (50 * 1000)
#define SHA_BLOCK        (1024 * 1024)
/* Row hashes and quasi-identifier groups counted exactly up to about 1 M
 * of each: a table then has 2^21 slots of 16 bytes, 32 MiB (48 MiB for a
 * moment while it is thinned); beyond, from a sample of them
 * (SampledCounts). */
#define MAX_SAMPLED      ((1u << 20) - 1)

/* A column is identifier-like when at least this share of its values is
 * distinct (and it has at least ID_MIN_VALUES values). */
#define ID_DISTINCT_SHARE 0.95
#define ID_MIN_VALUES     20
/* Types other than free text must fit this share of the non-missing values. */
#define TYPE_SHARE        0.99
/* Categorical: at most this many distinct values, or this share of the values. */
#define CATEGORICAL_MAX   1000
#define CATEGORICAL_SHARE 0.5
/* Multi-class targets: numeric columns are cut into this many bins of equal frequency. */
#define N_BINS            10
/* Values of a numeric target read first, for its bins. */
#define TARGET_SAMPLE     65536
/* Dates later than the prediction time in at least this share of the rows
 * where both are known. */
#define AFTER_SHARE       0.01

G_DEFINE_QUARK (pf-scan-error-quark, pf_scan_error)

/* What a value looks like: bits of ValueEntry.bits. */
enum
{
  V_INTEGER      = 1 << 0,
  V_DECIMAL      = 1 << 1,
  V_BOOLEAN      = 1 << 2,
  V_DATE         = 1 << 3,
  V_LEADING_ZERO = 1 << 4,
  V_SPACE        = 1 << 5,
  V_TRUNCATED    = 1 << 6,   /* only the first TEXT_BYTES of the value are kept */
};

/* What is kept of a value to show it (as a most frequent value, or a
 * date's min or max): its first bytes. Values are kept for the first
 * EAGER_TEXTS distinct values of a column and for dates; later ones only
 * when they come a second time — a value seen once is no column's most
 * frequent, and ids and free text would otherwise fill memory. */
#define TEXT_BYTES  64
#define EAGER_TEXTS 1000
#define NO_TEXT     G_MAXUINT32

#define V_NUMBER (V_INTEGER | V_DECIMAL | V_BOOLEAN | V_DATE)

typedef struct
{
  guint64 hash;
  guint64 count;
  guint64 by_class[2]; /* rows with the target's first and second class; further classes in the PairTable */
  double  number;    /* for V_NUMBER values: the number, 0/1, or seconds since 1970 */
  guint32 text;      /* offset in the column's text arena, or NO_TEXT */
  guint32 length;
  guint16 bits;
  guint8  pii;       /* bits (1 << PfPiiValueKind) */
} ValueEntry;

/* Open addressing over indices into a dense array: a slot takes 8 bytes,
 * the entries only as many as there are values. A slot holds the high half
 * of its entry's hash, so that a probe past other values does not read
 * their entries. */
typedef struct
{
  guint32 index;     /* entry index + 1; 0 empty */
  guint32 check;     /* the hash's high 32 bits */
} ValueSlot;

typedef struct
{
  GArray    *entries;  /* ValueEntry */
  ValueSlot *slots;
  guint32    mask;
} ValueTable;

typedef struct
{
  guint64 key;       /* (entry index + 1) << 8 | class; 0 empty */
  guint64 count;
} PairSlot;

typedef struct
{
  PairSlot *slots;
  gsize     mask;
  gsize     n;
} PairTable;

/* Counts per row hash (duplicates) or per quasi-identifier group. Exact
 * until it holds MAX_SAMPLED keys; then it keeps only the keys whose top
 * `shift` bits are 0 — every copy of a kept row, every row of a kept group —
 * and the figures are scaled by 2^shift: a documented estimate, so that
 * memory stays bounded however many rows a file has. */
typedef struct
{
  PairSlot *slots;
  gsize     mask;
  gsize     n;
  guint     shift;
  gsize     max;       /* keys counted before thinning */
} SampledCounts;

typedef struct
{
  double  value;
  gint16  klass;
} SamplePoint;

/* Running sums of the values classified one by one after a column overflowed. */
typedef struct
{
  guint64 n;
  guint64 bits[6];     /* per V_ bit */
  guint64 pii[PF_PII_N_VALUE_KINDS];
  guint64 n_number;
  double  mean, m2, min, max;
  char   *min_text, *max_text;
} Overflow;

typedef struct
{
  guint        index;
  gboolean     is_target;
  ValueTable   values;
  GByteArray  *arena;
  PairTable    pairs;
  gboolean     overflowed;
  Overflow     overflow;
  PfHll       *hll;
  guint64      n_missing;
  guint64      n_after;       /* dates later than the row's prediction time */
  guint64      n_both_dates;  /* rows with a date here and a prediction time */
  SamplePoint *sample;
  guint        n_sample;
  guint        sample_size;
  guint64      sample_stride;
  guint64      sample_seen;
} Column;

typedef struct
{
  char     *data;
  gsize     length;
  gsize     size;
  guint32  *offsets;   /* n_rows × n_columns + 1 */
  gint16   *classes;   /* per row: the target's class, -1 none */
  double   *times;     /* per row: the prediction time, NAN none */
  guint     n_rows;
  gint      refs;
  /* The workers share the batch's tasks (a column each, the rows, the groups):
   * each takes the next one not taken; none starts on the next batch
   * before every task of this one is done, so a column is never worked on
   * by two threads at once. */
  gint      next_task;
  gint      tasks_done;
  gboolean  done;
} Batch;

typedef struct _Scan Scan;

typedef struct
{
  Scan        *scan;
  GAsyncQueue *queue;
  GThread     *thread;
} Worker;

struct _Scan
{
  const PfScanOptions *options;
  guint                n_columns;
  Column              *columns;
  Worker              *workers;
  guint                n_workers;
  guint                n_tasks;       /* the columns, the rows, the groups */
  guint                batch_rows;    /* rows a batch holds at most */
  guint               *task_order;    /* costliest first, from the time they took so far */
  gint64              *task_usec;     /* each written only by the thread doing the task */
  guint                n_batches_done;
  GMutex               done_mutex;
  GCond                done_cond;
  GAsyncQueue         *free_batches;
  Batch               *batches;
  guint                n_batches;

  int                  target;
  int                  prediction_time;
  guint               *quasi_ids;
  guint                n_quasi_ids;

  /* The target's classes, in order of appearance (the parsing thread's). */
  GPtrArray           *class_names;  /* GBytes */
  GHashTable          *class_index;  /* GBytes → index + 1 */
  GArray              *class_counts; /* guint64 */
  gboolean             classes_truncated;
  /* A numeric target with many values: its classes are bins between these. */
  double               target_edges[N_BINS - 1];
  guint                n_target_edges;
  gboolean             target_binned;

  /* The rows task's. */
  SampledCounts        rows;         /* per row hash */
  SampledCounts        groups;       /* per quasi-identifier hash */
};

static Batch end_of_input;

/* Values ------------------------------------------------------------------ */

static inline gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t';
}

static inline gboolean
is_missing (const char *s,
            gsize       n)
{
  static const struct { const char *token; gsize length; } tokens[] = {
    { "na", 2 }, { "n/a", 3 }, { "nan", 3 }, { "null", 4 }, { "none", 4 }, { "nil", 3 },
    { "-", 1 }, { "?", 1 }, { "#n/a", 4 },
  };

  if (n == 0)
    return TRUE;
  if (n > 4 || (s[0] != 'n' && s[0] != 'N' && s[0] != '-' && s[0] != '?' && s[0] != '#'))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (tokens); i++)
    if (tokens[i].length == n && g_ascii_strncasecmp (s, tokens[i].token, n) == 0)
      return TRUE;
  return FALSE;
}

/* Digits, an optional point and fraction and an exponent of at most three
 * digits: "67e497604350" is an identifier, not 6.7 × 10^497604351. */
static guint
parse_number (const char *s,
              gsize       n,
              double     *number)
{
  static const double powers[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
  };
  gsize i = 0;
  gsize int_digits = 0, frac_digits = 0, exp_digits = 0;
  gboolean point = FALSE, negative = FALSE;
  guint64 mantissa = 0;
  guint significant = 0;
  guint bits;

  if (i < n && (s[i] == '+' || s[i] == '-'))
    negative = s[i++] == '-';
  while (i < n && g_ascii_isdigit (s[i]))
    {
      if (significant > 0 || s[i] != '0')
        significant++;
      mantissa = mantissa * 10 + (guint64) (s[i] - '0');
      i++, int_digits++;
    }
  if (i < n && s[i] == '.')
    {
      point = TRUE;
      i++;
      while (i < n && g_ascii_isdigit (s[i]))
        {
          if (significant > 0 || s[i] != '0')
            significant++;
          mantissa = mantissa * 10 + (guint64) (s[i] - '0');
          i++, frac_digits++;
        }
    }
  if (int_digits + frac_digits == 0)
    return 0;
  if (i < n && (s[i] == 'e' || s[i] == 'E'))
    {
      i++;
      if (i < n && (s[i] == '+' || s[i] == '-'))
        i++;
      while (i < n && g_ascii_isdigit (s[i]))
        i++, exp_digits++;
      if (exp_digits == 0 || exp_digits > 3)
        return 0;
    }
  if (i != n)
    return 0;

  /* Up to 15 significant digits and no exponent, the mantissa and the power
   * of ten are exact doubles and their quotient is correctly rounded: the
   * same number strtod() gives, at a fraction of its cost. */
  if (exp_digits == 0 && significant <= 15 && frac_digits < G_N_ELEMENTS (powers))
    *number = (negative ? -1.0 : 1.0) * ((double) mantissa / powers[frac_digits]);
  else
    /* The field is NUL-terminated in its batch. */
    *number = g_ascii_strtod (s, NULL);
  if (!isfinite (*number))
    return 0;

  bits = (point || exp_digits > 0) ? V_DECIMAL : V_INTEGER;
  {
    gsize first = (s[0] == '+' || s[0] == '-') ? 1 : 0;
    if (int_digits > 1 && s[first] == '0')
      bits |= V_LEADING_ZERO;
  }
  return bits;
}

static gboolean
parse_boolean (const char *s,
               gsize       n,
               double     *number)
{
  static const struct { const char *token; int value; } tokens[] = {
    { "true", 1 }, { "false", 0 }, { "yes", 1 }, { "no", 0 }, { "y", 1 }, { "n", 0 },
    { "t", 1 }, { "f", 0 }, { "1", 1 }, { "0", 0 }, { "ja", 1 }, { "nein", 0 },
  };

  if (n > 5)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (tokens); i++)
    if (strlen (tokens[i].token) == n && g_ascii_strncasecmp (s, tokens[i].token, n) == 0)
      {
        *number = tokens[i].value;
        return TRUE;
      }
  return FALSE;
}

static gboolean
read_digits (const char *s,
             gsize       n,
             gsize      *i,
             guint       count,
             int        *value)
{
  int v = 0;

  if (*i + count > n)
    return FALSE;
  for (guint k = 0; k < count; k++)
    {
      char c = s[*i + k];
      if (!g_ascii_isdigit (c))
        return FALSE;
      v = v * 10 + (c - '0');
    }
  *i += count;
  *value = v;
  return TRUE;
}

/* Days since 1970-01-01 of a date in the proleptic Gregorian calendar. */
static gint64
days_from_civil (int year,
                 int month,
                 int day)
{
  gint64 y = year - (month <= 2);
  gint64 era = (y >= 0 ? y : y - 399) / 400;
  gint64 yoe = y - era * 400;
  gint64 doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  gint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

/* YYYY-MM-DD, YYYY/MM/DD or DD.MM.YYYY, then optionally T or a space and
 * HH:MM[:SS[.fraction]], then optionally Z or ±HH[:MM]. */
static gboolean
parse_date (const char *s,
            gsize       n,
            double     *seconds)
{
  gsize i = 0;
  int year, month, day, hour = 0, minute = 0, second = 0;
  double fraction = 0, offset = 0;

  if (n < 8 || n > 40)
    return FALSE;
  if (n >= 10 && g_ascii_isdigit (s[0]) && (s[4] == '-' || s[4] == '/'))
    {
      char sep = s[4];
      if (!read_digits (s, n, &i, 4, &year) || s[i++] != sep ||
          !read_digits (s, n, &i, 2, &month) || i >= n || s[i++] != sep ||
          !read_digits (s, n, &i, 2, &day))
        return FALSE;
    }
  else if (n >= 10 && s[2] == '.' && s[5] == '.')
    {
      if (!read_digits (s, n, &i, 2, &day) || s[i++] != '.' ||
          !read_digits (s, n, &i, 2, &month) || s[i++] != '.' ||
          !read_digits (s, n, &i, 4, &year))
        return FALSE;
    }
  else
    return FALSE;

  if (month < 1 || month > 12 || day < 1 || day > (int) g_date_get_days_in_month (month, year > 0 && year < 65536 ? year : 2000))
    return FALSE;

  if (i < n && (s[i] == 'T' || s[i] == ' '))
    {
      i++;
      if (!read_digits (s, n, &i, 2, &hour) || i >= n || s[i++] != ':' ||
          !read_digits (s, n, &i, 2, &minute))
        return FALSE;
      if (i < n && s[i] == ':')
        {
          i++;
          if (!read_digits (s, n, &i, 2, &second))
            return FALSE;
          if (i < n && (s[i] == '.' || s[i] == ','))
            {
              double scale = 0.1;
              i++;
              if (i >= n || !g_ascii_isdigit (s[i]))
                return FALSE;
              while (i < n && g_ascii_isdigit (s[i]))
                {
                  fraction += (s[i] - '0') * scale;
                  scale /= 10;
                  i++;
                }
            }
        }
      if (hour > 23 || minute > 59 || second > 60)
        return FALSE;
      if (i < n && s[i] == 'Z')
        i++;
      else if (i < n && (s[i] == '+' || s[i] == '-'))
        {
          int sign = s[i] == '-' ? -1 : 1, oh = 0, om = 0;
          i++;
          if (!read_digits (s, n, &i, 2, &oh))
            return FALSE;
          if (i < n && s[i] == ':')
            i++;
          if (i < n && !read_digits (s, n, &i, 2, &om))
            return FALSE;
          if (oh > 14 || om > 59)
            return FALSE;
          offset = sign * (oh * 3600 + om * 60);
        }
    }
  if (i != n)
    return FALSE;

  *seconds = (double) days_from_civil (year, month, day) * 86400.0
             + hour * 3600 + minute * 60 + second + fraction - offset;
  return TRUE;
}

static guint
classify (const char *s,
          gsize       n,
          double     *number)
{
  guint bits;
  double b;

  bits = parse_number (s, n, number);
  if (parse_boolean (s, n, &b))
    {
      if (bits == 0)
        *number = b;
      bits |= V_BOOLEAN;
    }
  if (bits == 0 && parse_date (s, n, number))
    bits = V_DATE;
  if (bits == 0 && memchr (s, ' ', n) != NULL)
    bits = V_SPACE;
  return bits;
}

static guint
bit_index (guint bit)
{
  return g_bit_nth_lsf (bit, -1);
}

/* The hash of a column's value. Most values are short: those of at most
 * 16 bytes are read as two words (a field lies in its batch, which has
 * BATCH_SLACK bytes after its end: the bytes beyond the value are masked
 * off) and mixed with SplitMix64's finaliser; longer ones go to
 * pf_hash_bytes(). Values are only ever compared with values of their own
 * column, so the two need not agree. */
static inline guint64
mix64 (guint64 x)
{
  x ^= x >> 30;
  x *= G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  x ^= x >> 27;
  x *= G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return x ^ (x >> 31);
}

static inline guint64
value_hash (const char *s,
            gsize       n)
{
  guint64 a, b;

  if (n > 16)
    return pf_hash_bytes (s, n, 0);
  memcpy (&a, s, 8);
  memcpy (&b, s + 8, 8);
  /* The value's bytes are the words' low bytes. */
  a = GUINT64_FROM_LE (a);
  b = GUINT64_FROM_LE (b);
  if (n < 8)
    {
      a &= (G_GUINT64_CONSTANT (1) << (8 * n)) - 1;
      b = 0;
    }
  else if (n < 16)
    b &= (G_GUINT64_CONSTANT (1) << (8 * (n - 8))) - 1;
  return mix64 (mix64 (a ^ (n * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15))) ^ b);
}

/* The value table ---------------------------------------------------------- */

static void
value_table_init (ValueTable *table)
{
  /* Small at first: a wide file has many columns. */
  table->entries = g_array_new (FALSE, FALSE, sizeof (ValueEntry));
  table->mask = 15;
  table->slots = g_new0 (ValueSlot, table->mask + 1);
}

static void
value_table_clear (ValueTable *table)
{
  g_clear_pointer (&table->entries, g_array_unref);
  g_clear_pointer (&table->slots, g_free);
}

static void
value_table_grow (ValueTable *table)
{
  guint32 mask = table->mask * 2 + 1;
  ValueSlot *slots = g_new0 (ValueSlot, (gsize) mask + 1);

  for (guint i = 0; i < table->entries->len; i++)
    {
      guint64 h = g_array_index (table->entries, ValueEntry, i).hash;
      guint32 s = (guint32) h & mask;
      while (slots[s].index != 0)
        s = (s + 1) & mask;
      slots[s].index = i + 1;
      slots[s].check = (guint32) (h >> 32);
    }
  g_free (table->slots);
  table->slots = slots;
  table->mask = mask;
}

/* Returns the entry's index, or -1 (with *slot where it would go). */
static inline gint64
value_table_find (ValueTable *table,
                  guint64     hash,
                  guint32    *slot)
{
  guint32 s = (guint32) hash & table->mask;
  guint32 check = (guint32) (hash >> 32);
  const ValueEntry *entries = (const ValueEntry *) (gpointer) table->entries->data;

  while (table->slots[s].index != 0)
    {
      guint32 index = table->slots[s].index - 1;
      if (table->slots[s].check == check && entries[index].hash == hash)
        return index;
      s = (s + 1) & table->mask;
    }
  *slot = s;
  return -1;
}

static guint32
value_table_insert (ValueTable       *table,
                    guint32           slot,
                    const ValueEntry *entry)
{
  guint32 index = table->entries->len;

  g_array_append_val (table->entries, *entry);
  table->slots[slot].index = index + 1;
  table->slots[slot].check = (guint32) (entry->hash >> 32);
  /* Keep the load at most 1/2. */
  if ((gsize) table->entries->len * 2 > table->mask)
    value_table_grow (table);
  return index;
}

/* The pair table: (value, class) → count ------------------------------------ */

static inline gsize
pair_slot_of (guint64 key,
              gsize   mask)
{
  return (gsize) (key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15) >> 20) & mask;
}

static void
pair_slots_add (PairSlot **slots,
                gsize     *mask,
                gsize     *n,
                guint64    key,
                guint64    count)
{
  gsize s;

  if (*slots == NULL)
    {
      *mask = 255;
      *slots = g_new0 (PairSlot, *mask + 1);
    }
  s = pair_slot_of (key, *mask);
  while ((*slots)[s].key != 0)
    {
      if ((*slots)[s].key == key)
        {
          (*slots)[s].count += count;
          return;
        }
      s = (s + 1) & *mask;
    }
  (*slots)[s].key = key;
  (*slots)[s].count = count;
  (*n)++;

  if (*n * 2 > *mask)
    {
      gsize new_mask = *mask * 2 + 1;
      PairSlot *grown = g_new0 (PairSlot, new_mask + 1);

      for (gsize i = 0; i <= *mask; i++)
        {
          guint64 k = (*slots)[i].key;
          gsize t;
          if (k == 0)
            continue;
          t = pair_slot_of (k, new_mask);
          while (grown[t].key != 0)
            t = (t + 1) & new_mask;
          grown[t] = (*slots)[i];
        }
      g_free (*slots);
      *slots = grown;
      *mask = new_mask;
    }
}

/* Columns ------------------------------------------------------------------- */

static void
sample_add (Column *column,
            double  value,
            gint16  klass)
{
  if (column->sample_stride == 0)
    column->sample_stride = 1;
  if (column->sample_seen++ % column->sample_stride != 0)
    return;
  /* Grown as it fills: a wide file has many columns with few rows. */
  if (column->n_sample == column->sample_size && column->sample_size < SAMPLE_SIZE)
    {
      column->sample_size = column->sample_size == 0 ? 64 : column->sample_size * 2;
      column->sample = g_renew (SamplePoint, column->sample, column->sample_size);
    }
  if (column->n_sample == SAMPLE_SIZE)
    {
      /* Keep every second point and take every second row from now on. */
      for (guint i = 0; i < SAMPLE_SIZE / 2; i++)
        column->sample[i] = column->sample[2 * i];
      column->n_sample = SAMPLE_SIZE / 2;
      column->sample_stride *= 2;
      if ((column->sample_seen - 1) % column->sample_stride != 0)
        return;
    }
  column->sample[column->n_sample].value = value;
  column->sample[column->n_sample].klass = klass;
  column->n_sample++;
}

static void
overflow_add (Column     *column,
              const char *s,
              gsize       n,
              guint       bits,
              double      number,
              guint       pii)
{
  Overflow *o = &column->overflow;

  o->n++;
  for (guint b = 0; b < G_N_ELEMENTS (o->bits); b++)
    if (bits & (1u << b))
      o->bits[b]++;
  for (guint k = 0; k < PF_PII_N_VALUE_KINDS; k++)
    if (pii & (1u << k))
      o->pii[k]++;
  if (bits & V_NUMBER)
    {
      double delta;

      o->n_number++;
      delta = number - o->mean;
      o->mean += delta / o->n_number;
      o->m2 += delta * (number - o->mean);
      /* Only dates are shown as written. */
      if (o->n_number == 1 || number < o->min)
        {
          o->min = number;
          if (bits & V_DATE)
            {
              g_free (o->min_text);
              o->min_text = g_strndup (s, n);
            }
        }
      if (o->n_number == 1 || number > o->max)
        {
          o->max = number;
          if (bits & V_DATE)
            {
              g_free (o->max_text);
              o->max_text = g_strndup (s, n);
            }
        }
    }
}

static void
keep_text (Column     *column,
           ValueEntry *entry,
           const char *s,
           gsize       n)
{
  gsize length = n;

  if (length > TEXT_BYTES)
    {
      /* Cut at a character's start. */
      length = TEXT_BYTES;
      while (length > 0 && ((guint8) s[length] & 0xC0) == 0x80)
        length--;
      entry->bits |= V_TRUNCATED;
    }
  entry->text = column->arena->len;
  entry->length = (guint32) length;
  g_byte_array_append (column->arena, (const guint8 *) s, length);
}

static void
column_overflow (Column *column)
{
  column->overflowed = TRUE;
  column->hll = pf_hll_new (HLL_PRECISION);
  for (guint i = 0; i < column->values.entries->len; i++)
    pf_hll_add (column->hll, g_array_index (column->values.entries, ValueEntry, i).hash);
}

static void
column_add_batch (Scan   *scan,
                  Column *column,
                  Batch  *batch)
{
  guint c = column->index;
  guint n_columns = scan->n_columns;
  gboolean with_classes = scan->target >= 0 && !column->is_target;
  gboolean with_times = scan->prediction_time >= 0 && (int) c != scan->prediction_time;
  guint64 hashes[BATCH_ROWS];

  /* The values' hashes first (0: missing), so that the table's slots and
   * entries can be fetched into the cache a few rows ahead of their use:
   * the lookups are what a scan waits for most. */
  for (guint r = 0; r < batch->n_rows; r++)
    {
      guint32 start = batch->offsets[r * n_columns + c];
      gsize n = batch->offsets[r * n_columns + c + 1] - start - 1;
      const char *s = batch->data + start;

      if (is_missing (s, n))
        hashes[r] = 0;
      else
        {
          guint64 hash = value_hash (s, n);
          hashes[r] = hash != 0 ? hash : 1;
        }
    }

  for (guint r = 0; r < batch->n_rows; r++)
    {
      guint32 start = batch->offsets[r * n_columns + c];
      gsize n = batch->offsets[r * n_columns + c + 1] - start - 1;
      const char *s = batch->data + start;
      guint64 hash = hashes[r];
      gint64 index;
      guint32 slot;
      guint bits;
      double number;
      gint16 klass = batch->classes[r];

      if (r + 16 < batch->n_rows)
        __builtin_prefetch (&column->values.slots[(guint32) hashes[r + 16] & column->values.mask]);
      if (r + 8 < batch->n_rows)
        {
          guint32 ahead = column->values.slots[(guint32) hashes[r + 8] & column->values.mask].index;
          if (ahead != 0)
            __builtin_prefetch (&g_array_index (column->values.entries, ValueEntry, ahead - 1));
        }

      if (hash == 0)
        {
          column->n_missing++;
          continue;
        }

      index = value_table_find (&column->values, hash, &slot);
      if (index >= 0)
        {
          ValueEntry *entry = &g_array_index (column->values.entries, ValueEntry, index);
          entry->count++;
          if (with_classes && (guint16) klass < 2)
            entry->by_class[klass]++;
          if (entry->text == NO_TEXT)
            keep_text (column, entry, s, n);
          bits = entry->bits;
          number = entry->number;
          if (column->overflowed)
            pf_hll_add (column->hll, hash);
        }
      else
        {
          guint pii;

          bits = classify (s, n, &number);
          pii = pf_pii_match_value (s, n);
          if (!column->overflowed && column->values.entries->len >= PF_SCAN_EXACT_DISTINCT_LIMIT)
            column_overflow (column);

          if (column->overflowed)
            {
              pf_hll_add (column->hll, hash);
              overflow_add (column, s, n, bits, number, pii);
              index = -1;
            }
          else
            {
              ValueEntry entry = { hash, 1, { 0, 0 }, number, NO_TEXT, 0, (guint16) bits, (guint8) pii };

              if (column->values.entries->len < EAGER_TEXTS || (bits & V_DATE))
                keep_text (column, &entry, s, n);

              if (with_classes && (guint16) klass < 2)
                entry.by_class[klass] = 1;

              index = value_table_insert (&column->values, slot, &entry);
            }
        }

      if (with_classes && klass >= 0)
        {
          if (index >= 0 && klass >= 2)
            pair_slots_add (&column->pairs.slots, &column->pairs.mask, &column->pairs.n,
                            ((guint64) (index + 1) << 8) | (guint64) klass, 1);
          if (bits & V_NUMBER)
            sample_add (column, number, klass);
        }

      if (with_times && (bits & V_DATE) && !isnan (batch->times[r]))
        {
          column->n_both_dates++;
          if (number > batch->times[r])
            column->n_after++;
        }
    }
}

/* Rows: duplicates and quasi-identifier groups ------------------------------- */

static void
sampled_add (SampledCounts *counts,
             guint64        key)
{
  if (counts->shift > 0 && (key >> (64 - counts->shift)) != 0)
    return;
  /* Full: thinned before the table would grow again. */
  while (counts->n >= counts->max && counts->shift < 63)
    {
      /* Keep half the keys from now on. */
      PairSlot *old = counts->slots;
      gsize old_mask = counts->mask;

      counts->shift++;
      counts->slots = NULL;
      counts->n = 0;
      for (gsize i = 0; i <= old_mask; i++)
        if (old[i].key != 0 && (old[i].key >> (64 - counts->shift)) == 0)
          pair_slots_add (&counts->slots, &counts->mask, &counts->n, old[i].key, old[i].count);
      g_free (old);
      if ((key >> (64 - counts->shift)) != 0)
        return;
    }
  pair_slots_add (&counts->slots, &counts->mask, &counts->n, key, 1);
}

/* Adds a batch's keys, fetching each one's slot into the cache a few keys
 * ahead. */
static void
sampled_add_all (SampledCounts *counts,
                 const guint64 *keys,
                 guint          n_keys)
{
  for (guint i = 0; i < n_keys; i++)
    {
      if (i + 8 < n_keys && counts->slots != NULL)
        __builtin_prefetch (&counts->slots[pair_slot_of (keys[i + 8], counts->mask)]);
      sampled_add (counts, keys[i]);
    }
}

/* Duplicate rows: a row's bytes are its fields one after the other, each
 * with its NUL. */
static void
rows_add_batch (Scan  *scan,
                Batch *batch)
{
  guint n_columns = scan->n_columns;
  guint64 keys[BATCH_ROWS];

  for (guint r = 0; r < batch->n_rows; r++)
    {
      guint32 start = batch->offsets[r * n_columns];
      guint32 end = batch->offsets[(r + 1) * n_columns];
      guint64 hash = pf_hash_bytes (batch->data + start, end - start, 1);

      keys[r] = hash != 0 ? hash : 1;
    }
  sampled_add_all (&scan->rows, keys, batch->n_rows);
}

/* Quasi-identifier groups: the rows that share the values of every
 * quasi-identifier column. */
static void
groups_add_batch (Scan  *scan,
                  Batch *batch)
{
  guint n_columns = scan->n_columns;
  guint64 keys[BATCH_ROWS];

  for (guint r = 0; r < batch->n_rows; r++)
    {
      guint64 group = 0x51ED;

      for (guint q = 0; q < scan->n_quasi_ids; q++)
        {
          guint c = scan->quasi_ids[q];
          guint32 fs = batch->offsets[r * n_columns + c];
          gsize n = batch->offsets[r * n_columns + c + 1] - fs - 1;
          const char *v = batch->data + fs;
          /* Missing values are one value of their own. */
          guint64 h = is_missing (v, n) ? 0x4D495353 : pf_hash_bytes (v, n, 2);
          group = pf_hash_combine (group, h);
        }
      keys[r] = group != 0 ? group : 1;
    }
  sampled_add_all (&scan->groups, keys, batch->n_rows);
}

/* Threads -------------------------------------------------------------------- */

static void
batch_release (Scan  *scan,
               Batch *batch)
{
  if (g_atomic_int_dec_and_test (&batch->refs))
    g_async_queue_push (scan->free_batches, batch);
}

static int
compare_task_cost (gconstpointer a,
                   gconstpointer b,
                   gpointer      data)
{
  const gint64 *usec = data;
  gint64 x = usec[*(const guint *) a], y = usec[*(const guint *) b];

  return (x < y) - (x > y);
}

/* Costliest first. */
static void
sort_tasks (Scan *scan)
{
  g_qsort_with_data (scan->task_order, scan->n_tasks, sizeof (guint), compare_task_cost, scan->task_usec);
}

static void
run_task (Scan  *scan,
          guint  task,
          Batch *batch)
{
  gint64 started = g_get_monotonic_time ();

  if (task < scan->n_columns)
    column_add_batch (scan, &scan->columns[task], batch);
  else if (task == scan->n_columns)
    rows_add_batch (scan, batch);
  else if (scan->n_quasi_ids > 0)
    groups_add_batch (scan, batch);
  scan->task_usec[task] += g_get_monotonic_time () - started;
}

static gpointer
worker_run (gpointer data)
{
  Worker *worker = data;
  Scan *scan = worker->scan;

  for (;;)
    {
      Batch *batch = g_async_queue_pop (worker->queue);
      gint t;

      if (batch == &end_of_input)
        break;

      while ((t = g_atomic_int_add (&batch->next_task, 1)) < (gint) scan->n_tasks)
        {
          run_task (scan, scan->task_order[t], batch);
          if (g_atomic_int_add (&batch->tasks_done, 1) + 1 == (gint) scan->n_tasks)
            {
              /* The last task: order the next batch's tasks, then let the
               * others go on. */
              if (++scan->n_batches_done % 16 == 1)
                sort_tasks (scan);
              g_mutex_lock (&scan->done_mutex);
              batch->done = TRUE;
              g_cond_broadcast (&scan->done_cond);
              g_mutex_unlock (&scan->done_mutex);
            }
        }

      g_mutex_lock (&scan->done_mutex);
      while (!batch->done)
        g_cond_wait (&scan->done_cond, &scan->done_mutex);
      g_mutex_unlock (&scan->done_mutex);

      batch_release (scan, batch);
    }
  return NULL;
}

typedef struct
{
  GFile        *file;
  GCancellable *cancellable;       /* the scan's own: cancelled when it fails */
  GCancellable *user_cancellable;  /* the caller's */
  char          hex[65];
  GError       *error;
} ShaJob;

static gpointer
sha_run (gpointer data)
{
  ShaJob *job = data;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree guint8 *buffer = g_malloc (SHA_BLOCK);
#if HAVE_NETTLE
  struct sha256_ctx context;
  guint8 digest[SHA256_DIGEST_SIZE];

  sha256_init (&context);
#else
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
#endif

  stream = g_file_read (job->file, job->cancellable, &job->error);
  if (stream == NULL)
    return NULL;
  for (;;)
    {
      gssize n;

      if (job->user_cancellable != NULL && g_cancellable_set_error_if_cancelled (job->user_cancellable, &job->error))
        return NULL;
      n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, SHA_BLOCK, job->cancellable, &job->error);
      if (n < 0)
        return NULL;
      if (n == 0)
        break;
#if HAVE_NETTLE
      sha256_update (&context, n, buffer);
#else
      g_checksum_update (checksum, buffer, n);
#endif
    }
#if HAVE_NETTLE
  sha256_digest (&context, sizeof digest, digest);
  for (guint i = 0; i < sizeof digest; i++)
    g_snprintf (job->hex + 2 * i, 3, "%02x", digest[i]);
#else
  g_strlcpy (job->hex, g_checksum_get_string (checksum), sizeof job->hex);
#endif
  return NULL;
}

/* Parsing into batches ------------------------------------------------------ */

static gint16
class_of (Scan       *scan,
          const char *s,
          gsize       n)
{
  g_autoptr(GBytes) key = NULL;
  gpointer found;

  if (is_missing (s, n))
    return -1;
  if (scan->target_binned)
    {
      double value;
      guint bin = 0;

      /* The field is NUL-terminated in its batch. */
      if (!(parse_number (s, n, &value) & (V_INTEGER | V_DECIMAL)))
        return -1;
      while (bin < scan->n_target_edges && value >= scan->target_edges[bin])
        bin++;
      return (gint16) bin;
    }
  /* Two classes cover most targets: compare without allocating. */
  for (guint i = 0; i < scan->class_names->len && i < 4; i++)
    {
      gsize len;
      const char *name = g_bytes_get_data (g_ptr_array_index (scan->class_names, i), &len);
      if (len == n && memcmp (name, s, n) == 0)
        return (gint16) i;
    }
  key = g_bytes_new (s, n);
  found = g_hash_table_lookup (scan->class_index, key);
  if (found != NULL)
    return (gint16) (GPOINTER_TO_INT (found) - 1);
  if (scan->class_names->len >= PF_SCAN_MAX_CLASSES)
    {
      scan->classes_truncated = TRUE;
      return -1;
    }
  g_ptr_array_add (scan->class_names, g_bytes_ref (key));
  g_hash_table_insert (scan->class_index, g_bytes_ref (key), GINT_TO_POINTER (scan->class_names->len));
  {
    guint64 zero = 0;
    g_array_append_val (scan->class_counts, zero);
  }
  return (gint16) (scan->class_names->len - 1);
}

static void
batch_reserve (Batch *batch,
               gsize  more)
{
  if (batch->length + more > batch->size)
    {
      batch->size = MAX (batch->size * 2, batch->length + more);
      batch->data = g_realloc (batch->data, batch->size + BATCH_SLACK);
    }
}

static void
batch_add_record (Scan              *scan,
                  Batch             *batch,
                  const PfCsvRecord *record)
{
  guint n_columns = scan->n_columns;
  guint r = batch->n_rows;

  for (guint c = 0; c < n_columns; c++)
    {
      const char *s = "";
      gsize n = 0;

      if (c < record->n_fields)
        {
          s = record->fields[c].data;
          n = record->fields[c].length;
          while (n > 0 && is_blank (*s))
            s++, n--;
          while (n > 0 && is_blank (s[n - 1]))
            n--;
        }
      batch_reserve (batch, n + 1);
      batch->offsets[r * n_columns + c] = (guint32) batch->length;
      memcpy (batch->data + batch->length, s, n);
      batch->length += n;
      batch->data[batch->length++] = '\0';
    }
  batch->offsets[(r + 1) * n_columns] = (guint32) batch->length;

  batch->classes[r] = -1;
  if (scan->target >= 0)
    {
      guint32 start = batch->offsets[r * n_columns + scan->target];
      gsize n = batch->offsets[r * n_columns + scan->target + 1] - start - 1;
      gint16 klass = class_of (scan, batch->data + start, n);
      batch->classes[r] = klass;
      if (klass >= 0)
        g_array_index (scan->class_counts, guint64, klass)++;
    }

  batch->times[r] = NAN;
  if (scan->prediction_time >= 0)
    {
      guint32 start = batch->offsets[r * n_columns + scan->prediction_time];
      gsize n = batch->offsets[r * n_columns + scan->prediction_time + 1] - start - 1;
      double t;
      if (parse_date (batch->data + start, n, &t))
        batch->times[r] = t;
    }

  batch->n_rows++;
}

static void
send_batch (Scan  *scan,
            Batch *batch)
{
  batch->refs = (gint) scan->n_workers;
  for (guint w = 0; w < scan->n_workers; w++)
    g_async_queue_push (scan->workers[w].queue, batch);
}

static Batch *
take_batch (Scan *scan)
{
  Batch *batch = g_async_queue_pop (scan->free_batches);

  batch->length = 0;
  batch->n_rows = 0;
  batch->next_task = 0;
  batch->tasks_done = 0;
  batch->done = FALSE;
  return batch;
}

/* Results -------------------------------------------------------------------- */

static int
compare_entries_by_count (gconstpointer a,
                          gconstpointer b)
{
  const ValueEntry *x = *(const ValueEntry * const *) a;
  const ValueEntry *y = *(const ValueEntry * const *) b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return x->text < y->text ? -1 : x->text > y->text;
}

static char *
entry_text (Column           *column,
            const ValueEntry *entry,
            PfCsvEncoding     encoding)
{
  PfCsvField field;
  g_autofree char *text = NULL;

  if (entry->text == NO_TEXT)
    return NULL;
  field = (PfCsvField) { (const char *) column->arena->data + entry->text, entry->length, FALSE };
  text = pf_csv_field_dup_utf8 (&field, encoding);
  return (entry->bits & V_TRUNCATED) ? g_strconcat (text, "…", NULL) : g_steal_pointer (&text);
}

typedef struct
{
  double  value;   /* first: compare_doubles() sorts these too */
  guint64 weight;
} WeightedValue;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static gboolean
name_says_identifier (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);
  gsize n = strlen (lower);

  if (g_str_equal (lower, "id") || strstr (lower, "uuid") != NULL || strstr (lower, "guid") != NULL)
    return TRUE;
  if (n > 2 && g_str_has_suffix (lower, "id") && !g_ascii_isalpha (lower[n - 3]))
    return TRUE;
  /* camelCase: customerId, customerID */
  if (n > 2 && (g_str_has_suffix (name, "Id") || g_str_has_suffix (name, "ID")) && g_ascii_islower (name[n - 3]))
    return TRUE;
  return g_str_has_suffix (lower, "_key") || g_str_has_suffix (lower, "_no") ||
         g_str_has_suffix (lower, "_nr") || g_str_has_suffix (lower, "number");
}

/* Leakage from the column's (value, class) counts, or from its sample. */
static void
measure_leakage (Scan         *scan,
                 Column       *column,
                 PfScanColumn *out)
{
  guint n_classes = scan->class_names->len;
  gboolean numeric = out->type == PF_COLUMN_TYPE_INTEGER || out->type == PF_COLUMN_TYPE_DECIMAL ||
                     out->type == PF_COLUMN_TYPE_BOOLEAN || out->type == PF_COLUMN_TYPE_DATE_TIME ||
                     (out->type == PF_COLUMN_TYPE_IDENTIFIER && out->has_range);
  const ValueEntry *entries = (const ValueEntry *) (gpointer) column->values.entries->data;

  out->leak_measure = PF_LEAK_MEASURE_NONE;
  if (scan->target < 0 || column->is_target || scan->classes_truncated || n_classes < 2 || out->n_values == 0)
    return;

  if (numeric && n_classes == 2)
    {
      g_autofree PfAucPoint *points = NULL;
      gsize n_points = 0;

      if (!column->overflowed)
        {
          points = g_new (PfAucPoint, column->values.entries->len + 1);
          for (guint i = 0; i < column->values.entries->len; i++)
            {
              const ValueEntry *e = &entries[i];
              if (!(e->bits & V_NUMBER))
                continue;
              points[n_points].value = e->number;
              points[n_points].positives = e->by_class[1];
              points[n_points].negatives = e->by_class[0];
              n_points++;
            }
          out->leak_exact = TRUE;
        }
      else
        {
          points = g_new (PfAucPoint, column->n_sample + 1);
          for (guint i = 0; i < column->n_sample; i++)
            {
              points[n_points].value = column->sample[i].value;
              points[n_points].positives = column->sample[i].klass == 1;
              points[n_points].negatives = column->sample[i].klass == 0;
              n_points++;
            }
          out->leak_exact = FALSE;
        }
      {
        double auc = pf_stats_auc (points, n_points);
        if (!isnan (auc))
          {
            out->leak_measure = PF_LEAK_MEASURE_AUC;
            out->leak_score = MAX (auc, 1.0 - auc);
            if (out->leak_score >= PF_SCAN_AUC_SUSPECT)
              out->leak_reasons |= PF_LEAK_REASON_SEPARATES;
          }
      }
      return;
    }

  if (column->overflowed && !numeric)
    return;

  {
    /* A contingency table: rows are the column's values (numeric columns
     * against a multi-class target: N_BINS bins of equal frequency),
     * columns the target's classes. */
    g_autofree guint64 *table = NULL;
    g_autofree guint32 *row_of = NULL;
    guint n_rows;
    double v;

    if (numeric)
      {
        /* Bin edges at the deciles of the values, each value weighted by
         * its rows. */
        g_autofree WeightedValue *values = NULL;
        double edges[N_BINS - 1];
        gsize n_values = 0;
        guint64 total = 0, seen = 0;
        guint b = 0;

        if (!column->overflowed)
          {
            values = g_new (WeightedValue, column->values.entries->len + 1);
            for (guint i = 0; i < column->values.entries->len; i++)
              if (entries[i].bits & V_NUMBER)
                values[n_values++] = (WeightedValue) { entries[i].number, entries[i].count };
          }
        else
          {
            values = g_new (WeightedValue, column->n_sample + 1);
            for (guint i = 0; i < column->n_sample; i++)
              values[n_values++] = (WeightedValue) { column->sample[i].value, 1 };
          }
        if (n_values == 0)
          return;
        qsort (values, n_values, sizeof (WeightedValue), compare_doubles);
        for (gsize i = 0; i < n_values; i++)
          total += values[i].weight;
        for (gsize i = 0; i < n_values && b < N_BINS - 1; i++)
          {
            seen += values[i].weight;
            while (b < N_BINS - 1 && seen * N_BINS > total * (b + 1))
              edges[b++] = values[i].value;
          }
        while (b < N_BINS - 1)
          edges[b++] = values[n_values - 1].value;

        n_rows = N_BINS;
        table = g_new0 (guint64, (gsize) n_rows * n_classes);
        if (!column->overflowed)
          {
            g_autofree guint *bins = g_new0 (guint, column->values.entries->len + 1);

            for (guint i = 0; i < column->values.entries->len; i++)
              {
                const ValueEntry *e = &entries[i];
                guint bin = 0;
                if (!(e->bits & V_NUMBER))
                  continue;
                while (bin < N_BINS - 1 && e->number >= edges[bin])
                  bin++;
                bins[i] = bin;
                table[bin * n_classes + 0] += e->by_class[0];
                table[bin * n_classes + 1] += e->by_class[1];
              }
            for (gsize i = 0; column->pairs.slots != NULL && i <= column->pairs.mask; i++)
              {
                const PairSlot *p = &column->pairs.slots[i];
                guint index;
                if (p->key == 0)
                  continue;
                index = (p->key >> 8) - 1;
                if (!(entries[index].bits & V_NUMBER))
                  continue;
                table[bins[index] * n_classes + (p->key & 0xFF)] += p->count;
              }
            out->leak_exact = TRUE;
          }
        else
          {
            for (guint i = 0; i < column->n_sample; i++)
              {
                guint bin = 0;
                while (bin < N_BINS - 1 && column->sample[i].value >= edges[bin])
                  bin++;
                table[bin * n_classes + column->sample[i].klass]++;
              }
            out->leak_exact = FALSE;
          }
      }
    else
      {
        n_rows = column->values.entries->len;
        table = g_new0 (guint64, (gsize) n_rows * n_classes);
        for (guint i = 0; i < n_rows; i++)
          {
            table[i * n_classes + 0] = entries[i].by_class[0];
            table[i * n_classes + 1] = entries[i].by_class[1];
          }
        for (gsize i = 0; column->pairs.slots != NULL && i <= column->pairs.mask; i++)
          {
            const PairSlot *p = &column->pairs.slots[i];
            if (p->key == 0)
              continue;
            table[((p->key >> 8) - 1) * n_classes + (p->key & 0xFF)] += p->count;
          }
        out->leak_exact = TRUE;
      }

    v = pf_stats_cramers_v_corrected (table, n_rows, n_classes);
    out->leak_measure = PF_LEAK_MEASURE_ASSOCIATION;
    out->leak_score = v;
    if (v >= PF_SCAN_ASSOCIATION_SUSPECT)
      out->leak_reasons |= PF_LEAK_REASON_SEPARATES;
  }
}

static void
finish_column (Scan          *scan,
               Column        *column,
               PfCsvEncoding  encoding,
               PfScanColumn  *out)
{
  const ValueEntry *entries = (const ValueEntry *) (gpointer) column->values.entries->data;
  guint n_entries = column->values.entries->len;
  guint64 bits[6] = { 0 };
  guint64 pii[PF_PII_N_VALUE_KINDS] = { 0 };
  guint64 n = 0, n_number = 0;
  long double sum = 0;
  double mean = 0, m2 = 0, min = 0, max = 0;
  const ValueEntry *min_entry = NULL, *max_entry = NULL;
  double distinct_share;
  guint number_bits;

  out->n_missing = column->n_missing;

  for (guint i = 0; i < n_entries; i++)
    {
      const ValueEntry *e = &entries[i];
      n += e->count;
      for (guint b = 0; b < 6; b++)
        if (e->bits & (1u << b))
          bits[b] += e->count;
      for (guint k = 0; k < PF_PII_N_VALUE_KINDS; k++)
        if (e->pii & (1u << k))
          pii[k] += e->count;
    }
  n += column->overflow.n;
  for (guint b = 0; b < 6; b++)
    bits[b] += column->overflow.bits[b];
  for (guint k = 0; k < PF_PII_N_VALUE_KINDS; k++)
    pii[k] += column->overflow.pii[k];

  out->n_values = n;
  if (column->overflowed)
    {
      out->n_distinct = (guint64) llround (pf_hll_estimate (column->hll));
      out->n_distinct = MAX (out->n_distinct, (guint64) n_entries);
      out->n_distinct = MIN (out->n_distinct, n);
      out->distinct_exact = FALSE;
    }
  else
    {
      out->n_distinct = n_entries;
      out->distinct_exact = TRUE;
    }
  out->leading_zeros = bits[bit_index (V_LEADING_ZERO)] > 0;
  distinct_share = n > 0 ? (double) out->n_distinct / n : 0;

  /* The type. */
  if (n == 0)
    out->type = PF_COLUMN_TYPE_EMPTY;
  else if (bits[bit_index (V_BOOLEAN)] == n && out->n_distinct <= 2)
    out->type = PF_COLUMN_TYPE_BOOLEAN;
  else if (bits[bit_index (V_DATE)] >= TYPE_SHARE * n)
    out->type = PF_COLUMN_TYPE_DATE_TIME;
  else if (bits[bit_index (V_INTEGER)] >= TYPE_SHARE * n && !out->leading_zeros)
    out->type = (n >= ID_MIN_VALUES && distinct_share >= ID_DISTINCT_SHARE && name_says_identifier (out->name))
                ? PF_COLUMN_TYPE_IDENTIFIER : PF_COLUMN_TYPE_INTEGER;
  else if (bits[bit_index (V_INTEGER)] + bits[bit_index (V_DECIMAL)] >= TYPE_SHARE * n && !out->leading_zeros)
    out->type = PF_COLUMN_TYPE_DECIMAL;
  else if (n >= ID_MIN_VALUES && distinct_share >= ID_DISTINCT_SHARE &&
           bits[bit_index (V_SPACE)] <= (1 - TYPE_SHARE) * n)
    out->type = PF_COLUMN_TYPE_IDENTIFIER;
  else if (out->leading_zeros && bits[bit_index (V_INTEGER)] >= TYPE_SHARE * n)
    /* Codes such as zip codes: categories, however many. */
    out->type = PF_COLUMN_TYPE_CATEGORICAL;
  else if (out->n_distinct <= CATEGORICAL_MAX && (distinct_share <= CATEGORICAL_SHARE || n < ID_MIN_VALUES))
    out->type = PF_COLUMN_TYPE_CATEGORICAL;
  else
    out->type = PF_COLUMN_TYPE_TEXT;

  /* The range, over the values of the type's kind. */
  switch (out->type)
    {
    case PF_COLUMN_TYPE_INTEGER:
    case PF_COLUMN_TYPE_DECIMAL:
      number_bits = V_INTEGER | V_DECIMAL;
      break;
    case PF_COLUMN_TYPE_IDENTIFIER:
      number_bits = out->leading_zeros ? 0 : V_INTEGER;
      break;
    case PF_COLUMN_TYPE_BOOLEAN:
      number_bits = V_BOOLEAN;
      break;
    case PF_COLUMN_TYPE_DATE_TIME:
      number_bits = V_DATE;
      break;
    default:
      number_bits = 0;
      break;
    }
  if (number_bits != 0)
    {
      for (guint i = 0; i < n_entries; i++)
        if (entries[i].bits & number_bits)
          {
            const ValueEntry *e = &entries[i];
            n_number += e->count;
            sum += (long double) e->number * e->count;
            if (min_entry == NULL || e->number < min_entry->number)
              min_entry = e;
            if (max_entry == NULL || e->number > max_entry->number)
              max_entry = e;
          }
      if (n_number > 0)
        {
          mean = (double) (sum / n_number);
          for (guint i = 0; i < n_entries; i++)
            if (entries[i].bits & number_bits)
              {
                double d = entries[i].number - mean;
                m2 += d * d * entries[i].count;
              }
          min = min_entry->number;
          max = max_entry->number;
        }
      /* Combine with the values classified one by one (Chan et al.). */
      if (column->overflow.n_number > 0)
        {
          const Overflow *o = &column->overflow;
          guint64 total = n_number + o->n_number;
          double delta = o->mean - mean;

          m2 = m2 + o->m2 + delta * delta * ((double) n_number * o->n_number / total);
          mean = mean + delta * o->n_number / total;
          if (n_number == 0 || o->min < min)
            {
              min = o->min;
              min_entry = NULL;
            }
          if (n_number == 0 || o->max > max)
            {
              max = o->max;
              max_entry = NULL;
            }
          n_number = total;
        }
      if (n_number > 0)
        {
          out->has_range = TRUE;
          out->min = min;
          out->max = max;
          out->mean = mean;
          out->sd = n_number > 1 ? sqrt (m2 / (n_number - 1)) : 0;
          if (out->type == PF_COLUMN_TYPE_DATE_TIME)
            {
              out->min_text = min_entry != NULL ? entry_text (column, min_entry, encoding)
                            : column->overflow.min_text != NULL ? g_utf8_make_valid (column->overflow.min_text, -1)
                            : NULL;
              out->max_text = max_entry != NULL ? entry_text (column, max_entry, encoding)
                            : column->overflow.max_text != NULL ? g_utf8_make_valid (column->overflow.max_text, -1)
                            : NULL;
            }
        }
    }

  /* Personal data. */
  for (guint k = 0; k < PF_PII_N_VALUE_KINDS && k < G_N_ELEMENTS (out->pii_matches); k++)
    {
      out->pii_matches[k] = pii[k];
      if (n > 0 && pii[k] >= PF_SCAN_PII_SHARE * n)
        out->personal_data = TRUE;
    }
  out->pii_name_kind = pf_pii_classify_column_name (out->name);
  if (out->pii_name_kind != PF_PII_NAME_NONE)
    out->personal_data = TRUE;

  /* The most frequent values. */
  if (out->personal_data)
    out->top_masked = TRUE;
  else if (n_entries > 0)
    {
      g_autofree const ValueEntry **order = g_new (const ValueEntry *, n_entries);
      guint n_order = 0;

      for (guint i = 0; i < n_entries; i++)
        if (entries[i].text != NO_TEXT)
          order[n_order++] = &entries[i];
      qsort (order, n_order, sizeof *order, compare_entries_by_count);
      for (guint i = 0; i < n_order && out->n_top < PF_SCAN_N_TOP_VALUES; i++)
        {
          out->top[out->n_top].value = entry_text (column, order[i], encoding);
          out->top[out->n_top].count = order[i]->count;
          out->n_top++;
        }
    }

  /* Leakage. */
  if (out->type == PF_COLUMN_TYPE_IDENTIFIER)
    out->leak_reasons |= PF_LEAK_REASON_IDENTIFIER;
  if (!column->is_target)
    {
      out->post_event_hint = pf_leak_post_event_hint (out->name);
      if (out->post_event_hint != NULL)
        out->leak_reasons |= PF_LEAK_REASON_POST_EVENT_NAME;
    }
  out->n_after_prediction = column->n_after;
  if (column->n_both_dates > 0 && column->n_after >= AFTER_SHARE * column->n_both_dates &&
      out->type == PF_COLUMN_TYPE_DATE_TIME)
    out->leak_reasons |= PF_LEAK_REASON_AFTER_PREDICTION;
  measure_leakage (scan, column, out);
}

/* The scan --------------------------------------------------------------------- */

static void
scan_free (Scan *scan)
{
  for (guint c = 0; scan->columns != NULL && c < scan->n_columns; c++)
    {
      Column *column = &scan->columns[c];
      value_table_clear (&column->values);
      g_clear_pointer (&column->arena, g_byte_array_unref);
      g_free (column->pairs.slots);
      g_clear_pointer (&column->hll, pf_hll_free);
      g_free (column->sample);
      g_free (column->overflow.min_text);
      g_free (column->overflow.max_text);
    }
  g_free (scan->columns);
  for (guint b = 0; b < scan->n_batches; b++)
    {
      g_free (scan->batches[b].data);
      g_free (scan->batches[b].offsets);
      g_free (scan->batches[b].classes);
      g_free (scan->batches[b].times);
    }
  g_free (scan->batches);
  g_clear_pointer (&scan->free_batches, g_async_queue_unref);
  for (guint w = 0; w < scan->n_workers; w++)
    g_clear_pointer (&scan->workers[w].queue, g_async_queue_unref);
  g_free (scan->workers);
  g_free (scan->task_order);
  g_free (scan->task_usec);
  g_mutex_clear (&scan->done_mutex);
  g_cond_clear (&scan->done_cond);
  g_free (scan->quasi_ids);
  g_clear_pointer (&scan->class_names, g_ptr_array_unref);
  g_clear_pointer (&scan->class_index, g_hash_table_unref);
  g_clear_pointer (&scan->class_counts, g_array_unref);
  g_free (scan->rows.slots);
  g_free (scan->groups.slots);
  g_free (scan);
}

static char **
column_names (PfCsvReader *reader)
{
  guint n = pf_csv_reader_get_n_columns (reader);
  const char * const *header = pf_csv_reader_get_header (reader);
  char **names = g_new0 (char *, n + 1);

  for (guint c = 0; c < n; c++)
    {
      if (header != NULL && header[c] != NULL && header[c][0] != '\0')
        {
          PfCsvField f = { header[c], strlen (header[c]), FALSE };
          g_autofree char *name = pf_csv_field_dup_utf8 (&f, pf_csv_reader_get_encoding (reader));
          names[c] = g_strdup (g_strstrip (name));
        }
      else
        /* Not translated: the name is stored in projects (a feature's
         * name) and given on the command line (--target "Column 3"). */
        names[c] = g_strdup_printf ("Column %u", c + 1);
    }
  return names;
}

static int
find_column (char       **names,
             gboolean     has_header,
             const char  *name,
             const char  *what,
             GError     **error)
{
  g_autofree char *stripped = NULL;

  if (name == NULL || name[0] == '\0')
    return -1;
  stripped = g_strstrip (g_strdup (name));
  for (int c = 0; names[c] != NULL; c++)
    if (g_str_equal (names[c], stripped))
      return c;
  if (has_header)
    /* Translators: the first %s says which column (the target, …), the second is its name. */
    g_set_error (error, PF_SCAN_ERROR, PF_SCAN_ERROR_NO_COLUMN,
                 _("The file has no column “%2$s” for the %1$s"), what, stripped);
  else
    /* Translators: the first %s says which column (the target, …), the second is its name. */
    g_set_error (error, PF_SCAN_ERROR, PF_SCAN_ERROR_NO_COLUMN,
                 _("The file has no column “%2$s” for the %1$s: its first row was not taken for column names, "
                   "so the columns are called “Column 1”, “Column 2” and so on"), what, stripped);
  return -2;
}

/* The file's data as UTF-8 or in its own bytes: a file that starts with a
 * UTF-16 byte order mark is converted to UTF-8 as it is read. *raw is the
 * file's own stream, for the progress in its bytes. */
static GInputStream *
open_data (GFile         *file,
           GInputStream **raw,
           gboolean      *converted,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, error);
  guint8 bom[2] = { 0 };
  gsize n = 0;
  g_autoptr(GCharsetConverter) converter = NULL;

  if (stream == NULL)
    return NULL;
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), bom, sizeof bom, &n, cancellable, error) ||
      !g_seekable_seek (G_SEEKABLE (stream), 0, G_SEEK_SET, cancellable, error))
    return NULL;

  *raw = G_INPUT_STREAM (g_object_ref (stream));
  *converted = FALSE;
  if (n < 2 || !((bom[0] == 0xFF && bom[1] == 0xFE) || (bom[0] == 0xFE && bom[1] == 0xFF)))
    return G_INPUT_STREAM (g_steal_pointer (&stream));

  /* iconv's "UTF-16" reads the byte order mark and drops it. */
  converter = g_charset_converter_new ("UTF-8", "UTF-16", error);
  if (converter == NULL)
    {
      g_clear_object (raw);
      return NULL;
    }
  *converted = TRUE;
  return g_converter_input_stream_new (G_INPUT_STREAM (stream), G_CONVERTER (converter));
}

char **
pf_scan_peek_columns (GFile               *file,
                      const PfCsvOptions  *csv,
                      char                *delimiter,
                      gboolean            *has_header,
                      GCancellable        *cancellable,
                      GError             **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GInputStream) raw = NULL;
  g_autoptr(PfCsvReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean converted;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  stream = open_data (file, &raw, &converted, cancellable, error);
  if (stream == NULL)
    return NULL;
  reader = pf_csv_reader_new (stream, csv);
  /* The header is read with the first record. */
  if (pf_csv_reader_next (reader, cancellable, &local_error) == NULL && local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (delimiter != NULL)
    *delimiter = pf_csv_reader_get_delimiter (reader);
  if (has_header != NULL)
    *has_header = pf_csv_reader_get_has_header (reader);
  return column_names (reader);
}

static int
compare_doubles_qsort (const void *a,
                       const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* A target with more than PF_SCAN_MAX_CLASSES values that are numbers (a
 * regression target) is not a class label; so that leakage can still be
 * measured, it is cut into N_BINS bins of equal frequency, their edges
 * taken from its first TARGET_SAMPLE values in a quick first read. */
static gboolean
bin_numeric_target (Scan          *scan,
                    GFile         *file,
                    PfCsvReader   *main_reader,
                    GCancellable  *cancellable,
                    GError       **error)
{
  PfCsvOptions csv = scan->options->csv;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GInputStream) raw = NULL;
  g_autoptr(PfCsvReader) reader = NULL;
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) local_error = NULL;
  const PfCsvRecord *record;
  guint64 n_values = 0;
  guint n_distinct = 0;
  gboolean converted;

  csv.delimiter = pf_csv_reader_get_delimiter (main_reader);
  csv.header = pf_csv_reader_get_has_header (main_reader) ? PF_CSV_HEADER_PRESENT : PF_CSV_HEADER_ABSENT;
  if (!(stream = open_data (file, &raw, &converted, cancellable, error)))
    return FALSE;
  reader = pf_csv_reader_new (stream, &csv);

  while (values->len < TARGET_SAMPLE && (record = pf_csv_reader_next (reader, cancellable, &local_error)) != NULL)
    {
      const PfCsvField *field;
      char text[64];
      const char *s;
      gsize n;
      double value;

      if ((guint) scan->target >= record->n_fields)
        continue;
      field = &record->fields[scan->target];
      s = field->data;
      n = field->length;
      while (n > 0 && is_blank (*s))
        s++, n--;
      while (n > 0 && is_blank (s[n - 1]))
        n--;
      if (is_missing (s, n))
        continue;
      n_values++;
      if (n >= sizeof text)
        continue;
      memcpy (text, s, n);
      text[n] = '\0';
      if (parse_number (text, n, &value) & (V_INTEGER | V_DECIMAL))
        g_array_append_val (values, value);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (values->len == 0 || values->len < TYPE_SHARE * n_values)
    return TRUE;
  qsort (values->data, values->len, sizeof (double), compare_doubles_qsort);
  for (guint i = 0; i < values->len; i++)
    n_distinct += i == 0 || g_array_index (values, double, i) != g_array_index (values, double, i - 1);
  if (n_distinct <= PF_SCAN_MAX_CLASSES)
    return TRUE;

  /* Edges at the deciles, each once. */
  for (guint b = 1; b < N_BINS; b++)
    {
      double edge = g_array_index (values, double, (gsize) values->len * b / N_BINS);

      if (scan->n_target_edges == 0 || edge > scan->target_edges[scan->n_target_edges - 1])
        scan->target_edges[scan->n_target_edges++] = edge;
    }
  scan->target_binned = TRUE;

  for (guint b = 0; b <= scan->n_target_edges; b++)
    {
      char low[G_ASCII_DTOSTR_BUF_SIZE], high[G_ASCII_DTOSTR_BUF_SIZE];
      g_autofree char *label = NULL;
      guint64 zero = 0;

      if (b > 0)
        g_ascii_formatd (low, sizeof low, "%.6g", scan->target_edges[b - 1]);
      if (b < scan->n_target_edges)
        g_ascii_formatd (high, sizeof high, "%.6g", scan->target_edges[b]);
      /* A bin of a numeric target's values, e.g. "< 10", "10 to < 20", "≥ 90". */
      if (b == 0)
        label = g_strdup_printf ("< %s", high);
      else if (b == scan->n_target_edges)
        label = g_strdup_printf ("≥ %s", low);
      else
        label = g_strdup_printf ("%s … < %s", low, high);
      g_ptr_array_add (scan->class_names, g_bytes_new (label, strlen (label)));
      g_array_append_val (scan->class_counts, zero);
    }
  return TRUE;
}

/* Bytes of the file read so far. */
static guint64
bytes_read (PfCsvReader  *reader,
            GInputStream *raw,
            gboolean      converted,
            guint64       total)
{
  if (converted)
    return MIN ((guint64) g_seekable_tell (G_SEEKABLE (raw)), total);
  return MIN (pf_csv_reader_get_offset (reader), total);
}

static void
report_progress (const PfScanOptions *options,
                 PfCsvReader         *reader,
                 GInputStream        *raw,
                 gboolean             converted,
                 guint64              total,
                 gint64              *last)
{
  gint64 now;

  if (options->progress == NULL)
    return;
  now = g_get_monotonic_time ();
  if (now - *last < PROGRESS_USEC)
    return;
  *last = now;
  options->progress (bytes_read (reader, raw, converted, total), total,
                     pf_csv_reader_get_n_records (reader), options->progress_data);
}

PfScanResult *
pf_scan_file (GFile               *file,
              const PfScanOptions *options,
              GCancellable        *cancellable,
              GError             **error)
{
  static const PfScanOptions defaults = { { 0 } };
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GInputStream) raw = NULL;
  gboolean converted = FALSE;
  g_autoptr(PfCsvReader) reader = NULL;
  g_autoptr(GCancellable) sha_cancellable = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) names = NULL;
  const PfCsvRecord *record;
  PfScanResult *result;
  ShaJob sha = { 0 };
  GThread *sha_thread;
  Scan *scan;
  Batch *batch;
  guint64 total;
  gint64 started = g_get_monotonic_time (), last_progress = 0;
  guint n_threads;
  gboolean ok = TRUE;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (options == NULL)
    options = &defaults;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  total = g_file_info_get_size (info);
  stream = open_data (file, &raw, &converted, cancellable, error);
  if (stream == NULL)
    return NULL;
  reader = pf_csv_reader_new (stream, &options->csv);
  /* The header is read with the first record. */
  record = pf_csv_reader_next (reader, cancellable, &local_error);
  if (record == NULL && local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  scan = g_new0 (Scan, 1);
  scan->options = options;
  scan->rows.max = scan->groups.max = options->max_exact_rows != 0 ? options->max_exact_rows : MAX_SAMPLED;
  g_mutex_init (&scan->done_mutex);
  g_cond_init (&scan->done_cond);
  names = column_names (reader);
  scan->n_columns = g_strv_length (names);
  scan->target = find_column (names, pf_csv_reader_get_has_header (reader), options->target, _("target"), error);
  if (scan->target == -2)
    {
      scan_free (scan);
      return NULL;
    }
  scan->prediction_time = find_column (names, pf_csv_reader_get_has_header (reader), options->prediction_time, _("prediction time"), error);
  if (scan->prediction_time == -2)
    {
      scan_free (scan);
      return NULL;
    }
  scan->quasi_ids = g_new0 (guint, options->quasi_ids != NULL ? g_strv_length ((GStrv) options->quasi_ids) : 0);
  for (guint q = 0; options->quasi_ids != NULL && options->quasi_ids[q] != NULL; q++)
    {
      int c = find_column (names, pf_csv_reader_get_has_header (reader), options->quasi_ids[q], _("quasi-identifiers"), error);
      if (c == -2)
        {
          scan_free (scan);
          return NULL;
        }
      if (c >= 0)
        scan->quasi_ids[scan->n_quasi_ids++] = c;
    }

  if (scan->n_columns > PF_SCAN_MAX_COLUMNS)
    {
      g_autofree char *count = g_strdup_printf ("%u", scan->n_columns);
      g_autofree char *limit = g_strdup_printf ("%u", PF_SCAN_MAX_COLUMNS);

      /* Translators: both %s are numbers. */
      g_set_error (error, PF_SCAN_ERROR, PF_SCAN_ERROR_TOO_WIDE,
                   _("The file has %s columns; a scan measures at most %s"), count, limit);
      scan_free (scan);
      return NULL;
    }
  if (scan->n_columns == 0)
    {
      g_set_error (error, PF_SCAN_ERROR, PF_SCAN_ERROR_EMPTY, _("The file holds no data"));
      scan_free (scan);
      return NULL;
    }

  scan->class_names = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  scan->class_index = g_hash_table_new_full (g_bytes_hash, g_bytes_equal, (GDestroyNotify) g_bytes_unref, NULL);
  scan->class_counts = g_array_new (FALSE, TRUE, sizeof (guint64));
  if (scan->target >= 0 && !bin_numeric_target (scan, file, reader, cancellable, error))
    {
      scan_free (scan);
      return NULL;
    }

  scan->columns = g_new0 (Column, scan->n_columns);
  for (guint c = 0; c < scan->n_columns; c++)
    {
      scan->columns[c].index = c;
      scan->columns[c].is_target = (int) c == scan->target;
      value_table_init (&scan->columns[c].values);
      scan->columns[c].arena = g_byte_array_new ();
    }

  n_threads = options->n_threads != 0 ? options->n_threads : CLAMP (g_get_num_processors (), 1, 4);
  scan->n_tasks = scan->n_columns + 2;
  scan->batch_rows = CLAMP (BATCH_FIELDS / scan->n_columns, 1, BATCH_ROWS);
  scan->n_workers = MIN (n_threads, scan->n_tasks);
  scan->workers = g_new0 (Worker, scan->n_workers);
  scan->task_order = g_new (guint, scan->n_tasks);
  scan->task_usec = g_new0 (gint64, scan->n_tasks);
  for (guint t = 0; t < scan->n_tasks; t++)
    scan->task_order[t] = scan->n_tasks - 1 - t;
  scan->n_batches = scan->n_workers * BATCHES_PER_WORKER;
  scan->batches = g_new0 (Batch, scan->n_batches);
  scan->free_batches = g_async_queue_new ();
  for (guint b = 0; b < scan->n_batches; b++)
    {
      Batch *nb = &scan->batches[b];
      nb->size = BATCH_BYTES;
      nb->data = g_malloc0 (nb->size + BATCH_SLACK);
      nb->offsets = g_new (guint32, (gsize) scan->batch_rows * scan->n_columns + 1);
      nb->classes = g_new (gint16, BATCH_ROWS);
      nb->times = g_new (double, BATCH_ROWS);
      g_async_queue_push (scan->free_batches, nb);
    }

  sha.file = file;
  sha_cancellable = g_cancellable_new ();
  sha.cancellable = sha_cancellable;
  sha.user_cancellable = cancellable;
  sha_thread = g_thread_new ("pf-scan-sha256", sha_run, &sha);

  for (guint w = 0; w < scan->n_workers; w++)
    {
      scan->workers[w].scan = scan;
      scan->workers[w].queue = g_async_queue_new ();
      scan->workers[w].thread = g_thread_new ("pf-scan", worker_run, &scan->workers[w]);
    }

  batch = take_batch (scan);
  for (; record != NULL; record = pf_csv_reader_next (reader, cancellable, &local_error))
    {
      /* A batch holds at most 4 GiB; keep it well below. */
      if (batch->n_rows == scan->batch_rows || batch->length > BATCH_BYTES - 4096 || batch->length > G_MAXUINT32 / 2)
        {
          send_batch (scan, batch);
          batch = take_batch (scan);
          report_progress (options, reader, raw, converted, total, &last_progress);
        }
      batch_add_record (scan, batch, record);
    }
  ok = local_error == NULL;
  if (batch->n_rows > 0)
    send_batch (scan, batch);
  else
    g_async_queue_push (scan->free_batches, batch);

  for (guint w = 0; w < scan->n_workers; w++)
    g_async_queue_push (scan->workers[w].queue, &end_of_input);
  for (guint w = 0; w < scan->n_workers; w++)
    g_thread_join (scan->workers[w].thread);

  if (!ok)
    g_cancellable_cancel (sha_cancellable);
  g_thread_join (sha_thread);

  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      g_clear_error (&sha.error);
      scan_free (scan);
      return NULL;
    }
  if (sha.error != NULL)
    {
      g_propagate_error (error, sha.error);
      scan_free (scan);
      return NULL;
    }
  if (pf_csv_reader_get_n_records (reader) == 0)
    {
      g_set_error (error, PF_SCAN_ERROR, PF_SCAN_ERROR_EMPTY, _("The file has a header but no rows"));
      scan_free (scan);
      return NULL;
    }

  if (options->progress != NULL)
    options->progress (total, total,
                       pf_csv_reader_get_n_records (reader), options->progress_data);

  result = g_new0 (PfScanResult, 1);
  result->file_name = g_strdup (g_file_info_get_display_name (info));
  memcpy (result->sha256, sha.hex, sizeof result->sha256);
  result->n_bytes = total;
  result->delimiter = pf_csv_reader_get_delimiter (reader);
  result->has_header = pf_csv_reader_get_has_header (reader);
  result->had_bom = pf_csv_reader_get_had_bom (reader);
  result->encoding = converted ? PF_CSV_ENCODING_UTF16 : pf_csv_reader_get_encoding (reader);
  for (guint p = 0; p < PF_CSV_N_PROBLEMS; p++)
    {
      const PfCsvSite *sites = pf_csv_reader_get_problem_sites (reader, p, &result->n_problem_sites[p]);
      result->problem_counts[p] = pf_csv_reader_get_problem_count (reader, p);
      result->problem_sites[p] = g_memdup2 (sites, sizeof (PfCsvSite) * result->n_problem_sites[p]);
    }
  result->n_blank_lines = pf_csv_reader_get_n_blank_lines (reader);
  result->n_rows = pf_csv_reader_get_n_records (reader);
  result->n_columns = scan->n_columns;
  for (gsize i = 0; scan->rows.slots != NULL && i <= scan->rows.mask; i++)
    if (scan->rows.slots[i].key != 0)
      result->n_duplicate_rows += (scan->rows.slots[i].count - 1) << scan->rows.shift;
  result->duplicates_exact = scan->rows.shift == 0;

  result->target_column = scan->target;
  result->prediction_time_column = scan->prediction_time;
  result->classes_truncated = scan->classes_truncated;
  result->target_binned = scan->target_binned;
  if (scan->target >= 0)
    {
      result->n_classes = scan->class_names->len;
      result->classes = g_new0 (PfScanClass, result->n_classes);
      for (guint k = 0; k < result->n_classes; k++)
        {
          gsize len;
          const char *data = g_bytes_get_data (g_ptr_array_index (scan->class_names, k), &len);
          PfCsvField f = { data, len, FALSE };
          result->classes[k].value = pf_csv_field_dup_utf8 (&f, result->encoding);
          result->classes[k].count = g_array_index (scan->class_counts, guint64, k);
        }
      /* Most frequent first, the order of appearance breaking ties; a
       * numeric target's bins in their order. */
      for (guint i = 1; i < result->n_classes && !result->target_binned; i++)
        for (guint j = i; j > 0 && result->classes[j].count > result->classes[j - 1].count; j--)
          {
            PfScanClass t = result->classes[j];
            result->classes[j] = result->classes[j - 1];
            result->classes[j - 1] = t;
          }
    }

  result->columns = g_new0 (PfScanColumn, scan->n_columns);
  for (guint c = 0; c < scan->n_columns; c++)
    {
      result->columns[c].name = g_steal_pointer (&names[c]);
      finish_column (scan, &scan->columns[c], result->encoding, &result->columns[c]);
    }

  result->k_threshold = options->k_threshold != 0 ? options->k_threshold : PF_SCAN_DEFAULT_K;
  if (scan->n_quasi_ids > 0)
    {
      g_autofree guint64 *sizes = g_new (guint64, scan->groups.n + 1);
      gsize n_sizes = 0;
      PfReidentification risk;

      for (gsize i = 0; scan->groups.slots != NULL && i <= scan->groups.mask; i++)
        if (scan->groups.slots[i].key != 0)
          sizes[n_sizes++] = scan->groups.slots[i].count;
      pf_reidentification_compute (sizes, n_sizes, result->k_threshold, &risk);
      result->quasi_ids = g_memdup2 (scan->quasi_ids, sizeof (guint) * scan->n_quasi_ids);
      result->n_quasi_ids = scan->n_quasi_ids;
      result->n_classes_qi = risk.n_classes << scan->groups.shift;
      result->k = risk.k;
      result->n_unique_rows = risk.n_unique << scan->groups.shift;
      result->n_rows_at_risk = MIN (risk.n_at_risk << scan->groups.shift, result->n_rows);
      result->reidentification_exact = scan->groups.shift == 0;
    }

  result->seconds = (g_get_monotonic_time () - started) / 1e6;
  scan_free (scan);
  return result;
}

void
pf_scan_result_free (PfScanResult *result)
{
  if (result == NULL)
    return;
  g_free (result->file_name);
  for (guint p = 0; p < PF_CSV_N_PROBLEMS; p++)
    g_free (result->problem_sites[p]);
  for (guint c = 0; c < result->n_columns; c++)
    {
      PfScanColumn *column = &result->columns[c];
      g_free (column->name);
      g_free (column->min_text);
      g_free (column->max_text);
      for (guint i = 0; i < column->n_top; i++)
        g_free (column->top[i].value);
    }
  g_free (result->columns);
  for (guint k = 0; k < result->n_classes; k++)
    g_free (result->classes[k].value);
  g_free (result->classes);
  g_free (result->quasi_ids);
  g_free (result);
}

static const struct
{
  const char *id;
  const char *label;
} column_types[] = {
  [PF_COLUMN_TYPE_EMPTY] = { "empty", N_("Empty") },
  [PF_COLUMN_TYPE_INTEGER] = { "integer", N_("Integer") },
  [PF_COLUMN_TYPE_DECIMAL] = { "decimal", N_("Decimal") },
  [PF_COLUMN_TYPE_BOOLEAN] = { "boolean", N_("Yes/no") },
  [PF_COLUMN_TYPE_DATE_TIME] = { "date-time", N_("Date/time") },
  [PF_COLUMN_TYPE_CATEGORICAL] = { "categorical", N_("Categorical") },
  [PF_COLUMN_TYPE_TEXT] = { "text", N_("Free text") },
  [PF_COLUMN_TYPE_IDENTIFIER] = { "identifier", N_("Identifier-like") },
};

const char *
pf_column_type_id (PfColumnType type)
{
  g_return_val_if_fail (type < PF_N_COLUMN_TYPES, "empty");
  return column_types[type].id;
}

const char *
pf_column_type_describe (PfColumnType type)
{
  g_return_val_if_fail (type < PF_N_COLUMN_TYPES, "");
  return _(column_types[type].label);
}

PfColumnType
pf_column_type_from_id (const char *id)
{
  for (guint t = 0; t < PF_N_COLUMN_TYPES; t++)
    if (g_strcmp0 (id, column_types[t].id) == 0)
      return t;
  return PF_COLUMN_TYPE_EMPTY;
}

gboolean
pf_scan_column_is_suspect (const PfScanColumn *column)
{
  return (column->leak_reasons & (PF_LEAK_REASON_SEPARATES |
                                  PF_LEAK_REASON_POST_EVENT_NAME |
                                  PF_LEAK_REASON_AFTER_PREDICTION)) != 0;
}

gboolean
pf_scan_is_constant (guint64 n_values,
                     guint64 n_distinct)
{
  return n_values > 0 && n_distinct == 1;
}

gboolean
pf_scan_is_nearly_empty (guint64 n_values,
                         guint64 n_missing)
{
  double rows = (double) n_values + (double) n_missing;

  return rows > 0 && n_missing >= PF_SCAN_NEARLY_EMPTY_SHARE * rows;
}
