/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pf-catalog.h"
#include "pf-test-score.h"

/* The ML Test Score as Breck et al. define it: half a point per manual
 * test, one per automated test, sections summed, the weakest one decides. */

static void
test_section_free (PfTestSection *section)
{
  g_free (section->id);
  g_ptr_array_unref (section->tests);
  g_free (section);
}

static void
test_item_free (PfTestItem *item)
{
  g_free (item->id);
  g_free (item);
}

/* Four sections of seven tests, like the catalog: "s0-0" … "s3-6". */
static GPtrArray *
make_rubric (void)
{
  GPtrArray *sections = g_ptr_array_new_with_free_func ((GDestroyNotify)test_section_free);

  for (guint i = 0; i < 4; i++)
    {
      PfTestSection *section = g_new0 (PfTestSection, 1);

      section->id = g_strdup_printf ("s%u", i);
      section->tests = g_ptr_array_new_with_free_func ((GDestroyNotify)test_item_free);
      for (guint j = 0; j < 7; j++)
        {
          PfTestItem *item = g_new0 (PfTestItem, 1);

          item->id = g_strdup_printf ("s%u-%u", i, j);
          g_ptr_array_add (section->tests, item);
        }
      g_ptr_array_add (sections, section);
    }

  return sections;
}

static void
set_level (JsonArray  *records,
           const char *id,
           const char *level)
{
  JsonObject *record = json_object_new ();

  json_object_set_string_member (record, "id", id);
  json_object_set_string_member (record, "level", level);
  json_object_set_string_member (record, "note", "");
  json_array_add_object_element (records, record);
}

/* Gives every section @n_manual manual tests followed by @n_automated
 * automated ones. */
static JsonArray *
make_records (guint n_manual,
              guint n_automated)
{
  JsonArray *records = json_array_new ();

  for (guint i = 0; i < 4; i++)
    for (guint j = 0; j < n_manual + n_automated; j++)
      {
        g_autofree char *id = g_strdup_printf ("s%u-%u", i, j);

        set_level (records, id, j < n_manual ? "manual" : "automated");
      }

  return records;
}

static double
final_score (GPtrArray *sections,
             JsonArray *records)
{
  PfTestScore score;
  double result;

  pf_test_score_compute (sections, records, &score);
  g_assert_cmpuint (score.n_sections, ==, sections->len);
  result = score.final_score;
  pf_test_score_clear (&score);

  return result;
}

static void
test_score_empty (void)
{
  g_autoptr(GPtrArray) sections = make_rubric ();
  g_autoptr(JsonArray) records = json_array_new ();
  g_autoptr(GPtrArray) no_sections = g_ptr_array_new ();
  PfTestScore score;

  pf_test_score_compute (sections, NULL, &score);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpfloat (score.section_scores[i], ==, 0.0);
  g_assert_cmpfloat (score.final_score, ==, 0.0);
  pf_test_score_clear (&score);

  g_assert_cmpfloat (final_score (sections, records), ==, 0.0);
  g_assert_cmpfloat (final_score (no_sections, records), ==, 0.0);
  g_assert_cmpint (pf_test_band_for_score (0.0), ==, PF_TEST_BAND_RESEARCH);
}

static void
test_score_all_manual (void)
{
  g_autoptr(GPtrArray) sections = make_rubric ();
  g_autoptr(JsonArray) records = make_records (7, 0);
  PfTestScore score;

  pf_test_score_compute (sections, records, &score);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpfloat (score.section_scores[i], ==, 3.5);
  g_assert_cmpfloat (score.final_score, ==, 3.5);
  g_assert_cmpint (pf_test_band_for_score (score.final_score), ==, PF_TEST_BAND_STRONG);
  pf_test_score_clear (&score);
}

static void
test_score_all_automated (void)
{
  g_autoptr(GPtrArray) sections = make_rubric ();
  g_autoptr(JsonArray) records = make_records (0, 7);

  g_assert_cmpfloat (final_score (sections, records), ==, 7.0);
  g_assert_cmpint (pf_test_band_for_score (7.0), ==, PF_TEST_BAND_EXCEPTIONAL);
}

