/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pf-phase.h"

typedef struct
{
  const char *id;
  const char *title;
  const char *description;
} PhaseInfo;

/* Ids are stored in project files: never rename one. */
static const PhaseInfo phases[PF_N_PHASES] = {
  { "business-understanding",
    N_("Business Understanding"),
    N_("What the business asks, why it is worth answering, and how success will be measured. "
       "Catches models that answer a different question than the one the business asked.") },
  { "data-understanding",
    N_("Data Understanding"),
    N_("Which data exists, who owns it, its quality and whether it covers every event the "
       "model must learn. Catches training data that is too small or blind to rare cases.") },
  { "data-preparation",
    N_("Data Preparation"),
    N_("Which features are built and when each becomes known relative to the prediction point. "
       "Catches data leakage before it inflates the model's scores.") },
  { "modeling",
    N_("Modeling"),
    N_("Which techniques are tried, how the data is split and how preprocessing is fitted. "
       "Catches train/test overlap and evaluation on information the model will not have.") },
  { "evaluation",
    N_("Evaluation"),
    N_("Whether the measured model meets the success criterion and still answers the question "
       "the business needs today. Catches drift between the problem solved and the problem owned.") },
  { "deployment",
    N_("Deployment"),
    N_("Where predictions are written, how the job is scheduled and who runs it, how every "
       "prediction is logged and how to roll back. Catches projects that stall at the IT handover.") },
};

const char *
pf_phase_get_id (PfPhase phase)
{
  g_return_val_if_fail (phase < PF_N_PHASES, NULL);

  return phases[phase].id;
}

const char *
pf_phase_get_title (PfPhase phase)
{
  g_return_val_if_fail (phase < PF_N_PHASES, NULL);

  return _(phases[phase].title);
}

const char *
pf_phase_get_description (PfPhase phase)
{
  g_return_val_if_fail (phase < PF_N_PHASES, NULL);

  return _(phases[phase].description);
}

gboolean
pf_phase_from_id (const char *id,
                  PfPhase    *phase)
{
  g_return_val_if_fail (id != NULL, FALSE);

  for (guint i = 0; i < PF_N_PHASES; i++)
    {
      if (g_str_equal (id, phases[i].id))
        {
          if (phase != NULL)
            *phase = i;
          return TRUE;
        }
    }

  return FALSE;
}
