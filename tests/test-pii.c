/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The personal-data detectors and the column-name classifiers: valid and
 * invalid values of every kind, the traps (dates and amounts that are not
 * phone numbers, words inside other words), odd input (surrounding space,
 * bytes that are not UTF-8, a megabyte of text). */
#include "config.h"

#include <string.h>

#include "pf-pii.h"

typedef gboolean (*Detector) (const char *value,
                              gsize       length);

typedef struct
{
  const char *value;
  gboolean    expected;
} ValueCase;

static void
check_values (const char      *what,
              Detector         detector,
              const ValueCase *cases,
              gsize            n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      gboolean got = detector (cases[i].value, strlen (cases[i].value));

      if (got != cases[i].expected)
        g_test_fail_printf ("%s \"%s\": expected %s, got %s", what, cases[i].value,
                            cases[i].expected ? "a match" : "no match",
                            got ? "a match" : "no match");
    }
}

/* IBANs ----------------------------------------------------------------- */

static const ValueCase iban_cases[] = {
  { "DE89 3704 0044 0532 0130 00", TRUE },
  { "DE89370400440532013000", TRUE },
  { "de89 3704 0044 0532 0130 00", TRUE },
  { "GB82 WEST 1234 5698 7654 32", TRUE },
  { "GB82WEST12345698765432", TRUE },
  { "gb82west12345698765432", TRUE },
  { "FR14 2004 1010 0505 0001 3M02 606", TRUE },
  { "NL91 ABNA 0417 1643 00", TRUE },
  { "CH93 0076 2011 6238 5295 7", TRUE },
  { "BE68 5390 0754 7034", TRUE },
  { "AT61 1904 3002 3457 3201", TRUE },
  { "ES91 2100 0418 4502 0005 1332", TRUE },
  { "IT60 X054 2811 1010 0000 0123 456", TRUE },
  { "NO93 8601 1117 947", TRUE },
  { "PL61 1090 1014 0000 0712 1981 2874", TRUE },
  { "SE45 5000 0000 0583 9825 7466", TRUE },
  { "DK50 0040 0440 1162 43", TRUE },
  { "FI21 1234 5600 0007 85", TRUE },
  { "IE29 AIBK 9311 5212 3456 78", TRUE },
  { "LU28 0019 4006 4475 0000", TRUE },
  { "PT50 0002 0123 1234 5678 9015 4", TRUE },
  { "MT84 MALT 0110 0001 2345 MTLC AST0 01S", TRUE },
  { "SA03 8000 0000 6080 1016 7519", TRUE },
  { "BR97 0036 0305 0000 1000 9795 493P 1", TRUE },
  { "DE02370400440000000024", TRUE },
  /* The first and last codes of the sorted table, and some between */
  { "AD1200012030200359100100", TRUE },
  { "AE070331234567890123456", TRUE },
  { "XK051212012345678906", TRUE },
  { "YE15CBYE0001018861234567891234", TRUE },
  { "YT3120041010050500013M02606", TRUE },
  { "GF4120041010050500013M02606", TRUE },
  { "LC55 HEMM 0001 0001 0012 0012 0002 3015", TRUE },
  { "SC18SSCB11010000000000001497USD", TRUE },
  { "TR330006100519786457841326", TRUE },
  { "IS140159260076545510730339", TRUE },
  { "MU17BOMM0101101030300200000MUR", TRUE },
  { "KW81CBKU0000000000001234560101", TRUE },
  { "  DE89370400440532013000\t", TRUE },

  /* One digit changed, two digits swapped, check digits swapped */
  { "DE89 3704 0044 0532 0130 01", FALSE },
  { "DE89 3704 0044 0532 0103 00", FALSE },
  { "DE98 3704 0044 0532 0130 00", FALSE },
  { "GB82 WEST 1234 5698 7654 23", FALSE },
  { "GB82 WSET 1234 5698 7654 32", FALSE },
  /* 0 modulo 97 rather than 1 */
  { "DE88370400440532013000", FALSE },
  /* 99 passes the modulus like 02 but is never a check number */
  { "DE99370400440000000024", FALSE },
  /* Wrong length for the country */
  { "DE89 3704 0044 0532 0130 0", FALSE },
  { "DE89 3704 0044 0532 0130 000", FALSE },
  { "NL91 ABNA 0417 1643 0", FALSE },
  /* Unknown country, no country */
  { "XX89 3704 0044 0532 0130 00", FALSE },
  { "US89 3704 0044 0532 0130 00", FALSE },
  { "1289 3704 0044 0532 0130 00", FALSE },
  /* A letter in a German (all-digit) BBAN, although the checksum is right */
  { "DE973704004405320130A0", FALSE },
  /* Spacing other than groups of four */
  { "DE89 37040044 0532 0130 00", FALSE },
  { "DE89  3704 0044 0532 0130 00", FALSE },
  { "DE 89 3704 0044 0532 0130 00", FALSE },
  { "DE89-3704-0044-0532-0130-00", FALSE },
  /* Too little */
  { "", FALSE },
  { "DE", FALSE },
  { "DE89", FALSE },
  { "DE89 ", FALSE },
};

