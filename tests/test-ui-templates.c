/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pf-audit-chain-group.h"
#include "pf-audit-page.h"
#include "pf-catalog.h"
#include "pf-find-bar.h"
#include "pf-overview-page.h"
#include "pf-phase-page.h"
#include "pf-preferences-window.h"
#include "pf-test-score-page.h"
#include "pf-welcome-page.h"
#include "pf-window.h"
#include "test-util.h"
#include "ui-test-project.h"
#include "ui-test-util.h"

/* Every class with a template is built once here, so that a typo in a .ui
 * file fails a test rather than a user's start-up, and each is destroyed
 * again without leaking itself. */

static void
test_window (void)
{
  GtkWidget *window = g_object_new (PF_TYPE_WINDOW, NULL);

  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
test_welcome_page (void)
{
  GtkWidget *page = g_object_ref_sink (pf_welcome_page_new ());

  g_assert_finalize_object (page);
}

static void
test_preferences_window (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *window = GTK_WIDGET (pf_preferences_window_new (settings));

  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
test_help_overlay (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE "/gtk/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (overlay));
}

static void
test_overview_page (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_BASE "/catalog/crisp-dm.catalog", 0, NULL);
  g_autoptr(PfCatalog) catalog = pf_catalog_new_from_bytes (bytes, TRUE, NULL);
  GtkWidget *page = g_object_ref_sink (pf_overview_page_new (catalog));
  g_autoptr(PfDocument) document = pf_document_new ();

  pf_overview_page_set_document (PF_OVERVIEW_PAGE (page), document);
  g_assert_finalize_object (page);
}

/* Every phase of the built-in catalog makes a page. */
static void
test_phase_pages (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_BASE "/catalog/crisp-dm.catalog", 0, NULL);
  g_autoptr(PfCatalog) catalog = pf_catalog_new_from_bytes (bytes, TRUE, NULL);
  g_autoptr(PfDocument) document = pf_document_new ();

  g_assert_nonnull (catalog);
  for (guint phase = 0; phase < PF_N_PHASES; phase++)
    {
      GtkWidget *page = g_object_ref_sink (pf_phase_page_new (catalog, phase));

      pf_phase_page_set_document (PF_PHASE_PAGE (page), document);
      g_assert_finalize_object (page);
    }
}

static void
test_test_score_page (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_BASE "/catalog/crisp-dm.catalog", 0, NULL);
  g_autoptr(PfCatalog) catalog = pf_catalog_new_from_bytes (bytes, TRUE, NULL);
  g_autoptr(PfDocument) document = pf_document_new ();
  GtkWidget *page = g_object_ref_sink (pf_test_score_page_new (catalog));

  pf_test_score_page_set_document (PF_TEST_SCORE_PAGE (page), document);
  g_assert_finalize_object (page);
}

/* The page scores out of what the catalog has: here one test a section. */
static void
test_test_score_page_small_catalog (void)
{
  static const char text[] =
    "<catalog id=\"org.example.small\" version=\"1\"><title>Small</title>"
    "<phase id=\"business-understanding\"><step id=\"a\"><title>A</title></step><gate/></phase>"
    "<phase id=\"data-understanding\"><step id=\"b\"><title>B</title></step><gate/></phase>"
    "<phase id=\"data-preparation\"><step id=\"c\"><title>C</title></step><gate/></phase>"
    "<phase id=\"modeling\"><step id=\"d\"><title>D</title></step><gate/></phase>"
    "<phase id=\"evaluation\"><step id=\"e\"><title>E</title></step><gate/></phase>"
    "<phase id=\"deployment\"><step id=\"f\"><title>F</title></step><gate/></phase>"
    TEST_ML_TEST_SCORE "</catalog>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(PfCatalog) catalog = pf_catalog_new_from_bytes (bytes, FALSE, &error);
  g_autoptr(PfDocument) document = pf_document_new ();
  GtkWidget *page;

  g_assert_no_error (error);
  page = g_object_ref_sink (pf_test_score_page_new (catalog));
  pf_document_make_new_project (document);
  pf_test_score_page_set_document (PF_TEST_SCORE_PAGE (page), document);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ui_test_find_widget (page, "maximum_label"))), ==, "of 1");

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (ui_test_find_named (page, "data-1:automated")), TRUE);
  g_assert_cmpstr (pf_document_get_string (document, "ml-test-score/data-1", "level"), ==, "automated");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ui_test_find_widget (page, "score_label"))), ==, "0");
  g_assert_finalize_object (page);
}

static void
test_audit_pages (void)
{
  g_autoptr(PfDocument) document = pf_document_new ();
  GtkWidget *page = g_object_ref_sink (pf_audit_page_new ());
  GtkWidget *group = g_object_ref_sink (pf_audit_chain_group_new ());

  pf_audit_page_set_document (PF_AUDIT_PAGE (page), document);
  pf_audit_chain_group_set_document (PF_AUDIT_CHAIN_GROUP (group), document);
  /* Disposed twice (run, then on the last unref): the second time the
   * template's widgets are gone and must not be touched. */
  g_object_run_dispose (G_OBJECT (page));
  g_assert_finalize_object (page);
  g_assert_finalize_object (group);
}

static void
test_find_bar (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_BASE "/catalog/crisp-dm.catalog", 0, NULL);
  g_autoptr(PfCatalog) catalog = pf_catalog_new_from_bytes (bytes, TRUE, NULL);
  g_autoptr(PfDocument) document = pf_document_new ();
  GtkWidget *bar = g_object_ref_sink (g_object_new (PF_TYPE_FIND_BAR, NULL));

  pf_find_bar_set_project (PF_FIND_BAR (bar), catalog, document);
  g_assert_false (pf_find_bar_is_open (PF_FIND_BAR (bar)));
  g_assert_finalize_object (bar);
}

/* The built-in catalog is in the application's resources and reads. */
static void
test_builtin_catalog (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_BASE "/catalog/crisp-dm.catalog", 0, &error);
  g_autoptr(PfCatalog) catalog = NULL;

  g_assert_no_error (error);
  catalog = pf_catalog_new_from_bytes (bytes, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pf_catalog_get_n_questions (catalog), >, 100);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/templates/window", test_window);
  g_test_add_func ("/ui/templates/welcome-page", test_welcome_page);
  g_test_add_func ("/ui/templates/preferences-window", test_preferences_window);
  g_test_add_func ("/ui/templates/help-overlay", test_help_overlay);
  g_test_add_func ("/ui/templates/builtin-catalog", test_builtin_catalog);
  g_test_add_func ("/ui/templates/overview-page", test_overview_page);
  g_test_add_func ("/ui/templates/phase-pages", test_phase_pages);
  g_test_add_func ("/ui/templates/test-score-page", test_test_score_page);
  g_test_add_func ("/ui/templates/test-score-page-small-catalog", test_test_score_page_small_catalog);
  g_test_add_func ("/ui/templates/audit-pages", test_audit_pages);
  g_test_add_func ("/ui/templates/find-bar", test_find_bar);

  return g_test_run ();
}
