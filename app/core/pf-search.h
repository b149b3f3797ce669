/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pf-catalog.h"
#include "pf-document.h"

G_BEGIN_DECLS

/* Finds questions and register entries of a project by text: case- and
 * accent-insensitive substring matching over the catalog's question and
 * "why" texts, the answers, the business question and every text field of
 * the registers' records. */

typedef enum
{
  PF_SEARCH_RESULT_QUESTION,           /* question_id */
  PF_SEARCH_RESULT_BUSINESS_QUESTION,  /* on the Business Understanding page */
  PF_SEARCH_RESULT_RECORD,             /* register_id and record_id */
} PfSearchResultKind;

typedef struct
{
  PfSearchResultKind  kind;
  char               *title;         /* the question, or the record's name */
  char               *snippet;       /* one line around the match */
  guint               match_start;   /* the match in snippet, in bytes */
  guint               match_length;
  char               *location;      /* a phase or register title */
  char               *page_id;       /* the page that shows it */
  char               *question_id;   /* PF_SEARCH_RESULT_QUESTION */
  char               *register_id;   /* PF_SEARCH_RESULT_RECORD */
  char               *record_id;     /* PF_SEARCH_RESULT_RECORD */
} PfSearchResult;

#define PF_SEARCH_DEFAULT_LIMIT 200

#define PF_TYPE_SEARCH (pf_search_get_type ())

G_DECLARE_FINAL_TYPE (PfSearch, pf_search, PF, SEARCH, GObject)

PfSearch   *pf_search_new          (PfCatalog       *catalog,
                                    PfDocument      *document);
PfCatalog  *pf_search_get_catalog  (PfSearch        *self);
void        pf_search_set_catalog  (PfSearch        *self,
                                    PfCatalog       *catalog);
PfDocument *pf_search_get_document (PfSearch        *self);
GPtrArray  *pf_search_query        (PfSearch        *self,
                                    const char      *text,
                                    guint            limit,
                                    gboolean        *more);
void        pf_search_result_free  (PfSearchResult  *result);
char       *pf_search_fold         (const char      *text);
const char *pf_search_get_register_title (const char *register_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PfSearchResult, pf_search_result_free)

G_END_DECLS
