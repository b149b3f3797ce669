/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pf-catalog.h"
#include "pf-schema.h"

struct _PfCatalog
{
  GObject     parent_instance;

  char       *id;
  guint       version;
  char       *title;
  char       *description;
  GPtrArray  *steps[PF_N_PHASES];  /* PfStep */
  GPtrArray  *gates[PF_N_PHASES];  /* PfRequirement */
  GPtrArray  *test_sections;       /* PfTestSection */
  GHashTable *questions;           /* id -> PfQuestion, borrowed from the steps */
};

G_DEFINE_FINAL_TYPE (PfCatalog, pf_catalog, G_TYPE_OBJECT)

G_DEFINE_QUARK (pf-catalog-error-quark, pf_catalog_error)

static const char * const question_types[] = {
  "text", "long-text", "choice", "yes-no", "number", "date", "reference", NULL
};

static const char * const causes[] = {
  "infant-mortality", "it-collaboration", "real-world", "data-leakage", "business-alignment", "politics", NULL
};

static const char * const test_section_ids[] = { "data", "model", "infrastructure", "monitoring", NULL };

static void
choice_free (PfChoice *choice)
{
  g_free (choice->id);
  g_free (choice->label);
  g_free (choice);
}

static void
question_free (PfQuestion *question)
{
  g_free (question->id);
  g_free (question->cause);
  g_free (question->register_id);
  g_free (question->text);
  g_free (question->why);
  g_clear_pointer (&question->choices, g_ptr_array_unref);
  g_free (question);
}

static void
step_free (PfStep *step)
{
  g_free (step->id);
  g_free (step->title);
  g_free (step->description);
  g_clear_pointer (&step->outputs, g_ptr_array_unref);
  g_clear_pointer (&step->questions, g_ptr_array_unref);
  g_free (step);
}

static void
requirement_free (PfRequirement *requirement)
{
  g_free (requirement->question);
  g_free (requirement->sign_off);
  g_free (requirement->role);
  g_free (requirement);
}

static void
test_item_free (PfTestItem *test)
{
  g_free (test->id);
  g_free (test->title);
  g_free (test->description);
  g_free (test);
}

static void
test_section_free (PfTestSection *section)
{
  g_free (section->id);
  g_free (section->title);
  g_clear_pointer (&section->tests, g_ptr_array_unref);
  g_free (section);
}

static PfTestSection *
find_test_section (PfCatalog  *self,
                   const char *id)
{
  for (guint i = 0; i < self->test_sections->len; i++)
    {
      PfTestSection *section = g_ptr_array_index (self->test_sections, i);

      if (g_str_equal (section->id, id))
        return section;
    }

  return NULL;
}

/* A test id names the test's record in a project: one test per id. The
 * rubric has a few dozen tests, a linear search is enough. */
static PfTestItem *
find_test (PfCatalog  *self,
           const char *id)
{
  for (guint i = 0; i < self->test_sections->len; i++)
    {
      PfTestSection *section = g_ptr_array_index (self->test_sections, i);

      for (guint j = 0; j < section->tests->len; j++)
        {
          PfTestItem *test = g_ptr_array_index (section->tests, j);

          if (g_str_equal (test->id, id))
            return test;
        }
    }

  return NULL;
}

/* ------------------------------------------------------------ reading */

typedef struct
{
  PfCatalog           *catalog;
  GMarkupParseContext *context;
  gboolean             translate;
  GPtrArray           *elements;  /* the open elements' names */
  GString             *text;      /* the text of the innermost element */
  int                  phase;     /* the open phase, or -1 */
  guint                n_phases;
  PfStep              *step;
  PfQuestion          *question;
  char                *choice_id;
  PfTestSection       *section;
  PfTestItem          *test;
  gboolean             seen_catalog;
} Reader;

static gboolean G_GNUC_PRINTF (3, 4)
invalid (Reader      *reader,
         GError     **error,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  int line, column;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_markup_parse_context_get_position (reader->context, &line, &column);
  /* Translators: the last %s says what is wrong, e.g. "a question needs an id". */
  g_set_error (error, PF_CATALOG_ERROR, PF_CATALOG_ERROR_INVALID,
               _("Line %u, column %u: %s"), (guint)line, (guint)column, message);
  return FALSE;
}

static const char *
parent_element (Reader *reader)
{
  return reader->elements->len > 0 ? g_ptr_array_index (reader->elements, reader->elements->len - 1) : NULL;
}

