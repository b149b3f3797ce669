/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit codes of the subcommands, documented in the README. */
#define PF_CLI_EXIT_OK      0
#define PF_CLI_EXIT_FAILED  1
#define PF_CLI_EXIT_ERROR   2

gboolean    pf_cli_is_command        (const char *arg);
int         pf_cli_run               (int         argc,
                                      char      **argv);
const char *pf_cli_get_commands_help (void);

G_END_DECLS
