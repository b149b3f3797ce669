/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fuzz target for the project loader. Any bytes go to
 * pf_document_new_from_bytes(); a file that loads is then put through what
 * the app does with it, and every invariant that must hold for any file is
 * checked:
 *
 *  - a failed load sets a PF_DOCUMENT_ERROR with a readable message;
 *  - serialize → reload succeeds, and serializing the reloaded document
 *    gives the same bytes (saving is stable);
 *  - the reload sees the same audit chain status, sign-off states and scope
 *    content hashes (saving never breaks the chain nor makes a sign-off stale);
 *  - pf_document_verify_audit() agrees with what was found at load;
 *  - a few edits (chosen from the input's hash), sign-offs and withdrawals
 *    work or fail with an error, never crash; a new sign-off is current; a
 *    read-only document refuses every change;
 *  - the audit chain is not broken by appending;
 *  - undoing everything gives back the registers' content, redoing everything
 *    gives back the edited content;
 *  - the edited document can be saved and opened again.
 *
 * GLib criticals and warnings are fatal, as in the test suite. A broken
 * invariant aborts with a message on stderr.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pf-document.h"
#include "pf-json.h"
#include "pf-phase.h"
#include "pf-schema.h"
#include "pf-scope.h"

#include "fuzz-document.h"

#define CHECK(cond, ...) \
  G_STMT_START { \
    if (G_UNLIKELY (!(cond))) \
      fuzz_fail (__LINE__, #cond, __VA_ARGS__); \
  } G_STMT_END

G_GNUC_NORETURN G_GNUC_PRINTF (3, 4)
static void
fuzz_fail (int         line,
           const char *cond,
           const char *format,
           ...)
{
  va_list args;

  fprintf (stderr, "fuzz-document.c:%d: invariant broken: %s\n  ", line, cond);
  va_start (args, format);
  vfprintf (stderr, format, args);
  va_end (args);
  fputc ('\n', stderr);
  fflush (stderr);
  abort ();
}

/* A small deterministic generator, seeded from the input, so that a
 * reproducer replays the same edits. */
typedef struct
{
  guint64 state;
} Rng;

static guint
rng_next (Rng   *rng,
          guint  bound)
{
  /* splitmix64 */
  guint64 z = (rng->state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  z ^= z >> 31;
  return bound ? (guint)(z % bound) : 0;
}

static guint64
hash_bytes (const guint8 *data,
            gsize         size)
{
  guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325);

  for (gsize i = 0; i < size; i++)
    h = (h ^ data[i]) * G_GUINT64_CONSTANT (0x100000001b3);

  return h;
}

static const char * const fixed_scopes[] = {
  "leakage-review", "privacy-review", "deployment-plan", "project",
};

#define N_SCOPES (G_N_ELEMENTS (fixed_scopes) + PF_N_PHASES)

static char *
dup_scope (guint index)
{
  if (index < G_N_ELEMENTS (fixed_scopes))
    return g_strdup (fixed_scopes[index]);

  return g_strconcat ("phase:", pf_phase_get_id (index - G_N_ELEMENTS (fixed_scopes)), NULL);
}

static gboolean
is_sha256_hex (const char *s)
{
  if (s == NULL || strlen (s) != 64)
    return FALSE;
  for (const char *p = s; *p; p++)
    {
      if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f'))
        return FALSE;
    }
  return TRUE;
}

/* The content hash of every scope, checked to be well-formed and stable. */
static GPtrArray *
scope_hashes (PfDocument *document)
{
  GPtrArray *hashes = g_ptr_array_new_with_free_func (g_free);
  JsonObject *root = pf_document_get_root (document);

  for (guint i = 0; i < N_SCOPES; i++)
    {
      g_autofree char *scope = dup_scope (i);
      char *hash = pf_scope_content_sha256 (scope, root);
      g_autofree char *again = pf_scope_content_sha256 (scope, root);
      g_autoptr(JsonNode) content = pf_scope_dup_content (scope, root);

      CHECK (pf_scope_is_valid (scope), "scope %s", scope);
      CHECK (content != NULL && JSON_NODE_HOLDS_OBJECT (content), "scope %s", scope);
      CHECK (is_sha256_hex (hash), "scope %s: hash %s", scope, hash);
      CHECK (g_str_equal (hash, again), "scope %s: %s then %s", scope, hash, again);
      g_ptr_array_add (hashes, hash);
    }

  return hashes;
}

static void
check_same_hashes (GPtrArray  *a,
                   GPtrArray  *b,
                   const char *what)
{
  for (guint i = 0; i < N_SCOPES; i++)
    {
      g_autofree char *scope = dup_scope (i);

      CHECK (g_str_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)),
             "%s: scope %s hash %s became %s", what, scope,
             (char *)g_ptr_array_index (a, i), (char *)g_ptr_array_index (b, i));
    }
}