static gboolean
is_kebab_id (const char *id)
{
  if (id == NULL || id[0] == '\0')
    return FALSE;

  for (const char *p = id; *p; p++)
    {
      if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-' && *p != '.')
        return FALSE;
    }

  return TRUE;
}

/* Question ids start with the section they belong to (see the format). */
static gboolean
has_section_prefix (const char *id)
{
  const char *dot = strchr (id, '.');
  g_autofree char *section = NULL;

  if (dot == NULL || dot[1] == '\0')
    return FALSE;

  section = g_strndup (id, dot - id);
  return pf_phase_from_id (section, NULL) ||
         g_str_equal (section, "privacy-review") ||
         g_str_equal (section, "deployment-plan");
}

static void
start_element (GMarkupParseContext  *context,
               const char           *name,
               const char          **attribute_names,
               const char          **attribute_values,
               gpointer              user_data,
               GError              **error)
{
  Reader *reader = user_data;
  PfCatalog *self = reader->catalog;
  const char *parent = parent_element (reader);
  const char *id = NULL, *type = NULL, *required = NULL, *cause = NULL, *register_id = NULL;
  const char *version = NULL, *question = NULL, *sign_off = NULL, *role = NULL;

  if (!g_markup_collect_attributes (name, attribute_names, attribute_values, error,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "id", &id,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "type", &type,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "required", &required,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "cause", &cause,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "register", &register_id,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "version", &version,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "question", &question,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "sign-off", &sign_off,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "role", &role,
                                    G_MARKUP_COLLECT_INVALID))
    return;

  g_string_truncate (reader->text, 0);

  if (g_str_equal (name, "catalog"))
    {
      guint64 number = 0;

      if (parent != NULL || reader->seen_catalog)
        {
          invalid (reader, error, _("“catalog” must be the outermost element, once"));
          return;
        }
      reader->seen_catalog = TRUE;
      if (id == NULL || id[0] == '\0')
        {
          invalid (reader, error, _("the catalog needs an id"));
          return;
        }
      if (version == NULL || !g_ascii_string_to_unsigned (version, 10, 1, G_MAXUINT, &number, NULL))
        {
          invalid (reader, error, _("the catalog needs a version, a whole number from 1"));
          return;
        }
      self->id = g_strdup (id);
      self->version = number;
    }
  else if (g_str_equal (name, "phase") && g_strcmp0 (parent, "catalog") == 0)
    {
      PfPhase phase;

      if (id == NULL || !pf_phase_from_id (id, &phase))
        {
          invalid (reader, error, _("“%s” is not a CRISP-DM phase"), id ? id : "");
          return;
        }
      if ((guint)phase != reader->n_phases)
        {
          invalid (reader, error, _("the phases must come once each, in CRISP-DM order: expected “%s”"),
                   pf_phase_get_id (MIN (reader->n_phases, PF_N_PHASES - 1)));
          return;
        }
      reader->phase = phase;
      reader->n_phases++;
    }
  else if (g_str_equal (name, "step") && g_strcmp0 (parent, "phase") == 0)
    {
      if (!is_kebab_id (id))
        {
          invalid (reader, error, _("a step needs an id of lower-case letters, digits and dashes"));
          return;
        }
      reader->step = g_new0 (PfStep, 1);
      reader->step->id = g_strdup (id);
      reader->step->outputs = g_ptr_array_new_with_free_func (g_free);
      reader->step->questions = g_ptr_array_new_with_free_func ((GDestroyNotify)question_free);
      g_ptr_array_add (self->steps[reader->phase], reader->step);
    }
  else if (g_str_equal (name, "question") && g_strcmp0 (parent, "step") == 0)
    {
      PfQuestion *q;
      int type_index = -1;

      if (!is_kebab_id (id) || !has_section_prefix (id))
        {
          invalid (reader, error, _("a question needs an id that starts with its section and a dot, such as “business-understanding.objective”"));
          return;
        }
      if (g_hash_table_contains (self->questions, id))
        {
          invalid (reader, error, _("the question id “%s” is used twice"), id);
          return;
        }
      for (guint i = 0; type != NULL && question_types[i] != NULL; i++)
        {
          if (g_str_equal (type, question_types[i]))
            type_index = i;
        }
      if (type_index < 0)
        {
          g_autofree char *types = g_strjoinv (", ", (char **)question_types);

          invalid (reader, error, _("question “%s”: the type must be one of %s"), id, types);
          return;
        }
      if (required != NULL && !g_str_equal (required, "true") && !g_str_equal (required, "false"))
        {
          invalid (reader, error, _("question “%s”: “required” must be true or false"), id);
          return;
        }
      if (cause != NULL && !g_strv_contains (causes, cause))
        {
          invalid (reader, error, _("question “%s”: “%s” is not one of the six causes"), id, cause);
          return;
        }
      if (type_index == PF_QUESTION_REFERENCE &&
          (register_id == NULL || pf_schema_find_register (register_id) == NULL))
        {
          invalid (reader, error, _("question “%s”: a reference needs the register it refers to"), id);
          return;
        }

      q = g_new0 (PfQuestion, 1);
      q->id = g_strdup (id);
      q->type = type_index;
      q->required = g_strcmp0 (required, "true") == 0;
      q->cause = g_strdup (cause);
      q->register_id = g_strdup (register_id);
      q->choices = g_ptr_array_new_with_free_func ((GDestroyNotify)choice_free);
      q->phase = reader->phase;
      g_ptr_array_add (reader->step->questions, q);
      g_hash_table_insert (self->questions, q->id, q);
      reader->question = q;
    }
  else if (g_str_equal (name, "choice") && g_strcmp0 (parent, "question") == 0)
    {
      if (reader->question->type != PF_QUESTION_CHOICE)
        {
          invalid (reader, error, _("question “%s”: only a choice question has choices"), reader->question->id);
          return;
        }
      if (!is_kebab_id (id))
        {
          invalid (reader, error, _("question “%s”: a choice needs an id"), reader->question->id);
          return;
        }
      reader->choice_id = g_strdup (id);
    }
  else if (g_str_equal (name, "gate") && g_strcmp0 (parent, "phase") == 0)
    {
    }
  else if (g_str_equal (name, "requires") && g_strcmp0 (parent, "gate") == 0)
    {
      PfRequirement *requirement;

      if ((question == NULL) == (sign_off == NULL))
        {
          invalid (reader, error, _("a requirement names either a question or a sign-off"));
          return;
        }
      requirement = g_new0 (PfRequirement, 1);
      requirement->question = g_strdup (question);
      requirement->sign_off = g_strdup (sign_off);
      requirement->role = g_strdup (role);
      g_ptr_array_add (self->gates[reader->phase], requirement);
    }
  else if (g_str_equal (name, "ml-test-score") && g_strcmp0 (parent, "catalog") == 0)
    {
    }
  else if (g_str_equal (name, "section") && g_strcmp0 (parent, "ml-test-score") == 0)
    {
      if (id == NULL || !g_strv_contains (test_section_ids, id))
        {
          invalid (reader, error, _("“%s” is not a section of the ML Test Score"), id ? id : "");
          return;
        }
      if (find_test_section (self, id) != NULL)
        {
          invalid (reader, error, _("the section “%s” of the ML Test Score is there twice"), id);
          return;
        }
      reader->section = g_new0 (PfTestSection, 1);
      reader->section->id = g_strdup (id);
      reader->section->tests = g_ptr_array_new_with_free_func ((GDestroyNotify)test_item_free);
      g_ptr_array_add (self->test_sections, reader->section);
    }
  else if (g_str_equal (name, "test") && g_strcmp0 (parent, "section") == 0)
    {
      if (!is_kebab_id (id))
        {
          invalid (reader, error, _("a test needs an id"));
          return;
        }
      if (find_test (self, id) != NULL)
        {
          invalid (reader, error, _("the test id “%s” is used twice"), id);
          return;
        }
      reader->test = g_new0 (PfTestItem, 1);
      reader->test->id = g_strdup (id);
      g_ptr_array_add (reader->section->tests, reader->test);
    }
  else if ((g_str_equal (name, "title") || g_str_equal (name, "description")) &&
           (g_strcmp0 (parent, "catalog") == 0 || g_strcmp0 (parent, "step") == 0 ||
            g_strcmp0 (parent, "section") == 0 || g_strcmp0 (parent, "test") == 0))
    {
    }
  else if (g_str_equal (name, "output") && g_strcmp0 (parent, "step") == 0)
    {
    }
  else if ((g_str_equal (name, "text") || g_str_equal (name, "why")) && g_strcmp0 (parent, "question") == 0)
    {
    }
  else
    {
      invalid (reader, error, _("“%s” is not expected inside “%s”"), name, parent ? parent : "");
      return;
    }

  g_ptr_array_add (reader->elements, g_strdup (name));
}

