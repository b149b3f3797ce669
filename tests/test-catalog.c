/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "pf-catalog.h"
#include "test-util.h"

static PfCatalog *
load_builtin (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "catalog", "crisp-dm.catalog", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PfCatalog *catalog = pf_catalog_new_from_file (file, &error);

  g_assert_no_error (error);
  g_assert_nonnull (catalog);
  return catalog;
}

/* What the issue asks the built-in catalog to cover, counted. */
static void
test_catalog_builtin (void)
{
  g_autoptr(PfCatalog) catalog = load_builtin ();
  static const guint n_tasks[PF_N_PHASES] = { 4, 4, 5, 4, 3, 4 };
  guint n_required = 0;
  guint n_types[PF_QUESTION_REFERENCE + 1] = { 0 };
  gboolean seen_privacy = FALSE, seen_deployment_plan = FALSE;
  GPtrArray *sections;

  g_assert_cmpstr (pf_catalog_get_id (catalog), ==, "io.github.preflight.crisp-dm");
  g_assert_cmpuint (pf_catalog_get_version (catalog), ==, 1);
  g_assert_nonnull (pf_catalog_get_title (catalog));

  /* The 24 tasks of CRISP-DM 1.0, each with its outputs. */
  for (guint phase = 0; phase < PF_N_PHASES; phase++)
    {
      GPtrArray *steps = pf_catalog_get_steps (catalog, phase);

      g_assert_cmpuint (steps->len, ==, n_tasks[phase]);
      g_assert_cmpuint (pf_catalog_get_gate (catalog, phase)->len, >, 0);

      for (guint i = 0; i < steps->len; i++)
        {
          PfStep *step = g_ptr_array_index (steps, i);

          g_assert_nonnull (step->title);
          g_assert_cmpuint (step->outputs->len, >, 0);

          for (guint j = 0; j < step->questions->len; j++)
            {
              PfQuestion *question = g_ptr_array_index (step->questions, j);

              g_assert_true (pf_catalog_find_question (catalog, question->id) == question);
              g_assert_cmpuint (question->phase, ==, phase);
              g_assert_cmpuint (strlen (question->text), >, 10);
              g_assert_cmpuint (strlen (question->why), >, 10);
              n_types[question->type]++;
              n_required += question->required;
              seen_privacy |= g_str_has_prefix (question->id, "privacy-review.");
              seen_deployment_plan |= g_str_has_prefix (question->id, "deployment-plan.");
            }
        }
    }

  /* Every kind of question is used, some are required, and the privacy
   * review and the deployment plan have questions of their own. */
  for (guint type = 0; type <= PF_QUESTION_REFERENCE; type++)
    {
      g_test_message ("%s: %u", pf_question_type_to_string (type), n_types[type]);
      g_assert_cmpuint (n_types[type], >, 0);
    }
  g_assert_cmpuint (n_required, >, 10);
  g_assert_true (seen_privacy);
  g_assert_true (seen_deployment_plan);
  g_test_message ("%u questions, %u required", pf_catalog_get_n_questions (catalog), n_required);

  /* The ML Test Score: four sections of seven tests. */
  sections = pf_catalog_get_test_sections (catalog);
  g_assert_cmpuint (sections->len, ==, 4);
  for (guint i = 0; i < sections->len; i++)
    {
      PfTestSection *section = g_ptr_array_index (sections, i);

      g_assert_nonnull (section->title);
      g_assert_cmpuint (section->tests->len, ==, 7);
      for (guint j = 0; j < section->tests->len; j++)
        {
          PfTestItem *test = g_ptr_array_index (section->tests, j);
          g_autofree char *expected = g_strdup_printf ("%s-%u", section->id, j + 1);

          g_assert_cmpstr (test->id, ==, expected);
          g_assert_nonnull (test->title);
        }
    }
}

#define PHASES_AFTER_FIRST \
  "<phase id=\"data-understanding\"><step id=\"b\"><title>B</title></step><gate/></phase>" \
  "<phase id=\"data-preparation\"><step id=\"c\"><title>C</title></step><gate/></phase>" \
  "<phase id=\"modeling\"><step id=\"d\"><title>D</title></step><gate/></phase>" \
  "<phase id=\"evaluation\"><step id=\"e\"><title>E</title></step><gate/></phase>" \
  "<phase id=\"deployment\"><step id=\"f\"><title>F</title></step><gate/></phase>"

