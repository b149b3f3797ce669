/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pf-schema.h"
#include "pf-search.h"

/* The project's text is folded once into one string, each field ending in
 * a newline, and refolded only after the document or the catalog changed. A
 * query is then one strstr() pass over that buffer: a hit is mapped back
 * to its field by binary search, and only the results shown are unfolded
 * again to cut a snippet from the original text. */

typedef struct
{
  const char *text;    /* the original, borrowed from the catalog or document */
  gsize       offset;  /* of its folded copy in the buffer */
  guint       entry;
} Field;

typedef struct
{
  PfSearchResultKind  kind;
  const char         *title;
  const char         *location;
  const char         *page_id;
  const char         *question_id;
  const char         *register_id;
  const char         *record_id;
  guint               first_field;
  guint               n_fields;
} Entry;

struct _PfSearch
{
  GObject     parent_instance;

  PfCatalog  *catalog;
  PfDocument *document;
  gulong      changed_handler;

  GString    *folded;
  GArray     *fields;   /* Field */
  GArray     *entries;  /* Entry */
  gboolean    dirty;
};

G_DEFINE_FINAL_TYPE (PfSearch, pf_search, G_TYPE_OBJECT)

/* The registers a user edits on pages of their own, in sidebar order. */
static const struct
{
  const char *id;
  const char *title;
} searched_registers[] = {
  { "assumptions", N_("Assumptions") },
  { "stakeholders", N_("Stakeholders") },
  { "risks", N_("Risks") },
  { "data-sources", N_("Data Sources") },
  { "features", N_("Features & Leakage") },
};

/* ------------------------------------------------------------ folding */

/* Folds one character: compatibility decomposition without the combining
 * marks (accents), then case folding. Text folds character by character,
 * so that a match in the folded text maps back to the original. */
static void
fold_append_char (GString  *out,
                  gunichar  c)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n;

  if (c < 0x80)
    {
      g_string_append_c (out, g_ascii_tolower ((char)c));
      return;
    }

  n = g_unichar_fully_decompose (c, TRUE, decomposed, G_N_ELEMENTS (decomposed));
  for (gsize i = 0; i < n; i++)
    {
      char utf8[8];
      int len;
      g_autofree char *folded = NULL;

      if (g_unichar_ismark (decomposed[i]))
        continue;

      if (decomposed[i] < 0x80)
        {
          g_string_append_c (out, g_ascii_tolower ((char)decomposed[i]));
          continue;
        }

      len = g_unichar_to_utf8 (decomposed[i], utf8);
      folded = g_utf8_casefold (utf8, len);
      g_string_append (out, folded);
    }
}

static void
fold_append (GString    *out,
             const char *text)
{
  for (const char *p = text; *p != '\0'; )
    {
      /* Plain ASCII, the bulk of any project, without decoding. */
      if ((guchar)*p < 0x80)
        {
          g_string_append_c (out, g_ascii_tolower (*p));
          p++;
          continue;
        }

      fold_append_char (out, g_utf8_get_char (p));
      p = g_utf8_next_char (p);
    }
}

/**
 * pf_search_fold:
 *
 * Returns @text as search compares it: without accents, case folded.
 */
char *
pf_search_fold (const char *text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), NULL);

  out = g_string_sized_new (strlen (text));
  fold_append (out, text);

  return g_string_free (out, FALSE);
}

const char *
pf_search_get_register_title (const char *register_id)
{
  g_return_val_if_fail (register_id != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (searched_registers); i++)
    {
      if (g_str_equal (searched_registers[i].id, register_id))
        return _(searched_registers[i].title);
    }

  return register_id;
}

/* ------------------------------------------------------------ the index */

static Entry *
add_entry (PfSearch           *self,
           PfSearchResultKind  kind,
           const char         *title,
           const char         *location,
           const char         *page_id)
{
  Entry entry = { 0 };

  entry.kind = kind;
  entry.title = title;
  entry.location = location;
  entry.page_id = page_id;
  entry.first_field = self->fields->len;
  g_array_append_val (self->entries, entry);

  return &g_array_index (self->entries, Entry, self->entries->len - 1);
}

static void
add_field (PfSearch   *self,
           const char *text)
{
  Field field;

  if (text == NULL || text[0] == '\0')
    return;

  field.text = text;
  field.offset = self->folded->len;
  field.entry = self->entries->len - 1;
  fold_append (self->folded, text);
  /* The newline ends the field: a query has none, so no match spans two. */
  g_string_append_c (self->folded, '\n');
  g_array_append_val (self->fields, field);
  g_array_index (self->entries, Entry, field.entry).n_fields++;
}

