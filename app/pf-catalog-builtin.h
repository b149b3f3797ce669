/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pf-catalog.h"

G_BEGIN_DECLS

PfCatalog *pf_catalog_load_builtin (void);

G_END_DECLS