/* The text of an element with its white space folded, as gettext reads it
 * for translation; translated when the catalog is the built-in one. */
static char *
take_text (Reader *reader)
{
  g_auto(GStrv) words = g_strsplit_set (reader->text->str, " \t\r\n", -1);
  g_autoptr(GString) folded = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (folded->len > 0)
        g_string_append_c (folded, ' ');
      g_string_append (folded, words[i]);
    }

  if (reader->translate && folded->len > 0)
    {
      /* gettext reads the XML with &, < and > still escaped: so are the
       * message ids, and the translations. */
      g_autoptr(GString) msgid = g_string_new (folded->str);
      const char *translated;

      g_string_replace (msgid, "&", "&amp;", 0);
      g_string_replace (msgid, "<", "&lt;", 0);
      g_string_replace (msgid, ">", "&gt;", 0);
      translated = g_dgettext (GETTEXT_PACKAGE, msgid->str);
      if (translated != msgid->str)
        {
          g_autoptr(GString) unescaped = g_string_new (translated);

          g_string_replace (unescaped, "&lt;", "<", 0);
          g_string_replace (unescaped, "&gt;", ">", 0);
          g_string_replace (unescaped, "&quot;", "\"", 0);
          g_string_replace (unescaped, "&apos;", "'", 0);
          g_string_replace (unescaped, "&amp;", "&", 0);
          return g_string_free (g_steal_pointer (&unescaped), FALSE);
        }
    }

  return g_string_free (g_steal_pointer (&folded), FALSE);
}

