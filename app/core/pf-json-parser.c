/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "pf-json-parser.h"

/* A strict RFC 8259 parser that builds a json-glib tree. json-glib's own
 * parser reads about 50 MB/s; a project with thousands of features and tens
 * of thousands of audit entries must open in well under a second, and this
 * one spends its time almost only on building the tree.
 *
 * Integers that do not fit in 64 bits are read as doubles, the way the
 * writer writes them, instead of wrapping around. */

G_DEFINE_QUARK (pf-json-parse-error-quark, pf_json_parse_error)

typedef struct
{
  const char *start;
  const char *p;
  const char *end;
  GString    *buffer;   /* scratch for strings with escapes and for keys */
  GError    **error;
  guint       depth;
  /* A member of the top-level object whose array is only scanned: its
   * elements' spans go to raw_spans and the tree gets an empty array. */
  const char *raw_member;
  GArray     *raw_spans;
} Parser;

static JsonNode *parse_value (Parser *parser);

static gboolean
fail (Parser     *parser,
      const char *message)
{
  guint line = 1, column = 1;

  /* "Expected “,”" at the very end means the file was cut short. */
  if (parser->p >= parser->end)
    message = _("the text ends before everything that was opened is closed: the file may be cut short");

  for (const char *q = parser->start; q < parser->p && q < parser->end; q++)
    {
      if (*q == '\n')
        {
          line++;
          column = 1;
        }
      else if (((guchar)*q & 0xc0) != 0x80)
        {
          column++;
        }
    }

  /* Translators: the last %s says what is wrong, e.g. "expected “,” or “}”". */
  g_set_error (parser->error, PF_JSON_PARSE_ERROR, 0,
               _("Line %u, column %u: %s"), line, column, message);
  return FALSE;
}