static guint
check_audit (PfDocument *document,
             const char *what)
{
  PfAuditStatus status = { 0 };
  guint n = json_array_get_length (pf_document_get_audit (document));
  guint broken_at;

  pf_document_verify_audit (document, &status);
  CHECK (status.n_entries == n, "%s: %u entries counted, %u held", what, status.n_entries, n);
  CHECK (status.broken_at <= n, "%s: broken at %u of %u", what, status.broken_at, n);
  CHECK ((status.broken_at == 0) == (status.problem == NULL), "%s: broken at %u, problem %s",
         what, status.broken_at, status.problem);
  /* Entries are not checked at load: a last entry without a hash leaves no
   * head, and then the chain is broken. */
  CHECK (n > 0 || status.head == NULL, "%s: no entries, head %s", what, status.head);
  CHECK (status.head != NULL || n == 0 || status.broken_at > 0, "%s: %u entries, no head, not broken", what, n);
  CHECK (g_strcmp0 (status.head, pf_document_get_audit_head (document)) == 0, "%s: head %s vs %s",
         what, status.head, pf_document_get_audit_head (document));
  broken_at = status.broken_at;
  pf_audit_status_clear (&status);

  return broken_at;
}

/* Every sign-off record's state, as "id=state" lines. */
static char *
sign_off_states (PfDocument *document)
{
  JsonArray *sign_offs = pf_document_get_sign_offs (document);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (sign_offs); i++)
    {
      JsonObject *record = json_array_get_object_element (sign_offs, i);
      const char *id = json_object_get_string_member (record, "id");
      g_autoptr(GPtrArray) changes = NULL;
      PfSignOffState state = pf_document_get_sign_off_state (document, id, &changes);

      CHECK (state == PF_SIGN_OFF_CURRENT || state == PF_SIGN_OFF_STALE || state == PF_SIGN_OFF_WITHDRAWN,
             "sign-off %s: state %d", id, state);
      CHECK (changes == NULL || state == PF_SIGN_OFF_STALE, "sign-off %s: changes but state %d", id, state);
      if (changes != NULL)
        {
          for (guint j = 0; j < changes->len; j++)
            CHECK (g_utf8_validate (g_ptr_array_index (changes, j), -1, NULL), "sign-off %s: change %u", id, j);
        }
      g_string_append_printf (out, "%s=%d\n", id, state);
    }

  return g_string_free (out, FALSE);
}

/* Saves @document to bytes and opens them again: must work, and saving
 * the reopened document must give the same bytes. */
static PfDocument *
round_trip (PfDocument *document,
            const char *what)
{
  g_autoptr(GBytes) first = pf_document_serialize (document);
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;
  PfDocument *reloaded;

  CHECK (first != NULL, "%s", what);
  reloaded = pf_document_new_from_bytes (first, &error);
  CHECK (reloaded != NULL, "%s: the saved file does not open again: %s\n--- saved ---\n%.*s",
         what, error ? error->message : "(no error)",
         (int)MIN (g_bytes_get_size (first), 4000), (const char *)g_bytes_get_data (first, NULL));
  CHECK (pf_document_get_read_only (reloaded) == pf_document_get_read_only (document), "%s", what);

  second = pf_document_serialize (reloaded);
  CHECK (g_bytes_equal (first, second),
         "%s: saving the reopened file gives other bytes\n--- first ---\n%.*s\n--- second ---\n%.*s", what,
         (int)MIN (g_bytes_get_size (first), 4000), (const char *)g_bytes_get_data (first, NULL),
         (int)MIN (g_bytes_get_size (second), 4000), (const char *)g_bytes_get_data (second, NULL));

  return reloaded;
}