static const char *
choice_label (const PfQuestion *question,
              const char       *id)
{
  for (guint i = 0; question->choices != NULL && i < question->choices->len; i++)
    {
      PfChoice *choice = g_ptr_array_index (question->choices, i);

      if (g_str_equal (choice->id, id))
        return choice->label;
    }

  return id;
}

static void
index_questions (PfSearch *self)
{
  JsonObject *root = self->document ? pf_document_get_root (self->document) : NULL;
  JsonNode *answers_node = root ? json_object_get_member (root, "answers") : NULL;
  JsonObject *answers = answers_node && JSON_NODE_HOLDS_OBJECT (answers_node)
                        ? json_node_get_object (answers_node) : NULL;

  for (guint phase = 0; phase < PF_N_PHASES; phase++)
    {
      GPtrArray *steps = pf_catalog_get_steps (self->catalog, phase);

      for (guint i = 0; i < steps->len; i++)
        {
          PfStep *step = g_ptr_array_index (steps, i);

          for (guint j = 0; j < step->questions->len; j++)
            {
              const PfQuestion *question = g_ptr_array_index (step->questions, j);
              JsonNode *answer_node = answers ? json_object_get_member (answers, question->id) : NULL;
              Entry *entry;

              entry = add_entry (self, PF_SEARCH_RESULT_QUESTION, question->text,
                                 pf_phase_get_title (phase), pf_phase_get_id (phase));
              entry->question_id = question->id;
              add_field (self, question->text);
              add_field (self, question->why);

              if (answer_node != NULL && JSON_NODE_HOLDS_OBJECT (answer_node))
                {
                  JsonObject *answer = json_node_get_object (answer_node);
                  JsonNode *value = json_object_get_member (answer, "value");

                  if (value != NULL && JSON_NODE_HOLDS_VALUE (value) &&
                      json_node_get_value_type (value) == G_TYPE_STRING)
                    {
                      const char *text = json_node_get_string (value);

                      /* A choice is found by what the user read, not its id. */
                      if (question->type == PF_QUESTION_CHOICE)
                        text = choice_label (question, text);
                      /* A reference is found as the record itself. */
                      if (question->type != PF_QUESTION_REFERENCE)
                        add_field (self, text);
                    }
                  add_field (self, json_object_get_string_member_with_default (answer, "justification", NULL));
                }
            }
        }
    }
}

static void
index_business_question (PfSearch *self)
{
  const char *question = pf_document_get_business_question (self->document);
  const char *criterion = pf_document_get_success_criterion (self->document);

  if ((question == NULL || question[0] == '\0') && (criterion == NULL || criterion[0] == '\0'))
    return;

  add_entry (self, PF_SEARCH_RESULT_BUSINESS_QUESTION, question && question[0] ? question : criterion,
             pf_phase_get_title (PF_PHASE_BUSINESS_UNDERSTANDING),
             pf_phase_get_id (PF_PHASE_BUSINESS_UNDERSTANDING));
  add_field (self, question);
  add_field (self, criterion);
}

/* How a record reads in a list: its first field that says something. */
static const char *
record_title (JsonObject *record)
{
  static const char * const members[] = { "name", "title", "statement", "id" };

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      const char *text = json_object_get_string_member_with_default (record, members[i], NULL);

      if (text != NULL && text[0] != '\0')
        return text;
    }

  return "";
}

static void
index_records (PfSearch *self)
{
  for (guint r = 0; r < G_N_ELEMENTS (searched_registers); r++)
    {
      const PfRegister *reg = pf_schema_find_register (searched_registers[r].id);
      JsonArray *records = pf_document_get_records (self->document, reg->id);
      const char *location = _(searched_registers[r].title);

      for (guint i = 0; records != NULL && i < json_array_get_length (records); i++)
        {
          JsonObject *record = json_array_get_object_element (records, i);
          Entry *entry;

          if (record == NULL)
            continue;

          entry = add_entry (self, PF_SEARCH_RESULT_RECORD, record_title (record), location, reg->id);
          entry->register_id = reg->id;
          entry->record_id = json_object_get_string_member_with_default (record, "id", NULL);
          if (entry->record_id == NULL)
            {
              g_array_set_size (self->entries, self->entries->len - 1);
              continue;
            }

          for (const PfField *field = reg->fields; field->name != NULL; field++)
            {
              if (field->type == PF_FIELD_STRING || field->type == PF_FIELD_TEXT)
                add_field (self, json_object_get_string_member_with_default (record, field->name, NULL));
            }
        }
    }
}

