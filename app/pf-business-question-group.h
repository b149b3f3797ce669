/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pf-document.h"

G_BEGIN_DECLS

#define PF_TYPE_BUSINESS_QUESTION_GROUP (pf_business_question_group_get_type ())

G_DECLARE_FINAL_TYPE (PfBusinessQuestionGroup, pf_business_question_group, PF, BUSINESS_QUESTION_GROUP, AdwPreferencesGroup)

GtkWidget *pf_business_question_group_new          (void);
gboolean   pf_business_question_group_focus        (PfBusinessQuestionGroup *self);
void       pf_business_question_group_set_document (PfBusinessQuestionGroup *self,
                                                    PfDocument              *document);

G_END_DECLS
