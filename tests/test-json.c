/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pf-json.h"
#include "pf-json-parser.h"

/* The example of RFC 8785 §3.2.2, as the RFC gives it. */
static const char rfc_example[] =
  "{\n"
  "  \"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],\n"
  "  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
  "  \"literals\": [null, true, false]\n"
  "}\n";

static const char rfc_example_canonical[] =
  "{\"literals\":[null,true,false],"
  "\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
  "\"string\":\"\xe2\x82\xac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";

/* printf '%s' "$canonical" | sha256sum */
static const char rfc_example_sha256[] =
  "2d5e01a318d0f0879ab568c4be289c8b1f64ef8921a53c6277d5e069978baacb";

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);

  return node;
}

static char *
number_to_string (double value)
{
  GString *out = g_string_new (NULL);

  pf_json_append_number (out, value);

  return g_string_free (out, FALSE);
}

static double
double_from_bits (guint64 bits)
{
  double value;

  memcpy (&value, &bits, sizeof value);

  return value;
}

static void
test_json_rfc_example (void)
{
  g_autoptr(JsonNode) node = parse (rfc_example);
  g_autofree char *canonical = pf_json_to_canonical (node);

  g_assert_cmpstr (canonical, ==, rfc_example_canonical);
}

static void
test_json_rfc_sorting (void)
{
  /* RFC 8785 §3.2.3, in the RFC's order. */
  static const char input[] =
    "{\n"
    "  \"\\u20ac\": \"Euro Sign\",\n"
    "  \"\\r\": \"Carriage Return\",\n"
    "  \"\\ufb33\": \"Hebrew Letter Dalet With Dagesh\",\n"
    "  \"1\": \"One\",\n"
    "  \"\\ud83d\\ude00\": \"Emoji: Grinning Face\",\n"
    "  \"\\u0080\": \"Control\",\n"
    "  \"\\u00f6\": \"Latin Small Letter O With Diaeresis\"\n"
    "}";
  static const char expected[] =
    "{\"\\r\":\"Carriage Return\","
    "\"1\":\"One\","
    "\"\xc2\x80\":\"Control\","
    "\"\xc3\xb6\":\"Latin Small Letter O With Diaeresis\","
    "\"\xe2\x82\xac\":\"Euro Sign\","
    "\"\xf0\x9f\x98\x80\":\"Emoji: Grinning Face\","
    "\"\xef\xac\xb3\":\"Hebrew Letter Dalet With Dagesh\"}";
  g_autoptr(JsonNode) node = parse (input);
  g_autofree char *canonical = pf_json_to_canonical (node);

  g_assert_cmpstr (canonical, ==, expected);
}