static void
end_element (GMarkupParseContext  *context,
             const char           *name,
             gpointer              user_data,
             GError              **error)
{
  Reader *reader = user_data;
  PfCatalog *self = reader->catalog;
  const char *parent;
  char **slot = NULL;

  g_ptr_array_set_size (reader->elements, reader->elements->len - 1);
  parent = parent_element (reader);

  if (g_str_equal (name, "title"))
    {
      if (g_strcmp0 (parent, "catalog") == 0)
        slot = &self->title;
      else if (g_strcmp0 (parent, "step") == 0)
        slot = &reader->step->title;
      else if (g_strcmp0 (parent, "section") == 0)
        slot = &reader->section->title;
      else if (g_strcmp0 (parent, "test") == 0)
        slot = &reader->test->title;
    }
  else if (g_str_equal (name, "description"))
    {
      if (g_strcmp0 (parent, "catalog") == 0)
        slot = &self->description;
      else if (g_strcmp0 (parent, "step") == 0)
        slot = &reader->step->description;
      else if (g_strcmp0 (parent, "test") == 0)
        slot = &reader->test->description;
    }
  else if (g_str_equal (name, "text"))
    slot = &reader->question->text;
  else if (g_str_equal (name, "why"))
    slot = &reader->question->why;

  if (slot != NULL)
    {
      g_free (*slot);
      *slot = take_text (reader);
      return;
    }

  if (g_str_equal (name, "output"))
    g_ptr_array_add (reader->step->outputs, take_text (reader));
  else if (g_str_equal (name, "choice"))
    {
      PfChoice *choice = g_new0 (PfChoice, 1);

      choice->id = g_steal_pointer (&reader->choice_id);
      choice->label = take_text (reader);
      g_ptr_array_add (reader->question->choices, choice);
    }
  else if (g_str_equal (name, "question"))
    {
      PfQuestion *q = g_steal_pointer (&reader->question);

      if (q->text == NULL || q->why == NULL)
        invalid (reader, error, _("question “%s” needs a text and a “why”"), q->id);
      else if (q->type == PF_QUESTION_CHOICE && q->choices->len < 2)
        invalid (reader, error, _("question “%s” needs two choices or more"), q->id);
    }
  else if (g_str_equal (name, "step"))
    {
      if (reader->step->title == NULL)
        invalid (reader, error, _("step “%s” needs a title"), reader->step->id);
      reader->step = NULL;
    }
  else if (g_str_equal (name, "phase"))
    reader->phase = -1;
  else if (g_str_equal (name, "test"))
    {
      if (reader->test->title == NULL)
        invalid (reader, error, _("test “%s” needs a title"), reader->test->id);
      reader->test = NULL;
    }
  else if (g_str_equal (name, "section"))
    {
      if (reader->section->title == NULL || reader->section->tests->len == 0)
        invalid (reader, error, _("section “%s” of the ML Test Score needs a title and at least one test"),
                 reader->section->id);
      reader->section = NULL;
    }
}

