/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Benchmark of the Sign-offs page in a large project: 5,000 features, a
 * sign-off of the whole project, then one edit per feature, so that the
 * sign-off is stale with 5,000 changes. Measures, each repeated
 * (PF_BENCH_REPEAT, default 7) and reported as median and min:
 *
 *   row, all changes   the work a row did before: the sign-off's state with
 *                      its changes, every change described;
 *   row, capped        the work a row does now when its scope changed: the
 *                      state with its changes, the first five described;
 *   refresh, computed  the page shown with the project: every row built,
 *                      the stale one computed (what an edit in its scope
 *                      costs once the edits pause);
 *   refresh, kept      the page built again with nothing changed in the
 *                      scopes (another filter): no row computed;
 *   edit, hidden       one edit of a feature while another page is shown,
 *                      including the page's ::changed handler.
 *
 * Needs a display (xvfb-run) and the compiled settings schema; fails only
 * when the page misbehaves (a hidden page that refreshes, a stale sign-off
 * shown as current), not on time.
 */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "pf-document.h"
#include "pf-scope-describe.h"
#include "pf-sign-offs-page.h"

#define N_FEATURES 5000

#define CHECK_OK(call, error) \
  G_STMT_START { \
    if (!(call)) \
      g_error ("%s: %s", #call, (error) ? (error)->message : "failed"); \
  } G_STMT_END

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static void
report (const char *what,
        GArray     *samples)
{
  guint n = samples->len;
  double median;

  g_array_sort (samples, compare_doubles);
  median = n % 2 ? g_array_index (samples, double, n / 2)
                 : (g_array_index (samples, double, n / 2 - 1) + g_array_index (samples, double, n / 2)) / 2;
  printf ("%-20s median %9.2f ms   min %9.2f ms\n", what, median, g_array_index (samples, double, 0));
  g_array_set_size (samples, 0);
}

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static PfDocument *
make_project (char **sign_off_id)
{
  static const char * const verdicts[] = { "keep", "drop", "transform" };
  PfDocument *document = pf_document_new ();
  g_autoptr(GPtrArray) features = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  char *id;

  pf_document_set_actor (document, "Benchmark");
  CHECK_OK (pf_document_set_string (document, "metadata", "title", "Large benchmark project", &error), error);
  for (guint i = 0; i < N_FEATURES; i++)
    {
      g_autofree char *object = NULL;
      g_autofree char *name = NULL;

      CHECK_OK ((id = pf_document_add_record (document, "features", &error)), error);
      object = g_strconcat ("features/", id, NULL);
      name = g_strdup_printf ("customer_%u_count_90d", i);
      CHECK_OK (pf_document_set_string (document, object, "name", name, &error), error);
      g_ptr_array_add (features, id);
    }

  CHECK_OK ((*sign_off_id = pf_document_sign_off (document, "project", "Grace Hopper", "Sponsor",
                                                  "approved", NULL, &error)), error);

  /* One edit per feature after signing. */
  for (guint i = 0; i < features->len; i++)
    {
      g_autofree char *object = g_strconcat ("features/", (char *)g_ptr_array_index (features, i), NULL);

      CHECK_OK (pf_document_set_string (document, object, "verdict", verdicts[i % 3], &error), error);
    }

  return document;
}

static const char *
stale_state_of (GtkWidget  *root,
                const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      const char *found;

      if (g_strcmp0 (gtk_widget_get_name (child), "state") == 0 && GTK_IS_LABEL (child) &&
          gtk_widget_get_ancestor (child, ADW_TYPE_ACTION_ROW) != NULL &&
          g_strcmp0 (gtk_widget_get_name (gtk_widget_get_ancestor (child, ADW_TYPE_ACTION_ROW)), name) == 0)
        return gtk_label_get_text (GTK_LABEL (child));
      if ((found = stale_state_of (child, name)) != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

int
main (int   argc,
      char *argv[])
{
  const char *repeat_env = g_getenv ("PF_BENCH_REPEAT");
  guint repeat = repeat_env ? (guint)atoi (repeat_env) : 7;
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autoptr(PfCatalog) catalog = NULL;
  g_autoptr(PfDocument) document = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *sign_off_id = NULL;
  GtkWidget *window;
  GtkWidget *stack;
  GtkWidget *page;
  GtkWidget *filter;
  double start;

  setlocale (LC_ALL, "");
  gtk_init ();
  adw_init ();

  if (argc != 2)
    {
      fprintf (stderr, "Usage: %s CATALOG\n", argv[0]);
      return 2;
    }
  {
    g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[1]);

    CHECK_OK ((catalog = pf_catalog_new_from_file (file, &error)), error);
  }
  settings = g_settings_new (APP_ID);

  start = now_ms ();
  document = make_project (&sign_off_id);
  printf ("%u features, a stale project sign-off, %u audit entries (made in %.0f ms)\n",
          N_FEATURES, pf_document_get_audit_length (document), now_ms () - start);

  /* The work of one row, before and after. */
  for (guint i = 0; i < repeat; i++)
    {
      g_autoptr(GPtrArray) changes = NULL;
      g_autoptr(GString) text = g_string_new (NULL);

      start = now_ms ();
      if (pf_document_get_sign_off_state (document, sign_off_id, &changes) != PF_SIGN_OFF_STALE)
        g_error ("The sign-off is not stale");
      for (guint j = 0; j < changes->len; j++)
        {
          g_autofree char *change = pf_scope_describe_change (g_ptr_array_index (changes, j), catalog, document);

          g_string_append_printf (text, "\n• %s", change);
        }
      g_array_append_val (samples, (double){ now_ms () - start });
    }
  report ("row, all changes", samples);

  for (guint i = 0; i < repeat; i++)
    {
      g_autoptr(GPtrArray) changes = NULL;
      g_autofree char *text = NULL;

      start = now_ms ();
      pf_document_get_sign_off_state (document, sign_off_id, &changes);
      text = pf_scope_describe_changes (changes, 5, catalog, document);
      g_array_append_val (samples, (double){ now_ms () - start });
    }
  report ("row, capped", samples);

  /* The page in a window, next to another page as in Preflight. */
  window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  stack = gtk_stack_new ();
  page = pf_sign_offs_page_new (catalog, settings);
  gtk_stack_add_named (GTK_STACK (stack), gtk_label_new ("Another page"), "other");
  gtk_stack_add_named (GTK_STACK (stack), page, "sign-offs");
  adw_window_set_content (ADW_WINDOW (window), stack);
  gtk_window_present (GTK_WINDOW (window));
  spin ();

  for (guint i = 0; i < repeat; i++)
    {
      /* Shown with the project: built and computed before the first frame. */
      gtk_stack_set_visible_child_name (GTK_STACK (stack), "other");
      pf_sign_offs_page_set_document (PF_SIGN_OFFS_PAGE (page), NULL);
      pf_sign_offs_page_set_document (PF_SIGN_OFFS_PAGE (page), document);
      spin ();
      start = now_ms ();
      gtk_stack_set_visible_child_name (GTK_STACK (stack), "sign-offs");
      spin ();
      g_array_append_val (samples, (double){ now_ms () - start });
      if (g_strcmp0 (stale_state_of (page, sign_off_id), "Stale") != 0)
        g_error ("The sign-off is not shown stale");
    }
  report ("refresh, computed", samples);

  filter = find_named (page, "filter");
  for (guint i = 0; i < repeat; i++)
    {
      start = now_ms ();
      gtk_drop_down_set_selected (GTK_DROP_DOWN (filter), i % 2 ? 0 : 10);
      spin ();
      g_array_append_val (samples, (double){ now_ms () - start });
    }
  gtk_drop_down_set_selected (GTK_DROP_DOWN (filter), 0);
  report ("refresh, kept", samples);

  gtk_stack_set_visible_child_name (GTK_STACK (stack), "other");
  spin ();
  for (guint i = 0; i < repeat; i++)
    {
      g_autofree char *name = g_strdup_printf ("renamed_%u", i);

      start = now_ms ();
      CHECK_OK (pf_document_set_string (document, "features/feature-1", "name", name, &error), error);
      spin ();
      g_array_append_val (samples, (double){ now_ms () - start });
    }
  report ("edit, hidden", samples);

  gtk_window_destroy (GTK_WINDOW (window));

  return 0;
}
