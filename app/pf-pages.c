/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pf-pages.h"
#include "pf-phase.h"

struct _PfPageInfo
{
  const char    *id;
  const char    *icon_name;
  PfPageSection  section;
  int            phase;       /* a PfPhase, or -1 */
  const char    *title;       /* for pages that are not phases */
  const char    *description;
};

#define PHASE_PAGE(ph, icon) { NULL, icon, PF_PAGE_SECTION_PHASES, ph, NULL, NULL }

static const PfPageInfo pages[] = {
  { "overview", "view-grid-symbolic", PF_PAGE_SECTION_PROJECT, -1,
    N_("Overview"),
    N_("The readiness verdict, the blockers that stand between this project and deployment, "
       "and the risk profile along the six reasons deployments fail.") },
  PHASE_PAGE (PF_PHASE_BUSINESS_UNDERSTANDING, "find-location-symbolic"),
  PHASE_PAGE (PF_PHASE_DATA_UNDERSTANDING, "system-search-symbolic"),
  PHASE_PAGE (PF_PHASE_DATA_PREPARATION, "applications-engineering-symbolic"),
  PHASE_PAGE (PF_PHASE_MODELING, "applications-science-symbolic"),
  PHASE_PAGE (PF_PHASE_EVALUATION, "emblem-ok-symbolic"),
  PHASE_PAGE (PF_PHASE_DEPLOYMENT, "send-to-symbolic"),
  { "assumptions", "dialog-information-symbolic", PF_PAGE_SECTION_REGISTERS, -1,
    N_("Assumptions"),
    N_("What the team takes for granted, each with an owner, a status and the evidence "
       "that validated or invalidated it.") },
  { "stakeholders", "emoji-people-symbolic", PF_PAGE_SECTION_REGISTERS, -1,
    N_("Stakeholders"),
    N_("Who has a stake in the model: their group, influence, interest and expectations, "
       "and whose approval the deployment needs.") },
  { "risks", "dialog-warning-symbolic", PF_PAGE_SECTION_REGISTERS, -1,
    N_("Risks"),
    N_("What could stop the model from delivering value, scored by likelihood and impact, "
       "with a mitigation and an owner for each.") },
  { "data-sources", "drive-multidisk-symbolic", PF_PAGE_SECTION_REGISTERS, -1,
    N_("Data Sources"),
    N_("Where the data comes from, who owns it, whether it holds personal data and whether "
       "it is available in production.") },
  { "features", "x-office-spreadsheet-symbolic", PF_PAGE_SECTION_REGISTERS, -1,
    N_("Features & Leakage"),
    N_("Every feature, when it becomes known relative to the prediction point and a "
       "reviewer's verdict, so that no leaked information reaches the model.") },
  { "ml-test-score", "emblem-default-symbolic", PF_PAGE_SECTION_REGISTERS, -1,
    N_("ML Test Score"),
    N_("The 28 tests of the ML Test Score rubric, each done by hand, automated or not at all, "
       "and how ready for production they show the system to be.") },
  { "sign-offs", "document-edit-symbolic", PF_PAGE_SECTION_REGISTERS, -1,
    N_("Sign-offs"),
    N_("Who reviewed and approved what, and whether the content changed after it was signed.") },
  { "audit-trail", "document-open-recent-symbolic", PF_PAGE_SECTION_REGISTERS, -1,
    N_("Audit Trail"),
    N_("Every change, sign-off and export, recorded in a tamper-evident hash chain.") },
};

guint
pf_pages_get_n_pages (void)
{
  return G_N_ELEMENTS (pages);
}

const PfPageInfo *
pf_pages_get_page (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (pages), NULL);

  return &pages[index];
}

int
pf_pages_find (const char *id)
{
  g_return_val_if_fail (id != NULL, -1);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      if (g_str_equal (id, pf_page_info_get_id (&pages[i])))
        return i;
    }

  return -1;
}

const char *
pf_page_info_get_id (const PfPageInfo *info)
{
  return info->phase >= 0 ? pf_phase_get_id (info->phase) : info->id;
}

const char *
pf_page_info_get_title (const PfPageInfo *info)
{
  return info->phase >= 0 ? pf_phase_get_title (info->phase) : _(info->title);
}

const char *
pf_page_info_get_description (const PfPageInfo *info)
{
  return info->phase >= 0 ? pf_phase_get_description (info->phase) : _(info->description);
}

const char *
pf_page_info_get_icon_name (const PfPageInfo *info)
{
  return info->icon_name;
}

PfPageSection
pf_page_info_get_section (const PfPageInfo *info)
{
  return info->section;
}

const char *
pf_page_section_get_title (PfPageSection section)
{
  switch (section)
    {
    case PF_PAGE_SECTION_PHASES:
      return _("Phases");
    case PF_PAGE_SECTION_REGISTERS:
      return _("Registers");
    case PF_PAGE_SECTION_PROJECT:
    default:
      return NULL;
    }
}