static void
test_catalog_minimal (void)
{
  static const char text[] =
    "<catalog id=\"org.example.mini\" version=\"3\"><title>  Mini\n   catalog </title>"
    "<phase id=\"business-understanding\"><step id=\"a\"><title>A</title>"
    "<question id=\"business-understanding.colour\" type=\"choice\" required=\"true\">"
    "<text>Which colour?</text><why>Because.</why>"
    "<choice id=\"red\">Red</choice><choice id=\"blue\">Blue &amp; green</choice></question>"
    "</step><gate><requires question=\"business-understanding.colour\"/>"
    "<requires sign-off=\"phase:business-understanding\" role=\"sponsor\"/></gate></phase>"
    PHASES_AFTER_FIRST TEST_ML_TEST_SCORE "</catalog>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(PfCatalog) catalog = pf_catalog_new_from_bytes (bytes, FALSE, &error);
  const PfQuestion *question;
  PfRequirement *requirement;

  g_assert_no_error (error);
  g_assert_cmpstr (pf_catalog_get_title (catalog), ==, "Mini catalog");
  g_assert_cmpuint (pf_catalog_get_version (catalog), ==, 3);
  question = pf_catalog_find_question (catalog, "business-understanding.colour");
  g_assert_nonnull (question);
  g_assert_true (question->required);
  g_assert_cmpuint (question->type, ==, PF_QUESTION_CHOICE);
  g_assert_cmpuint (question->choices->len, ==, 2);
  g_assert_cmpstr (((PfChoice *)g_ptr_array_index (question->choices, 1))->label, ==, "Blue & green");
  requirement = g_ptr_array_index (pf_catalog_get_gate (catalog, PF_PHASE_BUSINESS_UNDERSTANDING), 1);
  g_assert_cmpstr (requirement->sign_off, ==, "phase:business-understanding");
  g_assert_cmpstr (requirement->role, ==, "sponsor");
  g_assert_cmpuint (pf_catalog_get_test_sections (catalog)->len, ==, 4);
}

typedef struct
{
  const char *text;
  int         code;
  const char *message_part;
} BadCatalog;

