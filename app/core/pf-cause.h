/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The six reasons data-science deployments fail (DESIGN.md §2): every page
 * exists to catch one, and the readiness scores the project along them. */
typedef enum
{
  PF_CAUSE_INFANT_MORTALITY,
  PF_CAUSE_IT_COLLABORATION,
  PF_CAUSE_REAL_WORLD,
  PF_CAUSE_DATA_LEAKAGE,
  PF_CAUSE_BUSINESS_ALIGNMENT,
  PF_CAUSE_POLITICS,
  PF_N_CAUSES
} PfCause;

const char *pf_cause_get_id          (PfCause     cause);
const char *pf_cause_get_title       (PfCause     cause);
const char *pf_cause_get_description (PfCause     cause);
gboolean    pf_cause_from_id         (const char *id,
                                      PfCause    *cause);

G_END_DECLS