static void
check_refused (gboolean    ok,
               GError     *error,
               int         code,
               const char *what)
{
  CHECK (!ok, "%s: accepted", what);
  CHECK (error != NULL && error->domain == PF_DOCUMENT_ERROR && (code < 0 || error->code == code),
         "%s: error %s (code %d, expected %d)", what, error ? error->message : "(none)",
         error ? error->code : -1, code);
  CHECK (g_utf8_validate (error->message, -1, NULL) && error->message[0] != '\0', "%s: message", what);
}

/* A record of @reg in @document picked by @rng, or NULL when it has none. */
static const char *
pick_record (PfDocument       *document,
             const PfRegister *reg,
             Rng              *rng)
{
  JsonArray *records = pf_document_get_records (document, reg->id);
  guint n = json_array_get_length (records);

  if (n == 0)
    return NULL;

  return json_object_get_string_member (json_array_get_object_element (records, rng_next (rng, n)), "id");
}

static guint
n_fields (const PfRegister *reg)
{
  guint n = 0;

  while (reg->fields[n].name != NULL)
    n++;
  return n;
}

static JsonNode *
valid_value (const PfField *field,
             Rng           *rng)
{
  static const char * const strings[] = { "", "fuzz", "Ünïcödé ✓ 🚀", "line one\nline two", "\"quoted\" \\ \t" };
  JsonNode *node = json_node_alloc ();

  switch (field->type)
    {
    case PF_FIELD_ENUM:
      {
        guint n = g_strv_length ((char **)field->choices);

        return json_node_init_string (node, field->choices[rng_next (rng, n)]);
      }
    case PF_FIELD_BOOLEAN:
      return json_node_init_boolean (node, rng_next (rng, 2));
    case PF_FIELD_INTEGER:
      return json_node_init_int (node, (gint64)rng_next (rng, G_MAXUINT) - G_MAXINT);
    case PF_FIELD_NUMBER:
      return json_node_init_double (node, rng_next (rng, 1000) / 7.0);
    case PF_FIELD_OBJECT:
      /* init_object() takes a reference of its own: hand over ours. */
      json_node_init_object (node, NULL);
      json_node_take_object (node, json_object_new ());
      return node;
    case PF_FIELD_ANY:
      return json_node_init_null (node);
    case PF_FIELD_TIME:
      return json_node_init_string (node, "2024-05-01T12:00:00.000Z");
    case PF_FIELD_STRING:
    case PF_FIELD_TEXT:
    default:
      return json_node_init_string (node, strings[rng_next (rng, G_N_ELEMENTS (strings))]);
    }
}

/* A value of the wrong type for @field, or NULL when any type is right. */
static JsonNode *
invalid_value (const PfField *field)
{
  JsonNode *node = json_node_alloc ();

  switch (field->type)
    {
    case PF_FIELD_ENUM:
      return json_node_init_string (node, "no-such-choice");
    case PF_FIELD_BOOLEAN:
    case PF_FIELD_INTEGER:
    case PF_FIELD_NUMBER:
    case PF_FIELD_OBJECT:
      return json_node_init_string (node, "wrong type");
    case PF_FIELD_STRING:
    case PF_FIELD_TEXT:
    case PF_FIELD_TIME:
      return json_node_init_int (node, 42);
    case PF_FIELD_ANY:
    default:
      json_node_free (node);
      return NULL;
    }
}

/* Checks that a change was refused and ends the edit. */
#define REFUSED(...) G_STMT_START { check_refused (__VA_ARGS__); return; } G_STMT_END