static void
test_iban (void)
{
  g_autoptr(GString) huge = g_string_new ("DE89");

  check_values ("IBAN", pf_pii_is_iban, iban_cases, G_N_ELEMENTS (iban_cases));

  for (guint i = 0; i < 10000; i++)
    g_string_append_c (huge, '0' + i % 10);
  g_assert_false (pf_pii_is_iban (huge->str, huge->len));

  /* The length is respected: no NUL is needed and none is read past. */
  g_assert_true (pf_pii_is_iban ("DE89370400440532013000XYZ", 22));
  g_assert_false (pf_pii_is_iban ("DE89370400440532013000XYZ", 21));
}

/* Payment cards --------------------------------------------------------- */

static const ValueCase card_cases[] = {
  { "4111 1111 1111 1111", TRUE },
  { "4111-1111-1111-1111", TRUE },
  { "4111111111111111", TRUE },
  { "4222222222222", TRUE },          /* Visa, 13 digits */
  { "4111111111111111110", TRUE },    /* Visa, 19 digits */
  { "5555 5555 5555 4444", TRUE },
  { "5105105105105100", TRUE },
  { "2223 0000 4841 0010", TRUE },    /* Mastercard 2-series */
  { "3782 822463 10005", TRUE },      /* American Express */
  { "371449635398431", TRUE },
  { "6011 1111 1111 1117", TRUE },    /* Discover */
  { "6011000990139424", TRUE },
  { "3530111333300000", TRUE },       /* JCB */
  { "3566 0020 2036 0505", TRUE },
  { "30569309025904", TRUE },         /* Diners Club, 14 digits */
  { "38520000023237", TRUE },
  { "6200000000000005", TRUE },       /* UnionPay */
  { "6759649826438453", TRUE },       /* Maestro */
  { "5018000000000009", TRUE },
  { "6761000000000006", TRUE },
  { " 4111 1111 1111 1111\r\n", TRUE },

  /* Luhn wrong by one digit */
  { "4111 1111 1111 1112", FALSE },
  { "5555 5555 5555 4445", FALSE },
  { "3782 822463 10006", FALSE },
  /* Too short, too long, a length the issuer does not use */
  { "4111 1111 1111", FALSE },
  { "4111 1111 1111 111", FALSE },
  { "4111 1111 1111 1111 1111", FALSE },
  { "3400000000000000", FALSE },      /* Amex prefix, 16 digits, Luhn valid */
  /* Unknown prefix with a valid Luhn digit */
  { "1234567890123452", FALSE },
  { "9000000000000001", FALSE },
  { "70000000000005", FALSE },
  /* All zeros (Luhn valid) */
  { "0000 0000 0000 0000", FALSE },
  /* Separators: mixed, doubled, leading, trailing, others */
  { "4111-1111 1111-1111", FALSE },
  { "4111  1111 1111 1111", FALSE },
  { "4111--1111-1111-1111", FALSE },
  { "-4111-1111-1111-1111", FALSE },
  { "4111-1111-1111-1111-", FALSE },
  { "4111.1111.1111.1111", FALSE },
  { "4111/1111/1111/1111", FALSE },
  { "4111 1111 1111 111x", FALSE },
  { "", FALSE },
};

static void
test_card (void)
{
  check_values ("card", pf_pii_is_card, card_cases, G_N_ELEMENTS (card_cases));

  g_assert_true (pf_pii_is_card ("41111111111111112", 16));
  g_assert_false (pf_pii_is_card ("4111111111111111", 15));
}

/* E-mail ---------------------------------------------------------------- */

static const ValueCase email_cases[] = {
  { "jane.doe@example.com", TRUE },
  { "JANE.DOE@EXAMPLE.COM", TRUE },
  { "j+tag@sub.example.co.uk", TRUE },
  { "o'brien@example.ie", TRUE },
  { "x_y-z!#$%&*/=?^`{|}~@example.org", TRUE },
  { "a@b.de", TRUE },
  { "42@example.com", TRUE },
  { "user@mail-server.example", TRUE },
  { "user@example.xn--p1ai", TRUE },
  { "\tjane@example.com  ", TRUE },

  { "", FALSE },
  { "jane", FALSE },
  { "jane@", FALSE },
  { "@example.com", FALSE },
  { "jane@example", FALSE },
  { ".jane@example.com", FALSE },
  { "jane.@example.com", FALSE },
  { "ja..ne@example.com", FALSE },
  { "jane@@example.com", FALSE },
  { "a@b@example.com", FALSE },
  { "jane doe@example.com", FALSE },
  { "\"jane doe\"@example.com", FALSE },
  { "jane@-example.com", FALSE },
  { "jane@example-.com", FALSE },
  { "jane@example..com", FALSE },
  { "jane@.example.com", FALSE },
  { "jane@example.com.", FALSE },
  { "jane@exa_mple.com", FALSE },
  { "jane@example.c", FALSE },
  { "jane@example.123", FALSE },
  { "jane@[192.0.2.1]", FALSE },
  { "j\xc3\xa4ne@example.com", FALSE },
  { "jane@ex\xffmple.com", FALSE },
  { "mailto:jane@example.com", FALSE },
  { "Jane <jane@example.com>", FALSE },
};

