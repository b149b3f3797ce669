/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>
#include <gio/gio.h>

#include "pf-audit.h"

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
  PF_DOCUMENT_ERROR_READ_ONLY,   /* written by a newer version: not changed by this one */
  PF_DOCUMENT_ERROR_NOT_FOUND,   /* no such record, register or sign-off */
  PF_DOCUMENT_ERROR_REFUSED,     /* the change is not allowed, e.g. "not applicable" without a reason */
} PfDocumentError;

typedef enum
{
  PF_SIGN_OFF_CURRENT,
  PF_SIGN_OFF_STALE,      /* the content changed after signing */
  PF_SIGN_OFF_WITHDRAWN,
} PfSignOffState;

#define PF_TYPE_DOCUMENT (pf_document_get_type ())

G_DECLARE_FINAL_TYPE (PfDocument, pf_document, PF, DOCUMENT, GObject)

GQuark          pf_document_error_quark          (void);

PfDocument     *pf_document_new                  (void);
PfDocument     *pf_document_new_from_bytes       (GBytes               *bytes,
                                                  GError              **error);
PfDocument     *pf_document_new_from_node        (JsonNode             *root,
                                                  GError              **error);
void            pf_document_load_async           (GFile                *file,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
PfDocument     *pf_document_load_finish          (GAsyncResult         *result,
                                                  GError              **error);
GBytes         *pf_document_serialize            (PfDocument           *self);
void            pf_document_save_async           (PfDocument           *self,
                                                  GFile                *file,
                                                  gboolean              overwrite_changes,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean        pf_document_save_finish          (PfDocument           *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

GFile          *pf_document_get_file             (PfDocument           *self);
void            pf_document_set_file             (PfDocument           *self,
                                                  GFile                *file);
const char     *pf_document_get_etag             (PfDocument           *self);
void            pf_document_set_etag             (PfDocument           *self,
                                                  const char           *etag);
void            pf_document_make_new_project     (PfDocument           *self);
void            pf_document_set_catalog          (PfDocument           *self,
                                                  const char           *catalog_id,
                                                  guint                 catalog_version);
const char     *pf_document_get_id               (PfDocument           *self);
const char     *pf_document_get_title            (PfDocument           *self);
char           *pf_document_dup_display_name     (PfDocument           *self);
gboolean        pf_document_get_read_only        (PfDocument           *self);
gint64          pf_document_get_format_version   (PfDocument           *self);
gboolean        pf_document_get_modified         (PfDocument           *self);
void            pf_document_set_modified         (PfDocument           *self,
                                                  gboolean              modified);
const char     *pf_document_get_actor            (PfDocument           *self);
void            pf_document_set_actor            (PfDocument           *self,
                                                  const char           *actor);
JsonObject     *pf_document_get_root             (PfDocument           *self);

/* Every change goes through these: each is checked against the schema,
 * recorded in the audit trail, announced with ::changed and undoable. */
JsonNode       *pf_document_get_value            (PfDocument           *self,
                                                  const char           *object,
                                                  const char           *field);
const char     *pf_document_get_string           (PfDocument           *self,
                                                  const char           *object,
                                                  const char           *field);
gboolean        pf_document_set_value            (PfDocument           *self,
                                                  const char           *object,
                                                  const char           *field,
                                                  JsonNode             *value,
                                                  GError              **error);
gboolean        pf_document_set_string           (PfDocument           *self,
                                                  const char           *object,
                                                  const char           *field,
                                                  const char           *value,
                                                  GError              **error);
gboolean        pf_document_set_answer           (PfDocument           *self,
                                                  const char           *question,
                                                  JsonNode             *value,
                                                  GError              **error);
gboolean        pf_document_set_not_applicable   (PfDocument           *self,
                                                  const char           *question,
                                                  const char           *justification,
                                                  GError              **error);
JsonArray      *pf_document_get_records          (PfDocument           *self,
                                                  const char           *register_id);
JsonObject     *pf_document_get_record           (PfDocument           *self,
                                                  const char           *register_id,
                                                  const char           *record_id);
JsonObject     *pf_document_get_latest_record    (PfDocument           *self,
                                                  const char           *register_id,
                                                  const char           *time_field);
char           *pf_document_add_record           (PfDocument           *self,
                                                  const char           *register_id,
                                                  GError              **error);
gboolean        pf_document_add_record_with_id   (PfDocument           *self,
                                                  const char           *register_id,
                                                  const char           *record_id,
                                                  GError              **error);
gboolean        pf_document_remove_record        (PfDocument           *self,
                                                  const char           *register_id,
                                                  const char           *record_id,
                                                  GError              **error);
const char     *pf_document_get_business_question (PfDocument          *self);
JsonArray      *pf_document_get_business_question_history (PfDocument  *self);
const char     *pf_document_get_success_criterion (PfDocument          *self);
gboolean        pf_document_change_business_question (PfDocument       *self,
                                                  const char           *question,
                                                  const char           *success_criterion,
                                                  const char           *reason,
                                                  GError              **error);
void            pf_document_begin_group          (PfDocument           *self);
void            pf_document_end_group            (PfDocument           *self);
gboolean        pf_document_can_undo             (PfDocument           *self);
gboolean        pf_document_can_redo             (PfDocument           *self);
gboolean        pf_document_undo                 (PfDocument           *self);
gboolean        pf_document_redo                 (PfDocument           *self);
GPtrArray      *pf_document_dup_undo_changes     (PfDocument           *self,
                                                  gboolean              redo);

/* Sign-off records are never removed: a withdrawal is a record of its own. */
char           *pf_document_sign_off             (PfDocument           *self,
                                                  const char           *scope,
                                                  const char           *name,
                                                  const char           *role,
                                                  const char           *meaning,
                                                  const char           *conditions,
                                                  GError              **error);
char           *pf_document_withdraw_sign_off    (PfDocument           *self,
                                                  const char           *sign_off_id,
                                                  const char           *name,
                                                  const char           *role,
                                                  const char           *comment,
                                                  GError              **error);
JsonArray      *pf_document_get_sign_offs        (PfDocument           *self);
PfSignOffState  pf_document_get_sign_off_state   (PfDocument           *self,
                                                  const char           *sign_off_id,
                                                  GPtrArray           **changes);

JsonArray      *pf_document_get_audit            (PfDocument           *self);
guint           pf_document_get_audit_length     (PfDocument           *self);
gboolean        pf_document_get_audit_read       (PfDocument           *self);
char           *pf_document_dup_content_sha256   (PfDocument           *self,
                                                  const char           *scope);
guint           pf_document_get_audit_broken_at  (PfDocument           *self,
                                                  const char          **problem);
const char     *pf_document_get_audit_head       (PfDocument           *self);
void            pf_document_verify_audit         (PfDocument           *self,
                                                  PfAuditStatus        *status);
void            pf_document_verify_audit_async   (PfDocument           *self,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean        pf_document_verify_audit_finish  (PfDocument           *self,
                                                  GAsyncResult         *result,
                                                  PfAuditStatus        *status,
                                                  GError              **error);
gboolean        pf_document_get_audit_verified   (PfDocument           *self);
void            pf_document_record_event         (PfDocument           *self,
                                                  const char           *action,
                                                  const char           *object,
                                                  const char           *detail);

G_END_DECLS
