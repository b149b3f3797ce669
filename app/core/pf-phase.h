/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The six phases of CRISP-DM 1.0, in the order a project walks them. */
typedef enum
{
  PF_PHASE_BUSINESS_UNDERSTANDING,
  PF_PHASE_DATA_UNDERSTANDING,
  PF_PHASE_DATA_PREPARATION,
  PF_PHASE_MODELING,
  PF_PHASE_EVALUATION,
  PF_PHASE_DEPLOYMENT,
  PF_N_PHASES
} PfPhase;

const char *pf_phase_get_id          (PfPhase     phase);
const char *pf_phase_get_title       (PfPhase     phase);
const char *pf_phase_get_description (PfPhase     phase);
gboolean    pf_phase_from_id         (const char *id,
                                      PfPhase    *phase);

G_END_DECLS