static void
pf_search_rebuild (PfSearch *self)
{
  g_string_truncate (self->folded, 0);
  g_array_set_size (self->fields, 0);
  g_array_set_size (self->entries, 0);

  if (self->catalog != NULL)
    index_questions (self);
  if (self->document != NULL)
    {
      index_business_question (self);
      index_records (self);
    }

  self->dirty = FALSE;
}

/* ------------------------------------------------------------ results */

/* The field the byte @offset of the buffer belongs to. */
static guint
find_field (PfSearch *self,
            gsize     offset)
{
  guint low = 0, high = self->fields->len;

  while (high - low > 1)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (self->fields, Field, middle).offset <= offset)
        low = middle;
      else
        high = middle;
    }

  return low;
}

/* Maps a byte range of the folded text back to the original text. */
static void
unfold_range (const char  *text,
              gsize        folded_start,
              gsize        folded_length,
              const char **start,
              const char **end)
{
  g_autoptr(GString) scratch = g_string_new (NULL);
  gsize folded = 0;
  const char *p = text;

  *start = NULL;
  while (*p != '\0')
    {
      g_string_truncate (scratch, 0);
      fold_append_char (scratch, g_utf8_get_char (p));

      if (*start == NULL && folded + scratch->len > folded_start)
        *start = p;
      folded += scratch->len;
      p = g_utf8_next_char (p);
      if (*start != NULL && folded >= folded_start + folded_length)
        break;
    }

  if (*start == NULL)
    *start = p;
  *end = p;
}

#define SNIPPET_BEFORE 40   /* characters before the match */
#define SNIPPET_LENGTH 120  /* characters in all */