static void
edit (PfDocument *document,
      Rng        *rng)
{
  const PfRegister *reg = pf_schema_get_register (rng_next (rng, pf_schema_get_n_registers ()));
  g_autoptr(GError) error = NULL;
  gboolean read_only = pf_document_get_read_only (document);
  guint op = rng_next (rng, 11);

  switch (op)
    {
    case 0: /* add a record */
      {
        g_autofree char *id = pf_document_add_record (document, reg->id, &error);

        if (read_only)
          REFUSED (id != NULL, error, PF_DOCUMENT_ERROR_READ_ONLY, "add_record");
        CHECK (id != NULL, "add_record %s: %s", reg->id, error ? error->message : "");
        CHECK (pf_document_get_record (document, reg->id, id) != NULL, "added %s/%s not found", reg->id, id);
      }
      break;

    case 1: /* set a field of a record to a valid value */
    case 2:
      {
        const char *id = pick_record (document, reg, rng);
        const PfField *field = &reg->fields[rng_next (rng, n_fields (reg))];
        g_autoptr(JsonNode) value = valid_value (field, rng);
        g_autofree char *object = NULL;
        gboolean ok;

        if (id == NULL)
          return;
        object = g_strconcat (reg->id, "/", id, NULL);
        ok = pf_document_set_value (document, object, field->name, value, &error);
        if (read_only)
          REFUSED (ok, error, PF_DOCUMENT_ERROR_READ_ONLY, "set_value");
        CHECK (ok, "set %s.%s: %s", object, field->name, error ? error->message : "");
        CHECK (json_node_equal (pf_document_get_value (document, object, field->name), value),
               "set %s.%s: not set", object, field->name);
      }
      break;

    case 3: /* set a field to a value of the wrong type */
      {
        const char *id = pick_record (document, reg, rng);
        const PfField *field = &reg->fields[rng_next (rng, n_fields (reg))];
        g_autoptr(JsonNode) value = invalid_value (field);
        g_autofree char *object = NULL;
        gboolean ok;

        if (id == NULL || value == NULL)
          return;
        object = g_strconcat (reg->id, "/", id, NULL);
        ok = pf_document_set_value (document, object, field->name, value, &error);
        check_refused (ok, error, read_only ? PF_DOCUMENT_ERROR_READ_ONLY : PF_DOCUMENT_ERROR_INVALID, object);
      }
      break;

    case 4: /* remove a record */
      {
        const char *id = pick_record (document, reg, rng);
        g_autofree char *copy = g_strdup (id);
        gboolean ok;

        if (id == NULL)
          return;
        ok = pf_document_remove_record (document, reg->id, copy, &error);
        if (read_only)
          REFUSED (ok, error, PF_DOCUMENT_ERROR_READ_ONLY, "remove_record");
        CHECK (ok, "remove %s/%s: %s", reg->id, copy, error ? error->message : "");
        CHECK (pf_document_get_record (document, reg->id, copy) == NULL, "removed %s/%s still there", reg->id, copy);
      }
      break;

    case 5: /* metadata */
      {
        gboolean ok = pf_document_set_string (document, "metadata", "title", "Fuzzed ✓", &error);

        if (read_only)
          REFUSED (ok, error, PF_DOCUMENT_ERROR_READ_ONLY, "title");
        CHECK (ok, "title: %s", error ? error->message : "");
        CHECK (g_str_equal (pf_document_get_title (document), "Fuzzed ✓"), "title not set");
      }
      break;

    case 6: /* answers */
      {
        g_autoptr(JsonNode) value = json_node_init_string (json_node_alloc (), "An answer");
        gboolean ok;

        if (rng_next (rng, 2))
          ok = pf_document_set_answer (document, "business-understanding.objective", value, &error);
        else
          ok = pf_document_set_not_applicable (document, "data-preparation.fuzz", "Does not apply", &error);
        if (read_only)
          REFUSED (ok, error, PF_DOCUMENT_ERROR_READ_ONLY, "answer");
        CHECK (ok, "answer: %s", error ? error->message : "");
        g_clear_error (&error);
        ok = pf_document_set_not_applicable (document, "data-preparation.fuzz", "  ", &error);
        check_refused (ok, error, PF_DOCUMENT_ERROR_REFUSED, "not applicable without justification");
      }
      break;

    case 7: /* the business question */
      {
        gboolean ok = pf_document_change_business_question (document, "Will they churn?", "AUC ≥ 0.8",
                                                            "Fuzzing", &error);

        if (read_only)
          REFUSED (ok, error, PF_DOCUMENT_ERROR_READ_ONLY, "business question");
        CHECK (ok, "business question: %s", error ? error->message : "");
        CHECK (g_str_equal (pf_document_get_business_question (document), "Will they churn?"), "question not set");
      }
      break;

    case 8: /* sign off */
      {
        g_autofree char *scope = dup_scope (rng_next (rng, N_SCOPES));
        g_autofree char *id = pf_document_sign_off (document, scope, "Fuzz Tester", "QA", "approved", NULL, &error);
        char *bad;

        if (read_only)
          REFUSED (id != NULL, error, PF_DOCUMENT_ERROR_READ_ONLY, "sign_off");
        CHECK (id != NULL, "sign off %s: %s", scope, error ? error->message : "");
        CHECK (pf_document_get_sign_off_state (document, id, NULL) == PF_SIGN_OFF_CURRENT,
               "a new sign-off %s of %s is not current", id, scope);
        g_clear_error (&error);
        bad = pf_document_sign_off (document, "phase:nonsense", "A", "B", "approved", NULL, &error);
        check_refused (bad != NULL, error, PF_DOCUMENT_ERROR_NOT_FOUND, "sign off an unknown scope");
        g_clear_error (&error);
        bad = pf_document_sign_off (document, scope, "A", "B", "approved-with-conditions", NULL, &error);
        check_refused (bad != NULL, error, PF_DOCUMENT_ERROR_REFUSED, "approval without conditions");
      }
      break;

    case 9: /* withdraw a sign-off */
      {
        JsonArray *sign_offs = pf_document_get_sign_offs (document);
        guint n = json_array_get_length (sign_offs);
        JsonObject *record;
        const char *id;
        g_autofree char *withdrawal = NULL;
        gboolean withdrawable;

        if (n == 0)
          return;
        record = json_array_get_object_element (sign_offs, rng_next (rng, n));
        id = json_object_get_string_member (record, "id");
        withdrawable = g_str_equal (json_object_get_string_member (record, "kind"), "sign-off") &&
                       pf_document_get_sign_off_state (document, id, NULL) != PF_SIGN_OFF_WITHDRAWN;
        withdrawal = pf_document_withdraw_sign_off (document, id, "Fuzz Tester", "QA", "Withdrawn", &error);
        if (read_only)
          REFUSED (withdrawal != NULL, error, PF_DOCUMENT_ERROR_READ_ONLY, "withdraw");
        if (!withdrawable)
          REFUSED (withdrawal != NULL, error, -1, "withdraw");
        CHECK (withdrawal != NULL, "withdraw %s: %s", id, error ? error->message : "");
        CHECK (pf_document_get_sign_off_state (document, id, NULL) == PF_SIGN_OFF_WITHDRAWN,
               "withdrawn %s is not withdrawn", id);
      }
      break;

    case 10: /* an event */
    default:
      pf_document_record_event (document, "export", "project", "report.pdf");
      break;
    }
}

