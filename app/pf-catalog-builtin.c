/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pf-catalog-builtin.h"

/**
 * pf_catalog_load_builtin:
 *
 * The built-in catalog, data/catalog/crisp-dm.catalog, from the GResource
 * compiled into the executable, translated. Shared by the application and
 * the command line.
 *
 * Returns: (transfer full): the catalog
 */
PfCatalog *
pf_catalog_load_builtin (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  PfCatalog *catalog = NULL;

  /* Built in and tested: failing here is a broken build. */
  bytes = g_resources_lookup_data (RESOURCE_BASE "/catalog/crisp-dm.catalog", 0, &error);
  if (bytes == NULL || !(catalog = pf_catalog_new_from_bytes (bytes, TRUE, &error)))
    g_error ("The built-in catalog cannot be read: %s", error->message);

  return catalog;
}
