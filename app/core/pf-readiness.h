/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "pf-catalog.h"
#include "pf-cause.h"
#include "pf-document.h"

G_BEGIN_DECLS

/* Whether the model may be deployed (DESIGN.md §5): a pure function of the
 * project and the catalog it follows. It reads, never changes, the document.
 *
 * The verdict is NOT READY while there is a blocker, READY WITH CONDITIONS
 * while a current approval carries conditions, READY otherwise. Warnings
 * never change the verdict.
 *
 * The score of a cause (0 … 100): its base is the share of the catalog's
 * questions of that cause that are answered (or justified not applicable),
 * a required question weighing 2 and an optional one 1; a cause without
 * questions starts at 100. Each blocker of the cause halves it (at most
 * three times), each warning multiplies it by 0.9 (at most five times);
 * conditions leave it alone. The result is rounded to an integer.
 *
 * A finding's key keeps it from being reported twice: a specific rule
 * (a stale sponsor sign-off because the business question changed) takes
 * the place of the gate's generic finding for the same sign-off scope or
 * question. */

typedef enum
{
  PF_VERDICT_NOT_READY,
  PF_VERDICT_READY_WITH_CONDITIONS,
  PF_VERDICT_READY,
} PfVerdict;

typedef enum
{
  PF_SEVERITY_BLOCKER,    /* the model must not be deployed */
  PF_SEVERITY_CONDITION,  /* deployable, under a condition an approver set */
  PF_SEVERITY_WARNING,    /* worth a look; does not change the verdict */
} PfSeverity;

/* Where a finding is fixed: what the Overview activates. */
typedef enum
{
  PF_FIX_PAGE,      /* the page @page: "audit-trail", "ml-test-score", "sign-offs", … */
  PF_FIX_QUESTION,  /* the question @target on its phase page @page */
  PF_FIX_BUSINESS_QUESTION, /* the business question on "business-understanding" */
  PF_FIX_RECORD,    /* the record @target in the register page @page */
  PF_FIX_SIGN_OFF,  /* sign off the scope @target; @page is "sign-offs" */
} PfFixKind;

typedef struct
{
  PfSeverity  severity;
  char       *rule;     /* stable id of the rule that found it, e.g. "leaky-feature" */
  int         cause;    /* a PfCause, or -1 */
  int         phase;    /* the PfPhase whose gate it belongs to, or -1 for the project */
  char       *title;    /* translated, plain language: what is wrong */
  char       *detail;   /* translated, nullable: why it matters or what to do */
  PfFixKind   fix;
  char       *page;     /* a page id of app/pf-pages.c */
  char       *target;   /* nullable: a question id, record id or sign-off scope */
} PfFinding;

typedef struct
{
  guint      n_required;  /* required questions, as pf_gate_count_answered() counts them */
  guint      n_answered;
  GPtrArray *findings;    /* PfFinding, borrowed from PfReadiness; blockers first */
} PfPhaseReadiness;

typedef struct
{
  PfVerdict         verdict;
  GPtrArray        *findings;  /* PfFinding: blockers, then conditions, then warnings;
                                * in each, by phase (project-wide last), then as found */
  guint             n_blockers;
  guint             n_conditions;
  guint             n_warnings;
  PfPhaseReadiness  phases[PF_N_PHASES];
  double            scores[PF_N_CAUSES];  /* 0 (every check fails) … 100 (all pass) */
} PfReadiness;

PfReadiness *pf_readiness_evaluate    (PfCatalog         *catalog,
                                       PfDocument        *document);
void         pf_readiness_free        (PfReadiness       *readiness);
JsonNode    *pf_readiness_to_json     (const PfReadiness *readiness);

const char  *pf_verdict_get_id        (PfVerdict          verdict);
const char  *pf_verdict_get_title     (PfVerdict          verdict);
const char  *pf_severity_get_id       (PfSeverity         severity);
const char  *pf_severity_get_title    (PfSeverity         severity);

/* A threshold in a success criterion's text, e.g. "lift of at least 3". */
typedef enum
{
  PF_COMPARISON_AT_LEAST,   /* "at least", "≥", ">=", "minimum", "no less than" */
  PF_COMPARISON_MORE_THAN,  /* "more than", ">" */
  PF_COMPARISON_AT_MOST,    /* "at most", "≤", "<=", "maximum", "no more than" */
  PF_COMPARISON_LESS_THAN,  /* "less than", "<", "below" */
} PfComparison;

gboolean     pf_success_criterion_parse (const char        *text,
                                         PfComparison      *comparison,
                                         double            *threshold);
gboolean     pf_comparison_holds        (PfComparison       comparison,
                                         double             value,
                                         double             threshold);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PfReadiness, pf_readiness_free)

G_END_DECLS
