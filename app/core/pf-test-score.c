/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pf-catalog.h"
#include "pf-test-score.h"

/* Stored in project files: never rename one. */
static const char * const level_ids[] = { "none", "manual", "automated" };

const char *
pf_test_level_to_string (PfTestLevel level)
{
  g_return_val_if_fail (level <= PF_TEST_LEVEL_AUTOMATED, "none");

  return level_ids[level];
}

/* Anything unknown counts as not done: a score must never be inflated by
 * a value it does not understand. */
PfTestLevel
pf_test_level_from_string (const char *text)
{
  if (g_strcmp0 (text, "automated") == 0)
    return PF_TEST_LEVEL_AUTOMATED;
  if (g_strcmp0 (text, "manual") == 0)
    return PF_TEST_LEVEL_MANUAL;

  return PF_TEST_LEVEL_NONE;
}

const char *
pf_test_level_get_title (PfTestLevel level)
{
  switch (level)
    {
    case PF_TEST_LEVEL_MANUAL:
      /* Translators: an ML test is done by hand and documented. */
      return C_("test level", "Manual");
    case PF_TEST_LEVEL_AUTOMATED:
      /* Translators: an ML test runs automatically. */
      return C_("test level", "Automated");
    case PF_TEST_LEVEL_NONE:
    default:
      /* Translators: an ML test is not done. */
      return C_("test level", "None");
    }
}

double
pf_test_level_get_points (PfTestLevel level)
{
  switch (level)
    {
    case PF_TEST_LEVEL_MANUAL:
      return 0.5;
    case PF_TEST_LEVEL_AUTOMATED:
      return 1.0;
    case PF_TEST_LEVEL_NONE:
    default:
      return 0.0;
    }
}

/**
 * pf_test_score_find_level:
 * @records: (nullable): the "ml-test-score" register
 *
 * Returns: the level recorded for @test_id; none when there is no record
 */
PfTestLevel
pf_test_score_find_level (JsonArray  *records,
                          const char *test_id)
{
  guint n;

  g_return_val_if_fail (test_id != NULL, PF_TEST_LEVEL_NONE);

  n = records ? json_array_get_length (records) : 0;
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (records, i);
      JsonObject *record;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;

      record = json_node_get_object (node);
      if (g_strcmp0 (json_object_get_string_member_with_default (record, "id", NULL), test_id) == 0)
        return pf_test_level_from_string (json_object_get_string_member_with_default (record, "level", NULL));
    }

  return PF_TEST_LEVEL_NONE;
}

/**
 * pf_test_score_compute:
 * @sections: (element-type PfTestSection): the catalog's rubric
 * @records: (nullable): the "ml-test-score" register
 * @score: (out caller-allocates): free its contents with pf_test_score_clear()
 */
void
pf_test_score_compute (GPtrArray   *sections,
                       JsonArray   *records,
                       PfTestScore *score)
{
  g_return_if_fail (sections != NULL);
  g_return_if_fail (score != NULL);

  score->n_sections = sections->len;
  score->section_scores = g_new0 (double, MAX (sections->len, 1));
  score->final_score = 0.0;

  for (guint i = 0; i < sections->len; i++)
    {
      PfTestSection *section = g_ptr_array_index (sections, i);
      double sum = 0.0;

      for (guint j = 0; j < section->tests->len; j++)
        {
          PfTestItem *test = g_ptr_array_index (section->tests, j);

          sum += pf_test_level_get_points (pf_test_score_find_level (records, test->id));
        }

      score->section_scores[i] = sum;
      score->final_score = i == 0 ? sum : MIN (score->final_score, sum);
    }
}

void
pf_test_score_clear (PfTestScore *score)
{
  g_return_if_fail (score != NULL);

  g_clear_pointer (&score->section_scores, g_free);
  score->n_sections = 0;
  score->final_score = 0.0;
}

/* Scores are sums of halves and therefore exact: comparing them with the
 * band limits needs no tolerance. */
PfTestBand
pf_test_band_for_score (double final_score)
{
  if (final_score <= 0.0)
    return PF_TEST_BAND_RESEARCH;
  if (final_score <= 1.0)
    return PF_TEST_BAND_UNTESTED;
  if (final_score <= 2.0)
    return PF_TEST_BAND_FIRST_PASS;
  if (final_score <= 3.0)
    return PF_TEST_BAND_REASONABLE;
  if (final_score <= 5.0)
    return PF_TEST_BAND_STRONG;

  return PF_TEST_BAND_EXCEPTIONAL;
}

const char *
pf_test_band_get_title (PfTestBand band)
{
  switch (band)
    {
    case PF_TEST_BAND_UNTESTED:
      return _("Barely Tested");
    case PF_TEST_BAND_FIRST_PASS:
      return _("First Steps to Production");
    case PF_TEST_BAND_REASONABLE:
      return _("Reasonably Tested");
    case PF_TEST_BAND_STRONG:
      return _("Strongly Tested");
    case PF_TEST_BAND_EXCEPTIONAL:
      return _("Exceptionally Tested");
    case PF_TEST_BAND_RESEARCH:
    default:
      return _("Research Project");
    }
}

const char *
pf_test_band_get_description (PfTestBand band)
{
  switch (band)
    {
    case PF_TEST_BAND_UNTESTED:
      return _("Some tests exist, but expect serious gaps in reliability.");
    case PF_TEST_BAND_FIRST_PASS:
      return _("A first pass at production readiness is done; more investment is likely needed.");
    case PF_TEST_BAND_REASONABLE:
      return _("Reasonably tested, though more of the tests and procedures could be automated.");
    case PF_TEST_BAND_STRONG:
      return _("Strong automated testing and monitoring, fit for a mission-critical system.");
    case PF_TEST_BAND_EXCEPTIONAL:
      return _("Exceptional automated testing and monitoring.");
    case PF_TEST_BAND_RESEARCH:
    default:
      return _("Still a research project rather than a system ready for production.");
    }
}