static void
test_catalog_bad (void)
{
  static const BadCatalog cases[] = {
    { "", PF_CATALOG_ERROR_SYNTAX, "Line 1, column 1: Document was empty" },
    { "<other/>", PF_CATALOG_ERROR_INVALID, "“other” is not expected" },
    { "<catalog id=\"x\" version=\"1\">", PF_CATALOG_ERROR_SYNTAX, "Line 1, column 29: Document ended unexpectedly" },
    { "<catalog id=\"x\" version=\"1\"><title>T</title></katalog>", PF_CATALOG_ERROR_SYNTAX, "Line 1, column 54: Element “katalog” was closed" },
    { "<catalog id=\"x\" version=\"1\">\n  <title>&nbsp;</title></catalog>", PF_CATALOG_ERROR_SYNTAX, "Line 2, column" },
    { "<catalog version=\"1\"/>", PF_CATALOG_ERROR_INVALID, "Line 1, column" },
    { "<catalog id=\"x\" version=\"zero\"/>", PF_CATALOG_ERROR_INVALID, "version" },
    { "<catalog id=\"x\" version=\"1\"><phase id=\"modeling\"/></catalog>", PF_CATALOG_ERROR_INVALID, "CRISP-DM order" },
    { "<catalog id=\"x\" version=\"1\"><phase id=\"magic\"/></catalog>", PF_CATALOG_ERROR_INVALID, "“magic” is not a CRISP-DM phase" },
    { "<catalog id=\"x\" version=\"1\"><phase id=\"business-understanding\"><step id=\"a\"><title>A</title>"
      "<question id=\"objective\" type=\"text\"><text>Q?</text><why>W</why></question></step></phase></catalog>",
      PF_CATALOG_ERROR_INVALID, "starts with its section" },
    { "<catalog id=\"x\" version=\"1\"><phase id=\"business-understanding\"><step id=\"a\"><title>A</title>"
      "<question id=\"business-understanding.q\" type=\"essay\"><text>Q?</text><why>W</why></question></step></phase></catalog>",
      PF_CATALOG_ERROR_INVALID, "the type must be one of" },
    { "<catalog id=\"x\" version=\"1\"><phase id=\"business-understanding\"><step id=\"a\"><title>A</title>"
      "<question id=\"business-understanding.q\" type=\"text\"><text>Q?</text></question></step></phase></catalog>",
      PF_CATALOG_ERROR_INVALID, "needs a text and a “why”" },
    { "<catalog id=\"x\" version=\"1\"><phase id=\"business-understanding\"><step id=\"a\"><title>A</title>"
      "<question id=\"business-understanding.q\" type=\"choice\"><text>Q?</text><why>W</why><choice id=\"one\">1</choice></question></step></phase></catalog>",
      PF_CATALOG_ERROR_INVALID, "two choices or more" },
    { "<catalog id=\"x\" version=\"1\"><phase id=\"business-understanding\"><step id=\"a\"><title>A</title>"
      "<question id=\"business-understanding.q\" type=\"reference\" register=\"pets\"><text>Q?</text><why>W</why></question></step></phase></catalog>",
      PF_CATALOG_ERROR_INVALID, "register" },
    { "<catalog id=\"x\" version=\"1\"><phase id=\"business-understanding\"><step id=\"a\"><title>A</title>"
      "<question id=\"business-understanding.q\" type=\"text\"><text>Q?</text><why>W</why></question>"
      "<question id=\"business-understanding.q\" type=\"text\"><text>Q?</text><why>W</why></question></step></phase></catalog>",
      PF_CATALOG_ERROR_INVALID, "used twice" },
    { "<catalog id=\"x\" version=\"1\"><phase id=\"business-understanding\"><step id=\"a\"><title>A</title></step>"
      "<gate><requires question=\"business-understanding.nothing\"/></gate></phase>" PHASES_AFTER_FIRST "</catalog>",
      PF_CATALOG_ERROR_INVALID, "does not have" },
    { "<catalog id=\"x\" version=\"1\"><phase id=\"business-understanding\"><step id=\"a\"><title>A</title></step><gate/></phase></catalog>",
      PF_CATALOG_ERROR_INVALID, "“data-understanding” is missing" },
    { "<catalog id=\"x\" version=\"1\"><banana/></catalog>", PF_CATALOG_ERROR_INVALID, "“banana” is not expected inside “catalog”" },
    /* The ML Test Score: the four sections, each once, each test id once. */
    { "<catalog id=\"x\" version=\"1\"><phase id=\"business-understanding\"><step id=\"a\"><title>A</title></step><gate/></phase>"
      PHASES_AFTER_FIRST "</catalog>",
      PF_CATALOG_ERROR_INVALID, "needs the four sections data, model, infrastructure and monitoring: “data” is missing" },
    { "<catalog id=\"x\" version=\"1\"><phase id=\"business-understanding\"><step id=\"a\"><title>A</title></step><gate/></phase>"
      PHASES_AFTER_FIRST "<ml-test-score>"
      "<section id=\"data\"><title>D</title><test id=\"data-1\"><title>T</title></test></section>"
      "<section id=\"model\"><title>M</title><test id=\"model-1\"><title>T</title></test></section>"
      "<section id=\"infrastructure\"><title>I</title><test id=\"infrastructure-1\"><title>T</title></test></section>"
      "</ml-test-score></catalog>",
      PF_CATALOG_ERROR_INVALID, "“monitoring” is missing" },
    { "<catalog id=\"x\" version=\"1\"><ml-test-score>"
      "<section id=\"data\"><title>D</title><test id=\"data-1\"><title>T</title></test></section>"
      "<section id=\"data\"><title>D</title><test id=\"data-2\"><title>T</title></test></section>"
      "</ml-test-score></catalog>",
      PF_CATALOG_ERROR_INVALID, "the section “data” of the ML Test Score is there twice" },
    { "<catalog id=\"x\" version=\"1\"><ml-test-score>"
      "<section id=\"data\"><title>D</title><test id=\"data-1\"><title>T</title></test>"
      "<test id=\"data-1\"><title>T again</title></test></section>"
      "</ml-test-score></catalog>",
      PF_CATALOG_ERROR_INVALID, "Line 1, column 138: the test id “data-1” is used twice" },
    { "<catalog id=\"x\" version=\"1\"><ml-test-score>"
      "<section id=\"data\"><title>D</title><test id=\"shared\"><title>T</title></test></section>"
      "<section id=\"model\"><title>M</title><test id=\"shared\"><title>T</title></test></section>"
      "</ml-test-score></catalog>",
      PF_CATALOG_ERROR_INVALID, "the test id “shared” is used twice" },
    { "<catalog id=\"x\" version=\"1\"><ml-test-score><section id=\"data\"><title>D</title></section></ml-test-score></catalog>",
      PF_CATALOG_ERROR_INVALID, "section “data” of the ML Test Score needs a title and at least one test" },
    { "<catalog id=\"x\" version=\"1\"><ml-test-score><section id=\"data\"><test id=\"data-1\"><title>T</title></test></section></ml-test-score></catalog>",
      PF_CATALOG_ERROR_INVALID, "needs a title and at least one test" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].text, strlen (cases[i].text));
      g_autoptr(GError) error = NULL;
      g_autoptr(PfCatalog) catalog = NULL;

      g_test_message ("case %u: %s", i, cases[i].text);
      catalog = pf_catalog_new_from_bytes (bytes, FALSE, &error);
      g_assert_null (catalog);
      g_assert_error (error, PF_CATALOG_ERROR, cases[i].code);
      if (strstr (error->message, cases[i].message_part) == NULL)
        g_error ("case %u: “%s” does not contain “%s”", i, error->message, cases[i].message_part);
    }
}