static void
append_one_line (GString    *out,
                 const char *start,
                 const char *end)
{
  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    {
      if (*p == '\n' || *p == '\r' || *p == '\t')
        {
          if (out->len == 0 || out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
}

static char *
make_snippet (const char *text,
              const char *match_start,
              const char *match_end,
              guint      *snippet_match_start,
              guint      *snippet_match_length)
{
  GString *out = g_string_new (NULL);
  const char *start = match_start;
  const char *end = match_end;
  glong used = g_utf8_pointer_to_offset (match_start, match_end);
  gsize before;

  for (guint i = 0; i < SNIPPET_BEFORE && start > text; i++)
    start = g_utf8_prev_char (start);
  /* Begin at a word where there is one close by. */
  if (start > text)
    {
      const char *space = start;

      while (space < match_start && *space != ' ' && *space != '\n')
        space++;
      if (space < match_start)
        start = space + 1;
    }
  used += g_utf8_pointer_to_offset (start, match_start);
  while (*end != '\0' && used < SNIPPET_LENGTH)
    {
      end = g_utf8_next_char (end);
      used++;
    }

  if (start > text)
    g_string_append (out, "…");
  append_one_line (out, start, match_start);
  before = out->len;
  append_one_line (out, match_start, match_end);
  *snippet_match_start = before;
  *snippet_match_length = out->len - before;
  append_one_line (out, match_end, end);
  if (*end != '\0')
    g_string_append (out, "…");

  return g_string_free (out, FALSE);
}

static PfSearchResult *
make_result (PfSearch    *self,
             const Entry *entry,
             const Field *field,
             gsize        folded_start,
             gsize        folded_length)
{
  PfSearchResult *result = g_new0 (PfSearchResult, 1);
  const char *match_start, *match_end;

  unfold_range (field->text, folded_start, folded_length, &match_start, &match_end);

  result->kind = entry->kind;
  result->title = g_strdup (entry->title);
  result->snippet = make_snippet (field->text, match_start, match_end,
                                  &result->match_start, &result->match_length);
  result->location = g_strdup (entry->location);
  result->page_id = g_strdup (entry->page_id);
  result->question_id = g_strdup (entry->question_id);
  result->register_id = g_strdup (entry->register_id);
  result->record_id = g_strdup (entry->record_id);

  return result;
}

void
pf_search_result_free (PfSearchResult *result)
{
  if (result == NULL)
    return;

  g_free (result->title);
  g_free (result->snippet);
  g_free (result->location);
  g_free (result->page_id);
  g_free (result->question_id);
  g_free (result->register_id);
  g_free (result->record_id);
  g_free (result);
}

/* ------------------------------------------------------------ object */

static void
document_changed_cb (PfSearch   *self,
                     const char *object,
                     const char *field,
                     PfDocument *document)
{
  self->dirty = TRUE;
}

static void
pf_search_dispose (GObject *object)
{
  PfSearch *self = (PfSearch *)object;

  g_clear_signal_handler (&self->changed_handler, self->document);
  g_clear_object (&self->document);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (pf_search_parent_class)->dispose (object);
}

static void
pf_search_finalize (GObject *object)
{
  PfSearch *self = (PfSearch *)object;

  g_string_free (self->folded, TRUE);
  g_array_unref (self->fields);
  g_array_unref (self->entries);

  G_OBJECT_CLASS (pf_search_parent_class)->finalize (object);
}

static void
pf_search_class_init (PfSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pf_search_dispose;
  object_class->finalize = pf_search_finalize;
}

static void
pf_search_init (PfSearch *self)
{
  self->folded = g_string_new (NULL);
  self->fields = g_array_new (FALSE, FALSE, sizeof (Field));
  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  self->dirty = TRUE;
}

/**
 * pf_search_new:
 * @catalog: the questions
 * @document: (nullable): the project
 *
 * Follows the changes of @document; the text is folded again at the first
 * query after a change.
 */
PfSearch *
pf_search_new (PfCatalog  *catalog,
               PfDocument *document)
{
  PfSearch *self;

  g_return_val_if_fail (PF_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (!document || PF_IS_DOCUMENT (document), NULL);

  self = g_object_new (PF_TYPE_SEARCH, NULL);
  self->catalog = g_object_ref (catalog);
  if (document != NULL)
    {
      self->document = g_object_ref (document);
      self->changed_handler = g_signal_connect_object (document, "changed",
                                                       G_CALLBACK (document_changed_cb), self,
                                                       G_CONNECT_SWAPPED);
    }

  return self;
}

PfCatalog *
pf_search_get_catalog (PfSearch *self)
{
  g_return_val_if_fail (PF_IS_SEARCH (self), NULL);

  return self->catalog;
}

void
pf_search_set_catalog (PfSearch  *self,
                       PfCatalog *catalog)
{
  g_return_if_fail (PF_IS_SEARCH (self));
  g_return_if_fail (PF_IS_CATALOG (catalog));

  if (g_set_object (&self->catalog, catalog))
    self->dirty = TRUE;
}

PfDocument *
pf_search_get_document (PfSearch *self)
{
  g_return_val_if_fail (PF_IS_SEARCH (self), NULL);

  return self->document;
}

/**
 * pf_search_query:
 * @text: what to find; surrounding white space does not count
 * @limit: at most this many results
 * @more: (out) (optional): set when more than @limit matched
 *
 * Returns: (transfer container): the matching questions first, in catalog
 *   order, then the business question, then the records, register by
 *   register. Each appears once, with a snippet of its first matching text.
 */
GPtrArray *
pf_search_query (PfSearch   *self,
                 const char *text,
                 guint       limit,
                 gboolean   *more)
{
  g_autofree char *folded = NULL;
  GPtrArray *results;
  const char *buffer, *hit;
  char *needle;
  gsize needle_length;

  g_return_val_if_fail (PF_IS_SEARCH (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  results = g_ptr_array_new_with_free_func ((GDestroyNotify)pf_search_result_free);
  if (more != NULL)
    *more = FALSE;

  folded = pf_search_fold (text);
  g_strdelimit (folded, "\r\n", ' ');
  needle = g_strstrip (folded);
  needle_length = strlen (needle);
  if (needle_length == 0 || limit == 0)
    return results;

  if (self->dirty)
    pf_search_rebuild (self);

  buffer = self->folded->str;
  for (const char *p = buffer; (hit = strstr (p, needle)) != NULL; )
    {
      guint field_index = find_field (self, hit - buffer);
      const Field *field = &g_array_index (self->fields, Field, field_index);
      const Entry *entry = &g_array_index (self->entries, Entry, field->entry);
      guint next_field = entry->first_field + entry->n_fields;

      if (results->len == limit)
        {
          if (more != NULL)
            *more = TRUE;
          break;
        }

      g_ptr_array_add (results, make_result (self, entry, field, hit - buffer - field->offset, needle_length));

      /* One result per entry: go on after its last field. */
      if (next_field >= self->fields->len)
        break;
      p = buffer + g_array_index (self->fields, Field, next_field).offset;
    }

  return results;
}