static void
test_json_sorting_more (void)
{
  /* Supplementary characters sort as surrogates: after U+D7FF and before
   * U+E000; among themselves by code point; a prefix before its extensions. */
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *canonical = NULL;
  static const char *names[] = {
    "\xef\xbf\xbf",           /* U+FFFF */
    "\xf4\x8f\xbf\xbf",       /* U+10FFFF */
    "\xf0\x90\x80\x80",       /* U+10000 */
    "\xed\x9f\xbf",           /* U+D7FF */
    "\xee\x80\x80",           /* U+E000 */
    "ab",
    "a",
    "",
    "B",
    "a\xf0\x90\x80\x80",      /* "a" U+10000 */
    "a\xee\x80\x80",          /* "a" U+E000 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    json_object_set_int_member (object, names[i], i);
  json_node_set_object (node, object);

  canonical = pf_json_to_canonical (node);
  g_assert_cmpstr (canonical, ==,
                   "{\"\":7,\"B\":8,\"a\":6,\"ab\":5,"
                   "\"a\xf0\x90\x80\x80\":9,\"a\xee\x80\x80\":10,"
                   "\"\xed\x9f\xbf\":3,"
                   "\"\xf0\x90\x80\x80\":2,\"\xf4\x8f\xbf\xbf\":1,"
                   "\"\xee\x80\x80\":4,\"\xef\xbf\xbf\":0}");
}

static void
test_json_rfc_numbers (void)
{
  /* RFC 8785 Appendix B. */
  static const struct
  {
    guint64     bits;
    const char *expected;
  } rows[] = {
    { G_GUINT64_CONSTANT (0x0000000000000000), "0" },
    { G_GUINT64_CONSTANT (0x8000000000000000), "0" },
    { G_GUINT64_CONSTANT (0x0000000000000001), "5e-324" },
    { G_GUINT64_CONSTANT (0x8000000000000001), "-5e-324" },
    { G_GUINT64_CONSTANT (0x7fefffffffffffff), "1.7976931348623157e+308" },
    { G_GUINT64_CONSTANT (0xffefffffffffffff), "-1.7976931348623157e+308" },
    { G_GUINT64_CONSTANT (0x4340000000000000), "9007199254740992" },
    { G_GUINT64_CONSTANT (0xc340000000000000), "-9007199254740992" },
    { G_GUINT64_CONSTANT (0x4430000000000000), "295147905179352830000" },
    { G_GUINT64_CONSTANT (0x7fffffffffffffff), "null" },
    { G_GUINT64_CONSTANT (0x7ff0000000000000), "null" },
    { G_GUINT64_CONSTANT (0x44b52d02c7e14af5), "9.999999999999997e+22" },
    { G_GUINT64_CONSTANT (0x44b52d02c7e14af6), "1e+23" },
    { G_GUINT64_CONSTANT (0x44b52d02c7e14af7), "1.0000000000000001e+23" },
    { G_GUINT64_CONSTANT (0x444b1ae4d6e2ef4e), "999999999999999700000" },
    { G_GUINT64_CONSTANT (0x444b1ae4d6e2ef4f), "999999999999999900000" },
    { G_GUINT64_CONSTANT (0x444b1ae4d6e2ef50), "1e+21" },
    { G_GUINT64_CONSTANT (0x3eb0c6f7a0b5ed8c), "9.999999999999997e-7" },
    { G_GUINT64_CONSTANT (0x3eb0c6f7a0b5ed8d), "0.000001" },
    { G_GUINT64_CONSTANT (0x41b3de4355555553), "333333333.3333332" },
    { G_GUINT64_CONSTANT (0x41b3de4355555554), "333333333.33333325" },
    { G_GUINT64_CONSTANT (0x41b3de4355555555), "333333333.3333333" },
    { G_GUINT64_CONSTANT (0x41b3de4355555556), "333333333.3333334" },
    { G_GUINT64_CONSTANT (0x41b3de4355555557), "333333333.33333343" },
    { G_GUINT64_CONSTANT (0xbecbf647612f3696), "-0.0000033333333333333333" },
    { G_GUINT64_CONSTANT (0x43143ff3c1cb0959), "1424953923781206.2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *text = number_to_string (double_from_bits (rows[i].bits));

      g_assert_cmpstr (text, ==, rows[i].expected);
    }
}

static void
test_json_numbers (void)
{
  static const struct
  {
    double      value;
    const char *expected;
  } rows[] = {
    { 1.0, "1" },
    { -1.0, "-1" },
    { 0.5, "0.5" },
    { 0.1, "0.1" },
    { -0.25, "-0.25" },
    { 0.1 + 0.2, "0.30000000000000004" },
    { 1.0 / 3.0, "0.3333333333333333" },
    { 3.14159, "3.14159" },
    { 1e20, "100000000000000000000" },
    { 1e21, "1e+21" },
    { 1.5e21, "1.5e+21" },
    { 1e-6, "0.000001" },
    { 1.5e-6, "0.0000015" },
    { 1e-7, "1e-7" },
    { -1.25e-7, "-1.25e-7" },
    { 123456789012345680000.0, "123456789012345680000" },
    { 1e15, "1000000000000000" },
    { 1e15 + 0.5, "1000000000000000.5" },
    { 2251799813685248.5, "2251799813685248.5" },
    { 9007199254740993.0, "9007199254740992" },
    { 18014398509481984.0, "18014398509481984" },
    { 5e-324, "5e-324" },
    { 2.2250738585072014e-308, "2.2250738585072014e-308" },
    { 123e-20, "1.23e-18" },
    { 1e300, "1e+300" },
    { 0.001, "0.001" },
    { 100.0, "100" },
    { 1234.5678, "1234.5678" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *text = number_to_string (rows[i].value);

      g_assert_cmpstr (text, ==, rows[i].expected);
    }
}

static void
test_json_non_finite (void)
{
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);
  g_autofree char *nan_text = number_to_string (NAN);
  g_autofree char *inf_text = number_to_string (INFINITY);
  g_autofree char *minus_inf_text = number_to_string (-INFINITY);
  g_autofree char *canonical = NULL;
  g_autofree char *pretty = NULL;

  g_assert_cmpstr (nan_text, ==, "null");
  g_assert_cmpstr (inf_text, ==, "null");
  g_assert_cmpstr (minus_inf_text, ==, "null");

  json_array_add_double_element (array, NAN);
  json_array_add_double_element (array, -INFINITY);
  json_array_add_double_element (array, -0.0);
  json_node_set_array (node, array);

  canonical = pf_json_to_canonical (node);
  g_assert_cmpstr (canonical, ==, "[null,null,0]");
  pretty = pf_json_to_pretty (node);
  g_assert_cmpstr (pretty, ==, "[\n  null,\n  null,\n  0\n]\n");
}

static void
test_json_integers (void)
{
  static const struct
  {
    gint64      value;
    const char *expected;
  } rows[] = {
    { 0, "0" },
    { 42, "42" },
    { -42, "-42" },
    { G_GINT64_CONSTANT (9007199254740992), "9007199254740992" },
    { G_GINT64_CONSTANT (-9007199254740992), "-9007199254740992" },
    { G_GINT64_CONSTANT (9007199254740993), "9007199254740992" },
    { G_GINT64_CONSTANT (9007199254740995), "9007199254740996" },
    { G_MAXINT64, "9223372036854776000" },
    { G_MININT64, "-9223372036854776000" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(JsonNode) node = json_node_init_int (json_node_alloc (), rows[i].value);
      g_autofree char *canonical = pf_json_to_canonical (node);

      g_assert_cmpstr (canonical, ==, rows[i].expected);
    }
}

static void
test_json_strings (void)
{
  static const struct
  {
    const char *input;
    const char *expected;
  } rows[] = {
    { "", "\"\"" },
    { "plain", "\"plain\"" },
    { "\b\f\n\r\t", "\"\\b\\f\\n\\r\\t\"" },
    { "\x01\x1f\x7f", "\"\\u0001\\u001f\x7f\"" },
    { "\"\\/", "\"\\\"\\\\/\"" },
    { "caf\xc3\xa9 \xf0\x9f\x98\x80 \xe2\x80\xa8",
      "\"caf\xc3\xa9 \xf0\x9f\x98\x80 \xe2\x80\xa8\"" },
    /* Not UTF-8: a lone continuation byte, a truncated sequence, an overlong
     * "/", an encoded surrogate. */
    { "a\x80z", "\"a\xef\xbf\xbdz\"" },
    { "a\xe2\x82", "\"a\xef\xbf\xbd\xef\xbf\xbd\"" },
    { "\xc0\xaf", "\"\xef\xbf\xbd\xef\xbf\xbd\"" },
    { "\xed\xa0\x80", "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      pf_json_append_string (out, rows[i].input);
      g_assert_cmpstr (out->str, ==, rows[i].expected);
    }
}

static void
test_json_sha256 (void)
{
  g_autoptr(JsonNode) node = parse (rfc_example);
  g_autofree char *digest = pf_json_canonical_sha256 (node);
  g_autofree char *null_digest = pf_json_canonical_sha256 (NULL);

  g_assert_cmpstr (digest, ==, rfc_example_sha256);
  /* printf '%s' null | sha256sum */
  g_assert_cmpstr (null_digest, ==,
                   "74234e98afe7498fb5daf1f36ac2d78acc339464f950703b8c019892f982b90b");
}

static void
test_json_pretty (void)
{
  static const char input[] =
    "{\"zeta\": 1, \"alpha\": [true, false, null], \"empty_array\": [], "
    "\"empty_object\": {}, \"nested\": [{\"b\": \"x\\ty\", \"a\": 2.50}, {}, [[]], "
    "[{\"k\": 1e-7}]], \"number\": 1E21}";
  static const char expected[] =
    "{\n"
    "  \"zeta\": 1,\n"
    "  \"alpha\": [\n"
    "    true,\n"
    "    false,\n"
    "    null\n"
    "  ],\n"
    "  \"empty_array\": [],\n"
    "  \"empty_object\": {},\n"
    "  \"nested\": [\n"
    "    {\n"
    "      \"b\": \"x\\ty\",\n"
    "      \"a\": 2.5\n"
    "    },\n"
    "    {},\n"
    "    [\n"
    "      []\n"
    "    ],\n"
    "    [\n"
    "      {\n"
    "        \"k\": 1e-7\n"
    "      }\n"
    "    ]\n"
    "  ],\n"
    "  \"number\": 1e+21\n"
    "}\n";
  g_autoptr(JsonNode) node = parse (input);
  g_autofree char *pretty = pf_json_to_pretty (node);
  g_autoptr(GString) appended = g_string_new ("prefix ");

  g_assert_cmpstr (pretty, ==, expected);

  pf_json_append_pretty (appended, node);
  g_assert_true (g_str_has_prefix (appended->str, "prefix {\n"));
  g_assert_cmpstr (appended->str + strlen ("prefix "), ==, expected);
}

static void
test_json_scalars (void)
{
  g_autoptr(JsonNode) null_node = json_node_new (JSON_NODE_NULL);
  g_autoptr(JsonNode) string_node = json_node_init_string (json_node_alloc (), "hi");
  g_autoptr(JsonNode) bool_node = json_node_init_boolean (json_node_alloc (), TRUE);
  g_autoptr(JsonNode) empty_object = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonNode) empty_array = json_node_new (JSON_NODE_ARRAY);
  g_autoptr(JsonNode) empty_value = json_node_new (JSON_NODE_VALUE);
  struct
  {
    JsonNode   *node;
    const char *canonical;
  } rows[] = {
    { NULL, "null" },
    { null_node, "null" },
    { string_node, "\"hi\"" },
    { bool_node, "true" },
    { empty_object, "{}" },
    { empty_array, "[]" },
    { empty_value, "null" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *canonical = pf_json_to_canonical (rows[i].node);
      g_autofree char *pretty = pf_json_to_pretty (rows[i].node);
      g_autofree char *expected_pretty = g_strconcat (rows[i].canonical, "\n", NULL);

      g_assert_cmpstr (canonical, ==, rows[i].canonical);
      g_assert_cmpstr (pretty, ==, expected_pretty);
    }
}

static void
check_round_trip (JsonNode *node)
{
  g_autofree char *canonical = pf_json_to_canonical (node);
  g_autofree char *pretty = pf_json_to_pretty (node);
  g_autoptr(JsonNode) from_canonical = parse (canonical);
  g_autoptr(JsonNode) from_pretty = parse (pretty);
  g_autofree char *canonical_again = pf_json_to_canonical (from_canonical);
  g_autofree char *canonical_of_pretty = pf_json_to_canonical (from_pretty);
  g_autofree char *digest = pf_json_canonical_sha256 (node);
  g_autofree char *digest_again = pf_json_canonical_sha256 (from_pretty);

  g_assert_cmpstr (canonical_again, ==, canonical);
  g_assert_cmpstr (canonical_of_pretty, ==, canonical);
  g_assert_cmpstr (digest_again, ==, digest);
}

static void
test_json_round_trip (void)
{
  static const char *inputs[] = {
    "{\"control\": \"\\u0000x\\u0001\\u001f\\u007f\\b\\f\\n\\r\\t\", "
    "\"emoji\": \"\\ud83d\\ude00 \\ud83c\\udff3\\ufe0f\\u200d\\ud83c\\udf08\", "
    "\"quotes\": \"\\\"'\\\\/\\\\\\\"\", \"\\\"key\\\"\": \"\\u2028\\u2029\"}",
    "[1e300, -1e-300, 5e-324, 1.7976931348623157e308, 1e21, 1e-7, 0.000001, "
    "9.999999999999997e-7, 333333333.33333329, 0.1, -0.0, 0, 1e16, 1e18]",
    /* Not 2^63 - 1 or -2^63: they are written as 9223372036854776000, which
     * json-glib 1.6 reads back as a wrapped-around int64. */
    "[9007199254740991, 9007199254740992, 9007199254740993, -9007199254740993, "
    "-9007199254740995, 4611686018427387904, -4611686018427387905]",
    "{\"b\": {\"d\": [], \"c\": {}}, \"a\": [[{\"\\u00e9\": 1}, {\"e\\u0301\": 2}]], "
    "\"\\uffff\": 1, \"\\ud800\\udc00\": 2, \"\": null}",
    "\"\\ud83d\\ude00\"",
    "-12.5e-3",
    "[]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(JsonNode) node = parse (inputs[i]);

      check_round_trip (node);
    }
}

static void
test_json_large_array (void)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *canonical = NULL;
  g_autofree char *pretty = NULL;
  g_autofree char *digest = NULL;
  g_autoptr(JsonNode) reparsed = NULL;

  json_builder_begin_array (builder);
  for (int i = 0; i < 5000; i++)
    {
      g_autofree char *label = g_strdup_printf ("entry \xe2\x84\x96%d", i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "when");
      json_builder_add_int_value (builder, G_GINT64_CONSTANT (1700000000000000) + i);
      json_builder_set_member_name (builder, "what");
      json_builder_add_string_value (builder, label);
      json_builder_set_member_name (builder, "score");
      json_builder_add_double_value (builder, i / 7.0);
      json_builder_set_member_name (builder, "tags");
      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, "a");
      json_builder_add_boolean_value (builder, i % 2 == 0);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  node = json_builder_get_root (builder);

  canonical = pf_json_to_canonical (node);
  pretty = pf_json_to_pretty (node);
  digest = pf_json_canonical_sha256 (node);

  g_assert_true (g_str_has_prefix (canonical, "[{\"score\":0,\"tags\":[\"a\",true],"
                                               "\"what\":\"entry \xe2\x84\x96" "0\","
                                               "\"when\":1700000000000000},"));
  g_assert_true (g_str_has_suffix (canonical, "\"when\":1700000000004999}]"));
  g_assert_true (g_str_has_suffix (pretty, "}\n]\n"));
  g_assert_cmpuint (strlen (digest), ==, 64);

  reparsed = parse (pretty);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (reparsed)), ==, 5000);
}

static void
test_json_deep (void)
{
  /* Writing keeps its own stack, so nesting depth is not limited by the C
   * stack (json-glib itself frees trees recursively, so stay moderate). */
  const guint depth = 10000;
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  JsonNode *node = root;
  g_autofree char *canonical = NULL;
  g_autofree char *pretty = NULL;
  g_autofree char *opening = NULL;
  g_autofree char *closing = NULL;
  g_autofree char *expected = NULL;

  for (guint i = 0; i < depth; i++)
    {
      JsonArray *array = json_array_new ();
      JsonNode *child = json_node_new (JSON_NODE_ARRAY);

      json_node_take_array (node, array);
      json_array_add_element (array, child);
      node = child;
    }

  canonical = pf_json_to_canonical (root);
  opening = g_strnfill (depth + 1, '[');
  closing = g_strnfill (depth + 1, ']');
  expected = g_strconcat (opening, closing, NULL);
  g_assert_cmpstr (canonical, ==, expected);

  pretty = pf_json_to_pretty (root);
  g_assert_true (g_str_has_suffix (pretty, "\n]\n"));
}

/* The canonical hash taken straight from the text (how the audit trail of
 * a file is verified) equals the one of the parsed tree, whatever the
 * file's spelling of the same values. */
static void
test_json_text_canonical (void)
{
  static const char * const texts[] = {
    "{}",
    "{\"hash\": \"x\"}",
    "{\"b\": 1, \"a\": 2, \"hash\": \"left out\", \"c\": {\"z\": [], \"y\": {}, \"x\": [1, {\"b\": null, \"a\": true}]}}",
    "{ \"s\" : \"caf\\u00e9 \\ud83d\\ude00 \\/ \\n \\t \\\" \\\\ \\u001f\" , \"lone\": \"\\ud800x\" }",
    "{\"\\u00e9\": 1, \"e\": 2, \"\\ud83d\\ude00\": 3, \"\\ufb33\": 4, \"\\u0080\": 5}",
    "{\"n\": [1.0, 1e21, 1E21, -0, -0.0, 0.1, 1e-7, 123456789012345678, 9007199254740993, 1e400, 12345678901234567890123]}",
    "{\"n\": [0, -1, 42, 100000000000000, 999999999999999, 1000000000000000, 4.50, 2e-3]}",
    "{\"dup\": 1, \"dup\": 2}",
    "{\n  \"seq\": 3,\n  \"old\": {\n    \"id\": \"feature-1\",\n    \"name\": \"age\"\n  },\n  \"new\": null\n}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) root = pf_json_parse (texts[i], strlen (texts[i]), &error);
      g_autofree char *from_tree = NULL;
      g_autofree char *from_text = NULL;

      g_test_message ("%s", texts[i]);
      g_assert_no_error (error);
      from_tree = pf_json_object_canonical_sha256_without (json_node_get_object (root), "hash");
      from_text = pf_json_text_canonical_sha256_without (texts[i], strlen (texts[i]), "hash", NULL, 0);
      g_assert_cmpstr (from_text, ==, from_tree);
    }

  /* Members found on the way. */
  {
    const char *text = "{\"seq\": 7, \"prev\": \"ab\", \"x\": {\"seq\": 9}}";
    PfJsonTextMember members[] = { { "seq" }, { "prev" }, { "missing" } };
    g_autofree char *hash = pf_json_text_canonical_sha256_without (text, strlen (text), "hash", members, 3);
    g_autofree char *prev = NULL;

    g_assert_nonnull (hash);
    g_assert_cmpmem (members[0].value, members[0].length, "7", 1);
    prev = pf_json_text_dup_string (members[1].value, members[1].length);
    g_assert_cmpstr (prev, ==, "ab");
    g_assert_null (members[2].value);
  }

  /* Text that is not one object gives no hash. */
  {
    static const char * const bad[] = { "", "[1]", "{\"a\": }", "{\"a\": 1", "{\"a\": 1} x", "{\"a\": \"\\u0000\"}", "{\"a\" 1}" };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      g_assert_null (pf_json_text_canonical_sha256_without (bad[i], strlen (bad[i]), "hash", NULL, 0));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/rfc8785/example", test_json_rfc_example);
  g_test_add_func ("/json/rfc8785/sorting", test_json_rfc_sorting);
  g_test_add_func ("/json/rfc8785/numbers", test_json_rfc_numbers);
  g_test_add_func ("/json/canonical/sorting", test_json_sorting_more);
  g_test_add_func ("/json/canonical/numbers", test_json_numbers);
  g_test_add_func ("/json/canonical/non-finite", test_json_non_finite);
  g_test_add_func ("/json/canonical/integers", test_json_integers);
  g_test_add_func ("/json/canonical/strings", test_json_strings);
  g_test_add_func ("/json/canonical/scalars", test_json_scalars);
  g_test_add_func ("/json/sha256", test_json_sha256);
  g_test_add_func ("/json/pretty", test_json_pretty);
  g_test_add_func ("/json/round-trip", test_json_round_trip);
  g_test_add_func ("/json/large-array", test_json_large_array);
  g_test_add_func ("/json/deep", test_json_deep);
  g_test_add_func ("/json/text-canonical", test_json_text_canonical);

  return g_test_run ();
}