/* A catalog is a file someone else wrote: cut short or damaged anywhere,
 * it is refused with a message, never a crash (run under the sanitizers). */
static void
test_catalog_damaged (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "catalog", "crisp-dm.catalog", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  GRand *rand = g_rand_new_with_seed (20261126);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));

  for (gsize cut = 0; cut < length; cut += 997)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (contents, cut);
      g_autoptr(GError) error = NULL;
      g_autoptr(PfCatalog) catalog = pf_catalog_new_from_bytes (bytes, FALSE, &error);

      g_assert_null (catalog);
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }

  for (guint i = 0; i < 80; i++)
    {
      g_autofree char *copy = g_memdup2 (contents, length);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(PfCatalog) catalog = NULL;

      for (guint j = 0; j < 3; j++)
        copy[g_rand_int_range (rand, 0, length)] = "<>&\"'/= x\n\xff"[g_rand_int_range (rand, 0, 12)];
      bytes = g_bytes_new_take (g_steal_pointer (&copy), length);
      catalog = pf_catalog_new_from_bytes (bytes, FALSE, &error);
      g_assert_true ((catalog == NULL) == (error != NULL));
    }

  g_rand_free (rand);
}

/* A broken file: the message names the file, the line and column, and
 * the problem. */
static void
test_catalog_file_errors (void)
{
  g_autofree char *dir = g_dir_make_tmp ("preflight-catalog-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "team.catalog", NULL);
  g_autofree char *missing_path = g_build_filename (dir, "missing.catalog", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GError) error = NULL;
  PfCatalog *catalog;

  g_assert_true (g_file_set_contents (path, "<catalog id=\"x\" version=\"1\">\n  <title>T</titel>\n</catalog>\n", -1, NULL));
  catalog = pf_catalog_new_from_file (file, &error);
  g_assert_null (catalog);
  g_assert_error (error, PF_CATALOG_ERROR, PF_CATALOG_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, "team.catalog: Line 2, column "));
  g_assert_nonnull (strstr (error->message, "“titel”"));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (path, "<catalog id=\"x\" version=\"1\">\n  <banana/>\n</catalog>\n", -1, NULL));
  catalog = pf_catalog_new_from_file (file, &error);
  g_assert_null (catalog);
  g_assert_error (error, PF_CATALOG_ERROR, PF_CATALOG_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "team.catalog: Line 2, column "));
  g_assert_nonnull (strstr (error->message, "“banana”"));
  g_clear_error (&error);

  catalog = pf_catalog_new_from_file (missing, &error);
  g_assert_null (catalog);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "missing.catalog"));

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalog/minimal", test_catalog_minimal);
  g_test_add_func ("/catalog/bad", test_catalog_bad);
  g_test_add_func ("/catalog/builtin", test_catalog_builtin);
  g_test_add_func ("/catalog/damaged", test_catalog_damaged);
  g_test_add_func ("/catalog/file-errors", test_catalog_file_errors);

  return g_test_run ();
}
