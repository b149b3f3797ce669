/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "pf-document.h"
#include "pf-scan.h"

G_BEGIN_DECLS

/* A scan's result as JSON, and as records of a project.
 *
 * The form is documented in data/scan-format.md:
 *  - the whole result (`preflight scan --json`, with the most frequent
 *    values of columns that are not personal data), and
 *  - what goes into a project: a `dataset-scans` record (file name, SHA-256,
 *    time, rows, columns, metrics) and, per column, the feature's `scan`
 *    object — figures only, never a value of the data.
 */

/* with_values: include the most frequent values (never for a project). */
JsonNode     *pf_scan_result_to_json       (const PfScanResult *result,
                                            gboolean            with_values);

/* One column's metrics, as stored in its feature's `scan` field and in the
 * dataset-scans record's metrics.columns. */
JsonNode     *pf_scan_column_to_json       (const PfScanResult *result,
                                            guint               column,
                                            gboolean            with_values);

/* Records the scan in the project, in one undo step: a dataset-scans record,
 * and for every column but the target a feature of that name (added when
 * missing, with the file name as its source) whose `scan` field is set to
 * the column's metrics. Nothing else of an existing feature changes: what a
 * reviewer wrote stays. Returns the dataset-scans record's id; n_added and
 * n_updated count the features. */
char         *pf_scan_record               (PfDocument         *document,
                                            const PfScanResult *result,
                                            guint              *n_added,
                                            guint              *n_updated,
                                            GError            **error);

/* Reading a feature's `scan` object (NULL-safe: NULL means not scanned). */
gboolean      pf_scan_evidence_is_suspect  (JsonObject         *scan);
gboolean      pf_scan_evidence_is_personal (JsonObject         *scan);
/* A translated one-line summary, e.g. "Decimal · 2 % missing · AUC 0.97:
 * separates the target". */
char         *pf_scan_evidence_describe    (JsonObject         *scan);
/* Its distinct values, range, mean and standard deviation, in a line. */
char         *pf_scan_evidence_describe_figures (JsonObject    *scan);

/* The project's latest dataset-scans record, or NULL. */
JsonObject   *pf_scan_get_latest           (PfDocument         *document);

G_END_DECLS
