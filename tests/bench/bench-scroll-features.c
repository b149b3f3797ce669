/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Scrolling benchmark of the Features page: a project with 5,000 features
 * made through the PfDocument API, shown in a 1280×800 window, scrolled
 * from top to bottom one page per frame. Prints
 *
 *   build   making the project through the API (not the page's cost);
 *   attach  pf_window_set_document(): every page takes the project, the
 *           Features page makes an item per record;
 *   load    from showing the Features page to the end of its first painted
 *           frame;
 *   frames  per scrolled frame, the time from the frame clock's update
 *           (where the page is moved by one page) to the end of its paint:
 *           count, median, 95th percentile and maximum in ms; and the
 *           interval between frames.
 *
 * PF_BENCH_STEP=0.1 scrolls a tenth of a page per frame instead, to tell
 * the cost of painting from that of binding new rows.
 *
 * Needs a display: run it with
 *   cd build && xvfb-run -a meson test --benchmark scroll-features -v
 * Fails when the median frame exceeds PF_BENCH_FRAME_BUDGET_MS (default
 * 16.7, a frame at 60 Hz) or a page takes more than 2 s to load.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "pf-application.h"
#include "pf-register-page.h"
#include "pf-window.h"

#define N_FEATURES 5000
#define MAX_FRAMES 5000

typedef struct
{
  GtkAdjustment *adjustment;
  GArray        *frame_ms;
  GArray        *interval_ms;
  gint64         frame_start;
  gint64         last_paint;
  gint64         shown_at;
  double         load_ms;
  double         step;     /* pages per frame */
  gboolean       pending;
  gboolean       loaded;
  gboolean       done;
} Bench;

static const char * const known_at[] = { "before", "at", "after", "unknown" };
static const char * const verdicts[] = { "pending", "keep", "drop", "transform" };

static void
set_string (PfDocument *document,
            const char *object,
            const char *field,
            const char *value)
{
  g_autoptr(GError) error = NULL;

  if (!pf_document_set_string (document, object, field, value, &error))
    g_error ("%s.%s: %s", object, field, error->message);
}

static PfDocument *
build_project (void)
{
  PfDocument *document = pf_document_new ();

  pf_document_make_new_project (document);
  pf_document_set_actor (document, "Benchmark");
  for (guint i = 0; i < N_FEATURES; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *id = pf_document_add_record (document, "features", &error);
      g_autofree char *object = NULL;
      g_autofree char *name = NULL;
      g_autofree char *description = NULL;

      if (id == NULL)
        g_error ("%s", error->message);
      object = g_strconcat ("features/", id, NULL);
      name = g_strdup_printf ("feature_%04u", i);
      description = g_strdup_printf ("Measured value number %u of the customer's account", i);
      set_string (document, object, "name", name);
      set_string (document, object, "description", description);
      set_string (document, object, "source", i % 3 ? "CRM customers" : "Web shop orders");
      set_string (document, object, "known-at", known_at[i % G_N_ELEMENTS (known_at)]);
      set_string (document, object, "verdict", verdicts[i % G_N_ELEMENTS (verdicts)]);
    }

  return document;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *values,
            double  p)
{
  guint index;

  if (values->len == 0)
    return 0;
  index = (guint)(p * (values->len - 1) + 0.5);
  return g_array_index (values, double, MIN (index, values->len - 1));
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  Bench *bench = user_data;
  double value = gtk_adjustment_get_value (bench->adjustment);
  double page = gtk_adjustment_get_page_size (bench->adjustment);
  double bottom = gtk_adjustment_get_upper (bench->adjustment) - page;

  if (!bench->loaded)
    return G_SOURCE_CONTINUE;

  if (value >= bottom - 0.5 || bench->frame_ms->len >= MAX_FRAMES)
    {
      bench->done = TRUE;
      return G_SOURCE_REMOVE;
    }

  bench->frame_start = g_get_monotonic_time ();
  bench->pending = TRUE;
  gtk_adjustment_set_value (bench->adjustment, MIN (value + page * bench->step, bottom));
  return G_SOURCE_CONTINUE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *bench)
{
  gint64 now = g_get_monotonic_time ();

  if (!bench->loaded)
    {
      if (bench->shown_at != 0)
        {
          bench->load_ms = (now - bench->shown_at) / 1000.0;
          bench->loaded = TRUE;
          bench->last_paint = now;
        }
      return;
    }

  if (!bench->pending)
    return;

  g_array_append_val (bench->frame_ms, ((double) { (now - bench->frame_start) / 1000.0 }));
  g_array_append_val (bench->interval_ms, ((double) { (now - bench->last_paint) / 1000.0 }));
  bench->last_paint = now;
  bench->pending = FALSE;
}

static void
iterate_until (gboolean *flag)
{
  gint64 deadline = g_get_monotonic_time () + 300 * G_USEC_PER_SEC;

  while (!*flag)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out");
      g_main_context_iteration (NULL, TRUE);
    }
}