static void
test_score_weakest_section (void)
{
  g_autoptr(GPtrArray) sections = make_rubric ();
  g_autoptr(JsonArray) records = json_array_new ();
  PfTestScore score;

  /* Three sections fully automated, the last with one manual test. */
  for (guint i = 0; i < 3; i++)
    for (guint j = 0; j < 7; j++)
      {
        g_autofree char *id = g_strdup_printf ("s%u-%u", i, j);

        set_level (records, id, "automated");
      }
  set_level (records, "s3-2", "manual");
  /* Records of tests not in the rubric and unknown levels count nothing. */
  set_level (records, "s3-9", "automated");
  set_level (records, "s3-3", "always");

  pf_test_score_compute (sections, records, &score);
  g_assert_cmpfloat (score.section_scores[0], ==, 7.0);
  g_assert_cmpfloat (score.section_scores[2], ==, 7.0);
  g_assert_cmpfloat (score.section_scores[3], ==, 0.5);
  g_assert_cmpfloat (score.final_score, ==, 0.5);
  g_assert_cmpint (pf_test_band_for_score (score.final_score), ==, PF_TEST_BAND_UNTESTED);
  pf_test_score_clear (&score);

  g_assert_cmpint (pf_test_score_find_level (records, "s3-2"), ==, PF_TEST_LEVEL_MANUAL);
  g_assert_cmpint (pf_test_score_find_level (records, "s3-3"), ==, PF_TEST_LEVEL_NONE);
  g_assert_cmpint (pf_test_score_find_level (records, "s0-0"), ==, PF_TEST_LEVEL_AUTOMATED);
  g_assert_cmpint (pf_test_score_find_level (records, "nowhere"), ==, PF_TEST_LEVEL_NONE);
}

static void
test_score_band_boundaries (void)
{
  g_autoptr(GPtrArray) sections = make_rubric ();
  struct {
    guint      n_manual;
    guint      n_automated;
    double     score;
    PfTestBand band;
  } cases[] = {
    { 1, 0, 0.5, PF_TEST_BAND_UNTESTED },
    { 0, 1, 1.0, PF_TEST_BAND_UNTESTED },
    { 1, 1, 1.5, PF_TEST_BAND_FIRST_PASS },
    { 0, 2, 2.0, PF_TEST_BAND_FIRST_PASS },
    { 1, 2, 2.5, PF_TEST_BAND_REASONABLE },
    { 0, 3, 3.0, PF_TEST_BAND_REASONABLE },
    { 1, 3, 3.5, PF_TEST_BAND_STRONG },
    { 0, 5, 5.0, PF_TEST_BAND_STRONG },
    { 1, 5, 5.5, PF_TEST_BAND_EXCEPTIONAL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonArray) records = make_records (cases[i].n_manual, cases[i].n_automated);
      double score = final_score (sections, records);

      g_assert_cmpfloat (score, ==, cases[i].score);
      g_assert_cmpint (pf_test_band_for_score (score), ==, cases[i].band);
    }

  /* Every band has its own words. */
  for (PfTestBand band = PF_TEST_BAND_RESEARCH; band <= PF_TEST_BAND_EXCEPTIONAL; band++)
    {
      g_assert_cmpstr (pf_test_band_get_title (band), !=, "");
      if (band > PF_TEST_BAND_RESEARCH)
        g_assert_cmpstr (pf_test_band_get_description (band), !=, pf_test_band_get_description (band - 1));
    }
}

static void
test_score_levels (void)
{
  for (PfTestLevel level = PF_TEST_LEVEL_NONE; level <= PF_TEST_LEVEL_AUTOMATED; level++)
    g_assert_cmpint (pf_test_level_from_string (pf_test_level_to_string (level)), ==, level);

  g_assert_cmpfloat (pf_test_level_get_points (PF_TEST_LEVEL_NONE), ==, 0.0);
  g_assert_cmpfloat (pf_test_level_get_points (PF_TEST_LEVEL_MANUAL), ==, 0.5);
  g_assert_cmpfloat (pf_test_level_get_points (PF_TEST_LEVEL_AUTOMATED), ==, 1.0);
  g_assert_cmpint (pf_test_level_from_string (NULL), ==, PF_TEST_LEVEL_NONE);
}

/* The built-in catalog holds the whole rubric: 4 sections of 7 tests. */
static void
test_score_catalog (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "catalog", "crisp-dm.catalog", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PfCatalog) catalog = pf_catalog_new_from_file (file, &error);
  g_autoptr(JsonArray) records = json_array_new ();
  GPtrArray *sections;

  g_assert_no_error (error);
  sections = pf_catalog_get_test_sections (catalog);
  g_assert_cmpuint (sections->len, ==, 4);
  for (guint i = 0; i < sections->len; i++)
    {
      PfTestSection *section = g_ptr_array_index (sections, i);

      g_assert_cmpuint (section->tests->len, ==, 7);
      for (guint j = 0; j < section->tests->len; j++)
        set_level (records, ((PfTestItem *)g_ptr_array_index (section->tests, j))->id, "automated");
    }

  g_assert_cmpfloat (final_score (sections, records), ==, 7.0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/test-score/empty", test_score_empty);
  g_test_add_func ("/test-score/all-manual", test_score_all_manual);
  g_test_add_func ("/test-score/all-automated", test_score_all_automated);
  g_test_add_func ("/test-score/weakest-section", test_score_weakest_section);
  g_test_add_func ("/test-score/band-boundaries", test_score_band_boundaries);
  g_test_add_func ("/test-score/levels", test_score_levels);
  g_test_add_func ("/test-score/catalog", test_score_catalog);

  return g_test_run ();
}
