/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pf-csv-reader.h"

G_BEGIN_DECLS

/* The dataset scan: one pass over a CSV or TSV file that measures every
 * column (type, missing, distinct values, range, most frequent values),
 * how well each column alone predicts the target (leakage suspicion), which
 * columns hold personal data, the re-identification risk over chosen
 * quasi-identifier columns and the data's quality (rows, target balance,
 * duplicates, constant and nearly empty columns).
 *
 * Memory does not grow with the number of rows except for the tables of
 * distinct values (each column's exact table stops at
 * PF_SCAN_EXACT_DISTINCT_LIMIT values; beyond, the count is a HyperLogLog
 * estimate), the quasi-identifier groups and the row hashes used to count
 * duplicates (32 MiB for each at most: exact up to about 1 M distinct rows
 * and 1 M groups;
 * beyond, the figures are estimated from a sample of them).
 *
 * The result holds figures only, never the data, except the most frequent
 * values of columns that do not hold personal data. */

#define PF_SCAN_ERROR (pf_scan_error_quark ())

typedef enum
{
  PF_SCAN_ERROR_NO_COLUMN,     /* a named column (target, prediction time, quasi-identifier) is not in the header */
  PF_SCAN_ERROR_EMPTY,         /* no rows */
  PF_SCAN_ERROR_TOO_WIDE,      /* more than PF_SCAN_MAX_COLUMNS columns */
} PfScanError;

/* The most columns a scan measures. */
#define PF_SCAN_MAX_COLUMNS 100000
/* Each column's values are distinct-counted exactly up to this many. */
#define PF_SCAN_EXACT_DISTINCT_LIMIT 100000
/* Most frequent values kept per column. */
#define PF_SCAN_N_TOP_VALUES 5
/* A column is flagged as a leakage suspect when it alone separates the
 * target this well: AUC (or 1 − AUC) at or above PF_SCAN_AUC_SUSPECT, or a
 * bias-corrected Cramér's V at or above PF_SCAN_ASSOCIATION_SUSPECT. */
#define PF_SCAN_AUC_SUSPECT 0.9
#define PF_SCAN_ASSOCIATION_SUSPECT 0.5
/* Values that match a personal-data detector in at least this share of a
 * column's non-missing values make the column personal data. */
#define PF_SCAN_PII_SHARE 0.2
/* A column with at least this share of its rows missing is "nearly empty". */
#define PF_SCAN_NEARLY_EMPTY_SHARE 0.95
/* The default threshold k for re-identification. */
#define PF_SCAN_DEFAULT_K 5

typedef enum
{
  PF_COLUMN_TYPE_EMPTY,        /* every value missing */
  PF_COLUMN_TYPE_INTEGER,
  PF_COLUMN_TYPE_DECIMAL,
  PF_COLUMN_TYPE_BOOLEAN,
  PF_COLUMN_TYPE_DATE_TIME,
  PF_COLUMN_TYPE_CATEGORICAL,
  PF_COLUMN_TYPE_TEXT,         /* free text */
  PF_COLUMN_TYPE_IDENTIFIER,   /* (nearly) every value distinct: ids, codes, hashes */
  PF_N_COLUMN_TYPES
} PfColumnType;

typedef enum
{
  PF_LEAK_MEASURE_NONE,        /* no target, the target itself, or nothing to measure */
  PF_LEAK_MEASURE_AUC,         /* numeric or date column, binary target */
  PF_LEAK_MEASURE_ASSOCIATION, /* bias-corrected Cramér's V */
} PfLeakMeasure;

typedef enum
{
  PF_LEAK_REASON_SEPARATES       = 1 << 0,  /* the measure is at or above its threshold */
  PF_LEAK_REASON_IDENTIFIER      = 1 << 1,  /* identifier-like: reported as such, not as a leak */
  PF_LEAK_REASON_POST_EVENT_NAME = 1 << 2,  /* the name hints at data collected after the event */
  PF_LEAK_REASON_AFTER_PREDICTION = 1 << 3, /* dates later than the prediction-time column's */
} PfLeakReason;

typedef struct
{
  char    *value;   /* as UTF-8; NULL when masked */
  guint64  count;
} PfScanTopValue;

typedef struct
{
  char          *name;
  PfColumnType   type;

  guint64        n_values;        /* non-missing */
  guint64        n_missing;       /* empty, or NA, N/A, NaN, null, NULL, None, nil, - , ? */
  guint64        n_distinct;      /* of non-missing values */
  gboolean       distinct_exact;  /* FALSE: a HyperLogLog estimate */
  gboolean       leading_zeros;   /* digits with leading zeros: a code, not a number */

  /* For numeric columns (integer, decimal, boolean as 0/1), over the values
   * that parse as numbers; for date/time columns in seconds since 1970 UTC. */
  gboolean       has_range;
  double         min, max, mean, sd;
  char          *min_text, *max_text;  /* as written in the file (dates), or NULL */

  PfScanTopValue top[PF_SCAN_N_TOP_VALUES];
  guint          n_top;
  gboolean       top_masked;      /* personal data: the values are not kept */

  /* Personal data. */
  guint64        pii_matches[5];  /* per PfPiiValueKind (pf-pii.h): values that match */
  guint          pii_name_kind;   /* a PfPiiNameKind: what the column's name says */
  gboolean       personal_data;   /* by name, or by a detector's share >= PF_SCAN_PII_SHARE */

  /* Leakage. */
  PfLeakMeasure  leak_measure;
  double         leak_score;      /* AUC folded to [0.5, 1] (max(AUC, 1 − AUC)), or V */
  gboolean       leak_exact;      /* FALSE: from a sample of rows (see pf-scan.c) */
  guint          leak_reasons;    /* PfLeakReason flags */
  const char    *post_event_hint; /* the word of the name, or NULL */
  guint64        n_after_prediction; /* rows whose date is later than the prediction time */
} PfScanColumn;