/* The page of @id in the window's page stack. */
static GtkWidget *
find_page (GtkWidget  *root,
           const char *id)
{
  g_autoptr(GPtrArray) queue = g_ptr_array_new ();

  g_ptr_array_add (queue, root);
  for (guint i = 0; i < queue->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (queue, i);
      GtkWidget *page;

      if (GTK_IS_STACK (widget) && (page = gtk_stack_get_child_by_name (GTK_STACK (widget), id)))
        return page;
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (queue, child);
    }

  return NULL;
}

static gboolean
is_drawn (GtkWidget *widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("preflight-bench-XXXXXX", NULL);
  g_autoptr(PfApplication) app = NULL;
  g_autoptr(PfDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  const char *budget_env = g_getenv ("PF_BENCH_FRAME_BUDGET_MS");
  double budget = budget_env ? g_ascii_strtod (budget_env, NULL) : 16.7;
  Bench bench = { 0 };
  PfWindow *window;
  GtkWidget *page;
  GdkFrameClock *clock;
  gint64 start;
  double build_ms, attach_ms, median;
  gboolean drawn = FALSE;

  /* Nothing of the user's: no recent files, no settings. */
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  g_setenv ("XDG_CACHE_HOME", home, TRUE);

  gtk_init ();
  adw_init ();
  app = pf_application_new (G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);

  start = g_get_monotonic_time ();
  document = build_project ();
  build_ms = (g_get_monotonic_time () - start) / 1000.0;

  window = pf_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  start = g_get_monotonic_time ();
  pf_window_set_document (window, document);
  attach_ms = (g_get_monotonic_time () - start) / 1000.0;
  gtk_window_present (GTK_WINDOW (window));
  while (!drawn)
    {
      g_main_context_iteration (NULL, TRUE);
      drawn = is_drawn (GTK_WIDGET (window));
    }

  page = find_page (GTK_WIDGET (window), "features");
  g_assert (PF_IS_REGISTER_PAGE (page));

  bench.step = g_getenv ("PF_BENCH_STEP") ? g_ascii_strtod (g_getenv ("PF_BENCH_STEP"), NULL) : 1.0;
  bench.frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
  bench.interval_ms = g_array_new (FALSE, FALSE, sizeof (double));
  bench.adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (pf_register_page_get_column_view (PF_REGISTER_PAGE (page))));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &bench);

  bench.shown_at = g_get_monotonic_time ();
  pf_window_show_page (window, "features");
  gtk_widget_add_tick_callback (GTK_WIDGET (pf_register_page_get_column_view (PF_REGISTER_PAGE (page))),
                                tick_cb, &bench, NULL);
  iterate_until (&bench.done);

  g_array_sort (bench.frame_ms, compare_doubles);
  g_array_sort (bench.interval_ms, compare_doubles);
  median = percentile (bench.frame_ms, 0.5);

  printf ("features:       %u (rows in the page's model: %u)\n", N_FEATURES,
          g_list_model_get_n_items (pf_register_page_get_model (PF_REGISTER_PAGE (page))));
  printf ("build project:  %.1f ms (through the PfDocument API; not the page's cost)\n", build_ms);
  printf ("attach project: %.1f ms (pf_window_set_document, all pages)\n", attach_ms);
  printf ("load page:      %.1f ms (show the Features page to its first painted frame)\n", bench.load_ms);
  printf ("scroll:         %u frames, %.2g page each, to %.0f px\n", bench.frame_ms->len, bench.step,
          gtk_adjustment_get_value (bench.adjustment));
  printf ("time per frame: median %.2f ms, p95 %.2f ms, max %.2f ms (update to end of paint)\n",
          median, percentile (bench.frame_ms, 0.95), percentile (bench.frame_ms, 1.0));
  printf ("frame interval: median %.2f ms, p95 %.2f ms, max %.2f ms\n",
          percentile (bench.interval_ms, 0.5), percentile (bench.interval_ms, 0.95),
          percentile (bench.interval_ms, 1.0));

  gtk_window_destroy (GTK_WINDOW (window));
  g_array_unref (bench.frame_ms);
  g_array_unref (bench.interval_ms);
  g_rmdir (home);

  if (median > budget)
    {
      printf ("FAIL: the median frame takes %.2f ms, more than %.1f ms\n", median, budget);
      return 1;
    }
  if (bench.load_ms > 2000)
    {
      printf ("FAIL: the page takes %.0f ms to load\n", bench.load_ms);
      return 1;
    }

  return 0;
}
