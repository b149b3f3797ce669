/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pf-phase.h"

G_BEGIN_DECLS

/* What the wizard asks: phases, their steps (the CRISP-DM tasks), the
 * questions of each step and the gate of each phase, and the ML Test Score
 * rubric. The format is documented in data/catalog/README.md. */

#define PF_CATALOG_FORMAT_VERSION 1

/* The built-in catalog, data/catalog/crisp-dm.catalog. */
#define PF_CATALOG_BUILTIN_ID      "io.github.preflight.crisp-dm"
#define PF_CATALOG_BUILTIN_VERSION 1

#define PF_CATALOG_ERROR (pf_catalog_error_quark ())

typedef enum
{
  PF_CATALOG_ERROR_SYNTAX,   /* not well-formed XML */
  PF_CATALOG_ERROR_INVALID,  /* well-formed, but not a catalog this version reads */
} PfCatalogError;

typedef enum
{
  PF_QUESTION_TEXT,
  PF_QUESTION_LONG_TEXT,
  PF_QUESTION_CHOICE,
  PF_QUESTION_YES_NO,
  PF_QUESTION_NUMBER,
  PF_QUESTION_DATE,
  PF_QUESTION_REFERENCE,
} PfQuestionType;

typedef struct
{
  char *id;
  char *label;
} PfChoice;

typedef struct
{
  char           *id;
  PfQuestionType  type;
  gboolean        required;
  char           *cause;        /* nullable: one of the six causes */
  char           *register_id;  /* for PF_QUESTION_REFERENCE */
  char           *text;
  char           *why;
  GPtrArray      *choices;      /* PfChoice, for PF_QUESTION_CHOICE */
  PfPhase         phase;
} PfQuestion;

typedef struct
{
  char      *id;
  char      *title;
  char      *description;
  GPtrArray *outputs;    /* char * */
  GPtrArray *questions;  /* PfQuestion */
} PfStep;

typedef struct
{
  char *question;  /* a question that must be answered, or NULL */
  char *sign_off;  /* a scope that must be signed off, or NULL */
  char *role;      /* who is expected to sign, or NULL */
} PfRequirement;

typedef struct
{
  char *id;
  char *title;
  char *description;
} PfTestItem;

typedef struct
{
  char      *id;
  char      *title;
  GPtrArray *tests;  /* PfTestItem */
} PfTestSection;

#define PF_TYPE_CATALOG (pf_catalog_get_type ())

G_DECLARE_FINAL_TYPE (PfCatalog, pf_catalog, PF, CATALOG, GObject)

GQuark            pf_catalog_error_quark         (void);
PfCatalog        *pf_catalog_new_from_bytes      (GBytes        *bytes,
                                                  gboolean       translate,
                                                  GError       **error);
PfCatalog        *pf_catalog_new_from_file       (GFile         *file,
                                                  GError       **error);
const char       *pf_catalog_get_id              (PfCatalog     *self);
guint             pf_catalog_get_version         (PfCatalog     *self);
const char       *pf_catalog_get_title           (PfCatalog     *self);
GPtrArray        *pf_catalog_get_steps           (PfCatalog     *self,
                                                  PfPhase        phase);
GPtrArray        *pf_catalog_get_gate            (PfCatalog     *self,
                                                  PfPhase        phase);
const PfQuestion *pf_catalog_find_question       (PfCatalog     *self,
                                                  const char    *id);
guint             pf_catalog_get_n_questions     (PfCatalog     *self);
GPtrArray        *pf_catalog_get_test_sections   (PfCatalog     *self);
const char       *pf_question_type_to_string     (PfQuestionType type);

G_END_DECLS
