/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The ML Test Score (Breck et al. 2017, "The ML Test Score: A Rubric for ML
 * Production Readiness and Technical Debt Reduction"): every test earns half
 * a point when it is done by hand and documented, a whole point when it is
 * automated; a section scores the sum of its tests, and the final score is
 * the weakest section's, because one untested area is enough to fail. */

typedef enum
{
  PF_TEST_LEVEL_NONE,
  PF_TEST_LEVEL_MANUAL,
  PF_TEST_LEVEL_AUTOMATED,
} PfTestLevel;

#define PF_N_TEST_LEVELS 3

typedef enum
{
  PF_TEST_BAND_RESEARCH,      /* 0 */
  PF_TEST_BAND_UNTESTED,      /* (0, 1] */
  PF_TEST_BAND_FIRST_PASS,    /* (1, 2] */
  PF_TEST_BAND_REASONABLE,    /* (2, 3] */
  PF_TEST_BAND_STRONG,        /* (3, 5] */
  PF_TEST_BAND_EXCEPTIONAL,   /* above 5 */
} PfTestBand;

typedef struct
{
  guint   n_sections;
  double *section_scores;  /* one per catalog section, in catalog order */
  double  final_score;     /* the lowest section score; 0 without sections */
} PfTestScore;

const char *pf_test_level_to_string        (PfTestLevel       level);
PfTestLevel pf_test_level_from_string      (const char       *text);
const char *pf_test_level_get_title        (PfTestLevel       level);
double      pf_test_level_get_points       (PfTestLevel       level);

PfTestLevel pf_test_score_find_level       (JsonArray        *records,
                                            const char       *test_id);
void        pf_test_score_compute          (GPtrArray        *sections,
                                            JsonArray        *records,
                                            PfTestScore      *score);
void        pf_test_score_clear            (PfTestScore      *score);

PfTestBand  pf_test_band_for_score         (double            final_score);
const char *pf_test_band_get_title         (PfTestBand        band);
const char *pf_test_band_get_description   (PfTestBand        band);

G_END_DECLS
