/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes the fuzzer's seed corpus: realistic projects made through the
 * public API (every register, answers, the business question's history,
 * current, stale and withdrawn sign-offs, the audit chain) and edge cases
 * derived from them. Usage: gen-corpus OUTPUT-FOLDER
 *
 * The files hold times and random ids, so each run writes other bytes:
 * regenerate only when the format changes.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "pf-document.h"
#include "pf-json.h"
#include "pf-schema.h"

static const char *outdir;

#define OK(call) \
  G_STMT_START { \
    g_autoptr(GError) ok_error = NULL; \
    GError **error = &ok_error; \
    if (!(call)) \
      g_error ("%s: %s", #call, ok_error ? ok_error->message : "failed"); \
  } G_STMT_END

static void
write_file (const char *name,
            const char *contents,
            gssize      length)
{
  g_autofree char *path = g_build_filename (outdir, name, NULL);
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, contents, length, &error))
    g_error ("%s", error->message);
  printf ("%s\n", path);
}

static void
write_document (const char *name,
                PfDocument *document)
{
  g_autoptr(GBytes) bytes = pf_document_serialize (document);

  write_file (name, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
write_tree (const char *name,
            JsonNode   *root)
{
  g_autofree char *text = pf_json_to_pretty (root);

  write_file (name, text, -1);
}

/* The document's file as a tree to be changed by hand. */
static JsonNode *
dup_tree (PfDocument *document)
{
  g_autoptr(GBytes) bytes = pf_document_serialize (document);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
    g_error ("%s", error->message);

  return json_node_copy (json_parser_get_root (parser));
}

static void
set_field (PfDocument *document,
           const char *reg,
           const char *id,
           const char *field,
           const char *value)
{
  g_autofree char *object = g_strconcat (reg, "/", id, NULL);

  OK (pf_document_set_string (document, object, field, value, error));
}

static PfDocument *
make_full (void)
{
  PfDocument *document = pf_document_new ();
  g_autoptr(JsonNode) yes = json_node_init_boolean (json_node_alloc (), TRUE);
  g_autoptr(JsonNode) rows = json_node_init_int (json_node_alloc (), 120000);
  g_autoptr(JsonNode) answer = json_node_init_string (json_node_alloc (), "Reduce churn by 5 % in a year");
  g_autoptr(JsonNode) metrics = NULL;
  g_autofree char *stale = NULL;
  g_autofree char *withdrawn = NULL;
  g_autofree char *id = NULL;

  pf_document_set_actor (document, "Ada Lovelace");
  OK (pf_document_set_string (document, "metadata", "title", "Customer churn", error));
  OK (pf_document_set_string (document, "metadata", "description", "Which customers leave, and why", error));
  OK (pf_document_change_business_question (document, "Which customers will cancel next month?",
                                            "Top-decile lift ≥ 3", NULL, error));
  OK (pf_document_change_business_question (document, "Which customers will cancel within 60 days?",
                                            "Top-decile lift ≥ 3 on a held-out quarter",
                                            "Retention campaigns need two months", error));
  OK (pf_document_set_answer (document, "business-understanding.objective", answer, error));
  OK (pf_document_set_not_applicable (document, "deployment-plan.rollback", "Batch scoring only", error));
  OK (pf_document_set_answer (document, "privacy-review.legal-basis", answer, error));

  for (guint i = 0; i < pf_schema_get_n_registers (); i++)
    {
      const PfRegister *reg = pf_schema_get_register (i);

      for (guint k = 0; k < 2; k++)
        {
          g_autofree char *record = NULL;

          OK ((record = pf_document_add_record (document, reg->id, error)));
          for (const PfField *field = reg->fields; field->name != NULL; field++)
            {
              g_autofree char *object = g_strconcat (reg->id, "/", record, NULL);
              g_autoptr(JsonNode) value = NULL;

              switch (field->type)
                {
                case PF_FIELD_ENUM:
                  value = json_node_init_string (json_node_alloc (), field->choices[1 + k]);
                  break;
                case PF_FIELD_BOOLEAN:
                  value = json_node_init_boolean (json_node_alloc (), k == 0);
                  break;
                case PF_FIELD_INTEGER:
                  value = json_node_init_int (json_node_alloc (), 1000 * (k + 1));
                  break;
                case PF_FIELD_NUMBER:
                  value = json_node_init_double (json_node_alloc (), 0.25);
                  break;
                case PF_FIELD_TIME:
                  value = json_node_init_string (json_node_alloc (), "2024-03-01T09:30:00.000Z");
                  break;
                case PF_FIELD_OBJECT:
                  {
                    JsonObject *object_value = json_object_new ();

                    json_object_set_double_member (object_value, "missing-ratio", 0.0125);
                    json_object_set_int_member (object_value, "duplicates", 3);
                    value = json_node_init_object (json_node_alloc (), object_value);
                    json_object_unref (object_value);
                  }
                  break;
                case PF_FIELD_ANY:
                  value = json_node_init_null (json_node_alloc ());
                  break;
                case PF_FIELD_STRING:
                case PF_FIELD_TEXT:
                default:
                  {
                    g_autofree char *text = g_strdup_printf ("%s %s of %s", field->name, record, reg->id);

                    value = json_node_init_string (json_node_alloc (), text);
                  }
                  break;
                }
              OK (pf_document_set_value (document, object, field->name, value, error));
            }
        }
    }

  OK (pf_document_set_value (document, "dataset-scans/scan-1", "rows", rows, error));
  set_field (document, "features", "feature-1", "verdict", "drop");
  set_field (document, "features", "feature-2", "rationale", "Known only after the customer cancels");

  OK ((id = pf_document_sign_off (document, "phase:business-understanding", "Grace Hopper", "Product owner",
                                  "approved", NULL, error)));
  OK ((id = pf_document_sign_off (document, "privacy-review", "Alan Turing", "Data protection officer",
                                  "approved-with-conditions", "Pseudonymise customer ids", error)));
  OK ((stale = pf_document_sign_off (document, "leakage-review", "Grace Hopper", "Lead data scientist",
                                     "reviewed", NULL, error)));
  OK ((withdrawn = pf_document_sign_off (document, "deployment-plan", "Alan Turing", "Operations",
                                         "acknowledged", NULL, error)));
  OK ((id = pf_document_withdraw_sign_off (document, withdrawn, "Alan Turing", "Operations",
                                           "Rollback plan missing", error)));
  OK ((id = pf_document_sign_off (document, "project", "Ada Lovelace", "Sponsor", "rejected",
                                  "Not before the leakage review is done", error)));
  /* Makes the leakage review sign-off stale. */
  set_field (document, "features", "feature-2", "verdict", "keep");
  pf_document_record_event (document, "export", "project", "churn-report.pdf");

  if (pf_document_get_sign_off_state (document, stale, NULL) != PF_SIGN_OFF_STALE)
    g_error ("the leakage review sign-off should be stale");

  return document;
}

/* Arrays and objects @depth deep. */
static JsonNode *
nested (guint depth)
{
  JsonNode *node = json_node_init_string (json_node_alloc (), "bottom");

  for (guint i = 0; i < depth; i++)
    {
      if (i % 2)
        {
          JsonArray *array = json_array_new ();

          json_array_add_element (array, node);
          node = json_node_init_array (json_node_alloc (), array);
          json_array_unref (array);
        }
      else
        {
          JsonObject *object = json_object_new ();

          json_object_set_member (object, "deeper", node);
          node = json_node_init_object (json_node_alloc (), object);
          json_object_unref (object);
        }
    }

  return node;
}

static JsonObject *
object_at (JsonNode   *root,
           const char *path)
{
  g_autoptr(JsonPath) json_path = json_path_new ();
  g_autoptr(JsonNode) found = NULL;
  g_autoptr(GError) error = NULL;

  if (!json_path_compile (json_path, path, &error))
    g_error ("%s", error->message);
  found = json_path_match (json_path, root);

  return json_array_get_object_element (json_node_get_array (found), 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PfDocument) empty = NULL;
  g_autoptr(PfDocument) full = NULL;

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s OUTPUT-FOLDER\n", argv[0]);
      return 2;
    }
  outdir = argv[1];
  g_mkdir_with_parents (outdir, 0755);

  write_file ("minimal.preflight", "{\"format\":\"preflight-project\",\"format-version\":1}\n", -1);

  empty = pf_document_new ();
  pf_document_set_actor (empty, "Ada Lovelace");
  write_document ("new-project.preflight", empty);

  full = make_full ();
  write_document ("full.preflight", full);

  /* A newer version's file, with members this version does not know. */
  {
    g_autoptr(JsonNode) root = dup_tree (full);
    JsonObject *object = json_node_get_object (root);
    JsonObject *extra = json_object_new ();

    json_object_set_int_member (object, "format-version", 2);
    json_object_set_string_member (extra, "note", "added in format 2");
    json_object_set_object_member (object, "portfolio", extra);
    json_object_set_string_member (object_at (root, "$.registers.features[0]"), "lineage", "from version 2");
    write_tree ("newer-version.preflight", root);
  }

  /* Unknown members everywhere: kept on save. */
  {
    g_autoptr(JsonNode) root = dup_tree (full);
    JsonObject *object = json_node_get_object (root);

    json_object_set_boolean_member (object, "x-plugin", TRUE);
    json_object_set_array_member (json_object_get_object_member (object, "registers"), "x-custom-register",
                                  json_array_new ());
    json_object_set_string_member (object_at (root, "$.registers.risks[1]"), "x-ticket", "OPS-42");
    json_object_set_null_member (object_at (root, "$.sign-offs[0]"), "x-witness");
    write_tree ("unknown-members.preflight", root);
  }

  /* Deep nesting in a member this version does not read, on one line
   * (pretty-printed, the indentation alone would be 90 kB). */
  {
    g_autoptr(JsonNode) root = dup_tree (empty);
    g_autoptr(JsonGenerator) generator = json_generator_new ();
    g_autofree char *text = NULL;

    json_object_set_member (json_node_get_object (root), "x-deep", nested (300));
    json_generator_set_root (generator, root);
    text = json_generator_to_data (generator, NULL);
    write_file ("deep-nesting.preflight", text, -1);
  }

  /* Non-ASCII keys, ids and values, escapes. */
  {
    g_autoptr(JsonNode) root = dup_tree (empty);
    JsonObject *object = json_node_get_object (root);
    JsonObject *answers = json_object_get_object_member (object, "answers");
    JsonObject *answer = json_object_new ();
    JsonObject *feature = pf_register_new_record (pf_schema_find_register ("features"), "merkmal-ä-😀");

    json_object_set_string_member (answer, "value", "Ja, natürlich — 是的 \"quoted\" \\ \t\u00e9");
    json_object_set_object_member (answers, "business-understanding.zielgröße", answer);
    json_object_set_string_member (feature, "name", "Kündigungsdatum\u2028𝄞");
    json_object_set_string_member (feature, "ключ-🔑", "значение");
    json_array_add_object_element (json_object_get_array_member (json_object_get_object_member (object, "registers"),
                                                                 "features"), feature);
    json_object_set_string_member (object, "\u00e9\u0301-combining", "e\u0301");
    json_object_set_string_member (object, "", "empty key");
    write_tree ("unicode-keys.preflight", root);
  }

  /* Numbers at the edges of int64 and double, and large record numbers.
   * (Not ±(2^63 - 1): see tests/fuzz/crashes/int64-sign-flip.preflight.) */
  write_file ("huge-numbers.preflight",
              "{\n"
              "  \"format\": \"preflight-project\",\n"
              "  \"format-version\": 1,\n"
              "  \"registers\": {\n"
              "    \"dataset-scans\": [\n"
              "      {\n"
              "        \"id\": \"scan-18446744073709551614\",\n"
              "        \"rows\": 9223372036854774784,\n"
              "        \"columns\": -9223372036854774784,\n"
              "        \"metrics\": {\n"
              "          \"max\": 1.7976931348623157e308,\n"
              "          \"tiny\": 5e-324,\n"
              "          \"negative-zero\": -0.0,\n"
              "          \"safe\": 9007199254740993,\n"
              "          \"fraction\": 0.1,\n"
              "          \"exp\": 1E21,\n"
              "          \"small\": 1e-7,\n"
              "          \"long\": 123456789012345678901234567890\n"
              "        }\n"
              "      }\n"
              "    ]\n"
              "  },\n"
              "  \"x-numbers\": [0, -1, 1e400, 3.14159265358979323846264338327950288]\n"
              "}\n", -1);

  /* Valid JSON, wrong types: refused with the path. */
  write_file ("wrong-types.preflight",
              "{\"format\":\"preflight-project\",\"format-version\":1,"
              "\"registers\":{\"features\":[{\"id\":\"feature-1\",\"verdict\":3}]},"
              "\"audit\":[{\"seq\":\"1\"}]}\n", -1);
  write_file ("wrong-version-type.preflight",
              "{\"format\":\"preflight-project\",\"format-version\":\"1\"}\n", -1);

  /* A changed audit entry: opens, the chain is broken there. */
  {
    g_autoptr(JsonNode) root = dup_tree (full);

    json_object_set_string_member (object_at (root, "$.audit[3]"), "actor", "Mallory");
    write_tree ("broken-audit.preflight", root);
  }

  /* Not JSON, not a project, not UTF-8. */
  {
    g_autoptr(GBytes) bytes = pf_document_serialize (full);

    write_file ("truncated.preflight", g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes) / 2);
  }
  write_file ("not-a-project.json", "[1, 2, {\"format\": \"something-else\"}]\n", -1);
  write_file ("not-utf8.preflight", "{\"format\":\"preflight-project\",\"format-version\":1,\"x\":\"\xff\xfe\"}\n", -1);

  return 0;
}