static void
text (GMarkupParseContext  *context,
      const char           *text_value,
      gsize                 text_len,
      gpointer              user_data,
      GError              **error)
{
  Reader *reader = user_data;

  g_string_append_len (reader->text, text_value, text_len);
}

static const GMarkupParser parser = { start_element, end_element, text, NULL, NULL };

/* What can only be checked with the whole catalog read. */
static gboolean
check_catalog (PfCatalog  *self,
               GError    **error)
{
  if (self->id == NULL)
    {
      g_set_error_literal (error, PF_CATALOG_ERROR, PF_CATALOG_ERROR_INVALID,
                           _("This is not a catalog: there is no “catalog” element"));
      return FALSE;
    }

  for (guint phase = 0; phase < PF_N_PHASES; phase++)
    {
      GPtrArray *gate = self->gates[phase];

      if (self->steps[phase]->len == 0)
        {
          g_set_error (error, PF_CATALOG_ERROR, PF_CATALOG_ERROR_INVALID,
                       _("The phase “%s” is missing or has no steps"), pf_phase_get_id (phase));
          return FALSE;
        }

      for (guint i = 0; i < gate->len; i++)
        {
          PfRequirement *requirement = g_ptr_array_index (gate, i);

          if (requirement->question != NULL && !g_hash_table_contains (self->questions, requirement->question))
            {
              g_set_error (error, PF_CATALOG_ERROR, PF_CATALOG_ERROR_INVALID,
                           _("The gate of “%s” requires the question “%s”, which the catalog does not have"),
                           pf_phase_get_id (phase), requirement->question);
              return FALSE;
            }
        }
    }

  /* The final score is the lowest section score: every section counts. */
  for (guint i = 0; test_section_ids[i] != NULL; i++)
    {
      if (find_test_section (self, test_section_ids[i]) == NULL)
        {
          g_set_error (error, PF_CATALOG_ERROR, PF_CATALOG_ERROR_INVALID,
                       _("The ML Test Score needs the four sections data, model, infrastructure and monitoring: “%s” is missing"),
                       test_section_ids[i]);
          return FALSE;
        }
    }

  return TRUE;
}

static void
pf_catalog_finalize (GObject *object)
{
  PfCatalog *self = (PfCatalog *)object;

  g_clear_pointer (&self->questions, g_hash_table_unref);
  for (guint phase = 0; phase < PF_N_PHASES; phase++)
    {
      g_clear_pointer (&self->steps[phase], g_ptr_array_unref);
      g_clear_pointer (&self->gates[phase], g_ptr_array_unref);
    }
  g_clear_pointer (&self->test_sections, g_ptr_array_unref);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (pf_catalog_parent_class)->finalize (object);
}

static void
pf_catalog_class_init (PfCatalogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pf_catalog_finalize;
}

