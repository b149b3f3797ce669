/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The baseline of the start-up benchmark (startup.sh): an empty
 * AdwApplicationWindow with an AdwHeaderBar, started the way Preflight is
 * started (app/main.c, app/pf-application.c) so that the ratio of the two
 * measures only what Preflight itself adds:
 *
 *   - the same locale and gettext set-up in main();
 *   - an AdwApplication with the same flags: Preflight's main() passes
 *     G_APPLICATION_DEFAULT_FLAGS (a unique application, which registers on
 *     the session bus) and pf_application_new() adds HANDLES_OPEN. With
 *     DBUS_SESSION_BUS_ADDRESS=disabled: both fail to reach the bus in
 *     g_application_register() and carry on as non-unique applications;
 *   - a window of Preflight's default size (the window-width and
 *     window-height defaults in its GSettings schema: 1100×760);
 *   - the same exit: with PREFLIGHT_QUIT_AFTER_FIRST_FRAME set, quit from
 *     the frame clock's after-paint once the first frame is painted
 *     (maybe_quit_after_first_frame in app/pf-application.c).
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#define EMPTY_APP_ID "io.github.preflight.EmptyWindow"
#define EMPTY_RESOURCE_BASE "/io/github/preflight/EmptyWindow"
#define DEFAULT_WIDTH 1100
#define DEFAULT_HEIGHT 760

static void
quit_after_first_frame_cb (GdkFrameClock *frame_clock,
                           GApplication  *app)
{
  g_signal_handlers_disconnect_by_func (frame_clock, quit_after_first_frame_cb, app);
  g_application_quit (app);
}

static void
maybe_quit_after_first_frame (GApplication *app,
                              GtkWindow    *window)
{
  GdkFrameClock *frame_clock;

  if (g_getenv ("PREFLIGHT_QUIT_AFTER_FIRST_FRAME") == NULL)
    return;

  if ((frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (window))))
    g_signal_connect (frame_clock, "after-paint", G_CALLBACK (quit_after_first_frame_cb), app);
}

static void
activate_cb (GApplication *app,
             gpointer      user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

      gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
      window = GTK_WINDOW (adw_application_window_new (GTK_APPLICATION (app)));
      gtk_window_set_title (window, "Empty Window");
      gtk_window_set_default_size (window, DEFAULT_WIDTH, DEFAULT_HEIGHT);
      adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
    }

  gtk_window_present (window);
  maybe_quit_after_first_frame (app, window);
}

static void
open_cb (GApplication  *app,
         GFile        **files,
         int            n_files,
         const char    *hint,
         gpointer       user_data)
{
  activate_cb (app, user_data);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name ("Empty Window");

  app = g_object_new (ADW_TYPE_APPLICATION,
                      "application-id", EMPTY_APP_ID,
                      "flags", G_APPLICATION_DEFAULT_FLAGS | G_APPLICATION_HANDLES_OPEN,
                      "resource-base-path", EMPTY_RESOURCE_BASE,
                      NULL);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  g_signal_connect (app, "open", G_CALLBACK (open_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
