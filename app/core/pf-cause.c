/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pf-cause.h"

static const struct
{
  const char *id;
  const char *title;
  const char *description;
} causes[PF_N_CAUSES] = {
  { "infant-mortality", N_("Infant mortality"),
    N_("The model answers another question than the business asked, the question shifted, "
       "expectations were too high, or the data was too small or missed events.") },
  { "it-collaboration", N_("IT collaboration"),
    N_("Nobody planned how the predictions reach production: write-back, scheduling, servers, "
       "connections, the IT contact and a way back.") },
  { "real-world", N_("Life in the real world"),
    N_("Governance and privacy law: every prediction stored and traceable for the required "
       "time, personal data reviewed, re-identification ruled out.") },
  { "data-leakage", N_("Data leakage"),
    N_("Features that are not available when the prediction is made, or that are a "
       "consequence of what is predicted.") },
  { "business-alignment", N_("Business alignment"),
    N_("Whether the problem solved still matches the business need and its value.") },
  { "politics", N_("Company politics"),
    N_("Stakeholders, their expectations and approvals, and open conflicts between groups.") },
};

const char *
pf_cause_get_id (PfCause cause)
{
  g_return_val_if_fail (cause < PF_N_CAUSES, NULL);

  return causes[cause].id;
}

/* Returns: the cause's name, translated, e.g. "Data leakage" */
const char *
pf_cause_get_title (PfCause cause)
{
  g_return_val_if_fail (cause < PF_N_CAUSES, NULL);

  return _(causes[cause].title);
}

/* Returns: one sentence on what goes wrong, translated */
const char *
pf_cause_get_description (PfCause cause)
{
  g_return_val_if_fail (cause < PF_N_CAUSES, NULL);

  return _(causes[cause].description);
}

gboolean
pf_cause_from_id (const char *id,
                  PfCause    *cause)
{
  for (guint i = 0; id != NULL && i < PF_N_CAUSES; i++)
    {
      if (g_str_equal (id, causes[i].id))
        {
          if (cause != NULL)
            *cause = i;
          return TRUE;
        }
    }

  return FALSE;
}
