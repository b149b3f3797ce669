/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pf-gate.h"
#include "pf-readiness.h"

/* TODO(issue 5): the rules — being written. */

static void
finding_free (PfFinding *finding)
{
  g_free (finding->rule);
  g_free (finding->title);
  g_free (finding->detail);
  g_free (finding->page);
  g_free (finding->target);
  g_free (finding);
}

PfReadiness *
pf_readiness_evaluate (PfCatalog  *catalog,
                       PfDocument *document)
{
  PfReadiness *readiness;

  g_return_val_if_fail (PF_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (PF_IS_DOCUMENT (document), NULL);

  readiness = g_new0 (PfReadiness, 1);
  readiness->findings = g_ptr_array_new_with_free_func ((GDestroyNotify)finding_free);
  for (guint i = 0; i < PF_N_PHASES; i++)
    {
      readiness->phases[i].findings = g_ptr_array_new ();
      pf_gate_count_answered (catalog, document, i, &readiness->phases[i].n_answered, &readiness->phases[i].n_required);
    }
  readiness->verdict = PF_VERDICT_READY;

  return readiness;
}

void
pf_readiness_free (PfReadiness *readiness)
{
  if (readiness == NULL)
    return;

  for (guint i = 0; i < PF_N_PHASES; i++)
    g_clear_pointer (&readiness->phases[i].findings, g_ptr_array_unref);
  g_clear_pointer (&readiness->findings, g_ptr_array_unref);
  g_free (readiness);
}

JsonNode *
pf_readiness_to_json (const PfReadiness *readiness)
{
  return json_node_init_object (json_node_alloc (), json_object_new ());
}

static const struct
{
  const char *id;
  const char *title;
} verdicts[] = {
  [PF_VERDICT_NOT_READY] = { "not-ready", N_("NOT READY") },
  [PF_VERDICT_READY_WITH_CONDITIONS] = { "ready-with-conditions", N_("READY WITH CONDITIONS") },
  [PF_VERDICT_READY] = { "ready", N_("READY") },
};

static const struct
{
  const char *id;
  const char *title;
} severities[] = {
  [PF_SEVERITY_BLOCKER] = { "blocker", N_("Blocker") },
  [PF_SEVERITY_CONDITION] = { "condition", N_("Condition") },
  [PF_SEVERITY_WARNING] = { "warning", N_("Warning") },
};

const char *
pf_verdict_get_id (PfVerdict verdict)
{
  g_return_val_if_fail (verdict < G_N_ELEMENTS (verdicts), NULL);

  return verdicts[verdict].id;
}

/* Returns: the verdict as the report and the command line print it, translated */
const char *
pf_verdict_get_title (PfVerdict verdict)
{
  g_return_val_if_fail (verdict < G_N_ELEMENTS (verdicts), NULL);

  return _(verdicts[verdict].title);
}

const char *
pf_severity_get_id (PfSeverity severity)
{
  g_return_val_if_fail (severity < G_N_ELEMENTS (severities), NULL);

  return severities[severity].id;
}

const char *
pf_severity_get_title (PfSeverity severity)
{
  g_return_val_if_fail (severity < G_N_ELEMENTS (severities), NULL);

  return _(severities[severity].title);
}