static void
init_once (void)
{
  static gboolean done;

  if (done)
    return;
  done = TRUE;

  /* As the test suite runs (G_DEBUG=fatal-warnings): a critical is a bug. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PfDocument) document = NULL;
  g_autoptr(PfDocument) reloaded = NULL;
  g_autoptr(PfDocument) edited_reloaded = NULL;
  g_autoptr(GPtrArray) hashes = NULL;
  g_autoptr(GPtrArray) reloaded_hashes = NULL;
  g_autoptr(GPtrArray) edited_hashes = NULL;
  g_autoptr(GPtrArray) undone_hashes = NULL;
  g_autoptr(GPtrArray) redone_hashes = NULL;
  g_autofree char *states = NULL;
  g_autofree char *reloaded_states = NULL;
  const char *problem = NULL;
  guint broken_at;
  guint n_edits;
  Rng rng;

  init_once ();

  /* The audit trail is verified from the file's text: its canonical hash
   * must be the parsed tree's, for any object. */
  if (g_utf8_validate_len ((const char *) data, size, NULL))
    {
      g_autoptr(JsonNode) tree = pf_json_parse ((const char *) data, size, NULL);
      g_autofree char *from_text = pf_json_text_canonical_sha256_without ((const char *) data, size, "hash", NULL, 0);

      if (tree != NULL && JSON_NODE_HOLDS_OBJECT (tree))
        {
          g_autofree char *from_tree = pf_json_object_canonical_sha256_without (json_node_get_object (tree), "hash");

          CHECK (g_strcmp0 (from_text, from_tree) == 0, "text hash %s, tree hash %s", from_text, from_tree);
        }
      else
        CHECK (from_text == NULL, "a text hash for text that is not an object");
    }

  bytes = g_bytes_new_static (data, size);
  document = pf_document_new_from_bytes (bytes, &error);
  if (document == NULL)
    {
      CHECK (error != NULL && error->domain == PF_DOCUMENT_ERROR, "a failed load sets no document error");
      CHECK (error->message[0] != '\0' && g_utf8_validate (error->message, -1, NULL), "error message");
      return 0;
    }
  CHECK (error == NULL, "a load that worked set an error: %s", error->message);
  pf_document_set_actor (document, "Fuzzer");

  /* What was found at load is what verifying finds. */
  broken_at = check_audit (document, "loaded");
  CHECK (broken_at == pf_document_get_audit_broken_at (document, &problem),
         "verify says broken at %u, load said %u", broken_at, pf_document_get_audit_broken_at (document, NULL));
  CHECK ((broken_at == 0) == (problem == NULL), "problem");

  hashes = scope_hashes (document);
  states = sign_off_states (document);

  /* Saving changes nothing that matters. */
  reloaded = round_trip (document, "loaded");
  CHECK (check_audit (reloaded, "reloaded") == broken_at, "saving changed the audit chain status");
  reloaded_hashes = scope_hashes (reloaded);
  check_same_hashes (hashes, reloaded_hashes, "saving");
  reloaded_states = sign_off_states (reloaded);
  CHECK (g_str_equal (states, reloaded_states), "saving changed sign-off states:\n%s---\n%s", states, reloaded_states);

  /* Edits. */
  rng.state = hash_bytes (data, size);
  n_edits = 1 + rng_next (&rng, 12);
  for (guint i = 0; i < n_edits; i++)
    edit (document, &rng);

  CHECK (check_audit (document, "edited") == broken_at, "appending changed the audit chain status");
  edited_hashes = scope_hashes (document);
  g_free (sign_off_states (document));
  edited_reloaded = round_trip (document, "edited");
  CHECK (check_audit (edited_reloaded, "edited and reloaded") == broken_at, "saving edits changed the chain status");

  if (pf_document_get_read_only (document))
    {
      CHECK (!pf_document_can_undo (document), "a read-only document can undo");
      /* Not "project": reading a register adds an empty one where the file
       * had none, which changes the project's content hash. */
      for (guint i = 0; i < N_SCOPES; i++)
        {
          g_autofree char *scope = dup_scope (i);

          if (!g_str_equal (scope, "project"))
            CHECK (g_str_equal (g_ptr_array_index (hashes, i), g_ptr_array_index (edited_hashes, i)),
                   "refused edits changed scope %s", scope);
        }
      return 0;
    }

  /* Undo everything: the registers are as loaded. Answers may keep an empty
   * object where there was none, so only the scopes of registers compare. */
  while (pf_document_can_undo (document))
    CHECK (pf_document_undo (document), "undo");
  undone_hashes = scope_hashes (document);
  for (guint i = 0; i < N_SCOPES; i++)
    {
      g_autofree char *scope = dup_scope (i);

      if (g_str_equal (scope, "leakage-review") || g_str_equal (scope, "privacy-review"))
        CHECK (g_str_equal (g_ptr_array_index (hashes, i), g_ptr_array_index (undone_hashes, i)),
               "undoing every edit did not restore %s", scope);
    }

  while (pf_document_can_redo (document))
    CHECK (pf_document_redo (document), "redo");
  redone_hashes = scope_hashes (document);
  check_same_hashes (edited_hashes, redone_hashes, "undo all, redo all");
  CHECK (check_audit (document, "undone and redone") == broken_at, "undo/redo changed the chain status");
  g_clear_object (&edited_reloaded);
  edited_reloaded = round_trip (document, "undone and redone");

  return 0;
}
