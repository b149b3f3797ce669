/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The value of the "format" member that marks a Preflight project file. */
#define PF_DOCUMENT_FORMAT "preflight-project"
/* The newest format version this build reads and writes. */
#define PF_DOCUMENT_FORMAT_VERSION 1

#define PF_DOCUMENT_ERROR (pf_document_error_quark ())

typedef enum
{
  PF_DOCUMENT_ERROR_SYNTAX,      /* not JSON: the message names line and column */
  PF_DOCUMENT_ERROR_NOT_PROJECT, /* JSON, but not a Preflight project */
  PF_DOCUMENT_ERROR_INVALID,     /* a member has the wrong type: the message names its path */
  PF_DOCUMENT_ERROR_TOO_LARGE,
} PfDocumentError;

#define PF_TYPE_DOCUMENT (pf_document_get_type ())

G_DECLARE_FINAL_TYPE (PfDocument, pf_document, PF, DOCUMENT, GObject)

GQuark      pf_document_error_quark     (void);

PfDocument *pf_document_new             (void);
PfDocument *pf_document_new_from_bytes  (GBytes               *bytes,
                                         GError              **error);
void        pf_document_load_async      (GFile                *file,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
PfDocument *pf_document_load_finish     (GAsyncResult         *result,
                                         GError              **error);

GFile      *pf_document_get_file        (PfDocument           *self);
void        pf_document_set_file        (PfDocument           *self,
                                         GFile                *file);
const char *pf_document_get_title       (PfDocument           *self);
char       *pf_document_dup_display_name (PfDocument          *self);
gboolean    pf_document_get_read_only   (PfDocument           *self);
gint64      pf_document_get_format_version (PfDocument        *self);

G_END_DECLS