static void
pf_catalog_init (PfCatalog *self)
{
  for (guint phase = 0; phase < PF_N_PHASES; phase++)
    {
      self->steps[phase] = g_ptr_array_new_with_free_func ((GDestroyNotify)step_free);
      self->gates[phase] = g_ptr_array_new_with_free_func ((GDestroyNotify)requirement_free);
    }
  self->test_sections = g_ptr_array_new_with_free_func ((GDestroyNotify)test_section_free);
  self->questions = g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * pf_catalog_new_from_bytes:
 * @translate: whether texts are looked up in the application's
 *   translations, as for the built-in catalog
 *
 * Reads a catalog. Errors name the line and column of the problem.
 */
PfCatalog *
pf_catalog_new_from_bytes (GBytes   *bytes,
                           gboolean  translate,
                           GError  **error)
{
  g_autoptr(PfCatalog) self = g_object_new (PF_TYPE_CATALOG, NULL);
  g_autoptr(GPtrArray) elements = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text_buffer = g_string_new (NULL);
  GMarkupParseContext *context;
  Reader reader = {
    .catalog = self,
    .translate = translate,
    .elements = elements,
    .text = text_buffer,
    .phase = -1,
  };
  const char *data;
  gsize size;
  gboolean ok;

  g_return_val_if_fail (bytes != NULL, NULL);

  /* An empty GBytes may hold no pointer at all. */
  data = g_bytes_get_data (bytes, &size);
  if (data == NULL)
    data = "";
  context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &reader, NULL);
  reader.context = context;
  ok = g_markup_parse_context_parse (context, data, size, error) &&
       g_markup_parse_context_end_parse (context, error);

  /* A syntax error reads like the catalog's own ones: "Line 3, column 7:
   * the problem", whatever GMarkup put before the problem. */
  if (!ok && error != NULL && *error != NULL && (*error)->domain == G_MARKUP_ERROR)
    {
      const char *problem = strstr ((*error)->message, ": ");
      g_autofree char *message = NULL;
      int line, column;

      g_markup_parse_context_get_position (context, &line, &column);
      problem = problem != NULL ? problem + 2 : (*error)->message;
      /* Translators: the last %s says what is wrong, e.g. "Element “b” was closed". */
      message = g_strdup_printf (_("Line %u, column %u: %s"), (guint)line, (guint)MAX (column, 1), problem);
      g_clear_error (error);
      g_set_error_literal (error, PF_CATALOG_ERROR, PF_CATALOG_ERROR_SYNTAX, message);
    }

  /* Whatever the reader held when it stopped belongs to the catalog, but
   * the id of a choice that was not finished. */
  g_free (reader.choice_id);
  g_markup_parse_context_free (context);

  if (!ok)
    return NULL;

  if (!check_catalog (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

PfCatalog *
pf_catalog_new_from_file (GFile   *file,
                          GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  PfCatalog *catalog;
  GError *local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* The message of a file that cannot be read names it already. */
  if (!(bytes = g_file_load_bytes (file, NULL, NULL, error)))
    return NULL;

  if (!(catalog = pf_catalog_new_from_bytes (bytes, FALSE, &local_error)))
    {
      g_autofree char *name = g_file_get_basename (file);

      /* Translators: %s is a file name, before the line, column and problem. */
      g_prefix_error (&local_error, _("%s: "), name);
      g_propagate_error (error, local_error);
    }

  return catalog;
}

const char *
pf_catalog_get_id (PfCatalog *self)
{
  g_return_val_if_fail (PF_IS_CATALOG (self), NULL);

  return self->id;
}

guint
pf_catalog_get_version (PfCatalog *self)
{
  g_return_val_if_fail (PF_IS_CATALOG (self), 0);

  return self->version;
}

const char *
pf_catalog_get_title (PfCatalog *self)
{
  g_return_val_if_fail (PF_IS_CATALOG (self), NULL);

  return self->title;
}

/**
 * pf_catalog_get_steps:
 *
 * Returns: (transfer none) (element-type PfStep): the steps of @phase
 */
GPtrArray *
pf_catalog_get_steps (PfCatalog *self,
                      PfPhase    phase)
{
  g_return_val_if_fail (PF_IS_CATALOG (self), NULL);
  g_return_val_if_fail (phase < PF_N_PHASES, NULL);

  return self->steps[phase];
}

/**
 * pf_catalog_get_gate:
 *
 * Returns: (transfer none) (element-type PfRequirement): what must hold to
 *   pass @phase, besides its required questions
 */
GPtrArray *
pf_catalog_get_gate (PfCatalog *self,
                     PfPhase    phase)
{
  g_return_val_if_fail (PF_IS_CATALOG (self), NULL);
  g_return_val_if_fail (phase < PF_N_PHASES, NULL);

  return self->gates[phase];
}

const PfQuestion *
pf_catalog_find_question (PfCatalog  *self,
                          const char *id)
{
  g_return_val_if_fail (PF_IS_CATALOG (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->questions, id);
}

guint
pf_catalog_get_n_questions (PfCatalog *self)
{
  g_return_val_if_fail (PF_IS_CATALOG (self), 0);

  return g_hash_table_size (self->questions);
}

/**
 * pf_catalog_get_test_sections:
 *
 * Returns: (transfer none) (element-type PfTestSection): the ML Test Score
 */
GPtrArray *
pf_catalog_get_test_sections (PfCatalog *self)
{
  g_return_val_if_fail (PF_IS_CATALOG (self), NULL);

  return self->test_sections;
}

const char *
pf_question_type_to_string (PfQuestionType type)
{
  g_return_val_if_fail (type < G_N_ELEMENTS (question_types) - 1, NULL);

  return question_types[type];
}
