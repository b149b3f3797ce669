/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pf-catalog.h"
#include "pf-document.h"

G_BEGIN_DECLS

/* Where a phase stands: how many of its required questions are answered,
 * and what still blocks its gate. */

typedef enum
{
  PF_BLOCKER_UNANSWERED,  /* a required question has no answer */
  PF_BLOCKER_SIGN_OFF,    /* a sign-off the gate requires is missing, stale or withdrawn */
  PF_BLOCKER_BUSINESS_QUESTION, /* no business question with a success criterion recorded */
} PfBlockerKind;

typedef struct
{
  PfBlockerKind  kind;
  char          *question;  /* for PF_BLOCKER_UNANSWERED */
  char          *scope;     /* for PF_BLOCKER_SIGN_OFF */
  char          *role;      /* nullable */
} PfBlocker;

typedef struct
{
  guint      n_required;
  guint      n_answered;
  GPtrArray *blockers;  /* PfBlocker */
} PfGateState;

gboolean pf_question_is_answered (PfDocument       *document,
                                  const PfQuestion *question);
gboolean pf_business_question_is_recorded (PfDocument *document);
gboolean pf_text_is_given        (const char       *text);
void     pf_gate_evaluate        (PfCatalog        *catalog,
                                  PfDocument       *document,
                                  PfPhase           phase,
                                  PfGateState      *state);
void     pf_gate_state_clear     (PfGateState      *state);
void     pf_gate_count_answered  (PfCatalog        *catalog,
                                  PfDocument       *document,
                                  PfPhase           phase,
                                  guint            *n_answered,
                                  guint            *n_required);

G_END_DECLS
