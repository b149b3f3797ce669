/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ui-test-project.h"
#include "ui-test-util.h"

PfWindow *
ui_test_active_window (PfApplication *app)
{
  return PF_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
}

/* A condition for ui_test_wait_until(): @window shows a project. */
gboolean
ui_test_has_document (gpointer window)
{
  return pf_window_get_document (window) != NULL;
}

/* A new, empty project in its own window, drawn. */
PfWindow *
ui_test_new_project_window (PfApplication *app)
{
  PfWindow *window;

  g_action_group_activate_action (G_ACTION_GROUP (app), "new", NULL);
  window = ui_test_active_window (app);
  ui_test_wait_until (ui_test_has_document, window);
  ui_test_wait_until (ui_test_is_drawn, window);

  return window;
}

/* A window at 1280×800 on a new project whose changes are recorded
 * under @actor, shown and drawn. */
PfWindow *
ui_test_new_window_as (PfApplication *app,
                       const char    *actor)
{
  g_autoptr(PfDocument) document = pf_document_new ();
  PfWindow *window = pf_window_new (app);

  pf_document_make_new_project (document);
  pf_document_set_actor (document, actor);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  pf_window_set_document (window, document);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_wait_until (ui_test_is_drawn, window);

  return window;
}

/* Destroys @window without asking about unsaved changes, and waits until
 * it is finalized, failing the test if something leaked a reference. */
void
ui_test_destroy_window (PfWindow *window)
{
  gpointer pointer = window;

  if (pf_window_get_document (window) != NULL)
    pf_document_set_modified (pf_window_get_document (window), FALSE);
  g_object_add_weak_pointer (G_OBJECT (window), &pointer);
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_wait_until (ui_test_is_null, &pointer);
}