static void
test_email (void)
{
  g_autoptr(GString) local = g_string_new (NULL);

  check_values ("e-mail", pf_pii_is_email, email_cases, G_N_ELEMENTS (email_cases));

  /* The local part is at most 64 bytes. */
  g_string_append (local, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
  g_string_append (local, "@example.com");
  g_assert_true (pf_pii_is_email (local->str, local->len));
  g_string_prepend_c (local, 'a');
  g_assert_false (pf_pii_is_email (local->str, local->len));
}

/* Phone ----------------------------------------------------------------- */

static const ValueCase phone_cases[] = {
  { "+49 30 901820", TRUE },
  { "+49 30 1234567", TRUE },
  { "+4930901820", TRUE },
  { "+1-202-555-0143", TRUE },
  { "+1 (202) 555-0143", TRUE },
  { "+44 (0)20 7946 0958", TRUE },
  { "+49 (0) 30 1234567", TRUE },
  { "030 1234567", TRUE },
  { "030/1234567", TRUE },
  { "030-123 45 67", TRUE },
  { "0301234567", TRUE },
  { "06221 54-0", TRUE },
  { "01 23 45 67 89", TRUE },
  { "0049 30 1234567", TRUE },
  { "(030) 123-4567", TRUE },
  { "(202) 555-0143", TRUE },
  { "202-555-0143", TRUE },
  { "202.555.0143", TRUE },
  { "202 555 0143", TRUE },
  { "1 202 555 0143", TRUE },
  { " +49 30 901820 ", TRUE },

  /* Plain integers: amounts and ids */
  { "4711", FALSE },
  { "1234567", FALSE },
  { "123456789012", FALSE },
  { "1 234 567", FALSE },
  { "1.234.567", FALSE },
  { "0004711", FALSE },
  { "0000123456", FALSE },
  { "000 123 4567", FALSE },
  /* Dates and times */
  { "2024-01-05", FALSE },
  { "2024/01/05", FALSE },
  { "2024.1.5", FALSE },
  { "05.01.2024", FALSE },
  { "01/05/2024", FALSE },
  { "1-5-2024", FALSE },
  { "12:30:45", FALSE },
  { "2024-01-05 12:30", FALSE },
  /* Decimals */
  { "12.5", FALSE },
  { "0.1234567", FALSE },
  { "1234567.89", FALSE },
  { "-1234567", FALSE },
  { "1,234,567", FALSE },
  /* A signed amount: "+" without separators needs 9 digits */
  { "+1234567", FALSE },
  { "+0 30 1234567", FALSE },
  /* Dotted quads are IP addresses */
  { "192.168.1.1", FALSE },
  { "010.001.002.003", FALSE },
  /* Too few or too many digits */
  { "+49 30 12", FALSE },
  { "030 123", FALSE },
  { "+49 30 1234567 8901 234", FALSE },
  /* Broken formatting */
  { "(030 123-4567", FALSE },
  { "030) 1234567", FALSE },
  { "((030)) 1234567", FALSE },
  { "(030)(123) 4567", FALSE },
  { "030  1234567", FALSE },
  { "030 1234567-", FALSE },
  { "-030 1234567", FALSE },
  { "+ 49 30 1234567", FALSE },
  { "030-1234567 x12", FALSE },
  { "030 12345ab", FALSE },
  { "123-456-7890-1234", FALSE },
  { "", FALSE },
  { "+", FALSE },
};

static void
test_phone (void)
{
  check_values ("phone", pf_pii_is_phone, phone_cases, G_N_ELEMENTS (phone_cases));
}

/* IP -------------------------------------------------------------------- */

static const ValueCase ip_cases[] = {
  { "0.0.0.0", TRUE },
  { "192.168.1.1", TRUE },
  { "10.0.0.1", TRUE },
  { "255.255.255.255", TRUE },
  { "::1", TRUE },
  { "::", TRUE },
  { "1::", TRUE },
  { "fe80::1", TRUE },
  { "2001:db8::8a2e:370:7334", TRUE },
  { "2001:0db8:85a3:0000:0000:8a2e:0370:7334", TRUE },
  { "ABCD:EF01:2345:6789:ABCD:EF01:2345:6789", TRUE },
  { "1:2:3:4:5:6:7::", TRUE },
  { "::2:3:4:5:6:7:8", TRUE },
  { "::ffff:192.0.2.128", TRUE },
  { "64:ff9b::192.0.2.33", TRUE },
  { "1:2:3:4:5:6:1.2.3.4", TRUE },
  { " 192.168.1.1\n", TRUE },

  { "256.1.1.1", FALSE },
  { "1.2.3.256", FALSE },
  { "01.2.3.4", FALSE },
  { "1.2.3.04", FALSE },
  { "1.2.3", FALSE },
  { "1.2.3.4.5", FALSE },
  { "1..2.3", FALSE },
  { "1.2.3.", FALSE },
  { ".1.2.3", FALSE },
  { "1.2.3.-4", FALSE },
  { "1234.1.1.1", FALSE },
  { "1:2:3:4:5:6:7:8:9", FALSE },
  { "1:2:3:4:5:6:7", FALSE },
  { "1::2::3", FALSE },
  { ":::1", FALSE },
  { ":1:2:3:4:5:6:7", FALSE },
  { "1:2:3:4:5:6:7:", FALSE },
  { "1:2:3:4:5:6:7:8::", FALSE },
  { "::1:2:3:4:5:6:7:8", FALSE },
  { "12345::1", FALSE },
  { "g::1", FALSE },
  { "::1.2.3", FALSE },
  { "1.2.3.4::", FALSE },
  { "::ffff:256.1.1.1", FALSE },
  { "::1.2.3.4:5", FALSE },
  { "1:2:3:4:5:6:7:1.2.3.4", FALSE },
  { "fe80::1%eth0", FALSE },
  { "2001:db8::/32", FALSE },
  { "[::1]", FALSE },
  { "4711", FALSE },
  { "cafe", FALSE },
  { ":", FALSE },
  { "", FALSE },
};

static void
test_ip (void)
{
  check_values ("IP", pf_pii_is_ip, ip_cases, G_N_ELEMENTS (ip_cases));
}

/* Matching every kind at once ------------------------------------------- */

#define BIT(kind) (1u << (kind))

static void
test_match_value (void)
{
  static const struct { const char *value; guint expected; } cases[] = {
    { "jane@example.com", BIT (PF_PII_EMAIL) },
    { "  jane@example.com \t", BIT (PF_PII_EMAIL) },
    { "+49 30 901820", BIT (PF_PII_PHONE) },
    { "(030) 123-4567", BIT (PF_PII_PHONE) },
    { " DE89 3704 0044 0532 0130 00 ", BIT (PF_PII_IBAN) },
    { "4111 1111 1111 1111", BIT (PF_PII_CARD) },
    { "192.168.1.1", BIT (PF_PII_IP) },
    { "fe80::1", BIT (PF_PII_IP) },
    { "::ffff:192.0.2.128", BIT (PF_PII_IP) },
    { "", 0 },
    { "   ", 0 },
    { "4711", 0 },
    { "1234567", 0 },
    { "12.5", 0 },
    { "2024-01-05", 0 },
    { "hello world", 0 },
    { "Deutschland", 0 },
    { "\xff\xfe\x80", 0 },
    { "\xff@\x80.com", 0 },
    { "4111\xa0" "1111 1111 1111", 0 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint got = pf_pii_match_value (cases[i].value, strlen (cases[i].value));

      if (got != cases[i].expected)
        g_test_fail_printf ("\"%s\": expected kinds 0x%x, got 0x%x",
                            cases[i].value, cases[i].expected, got);
    }

  g_assert_cmpuint (pf_pii_match_value (NULL, 0), ==, 0);

  /* A value with a NUL inside is cut nowhere but at its length. */
  g_assert_cmpuint (pf_pii_match_value ("1.2.3.4\0" "5", 9), ==, 0);
  g_assert_cmpuint (pf_pii_match_value ("1.2.3.4\0" "5", 7), ==, BIT (PF_PII_IP));
}

/* pf_pii_match_value() takes shortcuts; it must agree with each detector
 * on every value of every table. */
static void
test_match_value_agrees (void)
{
  static const struct { const ValueCase *cases; gsize n_cases; } tables[] = {
    { iban_cases, G_N_ELEMENTS (iban_cases) },
    { card_cases, G_N_ELEMENTS (card_cases) },
    { email_cases, G_N_ELEMENTS (email_cases) },
    { phone_cases, G_N_ELEMENTS (phone_cases) },
    { ip_cases, G_N_ELEMENTS (ip_cases) },
  };
  static const Detector detectors[PF_PII_N_VALUE_KINDS] = {
    [PF_PII_EMAIL] = pf_pii_is_email,
    [PF_PII_PHONE] = pf_pii_is_phone,
    [PF_PII_IBAN] = pf_pii_is_iban,
    [PF_PII_CARD] = pf_pii_is_card,
    [PF_PII_IP] = pf_pii_is_ip,
  };
  guint n_checked = 0;

  for (gsize t = 0; t < G_N_ELEMENTS (tables); t++)
    for (gsize i = 0; i < tables[t].n_cases; i++)
      {
        const char *value = tables[t].cases[i].value;
        guint kinds = pf_pii_match_value (value, strlen (value));

        for (guint kind = 0; kind < PF_PII_N_VALUE_KINDS; kind++)
          {
            gboolean single = detectors[kind] (value, strlen (value));

            if (single != (gboolean) ((kinds >> kind) & 1))
              g_test_fail_printf ("\"%s\": pf_pii_match_value() says %s is %s, the detector %s",
                                  value, pf_pii_value_kind_id (kind),
                                  (kinds >> kind) & 1 ? "in" : "out",
                                  single ? "matches" : "does not");
            n_checked++;
          }
      }

  g_assert_cmpuint (n_checked, >, 1000);

  /* And on random strings of the characters the detectors care about. */
  for (guint round = 0; round < 200000; round++)
    {
      static const char alphabet[] = "0123456789012345678901234567890123456789 -./:()+@aDEfx\t\xc3";
      char value[48];
      gsize length = g_test_rand_int_range (0, sizeof value);
      guint kinds;

      for (gsize i = 0; i < length; i++)
        value[i] = alphabet[g_test_rand_int_range (0, sizeof alphabet - 1)];
      kinds = pf_pii_match_value (value, length);

      for (guint kind = 0; kind < PF_PII_N_VALUE_KINDS; kind++)
        if (detectors[kind] (value, length) != (gboolean) ((kinds >> kind) & 1))
          {
            g_test_fail_printf ("\"%.*s\": pf_pii_match_value() disagrees on %s",
                                (int) length, value, pf_pii_value_kind_id (kind));
            return;
          }
    }

  /* Any bytes at all: nothing matches garbage, nothing reads past the end
   * (the value is copied to a buffer of its exact length for valgrind). */
  for (guint round = 0; round < 20000; round++)
    {
      gsize length = g_test_rand_int_range (0, 300);
      g_autofree char *value = g_malloc (MAX (length, 1));
      guint kinds;

      for (gsize i = 0; i < length; i++)
        value[i] = (char) g_test_rand_int_range (0, 256);
      kinds = pf_pii_match_value (value, length);

      for (guint kind = 0; kind < PF_PII_N_VALUE_KINDS; kind++)
        g_assert_cmpint (detectors[kind] (value, length), ==, (kinds >> kind) & 1);
    }
}

static void
test_huge_value (void)
{
  const gsize size = 1024 * 1024;
  g_autofree char *digits = g_malloc (size);
  g_autofree char *text = g_malloc (size);
  g_autofree char *bytes = g_malloc (size);
  double elapsed;

  memset (digits, '4', size);
  memset (text, 'a', size);
  for (gsize i = 0; i < size; i++)
    bytes[i] = (char) (0x80 | (i * 7));
  text[size / 2] = '@';

  g_test_timer_start ();
  for (guint i = 0; i < 100; i++)
    {
      g_assert_cmpuint (pf_pii_match_value (digits, size), ==, 0);
      g_assert_cmpuint (pf_pii_match_value (text, size), ==, 0);
      g_assert_cmpuint (pf_pii_match_value (bytes, size), ==, 0);
      g_assert_false (pf_pii_is_email (text, size));
      g_assert_false (pf_pii_is_phone (digits, size));
      g_assert_false (pf_pii_is_iban (digits, size));
      g_assert_false (pf_pii_is_card (digits, size));
      g_assert_false (pf_pii_is_ip (digits, size));
    }
  elapsed = g_test_timer_elapsed ();

  /* Long values are rejected on their length, without reading them. */
  g_test_message ("800 calls on 1 MiB values: %.6f s", elapsed);
  g_assert_cmpfloat (elapsed, <, 0.5);

  /* A value all white space is trimmed to nothing. */
  memset (text, ' ', size);
  g_assert_cmpuint (pf_pii_match_value (text, size), ==, 0);
}

static void
test_value_kind_names (void)
{
  static const char *ids[] = { "email", "phone", "iban", "card", "ip" };

  G_STATIC_ASSERT (G_N_ELEMENTS (ids) == PF_PII_N_VALUE_KINDS);

  for (guint kind = 0; kind < PF_PII_N_VALUE_KINDS; kind++)
    {
      const char *describe = pf_pii_value_kind_describe (kind);

      g_assert_cmpstr (pf_pii_value_kind_id (kind), ==, ids[kind]);
      g_assert_nonnull (describe);
      g_assert_cmpuint (strlen (describe), >, 2);
    }
  g_assert_cmpstr (pf_pii_value_kind_describe (PF_PII_EMAIL), ==, "E-mail addresses");
  g_assert_cmpstr (pf_pii_value_kind_describe (PF_PII_CARD), ==, "Payment card numbers");
}

/* Column names ---------------------------------------------------------- */

static const struct
{
  const char    *name;
  PfPiiNameKind  expected;
} name_cases[] = {
  /* Person names */
  { "name", PF_PII_NAME_PERSON_NAME },
  { "Name", PF_PII_NAME_PERSON_NAME },
  { "NAME_2", PF_PII_NAME_PERSON_NAME },
  { "first_name", PF_PII_NAME_PERSON_NAME },
  { "firstName", PF_PII_NAME_PERSON_NAME },
  { "FirstName", PF_PII_NAME_PERSON_NAME },
  { "FIRST_NAME", PF_PII_NAME_PERSON_NAME },
  { "firstname", PF_PII_NAME_PERSON_NAME },
  { "last name", PF_PII_NAME_PERSON_NAME },
  { "last-name", PF_PII_NAME_PERSON_NAME },
  { "surname", PF_PII_NAME_PERSON_NAME },
  { "full_name", PF_PII_NAME_PERSON_NAME },
  { "customer_name", PF_PII_NAME_PERSON_NAME },
  { "customer.name", PF_PII_NAME_PERSON_NAME },
  { "CustomerName", PF_PII_NAME_PERSON_NAME },
  { "account_holder", PF_PII_NAME_PERSON_NAME },
  { "Vorname", PF_PII_NAME_PERSON_NAME },
  { "nachname", PF_PII_NAME_PERSON_NAME },
  { "name_last", PF_PII_NAME_PERSON_NAME },
  { "billing_first_name", PF_PII_NAME_PERSON_NAME },
  /* Names of other things */
  { "file_name", PF_PII_NAME_NONE },
  { "fileName", PF_PII_NAME_NONE },
  { "product_name", PF_PII_NAME_NONE },
  { "column_name", PF_PII_NAME_NONE },
  { "host name", PF_PII_NAME_NONE },
  { "hostname", PF_PII_NAME_NONE },
  { "company_name", PF_PII_NAME_NONE },
  { "username", PF_PII_NAME_NONE },
  { "user_name", PF_PII_NAME_NONE },
  { "UserName", PF_PII_NAME_NONE },
  { "screen_name", PF_PII_NAME_NONE },
  { "name_en", PF_PII_NAME_NONE },
  { "names_count", PF_PII_NAME_NONE },
  { "renamed", PF_PII_NAME_NONE },
  { "firstnames_seen", PF_PII_NAME_NONE },

  /* Addresses */
  { "address", PF_PII_NAME_ADDRESS },
  { "Address", PF_PII_NAME_ADDRESS },
  { "street", PF_PII_NAME_ADDRESS },
  { "Straße", PF_PII_NAME_ADDRESS },
  { "STRASSE", PF_PII_NAME_ADDRESS },
  { "STRAßE", PF_PII_NAME_ADDRESS },
  { "KundenStraße", PF_PII_NAME_ADDRESS },
  { "strasse_hausnummer", PF_PII_NAME_ADDRESS },
  { "zip", PF_PII_NAME_ADDRESS },
  { "ZipCode", PF_PII_NAME_ADDRESS },
  { "postcode", PF_PII_NAME_ADDRESS },
  { "PostCode", PF_PII_NAME_ADDRESS },
  { "postal_code", PF_PII_NAME_ADDRESS },
  { "PLZ", PF_PII_NAME_ADDRESS },
  { "addr_line1", PF_PII_NAME_ADDRESS },
  { "addressLine2", PF_PII_NAME_ADDRESS },
  { "shipping_address", PF_PII_NAME_ADDRESS },
  { "Anschrift", PF_PII_NAME_ADDRESS },
  { "addressable_market", PF_PII_NAME_NONE },
  { "city", PF_PII_NAME_NONE },
  { "country", PF_PII_NAME_NONE },
  { "mac_address", PF_PII_NAME_NONE },
  { "zip_file", PF_PII_NAME_NONE },
  { "zipper", PF_PII_NAME_NONE },
  { "streetwise_score", PF_PII_NAME_NONE },

  /* Birth dates */
  { "birth_date", PF_PII_NAME_BIRTH_DATE },
  { "birthDate", PF_PII_NAME_BIRTH_DATE },
  { "date_of_birth", PF_PII_NAME_BIRTH_DATE },
  { "DateOfBirth", PF_PII_NAME_BIRTH_DATE },
  { "dob", PF_PII_NAME_BIRTH_DATE },
  { "DOB", PF_PII_NAME_BIRTH_DATE },
  { "customer_dob", PF_PII_NAME_BIRTH_DATE },
  { "birthday", PF_PII_NAME_BIRTH_DATE },
  { "Geburtsdatum", PF_PII_NAME_BIRTH_DATE },
  { "GEBURTSDATUM", PF_PII_NAME_BIRTH_DATE },
  { "Geburts-Datum", PF_PII_NAME_BIRTH_DATE },
  { "birth_year", PF_PII_NAME_BIRTH_DATE },
  { "year_of_birth", PF_PII_NAME_BIRTH_DATE },
  { "dobson_score", PF_PII_NAME_NONE },
  { "age", PF_PII_NAME_NONE },
  { "birth_weight", PF_PII_NAME_NONE },
  { "stubborn", PF_PII_NAME_NONE },

  /* National identifiers */
  { "ssn", PF_PII_NAME_NATIONAL_ID },
  { "SSN", PF_PII_NAME_NATIONAL_ID },
  { "social_security_number", PF_PII_NAME_NATIONAL_ID },
  { "national_id", PF_PII_NAME_NATIONAL_ID },
  { "nationalId", PF_PII_NAME_NATIONAL_ID },
  { "passport_no", PF_PII_NAME_NATIONAL_ID },
  { "tax_id", PF_PII_NAME_NATIONAL_ID },
  { "TaxID", PF_PII_NAME_NATIONAL_ID },
  { "steuer_id", PF_PII_NAME_NATIONAL_ID },
  { "Personalausweis", PF_PII_NAME_NATIONAL_ID },
  { "nin", PF_PII_NAME_NATIONAL_ID },
  { "insurance_number", PF_PII_NAME_NATIONAL_ID },
  { "Sozialversicherungsnummer", PF_PII_NAME_NATIONAL_ID },
  { "id_card", PF_PII_NAME_NATIONAL_ID },
  { "Führerschein", PF_PII_NAME_NATIONAL_ID },
  { "national_income", PF_PII_NAME_NONE },
  { "id", PF_PII_NAME_NONE },
  { "card_type", PF_PII_NAME_NONE },
  { "tax_amount", PF_PII_NAME_NONE },
  { "lassen", PF_PII_NAME_NONE },

  /* Contact details */
  { "email", PF_PII_NAME_CONTACT },
  { "Email", PF_PII_NAME_CONTACT },
  { "e_mail", PF_PII_NAME_CONTACT },
  { "e-mail", PF_PII_NAME_CONTACT },
  { "E-Mail-Adresse", PF_PII_NAME_CONTACT },
  { "emailAddress", PF_PII_NAME_CONTACT },
  { "mail", PF_PII_NAME_CONTACT },
  { "phone", PF_PII_NAME_CONTACT },
  { "phone_number", PF_PII_NAME_CONTACT },
  { "PhoneNumber", PF_PII_NAME_CONTACT },
  { "mobile", PF_PII_NAME_CONTACT },
  { "mobile_number", PF_PII_NAME_CONTACT },
  { "Telefon", PF_PII_NAME_CONTACT },
  { "fax", PF_PII_NAME_CONTACT },
  { "ip", PF_PII_NAME_CONTACT },
  { "IP", PF_PII_NAME_CONTACT },
  { "ip_address", PF_PII_NAME_CONTACT },
  { "IPAddress", PF_PII_NAME_CONTACT },
  { "client_ip", PF_PII_NAME_CONTACT },
  { "IPv4", PF_PII_NAME_CONTACT },
  { "is_mobile", PF_PII_NAME_NONE },
  { "mobile_app_sessions", PF_PII_NAME_NONE },
  { "mail_campaign", PF_PII_NAME_NONE },
  { "gmail_flag", PF_PII_NAME_NONE },
  { "telephoto_lens", PF_PII_NAME_NONE },
  { "ipo_date", PF_PII_NAME_NONE },
  { "zipcode_of_ship", PF_PII_NAME_ADDRESS },
  { "vip", PF_PII_NAME_NONE },

  /* Properties of personal data, not the data */
  { "email_verified", PF_PII_NAME_NONE },
  { "hasEmail", PF_PII_NAME_NONE },
  { "num_phones", PF_PII_NAME_NONE },
  { "phone_calls", PF_PII_NAME_NONE },
  { "email_opt_in", PF_PII_NAME_NONE },
  { "address_type", PF_PII_NAME_NONE },
  { "has_passport", PF_PII_NAME_NONE },
  { "name_length", PF_PII_NAME_NONE },
  { "ip_is_proxy", PF_PII_NAME_NONE },
  { "email_domain", PF_PII_NAME_NONE },
  { "dob_missing", PF_PII_NAME_NONE },

  /* Nothing personal, odd input */
  { "", PF_PII_NAME_NONE },
  { "___", PF_PII_NAME_NONE },
  { "amount", PF_PII_NAME_NONE },
  { "churn", PF_PII_NAME_NONE },
  { "\xff\xfe", PF_PII_NAME_NONE },
  { "pr\xc3\xa9nom", PF_PII_NAME_NONE },
};

static void
test_column_names (void)
{
  g_autoptr(GString) long_name = g_string_new (NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (name_cases); i++)
    {
      PfPiiNameKind got = pf_pii_classify_column_name (name_cases[i].name);

      if (got != name_cases[i].expected)
        g_test_fail_printf ("column \"%s\": expected %s, got %s", name_cases[i].name,
                            pf_pii_name_kind_id (name_cases[i].expected),
                            pf_pii_name_kind_id (got));
    }

  /* Long names and long words are cut, not overrun. */
  for (guint i = 0; i < 1000; i++)
    g_string_append (long_name, "very_long_word_indeed_");
  g_string_append (long_name, "email");
  g_assert_cmpint (pf_pii_classify_column_name (long_name->str), ==, PF_PII_NAME_NONE);
  g_string_assign (long_name, "email_");
  for (guint i = 0; i < 1000; i++)
    g_string_append (long_name, "x");
  g_assert_cmpint (pf_pii_classify_column_name (long_name->str), ==, PF_PII_NAME_CONTACT);
}

static void
test_name_kind_names (void)
{
  static const char *ids[] = {
    "none", "person-name", "address", "birth-date", "national-id", "contact",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (ids) == PF_PII_N_NAME_KINDS);

  for (guint kind = 0; kind < PF_PII_N_NAME_KINDS; kind++)
    {
      g_assert_cmpstr (pf_pii_name_kind_id (kind), ==, ids[kind]);
      g_assert_nonnull (pf_pii_name_kind_describe (kind));
    }
}

/* Leakage by name ------------------------------------------------------- */

static const struct
{
  const char *name;
  const char *expected;
} leak_cases[] = {
  { "cancellation_date", "cancellation" },
  { "refund_amount", "refund" },
  { "RefundAmount", "refund" },
  { "outcome", "outcome" },
  { "test_result", "result" },
  { "is_closed", "closed" },
  { "churned", "churned" },
  { "days_since_churn", "since churn" },
  { "resolution_code", "resolution" },
  { "amount_after_discount", "after" },
  { "post_treatment_score", "post" },
  { "final_grade", "final" },
  { "settled", "settled" },
  { "chargeback_flag", "chargeback" },
  { "returned_items", "returned" },
  { "paid", "paid" },
  { "contract_end_date", "end date" },
  { "endDate", "end date" },
  { "termination_reason", "termination" },
  { "exit_interview", "exit" },
  { "label", "label" },
  { "target", "target" },
  { "actual_delivery_date", "actual" },
  { "discharge_date", "discharge" },
  { "loan_defaulted", "defaulted" },

  { "postcode", NULL },
  { "post_code", NULL },
  { "PostCode", NULL },
  { "post_id", NULL },
  { "resulting_score", NULL },
  { "default_plan", NULL },
  { "afternoon_visits", NULL },
  { "labeled_by", NULL },
  { "targeting_group", NULL },
  { "closest_store", NULL },
  { "exiting", NULL },
  { "unpaid_invoices", NULL },
  { "signup_date", NULL },
  { "tenure_months", NULL },
  { "churn", NULL },
  { "", NULL },
};

static void
test_post_event_hint (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (leak_cases); i++)
    {
      const char *got = pf_leak_post_event_hint (leak_cases[i].name);

      if (g_strcmp0 (got, leak_cases[i].expected) != 0)
        g_test_fail_printf ("column \"%s\": expected %s, got %s", leak_cases[i].name,
                            leak_cases[i].expected ? leak_cases[i].expected : "(none)",
                            got ? got : "(none)");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pii/iban", test_iban);
  g_test_add_func ("/pii/card", test_card);
  g_test_add_func ("/pii/email", test_email);
  g_test_add_func ("/pii/phone", test_phone);
  g_test_add_func ("/pii/ip", test_ip);
  g_test_add_func ("/pii/match-value", test_match_value);
  g_test_add_func ("/pii/match-value-agrees", test_match_value_agrees);
  g_test_add_func ("/pii/huge-value", test_huge_value);
  g_test_add_func ("/pii/value-kind-names", test_value_kind_names);
  g_test_add_func ("/pii/column-names", test_column_names);
  g_test_add_func ("/pii/name-kind-names", test_name_kind_names);
  g_test_add_func ("/pii/post-event-hint", test_post_event_hint);

  return g_test_run ();
}