static inline void
skip_space (Parser *parser)
{
  const char *p = parser->p;

  while (p < parser->end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
    p++;
  parser->p = p;
}

static inline int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (Parser  *parser,
           guint32 *value)
{
  guint32 v = 0;

  if (parser->end - parser->p < 4)
    return fail (parser, _("incomplete \\u escape"));

  for (int i = 0; i < 4; i++)
    {
      int h = hex_value (parser->p[i]);

      if (h < 0)
        return fail (parser, _("invalid \\u escape"));
      v = (v << 4) | h;
    }

  parser->p += 4;
  *value = v;
  return TRUE;
}

/* Reads a string after its opening quote into parser->buffer. */
static gboolean
read_string (Parser *parser)
{
  GString *buffer = parser->buffer;
  const char *p = parser->p;
  const char *run = p;

  g_string_truncate (buffer, 0);

  for (;;)
    {
      guchar c;

      while (p < parser->end && (c = *p) != '"' && c != '\\' && c >= 0x20)
        p++;

      if (p >= parser->end)
        {
          parser->p = p;
          return fail (parser, _("the text ends inside a string"));
        }

      g_string_append_len (buffer, run, p - run);
      c = *p;

      if (c == '"')
        {
          parser->p = p + 1;
          return TRUE;
        }

      if (c < 0x20)
        {
          parser->p = p;
          return fail (parser, _("a control character inside a string must be escaped"));
        }

      /* A backslash escape. */
      p++;
      if (p >= parser->end)
        {
          parser->p = p;
          return fail (parser, _("the text ends inside a string"));
        }

      switch (*p++)
        {
        case '"':  g_string_append_c (buffer, '"'); break;
        case '\\': g_string_append_c (buffer, '\\'); break;
        case '/':  g_string_append_c (buffer, '/'); break;
        case 'b':  g_string_append_c (buffer, '\b'); break;
        case 'f':  g_string_append_c (buffer, '\f'); break;
        case 'n':  g_string_append_c (buffer, '\n'); break;
        case 'r':  g_string_append_c (buffer, '\r'); break;
        case 't':  g_string_append_c (buffer, '\t'); break;
        case 'u':
          {
            guint32 unit, low;

            parser->p = p;
            if (!read_hex4 (parser, &unit))
              return FALSE;
            p = parser->p;

            if (unit >= 0xd800 && unit <= 0xdbff &&
                parser->end - p >= 6 && p[0] == '\\' && p[1] == 'u')
              {
                parser->p = p + 2;
                if (!read_hex4 (parser, &low))
                  return FALSE;
                if (low >= 0xdc00 && low <= 0xdfff)
                  {
                    unit = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
                    p = parser->p;
                  }
                else
                  {
                    /* A lone high surrogate: keep the next escape for the next round. */
                    unit = 0xfffd;
                  }
              }
            else if (unit >= 0xd800 && unit <= 0xdfff)
              {
                unit = 0xfffd;
              }

            /* U+0000 cannot live in a C string: json-glib would cut the
             * string there, so it is refused. */
            if (unit == 0)
              {
                parser->p = p - 6;
                return fail (parser, _("\\u0000 is not allowed in a project file"));
              }

            g_string_append_unichar (buffer, unit);
          }
          break;

        default:
          parser->p = p - 1;
          return fail (parser, _("invalid escape in a string"));
        }

      run = p;
    }
}

static JsonNode *
parse_number (Parser *parser)
{
  const char *p = parser->p;
  const char *begin = p;
  gboolean integral = TRUE;
  char local[64];
  char *text;
  JsonNode *node;

  if (p < parser->end && *p == '-')
    p++;
  if (p >= parser->end || !g_ascii_isdigit (*p))
    {
      parser->p = p;
      fail (parser, _("invalid number"));
      return NULL;
    }
  if (*p == '0')
    p++;
  else
    while (p < parser->end && g_ascii_isdigit (*p))
      p++;

  if (p < parser->end && *p == '.')
    {
      integral = FALSE;
      p++;
      if (p >= parser->end || !g_ascii_isdigit (*p))
        {
          parser->p = p;
          fail (parser, _("invalid number"));
          return NULL;
        }
      while (p < parser->end && g_ascii_isdigit (*p))
        p++;
    }

  if (p < parser->end && (*p == 'e' || *p == 'E'))
    {
      integral = FALSE;
      p++;
      if (p < parser->end && (*p == '+' || *p == '-'))
        p++;
      if (p >= parser->end || !g_ascii_isdigit (*p))
        {
          parser->p = p;
          fail (parser, _("invalid number"));
          return NULL;
        }
      while (p < parser->end && g_ascii_isdigit (*p))
        p++;
    }

  /* The number is not NUL-terminated inside the file. */
  if ((gsize)(p - begin) < sizeof local)
    {
      memcpy (local, begin, p - begin);
      local[p - begin] = '\0';
      text = local;
    }
  else
    {
      text = g_strndup (begin, p - begin);
    }

  node = json_node_alloc ();
  if (integral)
    {
      gint64 value;
      char *end;

      errno = 0;
      value = g_ascii_strtoll (text, &end, 10);
      if (errno == ERANGE)
        json_node_init_double (node, g_ascii_strtod (text, NULL));
      else
        json_node_init_int (node, value);
    }
  else
    {
      json_node_init_double (node, g_ascii_strtod (text, NULL));
    }

  if (text != local)
    g_free (text);

  parser->p = p;
  return node;
}

static gboolean
expect_literal (Parser     *parser,
                const char *literal,
                gsize       length)
{
  if ((gsize)(parser->end - parser->p) < length || memcmp (parser->p, literal, length) != 0)
    return fail (parser, _("unexpected text"));

  parser->p += length;
  return TRUE;
}

/* After an element of an array or object: TRUE with *more for a comma,
 * TRUE without for the closing bracket, FALSE (and the error) else. */
static gboolean
after_element (Parser   *parser,
               char      close,
               gboolean *more)
{
  skip_space (parser);
  *more = FALSE;

  if (parser->p < parser->end && *parser->p == ',')
    {
      parser->p++;
      *more = TRUE;
      return TRUE;
    }
  if (parser->p < parser->end && *parser->p == close)
    {
      parser->p++;
      return TRUE;
    }

  return fail (parser, close == '}' ? _("expected “,” or “}”") : _("expected “,” or “]”"));
}

/* Checks the value at parser->p as parse_value() would, without building
 * it, and leaves parser->p after it. */
static gboolean
check_value (Parser *parser)
{
  const char *p;

  skip_space (parser);
  if (parser->p >= parser->end)
    return fail (parser, _("the text ends where a value was expected"));

  switch (*parser->p)
    {
    case '{':
    case '[':
      {
        gboolean is_object = *parser->p == '{';
        char close = is_object ? '}' : ']';
        gboolean ok = TRUE;
        gboolean more;

        if (parser->depth >= PF_JSON_MAX_DEPTH)
          {
            g_autofree char *message = g_strdup_printf (_("nested deeper than %d levels"), PF_JSON_MAX_DEPTH);

            return fail (parser, message);
          }
        parser->depth++;
        parser->p++;
        skip_space (parser);
        if (parser->p < parser->end && *parser->p == close)
          {
            parser->p++;
            parser->depth--;
            return TRUE;
          }
        for (;;)
          {
            if (is_object)
              {
                skip_space (parser);
                if (parser->p >= parser->end || *parser->p != '"')
                  {
                    ok = fail (parser, _("expected a member name in double quotes"));
                    break;
                  }
                parser->p++;
                if (!(ok = read_string (parser)))
                  break;
                skip_space (parser);
                if (parser->p >= parser->end || *parser->p != ':')
                  {
                    ok = fail (parser, _("expected “:” after a member name"));
                    break;
                  }
                parser->p++;
              }
            if (!(ok = check_value (parser)) || !(ok = after_element (parser, close, &more)) || !more)
              break;
          }
        parser->depth--;
        return ok;
      }

    case '"':
      parser->p++;
      return read_string (parser);

    case 't':
      return expect_literal (parser, "true", 4);

    case 'f':
      return expect_literal (parser, "false", 5);

    case 'n':
      return expect_literal (parser, "null", 4);

    default:
      /* parse_number() checks the grammar; the node it makes is dropped. */
      p = parser->p;
      if (*p == '-' || g_ascii_isdigit (*p))
        {
          JsonNode *number = parse_number (parser);

          if (number == NULL)
            return FALSE;
          json_node_unref (number);
          return TRUE;
        }
      return fail (parser, _("unexpected character"));
    }
}

/* From "[", checks each element as the parser would and records where its
 * text is, without building anything. */
static gboolean
scan_array (Parser *parser,
            GArray *spans)
{
  gboolean more;

  /* A member given twice counts once, as json-glib keeps the last one. */
  g_array_set_size (spans, 0);

  parser->depth++;
  parser->p++;
  skip_space (parser);
  if (parser->p < parser->end && *parser->p == ']')
    {
      parser->p++;
      parser->depth--;
      return TRUE;
    }

  for (;;)
    {
      PfJsonSpan span;

      skip_space (parser);
      span.offset = parser->p - parser->start;
      if (!check_value (parser))
        return FALSE;
      span.length = (parser->p - parser->start) - span.offset;
      g_array_append_val (spans, span);

      if (!after_element (parser, ']', &more))
        return FALSE;
      if (!more)
        break;
    }

  parser->depth--;
  return TRUE;
}

static JsonNode *
parse_object (Parser *parser)
{
  JsonObject *object = json_object_new ();
  JsonNode *node;
  gboolean more;

  parser->p++; /* { */
  skip_space (parser);

  if (parser->p < parser->end && *parser->p == '}')
    {
      parser->p++;
      goto done;
    }

  for (;;)
    {
      /* The scratch buffer is reused by the value: keep the name apart,
       * on the stack when it is short, as names nearly always are. */
      char local[128];
      g_autofree char *allocated = NULL;
      const char *key;
      JsonNode *value;

      skip_space (parser);
      if (parser->p >= parser->end || *parser->p != '"')
        {
          fail (parser, _("expected a member name in double quotes"));
          json_object_unref (object);
          return NULL;
        }
      parser->p++;
      if (!read_string (parser))
        {
          json_object_unref (object);
          return NULL;
        }
      if (parser->buffer->len < sizeof local)
        {
          memcpy (local, parser->buffer->str, parser->buffer->len + 1);
          key = local;
        }
      else
        {
          key = allocated = g_strndup (parser->buffer->str, parser->buffer->len);
        }

      skip_space (parser);
      if (parser->p >= parser->end || *parser->p != ':')
        {
          fail (parser, _("expected “:” after a member name"));
          json_object_unref (object);
          return NULL;
        }
      parser->p++;

      skip_space (parser);
      if (parser->raw_member != NULL && parser->depth == 1 &&
          parser->p < parser->end && *parser->p == '[' &&
          g_str_equal (key, parser->raw_member))
        {
          if (!scan_array (parser, parser->raw_spans))
            {
              json_object_unref (object);
              return NULL;
            }
          value = json_node_init_array (json_node_alloc (), NULL);
          json_node_take_array (value, json_array_new ());
        }
      else
        {
          /* A later "audit" that is not an array replaces the earlier one. */
          if (parser->raw_member != NULL && parser->depth == 1 && g_str_equal (key, parser->raw_member))
            g_array_set_size (parser->raw_spans, 0);
          if (!(value = parse_value (parser)))
            {
              json_object_unref (object);
              return NULL;
            }
        }
      json_object_set_member (object, key, value);

      if (!after_element (parser, '}', &more))
        {
          json_object_unref (object);
          return NULL;
        }
      if (!more)
        break;
    }

done:
  node = json_node_alloc ();
  json_node_init_object (node, object);
  json_object_unref (object);
  return node;
}

static JsonNode *
parse_array (Parser *parser)
{
  JsonArray *array = json_array_new ();
  JsonNode *node;
  gboolean more;

  parser->p++; /* [ */
  skip_space (parser);

  if (parser->p < parser->end && *parser->p == ']')
    {
      parser->p++;
      goto done;
    }

  for (;;)
    {
      JsonNode *value;

      if (!(value = parse_value (parser)))
        {
          json_array_unref (array);
          return NULL;
        }
      json_array_add_element (array, value);

      if (!after_element (parser, ']', &more))
        {
          json_array_unref (array);
          return NULL;
        }
      if (!more)
        break;
    }

done:
  node = json_node_alloc ();
  json_node_init_array (node, array);
  json_array_unref (array);
  return node;
}

static JsonNode *
parse_value (Parser *parser)
{
  JsonNode *node;

  skip_space (parser);
  if (parser->p >= parser->end)
    {
      fail (parser, _("the text ends where a value was expected"));
      return NULL;
    }

  switch (*parser->p)
    {
    case '{':
    case '[':
      if (parser->depth >= PF_JSON_MAX_DEPTH)
        {
          g_autofree char *message = g_strdup_printf (_("nested deeper than %d levels"), PF_JSON_MAX_DEPTH);

          fail (parser, message);
          return NULL;
        }
      parser->depth++;
      node = *parser->p == '{' ? parse_object (parser) : parse_array (parser);
      parser->depth--;
      return node;

    case '"':
      parser->p++;
      if (!read_string (parser))
        return NULL;
      node = json_node_alloc ();
      json_node_init_string (node, parser->buffer->str);
      return node;

    case 't':
      if (!expect_literal (parser, "true", 4))
        return NULL;
      return json_node_init_boolean (json_node_alloc (), TRUE);

    case 'f':
      if (!expect_literal (parser, "false", 5))
        return NULL;
      return json_node_init_boolean (json_node_alloc (), FALSE);

    case 'n':
      if (!expect_literal (parser, "null", 4))
        return NULL;
      return json_node_init_null (json_node_alloc ());

    default:
      if (*parser->p == '-' || g_ascii_isdigit (*parser->p))
        return parse_number (parser);
      fail (parser, _("unexpected character"));
      return NULL;
    }
}

/**
 * pf_json_parse:
 * @data: UTF-8 JSON text; a byte-order mark is skipped
 *
 * Returns: (transfer full): the tree, or %NULL with @error saying where and
 *   what the problem is: "Line 3, column 7: expected “,” or “}”"
 */
JsonNode *
pf_json_parse (const char  *data,
               gsize        length,
               GError     **error)
{
  return pf_json_parse_with_raw_member (data, length, NULL, NULL, error);
}

/**
 * pf_json_parse_with_raw_member:
 * @raw_member: (nullable): a member of the top-level object whose array is
 *   not parsed
 * @raw_spans: (nullable): where the element texts of that array go, as
 *   #PfJsonSpan relative to @data
 *
 * Like pf_json_parse(), but leaves the elements of one large array for
 * later: the tree holds an empty array there, and @raw_spans where each
 * element's text is.
 */
JsonNode *
pf_json_parse_with_raw_member (const char  *data,
                               gsize        length,
                               const char  *raw_member,
                               GArray      *raw_spans,
                               GError     **error)
{
  g_autoptr(GString) buffer = g_string_sized_new (256);
  Parser parser = {
    .start = data,
    .p = data,
    .end = data + length,
    .buffer = buffer,
    .error = error,
    .raw_member = raw_spans ? raw_member : NULL,
    .raw_spans = raw_spans,
  };
  JsonNode *root;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    parser.p += 3;

  if (!(root = parse_value (&parser)))
    return NULL;

  skip_space (&parser);
  if (parser.p < parser.end)
    {
      fail (&parser, _("unexpected text after the end of the document"));
      json_node_unref (root);
      return NULL;
    }

  return root;
}