typedef struct
{
  char          *value;
  guint64        count;
} PfScanClass;

typedef struct
{
  /* The file. */
  char          *file_name;       /* basename, UTF-8 */
  char           sha256[65];
  guint64        n_bytes;
  char           delimiter;
  gboolean       has_header;
  gboolean       had_bom;
  PfCsvEncoding  encoding;
  guint64        problem_counts[PF_CSV_N_PROBLEMS];
  PfCsvSite     *problem_sites[PF_CSV_N_PROBLEMS];
  guint          n_problem_sites[PF_CSV_N_PROBLEMS];
  guint64        n_blank_lines;

  /* Rows and columns. */
  guint64        n_rows;
  guint          n_columns;
  PfScanColumn  *columns;
  guint64        n_duplicate_rows;  /* rows equal to an earlier row */
  gboolean       duplicates_exact;  /* FALSE: estimated beyond about 1 M distinct rows (see pf-scan.c) */

  /* Target: -1 when none. */
  int            target_column;
  PfScanClass   *classes;           /* the target's values, most frequent first */
  guint          n_classes;
  gboolean       classes_truncated; /* more than PF_SCAN_MAX_CLASSES */
  gboolean       target_binned;     /* a numeric target with more than PF_SCAN_MAX_CLASSES values:
                                     * the classes are bins of equal frequency ("10 … < 20"), their
                                     * edges from the target's first 65,536 values */
  int            prediction_time_column;

  /* Re-identification over the quasi-identifier columns (none: n_quasi_ids 0). */
  guint         *quasi_ids;
  guint          n_quasi_ids;
  guint          k_threshold;
  guint64        n_classes_qi;      /* equivalence classes */
  guint64        k;                 /* the smallest class */
  guint64        n_unique_rows;     /* rows in classes of size 1 */
  guint64        n_rows_at_risk;    /* rows in classes smaller than k_threshold */
  gboolean       reidentification_exact; /* FALSE: from a sample of the classes beyond about 1 M of them;
                                          * k is then the smallest class of the sample */

  double         seconds;           /* wall-clock time of the scan */
} PfScanResult;

/* The target's distinct values beyond which it is not a class label. */
#define PF_SCAN_MAX_CLASSES 64

/* Called from the scanning thread, at most every 50 ms or so. */
typedef void (*PfScanProgressFunc) (guint64  bytes_read,
                                    guint64  bytes_total,
                                    guint64  rows,
                                    gpointer user_data);

typedef struct
{
  PfCsvOptions        csv;
  const char         *target;             /* a column name, or NULL */
  const char         *prediction_time;    /* a column name, or NULL */
  const char * const *quasi_ids;          /* NULL-terminated column names, or NULL */
  guint               k_threshold;        /* 0: PF_SCAN_DEFAULT_K */
  guint               n_threads;          /* 0: as many as the machine has cores, at most 4 */
  guint               max_exact_rows;     /* distinct rows and groups counted exactly; 0: about 1 M */
  PfScanProgressFunc  progress;
  gpointer            progress_data;
} PfScanOptions;

GQuark        pf_scan_error_quark       (void);

/* Reads the header (or the first row) and the dialect, for choosing the
 * target and the other columns before the scan. Returns the column names
 * (a NULL-terminated array; "Column N" without a header). */
char        **pf_scan_peek_columns      (GFile               *file,
                                         const PfCsvOptions  *csv,
                                         char                *delimiter,
                                         gboolean            *has_header,
                                         GCancellable        *cancellable,
                                         GError             **error);

/* Scans the file. Blocking: call it from a worker thread (GTask). Returns
 * NULL with G_IO_ERROR_CANCELLED when cancelled. */
PfScanResult *pf_scan_file              (GFile               *file,
                                         const PfScanOptions *options,
                                         GCancellable        *cancellable,
                                         GError             **error);

void          pf_scan_result_free       (PfScanResult        *result);

const char   *pf_column_type_id         (PfColumnType         type);  /* "integer", … stable */
const char   *pf_column_type_describe   (PfColumnType         type);  /* translated */
PfColumnType  pf_column_type_from_id    (const char          *id);

/* Whether the column is a leakage suspect: it separates the target, its name
 * hints at post-event data, or its dates are later than the prediction time.
 * An identifier-like column is reported as such; it is a suspect only when
 * it also separates the target (an id given out in the order of the
 * outcome), since a bias-corrected measure does not mistake its many
 * values for an association. */
gboolean      pf_scan_column_is_suspect (const PfScanColumn  *column);

/* Data quality, from a column's counts (also as read back from a
 * project): one value in every row that has one, or at least
 * PF_SCAN_NEARLY_EMPTY_SHARE of the rows missing (an empty column too). */
gboolean      pf_scan_is_constant       (guint64              n_values,
                                         guint64              n_distinct);
gboolean      pf_scan_is_nearly_empty   (guint64              n_values,
                                         guint64              n_missing);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PfScanResult, pf_scan_result_free)

G_END_DECLS
