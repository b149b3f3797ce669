/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "pf-application.h"
#include "pf-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PfApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Preflight"));

  /* Subcommands run without a display and never reach GTK. */
  if (argc > 1 && pf_cli_is_command (argv[1]))
    return pf_cli_run (argc, argv);

  /* Without a display only the options and the commands work: say so,
   * rather than let GTK fail to open one. */
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL &&
      (argc == 1 || argv[1][0] != '-'))
    {
      g_printerr (_("preflight: there is no display to show the application on.\n"
                    "Without one, these work: “preflight check FILE”, “preflight verify FILE”, “preflight --help”, “preflight --version”.\n"));
      return 2;
    }

  app = pf_application_new (G_APPLICATION_DEFAULT_FLAGS);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
