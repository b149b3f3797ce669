/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pf-catalog.h"
#include "pf-document.h"

G_BEGIN_DECLS

/* A sign-off scope and its changes in words, for the people who sign:
 * what the content of a scope is now, and what an "object field" change
 * from pf_document_get_sign_off_state() touched. */

char *pf_scope_describe_content (const char *scope,
                                 PfCatalog  *catalog,
                                 PfDocument *document);
char *pf_scope_describe_change  (const char *change,
                                 PfCatalog  *catalog,
                                 PfDocument *document);
char *pf_scope_describe_object  (const char *object,
                                 PfCatalog  *catalog,
                                 PfDocument *document);
char *pf_scope_describe_field   (const char *object,
                                 const char *field);
char *pf_scope_describe_changes (GPtrArray  *changes,
                                 guint       max_listed,
                                 PfCatalog  *catalog,
                                 PfDocument *document);
char *pf_scope_describe_open    (const char *scope,
                                 guint       max_listed,
                                 PfCatalog  *catalog,
                                 PfDocument *document);
char *pf_sign_off_format_time   (const char *time);
char *pf_sign_off_meaning_dup_title (const char *meaning);

G_END_DECLS
