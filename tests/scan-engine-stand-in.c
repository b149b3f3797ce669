/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pf-scan.h"

/* TEMPORARY: the four functions of pf-scan.c that pf-scan-record.c calls,
 * so that test-scan-record links before the scan engine is merged. Removed
 * when app/scan/pf-scan.c lands (the merge commit deletes this file). */

static const char * const type_ids[PF_N_COLUMN_TYPES] = {
  "empty", "integer", "decimal", "boolean", "date-time", "categorical", "text", "identifier",
};

const char *
pf_column_type_id (PfColumnType type)
{
  return type < PF_N_COLUMN_TYPES ? type_ids[type] : "empty";
}

const char *
pf_column_type_describe (PfColumnType type)
{
  static const char * const titles[PF_N_COLUMN_TYPES] = {
    "Empty", "Integer", "Decimal", "Boolean", "Date/time", "Categorical", "Free text", "Identifier",
  };

  return type < PF_N_COLUMN_TYPES ? titles[type] : "Empty";
}

PfColumnType
pf_column_type_from_id (const char *id)
{
  for (guint i = 0; i < PF_N_COLUMN_TYPES; i++)
    if (g_strcmp0 (id, type_ids[i]) == 0)
      return i;
  return PF_COLUMN_TYPE_EMPTY;
}

gboolean
pf_scan_column_is_suspect (const PfScanColumn *column)
{
  if (column->leak_reasons & PF_LEAK_REASON_IDENTIFIER)
    return FALSE;
  return (column->leak_reasons & (PF_LEAK_REASON_SEPARATES | PF_LEAK_REASON_POST_EVENT_NAME |
                                  PF_LEAK_REASON_AFTER_PREDICTION)) != 0;
}
